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
