"""HTML parsing: body detection, chrome removal, merged-cell grids, running text with offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from report_harvester.models import ParsedDocument
from report_harvester.parse import parse_document
from report_harvester.parse.html import build_grid, parse_html

DOCS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
TITLE = "示例区人民政府2021年政府信息公开工作年度报告"


def _fixture(name: str) -> ParsedDocument:
    return parse_html((DOCS / name).read_bytes(), name)


@pytest.fixture(scope="module")
def page() -> ParsedDocument:
    return _fixture("template2021_utf8.html")


def test_title_and_media_type(page: ParsedDocument) -> None:
    assert page.title == TITLE
    assert page.media_type == "text/html"
    assert page.notes == []
    assert page.text.split("\n")[0] == TITLE


def test_chrome_is_dropped(page: ParsedDocument) -> None:
    for chrome in (
        "首页",
        "当前位置",
        "打印本页",
        "主办",
        "脚本文字",
        "siteId",
        "line-height",
        "互动交流",
        "浏览次数",
    ):
        assert chrome not in page.text


def test_body_prose_is_kept_with_block_structure(page: ParsedDocument) -> None:
    lines = page.text.split("\n")
    # paragraph indentation (U+3000) is trimmed, the heading is its own line
    assert "一、总体情况" in lines
    assert "六、其他需要报告的事项" in lines
    assert lines[-1] == "本年度未收取信息处理费。"
    assert any(line.startswith("2021年，示例区主动公开政府信息") and "镕、堃" in line for line in lines)


def test_table3_grid_expands_rowspan_and_colspan(page: ParsedDocument) -> None:
    assert len(page.tables) == 2
    t3 = page.tables[0]
    assert t3.source == "html"
    assert len(t3.rows) == 28
    assert {len(r) for r in t3.rows} == {10}
    head = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    for r in range(3):
        assert t3.rows[r][:3] == [head] * 3
    assert t3.rows[0][3:] == ["申请人情况"] * 7
    assert t3.rows[1][3:] == ["自然人", *["法人或其他组织"] * 5, "总计"]
    assert t3.rows[2][3:] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert t3.rows[3][:3] == ["一、本年新收政府信息公开申请数量"] * 3
    # 三、本年度办理结果 spans 22 rows; its <br>-per-character label joins back into one phrase
    assert [row[0] for row in t3.rows[5:27]] == ["三、本年度办理结果"] * 22
    assert t3.rows[5][1:3] == ["（一）予以公开"] * 2
    assert [row[1] for row in t3.rows[7:15]] == ["（三）不予公开"] * 8
    assert t3.rows[7][2] == "1.属于国家秘密"
    assert t3.rows[14][2] == "8.属于行政查询事项"
    assert [row[1] for row in t3.rows[23:26]] == ["（六）其他处理"] * 3
    assert t3.rows[26][1] == "（七）总计"
    assert t3.rows[27][0] == "四、结转下年度继续办理"


def test_table3_figures_are_the_generated_ones(page: ParsedDocument) -> None:
    t3 = page.tables[0]
    figures = [[int(v) for v in row[3:]] for row in t3.rows[3:]]
    new, carried, *results, total, pending = figures
    assert [sum(col) for col in zip(*results, strict=True)] == total
    for row in figures:
        assert sum(row[:6]) == row[6]
    assert [a + b for a, b in zip(new, carried, strict=True)] == [
        t + p for t, p in zip(total, pending, strict=True)
    ]


def test_table4_header_colspans(page: ParsedDocument) -> None:
    t4 = page.tables[1]
    assert len(t4.rows) == 4
    assert t4.rows[0] == ["行政复议"] * 5 + ["行政诉讼"] * 10
    assert t4.rows[1][:5] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert t4.rows[1][5:] == ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5
    assert t4.rows[2][:5] == t4.rows[1][:5]  # rowspan=2 repeats downward
    assert all(cell.isdigit() for cell in t4.rows[3])


def test_table_rows_are_tab_separated_lines_at_the_offset(page: ParsedDocument) -> None:
    t3, t4 = page.tables
    assert t3.offset is not None and t4.offset is not None
    assert page.text[t3.offset :].startswith("（本列数据的勾稽关系为")
    assert page.text[t4.offset :].startswith("行政复议\t\t\t\t\t行政诉讼")
    assert page.text[t3.offset - 1] == "\n"
    lines = page.text[t3.offset :].split("\n")
    # a merged cell's text appears once; the positions it covers stay blank so columns line up
    assert lines[5].split("\t") == ["三、本年度办理结果", "（一）予以公开", "", *t3.rows[5][3:]]
    assert lines[6].split("\t")[:2] == ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]
    assert lines[7].split("\t")[:3] == ["", "（三）不予公开", "1.属于国家秘密"]
    assert lines[8].split("\t")[:3] == ["", "", "2.其他法律行政法规禁止公开"]
    assert page.text.count("三、本年度办理结果") == 1


@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("template2021_gbk_wrong_meta.html", "declared charset utf-8 is wrong; decoded as gb18030"),
        ("template2021_gbk_no_meta.html", "encoding guessed: gb18030"),
    ],
)
def test_gbk_pages_give_the_same_document(page: ParsedDocument, name: str, note: str) -> None:
    doc = _fixture(name)
    assert doc.notes == [note]
    assert doc.text == page.text
    assert [t.rows for t in doc.tables] == [t.rows for t in page.tables]
    assert "镕、堃" in doc.text


def test_header_charset_is_passed_through() -> None:
    doc = parse_document((DOCS / "template2021_gbk_no_meta.html").read_bytes(), "x", declared_charset="GBK")
    assert doc.notes == []
    assert "镕、堃" in doc.text


def test_absurd_spans_are_clamped() -> None:
    html = """<table>
    <tr><td rowspan="1000">项目</td><td colspan="1000">申请人情况</td></tr>
    <tr><td>自然人</td></tr>
    <tr><td rowspan="0">末行</td></tr>
    </table>"""
    doc = parse_html(html.encode(), "x")
    assert doc.tables[0].rows == [
        ["项目", "申请人情况"],
        ["项目", "自然人"],
        ["项目", "末行"],
    ]


def test_build_grid_drops_span_only_columns() -> None:
    grid, origin = build_grid([[("a", 1, 5), ("b", 1, 1)], [("c", 1, 5), ("d", 1, 1)]])
    assert grid == [["a", "b"], ["c", "d"]]
    assert origin == [[True, True], [True, True]]


def test_cell_text_is_normalised() -> None:
    html = """<table><tr><td>&nbsp;指标&nbsp;名称 </td><td>计量<br>单位</td><td><p>本年</p><p>度</p></td></tr>
    <tr><td>主动公开
    信息数</td><td>条</td><td>４４３５</td></tr></table>"""
    doc = parse_html(html.encode(), "x")
    assert doc.tables[0].rows == [["指标 名称", "计量单位", "本年度"], ["主动公开信息数", "条", "４４３５"]]
    # full-width digits are left for extraction to normalise
    assert "４４３５" in doc.text


def test_nested_tables_layout_outer_data_inner() -> None:
    html = """<html><body><table class="layout"><tr>
      <td><a href="/">首页</a></td>
      <td><div class="TRS_Editor"><p>一、总体情况：全年主动公开政府信息一百二十三条，并持续优化公开渠道与平台建设工作。</p>
        <table><tr><td>指标名称</td><td>本年度</td></tr><tr><td>主动公开信息数</td><td>123</td></tr></table>
        <p>二、其他事项</p></div></td>
    </tr></table></body></html>"""
    doc = parse_html(html.encode(), "x")
    assert [t.rows for t in doc.tables] == [[["指标名称", "本年度"], ["主动公开信息数", "123"]]]
    assert doc.text.split("\n") == [
        "一、总体情况：全年主动公开政府信息一百二十三条，并持续优化公开渠道与平台建设工作。",
        "指标名称\t本年度",
        "主动公开信息数\t123",
        "二、其他事项",
    ]
    assert doc.tables[0].offset == doc.text.index("指标名称")


def test_single_column_and_single_row_tables_are_text_not_tables() -> None:
    html = "<table><tr><td>只有一格</td></tr></table><table><tr><td>甲</td><td>乙</td></tr></table>"
    doc = parse_html(html.encode(), "x")
    assert doc.tables == []
    assert "只有一格" in doc.text and "甲" in doc.text


def test_fallback_finds_the_largest_text_block_without_cms_names() -> None:
    prose = "".join(
        f"<p>第{i}段：本机关全年主动公开政府信息若干条，依申请公开工作平稳有序开展。</p>" for i in range(12)
    )
    html = f"""<html><head><title>某局2020年政府信息公开工作年度报告</title></head><body>
      <div id="top"><a href="/">首页</a><a href="/a">机构概况</a><a href="/b">政务公开</a></div>
      <div id="wrap"><div id="left"><a href="/x">通知公告</a><a href="/y">工作动态</a><span>友情链接</span></div>
      <div id="main">{prose}</div></div>
      <div id="bottom">版权所有：某局 地址：某路1号 邮编：621000</div></body></html>"""
    doc = parse_html(html.encode(), "x")
    assert doc.title == "某局2020年政府信息公开工作年度报告"
    lines = doc.text.split("\n")
    assert lines[0] == doc.title  # prepended: the body does not carry it
    assert len(lines) == 13
    assert "友情链接" not in doc.text and "版权所有" not in doc.text


def test_deeply_nested_markup_does_not_recurse() -> None:
    html = "<div>" * 20000 + "深层文字" + "</div>" * 20000
    doc = parse_html(html.encode(), "x")
    assert "深层文字" in doc.text


def test_cjk_line_breaks_join_but_latin_ones_space() -> None:
    doc = parse_html("<p>主动公开\n政府信息\n 4435 条，\nsee\nhttp://example.org</p>".encode(), "x")
    assert doc.text == "主动公开政府信息 4435 条， see http://example.org"


def test_parse_document_sniffs_html_fragments() -> None:
    doc = parse_document(
        "<p>一、总体情况</p><table><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table>".encode(),
        "x.txt",
    )
    assert doc.media_type == "text/html"
    assert doc.tables[0].rows == [["a", "1"], ["b", "2"]]


def test_real_list_page_from_the_corpus() -> None:
    path = CORPUS / "nm_ordos_egb_list.html"
    if not path.exists():
        pytest.skip("shared corpus not present")
    doc = parse_document(path.read_bytes(), path.name)
    assert doc.media_type == "text/html"
    assert doc.title == "鄂尔多斯恩格贝生态示范区"
    assert "鄂尔多斯市2019年政府信息公开工作年度报告\t2020-09-03" in doc.text
    assert "submitA" not in doc.text and "document.write" not in doc.text
    assert len(doc.tables) == 3  # side menu, the list, the footer: layout tables without nesting
    for t in doc.tables:
        assert t.offset is not None
        # these tables have no merged cells, so the first row's line is the cells joined by tabs
        assert doc.text[t.offset :].split("\n")[0] == "\t".join(t.rows[0]).rstrip("\t")


def test_deeply_nested_page_is_read_as_text_quickly() -> None:
    from report_harvester.parse.html import parse_html_text

    page = "<html><body>" + "<div>" * 20000 + "主动公开政府信息12条" + "</div>" * 20000 + "</body></html>"
    doc = parse_html_text(page)
    assert "主动公开政府信息12条" in doc.text
    assert any("nested deeper" in n for n in doc.notes)
