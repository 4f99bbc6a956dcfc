"""The prose era's 政府信息公开情况统计表, flattened into text by a crawler or an editor."""

from __future__ import annotations

from report_harvester.api import extract_bytes

# Cells separated by ideographic spaces (U+3000), a row the registry does not know (其中：…规范性
# 文件数) and a heading between known rows, a 历年累计 column, and prose after the table.
TABLE = """某区人民政府2012年政府信息公开工作年度报告
附件：某区2012年政府信息公开情况统计表
指标名称　计量单位　本年度　历年累计
一、主动公开情况
（一）主动公开政府信息数　条　1852　9316
其中：主动公开规范性文件数　条　34　211
（二）通过不同渠道和方式公开政府信息的情况
1.政府公报公开政府信息数　条　95　402
2.政府网站公开政府信息数　条　1695　8517
3.政务微博公开政府信息数　条　0　0
4.其他方式公开政府信息数　条　62　397
二、依申请公开情况
（一）收到申请数　件　58　213
（二）申请办结数　件　55　210
三、行政复议数量　件　3　7
五、申诉案件数　件　0　0
以上数据截至2012年12月31日。本区将继续做好政府信息公开工作，力争主动公开信息2000条以上。
"""


def _figures(text: str) -> dict[tuple[str, str | None], float]:
    report = extract_bytes(text.encode("utf-8"), "t.txt")
    return {(f.metric, f.dimension): f.value for f in report.figures if f.method.startswith("stats-table")}


def test_ideographic_spaces_separate_cells_and_unknown_rows_do_not_end_the_table() -> None:
    got = _figures(TABLE)
    assert got[("proactive.total", None)] == 1852
    assert got[("proactive.cumulative", None)] == 9316
    assert got[("proactive.by_channel", "政府公报")] == 95
    assert got[("proactive.by_channel", "政府网站")] == 1695
    assert got[("proactive.by_channel", "政务微博")] == 0
    assert got[("proactive.other_channels", None)] == 62
    assert got[("requests.received", None)] == 58
    assert got[("requests.answered", None)] == 55
    assert got[("reviews.total", None)] == 3
    assert got[("complaints.total", None)] == 0
    # the unknown row and the target in the prose after the table are not read as rows
    assert 34 not in got.values() and 2000 not in got.values()


def test_a_sentence_between_rows_ends_the_table() -> None:
    text = TABLE.replace(
        "三、行政复议数量　件　3　7",
        "本年度工作取得较好成效。全年共召开会议12次。\n三、行政复议数量　件　3　7",
    )
    got = _figures(text)
    assert got[("requests.answered", None)] == 55
    assert ("reviews.total", None) not in got


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


# An HTML statistics table: — in the 历年累计 column, rows numbered （三）, notes after labels, and
# outcome rows whose labels 行政复议 and 行政诉讼 share.
GRID = (
    "<html><body><h1>某县人民政府2016年政府信息公开工作年度报告</h1><p>附件：政府信息公开情况统计表</p><table>"
    + _row("统计指标", "单位", "2016年度", "历年累计")
    + _row("（一）主动公开政府信息数", "条", "1,460", "8,305")
    + _row("　1.政府公报公开政府信息数", "条", "35", "—")
    + _row("　2.政府网站公开政府信息数", "条", "2,148", "—")
    + _row("四、行政复议数量", "件", "3", "—")
    + _row("（一）维持具体行政行为数", "件", "2", "—")
    + _row("（二）被依法纠错数", "件", "1", "—")
    + _row("（三）其他情形数", "件", "0", "—")
    + _row("五、行政诉讼数量", "件", "4", "—")
    + _row("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "1", "—")
    + _row("（二）被依法纠错数", "件", "0", "—")
    + _row("（三）其他情形数", "件", "2", "—")
    + _row("（四）尚未审结数", "件", "1", "—")
    + _row("（三）从事政府信息公开工作人员数", "人", "58", "—")
    + _row("　1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", "9", "/")
    + _row("　2.兼职人员数", "人", "49", "")
    + "</table></body></html>"
)


def test_grid_cells_are_columns_and_outcome_rows_follow_their_heading() -> None:
    got = _figures(GRID)
    # one number beside a — is that number, not its digits cut in two
    assert got[("proactive.by_channel", "政府公报")] == 35
    assert got[("proactive.by_channel", "政府网站")] == 2148
    assert got[("proactive.total", None)] == 1460 and got[("proactive.cumulative", None)] == 8305
    assert got[("staff.total", None)] == 58
    assert got[("staff.full_time", None)] == 9 and got[("staff.part_time", None)] == 49
    assert got[("reviews.total", None)] == 3 and got[("lawsuits.total", None)] == 4
    assert (
        got[("reviews.upheld", None)],
        got[("reviews.corrected", None)],
        got[("reviews.other", None)],
    ) == (2, 1, 0)
    assert (
        got[("lawsuits.upheld", None)],
        got[("lawsuits.corrected", None)],
        got[("lawsuits.other", None)],
    ) == (1, 0, 2)
    assert got[("lawsuits.pending", None)] == 1 and ("reviews.pending", None) not in got


def test_a_table_of_requests_by_channel_gives_each_channels_count() -> None:
    html = (
        "<html><body><h1>某市国土资源局2016年政府信息公开工作年度报告</h1>"
        "<p>全年共受理政府信息公开申请103件。各渠道申请及办理情况见下表。</p><table>"
        + _row("申请方式", "受理数", "同意公开", "部分公开", "不予公开")
        + _row("当面申请", "46", "24", "5", "3")
        + _row("网上", "38", "20", "3", "2")
        + _row("信函", "17", "9", "2", "1")
        + _row("传真", "", "", "", "")
        + _row("合计", "101", "53", "10", "6")
        + "</table></body></html>"
    )
    report = extract_bytes(html.encode("utf-8"), "t.html")
    got = {f.dimension: f.value for f in report.figures if f.metric == "requests.by_channel"}
    # the received column, not the outcomes; a blank cell is a zero; the total row is no channel
    assert got == {"当面": 46, "网上": 38, "信函": 17, "传真": 0}
