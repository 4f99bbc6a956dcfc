"""Consistency checks (勾稽关系) 1–6, passing and failing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from report_harvester.check import run_checks
from report_harvester.extract import template
from report_harvester.models import Check, Figure, Identity, ParsedDocument

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
COLS = ("natural_person", "business", "research", "nonprofit", "legal_services", "other_org", "total")


def fig(metric: str, value: float, method: str = "template:flat", unit: str = "件", **kw: object) -> Figure:
    return Figure(metric=metric, value=value, unit=unit, method=method, **kw)  # type: ignore[arg-type]


def t3_row(row: str, cells: list[float]) -> list[Figure]:
    return [fig(f"t3.{row}.{c}", v) for c, v in zip(COLS, cells, strict=True)]


def failing(checks: list[Check], cid: str) -> list[Check]:
    return [c for c in checks if c.check == cid and not c.passed]


def consistent_t3() -> list[Figure]:
    return [
        *t3_row("new_received", [5, 1, 0, 0, 0, 0, 6]),
        *t3_row("carried_over", [1, 0, 0, 0, 0, 0, 1]),
        *t3_row("granted", [4, 1, 0, 0, 0, 0, 5]),
        *t3_row("unable.not_held", [1, 0, 0, 0, 0, 0, 1]),
        *t3_row("total", [5, 1, 0, 0, 0, 0, 6]),
        *t3_row("carried_forward", [1, 0, 0, 0, 0, 0, 1]),
    ]


def test_table3_checks_pass() -> None:
    checks = run_checks(consistent_t3(), Identity())
    assert {c.check for c in checks} >= {"1", "2", "3"}
    assert all(c.passed for c in checks)


def test_check1_column_identity_fails() -> None:
    figs = [f for f in consistent_t3() if f.metric != "t3.carried_forward.natural_person"]
    figs.append(fig("t3.carried_forward.natural_person", 3))
    bad = failing(run_checks(figs, Identity()), "1")
    assert len(bad) == 1 and bad[0].numbers["t3.carried_forward.natural_person"] == 3


def test_check2_row_sum_fails() -> None:
    figs = [f for f in consistent_t3() if f.metric != "t3.granted.total"] + [fig("t3.granted.total", 9)]
    assert [c.name for c in failing(run_checks(figs, Identity()), "2")] == [
        "table 3 row granted: applicant columns add up to 总计"
    ]


def test_check3_outcomes_fail() -> None:
    figs = consistent_t3() + t3_row("withheld.state_secret", [1, 0, 0, 0, 0, 0, 1])
    assert failing(run_checks(figs, Identity()), "3")


def test_check3_2019_other_row_not_double_counted() -> None:
    figs = consistent_t3() + t3_row("other", [0] * 7) + t3_row("other.other", [0] * 7)
    assert not failing(run_checks(figs, Identity()), "3")


def test_check4_table4() -> None:
    ok = [
        fig(f"t4.review.{k}", v)
        for k, v in (("upheld", 1), ("corrected", 1), ("other", 0), ("pending", 0), ("total", 2))
    ]
    assert not failing(run_checks(ok, Identity()), "4")
    bad = [f for f in ok if f.metric != "t4.review.total"] + [fig("t4.review.total", 0)]
    assert failing(run_checks(bad, Identity()), "4")


def test_check5_staff_and_shares() -> None:
    p = "prose"
    good = [
        fig("staff.total", 8, p, "人"),
        fig("staff.full_time", 2, p, "人"),
        fig("staff.part_time", 6, p, "人"),
    ]
    good.append(fig("staff.part_time_share", 75, p, "%"))
    assert all(c.passed for c in run_checks(good, Identity()))
    bad = [*good[:2], fig("staff.part_time", 5, p, "人"), fig("staff.part_time_share", 80, p, "%")]
    names = [c.name for c in failing(run_checks(bad, Identity()), "5")]
    assert "staff: full-time + part-time = total" in names
    assert "staff: part_time share agrees with its count" in names


def test_check5_category_sum_only_with_other_bucket() -> None:
    p = "prose"
    figs = [
        fig("proactive.total", 100, p, "条"),
        fig("proactive.by_category", 40, p, "条", dimension="概况类"),
    ]
    figs.append(fig("proactive.by_category", 50, p, "条", dimension="工作动态"))
    assert not [c for c in run_checks(figs, Identity()) if c.check == "5"]
    figs.append(fig("proactive.by_category", 20, p, "条", dimension="其他应主动公开的信息"))
    bad = failing(run_checks(figs, Identity()), "5")
    assert len(bad) == 1 and bad[0].numbers["proactive.total"] == 100


def test_check5_channels_and_reviews() -> None:
    p = "prose"
    figs = [fig("requests.received", 10, p)]
    figs += [
        fig("requests.by_channel", 5, p, dimension="当面"),
        fig("requests.by_channel", 4, p, dimension="其他"),
    ]
    figs += [fig("reviews.total", 2, p), fig("reviews.upheld", 2, p)]
    bad = failing(run_checks(figs, Identity()), "5")
    assert [c.name for c in bad] == ["Σ requests.by_channel = requests.received"]


def test_check6_prose_against_table() -> None:
    figs = [fig("requests.received", 95, "template:derived"), fig("requests.received", 17, "prose:sentence")]
    bad = failing(run_checks(figs, Identity()), "6")
    assert len(bad) == 1 and bad[0].numbers == {"prose": 17, "table": 95}
    agree = [fig("requests.received", 95, "template:derived"), fig("requests.received", 95, "prose")]
    assert [c.passed for c in run_checks(agree, Identity()) if c.check == "6"] == [True]
    money = [fig("fees.collected", 1.5, "table", "万元"), fig("fees.collected", 15000, "prose", "元")]
    assert all(c.passed for c in run_checks(money, Identity()))


def test_failing_check_never_alters_figures() -> None:
    figs = [fig("t4.review.upheld", 10), fig("t4.review.total", 0)]
    before = [f.to_json() for f in figs]
    run_checks(figs, Identity())
    assert [f.to_json() for f in figs] == before


@pytest.mark.parametrize(
    ("name", "expect"),
    [
        ("js_hz2023_district", {"4": 2, "5": 2}),
        ("js_ha2024_city", {}),
        ("fj_pt2021_zone", {}),
        ("fj_pt2019_zone", {}),
    ],
)
def test_corpus_template_findings(name: str, expect: dict[str, int]) -> None:
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
    checks = run_checks(template.extract(doc).figures, Identity())
    got: dict[str, int] = {}
    for c in checks:
        if not c.passed:
            got[c.check] = got.get(c.check, 0) + 1
    assert got == expect
