"""Template tables (2019/2021) from flattened text, grids and the real corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from report_harvester.extract import template
from report_harvester.extract.template_split import BLANK, Cell, Chunk, split_cells
from report_harvester.models import ParsedDocument, Table
from report_harvester.registry import is_registered

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures" / "documents"
SHARED = ROOT.parent / "shared"


def _values(res: template.TemplateResult) -> dict[str, float]:
    return {f.metric: f.value for f in res.figures}


def _doc(name: str) -> ParsedDocument:
    return ParsedDocument(text=(FIX / name).read_text(encoding="utf-8"))


def test_2019_flat_unique_split() -> None:
    res = template.extract(_doc("template_2019_flat.txt"))
    v = _values(res)
    assert res.era == "template2019"
    assert v["t3.new_received.natural_person"] == 15 and v["t3.new_received.business"] == 2
    assert v["t3.new_received.total"] == 17
    assert v["t3.granted.total"] == 10 and v["t3.granted.business"] == 1
    assert v["t3.other.total"] == 0  # 2019: （六）其他处理 is one row
    assert v["t4.review.upheld"] == 2 and v["t4.review.total"] == 3 and v["t4.lawsuit_direct.total"] == 1
    assert v["requests.received"] == 17 and v["requests.unable"] == 4 and v["requests.refused"] == 1
    assert v["lawsuits.total"] == 1 and v["reviews.corrected"] == 1
    assert v["t2.licensing.prev_items"] == 210 and v["t2.licensing.change"] == 0
    assert v["t2.procurement.amount"] == 12500000
    assert not [n for n in res.notes if n.startswith("table 3")]
    assert all(is_registered(f.metric) for f in res.figures)


def test_trailing_enumerator_belongs_to_next_label() -> None:
    res = template.extract(_doc("template_2019_flat.txt"))
    v = _values(res)
    # …0000000 2.其他法律…: the 2 is the next row's enumerator, not a cell
    assert v["t3.withheld.state_secret.total"] == 0
    assert v["t3.withheld.third_party.natural_person"] == 1


def test_2021_ambiguous_split_is_flagged() -> None:
    res = template.extract(_doc("template_2021_ambiguous.txt"))
    v = _values(res)
    assert res.era == "template2021"
    assert v["t3.new_received.total"] == 13
    assert any("readings" in n and "new_received" in n for n in res.notes)
    assert "t3.other.other.total" in v and "t3.other.total" not in v


def test_spans_cover_tables_and_point_into_text() -> None:
    doc = _doc("template_2019_flat.txt")
    res = template.extract(doc)
    assert len(res.table_spans) == 3
    for f in res.figures:
        if f.span:
            snippet = doc.text[f.span[0] : f.span[1]]
            assert any(ch.isdigit() for ch in snippet)
    assert "本年新收" in doc.text[res.table_spans[1][0] : res.table_spans[1][1]]


def test_grid_with_blank_total_and_zero_words() -> None:
    rows = [
        ["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
        ["一、本年新收政府信息公开申请数量", "5", "1", "", "无", "—", "/", ""],
        ["二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0"],
        ["（一）予以公开", "5", "1", "0", "0", "0", "0", "6"],
        ["（七）总计", "5", "1", "0", "0", "0", "0", "6"],
        ["四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"],
    ]
    doc = ParsedDocument(text="三、收到和处理政府信息公开申请情况", tables=[Table(rows=rows)])
    res = template.extract(doc)
    v = _values(res)
    assert v["t3.new_received.total"] == 6  # blank 总计 → the row's sum, with a note
    assert v["t3.new_received.nonprofit"] == 0
    assert any("blank" in n for n in res.notes)
    assert all(f.method.startswith("template:grid") for f in res.figures if f.metric.startswith("t3."))


def test_misprinted_and_reordered_labels() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2 "
        "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 （一）予以公开 1 0 0 0 0 0 1 "
        "2.其他法律行政止公开 1 0 0 0 0 0 1 1.属于国家秘密 0 0 0 0 0 0 0 "
        "（七）总计 2 0 0 0 0 0 2 四、结转下年度继续办理 0 0 0 0 0 0 0"
    )
    v = _values(template.extract(ParsedDocument(text=text)))
    assert v["t3.withheld.prohibited_by_law.total"] == 1
    assert v["t3.withheld.state_secret.total"] == 0
    assert v["requests.refused"] == 1


def test_not_a_template_report() -> None:
    res = template.extract(ParsedDocument(text="2011年主动公开政府信息425条。"))
    assert res.figures == [] and res.era is None
    assert template.extract(ParsedDocument(text="", image_only=True)).figures == []


def test_split_cells_respects_boundaries_and_leading_zeros() -> None:
    cands = split_cells([Chunk("230"), Chunk("000023")], 7)
    texts = {"|".join(c.text for c in cells) for cells in cands}
    assert "23|0|0|0|0|0|23" in texts
    assert all(not t.startswith("0") or t.split("|")[0] == "0" for t in texts)
    # a decimal part is never cut: 12.5 as two cells can only be 1 | 2.5
    assert [[c.text for c in cells] for cells in split_cells([Chunk("12.5")], 2)] == [["1", "2.5"]]


@pytest.mark.parametrize(
    "name", ["fj_pt2019_zone", "fj_pt2021_zone", "js_ha2024_city", "js_hz2023_district", "js_hz2024_district"]
)
def test_corpus_against_gold(name: str) -> None:
    gold_path = SHARED / "gold" / f"{name}.json"
    if not gold_path.exists():
        pytest.skip("shared corpus not available (../shared)")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    path = SHARED / gold["document"]
    if path.suffix == ".pdf":
        from report_harvester.parse.pdf import parse_pdf

        doc = parse_pdf(path.read_bytes(), path.name)
    else:
        doc = ParsedDocument(text=path.read_text(encoding="utf-8"))
    res = template.extract(doc)
    got = _values(res)
    fams = ("t2", "t3", "t4", "requests", "reviews", "lawsuits")
    want = {
        f["metric"]: f["value"]
        for f in gold["figures"]
        if f["metric"].split(".")[0] in fams and not f.get("dimension")
    }
    assert res.era == gold["era"]
    wrong = {k: (v, got.get(k)) for k, v in want.items() if got.get(k) != v}
    assert not wrong
    assert not set(got) - set(want)


def _texts(cands: list[list[Cell]]) -> list[str]:
    return ["|".join(c.text for c in cells) for cells in cands]


def _full_search(chunks: list[Chunk], n: int, **kw: Any) -> list[str]:
    """The plain search, kept from taking either shortcut (a prune that accepts everything)."""
    return _texts(split_cells(chunks, n, prune=lambda cells: True, **kw))


def test_split_cells_one_chunk_per_cell_is_the_only_reading() -> None:
    # grids and spaced text: as many chunks as cells, no splitting at all
    chunks = [
        Chunk("30"),
        Chunk("21"),
        Chunk(BLANK),
        Chunk("无"),
        Chunk("0"),
        Chunk("12.5", "万元"),
        Chunk("63.5"),
    ]
    got = split_cells(chunks, 7)
    assert _texts(got) == ["30|21||无|0|12.5|63.5"] == _full_search(chunks, 7)
    assert got[0][5].unit == "万元" and got[0][2].blank
    # the same tests as the search: leading zeros, max_value, target_sum, final
    tests: list[dict[str, Any]] = [{}, {"max_value": 30.0}, {"max_value": 29.0}, {"target_sum": 127.0}]
    for kw in [*tests, {"target_sum": 120.0}]:
        assert _texts(split_cells(chunks, 7, **kw)) == _full_search(chunks, 7, **kw)
    assert split_cells([Chunk("05"), Chunk("1")], 2) == []
    assert split_cells([Chunk("5"), Chunk("1")], 2, final=lambda cells: cells[0].value == 1) == []


def test_split_cells_sum_shortcut_matches_the_search() -> None:
    # whole numbers that must add up to a total: the shortcut skips dead cuts, same readings in order
    cases = [
        ([Chunk("640020")], 6, 70.0),
        ([Chunk("1000003")], 6, 4.0),
        ([Chunk("3"), Chunk("40220"), Chunk("0")], 6, 11.0),
        ([Chunk("1111111111")], 6, 40.0),
        ([Chunk("12"), Chunk("—"), Chunk("3045")], 5, 21.0),
        ([Chunk("9999")], 2, 1.0),
    ]
    for chunks, n, target in cases:
        kw: dict[str, Any] = {"target_sum": target, "max_value": target, "cap": 200}
        fast = _texts(split_cells(chunks, n, **kw))
        assert fast == _full_search(chunks, n, **kw)
        assert all(sum(float(t or 0) for t in r.split("|") if t[:1].isdigit()) == target for r in fast)
    assert len(split_cells([Chunk("1111111111")], 6, target_sum=46.0)) > 3
    assert len(split_cells([Chunk("1111111111")], 6, target_sum=46.0, cap=3)) == 3


def test_row_read_from_run_together_digits_uses_the_row_sum() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量640020470 "
        "二、上年结转政府信息公开申请数量0000000 （七）总计640020470 四、结转下年度继续办理0000000"
    )
    v = _values(template.extract(ParsedDocument(text=text)))
    assert [v[f"t3.new_received.{c}"] for c in template.T3_COLUMN_ZH] == [64, 0, 0, 2, 0, 4, 70]


def test_malformed_number_in_a_row_leaves_prose_figures() -> None:
    from report_harvester.api import extract_bytes

    text = (
        "某区2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 1.2.3 0 0 0 0 0 5\n主动公开政府信息100条。"
    )
    report = extract_bytes(text.encode(), "malformed.txt")
    assert {f.metric: f.value for f in report.figures}.get("proactive.total") == 100
    assert any("unreadable" in n for n in report.notes)


# ---------------------------------------------------------------- zero marks, blanks, signs, misprints

T3_LABELS = [
    ("new_received", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "三、本年度办理结果 （一）予以公开"),
    ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld.state_secret", "（三）不予公开 1.属于国家秘密"),
    ("withheld.prohibited_by_law", "2.其他法律行政法规禁止公开"),
    ("withheld.three_security", "3.危及“三安全一稳定”"),
    ("withheld.third_party", "4.保护第三方合法权益"),
    ("withheld.internal_affairs", "5.属于三类内部事务信息"),
    ("withheld.process_info", "6.属于四类过程性信息"),
    ("withheld.enforcement_files", "7.属于行政执法案卷"),
    ("withheld.query_matters", "8.属于行政查询事项"),
    ("unable.not_held", "（四）无法提供 1.本机关不掌握相关政府信息"),
    ("unable.needs_creation", "2.没有现成信息需要另行制作"),
    ("unable.still_unclear", "3.补正后申请内容仍不明确"),
    ("not_processed.petition", "（五）不予处理 1.信访举报投诉类申请"),
    ("not_processed.repeated", "2.重复申请"),
    ("not_processed.publications", "3.要求提供公开出版物"),
    ("not_processed.excessive", "4.无正当理由大量反复申请"),
    ("not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息"),
    ("other", "（六）其他处理"),
    ("total", "（七）总计"),
    ("carried_forward", "四、结转下年度继续办理"),
]


def _t3_text(cells: dict[str, str], labels: dict[str, str] | None = None) -> str:
    """A 2019 table 3 as flattened text, one row a line; rows not given print seven zeros."""
    lines = ["三、收到和处理政府信息公开申请情况"]
    for key, label in T3_LABELS:
        lines.append((labels or {}).get(key, label) + "\n" + cells.get(key, "0 0 0 0 0 0 0"))
    return "\n".join(lines)


def _t3_row(v: dict[str, float], key: str) -> list[float]:
    return [v[f"t3.{key}.{c}"] for c in template.T3_COLUMN_ZH]


def test_zero_marks_before_a_group_heading_are_cells() -> None:
    # A: the last zero mark of a row is followed by a group heading, not by the next row's label
    text = _t3_text(
        {
            "new_received": "3 0 0 0 0 0 3",
            "carried_over": "— — — — — — —",
            "granted": "3 0 0 0 0 0 3",
            "withheld.query_matters": "无 无 无 无 无 无 无",
            "not_processed.confirmation": "/ / / / / / /",
            "total": "3 0 0 0 0 0 3",
        }
    )
    res = template.extract(ParsedDocument(text=text))
    v = _values(res)
    for key in ("carried_over", "withheld.query_matters", "not_processed.confirmation"):
        assert _t3_row(v, key) == [0] * 7, key
    assert v["requests.carried_over"] == 0
    assert not [n for n in res.notes if "no reading" in n]
    # 无 opening a label word is the label, not a zero
    s = "8.属于行政查询事项 无 无 无 无 无 无 无法提供"
    chunks, _, _ = template.read_values(s, len("8.属于行政查询事项"), len(s))
    assert [c.text for c in chunks] == ["无"] * 6


def _grid_rows(cells: dict[str, list[str]]) -> list[list[str]]:
    head = ["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    rows = [head]
    for key, label in T3_LABELS:
        rows.append([label, *cells.get(key, ["0"] * 7)])
    return rows


def test_grid_blank_cells_keep_their_places() -> None:
    # B: blank zeros inside a row, an all-blank row, a blank 总计 in a row with figures
    grid = _grid_rows(
        {
            "new_received": ["9", "1", "", "", "", "", "10"],
            "carried_over": [""] * 7,
            "granted": ["8", "1", "—", "—", "—", "—", ""],
            "withheld.internal_affairs": ["1", "", "", "", "", "", "1"],
            "withheld.state_secret": [""] * 7,
            "total": ["9", "1", "", "", "", "", "10"],
        }
    )
    res = template.extract(
        ParsedDocument(text="三、收到和处理政府信息公开申请情况", tables=[Table(rows=grid)])
    )
    v = _values(res)
    assert _t3_row(v, "carried_over") == [0] * 7
    assert _t3_row(v, "withheld.state_secret") == [0] * 7
    assert _t3_row(v, "withheld.internal_affairs") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(v, "granted") == [8, 1, 0, 0, 0, 0, 9]
    assert any("总计 printed blank" in n and "予以公开" in n for n in res.notes)
    assert v["requests.refused"] == 1
    # a heading row with blank cells stays a heading
    assert "三、本年度办理结果 ∅" not in template.grid_text(
        [Table(rows=[["三、本年度办理结果", "", "", ""]])]
    )


T2_2019 = (
    "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n"
    "规章 0 0 0\n规范性文件 3 3 11\n第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n"
    "行政许可 684 +12 9517\n其他对外管理服务事项 5 0 318\n第二十条第（六）项\n"
    "信息内容 上一年项目数量 本年增/减 处理决定数量\n行政处罚 1702 -35 3361\n行政强制 0 0 0\n"
    "第二十条第（八）项\n信息内容 上一年项目数量 本年增/减\n行政事业性收费 41 -3\n"
)


def test_signed_changes_in_text_and_grid() -> None:
    # C: 本年增/减 is signed; +12 between two numbers is a cell, not digits to split
    v = _values(template.extract(ParsedDocument(text=T2_2019 + _t3_text({}))))
    assert [v[f"t2.licensing.{c}"] for c in ("prev_items", "change", "decisions")] == [684, 12, 9517]
    assert [v[f"t2.penalty.{c}"] for c in ("prev_items", "change", "decisions")] == [1702, -35, 3361]
    assert v["t2.fees.change"] == -3
    grid = [
        ["二、主动公开政府信息情况"],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["行政许可", "12", "-2", "46"],
        ["行政处罚", "3", "+1", "2"],
    ]
    doc = ParsedDocument(text="二、主动公开政府信息情况 本年新制作数量", tables=[Table(rows=grid)])
    g = _values(template.extract(doc))
    assert g["t2.licensing.change"] == -2 and g["t2.licensing.decisions"] == 46
    assert g["t2.penalty.change"] == 1


def test_table2_dashes_are_zeros() -> None:
    # D: "—" cells in table 2, also a row's only cell right before the next heading
    text = (
        "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
        "规章\t—\t—\t—\n行政规范性文件\t—\t—\t2\n第二十条第（五）项\n信息内容\t本年处理决定数量\n"
        "行政许可\t1,268\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t—\n"
    )
    v = _values(template.extract(ParsedDocument(text=text + _t3_text({}))))
    assert [v[f"t2.rules.{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 0]
    assert v["t2.normative.in_force"] == 2 and v["t2.licensing.decisions"] == 1268
    assert v["t2.fees.amount"] == 0


def test_misprinted_long_label_read_in_its_place() -> None:
    # E: one character off (公开 → 公示), confirmed by the rows either side of it
    text = _t3_text(
        {"withheld.prohibited_by_law": "1 0 0 0 0 0 1", "withheld.state_secret": "2 0 0 0 0 0 2"},
        {"withheld.prohibited_by_law": "2.其他法律行政法规禁止公示"},
    )
    v = _values(template.extract(ParsedDocument(text=text)))
    assert _t3_row(v, "withheld.prohibited_by_law") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(v, "withheld.state_secret") == [2, 0, 0, 0, 0, 0, 2]
    # a character left out of another long label
    text = _t3_text(
        {"unable.needs_creation": "4 0 0 0 0 0 4"}, {"unable.needs_creation": "2.没有现成信息需要另制作"}
    )
    assert _values(template.extract(ParsedDocument(text=text)))["t3.unable.needs_creation.total"] == 4
    # two characters off is not the label
    text = _t3_text({}, {"withheld.prohibited_by_law": "2.其他法律行政规则禁止公示"})
    assert "t3.withheld.prohibited_by_law.total" not in _values(template.extract(ParsedDocument(text=text)))


def test_near_label_needs_its_neighbours() -> None:
    # E: the same misprint out of place (its neighbours in the template are not next to it) is not read
    pat, owner = template._t3_row_re()
    s = template.normalise(
        "1.属于国家秘密 0 0 0 0 0 0 0 4.保护第三方合法权益 0 0 0 0 0 0 0 其他法律行政法规禁止公示 1 0 0 0 0 0 1"
    ).s
    rows = template._near_rows(s, template._scan_rows(s, pat, owner, 0, len(s)))
    assert [r.key for r in rows] == ["withheld.state_secret", "withheld.third_party"]
    assert template._one_edit("禁止公开", "禁止公示") and template._one_edit("禁止公开", "禁公开")
    assert not template._one_edit("禁止公开", "禁公示")
