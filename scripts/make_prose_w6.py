"""Draw the prose-era PDF evaluation documents fixtures/documents/prose_w6_*.pdf.

Dev-only: needs reportlab, which is not a project dependency. Run it from a scratch environment,
e.g.

    python3 -m venv /tmp/w6venv && /tmp/w6venv/bin/pip install reportlab
    /tmp/w6venv/bin/python scripts/make_prose_w6.py [--show]

The six reports (2010-2018) are laid out the way offices print them from a word processor: a red
head with the issuing body (and sometimes a document number) over a red rule, a centred title,
body text in 宋体 wrapped at a fixed width (30-38 characters a line, first-line indents made of
full-width spaces, Chinese line-breaking rules for punctuation, digit runs kept whole), so that a
label and its number, or a number and its unit, often end up on different lines. Pages carry a
page number (“— 3 —” or “第3页 共5页”); one report has a running header on its later pages; one
appends a ruled 统计表 (指标名称 | 单位 | 本年度 | 历年累计) that continues over a page break with its
header row repeated. The expected figures are hand-written in fixtures/expected_w6/<stem>.json.

--show prints each document's wrapped lines and the line breaks that fall between a label and its
number or between a number and its unit.
"""

from __future__ import annotations

import itertools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

OUT = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
FONT = "STSong-Light"
PAGE_W, PAGE_H = A4
RED = (0.86, 0.08, 0.08)
BLACK = (0, 0, 0)

NO_START = set("，。、；：？！）》”’〕】％…·")
NO_END = set("（《“‘〔【")
TOKEN = re.compile(r"[0-9A-Za-z.,%:/@\-]+|.", re.S)
IND = "\u3000\u3000"  # first-line indent: two full-width spaces


def width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def wrap(text: str, size: float, max_w: float) -> list[str]:
    """Greedy line filling by glyph width: ASCII runs stay whole, closing punctuation may hang
    into the margin rather than start a line, opening punctuation never ends a line."""
    lines: list[str] = []
    cur = ""
    for tok in TOKEN.findall(text):
        if cur and width(cur + tok, size) > max_w:
            if tok in NO_START:
                cur += tok
                continue
            carry = ""
            while cur and cur[-1] in NO_END:
                carry, cur = cur[-1] + carry, cur[:-1]
            lines.append(cur)
            cur = carry + tok
        else:
            cur += tok
    if cur:
        lines.append(cur)
    return lines


@dataclass
class Layout:
    size: float  # body font size
    chars: int  # full-width characters per line
    page_no: str  # "dash" → — 3 —, "of" → 第3页 共5页
    header: str | None = None  # running header on pages 2..n
    lead: float = 1.8  # line pitch as a multiple of the font size
    top: float = PAGE_H - 70
    bottom: float = 82

    @property
    def text_w(self) -> float:
        return self.chars * self.size

    @property
    def left(self) -> float:
        return (PAGE_W - self.text_w) / 2


class Pager:
    """Collects drawing operations page by page; page numbers are added when all pages are known."""

    def __init__(self, lay: Layout):
        self.lay = lay
        self.pages: list[list[tuple]] = [[]]
        self.y = lay.top

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.lay.top - (16 if self.lay.header else 0)

    def need(self, h: float) -> None:
        if self.y - h < self.lay.bottom:
            self.new_page()

    def text(self, x: float, y: float, s: str, size: float, color=BLACK, align: str = "left") -> None:
        if len(s) == 1 and ord(s) > 127:
            # pdfium's text layer drops a text object that holds a single CJK glyph of a UCS-2 CID
            # font as reportlab writes it (a lone unit cell such as 条); a trailing space keeps it
            s += " "
        self.pages[-1].append(("text", x, y, s, size, color, align))

    def line(self, x1: float, y1: float, x2: float, y2: float, w: float = 0.6, color=BLACK) -> None:
        self.pages[-1].append(("line", x1, y1, x2, y2, w, color))

    # --- blocks ---
    def redhead(self, name: str, docno: str | None) -> None:
        lay = self.lay
        self.y -= 18
        self.text(PAGE_W / 2, self.y, name, 25, RED, "center")
        self.y -= 34
        if docno:
            self.text(PAGE_W / 2, self.y, docno, 13, BLACK, "center")
            self.y -= 12
        self.line(lay.left - 10, self.y, lay.left + lay.text_w + 10, self.y, 1.8, RED)
        self.line(lay.left - 10, self.y - 3, lay.left + lay.text_w + 10, self.y - 3, 0.5, RED)
        self.y -= 40

    def title(self, lines: list[str], size: float = 17) -> None:
        for s in lines:
            self.text(PAGE_W / 2, self.y, s, size, BLACK, "center")
            self.y -= size * 1.6
        self.y -= 10

    def center(self, s: str, size: float | None = None) -> None:
        size = size or self.lay.size
        self.need(size * self.lay.lead)
        self.text(PAGE_W / 2, self.y, s, size, BLACK, "center")
        self.y -= size * self.lay.lead

    def para(self, s: str, indent: bool = True) -> list[str]:
        lay = self.lay
        lines = wrap((IND if indent else "") + s, lay.size, lay.text_w)
        for ln in lines:
            self.need(lay.size * lay.lead)
            self.text(lay.left, self.y, ln, lay.size)
            self.y -= lay.size * lay.lead
        return lines

    def sign(self, lines: list[str]) -> None:
        lay = self.lay
        self.y -= lay.size
        for s in lines:
            self.need(lay.size * lay.lead)
            self.text(lay.left + lay.text_w - 2 * lay.size, self.y, s, lay.size, BLACK, "right")
            self.y -= lay.size * lay.lead

    def blank(self, n: float = 1) -> None:
        self.y -= self.lay.size * self.lay.lead * n

    def table(self, head: list[str], rows: list[tuple], cols: list[float], size: float = 10.5) -> None:
        """Ruled table; a row with one string is a merged section row. Long labels wrap inside
        their cell; values sit on the row's vertical centre; the header repeats after a page break."""
        x0 = self.lay.left + (self.lay.text_w - sum(cols)) / 2
        xs = [x0]
        for w in cols:
            xs.append(xs[-1] + w)
        pitch = size * 1.45

        def row_h(cells: tuple) -> tuple[float, list[str]]:
            label = wrap(cells[0], size, cols[0] - 8) if len(cells) > 1 else [cells[0]]
            return len(label) * pitch + 8, label

        def draw(cells: tuple, header: bool = False) -> None:
            h, label = row_h(cells)
            top = self.y
            self.line(xs[0], top, xs[-1], top)
            bot = top - h
            if len(cells) == 1:
                self.text(xs[0] + 4, top - 4 - size, cells[0], size)
                self.line(xs[0], top, xs[0], bot)
                self.line(xs[-1], top, xs[-1], bot)
            else:
                for i, ln in enumerate(label):
                    if header:
                        self.text((xs[0] + xs[1]) / 2, top - 4 - size - i * pitch, ln, size, BLACK, "center")
                    else:
                        self.text(xs[0] + 4, top - 4 - size - i * pitch, ln, size)
                mid = top - h / 2 - size * 0.35
                for j, v in enumerate(cells[1:], start=1):
                    if v != "":
                        self.text((xs[j] + xs[j + 1]) / 2, mid, v, size, BLACK, "center")
                for x in xs:
                    self.line(x, top, x, bot)
            self.line(xs[0], bot, xs[-1], bot)
            self.y = bot

        draw(tuple(head), header=True)
        for cells in rows:
            h, _ = row_h(cells)
            if self.y - h < self.lay.bottom:
                self.new_page()
                draw(tuple(head), header=True)
            draw(cells)
        self.y -= self.lay.size


def render(pager: Pager, path: Path, title: str) -> None:
    lay = pager.lay
    n = len(pager.pages)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)  # reproducible bytes
    c.setTitle(title)
    for i, ops in enumerate(pager.pages, start=1):
        if lay.header and i > 1:
            c.setFont(FONT, 9)
            c.setFillColorRGB(*BLACK)
            c.drawCentredString(PAGE_W / 2, PAGE_H - 42, lay.header)
            c.setLineWidth(0.5)
            c.line(lay.left, PAGE_H - 48, lay.left + lay.text_w, PAGE_H - 48)
        for op in ops:
            if op[0] == "text":
                _, x, y, s, size, color, align = op
                c.setFont(FONT, size)
                c.setFillColorRGB(*color)
                {"left": c.drawString, "center": c.drawCentredString, "right": c.drawRightString}[align](
                    x, y, s
                )
            else:
                _, x1, y1, x2, y2, w, color = op
                c.setLineWidth(w)
                c.setStrokeColorRGB(*color)
                c.line(x1, y1, x2, y2)
        c.setFillColorRGB(*BLACK)
        c.setFont(FONT, 11)
        label = f"— {i} —" if lay.page_no == "dash" else f"第{i}页 共{n}页"
        c.drawCentredString(PAGE_W / 2, 46, label)
        c.showPage()
    c.save()


# --------------------------------------------------------------------------------------------
# The documents. Each is a list of blocks: ("h", heading) on its own line, ("p", paragraph),
# ("sign", [lines]), ("break",), ("center", text), ("table", head, rows, cols), ("blank",).
# --------------------------------------------------------------------------------------------

XJ_TABLE = [
    ("一、主动公开情况",),
    ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "2947", "9862"),
    ("　　其中：主动公开规范性文件数", "条", "35", "168"),
    ("（二）通过不同渠道和方式公开政府信息的情况", "", "", ""),
    ("　　1.政府公报公开政府信息数", "条", "43", "127"),
    ("　　2.政府网站公开政府信息数", "条", "2512", "8431"),
    ("　　3.其他渠道和方式公开政府信息数", "条", "392", "—"),
    ("二、依申请公开情况",),
    ("（一）收到申请数", "件", "36", "118"),
    ("　　1.当面申请数", "件", "21", "—"),
    ("　　2.传真申请数", "件", "0", "—"),
    ("　　3.网络申请数", "件", "9", "—"),
    ("　　4.信函申请数", "件", "6", "—"),
    ("　　5.电子邮件申请数", "件", "0", "—"),
    ("（二）申请答复数", "件", "34", "—"),
    ("　　1.同意公开答复数", "件", "22", "—"),
    ("　　2.同意部分公开答复数", "件", "4", "—"),
    ("　　3.不同意公开答复数", "件", "2", "—"),
    ("　　4.信息不存在或非本机关掌握数", "件", "5", "—"),
    ("　　5.告知作出更改补充数", "件", "1", "—"),
    ("三、行政复议数", "件", "3", "7"),
    ("　　（一）维持具体行政行为数", "件", "2", "—"),
    ("　　（二）被依法纠错数", "件", "1", "—"),
    ("　　（三）其他情形数", "件", "0", "—"),
    ("四、行政诉讼数", "件", "1", "2"),
    ("　　（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "1", "—"),
    ("　　（二）被依法纠错数", "件", "0", "—"),
    ("　　（三）其他情形数", "件", "0", "—"),
    ("五、申诉数", "件", "0", "—"),
    ("六、依申请公开收取费用", "元", "320", "—"),
    ("　　其中：减免费用", "元", "45", "—"),
    ("七、从事政府信息公开工作人员数", "人", "97", "—"),
    ("　　1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", "11", "—"),
    ("　　2.兼职人员数", "人", "86", "—"),
    ("八、政府信息公开专项经费", "万元", "8", "—"),
    ("九、举办政府信息公开培训班数", "次", "3", "—"),
    ("　　接受培训人员数", "人次", "156", "—"),
]

DOCS: dict[str, dict] = {
    # 1. county government, 2012: 统计表 appended, 第N页 共M页
    "prose_w6_xj_county_2012": {
        "layout": Layout(size=13, chars=33, page_no="of"),
        "redhead": ("玛纳斯县人民政府办公室", "玛政办发〔2013〕11号"),
        "title": ["玛纳斯县人民政府2012年政府信息公开", "工作年度报告"],
        "blocks": [
            (
                "p",
                "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《新疆维吾尔自治区政府信息公开规定》的要求，由玛纳斯县人民政府办公室在汇总县政府各部门、各乡镇（场）年度报告的基础上编制。全文包括概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开收费及减免情况，因政府信息公开申请提起行政复议、行政诉讼情况，工作人员和经费情况，人大代表建议和政协委员提案办理情况，存在的主要问题及改进措施，并附政府信息公开情况统计表。本报告中所列数据的统计期限自2012年1月1日起至2012年12月31日止。本报告的电子版可在玛纳斯县人民政府网站（www.mns.gov.cn）下载。如对本报告有疑问，请与玛纳斯县人民政府信息公开办公室联系（地址：玛纳斯县凤凰路19号县政府办公楼214室；邮编：832200；电话：0994-6621035）。",
            ),
            ("h", "一、概述"),
            (
                "p",
                "2012年，县政府认真贯彻《条例》和自治州人民政府办公室《关于进一步做好政府信息公开工作的通知》（昌州政办发〔2012〕27号）精神，将政府信息公开工作纳入全县目标管理考核，分值由上年的3分提高到5分。全县28个县直部门、11个乡镇（场）均明确了分管领导和承办机构。全年召开政府信息公开工作推进会2次，举办业务培训班3期，培训各单位信息公开工作人员156人次；县政府督查室会同县监察局开展专项检查4次，对信息更新不及时的7个单位进行了通报。",
            ),
            ("h", "二、主动公开政府信息情况"),
            (
                "p",
                "（一）公开数量。2012年，全县各级行政机关共主动公开政府信息2,947条，比上年的2,318条增加629条，增长27.1%。其中，县政府及县直部门公开2,106条，各乡镇（场）公开841条。截至2012年12月31日，全县累计主动公开政府信息9,862条。",
            ),
            (
                "p",
                "（二）公开内容。在主动公开的信息中，机构职能类信息186条，政策法规类信息241条，规划计划类信息97条，业务动态类信息1,735条，人事类信息64条，财政类信息138条，其他类信息486条。全县46个部门和乡镇（场）的2012年部门预算在县政府网站集中公开，较上年增加12个。",
            ),
            (
                "p",
                "（三）公开形式。县政府门户网站是政府信息公开的第一平台，全年通过政府网站公开政府信息2,512条；编印《玛纳斯政报》6期，通过政府公报公开政府信息43条；通过《昌吉日报》、县电视台、政务公开栏等其他渠道和方式公开政府信息392条。全年县政府召开新闻发布会5次。",
            ),
            (
                "p",
                "（四）查阅场所。在县档案馆、县图书馆和县政务服务中心设立了政府信息公开查阅点，配备电脑和查阅设备9台。全年县档案馆接待公众查询318人次，县图书馆接待公众查询205人次，县政务服务中心接待公众查询1,127人次。",
            ),
            ("h", "三、依申请公开政府信息情况"),
            (
                "p",
                "（一）申请情况。2012年，全县各级行政机关共受理政府信息公开申请36件，比上年增加9件。其中当面申请21件，网上申请9件，信函申请6件。申请内容主要涉及土地征收补偿（14件）、城镇房屋拆迁（8件）、社会救助（5件）和其他事项（9件）。",
            ),
            (
                "p",
                "（二）答复情况。截至2012年12月31日，已答复34件。其中，同意公开22件，同意部分公开4件，不予公开2件，信息不存在或非本机关掌握5件，申请内容不明确、告知申请人补正1件。另有2件因涉及第三方权益需征求意见，结转至2013年继续办理。所有答复均在《条例》规定的15个工作日内作出。",
            ),
            ("h", "四、政府信息公开收费及减免情况"),
            (
                "p",
                "全年全县依申请提供政府信息收取检索、复制、邮寄等成本费用共计320元；对2名享受城乡低保待遇的申请人减免费用45元。",
            ),
            ("h", "五、因政府信息公开申请提起行政复议、行政诉讼情况"),
            (
                "p",
                "2012年，全县因政府信息公开申请提起行政复议3件，其中维持具体行政行为2件，被依法纠错1件；提起行政诉讼1件，经法院审理，判决维持具体行政行为。全年未收到有关政府信息公开的申诉。",
            ),
            ("h", "六、工作人员和经费情况"),
            (
                "p",
                "全县从事政府信息公开工作的人员共97人，其中专职人员11人，兼职人员86人。县财政安排政府信息公开工作专项经费8万元，主要用于政府网站改版和查阅点建设。",
            ),
            ("h", "七、人大代表建议和政协委员提案办理情况"),
            (
                "p",
                "全年县政府系统共承办县人大代表建议62件、县政协委员提案78件，均在规定时限内办结并答复，办复率100%。代表对建议办理的满意和基本满意率为96.8%，委员对提案办理的满意和基本满意率为97.4%。",
            ),
            ("h", "八、存在的主要问题及改进措施"),
            (
                "p",
                "2012年我县政府信息公开工作取得了一定成效，但仍存在一些不足：一是部分乡镇（场）和部门对信息公开工作重视不够，信息更新不及时；二是公开内容以工作动态为主，群众关心的重点领域信息公开深度不够；三是少数民族语言文字的信息公开还比较薄弱。",
            ),
            (
                "p",
                "2013年，我们将重点做好以下工作：一是进一步拓展公开内容，力争全县主动公开政府信息不少于3,200条，县直部门每月在政府网站更新信息不少于6条；二是推进维吾尔文、哈萨克文信息公开，年内在县政府网站开设双语专栏；三是加强业务培训，全年举办培训班不少于2期。",
            ),
            ("blank",),
            ("p", "附件：玛纳斯县2012年政府信息公开情况统计表"),
            ("sign", ["玛纳斯县人民政府办公室", "2013年3月20日"]),
            ("break",),
            ("p", "附件", False),
            ("center", "玛纳斯县2012年政府信息公开情况统计表", 15),
            ("table", ["指标名称", "单位", "本年度", "历年累计"], XJ_TABLE, [236, 46, 68, 72]),
        ],
    },
    # 2. city district government, 2017: headings and (一)(二) sub-items on their own lines,
    #    running header on pages 2.., — N —
    "prose_w6_bj_district_2017": {
        "layout": Layout(
            size=12, chars=34, page_no="dash", header="北京市门头沟区人民政府2017年政府信息公开工作年度报告"
        ),
        "redhead": ("北京市门头沟区人民政府", None),
        "title": ["北京市门头沟区人民政府2017年", "政府信息公开工作年度报告"],
        "blocks": [
            ("center", "（2018年3月29日）"),
            ("blank", 0.3),
            (
                "p",
                "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《北京市政府信息公开规定》编制，由概述，主动公开政府信息情况，依申请公开政府信息情况，行政复议和行政诉讼情况，收费及减免情况，工作人员情况，人大代表建议和政协提案办理情况，存在的问题和改进措施八个部分组成。本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。本报告电子版可在“北京·门头沟”政府网站（www.bjmtg.gov.cn）下载。如对本报告有疑问，请与门头沟区人民政府办公室政务公开科联系（地址：北京市门头沟区新桥南大街8号，邮编：102300，电话：010-69842311）。",
            ),
            ("h", "一、概述"),
            ("h", "（一）加强组织领导"),
            (
                "p",
                "区政府调整了区政务公开工作领导小组（门政办发〔2017〕8号），由常务副区长任组长，全区37个区属部门和13个镇（街道）均确定了政务公开分管领导和承办科室。全年召开领导小组会议3次，研究部署重点领域信息公开工作。",
            ),
            ("h", "（二）健全工作制度"),
            (
                "p",
                "制定印发《门头沟区2017年政务公开工作要点》，修订完善《门头沟区政府信息公开保密审查办法》《门头沟区政策解读工作规范》等5项制度。组织全区政务公开业务培训2次，培训人员320余人次。",
            ),
            ("h", "二、主动公开政府信息情况"),
            ("h", "（一）公开数量和内容"),
            (
                "p",
                "2017年，全区共主动公开政府信息6,418条，比上年增加1,036条，增长19.2%。其中：概况类信息312条，计划总结类信息205条，规范性文件信息41条，工作动态类信息3,856条，人事信息274条，财政信息487条，行政执法信息826条，其他信息417条。截至2017年底，全区累计主动公开政府信息38,775条。",
            ),
            ("h", "（二）公开渠道"),
            (
                "p",
                "区政府门户网站是政府信息公开的第一平台，全年通过政府网站公开政府信息5,692条；编印《门头沟区人民政府公报》12期，刊登政府信息96条；通过“门头沟发布”政务微博发布信息1,874条，通过政务微信发布信息1,211条。区政务服务中心全年接待公众查询2,130人次，区档案馆接待公众查询486人次。",
            ),
            ("h", "（三）政策解读和回应关切"),
            (
                "p",
                "坚持“谁起草、谁解读”，围绕棚户区改造、浅山区生态修复、“疏解整治促提升”等重点工作，全年召开新闻发布会14场，发布政策解读材料58篇，回应公众关注热点或重大舆情23次。通过“12345”市民服务热线区级分中心和区政府网站“政民互动”栏目受理公众咨询4,216人次，按时答复率99.6%。",
            ),
            ("h", "三、依申请公开政府信息情况"),
            ("h", "（一）申请情况"),
            (
                "p",
                "2017年，全区共收到政府信息公开申请412件，比上年的297件增加115件，另有上年结转申请9件。从申请方式看，当面申请186件，网上申请153件，信函申请71件，传真申请2件。从申请内容看，房屋征收与补偿类198件，规划建设类64件，土地管理类57件，其他93件。",
            ),
            ("h", "（二）办理情况"),
            (
                "p",
                "连同上年结转的9件，全年共办结申请405件。其中：予以公开168件；部分公开47件；不予公开29件；信息不存在、非本机关掌握或者无法提供的124件；属于信访、咨询或者重复申请等情形不予处理的31件；申请人主动撤回申请6件。截至2017年12月31日，尚有16件申请在法定答复期限内，结转至2018年继续办理。",
            ),
            ("h", "四、行政复议和行政诉讼情况"),
            ("h", "（一）行政复议"),
            (
                "p",
                "全年因政府信息公开引发行政复议27件，其中维持具体行政行为15件，被依法纠错4件，其他情形5件，尚未审结3件。",
            ),
            ("h", "（二）行政诉讼"),
            (
                "p",
                "全年发生政府信息公开行政诉讼19件（上年为14件），其中法院判决驳回原告诉讼请求11件，被依法纠错2件，原告撤诉等其他情形3件，尚未审结3件。全年未收到有关政府信息公开的申诉。",
            ),
            ("h", "五、收费及减免情况"),
            ("p", "全年依申请提供政府信息未收取任何费用，也未发生减免情况。"),
            ("h", "六、工作人员情况"),
            ("p", "全区从事政府信息公开工作的人员共146人，其中专职人员38人，占26%；兼职人员108人，占74%。"),
            ("h", "七、人大代表建议和政协提案办理情况"),
            (
                "p",
                "2017年，区政府系统共承办区人大代表建议131件、区政协提案164件，全部按期办结，办理复文均已公开。代表、委员对办理工作的满意和基本满意率分别为98.5%和99.4%。",
            ),
            ("h", "八、存在的问题和改进措施"),
            ("h", "（一）存在的问题"),
            (
                "p",
                "一是部分单位对政策解读重视不够，解读形式以文字为主；二是依申请公开案件数量持续增加，答复文书的规范性有待提高；三是镇（街道）政务公开专栏内容更新不够及时。",
            ),
            ("h", "（二）改进措施"),
            (
                "p",
                "2018年，区政府将围绕上述问题重点做好以下工作：一是强化政策解读，力争重要政策解读率达到100%，每季度召开新闻发布会不少于3场；二是规范依申请公开办理，年内组织全区业务培训不少于2次；三是加强网站管理，区政府网站信息日均更新不少于15条。",
            ),
            ("sign", ["北京市门头沟区人民政府", "2018年3月29日"]),
        ],
    },
    # 3. municipal bureau, 2016: numbered paragraphs 1. 2. 3., — N —
    "prose_w6_hi_transport_2016": {
        "layout": Layout(size=14, chars=30, page_no="dash"),
        "redhead": ("海口市交通运输局", "海交运〔2017〕15号"),
        "title": ["海口市交通运输局2016年政府信息公开", "工作年度报告"],
        "blocks": [
            (
                "p",
                "根据《中华人民共和国政府信息公开条例》和海口市人民政府办公厅《关于做好2016年度政府信息公开工作年度报告编制和发布工作的通知》（海府办函〔2017〕12号）要求，现将我局2016年政府信息公开工作情况报告如下。本报告统计期限为2016年1月1日至12月31日。如有疑问，请与局办公室联系（地址：海口市龙华区金盘路30号，电话：0898-66531872）。",
            ),
            ("h", "一、基本情况"),
            (
                "p",
                "1.组织机构。我局政府信息公开工作由分管副局长负责，局办公室具体承办，配备工作人员4名，其中专职1名，兼职3名；局属运输管理处、路政支队等6个单位各确定1名信息员。",
            ),
            (
                "p",
                "2.制度建设。修订了《海口市交通运输局政府信息公开保密审查办法》和《依申请公开工作流程》，明确公开属性认定、审核发布和答复时限等要求。",
            ),
            ("p", "3.业务培训。全年组织政府信息公开业务培训2次，局机关和局属单位参训人员85人次。"),
            ("h", "二、主动公开政府信息情况"),
            (
                "p",
                "1.公开数量。2016年，我局共主动公开政府信息1,243条，较2015年的986条增长26.1%。其中，通过局门户网站公开1,027条，通过“海口交通”政务微博发布142条，通过“海口交通”微信公众号发布74条。",
            ),
            (
                "p",
                "2.公开内容。行政许可类信息412条，主要为道路运输经营许可、出租汽车驾驶员从业资格证核发结果；行政处罚类信息356条；规划计划类信息38条；工作动态类信息385条；其他类信息52条。",
            ),
            (
                "p",
                "3.解读回应。围绕出租汽车行业改革、公交线网优化调整等群众关注的事项，发布政策解读9篇，召开新闻发布会3次，回应公众关注热点7次。通过12328交通运输服务监督电话和局网站“局长信箱”受理群众咨询1,926人次，另受理出租汽车服务质量投诉2,315件，办结率100%。",
            ),
            ("h", "三、依申请公开政府信息情况"),
            (
                "p",
                "1.申请情况。全年共收到政府信息公开申请17件（2015年为11件），其中网上申请9件，信函申请5件，当面申请3件。申请内容主要涉及出租汽车经营权（7件）、道路建设征地（6件）和其他（4件）。",
            ),
            (
                "p",
                "2.办理情况。17件申请均在法定期限内答复。其中同意公开8件，同意部分公开3件，因涉及商业秘密不予公开2件，非本机关掌握3件，属重复申请不予处理1件。无上年结转的申请，也无结转下年度办理的申请。",
            ),
            ("h", "四、收费及减免情况"),
            ("p", "依申请提供政府信息，按照省物价部门核定的标准收取复制费、邮寄费共计186元，全年无减免。"),
            ("h", "五、行政复议、行政诉讼和申诉情况"),
            (
                "p",
                "1.行政复议。因政府信息公开被申请行政复议2件，经市政府复议，维持1件，被依法纠错1件（责令重新答复）。",
            ),
            ("p", "2.行政诉讼。被提起政府信息公开行政诉讼1件，截至报告编制时法院尚未审结。"),
            ("p", "3.申诉。全年无申诉。"),
            ("h", "六、存在的问题及改进措施"),
            ("p", "1.公开内容的深度不够，部分行政执法信息公开不及时。"),
            ("p", "2.局属单位信息员多为兼职，业务能力参差不齐。"),
            (
                "p",
                "3.2017年，我局将进一步加大主动公开力度，力争全年主动公开信息不少于1,500条，行政处罚决定在作出之日起7个工作日内上网公开。",
            ),
            ("sign", ["海口市交通运输局", "2017年1月23日"]),
        ],
    },
    # 4. county bureau (民政局), 2014: Chinese numerals for small counts, 第N页 共M页
    "prose_w6_cq_civil_2014": {
        "layout": Layout(size=12.5, chars=34, page_no="of"),
        "redhead": ("巫山县民政局", "巫山民政发〔2015〕4号"),
        "title": ["巫山县民政局2014年政府信息公开", "工作年度报告"],
        "blocks": [
            (
                "p",
                "根据《中华人民共和国政府信息公开条例》和县政府办公室《关于做好2014年政府信息公开工作年度报告编制发布工作的通知》（巫山府办发〔2015〕2号）要求，特编制本报告。本报告统计时间为2014年1月1日至2014年12月31日。",
            ),
            ("h", "一、概述"),
            (
                "p",
                "我局内设9个股室，下属县社会福利院、救助管理站、殡仪馆等5个二级单位，承担全县社会救助、救灾、优抚安置、基层政权和社区建设等工作。局里成立了由局长任组长的政府信息公开工作领导小组，办公室负责日常工作，信息公开工作人员三名，均为兼职。2014年召开专题会议2次，研究社会救助信息公开工作。",
            ),
            ("h", "二、主动公开政府信息情况"),
            (
                "p",
                "全年主动公开政府信息418条，较上年增长12.4%。其中，在县政府公众信息网公开297条，在局机关和各乡镇民政服务站的政务公开栏张贴公示121条。按内容分，社会救助类信息186条（含城乡低保、特困人员供养名单），救灾资金物资类信息47条，优抚安置类信息58条，工作动态类信息127条。",
            ),
            (
                "p",
                "2014年，县政府修订出台了《巫山县城乡居民最低生活保障实施办法》（巫山府发〔2014〕21号），我局通过县电视台和政府网站对该办法进行了2次政策解读，并印发宣传资料1.2万份。局社会救助服务大厅全年接待群众政策咨询1,300余人次。",
            ),
            ("h", "三、依申请公开政府信息情况"),
            (
                "p",
                "2014年我局共受理政府信息公开申请六件，比上年多两件。其中当面申请四件，信函申请两件；申请内容都是低保、医疗救助资金发放情况。六件申请均已按期答复：同意公开四件；部分公开一件，申请人所要名册中其他低保对象的身份证号码和银行账号作了遮盖处理；信息不存在一件，已书面告知申请人。",
            ),
            ("h", "四、政府信息公开收费及减免情况"),
            ("p", "我局依申请提供政府信息，没有收取任何费用。"),
            ("h", "五、因政府信息公开申请提起行政复议、行政诉讼和申诉情况"),
            ("p", "2014年未发生因政府信息公开引起的行政复议、行政诉讼，也没有群众就信息公开提出申诉。"),
            ("h", "六、存在的主要问题和改进措施"),
            (
                "p",
                "一是农村低保对象公示在一些村落实得不到位，公示时间不足7天；二是网上公开的信息以工作动态为主，救助资金使用情况公开不够细。2015年，我局将在全县26个乡镇（街道）民政服务站统一设置公开栏，力争每月在县政府公众信息网更新信息不少于40条。",
            ),
            ("p", "联系电话：023-57682214"),
            ("sign", ["巫山县民政局", "2015年1月20日"]),
        ],
    },
    # 5. township, 2010: short, — N —
    "prose_w6_sc_town_2010": {
        "layout": Layout(size=14, chars=31, page_no="dash"),
        "redhead": ("三台县芦溪镇人民政府", "芦府发〔2011〕3号"),
        "title": ["三台县芦溪镇人民政府2010年", "政府信息公开工作年度报告"],
        "blocks": [
            (
                "p",
                "根据《中华人民共和国政府信息公开条例》和三台县人民政府办公室《关于报送2010年度政府信息公开工作年度报告的通知》（三府办函〔2011〕5号）要求，现将我镇2010年政府信息公开工作情况报告如下。",
            ),
            ("h", "一、基本情况"),
            (
                "p",
                "芦溪镇辖32个村、3个社区，总人口6.2万人。镇政府成立了以镇长为组长的政务公开工作领导小组，党政办公室负责政府信息公开日常工作，配备兼职工作人员2名。全年召开政务公开专题会议2次，组织村（社区）干部培训1次、参训48人。",
            ),
            ("h", "二、主动公开政府信息情况"),
            (
                "p",
                "2010年，我镇共主动公开政府信息156条，比上年的103条增加53条。其中，在三台县政府网站乡镇专栏公开52条，在镇政务公开栏公开104条。从内容看，涉农补贴类信息87条，计划生育类信息21条，工作动态类信息48条。镇便民服务中心全年接待群众查询560余人次。",
            ),
            ("h", "三、依申请公开政府信息情况"),
            (
                "p",
                "2010年，我镇收到政府信息公开申请1件，为当面申请。申请人要求公开本村2009年度粮食直补发放名册，经审查同意公开，并当场提供了复印件。",
            ),
            ("h", "四、政府信息公开收费及减免情况"),
            ("p", "未收取任何费用。"),
            ("h", "五、因政府信息公开申请提起行政复议、行政诉讼的情况"),
            ("p", "没有发生因政府信息公开申请提起的行政复议和行政诉讼，也没有群众申诉。"),
            ("h", "六、存在的主要问题和改进措施"),
            (
                "p",
                "一是部分村务公开栏设施陈旧，公开内容更新不及时；二是镇政府网页信息偏少。2011年，我镇计划投入1.5万元更新35个村（社区）公开栏，力争每月在县政府网站乡镇专栏发布信息不少于8条。",
            ),
            ("p", "联系人：镇党政办公室　电话：0816-5621327"),
            ("sign", ["三台县芦溪镇人民政府", "二〇一一年一月二十五日"]),
        ],
    },
    # 6. street office, 2018: 第N页 共M页
    "prose_w6_gd_street_2018": {
        "layout": Layout(size=12, chars=36, page_no="of"),
        "redhead": ("深圳市福田区华富街道办事处", "福华办〔2019〕3号"),
        "title": ["深圳市福田区华富街道办事处", "2018年政府信息公开工作年度报告"],
        "blocks": [
            (
                "p",
                "根据《中华人民共和国政府信息公开条例》和《福田区2018年政务公开工作要点》（福府办〔2018〕6号）要求，现公布华富街道办事处2018年政府信息公开工作年度报告。本报告统计期限为2018年1月1日至2018年12月31日。如对本报告有疑问，请与街道党政办公室联系（电话：0755-83245160）。",
            ),
            ("h", "一、概述"),
            (
                "p",
                "华富街道下辖10个社区，辖区面积1.9平方公里，常住人口约8.6万人。街道党政办公室负责政府信息公开日常工作，现有政府信息公开工作人员5名，其中专职2名、兼职3名。全年组织社区工作人员政务公开培训3场，培训120人次。",
            ),
            ("h", "二、主动公开政府信息情况"),
            (
                "p",
                "2018年，街道共主动公开政府信息735条，比上年的612条增加123条。其中，通过福田区政府在线网站街道专栏公开418条，通过“华富街道”微信公众号发布263条，通过“华富街道”政务微博发布54条。按内容分，工作动态类402条，社区服务类156条，民生保障类98条，城管执法类79条。",
            ),
            (
                "p",
                "围绕华富村棚户区改造、老旧小区加装电梯等居民关心的问题，街道发布政策解读6篇，回应群众关注热点4次。街道党群服务中心和10个社区党群服务中心全年接待居民咨询2,860人次。",
            ),
            ("h", "三、依申请公开政府信息情况"),
            (
                "p",
                "2018年，街道共收到政府信息公开申请14件，另有2017年结转申请1件。其中网上申请8件，当面申请4件，信函申请2件。",
            ),
            (
                "p",
                "全年办结14件：予以公开6件；部分公开2件；不予公开1件，所申请信息属于内部管理信息；信息不存在3件；不予处理2件，申请人要求街道出具居住证明，不属于政府信息公开申请。结转2019年继续办理1件。",
            ),
            ("h", "四、行政复议、行政诉讼和申诉情况"),
            (
                "p",
                "全年因政府信息公开被申请行政复议1件，经福田区人民政府复议，维持街道的答复；被提起行政诉讼2件，其中1件法院判决驳回原告诉讼请求，1件尚在审理中。未收到相关申诉。",
            ),
            ("h", "五、收费及减免情况"),
            ("p", "依申请提供政府信息未收取任何费用。"),
            ("h", "六、存在的不足及改进措施"),
            (
                "p",
                "一是社区层面信息公开不够规范，公开时效有待提高；二是政策解读形式较为单一。2019年，街道将按照新修订《条例》的要求，力争主动公开信息不少于800条，每季度至少开展1次政务公开日活动。",
            ),
            ("sign", ["深圳市福田区华富街道办事处", "2019年1月18日"]),
        ],
    },
}


def build(spec: dict) -> tuple[Pager, list[str]]:
    lay: Layout = spec["layout"]
    pg = Pager(lay)
    pg.redhead(*spec["redhead"])
    pg.title(spec["title"])
    lines: list[str] = []
    for b in spec["blocks"]:
        kind = b[0]
        if kind == "p":
            lines += pg.para(b[1], b[2] if len(b) > 2 else True)
        elif kind == "h":
            lines += pg.para(b[1], True)
        elif kind == "sign":
            pg.sign(b[1])
        elif kind == "blank":
            pg.blank(b[1] if len(b) > 1 else 1)
        elif kind == "break":
            pg.new_page()
        elif kind == "center":
            pg.center(b[1], b[2] if len(b) > 2 else None)
        elif kind == "table":
            pg.table(b[1], b[2], b[3])
    return pg, lines


UNITS = "条件人次元篇场名期%"


def show(stem: str, lines: list[str]) -> None:
    print(f"== {stem}: {len(lines)} body lines, {min(map(len, lines))}-{max(map(len, lines))} chars")
    for a, b in itertools.pairwise(lines):
        if (a[-1].isdigit() and b[0] in UNITS) or (
            not a[-1].isdigit() and a[-1] not in NO_START and b[0].isdigit()
        ):
            print(f"   …{a[-12:]} | {b[:12]}…")


def main() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    OUT.mkdir(parents=True, exist_ok=True)
    for stem, spec in DOCS.items():
        pg, lines = build(spec)
        render(pg, OUT / f"{stem}.pdf", "".join(spec["title"]))
        print(f"{stem}.pdf: {len(pg.pages)} pages")
        if "--show" in sys.argv:
            show(stem, lines)


if __name__ == "__main__":
    main()
