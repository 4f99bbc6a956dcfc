"""Build the parse-stage fixtures under fixtures/documents/ (run from the repository root).

    .venv/bin/python scripts/make_fixtures.py

The files are made here rather than copied from real sites: an invented district (示例区) and
invented figures, laid out like the 2021 template (国办公开办函〔2021〕30号). The generated files are
committed so tests do not depend on running this script; rerunning it rewrites them with the same content (zip timestamps aside).
"""

from __future__ import annotations

import random
from html import escape
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
TITLE = "示例区人民政府2021年政府信息公开工作年度报告"

# Table 3 of the 2021 template: (section label, its rowspan, row label, row label colspan)
T3_RESULT_ROWS: list[tuple[str | None, int, str]] = [
    ("（一）予以公开", 0, ""),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 0, ""),
    ("（三）不予公开", 8, "1.属于国家秘密"),
    (None, 0, "2.其他法律行政法规禁止公开"),
    (None, 0, "3.危及“三安全一稳定”"),
    (None, 0, "4.保护第三方合法权益"),
    (None, 0, "5.属于三类内部事务信息"),
    (None, 0, "6.属于四类过程性信息"),
    (None, 0, "7.属于行政执法案卷"),
    (None, 0, "8.属于行政查询事项"),
    ("（四）无法提供", 3, "1.本机关不掌握相关政府信息"),
    (None, 0, "2.没有现成信息需要另行制作"),
    (None, 0, "3.补正后申请内容仍不明确"),
    ("（五）不予处理", 5, "1.信访举报投诉类申请"),
    (None, 0, "2.重复申请"),
    (None, 0, "3.要求提供公开出版物"),
    (None, 0, "4.无正当理由大量反复申请"),
    (None, 0, "5.要求行政机关确认或重新出具已获取信息"),
    ("（六）其他处理", 3, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    (None, 0, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    (None, 0, "3.其他"),
    ("（七）总计", 0, ""),
]


def table3_numbers(rng: random.Random) -> dict[str, list[int]]:
    """Figures for table 3 that add up: each row's 总计 and the （七）总计 row are real sums."""

    def row(high: int) -> list[int]:
        values = [rng.randint(0, high) if rng.random() < 0.6 else 0 for _ in range(6)]
        return [*values, sum(values)]

    results = [row(4) for r in T3_RESULT_ROWS[:-1]]
    total = [sum(col) for col in zip(*results, strict=True)]
    carried = row(2)
    pending = row(2)
    # 一 + 二 = 三（七） + 四, column by column; carried over never exceeds what was handled
    carried = [min(c, t) for c, t in zip(carried, total, strict=True)]
    carried[6] = sum(carried[:6])
    new = [t + p - c for t, p, c in zip(total, pending, carried, strict=True)]
    return {
        "new": new,
        "carried": carried,
        "results": [v for r in results for v in r],
        "total": total,
        "next": pending,
    }


def _cells(values: list[int]) -> str:
    return "".join(f"<td>{v}</td>" for v in values)


def table3_html(numbers: dict[str, list[int]]) -> str:
    head = (
        '<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
        '<td colspan="7">申请人情况</td></tr>\n'
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td>'
        '<td rowspan="2">总计</td></tr>\n'
        "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>\n"
    )
    rows = [
        f'<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>{_cells(numbers["new"])}</tr>',
        f'<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>{_cells(numbers["carried"])}</tr>',
    ]
    results = numbers["results"]
    for i, (section, span, label) in enumerate(T3_RESULT_ROWS):
        values = numbers["total"] if i == len(T3_RESULT_ROWS) - 1 else results[i * 7 : i * 7 + 7]
        cells = ""
        if i == 0:
            # the template's page-long label; CMS editors break it one character per line
            label3 = "<br>".join("三、本年度办理结果")
            cells += f'<td rowspan="{len(T3_RESULT_ROWS)}">{label3}</td>'
        if section is not None and span == 0:
            cells += f'<td colspan="2">{escape(section)}</td>'
        elif section is not None:
            cells += f'<td rowspan="{span}">{escape(section)}</td><td>{escape(label)}</td>'
        else:
            cells += f"<td>{escape(label)}</td>"
        rows.append(f"<tr>{cells}{_cells(values)}</tr>")
    rows.append(f'<tr><td colspan="3">四、结转下年度继续办理</td>{_cells(numbers["next"])}</tr>')
    return (
        '<table border="1" cellspacing="0" class="MsoNormalTable">\n' + head + "\n".join(rows) + "\n</table>"
    )


def table4_html(values: list[int]) -> str:
    labels = "".join(f"<td>{t}</td>" for t in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
    return (
        '<table border="1">\n<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>\n'
        "<tr>"
        + "".join(
            f'<td rowspan="2">{t}</td>' for t in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        )
        + '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>\n'
        f"<tr>{labels}{labels}</tr>\n<tr>{_cells(values)}</tr>\n</table>"
    )


def template_page(seed: int, charset_meta: str | None) -> str:
    """A TRS-style article page: header, navigation, breadcrumbs, script and footer around the report."""
    rng = random.Random(seed)
    numbers = table3_numbers(rng)
    proactive = rng.randint(100, 9000)
    reviews = [rng.randint(0, 3) for _ in range(4)]
    t4 = [*reviews, sum(reviews), *[rng.randint(0, 2) for _ in range(10)]]
    meta = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset_meta}">'
        if charset_meta
        else ""
    )
    return f"""<!DOCTYPE html>
<html><head>{meta}
<title>{TITLE}_示例区人民政府门户网站</title>
<meta name="ArticleTitle" content="{TITLE}">
<style>.TRS_Editor p {{ line-height: 2; }}</style>
<script>var siteId = "2021"; document.write("<p>脚本文字</p>");</script>
</head>
<body>
<div id="header"><div class="logo"><a href="/">示例区人民政府</a></div>
<ul class="menu"><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<nav><a href="/">首页</a> <a href="/zfxxgk/">政府信息公开</a></nav>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zfxxgk/">政府信息公开</a> &gt; 年度报告</div>
<div class="article">
<h1>{TITLE}</h1>
<div class="info">发布日期：2022-01-25　来源：示例区人民政府办公室　浏览次数：<span id="hits">341</span></div>
<div class="TRS_Editor"><div class="Custom_UnionStyle">
<p style="text-align:center">{TITLE}</p>
<p>　　本报告根据《中华人民共和国政府信息公开条例》编制。如对本报告有疑问，请联系示例区人民政府办公室（电话：0816—4336078）。</p>
<p>　　<strong>一、总体情况</strong></p>
<p>　　2021年，示例区主动公开政府信息{proactive}条，镕、堃二字用于检查编码。</p>
<p>　　二、主动公开政府信息情况</p>
<p>　　三、收到和处理政府信息公开申请情况</p>
{table3_html(numbers)}
<p>　　四、政府信息公开行政复议、行政诉讼情况</p>
{table4_html(t4)}
<p>　　五、存在的主要问题及改进情况</p>
<p>　　六、其他需要报告的事项</p>
<p>　　本年度未收取信息处理费。</p>
</div></div>
<div class="print"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</div>
<footer><p>主办：示例区人民政府办公室 电话：0816-1234567 蜀ICP备12345678号</p></footer>
</body></html>
"""


def make_html() -> None:
    page = template_page(2021, "utf-8")
    (OUT / "template2021_utf8.html").write_bytes(page.encode("utf-8"))
    # A GBK page whose meta still says utf-8 (a CMS template copied between sites).
    (OUT / "template2021_gbk_wrong_meta.html").write_bytes(page.encode("gbk"))
    # The same GBK page without any declaration.
    (OUT / "template2021_gbk_no_meta.html").write_bytes(template_page(2021, None).encode("gbk"))


def make_docx() -> None:
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    doc.core_properties.title = TITLE
    doc.add_paragraph(TITLE)
    doc.add_paragraph("一、总体情况")
    doc.add_paragraph("2021年，示例区主动公开政府信息4435条。")
    doc.add_paragraph("三、收到和处理政府信息公开申请情况")

    rng = random.Random(7)
    numbers = table3_numbers(rng)
    n_rows = 3 + 2 + len(T3_RESULT_ROWS) + 1
    table = doc.add_table(rows=n_rows, cols=10)
    table.style = "Table Grid"

    def put(r: int, c: int, text: str, r2: int | None = None, c2: int | None = None) -> None:
        cell = table.cell(r, c)
        if r2 is not None or c2 is not None:
            cell = cell.merge(table.cell(r if r2 is None else r2, c if c2 is None else c2))
        cell.text = text

    put(0, 0, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 2, 2)
    put(0, 3, "申请人情况", c2=9)
    put(1, 3, "自然人", r2=2)
    put(1, 4, "法人或其他组织", c2=8)
    for i, label in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]):
        put(2, 4 + i, label)
    put(1, 9, "总计", r2=2)

    def numbers_row(r: int, values: list[int]) -> None:
        for j, v in enumerate(values):
            table.cell(r, 3 + j).text = str(v)

    put(3, 0, "一、本年新收政府信息公开申请数量", c2=2)
    numbers_row(3, numbers["new"])
    put(4, 0, "二、上年结转政府信息公开申请数量", c2=2)
    numbers_row(4, numbers["carried"])
    first = 5
    put(first, 0, "三、本年度办理结果", r2=first + len(T3_RESULT_ROWS) - 1)
    results = numbers["results"]
    for i, (section, span, label) in enumerate(T3_RESULT_ROWS):
        r = first + i
        if section is not None and span == 0:
            put(r, 1, section, c2=2)
        elif section is not None:
            put(r, 1, section, r2=r + span - 1)
            table.cell(r, 2).text = label
        else:
            table.cell(r, 2).text = label
        values = numbers["total"] if i == len(T3_RESULT_ROWS) - 1 else results[i * 7 : i * 7 + 7]
        numbers_row(r, values)
    last = n_rows - 1
    put(last, 0, "四、结转下年度继续办理", c2=2)
    numbers_row(last, numbers["next"])

    doc.add_paragraph("六、其他需要报告的事项")
    para = doc.add_paragraph("本年度未收取信息处理费。")
    para.runs[0].font.size = Pt(12)
    # python-docx stamps the current time into docProps/core.xml; pin it so reruns are identical
    import datetime as dt

    stamp = dt.datetime(2022, 1, 25, 8, 0, 0)
    doc.core_properties.created = stamp
    doc.core_properties.modified = stamp
    doc.core_properties.last_printed = stamp
    doc.save(str(OUT / "template2021.docx"))


def make_broken() -> None:
    (OUT / "not_a_zip.docx").write_bytes("这不是一个DOCX文件，只是改了扩展名的文本。\n".encode())


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    make_html()
    make_docx()
    make_broken()
    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.relative_to(OUT.parent.parent)}")


if __name__ == "__main__":
    main()
