"""compare(): known values in every format, the former-name series, region and level filters, indicators."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from report_harvester import compare
from report_harvester.models import DocumentInfo, Figure, Identity, Report
from report_harvester.store import Store


def rep(issuer: str, code: str, year: int, figs: dict[str, float], level: str = "government") -> Report:
    ident = Identity(issuer=issuer, region_code=code, year=year, level=level)
    units = {"fees.collected": "万元"}
    return Report(
        source=f"{issuer}{year}",
        identity=ident,
        figures=[Figure(k, v, units.get(k, "件")) for k, v in figs.items()],
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "reports.db")
    data = [
        rep(
            "安县人民政府", "510724", 2014, {"requests.received": 12, "staff.total": 4, "staff.full_time": 1}
        ),
        rep(
            "绵阳市安州区人民政府",
            "510705",
            2018,
            {"requests.received": 26, "staff.total": 123, "staff.full_time": 5},
        ),
        rep("绵阳市涪城区人民政府", "510703", 2018, {"requests.received": 40, "fees.collected": 1.5}),
        rep(
            "绵阳市涪城区人民政府",
            "510703",
            2019,
            {
                "requests.received": 50,
                "requests.answered": 40,
                "requests.granted": 20,
                "requests.partially_granted": 10,
                "reviews.total": 8,
                "reviews.corrected": 2,
                "lawsuits.total": 5,
                "lawsuits.corrected": 1,
                "staff.total": 10,
                "staff.full_time": 4,
            },
        ),
        rep("绵阳市涪城区教育局", "510703", 2019, {"requests.received": 3}, level="department"),
        rep(
            "江油市人民政府",
            "510781",
            2019,
            {"requests.received": 7, "requests.answered": 10, "requests.granted": 6},
        ),
        rep("青川县人民政府", "510822", 2019, {"requests.received": 99}),
    ]
    for i, r in enumerate(data):
        s.ingest(r, DocumentInfo(sha256=f"{i:064d}", size=1))
    yield s
    s.close()


def values(result: compare.CompareResult) -> dict[tuple[str | None, str], dict[int, float | None]]:
    return {(r.code, r.measure): r.values for r in result.rows}


def test_former_name_series_is_one_row(store: Store) -> None:
    res = compare.compare(store, ["requests.received"], regions=["5107"], years=(2014, 2019))
    rows = {r.code: r for r in res.rows}
    assert rows["510705"].values == {2014: 12, 2018: 26}
    assert rows["510705"].name == "绵阳市安州区人民政府"
    assert rows["510705"].former_names == ["安县人民政府"]
    assert set(rows) == {"510703", "510705", "510781"}  # 青川 (5108) is outside 5107
    assert res.years == [2014, 2015, 2016, 2017, 2018, 2019]


def test_region_by_name_and_former_name(store: Store) -> None:
    for token in ("安县", "安州区", "510724", "510705"):
        res = compare.compare(store, ["requests.received"], regions=[token])
        assert [r.code for r in res.rows] == ["510705"], token
    assert {r.code for r in compare.compare(store, ["requests.received"], regions=["绵阳市"]).rows} == {
        "510703",
        "510705",
        "510781",
    }


def test_levels(store: Store) -> None:
    dep = compare.compare(store, ["requests.received"], level="department")
    assert [(r.name, r.values) for r in dep.rows] == [("绵阳市涪城区教育局", {2019: 3})]
    assert len(compare.compare(store, ["requests.received"], level="all").rows) == 5


def test_indicators(store: Store) -> None:
    names = ["实质公开率", "复议纠错率", "败诉率", "专职人员占比", "requests_per_staff"]
    res = compare.compare(store, names, regions=["510703"], years=(2019, 2019))
    v = {m: vals[2019] for (_code, m), vals in values(res).items()}
    assert v["实质公开率"] == pytest.approx(75.0)  # (20 + 10) / 40
    assert v["复议纠错率"] == pytest.approx(25.0)  # 2 / 8
    assert v["败诉率"] == pytest.approx(20.0)  # 1 / 5
    assert v["专职人员占比"] == pytest.approx(40.0)  # 4 / 10
    assert v["人均办理申请数"] == pytest.approx(5.0)  # 50 / 10
    # partially_granted is zero_if_missing: 江油 6 / 10
    jy = compare.compare(store, ["实质公开率"], regions=["510781"])
    assert jy.rows[0].values == {2019: pytest.approx(60.0)}
    # a missing denominator gives no value, not an error
    assert compare.compare(store, ["复议纠错率"], regions=["510705"]).rows == []


def test_formula_rejects_calls() -> None:
    with pytest.raises(SyntaxError):
        compare.formula_fn("__import__('os')")


def test_money_is_compared_in_yuan(store: Store) -> None:
    res = compare.compare(store, ["fees.collected"])
    assert res.rows[0].values == {2018: 15000} and res.rows[0].unit == "元"


def test_unknown_metric_is_a_query_error(store: Store) -> None:
    with pytest.raises(compare.QueryError, match="unknown metric"):
        compare.compare(store, ["requests.nonsense"])
    with pytest.raises(compare.QueryError, match="no region"):
        compare.compare(store, ["requests.received"], regions=["不存在县"])


def test_formats(store: Store, tmp_path: Path) -> None:
    res = compare.compare(store, ["requests.received"], regions=["5107"], years=(2018, 2019))
    table = compare.render_table(res)
    assert "绵阳市安州区人民政府" in table and "2019" in table
    line = next(ln for ln in table.splitlines() if ln.startswith("510703"))
    assert line.split()[-2:] == ["40", "50"]

    raw = compare.csv_bytes(res)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["code", "body", "former_names", "level", "metric", "unit", "2018", "2019"]
    assert rows[1] == [
        "510703",
        "绵阳市涪城区人民政府",
        "",
        "government",
        "requests.received",
        "件",
        "40",
        "50",
    ]
    assert rows[2][:3] == ["510705", "绵阳市安州区人民政府", "安县人民政府"] and rows[2][6:] == ["26", ""]

    data = json.loads(compare.json_text(res))
    assert data["rows"][0]["values"] == {"2018": 40, "2019": 50}

    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "c.xlsx"
    compare.write_xlsx(res, out)
    ws = openpyxl.load_workbook(out)["compare"]
    got = [[c.value for c in row] for row in ws.iter_rows()]
    assert got[1][:2] == ["510703", "绵阳市涪城区人民政府"] and got[1][6:] == [40, 50]


def test_dimension_metric(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d.db") as s:
        r = rep("绵阳市安州区人民政府", "510705", 2018, {})
        r.figures = [
            Figure("requests.by_channel", 10, "件", dimension="当面"),
            Figure("requests.by_channel", 16, "件", dimension="信函"),
        ]
        s.ingest(r, DocumentInfo(sha256="f" * 64, size=1))
        res = compare.compare(s, ["requests.by_channel[信函]"])
        assert res.rows[0].values == {2018: 16}
