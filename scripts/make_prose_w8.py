"""Write the prose-era Word/HTML evaluation set fixtures/documents/prose_w8_* and fixtures/expected_w8/.

Dev-only; run from the repository root with the project environment (python-docx is in it):

    .venv/bin/python scripts/make_prose_w8.py

Six invented reports (real place names, invented figures), 2010-2016, written as the offices publish
them: three Word files and three web pages.

- prose_w8_ha_county_2013.docx: county government; prose plus a real Word 统计表 whose header cells
  are merged (指标名称 and 计量单位 merged vertically, 数量 merged over 本年度 / 历年累计), section rows
  (一、主动公开情况 …) merged across the table, many empty cells.
- prose_w8_gx_district_2016.docx: district government; headings are Word-numbered list paragraphs
  (the 一、 / （一） is list numbering, not text) with run-level bold, channel items as bullets,
  figures split across runs (label and number in different runs, one number split inside its digits),
  a soft line break.
- prose_w8_sx_hrss_2015.docx: a provincial department (厅) reporting its own work, with
  province-wide system figures as distractors, Heading styles, page header/footer, full-width digits.
- prose_w8_nx_county_2010.html: an old GB2312-era CMS page (stored as GBK): layout tables,
  <font> tags, <br> line breaks inside paragraphs (one between a label and its number), &nbsp; indents.
- prose_w8_hn_land_2016.html: a city department's report in <div> paragraphs with the numbers in
  <span style> / <strong>, and a separate HTML table of 依申请公开 by channel (rows) and outcome
  (columns, merged header).
- prose_w8_js_town_2014.html: a short town report with breadcrumb, 字号【大 中 小】, 打印本页 and an
  ICP/phone footer.

The expected figures are hand-written below (EXPECTED) and saved as fixtures/expected_w8/<stem>.json
in the expected_w5 format: {"year", "era", "level", "figures": [[metric, dimension|null, value], ...]}.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "fixtures" / "documents"
EXP = ROOT / "fixtures" / "expected_w8"


# --------------------------------------------------------------------------- docx helpers


def new_doc(title: str, author: str, stamp: dt.datetime, font: str = "仿宋_GB2312") -> docx.Document:
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "Times New Roman"
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), font)
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.created = stamp
    cp.modified = stamp
    cp.last_printed = stamp
    return doc


def indent(p) -> None:
    p.paragraph_format.first_line_indent = Pt(32)


def para(doc, *runs, style: str | None = None, first_indent: bool = True, align=None):
    """Add a paragraph made of runs; a run is a str or (str, {"bold":..., "color":..., "br": True})."""
    p = doc.add_paragraph(style=style) if style else doc.add_paragraph()
    if first_indent:
        indent(p)
    if align is not None:
        p.alignment = align
    for run in runs:
        text, fmt = (run, {}) if isinstance(run, str) else run
        r = p.add_run(text)
        if fmt.get("bold"):
            r.bold = True
        if fmt.get("color"):
            r.font.color.rgb = RGBColor.from_string(fmt["color"])
        if fmt.get("size"):
            r.font.size = Pt(fmt["size"])
        if fmt.get("br"):
            r.add_break(WD_BREAK.LINE)
    return p


def title(doc, text: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(22)
    r._element.get_or_add_rPr()
    rfonts = OxmlElement("w:rFonts")
    rfonts.set(qn("w:eastAsia"), "方正小标宋简体")
    r._element.rPr.insert(0, rfonts)


def signature(doc, *lines: str) -> None:
    for line in lines:
        p = doc.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def add_chinese_numbering(doc) -> int:
    """Add a two-level list (一、 / （一）) to the numbering part; return its numId."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    aid = max(abstract_ids + [0]) + 1
    nid = max(num_ids + [0]) + 1

    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(aid))
    mlt = OxmlElement("w:multiLevelType")
    mlt.set(qn("w:val"), "hybridMultilevel")
    abstract.append(mlt)
    for ilvl, text in ((0, "%1、"), (1, "（%2）")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", "chineseCounting"), ("w:lvlText", text), ("w:lvlJc", "left")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), "0")
        ind.set(qn("w:firstLine"), "640")
        ppr.append(ind)
        lvl.append(ppr)
        abstract.append(lvl)
    # abstractNum elements must precede num elements
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(nid))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(aid))
    num.append(ref)
    numbering.append(num)
    return nid


def set_numbering(p, num_id: int, ilvl: int) -> None:
    ppr = p._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    numpr.append(lvl)
    numpr.append(nid)
    ppr.insert(0, numpr)


def save(doc, stem: str) -> None:
    doc.save(str(DOCS / f"{stem}.docx"))


# --------------------------------------------------------------------------- 1. county docx with 统计表

HA_STEM = "prose_w8_ha_county_2013"

# (label, unit, 本年度, 历年累计); label None = section row merged across the table
HA_TABLE: list[tuple[str, str, str, str] | str] = [
    "一、主动公开情况",
    ("（一）主动公开政府信息数", "条", "6318", "27455"),
    ("（二）通过不同渠道和方式公开政府信息数", "", "", ""),
    ("　　1.政府网站公开政府信息数", "条", "5907", "24120"),
    ("　　2.政府公报公开政府信息数", "条", "48", ""),
    ("　　3.政务微博公开政府信息数", "条", "363", ""),
    ("（三）召开新闻发布会次数", "次", "4", ""),
    "二、依申请公开情况",
    ("（一）收到申请数", "件", "74", "213"),
    ("　　1.当面申请数", "件", "41", "126"),
    ("　　2.传真申请数", "件", "0", ""),
    ("　　3.网络申请数", "件", "22", ""),
    ("　　4.信函申请数", "件", "11", ""),
    ("　　5.电子邮件申请数", "件", "", ""),
    ("（二）上年结转申请数", "件", "2", ""),
    ("（三）申请答复数", "件", "73", "208"),
    ("　　1.同意公开答复数", "件", "45", ""),
    ("　　2.同意部分公开答复数", "件", "8", ""),
    ("　　3.不同意公开答复数", "件", "5", ""),
    ("　　　其中：涉及国家秘密", "件", "", ""),
    ("　　　　　　涉及商业秘密", "件", "1", ""),
    ("　　　　　　涉及个人隐私", "件", "2", ""),
    ("　　　　　　不是《条例》所指政府信息", "件", "2", ""),
    ("　　4.信息不存在数", "件", "7", ""),
    ("　　5.非本机关职责权限范围数", "件", "5", ""),
    ("　　6.告知作出更改补充数", "件", "3", ""),
    ("（四）结转下年度办理数", "件", "3", ""),
    "三、行政复议、行政诉讼和申诉情况",
    ("（一）行政复议数", "件", "6", ""),
    ("　　1.维持具体行政行为数", "件", "4", ""),
    ("　　2.被依法纠错数", "件", "1", ""),
    ("　　3.其他情形数", "件", "1", ""),
    ("（二）行政诉讼数", "件", "3", ""),
    ("　　1.维持具体行政行为或者驳回原告诉讼请求数", "件", "2", ""),
    ("　　2.被依法纠错数", "件", "0", ""),
    ("　　3.其他情形数", "件", "0", ""),
    ("　　4.尚未审结数", "件", "1", ""),
    ("（三）行政申诉数", "件", "2", ""),
    "四、依申请公开收费及减免情况",
    ("（一）依申请公开政府信息收取的费用", "元", "1240", ""),
    ("（二）减免费用", "元", "320", ""),
    "五、机构建设和保障经费情况",
    ("（一）政府信息公开查阅点数", "个", "19", ""),
    ("（二）从事政府信息公开工作人员数", "人", "97", ""),
    ("　　1.专职人员数", "人", "19", ""),
    ("　　2.兼职人员数", "人", "78", ""),
    ("（三）政府信息公开专项经费", "万元", "15.6", ""),
    "六、政府信息公开会议和培训情况",
    ("（一）召开政府信息公开工作会议数", "次", "2", ""),
    ("（二）举办各类培训班数", "期", "3", ""),
    ("（三）接受培训人员数", "人次", "156", ""),
]


def make_ha_county() -> None:
    t = "原阳县人民政府2013年政府信息公开工作年度报告"
    doc = new_doc(t, "县政府办公室", dt.datetime(2014, 3, 28, 9, 0, 0))
    title(doc, t)
    para(doc, "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《河南省政府信息公开规定》要求，"
         "特向社会公布2013年度原阳县人民政府政府信息公开工作年度报告。本报告由概述，主动公开政府信息情况，"
         "依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼和申诉的情况，"
         "政府信息公开工作存在的主要问题及改进措施，附表等七部分组成。本报告中所列数据的统计期限自2013年1月1日起"
         "至2013年12月31日止。本报告的电子版可在原阳县人民政府门户网站（www.yuanyang.gov.cn）下载。如对本报告有任何"
         "疑问，请与原阳县人民政府办公室联系（地址：原阳县城关镇人民路88号；邮编：453500；电话：0373-7221316）。")
    para(doc, ("一、概述", {"bold": True}))
    para(doc, "2013年，县政府认真贯彻落实《国务院办公厅关于印发当前政府信息公开重点工作安排的通知》（国办发〔2013〕73号）"
         "精神，把财政预决算、保障性住房、食品药品安全、征地拆迁等作为公开重点。全县28个县直部门、17个乡镇（办事处）均"
         "调整充实了信息公开领导小组。全年召开全县政府信息公开工作会议2次，举办业务培训班3期，培训信息员156人次，开展专项"
         "督查4次，对11个单位进行了通报。")
    para(doc, "全县从事政府信息公开工作的人员共97人，其中专职人员19人，兼职人员78人。县财政安排政府信息公开专项经费15.6万元，"
         "在县行政服务中心、县档案馆、县图书馆和各乡镇便民服务中心设立政府信息公开查阅点19个。")
    para(doc, ("二、主动公开政府信息情况", {"bold": True}))
    para(doc, ("（一）公开数量。", {"bold": True}),
         "2013年，全县共主动公开政府信息6,318条，比2012年的5,402条增加916条，增长16.96%。截至2013年底，全县累计主动"
         "公开政府信息27,455条。")
    para(doc, ("（二）公开内容。", {"bold": True}),
         "在主动公开的信息中，机构职能类412条，政策法规类586条，规划计划类133条，工作动态类3,274条，人事信息205条，"
         "财政资金类97条，行政执法类721条，其他类890条。")
    para(doc, ("（三）公开形式。", {"bold": True}),
         "一是县政府门户网站，全年发布政府信息5,907条，网站日均访问量3,200余人次；二是《原阳县人民政府公报》，全年编印12期，"
         "刊登政府信息48条；三是“原阳发布”政务微博，全年发布信息363条，粉丝达2.1万人。此外，县行政服务中心全年接待公众"
         "查询2,340人次，县档案馆接待公众查阅418人次，县图书馆接待公众查阅265人次。全年召开新闻发布会4场。")
    para(doc, ("三、依申请公开政府信息情况", {"bold": True}))
    para(doc, ("（一）申请情况。", {"bold": True}),
         "2013年，全县共受理政府信息公开申请74件，比上年增加19件。其中，当面申请41件，网上申请22件，信函申请11件，"
         "未收到传真和电子邮件申请。从申请内容看，征地拆迁类32件，社会保障类15件，规划建设类9件，其他类18件。另有2012年"
         "结转的申请2件。")
    para(doc, ("（二）答复情况。", {"bold": True}),
         "截至2013年12月31日，已答复申请73件，其余3件因需征求第三方意见，结转至2014年继续办理。在已答复的申请中，同意"
         "公开45件，同意部分公开8件，不予公开5件，信息不存在或非本机关掌握12件，告知申请人作出更改、补充3件。所有申请均在"
         "《条例》规定的15个工作日内答复，其中当场答复21件。")
    para(doc, ("四、政府信息公开的收费及减免情况", {"bold": True}))
    para(doc, "2013年，全县依申请提供政府信息共收取检索、复制、邮寄等成本费1,240元，对6名享受城乡低保的申请人减免费用320元。")
    para(doc, ("五、因政府信息公开申请行政复议、提起行政诉讼和申诉的情况", {"bold": True}))
    para(doc, "2013年，全县因政府信息公开引发行政复议6件，其中维持具体行政行为4件，被依法纠错1件，其他情形1件；引发行政"
         "诉讼3件，其中维持具体行政行为或者驳回原告诉讼请求2件，尚未审结1件；收到政府信息公开申诉2件，均已处理完毕。"
         "县长热线全年受理群众投诉1,835件，办结率98.6%。")
    para(doc, ("六、政府信息公开工作存在的主要问题及改进措施", {"bold": True}))
    para(doc, "一是部分乡镇网站更新不及时，个别单位全年公开信息不足30条；二是依申请公开答复的规范化程度不高。2014年，我县"
         "将重点做好以下工作：一是力争全年主动公开政府信息7,000条以上，每个县直部门每月更新不少于20条；二是在6月底前完成"
         "17个乡镇便民服务中心查阅点标准化建设；三是每半年开展1次专项检查。")
    signature(doc, "原阳县人民政府", "2014年3月28日")

    doc.add_paragraph()
    para(doc, ("附件", {"bold": True}), first_indent=False)
    para(doc, ("原阳县2013年政府信息公开情况统计表", {"bold": True}), first_indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    table = doc.add_table(rows=2 + len(HA_TABLE), cols=4)
    table.style = "Table Grid"
    a = table.cell(0, 0).merge(table.cell(1, 0))
    a.text = "指标名称"
    b = table.cell(0, 1).merge(table.cell(1, 1))
    b.text = "计量单位"
    c = table.cell(0, 2).merge(table.cell(0, 3))
    c.text = "数量"
    table.cell(1, 2).text = "本年度"
    table.cell(1, 3).text = "历年累计"
    for cell in (a, b, c, table.cell(1, 2), table.cell(1, 3)):
        for r in cell.paragraphs[0].runs:
            r.bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, row in enumerate(HA_TABLE):
        r = 2 + i
        if isinstance(row, str):
            merged = table.cell(r, 0).merge(table.cell(r, 3))
            merged.text = row
            merged.paragraphs[0].runs[0].bold = True
            continue
        for j, text in enumerate(row):
            if text:
                table.cell(r, j).text = text
                if j >= 1:
                    table.cell(r, j).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(10.5)
    save(doc, HA_STEM)


# --------------------------------------------------------------------------- 2. district docx, numbered lists, split runs

GX_STEM = "prose_w8_gx_district_2016"


def make_gx_district() -> None:
    t = "柳州市柳北区人民政府2016年政府信息公开工作年度报告"
    doc = new_doc(t, "lbqzfb", dt.datetime(2017, 3, 20, 16, 30, 0))
    num = add_chinese_numbering(doc)
    title(doc, t)

    def h1(text: str) -> None:
        p = para(doc, (text, {"bold": True}), style="List Paragraph", first_indent=False)
        set_numbering(p, num, 0)

    def h2(text: str, *runs) -> None:
        p = para(doc, (text, {"bold": True}), *runs, style="List Paragraph", first_indent=False)
        set_numbering(p, num, 1)

    para(doc, "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《广西壮族自治区政府信息公开规定》编制，"
         "统计期限为2016年1月1日至2016年12月31日。本报告电子版可在柳北区人民政府门户网站下载。如对本报告有疑问，请与柳北区"
         "人民政府办公室联系（地址：柳州市柳北区北雀路125号，邮编：545001，电话：0772-2511026）。")
    h1("概述")
    para(doc, "2016年，柳北区按照《2016年政务公开工作要点》（国办发〔2016〕19号）和自治区、柳州市的部署，以“五公开”为抓手推进"
         "政务公开工作。全区20个区直部门和7个街道、1个镇均明确了分管领导和工作人员。全年召开政务公开工作推进会3次，组织业务"
         "培训2期共110人次，12345政府服务热线转办群众投诉1,530件，按期办结率99.2%。")
    h1("主动公开政府信息情况")
    h2("公开总量。", "2016年，全区", "共主动公开政府信息", ("1,256条", {"color": "000000"}),
       "，较2015年的1,108条增长13.4%，区政府门户网站全年访问量68万人次。")
    h2("公开内容。", "其中概况类信息38条，计划总结类46条，", "规范性文件9件，工作动态类", "804条，人事类52条，"
       "财政类67条，行政执法类113条，其他类127条。")
    h2("公开渠道。", "全区主动公开的信息通过以下渠道发布：")
    for runs in (
        ("区政府门户网站：发布政府信息", "1,037", "条；"),
        ("政务微博“柳北发布”：发布", ("142", {"bold": True}), "条；"),
        ("政务微信“柳北政务”：推送", "77条，关注人数", "1.2万人。"),
    ):
        para(doc, *runs, style="List Bullet", first_indent=False)
    h1("政策解读和回应社会关切情况")
    para(doc, "全年召开新闻发布会3场，发布政策解读材料21篇（其中图解7篇），回应公众关注热点9次；",
         ("", {"br": True}),
         "举办“在线访谈”6期，通过区政府网站“在线咨询”栏目答复群众咨询214条。")
    h1("依申请公开政府信息情况")
    h2("申请情况。", "全年", "收到政府信息公开申请", "3", "7件，另有2015年结转申请1件。从申请方式看，当面申请19件，"
       "网上申请", "12件，信函申请6件。")
    h2("办理情况。", "已办结36件，其中同意公开", ("21", {"bold": True}), "件，同意部分公开4件，不予公开2件，信息不存在或"
       "非本机关掌握6件，因属重复申请不予处理3件。另有2件因涉及第三方需征求意见，结转至2017年办理。")
    h1("政府信息公开收费及减免情况")
    para(doc, "全年未收取任何费用，无减免情况。")
    h1("因政府信息公开申请行政复议、行政诉讼和申诉情况")
    para(doc, "全年因政府信息公开被申请行政复议4件，其中维持具体行政行为2件，被依法纠错1件，尚未审结1件；被提起行政诉讼2件，"
         "其中驳回原告诉讼请求1件，其他情形1件（原告撤诉）。未收到申诉。")
    h1("政府信息公开工作人员情况")
    para(doc, "全区从事政府信息公开工作的人员共", "41人，其中专职人员6人，占14.6%；兼职人员35人，占85.4%。")
    h1("人大代表建议和政协委员提案办理结果公开情况")
    para(doc, "全年承办区人大代表建议48件、区政协委员提案63件，全部按期办结并公开答复，代表满意和基本满意率98.5%，委员满意"
         "和基本满意率100%。")
    h1("存在的主要问题及改进措施")
    para(doc, "一是部分街道信息更新不及时；二是政策解读形式较为单一。2017年，我区将力争全年主动公开政府信息1,500条以上，重要"
         "政策解读率达到100%，每季度开展1次网站检查并通报结果。")
    signature(doc, "柳州市柳北区人民政府办公室", "2017年3月20日")
    save(doc, GX_STEM)


# --------------------------------------------------------------------------- 3. provincial department docx

SX_STEM = "prose_w8_sx_hrss_2015"


def make_sx_hrss() -> None:
    t = "山西省人力资源和社会保障厅2015年政府信息公开工作年度报告"
    doc = new_doc(t, "办公室", dt.datetime(2016, 3, 25, 11, 0, 0), font="宋体")
    section = doc.sections[0]
    section.header.paragraphs[0].text = "山西省人力资源和社会保障厅"
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    section.footer.paragraphs[0].text = "山西省人力资源和社会保障厅办公室　　　　2016年3月25日印发"
    doc.add_paragraph(t, style="Title")
    para(doc, "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和省政府办公厅《关于做好2015年度政府信息公开工作年度报告"
         "编制发布工作的通知》（晋政办函〔2016〕12号）要求，现公布山西省人力资源和社会保障厅2015年政府信息公开工作年度报告。"
         "本报告统计期限为2015年1月1日至2015年12月31日。如对本报告有疑问，请与省人力资源和社会保障厅办公室联系（地址：太原市"
         "府西街69号，邮编：030002，电话：0351-4660155）。")
    doc.add_paragraph("一、概述", style="Heading 1")
    para(doc, "2015年，我厅调整了政府信息公开工作领导小组，领导小组办公室设在厅办公室。厅机关从事政府信息公开工作的人员共29人，"
         "其中专职1人，兼职28人（由各处室、直属单位信息员担任）。全年厅党组会专题研究信息公开工作2次，组织全省人社系统业务"
         "培训1期，培训180人。")
    doc.add_paragraph("二、主动公开政府信息情况", style="Heading 1")
    doc.add_paragraph("（一）主动公开数量及内容", style="Heading 2")
    para(doc, "2015年，厅本级主动公开政府信息１３７２条，比上年增加204条。其中政策法规类186条，就业创业类241条，社会保险类"
         "312条，人事人才类398条（含公务员考录、事业单位公开招聘公告），劳动关系类87条，工作动态类148条。")
    para(doc, "全省各级人力资源社会保障部门全年共主动公开信息3.6万余条，其中11个市人社局公开2.1万条。")
    doc.add_paragraph("（二）公开渠道", style="Heading 2")
    para(doc, "厅门户网站是主动公开的主渠道，全年在网站公开政府信息1,372条，网站全年访问量达486万人次。5月开通“山西人社”政务"
         "微信，推送信息215条。在厅政务服务大厅设置政府信息查阅点，全年接待公众查阅326人次。")
    doc.add_paragraph("（三）政策解读与回应关切", style="Heading 2")
    para(doc, "围绕机关事业单位养老保险制度改革、企业退休人员基本养老金调整等社会关注事项，参加省政府新闻办新闻发布会6场，发布"
         "政策解读14篇，回应社会关注热点11次。通过门户网站“厅长信箱”“咨询服务”栏目答复公众咨询1,847条。全省12333电话咨询"
         "服务系统全年接听群众来电136.2万人次。")
    doc.add_paragraph("三、依申请公开政府信息情况", style="Heading 1")
    para(doc, "2015年，厅本级共收到政府信息公开申请１５８件，较2014年的96件增长64.6%。其中网上申请87件，信函申请52件，当面"
         "申请15件，传真申请4件。按内容分，养老保险类58件，工伤认定和劳动能力鉴定类41件，公务员考录及事业单位招聘类37件，"
         "其他22件。全省各级人社部门共收到信息公开申请1,026件。")
    para(doc, "加上2014年结转的3件，全年共需办理161件，已办结154件，其中同意公开88件，同意部分公开11件，不予公开9件，信息不存在"
         "或非本机关掌握29件，属于信访、重复申请等不予处理的17件；7件因需延期答复结转至2016年办理。")
    doc.add_paragraph("四、政府信息公开的收费及减免情况", style="Heading 1")
    para(doc, "2015年，我厅依申请提供政府信息未收取任何费用，不存在减免情况。")
    doc.add_paragraph("五、因政府信息公开申请行政复议、提起行政诉讼和申诉的情况", style="Heading 1")
    para(doc, "2015年，因政府信息公开申请对我厅提起行政复议12件，其中维持具体行政行为7件，被依法纠错2件，申请人撤回申请等其他"
         "情形1件，尚未审结2件；提起行政诉讼5件，其中维持具体行政行为或驳回原告诉讼请求3件，被依法纠错1件，尚未审结1件。收到"
         "政府信息公开申诉1件，已按规定办结。全省劳动人事争议仲裁机构全年受理案件2.1万件。")
    doc.add_paragraph("六、存在的主要问题及改进措施", style="Heading 1")
    para(doc, "一是政策解读的针对性、通俗性还不够；二是依申请公开数量增长较快，答复质量有待提高。2016年，我厅将开展全省人社系统"
         "信息公开培训2期，年底前实现11个市人社局网站统一公开目录，依申请公开按期答复率保持100%。")
    signature(doc, "山西省人力资源和社会保障厅", "2016年3月25日")
    save(doc, SX_STEM)


# --------------------------------------------------------------------------- 4. old CMS html (GBK)

NX_STEM = "prose_w8_nx_county_2010"

NX_BODY = [
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《宁夏回族自治区政府信息公开规定》，现公布西吉县人民政府2010年"
    "政府信息公开工作年度报告。本报告统计期限为2010年1月1日至12月31日。<br>"
    "&nbsp;&nbsp;&nbsp;&nbsp;本报告电子版可在西吉县人民政府网站下载。如对本报告有疑问，请与县政府办公室联系（电话：0954-3012345）。",
    "<b>一、概述</b>",
    "2010年，县政府按照《固原市人民政府办公室关于做好2010年政府信息公开工作的通知》（固政办发〔2010〕36号）要求，进一步完善"
    "政府信息公开工作制度。全县26个部门、19个乡镇共明确政府信息公开工作人员64名，均为兼职。<br>"
    "&nbsp;&nbsp;&nbsp;&nbsp;全年举办政府信息公开培训班3期，培训120人次；开展检查4次。",
    "<b>二、主动公开政府信息情况</b>",
    "2010年，全县共主动公开政府信息<br>2143条，比2009年的1605条增加538条。自2008年5月《条例》实施以来，全县累计主动公开政府"
    "信息4960条。<br>"
    "&nbsp;&nbsp;&nbsp;&nbsp;其中：机构职能类118条，政策法规类204条，规划计划类57条，业务工作类1326条，人事信息84条，财政信息65条，"
    "其他信息289条。",
    "公开形式上，通过县政府网站公开1782条，通过各乡镇、部门政务公开栏公开361条。县档案馆接待群众查阅137人次，县图书馆接待"
    "群众查阅58人次。全县19个乡镇、296个行政村全部设立了村务公开栏。",
    "<b>三、依申请公开政府信息情况</b>",
    "2010年全县共受理政府信息公开申请9件，全部为当面申请，内容涉及退耕还林补助、农村低保、生态移民搬迁等。9件申请均已按期"
    "答复，其中同意公开6件，同意部分公开1件，因信息不存在未能提供2件。",
    "<b>四、政府信息公开收费及减免情况</b>",
    "2010年，我县在政府信息公开工作中未收取任何费用。",
    "<b>五、因政府信息公开申请提起行政复议、行政诉讼和申诉情况</b>",
    "2010年，全县未发生因政府信息公开引起的行政复议、行政诉讼和申诉案件。",
    "<b>六、存在的问题及改进措施</b>",
    "一是部分乡镇信息公开意识不强，公开内容不够全面；二是网站信息更新不够及时。<br>"
    "&nbsp;&nbsp;&nbsp;&nbsp;2011年，我县将力争全年主动公开政府信息3000条以上，每个部门每月至少更新5条信息，并于6月底前在县政务"
    "服务中心设立政府信息查阅点。",
]


def make_nx_county() -> None:
    ttl = "西吉县人民政府2010年政府信息公开工作年度报告"
    body = "\n".join(
        f'<p style="line-height:200%"><font size="3" face="宋体">&nbsp;&nbsp;&nbsp;&nbsp;{p}</font></p>' for p in NX_BODY
    )
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<HTML>
<HEAD>
<META http-equiv=Content-Type content="text/html; charset=gb2312">
<TITLE>{ttl}--西吉县人民政府</TITLE>
<LINK href="/css/style.css" type=text/css rel=stylesheet>
<SCRIPT language=javascript src="/js/menu.js"></SCRIPT>
</HEAD>
<BODY leftMargin=0 topMargin=0 bgcolor="#FFFFFF">
<TABLE cellSpacing=0 cellPadding=0 width=778 align=center border=0>
  <TR><TD><IMG height=120 src="/images/top.jpg" width=778 border=0></TD></TR>
  <TR><TD background="/images/nav_bg.gif" height=28 align="center"><font color="#FFFFFF">
    <A href="/">首 页</A> | <A href="/xjgk/">西吉概况</A> | <A href="/zwgk/">政务公开</A> | <A href="/xxgk/">信息公开</A> |
    <A href="/bsfw/">办事服务</A> | <A href="/gzhd/">公众互动</A></font></TD></TR>
</TABLE>
<TABLE cellSpacing=0 cellPadding=0 width=778 align=center border=0>
  <TR>
    <TD vAlign=top width=180 bgcolor="#EEF4FA">
      <TABLE cellSpacing=0 cellPadding=4 width="100%" border=0>
        <TR><TD height=30 background="/images/lm_bg.gif"><font color="#FFFFFF"><b>信息公开</b></font></TD></TR>
        <TR><TD><font size=2>·<A href="/xxgk/zn/">公开指南</A></font></TD></TR>
        <TR><TD><font size=2>·<A href="/xxgk/ml/">公开目录</A></font></TD></TR>
        <TR><TD><font size=2>·<A href="/xxgk/nb/"><font color=red>年度报告</font></A></font></TD></TR>
        <TR><TD><font size=2>·<A href="/xxgk/ysq/">依申请公开</A></font></TD></TR>
      </TABLE>
    </TD>
    <TD vAlign=top width=598>
      <TABLE cellSpacing=0 cellPadding=0 width="100%" border=0>
        <TR><TD height=26><font size=2>&nbsp;当前位置：<A href="/">首页</A> &gt;&gt; <A href="/xxgk/">信息公开</A> &gt;&gt; 年度报告</font></TD></TR>
        <TR><TD align=center height=50><font size=4 color="#CC0000"><b>{ttl}</b></font></TD></TR>
        <TR><TD align=center><font size=2 color="#666666">作者：县政府办公室&nbsp;&nbsp;&nbsp;来源：本站原创&nbsp;&nbsp;&nbsp;点击数：328&nbsp;&nbsp;&nbsp;更新时间：2011-3-15</font></TD></TR>
        <TR><TD><HR color="#CCCCCC" size=1></TD></TR>
        <TR><TD style="padding:8px">
{body}
<p align="right"><font size="3" face="宋体">西吉县人民政府办公室<br>二〇一一年三月十日</font></p>
        </TD></TR>
        <TR><TD align=right><font size=2>【<A href="javascript:window.print()">打印本文</A>】【<A href="javascript:window.close()">关闭窗口</A>】</font></TD></TR>
        <TR><TD><font size=2>上一篇：<A href="/xxgk/nb/200903/20090320_1123.html">西吉县人民政府2008年政府信息公开工作年度报告</A><br>
        下一篇：<A href="/xxgk/nb/201103/20110316_2310.html">西吉县教育局2010年政府信息公开工作年度报告</A></font></TD></TR>
      </TABLE>
    </TD>
  </TR>
</TABLE>
<TABLE cellSpacing=0 cellPadding=0 width=778 align=center border=0 bgcolor="#DDE8F3">
  <TR><TD align=center height=60><font size=2>版权所有：西吉县人民政府&nbsp;&nbsp;承办：西吉县信息中心&nbsp;&nbsp;电话：0954-3012345<br>
  宁ICP备05000123号&nbsp;&nbsp;建议使用IE6.0以上浏览器、800×600分辨率浏览</font></TD></TR>
</TABLE>
</BODY>
</HTML>
"""
    (DOCS / f"{NX_STEM}.html").write_bytes(page.encode("gbk"))


# --------------------------------------------------------------------------- 5. city department html with request table

HN_STEM = "prose_w8_hn_land_2016"

S = '<span style="font-family:仿宋_GB2312;font-size:16pt">'
N = '<span style="font-family:Times New Roman;font-size:16pt;color:#c00000">'
E = "</span>"

HN_PARAS = [
    f"{S}根据《中华人民共和国政府信息公开条例》和《湖南省政府信息公开规定》要求，现将株洲市国土资源局2016年政府信息公开工作情况"
    f"报告如下。本报告统计期限为2016年1月1日至12月31日。如对本报告有疑问，请与市国土资源局办公室联系（地址：株洲市天元区神农大道"
    f"8号；电话：0731-28680107）。{E}",
    f'<strong>{S}一、概述{E}</strong>',
    f"{S}2016年，我局依照《株洲市2016年政务公开工作要点》（株政办发〔2016〕23号）和《关于进一步做好征地信息公开工作的通知》"
    f"（株国土资发〔2016〕45号），将征地批复、征地补偿安置、土地供应、矿业权出让作为公开重点。局机关从事政府信息公开工作的人员"
    f"共13人，其中专职2人、兼职11人。全年不动产登记办件量3.2万件，受理群众来信来访356件次，12336国土资源违法线索举报电话受理"
    f"举报214件。{E}",
    f'<strong>{S}二、主动公开政府信息情况{E}</strong>',
    f"{S}2016年，我局{E}{S}共主动公开政府信息{E}<strong>862</strong>{S}条，其中通过局门户网站公开{E}{N}705{E}{S}条，通过“株洲国土”"
    f"政务微信发布{E}{N}157{E}{S}条。按内容分：征地批复及补偿安置方案公告203条，土地供应结果146条，矿业权出让22条，规范性"
    f"文件5件，工作动态类311条，其他信息175条。{E}",
    f"{S}针对土地征收补偿标准调整、不动产统一登记等社会关注事项，我局召开新闻发布会{E}<strong>2</strong>{S}次，发布政策解读"
    f"{E}<strong>8</strong>{S}篇，回应公众关注热点{E}<strong>5</strong>{S}次。{E}",
    f'<strong>{S}三、依申请公开政府信息情况{E}</strong>',
    f"{S}2016年，我局共受理政府信息公开申请{E}<strong>103</strong>{S}件，较2015年的85件增长21.2%。申请内容主要集中在征地补偿"
    f"安置（47件）、不动产登记（21件）和土地出让（18件）等方面。截至12月31日，已办结99件，其中同意公开55件，同意部分公开10件，"
    f"不予公开6件，信息不存在或非本局掌握22件，不予处理6件；4件正在办理中，结转至2017年办理。各渠道申请及办理情况见下表。{E}",
    "__TABLE__",
    f'<strong>{S}四、政府信息公开收费及减免情况{E}</strong>',
    f"{S}2016年，我局依申请提供政府信息全年未收取任何费用。{E}",
    f'<strong>{S}五、因政府信息公开申请行政复议、提起行政诉讼的情况{E}</strong>',
    f"{S}2016年，因政府信息公开申请对我局提起行政复议{E}<strong>7</strong>{S}件，其中维持具体行政行为4件，被依法纠错1件，"
    f"尚未审结2件；提起行政诉讼{E}<strong>3</strong>{S}件，其中驳回原告诉讼请求2件，被依法纠错1件。全年未收到政府信息公开方面"
    f"的申诉。{E}",
    f'<strong>{S}六、存在的主要问题及改进措施{E}</strong>',
    f"{S}一是依申请公开数量增长较快，答复的规范性有待加强；二是县（市）区国土资源分局信息公开工作不平衡。2017年，我局将力争"
    f"征地信息公开率达到100%，每季度对各分局开展1次检查，全年组织培训不少于2次。{E}",
]

# 申请方式, 受理数, 同意公开, 部分公开, 不予公开, 信息不存在, 非本机关掌握, 不予处理, 正在办理
HN_TABLE = [
    ("当面", "46", "24", "5", "3", "6", "4", "2", "2"),
    ("网上", "38", "21", "3", "2", "5", "3", "3", "1"),
    ("信函", "17", "8", "2", "1", "3", "1", "1", "1"),
    ("传真", "0", "0", "0", "0", "0", "0", "0", "0"),
    ("电子邮件", "2", "2", "", "", "", "", "", ""),
    ("合计", "103", "55", "10", "6", "14", "8", "6", "4"),
]


def hn_table_html() -> str:
    head = (
        '<table border="1" cellspacing="0" cellpadding="3" width="100%" style="border-collapse:collapse;font-size:14px">\n'
        '<caption><strong>株洲市国土资源局2016年依申请公开办理情况表</strong></caption>\n'
        '<tr><td rowspan="2" align="center"><strong>申请方式</strong></td><td rowspan="2" align="center"><strong>受理数</strong></td>'
        '<td colspan="7" align="center"><strong>办理结果（件）</strong></td></tr>\n'
        '<tr><td align="center">同意公开</td><td align="center">部分公开</td><td align="center">不予公开</td>'
        '<td align="center">信息不存在</td><td align="center">非本机关掌握</td><td align="center">不予处理</td>'
        '<td align="center">正在办理</td></tr>\n'
    )
    rows = []
    for row in HN_TABLE:
        label = f"<strong>{row[0]}</strong>" if row[0] == "合计" else row[0]
        cells = "".join(f'<td align="center">{v if v else "&nbsp;"}</td>' for v in row[1:])
        rows.append(f'<tr><td align="center">{label}</td>{cells}</tr>')
    return head + "\n".join(rows) + "\n</table>"


def make_hn_land() -> None:
    ttl = "株洲市国土资源局2016年政府信息公开工作年度报告"
    parts = []
    for p in HN_PARAS:
        if p == "__TABLE__":
            parts.append(hn_table_html())
        else:
            parts.append(f'<div style="text-indent:2em;line-height:1.8;margin:6px 0">{p}</div>')
    body = "\n".join(parts)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="ArticleTitle" content="{ttl}">
<meta name="PubDate" content="2017-01-24 15:02">
<meta name="ContentSource" content="株洲市国土资源局">
<title>{ttl}_株洲市国土资源局</title>
<link rel="stylesheet" href="/static/css/article.css">
</head>
<body>
<div class="header"><div class="logo"><img src="/static/img/logo.png" alt="株洲市国土资源局"></div>
<div class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/jgsz/">机构设置</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="main">
<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">年度报告</a></div>
<div class="article">
<h1>{ttl}</h1>
<div class="meta">来源：局办公室　发布时间：2017-01-24　浏览次数：<span id="hits">1,097</span></div>
<div class="TRS_Editor">
{body}
<div style="text-align:right;margin-top:20px">{S}株洲市国土资源局{E}</div>
<div style="text-align:right">{S}2017年1月23日{E}</div>
</div>
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a>　<a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>
</div>
<div class="footer"><p>主办：株洲市国土资源局　地址：株洲市天元区神农大道8号　邮编：412007</p>
<p>湘ICP备05006123号　网站标识码：4302000036　技术支持：株洲市电子政务中心</p></div>
</body>
</html>
"""
    (DOCS / f"{HN_STEM}.html").write_text(page, encoding="utf-8")


# --------------------------------------------------------------------------- 6. short town page

JS_STEM = "prose_w8_js_town_2014"

JS_PARAS = [
    "根据《中华人民共和国政府信息公开条例》和昆山市政府信息公开办公室要求，现将周市镇2014年政府信息公开工作情况报告如下。"
    "本报告统计期限为2014年1月1日至2014年12月31日。",
    "<strong>一、基本情况</strong>",
    "周市镇总面积82平方公里，常住人口约14万人。镇党政办公室负责政府信息公开日常工作，现有工作人员4名，均为兼职。2014年，"
    "镇里把动迁安置、农村集体资产、社会救助等群众关心的事项作为公开重点。",
    "<strong>二、主动公开情况</strong>",
    "全年共主动公开政府信息213条，其中在昆山市政府门户网站周市镇专栏发布168条，在镇政务公开栏张贴45条；各村（社区）村务"
    "公开栏全年更新96期。镇便民服务中心全年接待群众查询412人次，办理各类便民业务1.8万件。",
    "<strong>三、依申请公开情况</strong>",
    "全年收到政府信息公开申请5件（2013年为3件），其中当面申请3件，网上申请2件；内容上，动迁安置类4件，其他1件。5件申请均已"
    "答复：同意公开3件，同意部分公开1件，非本机关掌握1件。",
    "<strong>四、复议、诉讼和申诉情况</strong>",
    "因政府信息公开申请被申请行政复议1件，经市政府复议维持了我镇的答复；未发生行政诉讼和申诉。全年通过12345热线转办"
    "群众诉求1,028件。",
    "<strong>五、收费和减免情况</strong>",
    "未收取任何费用。",
    "<strong>六、存在的不足及改进措施</strong>",
    "一是村（社区）一级公开不够规范；二是网上公开内容更新不够及时。2015年，我镇将确保每月在镇专栏更新信息不少于15条。",
]


def make_js_town() -> None:
    ttl = "周市镇人民政府2014年政府信息公开工作年度报告"
    body = "\n".join(f"<p>　　{p}</p>" for p in JS_PARAS)
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{ttl} - 昆山市周市镇</title>
<link href="/css/zs.css" rel="stylesheet" type="text/css" />
<script type="text/javascript">function doZoom(size){{document.getElementById('zoom').style.fontSize=size+'px';}}</script>
</head>
<body>
<div class="top"><img src="/images/zs_banner.jpg" alt="周市镇人民政府" /></div>
<div class="menu"><a href="/">首页</a> <a href="/zsgk/">周市概况</a> <a href="/zwgk/">政务公开</a> <a href="/tzzs/">投资周市</a> <a href="/msfw/">民生服务</a></div>
<div class="crumb">您的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/xxgk/">信息公开</a> &gt; <a href="/zwgk/xxgk/ndbg/">年度报告</a> &gt; 正文</div>
<div class="content">
<h2>{ttl}</h2>
<div class="info">发布日期：2015-01-26　来源：镇党政办　字号：【<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>
<div id="zoom">
{body}
<p style="text-align:right">周市镇人民政府</p>
<p style="text-align:right">2015年1月23日</p>
</div>
<div class="btn"><a href="javascript:window.print();">打印本页</a>　<a href="javascript:window.close();">关闭窗口</a></div>
</div>
<div class="footer">
<p>主办单位：昆山市周市镇人民政府　地址：昆山市周市镇金茂路1号　邮编：215314</p>
<p>联系电话：0512-57660000　传真：0512-57661111　苏ICP备09012345号</p>
</div>
</body>
</html>
"""
    (DOCS / f"{JS_STEM}.html").write_text(page, encoding="utf-8")


# --------------------------------------------------------------------------- expected figures

EXPECTED: dict[str, dict] = {
    HA_STEM: {
        "year": 2013, "level": "government",
        "figures": [
            ["proactive.total", None, 6318],
            ["proactive.cumulative", None, 27455],
            ["proactive.by_category", "机构职能", 412],
            ["proactive.by_category", "政策法规", 586],
            ["proactive.by_category", "规划计划", 133],
            ["proactive.by_category", "工作动态", 3274],
            ["proactive.by_category", "人事", 205],
            ["proactive.by_category", "财政资金", 97],
            ["proactive.by_category", "行政执法", 721],
            ["proactive.by_category", "其他", 890],
            ["proactive.by_channel", "政府网站", 5907],
            ["proactive.by_channel", "政府公报", 48],
            ["proactive.by_channel", "政务微博", 363],
            ["inquiries.by_venue", "县行政服务中心", 2340],
            ["inquiries.by_venue", "县档案馆", 418],
            ["inquiries.by_venue", "县图书馆", 265],
            ["outreach.press_conferences", None, 4],
            ["requests.received", None, 74],
            ["requests.by_channel", "当面", 41],
            ["requests.by_channel", "传真", 0],
            ["requests.by_channel", "网上", 22],
            ["requests.by_channel", "信函", 11],
            ["requests.by_channel", "电子邮件", 0],
            ["requests.by_topic", "征地拆迁", 32],
            ["requests.by_topic", "社会保障", 15],
            ["requests.by_topic", "规划建设", 9],
            ["requests.by_topic", "其他", 18],
            ["requests.carried_over", None, 2],
            ["requests.answered", None, 73],
            ["requests.granted", None, 45],
            ["requests.partially_granted", None, 8],
            ["requests.refused", None, 5],
            ["requests.unable", None, 12],
            ["requests.carried_forward", None, 3],
            ["fees.collected", None, 1240],
            ["fees.waived", None, 320],
            ["reviews.total", None, 6],
            ["reviews.upheld", None, 4],
            ["reviews.corrected", None, 1],
            ["reviews.other", None, 1],
            ["lawsuits.total", None, 3],
            ["lawsuits.upheld", None, 2],
            ["lawsuits.corrected", None, 0],
            ["lawsuits.other", None, 0],
            ["lawsuits.pending", None, 1],
            ["complaints.total", None, 2],
            ["staff.total", None, 97],
            ["staff.full_time", None, 19],
            ["staff.part_time", None, 78],
        ],
    },
    GX_STEM: {
        "year": 2016, "level": "government",
        "figures": [
            ["proactive.total", None, 1256],
            ["proactive.by_category", "概况", 38],
            ["proactive.by_category", "计划总结", 46],
            ["proactive.by_category", "规范性文件", 9],
            ["proactive.by_category", "工作动态", 804],
            ["proactive.by_category", "人事", 52],
            ["proactive.by_category", "财政", 67],
            ["proactive.by_category", "行政执法", 113],
            ["proactive.by_category", "其他", 127],
            ["proactive.by_channel", "政府网站", 1037],
            ["proactive.by_channel", "政务微博", 142],
            ["proactive.by_channel", "政务微信", 77],
            ["outreach.press_conferences", None, 3],
            ["outreach.interpretations", None, 21],
            ["outreach.hot_responses", None, 9],
            ["outreach.consultations", None, 214],
            ["requests.received", None, 37],
            ["requests.carried_over", None, 1],
            ["requests.by_channel", "当面", 19],
            ["requests.by_channel", "网上", 12],
            ["requests.by_channel", "信函", 6],
            ["requests.answered", None, 36],
            ["requests.granted", None, 21],
            ["requests.partially_granted", None, 4],
            ["requests.refused", None, 2],
            ["requests.unable", None, 6],
            ["requests.not_processed", None, 3],
            ["requests.carried_forward", None, 2],
            ["fees.collected", None, 0],
            ["fees.waived", None, 0],
            ["reviews.total", None, 4],
            ["reviews.upheld", None, 2],
            ["reviews.corrected", None, 1],
            ["reviews.pending", None, 1],
            ["lawsuits.total", None, 2],
            ["lawsuits.upheld", None, 1],
            ["lawsuits.other", None, 1],
            ["complaints.total", None, 0],
            ["staff.total", None, 41],
            ["staff.full_time", None, 6],
            ["staff.full_time_share", None, 14.6],
            ["staff.part_time", None, 35],
            ["staff.part_time_share", None, 85.4],
            ["npc.suggestions", None, 48],
            ["cppcc.proposals", None, 63],
            ["npc.satisfaction", None, 98.5],
            ["cppcc.satisfaction", None, 100],
        ],
    },
    SX_STEM: {
        "year": 2015, "level": "department",
        "figures": [
            ["proactive.total", None, 1372],
            ["proactive.by_category", "政策法规", 186],
            ["proactive.by_category", "就业创业", 241],
            ["proactive.by_category", "社会保险", 312],
            ["proactive.by_category", "人事人才", 398],
            ["proactive.by_category", "劳动关系", 87],
            ["proactive.by_category", "工作动态", 148],
            ["proactive.by_channel", "政府网站", 1372],
            ["proactive.by_channel", "政务微信", 215],
            ["inquiries.by_venue", "厅政务服务大厅", 326],
            ["outreach.press_conferences", None, 6],
            ["outreach.interpretations", None, 14],
            ["outreach.hot_responses", None, 11],
            ["outreach.consultations", None, 1847],
            ["requests.received", None, 158],
            ["requests.by_channel", "网上", 87],
            ["requests.by_channel", "信函", 52],
            ["requests.by_channel", "当面", 15],
            ["requests.by_channel", "传真", 4],
            ["requests.by_topic", "养老保险", 58],
            ["requests.by_topic", "工伤认定和劳动能力鉴定", 41],
            ["requests.by_topic", "公务员考录及事业单位招聘", 37],
            ["requests.by_topic", "其他", 22],
            ["requests.carried_over", None, 3],
            ["requests.answered", None, 154],
            ["requests.granted", None, 88],
            ["requests.partially_granted", None, 11],
            ["requests.refused", None, 9],
            ["requests.unable", None, 29],
            ["requests.not_processed", None, 17],
            ["requests.carried_forward", None, 7],
            ["fees.collected", None, 0],
            ["fees.waived", None, 0],
            ["reviews.total", None, 12],
            ["reviews.upheld", None, 7],
            ["reviews.corrected", None, 2],
            ["reviews.other", None, 1],
            ["reviews.pending", None, 2],
            ["lawsuits.total", None, 5],
            ["lawsuits.upheld", None, 3],
            ["lawsuits.corrected", None, 1],
            ["lawsuits.pending", None, 1],
            ["complaints.total", None, 1],
            ["staff.total", None, 29],
            ["staff.full_time", None, 1],
            ["staff.part_time", None, 28],
        ],
    },
    NX_STEM: {
        "year": 2010, "level": "government",
        "figures": [
            ["proactive.total", None, 2143],
            ["proactive.cumulative", None, 4960],
            ["proactive.by_category", "机构职能", 118],
            ["proactive.by_category", "政策法规", 204],
            ["proactive.by_category", "规划计划", 57],
            ["proactive.by_category", "业务工作", 1326],
            ["proactive.by_category", "人事", 84],
            ["proactive.by_category", "财政", 65],
            ["proactive.by_category", "其他", 289],
            ["proactive.by_channel", "政府网站", 1782],
            ["proactive.by_channel", "政务公开栏", 361],
            ["inquiries.by_venue", "县档案馆", 137],
            ["inquiries.by_venue", "县图书馆", 58],
            ["requests.received", None, 9],
            ["requests.by_channel", "当面", 9],
            ["requests.answered", None, 9],
            ["requests.granted", None, 6],
            ["requests.partially_granted", None, 1],
            ["requests.unable", None, 2],
            ["fees.collected", None, 0],
            ["reviews.total", None, 0],
            ["lawsuits.total", None, 0],
            ["complaints.total", None, 0],
            ["staff.total", None, 64],
            ["staff.part_time", None, 64],
        ],
    },
    HN_STEM: {
        "year": 2016, "level": "department",
        "figures": [
            ["proactive.total", None, 862],
            ["proactive.by_channel", "政府网站", 705],
            ["proactive.by_channel", "政务微信", 157],
            ["proactive.by_category", "征地批复及补偿安置方案公告", 203],
            ["proactive.by_category", "土地供应结果", 146],
            ["proactive.by_category", "矿业权出让", 22],
            ["proactive.by_category", "规范性文件", 5],
            ["proactive.by_category", "工作动态", 311],
            ["proactive.by_category", "其他", 175],
            ["outreach.press_conferences", None, 2],
            ["outreach.interpretations", None, 8],
            ["outreach.hot_responses", None, 5],
            ["requests.received", None, 103],
            ["requests.by_channel", "当面", 46],
            ["requests.by_channel", "网上", 38],
            ["requests.by_channel", "信函", 17],
            ["requests.by_channel", "传真", 0],
            ["requests.by_channel", "电子邮件", 2],
            ["requests.by_topic", "征地补偿安置", 47],
            ["requests.by_topic", "不动产登记", 21],
            ["requests.by_topic", "土地出让", 18],
            ["requests.answered", None, 99],
            ["requests.granted", None, 55],
            ["requests.partially_granted", None, 10],
            ["requests.refused", None, 6],
            ["requests.unable", None, 22],
            ["requests.not_processed", None, 6],
            ["requests.carried_forward", None, 4],
            ["fees.collected", None, 0],
            ["reviews.total", None, 7],
            ["reviews.upheld", None, 4],
            ["reviews.corrected", None, 1],
            ["reviews.pending", None, 2],
            ["lawsuits.total", None, 3],
            ["lawsuits.upheld", None, 2],
            ["lawsuits.corrected", None, 1],
            ["complaints.total", None, 0],
            ["staff.total", None, 13],
            ["staff.full_time", None, 2],
            ["staff.part_time", None, 11],
        ],
    },
    JS_STEM: {
        "year": 2014, "level": "township",
        "figures": [
            ["proactive.total", None, 213],
            ["proactive.by_channel", "政府网站", 168],
            ["proactive.by_channel", "镇政务公开栏", 45],
            ["inquiries.by_venue", "镇便民服务中心", 412],
            ["requests.received", None, 5],
            ["requests.by_channel", "当面", 3],
            ["requests.by_channel", "网上", 2],
            ["requests.by_topic", "动迁安置", 4],
            ["requests.by_topic", "其他", 1],
            ["requests.answered", None, 5],
            ["requests.granted", None, 3],
            ["requests.partially_granted", None, 1],
            ["requests.unable", None, 1],
            ["reviews.total", None, 1],
            ["reviews.upheld", None, 1],
            ["lawsuits.total", None, 0],
            ["complaints.total", None, 0],
            ["fees.collected", None, 0],
            ["staff.total", None, 4],
            ["staff.part_time", None, 4],
        ],
    },
}


def write_expected() -> None:
    EXP.mkdir(parents=True, exist_ok=True)
    for stem, exp in EXPECTED.items():
        lines = [
            "{",
            f'  "year": {exp["year"]}, "era": "prose", "level": "{exp["level"]}",',
            '  "figures": [',
        ]
        figs = [f"    {json.dumps(f, ensure_ascii=False)}" for f in exp["figures"]]
        lines.append(",\n".join(figs))
        lines += ["  ]", "}"]
        (EXP / f"{stem}.json").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    make_ha_county()
    make_gx_district()
    make_sx_hrss()
    make_nx_county()
    make_hn_land()
    make_js_town()
    write_expected()
    for stem in EXPECTED:
        for path in sorted(DOCS.glob(f"{stem}.*")):
            print(f"{path.stat().st_size:>8}  {path.relative_to(ROOT)}")
        print(f"{(EXP / f'{stem}.json').stat().st_size:>8}  {(EXP / f'{stem}.json').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
