"""Write fixtures/sites/: stand-in websites of seven Mianyang bodies in the shapes of their CMS families.

    .venv/bin/python scripts/make_site_fixtures.py        # rewrites fixtures/sites/ (deterministic)

Every body gets reports for 2014-2024 (prose era to 2018, the 2019 template for 2019, the 2021 template
after), with figures drawn from a seeded generator so that bodies and years differ. Beside them sit
department and township reports, an interpretation (解读), a notice and other non-reports. Files:
PDF (a minimal writer using the standard STSong-Light CJK font, so no font file is embedded), DOCX
(python-docx) and one image-only PDF (Pillow). _expected.json lists, per host, the URL paths that are
reports and those that must never be fetched.
"""

from __future__ import annotations

import io
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1] / "fixtures" / "sites"
YEARS = list(range(2014, 2025))


# -- figures ----------------------------------------------------------------------------------------


@dataclass
class Figures:
    proactive: int
    categories: list[tuple[str, int]]
    requests: int
    by_channel: list[tuple[str, int]]
    granted: int
    partial: int
    refused: int
    unable: int
    other: int
    carried_over: int
    carried_forward: int
    reviews: list[int]  # upheld, corrected, other, pending
    lawsuits: list[int]
    staff_full: int
    staff_part: int
    rules: list[int] = field(default_factory=list)


def figures(body: str, year: int) -> Figures:
    rng = random.Random(f"{body}/{year}")
    scale = 3 if "人民政府" in body and "办公室" not in body else 1
    cats = ["概况类信息", "计划总结类信息", "行政职权类信息", "财政资金类信息", "人事信息", "其他信息"]
    parts = [rng.randint(10, 300) * scale for _ in cats]
    req = rng.randint(3, 60) * scale
    face = rng.randint(0, req // 2)
    letter = rng.randint(0, (req - face) // 2)
    online = req - face - letter
    granted = rng.randint(0, req // 2)
    partial = rng.randint(0, (req - granted) // 3)
    refused = rng.randint(0, (req - granted - partial) // 3)
    unable = rng.randint(0, (req - granted - partial - refused) // 2)
    fwd = rng.randint(0, 2)
    other = req - granted - partial - refused - unable - fwd
    if other < 0:
        fwd, other = 0, req - granted - partial - refused - unable
    return Figures(
        proactive=sum(parts),
        categories=list(zip(cats, parts, strict=True)),
        requests=req,
        by_channel=[("当面申请", face), ("信函申请", letter), ("网上申请", online)],
        granted=granted,
        partial=partial,
        refused=refused,
        unable=unable,
        other=other,
        carried_over=rng.randint(0, 2),
        carried_forward=fwd,
        reviews=[rng.randint(0, 3), rng.randint(0, 1), rng.randint(0, 1), rng.randint(0, 1)],
        lawsuits=[rng.randint(0, 2), rng.randint(0, 1), 0, rng.randint(0, 1)],
        staff_full=rng.randint(1, 6),
        staff_part=rng.randint(5, 40) * scale,
        rules=[rng.randint(0, 5), rng.randint(0, 2), rng.randint(5, 40), rng.randint(1, 30)],
    )


# -- report texts ------------------------------------------------------------------------------------


def prose_report(issuer: str, year: int) -> list[str]:
    f = figures(issuer, year)
    cats = "；".join(f"{name}{n}条" for name, n in f.categories)
    chans = "，".join(f"{name}{n}件" for name, n in f.by_channel)
    r, s = f.reviews, f.lawsuits
    return [
        f"{issuer}{year}年政府信息公开工作年度报告",
        f"本报告根据《中华人民共和国政府信息公开条例》（国务院令第492号）要求，由{issuer}编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
        f"如对本报告有任何疑问，请联系政府信息公开办公室（电话：0816-43{year % 100:02d}078）。",
        "一、概述",
        f"{year}年，我单位认真贯彻落实政府信息公开工作要点，每季度召开1次工作推进会，按照20个工作日的时限办理申请。",
        "二、主动公开政府信息情况",
        f"{year}年，主动公开政府信息{f.proactive}条。其中，{cats}。",
        "三、依申请公开政府信息情况",
        f"{year}年共收到政府信息公开申请{f.requests}件。其中，{chans}。已按期答复，其中同意公开{f.granted}件，部分公开{f.partial}件，"
        f"不予公开{f.refused}件，信息不存在{f.unable}件，其他{f.other}件。",
        "四、因政府信息公开申请提起行政复议、行政诉讼的情况",
        f"全年发生政府信息公开行政复议{sum(r)}件。其中：维持具体行政行为{r[0]}件，被依法纠错{r[1]}件，其他情形{r[2] + r[3]}件。"
        f"行政诉讼{sum(s)}件。",
        "五、政府信息公开的收费及减免情况",
        "全年无收费情况。",
        "六、工作人员情况",
        f"从事政府信息公开工作人员共{f.staff_full + f.staff_part}人，其中专职人员{f.staff_full}人，兼职人员{f.staff_part}人。",
        "七、存在的主要问题及改进措施",
        "信息公开的及时性还需提高。下一步，我们将进一步完善制度，加强培训。",
    ]


def _row(cells: list[str | int], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"


def template_tables(issuer: str, year: int) -> str:
    f = figures(issuer, year)
    v2021 = year >= 2020
    rl = f.rules
    if v2021:
        t2 = (
            "<table border='1'>"
            + _row(["第二十条第（一）项"], "th")
            + _row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], "th")
            + _row(["规章", 0, 0, 0])
            + _row(["行政规范性文件", rl[0], rl[1], rl[2]])
            + _row(["第二十条第（五）项"], "th")
            + _row(["信息内容", "本年处理决定数量"], "th")
            + _row(["行政许可", rl[3] * 10])
            + _row(["第二十条第（六）项"], "th")
            + _row(["行政处罚", rl[3] * 3])
            + _row(["行政强制", rl[3]])
            + _row(["第二十条第（八）项"], "th")
            + _row(["信息内容", "本年收费金额（单位：万元）"], "th")
            + _row(["行政事业性收费", 0])
            + "</table>"
        )
    else:
        t2 = (
            "<table border='1'>"
            + _row(["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], "th")
            + _row(["规章", 0, 0, 0])
            + _row(["规范性文件", rl[0], rl[0], rl[2]])
            + _row(["行政许可", rl[3], rl[3], rl[3] * 4])
            + _row(["其他对外管理服务事项", 1, 1, 9])
            + _row(["行政处罚", rl[3] * 3, "", ""])
            + _row(["行政强制", rl[3], "", ""])
            + _row(["行政事业性收费", 0, "", ""])
            + _row(["政府集中采购", 2, "", ""])
            + "</table>"
        )

    def line(label: str, n: int) -> str:
        return _row([label, n, 0, 0, 0, 0, 0, n])

    t3 = (
        "<table border='1'><tr><th colspan='3' rowspan='3'>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>"
        "<th colspan='7'>申请人情况</th></tr>"
        "<tr><th rowspan='2'>自然人</th><th colspan='5'>法人或其他组织</th><th rowspan='2'>总计</th></tr>"
        "<tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr>"
        + line("一、本年新收政府信息公开申请数量", f.requests)
        + line("二、上年结转政府信息公开申请数量", f.carried_over)
        + line("三、本年度办理结果 （一）予以公开", f.granted)
        + line("（二）部分公开", f.partial)
        + line("（三）不予公开 1.属于国家秘密", 0)
        + line("2.其他法律行政法规禁止公开", 0)
        + line("3.危及“三安全一稳定”", 0)
        + line("4.保护第三方合法权益", f.refused)
        + line("5.属于三类内部事务信息", 0)
        + line("6.属于四类过程性信息", 0)
        + line("7.属于行政执法案卷", 0)
        + line("8.属于行政查询事项", 0)
        + line("（四）无法提供 1.本机关不掌握相关政府信息", f.unable)
        + line("2.没有现成信息需要另行制作", 0)
        + line("3.补正后申请内容仍不明确", 0)
        + line("（五）不予处理 1.信访举报投诉类申请", 0)
        + line("2.重复申请", 0)
        + line("3.要求提供公开出版物", 0)
        + line("4.无正当理由大量反复申请", 0)
        + line("5.要求行政机关确认或重新出具已获取信息", 0)
        + (
            line(
                "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                f.other + f.carried_over,
            )
            + line("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 0)
            + line("3.其他", 0)
            if v2021
            else line("（六）其他处理", f.other + f.carried_over)
        )
        + line("（七）总计", f.requests + f.carried_over - f.carried_forward)
        + line("四、结转下年度继续办理", f.carried_forward)
        + "</table>"
    )
    r, s = f.reviews, f.lawsuits
    t4 = (
        "<table border='1'><tr><th colspan='5'>行政复议</th><th colspan='10'>行政诉讼</th></tr>"
        "<tr><th rowspan='2'>结果维持</th><th rowspan='2'>结果纠正</th><th rowspan='2'>其他结果</th><th rowspan='2'>尚未审结</th>"
        "<th rowspan='2'>总计</th><th colspan='5'>未经复议直接起诉</th><th colspan='5'>复议后起诉</th></tr>"
        + _row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2, "th")
        # Anzhou's 2022 table 4 misadds its review total, as real reports sometimes do (check 4 finds it)
        + _row(
            [
                *r,
                sum(r) + (1 if issuer == "绵阳市安州区人民政府" and year == 2022 else 0),
                *s,
                sum(s),
                0,
                0,
                0,
                0,
                0,
            ]
        )
        + "</table>"
    )
    return (
        "<p>二、主动公开政府信息情况</p>"
        + t2
        + "<p>三、收到和处理政府信息公开申请情况</p>"
        + t3
        + "<p>四、政府信息公开行政复议、行政诉讼情况</p>"
        + t4
    )


def template_intro(issuer: str, year: int) -> list[str]:
    f = figures(issuer, year)
    return [
        f"{issuer}{year}年政府信息公开工作年度报告",
        f"本报告依据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自{year}年1月1日起至{year}年12月31日止。",
        "一、总体情况",
        f"{year}年，主动公开政府信息{f.proactive}条，收到政府信息公开申请{f.requests}件。",
    ]


def template_outro(issuer: str, year: int) -> list[str]:
    f = figures(issuer, year)
    return [
        "五、存在的主要问题及改进情况",
        "政策解读形式还不够丰富，下一步将加强培训。",
        "六、其他需要报告的事项",
        f"本年度未收取信息处理费。从事政府信息公开工作人员{f.staff_full + f.staff_part}人。",
    ]


def report_html_body(issuer: str, year: int) -> str:
    if year <= 2018:
        lines = prose_report(issuer, year)
        return "".join(f"<p>{ln}</p>" for ln in lines[1:])
    intro = template_intro(issuer, year)
    return (
        "".join(f"<p>{ln}</p>" for ln in intro[1:])
        + template_tables(issuer, year)
        + "".join(f"<p>{ln}</p>" for ln in template_outro(issuer, year))
    )


def report_lines(issuer: str, year: int) -> list[str]:
    """Plain lines of a report, for PDF and DOCX files (tables flattened as rows of cells)."""
    if year <= 2018:
        return prose_report(issuer, year)
    f = figures(issuer, year)
    rows = [
        "二、主动公开政府信息情况",
        f"行政规范性文件 {f.rules[0]} {f.rules[1]} {f.rules[2]}",
        "三、收到和处理政府信息公开申请情况",
        f"一、本年新收政府信息公开申请数量 {f.requests} 0 0 0 0 0 {f.requests}",
        f"（一）予以公开 {f.granted} 0 0 0 0 0 {f.granted}",
        f"（二）部分公开 {f.partial} 0 0 0 0 0 {f.partial}",
        "四、政府信息公开行政复议、行政诉讼情况",
        " ".join(str(n) for n in [*f.reviews, sum(f.reviews), *f.lawsuits, sum(f.lawsuits), 0, 0, 0, 0, 0]),
    ]
    return template_intro(issuer, year) + rows + template_outro(issuer, year)


# -- files ---------------------------------------------------------------------------------------------


def make_pdf(lines: list[str]) -> bytes:
    """A text PDF in STSong-Light / UniGB-UCS2-H: readers supply the font, so the file stays tiny."""
    pages: list[list[str]] = []
    wrapped: list[str] = []
    for ln in lines:
        while len(ln) > 42:
            wrapped.append(ln[:42])
            ln = ln[42:]
        wrapped.append(ln)
    for i in range(0, len(wrapped), 50):
        pages.append(wrapped[i : i + 50])
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font_id = 3
    objs.append(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>"
    )
    objs.append(
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R >>"
    )
    objs.append(
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0"
        b" /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"
    )
    kids = []
    for page in pages:
        ops = ["BT", "/F1 11 Tf", "15 TL", "40 800 Td"]
        ops += [f"<{ln.encode('utf-16-be').hex()}> Tj T*" for ln in page]
        ops.append("ET")
        content = "\n".join(ops).encode()
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        content_id = len(objs)
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >>"
            b" /Contents %d 0 R >>" % (font_id, content_id)
        )
        kids.append(len(objs))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    buf = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(buf))
        buf += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(buf)
    buf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    buf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    buf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return buf


def make_image_pdf() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("L", (300, 420), 255)
    draw = ImageDraw.Draw(img)
    for y in range(40, 400, 14):
        draw.line((30, y, 270, y), fill=90, width=3)
    out = io.BytesIO()
    # fixed dates so that regenerating the fixtures writes identical bytes
    stamp = __import__("time").gmtime(1459296000)
    img.save(out, "PDF", resolution=50, creationDate=stamp, modDate=stamp)
    return out.getvalue()


def make_docx(issuer: str, year: int) -> bytes:
    import docx

    d = docx.Document()
    intro = template_intro(issuer, year) if year > 2018 else prose_report(issuer, year)
    d.add_heading(intro[0], 1)
    for ln in intro[1:]:
        d.add_paragraph(ln)
    if year > 2018:
        f = figures(issuer, year)
        d.add_paragraph("三、收到和处理政府信息公开申请情况")
        rows = [
            ("一、本年新收政府信息公开申请数量", f.requests),
            ("二、上年结转政府信息公开申请数量", f.carried_over),
            ("（一）予以公开", f.granted),
            ("（二）部分公开", f.partial),
            ("（三）不予公开", f.refused),
            ("四、结转下年度继续办理", f.carried_forward),
        ]
        table = d.add_table(rows=len(rows) + 1, cols=3)
        for c, h in enumerate(["", "自然人", "总计"]):
            table.cell(0, c).text = h
        for r, (label, n) in enumerate(rows, 1):
            table.cell(r, 0).text = label
            table.cell(r, 1).text = str(n)
            table.cell(r, 2).text = str(n)
        for ln in template_outro(issuer, year):
            d.add_paragraph(ln)
    out = io.BytesIO()
    d.core_properties.created = __import__("datetime").datetime(2024, 1, 1)
    d.core_properties.modified = __import__("datetime").datetime(2024, 1, 1)
    d.save(out)
    return _stable_zip(out.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """python-docx stamps the current time into the zip entries; fix it so reruns write identical bytes."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# -- sites ---------------------------------------------------------------------------------------------


@dataclass
class Item:
    title: str
    path: str  # the URL path the list links to
    date: str
    report: bool = True


@dataclass
class Site:
    host: str
    encoding: str = "utf-8"
    files: dict[str, bytes] = field(default_factory=dict)
    config: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    never: list[str] = field(default_factory=list)

    def put(self, path: str, data: bytes | str) -> None:
        if isinstance(data, str):
            data = data.encode(self.encoding)
        self.files[path.lstrip("/")] = data


def page(site: Site, title: str, body: str, extra_head: str = "") -> str:
    charset = "gb2312" if site.encoding != "utf-8" else "utf-8"
    return (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{title}</title>{extra_head}</head><body>"
        f'<div class="header"><a href="/">首页</a> <a href="/xxgk/">政府信息公开</a> <a href="/hdjl/">互动交流</a></div>'
        f"{body}<div class='footer'>主办单位：{site.host} 联系电话：0816-4336078 网站标识码：5107000001</div></body></html>"
    )


def article(
    site: Site, title: str, issuer: str, year: int, date: str, attach: str = "", family: str = "trs"
) -> str:
    body = "" if attach else report_html_body(issuer, year)
    if attach:
        body = "<p>详见附件。</p>" + attach
    if family == "hanweb":
        inner = f'<meta name="ContentStart"><div id="zoom">{body}</div><meta name="ContentEnd">'
    elif family == "public_column":
        inner = f'<h1 class="newstitle">{title}</h1><div class="article-content">{body}</div>'
    elif family == "gongkai":
        inner = f"<h1>{title}</h1><div class='info'>来源:{issuer} 发布时间:{date} 10:00 浏览次数: 字体:[ 大 中 小 ] 打印</div><div class='content'>{body}</div>"
    else:
        inner = f"<h1>{title}</h1><div class='TRS_Editor'>{body}</div>"
    head = (
        f'<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{date}">'
        f'<meta name="ContentSource" content="{issuer}">'
    )
    return page(
        site, title, f"<div class='crumb'>首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>{inner}", head
    )


def region_name(base: str, old: str | None, year: int) -> str:
    return old if old and year <= 2015 else base


def gov_items(base: str, old: str | None = None) -> list[tuple[str, int]]:
    return [(f"{region_name(base, old, y)}人民政府", y) for y in YEARS]


def dept_items(base: str) -> list[tuple[str, int, str]]:
    return [
        (f"{base}教育局", 2023, "department"),
        (f"{base}发展和改革局", 2022, "department"),
        (f"{base}财政局", 2024, "department"),
    ]


def non_reports(base: str) -> list[str]:
    return [
        f"{base}2023年政府信息公开工作年度报告解读",
        f"一图读懂{base}2022年政府信息公开工作年度报告",
        "关于做好2023年度政府信息公开工作年度报告编制发布工作的通知",
        f"{base}召开2023年度政务公开工作推进会",
    ]


# Anzhou: the "/public/column" platform, UTF-8, label 8888 lists and type=3 annual views.
def anzhou() -> Site:
    s = Site("www.anzhou.gov.cn")
    organ, cat, site_id, size = "6601", "7061", "6600", 8
    items: list[Item] = []
    art = 300
    for issuer, y in reversed(gov_items("绵阳市安州区", "安县")):
        art += 1
        title = f"{issuer.replace('人民政府', '')}{y}年政府信息公开工作年度报告"
        path = f"/public/{organ}/{art}.html"
        date = f"{y + 1}-03-2{y % 9}"
        if y == 2024:
            pdf = "/group1/M00/00/0A/rBAAAWYx2024nb.pdf"
            s.put(pdf, make_pdf(report_lines("绵阳市安州区人民政府", y)))
            s.put(
                path,
                article(
                    s,
                    title,
                    "绵阳市安州区人民政府",
                    y,
                    date,
                    f'<p><a href="{pdf}">{title}.pdf</a></p>',
                    "public_column",
                ),
            )
            s.reports.append(pdf)
        else:
            s.put(path, article(s, title, "绵阳市安州区人民政府", y, date, family="public_column"))
            s.reports.append(path)
        items.append(Item(title, path, date))
    for issuer, y, _lv in dept_items("绵阳市安州区"):
        art += 1
        title = f"{issuer}{y}年政府信息公开工作年度报告"
        path = f"/public/{organ}/{art}.html"
        if "财政" in issuer:
            docx_path = "/group1/M00/00/0B/rBAAAWczfinance.docx"
            s.put(docx_path, make_docx(issuer, y))
            s.put(
                path,
                article(
                    s,
                    title,
                    issuer,
                    y,
                    f"{y + 1}-01-20",
                    f'<p><a href="{docx_path}">附件：{title}.docx</a></p>',
                    "public_column",
                ),
            )
            s.reports.append(docx_path)
        else:
            s.put(path, article(s, title, issuer, y, f"{y + 1}-01-20", family="public_column"))
            s.reports.append(path)
        items.append(Item(title, path, f"{y + 1}-01-20"))
    art += 1
    town = "绵阳市安州区花荄镇人民政府"
    path = f"/public/{organ}/{art}.html"
    s.put(
        path,
        article(s, f"{town}2023年政府信息公开工作年度报告", town, 2023, "2024-01-25", family="public_column"),
    )
    items.append(Item(f"{town}2023年政府信息公开工作年度报告", path, "2024-01-25"))
    s.reports.append(path)
    for t in non_reports("安州区"):
        art += 1
        path = f"/public/{organ}/{art}.html"
        s.put(path, page(s, t, f"<h1>{t}</h1><p>（略）</p>"))
        items.append(Item(t, path, "2024-03-30", report=False))
        s.never.append(path)
    items.sort(key=lambda i: i.date, reverse=True)
    pages = [items[i : i + size] for i in range(0, len(items), size)]
    column = page(
        s,
        "政府信息公开年报",
        '<div class="gk_list" id="list"></div><script>var opts={labelName:"publicInfoList",'
        f'siteId:{site_id},pageSize:{size},organId:"{organ}",catId:{cat}}};</script>',
        f'<meta name="SiteId" content="{site_id}">',
    )
    s.put("column_list.html", column)
    routes = [f'"/public/column/{organ}?type=4&action=list&catId={cat}" = "column_list.html"']
    for n, chunk in enumerate(pages, 1):
        lis = "".join(
            f'<li><a class="title" href="{i.path}" title="{i.title}">{i.title[:24]}{"…" if len(i.title) > 24 else ""}</a>'
            f"<span class='date'>{i.date}</span></li>"
            for i in chunk
        )
        body = f'<div class="gk_list"><ul>{lis}</ul></div><script>var pager={{pageIndex:{n},pageCount:{len(pages)}}};</script>'
        s.put(f"label_{n}.html", body)
        q = urlencode(
            {
                "labelName": "publicInfoList",
                "siteId": site_id,
                "pageSize": size,
                "pageIndex": n,
                "organId": organ,
                "catId": cat,
            }
        )
        routes.append(f'"/site/label/8888?{q}" = "label_{n}.html"')
    # the district government office's own reports, one annual view per year (type=3&timeFrame=<year>)
    office = "绵阳市安州区人民政府办公室"
    for y in (2022, 2023, 2024):
        title = f"{office}{y}年政府信息公开工作年度报告"
        s.put(f"view_{y}.html", article(s, title, office, y, f"{y + 1}-01-28", family="public_column"))
        routes.append(
            f'"/public/column/6602?type=3&action=nb&timeFrame={y}&hasContent=true" = "view_{y}.html"'
        )
        s.reports.append(f"/public/column/6602?type=3&action=nb&timeFrame={y}&hasContent=true")
    s.put("view_empty.html", page(s, "年度报告", "<div class='gk_list'>暂无信息</div>"))
    s.config = ["[routes]", *routes, "[fallbacks]", '"/public/column/6602" = "view_empty.html"']
    return s


# Fucheng: a plain generic list (numbered pages, 下一页), UTF-8, one report behind a JavaScript redirect shell.
def myfc() -> Site:
    s = Site("www.myfc.gov.cn")
    items = []
    for n, (issuer, y) in enumerate(reversed(gov_items("绵阳市涪城区"))):
        title = f"{issuer.replace('人民政府', '')}{y}年度政府信息公开工作年度报告"
        real = f"/zwgk/zfxxgknb/{y + 1}03/t{y + 1}0325_{7000 + n}.html"
        s.put(real, article(s, title, "绵阳市涪城区人民政府", y, f"{y + 1}-03-25"))
        link = real
        if y == 2020:
            link = "/zwgk/zfxxgknb/go_2020.html"
            s.put(link, f'<html><script>window.location.replace("{real}");</script></html>')
        s.reports.append(real)
        items.append((title, link, f"{y + 1}-03-25"))
    for issuer, y, _lv in dept_items("绵阳市涪城区")[:2]:
        title = f"{issuer}{y}年政府信息公开工作年度报告"
        path = f"/zwgk/zfxxgknb/{y + 1}01/t{y + 1}0115_{8000 + y}.html"
        s.put(path, article(s, title, issuer, y, f"{y + 1}-01-15"))
        s.reports.append(path)
        items.append((title, path, f"{y + 1}-01-15"))
    for k, t in enumerate(non_reports("涪城区")):
        path = f"/zwgk/zfxxgknb/202404/t20240401_{9000 + k}.html"
        s.put(path, page(s, t, f"<h1>{t}</h1>"))
        items.append((t, path, "2024-04-01"))
        s.never.append(path)
    items.sort(key=lambda i: i[2], reverse=True)
    chunks = [items[i : i + 7] for i in range(0, len(items), 7)]
    for n, chunk in enumerate(chunks, 1):
        name = "index.html" if n == 1 else f"list_{n}.html"
        rows = "".join(f'<tr><td><a href="{p}">{t}</a></td><td>{d}</td></tr>' for t, p, d in chunk)
        nav = " ".join(
            f'<a href="{"index.html" if k == 1 else f"list_{k}.html"}">{k}</a>' if k != n else f"<b>{k}</b>"
            for k in range(1, len(chunks) + 1)
        )
        if n < len(chunks):
            nav += f' <a href="list_{n + 1}.html">下一页</a>'
        s.put(
            f"/zwgk/zfxxgknb/{name}",
            page(s, "政府信息公开年报", f"<table class='list'>{rows}</table><div class='pages'>{nav}</div>"),
        )
    return s


def trs_list(
    s: Site,
    base: str,
    items: list[tuple[str, str, str]],
    per: int,
    ext: str,
    one_based: bool,
    extra: str = "",
) -> None:
    chunks = [items[i : i + per] for i in range(0, len(items), per)]
    for n, chunk in enumerate(chunks):
        name = f"index.{ext}" if n == 0 else f"index_{n + 1 if one_based else n}.{ext}"
        lis = "".join(
            f'<li><a href="{p}" target="_blank" title="{t}">{t}</a><span>{d}</span></li>' for t, p, d in chunk
        )
        script = (
            f'<script language="JavaScript">createPageHTML({len(chunks)}, {n}, "index", "{ext}");</script>'
        )
        s.put(
            base + name,
            page(
                s, "政府信息公开年报", f"{extra}<ul class='list'>{lis}</ul><div class='page'>{script}</div>"
            ),
        )


# Youxian: TRS WCM, GBK without a charset header, createPageHTML 0-based, a 部门年报 sub-column, a DOCX attachment.
def youxian() -> Site:
    s = Site("www.youxian.gov.cn", encoding="gb18030")
    s.config = ["charset_header = false"]
    base = "/xxgk/zfxxgknb/"
    items = []
    for n, (issuer, y) in enumerate(reversed(gov_items("绵阳市游仙区"))):
        title = f"{issuer.replace('人民政府', '')}{y}年政府信息公开工作年度报告"
        rel = f"./{y + 1}03/t{y + 1}0320_{5000 + n}.html"
        path = base + rel[2:]
        if y == 2019:
            doc = f"./{y + 1}03/W0{y + 1}0320{5000 + n}.docx"
            s.put(base + doc[2:], make_docx("绵阳市游仙区人民政府", y))
            leaf = doc.rsplit("/", 1)[1]
            enc = f'<table class="enclosure"><tr><td>附件：<a oldsrc="{leaf}" href="./{leaf}">{title}.docx</a></td></tr></table>'
            s.put(path, article(s, title, "绵阳市游仙区人民政府", y, f"{y + 1}-03-20", enc))
            s.reports.append(base + doc[2:])
        else:
            s.put(path, article(s, title, "绵阳市游仙区人民政府", y, f"{y + 1}-03-20"))
            s.reports.append(path)
        items.append((title, rel, f"{y + 1}-03-20"))
    for k, t in enumerate(non_reports("游仙区")[:3]):
        rel = f"./202404/t20240402_{6100 + k}.html"
        s.put(base + rel[2:], page(s, t, f"<h1>{t}</h1>"))
        items.append((t, rel, "2024-04-02"))
        s.never.append(base + rel[2:])
    items.sort(key=lambda i: i[2], reverse=True)
    trs_list(
        s,
        base,
        items,
        6,
        "html",
        False,
        '<div class="sub"><a href="./bmnb/">部门年报</a> <a href="../">政府信息公开</a></div>',
    )
    sub = base + "bmnb/"
    ditems = []
    for n, (issuer, y, _lv) in enumerate(dept_items("绵阳市游仙区")):
        title = f"{issuer}{y}年政府信息公开工作年度报告"
        rel = f"./{y + 1}01/t{y + 1}0110_{6500 + n}.html"
        s.put(sub + rel[2:], article(s, title, issuer, y, f"{y + 1}-01-10"))
        s.reports.append(sub + rel[2:])
        ditems.append((title, rel, f"{y + 1}-01-10"))
    trs_list(s, sub, ditems, 10, "html", False)
    return s


# Jiangyou: the Sichuan TRS .shtml variant (1-based index_N.shtml), UTF-8, one scanned (图片版) PDF.
def jiangyou() -> Site:
    s = Site("www.jiangyou.gov.cn")
    base = "/zwgk/zfxxgk/nb/"
    items = []
    for n, (issuer, y) in enumerate(reversed(gov_items("江油市"))):
        title = f"{issuer.replace('人民政府', '')}{y}年政府信息公开工作年度报告"
        rel = f"{y + 1}03/{'%032x' % (0xA1B2C3 * (n + 7))}.shtml"
        if y == 2015:
            title += "（图片版）"
            pdf = f"{y + 1}03/W0{y + 1}0330jy.pdf"
            s.put(base + pdf, make_image_pdf())
            s.put(
                base + rel,
                article(
                    s,
                    title,
                    "江油市人民政府",
                    y,
                    f"{y + 1}-03-30",
                    f'<p><a href="./{pdf.split("/")[1]}">{title}</a></p>',
                ),
            )
            s.reports.append(base + pdf)
        else:
            s.put(base + rel, article(s, title, "江油市人民政府", y, f"{y + 1}-03-30"))
            s.reports.append(base + rel)
        items.append((title, rel, f"{y + 1}-03-30"))
    town = "江油市中坝街道办事处"
    rel = "202401/0f0e0d0c0b0a09080706050403020100.shtml"
    s.put(base + rel, article(s, f"{town}2023年政府信息公开工作年度报告", town, 2023, "2024-01-22"))
    s.reports.append(base + rel)
    items.append((f"{town}2023年政府信息公开工作年度报告", rel, "2024-01-22"))
    for k, t in enumerate(non_reports("江油市")[:2]):
        rel = f"202404/{k:032x}.shtml"
        s.put(base + rel, page(s, t, f"<h1>{t}</h1>"))
        items.append((t, rel, "2024-04-03"))
        s.never.append(base + rel)
    items.sort(key=lambda i: i[2], reverse=True)
    trs_list(s, base, items, 5, "shtml", True)
    return s


# Santai: Hanweb (大汉): the column page's script feeds dataproxy.jsp, which answers XML; downfile.jsp attachments.
def santai() -> Site:
    s = Site("www.santai.gov.cn")
    col, unit, web, per = "3301", "4402", "55", 5
    items = []
    redirects = []
    for n, (issuer, y) in enumerate(reversed(gov_items("三台县"))):
        title = f"{issuer.replace('人民政府', '')}{y}年政府信息公开工作年度报告"
        path = f"/art/{y + 1}/3/28/art_{col}_{90000 + n}.html"
        if y in (2021, 2017):
            hexname = f"{0xC0FFEE + y:032x}"
            pdf_link = f"/module/download/downfile.jsp?classid=0&filename={hexname}.pdf"
            redirects.append(f'"{pdf_link}" = "/attach/0/{hexname}.pdf"')
            s.put(f"/attach/0/{hexname}.pdf", make_pdf(report_lines("三台县人民政府", y)))
            s.put(
                path,
                article(
                    s,
                    title,
                    "三台县人民政府",
                    y,
                    f"{y + 1}-03-28",
                    f'<a href="{pdf_link}">{title}.pdf</a>',
                    "hanweb",
                ),
            )
            s.reports.append(f"/attach/0/{hexname}.pdf")
        else:
            s.put(path, article(s, title, "三台县人民政府", y, f"{y + 1}-03-28", family="hanweb"))
            s.reports.append(path)
        items.append((title, path, f"{y + 1}-03-28"))
    for n, (issuer, y, _lv) in enumerate(dept_items("三台县")):
        title = f"{issuer}{y}年政府信息公开工作年度报告"
        path = f"/art/{y + 1}/1/18/art_{col}_{91000 + n}.html"
        s.put(path, article(s, title, issuer, y, f"{y + 1}-01-18", family="hanweb"))
        s.reports.append(path)
        items.append((title, path, f"{y + 1}-01-18"))
    for k, t in enumerate(non_reports("三台县")):
        path = f"/art/2024/4/1/art_{col}_{92000 + k}.html"
        s.put(path, page(s, t, f"<h1>{t}</h1>"))
        items.append((t, path, "2024-04-01"))
        s.never.append(path)
    items.sort(key=lambda i: i[2], reverse=True)
    script = (
        '<div id="div' + col + '"></div><script type="text/javascript">'
        f"var param_{col}={{col:1,webid:{web},path:'/',columnid:{col},sourceContentType:1,unitid:'{unit}',"
        f"webname:'三台县人民政府',permissiontype:0}};"
        f"$.ajax({{url:'/module/web/jpage/dataproxy.jsp',data:{{startrecord:1,endrecord:{per * 3},perpage:{per}}}}});</script>"
    )
    s.put(f"/col/col{col}/index.html", page(s, "政府信息公开年报", script))
    batch = per * 3
    routes = []
    for k in range(0, len(items), batch):
        chunk = items[k : k + batch]
        recs = "".join(
            f"<record><![CDATA[<li><a href='{p}' title='{t}' target='_blank'>{t}</a><span>{d}</span></li>]]></record>"
            for t, p, d in chunk
        )
        xml = f'<?xml version="1.0" encoding="UTF-8"?><datastore><nextgroup><![CDATA[<a href=""></a>]]></nextgroup><recordset>{recs}</recordset><totalrecord>{len(items)}</totalrecord></datastore>'
        name = f"dataproxy_{k // batch + 1}.xml"
        s.put(name, xml)
        q = urlencode(
            {
                "startrecord": k + 1,
                "endrecord": k + batch,
                "perpage": per,
                "col": 1,
                "appid": 1,
                "webid": web,
                "columnid": col,
                "unitid": unit,
            }
        )
        routes.append(f'"/module/web/jpage/dataproxy.jsp?{q}" = "{name}"')
    s.config = ["[routes]", *routes, "[redirects]", *redirects]
    return s


# Beichuan: the Sichuan /gongkai/ platform, GBK declared as gb2312, ?page=N pagination, robots.txt forbidding /gongkai/show/old/.
def beichuan() -> Site:
    s = Site("www.beichuan.gov.cn", encoding="gb18030")
    items = []
    for n, (issuer, y) in enumerate(reversed(gov_items("北川羌族自治县"))):
        title = f"{issuer.replace('人民政府', '')}{y}年政府信息公开工作年度报告"
        ident = (
            f"{20240000000000000 + y * 1000 + n}"
            if y % 2
            else f"{'%08x' % (0xBE1C0000 + n)}-1c2d-4e5f-8a9b-{y:012d}"
        )
        path = f"/gongkai/show/{ident}.html"
        s.put(path, article(s, title, "北川羌族自治县人民政府", y, f"{y + 1}-03-29", family="gongkai"))
        s.reports.append(path)
        items.append((title, path, f"{y + 1}-03-29"))
    town = "北川羌族自治县曲山镇人民政府"
    path = "/gongkai/show/5f4dcc3b5aa765d61d8327deb882cf99.html"
    s.put(
        path, article(s, f"{town}2023年政府信息公开工作年度报告", town, 2023, "2024-01-26", family="gongkai")
    )
    s.reports.append(path)
    items.append((f"{town}2023年政府信息公开工作年度报告", path, "2024-01-26"))
    # an old copy that robots.txt forbids: it is a report title, but must never be fetched
    old = "/gongkai/show/old/2013nb.html"
    s.put(
        old,
        article(
            s,
            "北川羌族自治县2013年政府信息公开工作年度报告",
            "北川羌族自治县人民政府",
            2013,
            "2014-03-20",
            family="gongkai",
        ),
    )
    items.append(("北川羌族自治县2013年政府信息公开工作年度报告", old, "2014-03-20"))
    s.never.append(old)
    for k, t in enumerate(non_reports("北川县")[:2]):
        path = f"/gongkai/show/{k:032x}.html"
        s.put(path, page(s, t, f"<h1>{t}</h1>"))
        items.append((t, path, "2024-04-04"))
        s.never.append(path)
    items.sort(key=lambda i: i[2], reverse=True)
    chunks = [items[i : i + 8] for i in range(0, len(items), 8)]
    routes = []
    for n, chunk in enumerate(chunks, 1):
        lis = "".join(f'<li><a href="{p}">{t}</a><em>{d}</em></li>' for t, p, d in chunk)
        nav = "".join(
            f' <a href="/gongkai/kuozhan/10234.html{"" if k == 1 else f"?page={k}"}">{k}</a>'
            for k in range(1, len(chunks) + 1)
            if k != n
        )
        if n < len(chunks):
            nav += f' <a href="/gongkai/kuozhan/10234.html?page={n + 1}">下一页</a>'
        name = f"kuozhan_{n}.html"
        s.put(name, page(s, "政府信息公开年报", f"<ul class='gk-list'>{lis}</ul><div class='fy'>{nav}</div>"))
        routes.append(f'"/gongkai/kuozhan/10234.html{"" if n == 1 else f"?page={n}"}" = "{name}"')
    s.put("robots.txt", "User-agent: *\nDisallow: /gongkai/show/old/\n")
    s.config = ["[routes]", *routes]
    return s


# Pingwu: a host behind a Ruishu WAF that answers every request with 412 and a $_ts script.
def pingwu() -> Site:
    s = Site("www.pingwu.gov.cn")
    s.put("/xxgk/zfxxgknb/index.html", "<html>never served</html>")
    s.never.append("/xxgk/zfxxgknb/index.html")
    s.config = ['waf = "412"']
    return s


PROFILES = {
    "00_anzhou": (
        "绵阳市安州区人民政府",
        "510705",
        "public_column",
        ["http://www.anzhou.gov.cn/public/column/6601?type=4&action=list&catId=7061"],
        '[report_views]\nurl = "http://www.anzhou.gov.cn/public/column/6602?type=3&action=nb&timeFrame={year}&hasContent=true"\nfirst_year = 2022\n',
    ),
    "01_fucheng": (
        "绵阳市涪城区人民政府",
        "510703",
        "generic",
        ["http://www.myfc.gov.cn/zwgk/zfxxgknb/index.html"],
        "",
    ),
    "02_youxian": (
        "绵阳市游仙区人民政府",
        "510704",
        "trs",
        ["http://www.youxian.gov.cn/xxgk/zfxxgknb/index.html"],
        "",
    ),
    "03_jiangyou": (
        "江油市人民政府",
        "510781",
        "trs",
        ["http://www.jiangyou.gov.cn/zwgk/zfxxgk/nb/index.shtml"],
        "",
    ),
    "04_santai": (
        "三台县人民政府",
        "510722",
        "hanweb",
        ["http://www.santai.gov.cn/col/col3301/index.html"],
        "",
    ),
    "05_beichuan": (
        "北川羌族自治县人民政府",
        "510726",
        "gongkai",
        ["http://www.beichuan.gov.cn/gongkai/kuozhan/10234.html"],
        "",
    ),
    "06_pingwu": (
        "平武县人民政府",
        "510727",
        "trs",
        ["http://www.pingwu.gov.cn/xxgk/zfxxgknb/index.html"],
        "",
    ),
}


def main() -> None:
    if ROOT.exists():
        shutil.rmtree(ROOT)
    expected: dict[str, dict[str, list[str]]] = {}
    for site in (anzhou(), myfc(), youxian(), jiangyou(), santai(), beichuan(), pingwu()):
        d = ROOT / site.host
        for rel, data in site.files.items():
            p = d / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        if site.config:
            (d / "_site.toml").write_text("\n".join(site.config) + "\n", "utf-8")
        expected[site.host] = {"reports": sorted(site.reports), "never": sorted(site.never)}
    (ROOT / "_expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", "utf-8")
    src = ROOT / "_sources"
    src.mkdir()
    for name, (body, code, family, urls, extra) in PROFILES.items():
        cols = "".join(f'\n[[columns]]\nurl = "{u}"\n' for u in urls)
        (src / f"{name}.toml").write_text(
            f'id = "{name[3:]}"\nbody = "{body}"\nregion_code = "{code}"\nfamily = "{family}"\n'
            f'confirmed = true\nnote = "stand-in site (fixtures/sites)"\n{cols}\n{extra}',
            "utf-8",
        )
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file())
    print(
        f"wrote {sum(1 for p in ROOT.rglob('*') if p.is_file())} files, {total / 1024:.0f} KiB, under {ROOT}"
    )


if __name__ == "__main__":
    main()
