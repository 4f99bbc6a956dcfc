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
