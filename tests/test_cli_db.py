"""The database commands end to end, on real fixture documents and a real SQLite file."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path

import pytest

from report_harvester import cli_db
from report_harvester.cli import main
from report_harvester.models import DocumentInfo, Figure, Identity, Report
from report_harvester.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
DOCS = ["prose_department_2010.txt", "prose_township_2017.txt", "template2021_utf8.html", "template2021.docx"]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def counts(db: Path) -> dict[str, int]:
    with Store.open(db) as s:
        return s.counts()


def test_ingest_is_idempotent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.db"
    paths = [str(FIXTURES / d) for d in DOCS]
    code, out, _ = run(["ingest", "--db", str(db), *paths], capsys)
    assert code == 0, out
    first = counts(db)
    assert first["documents"] == 4 and first["reports"] == 3  # the HTML page and DOCX are one report
    code, out, _ = run(["ingest", "--db", str(db), "-q", *paths], capsys)
    assert code == 0 and "4 unchanged" in out
    second = counts(db)
    assert {k: v for k, v in second.items() if k != "runs"} == {k: v for k, v in first.items() if k != "runs"}
    assert second["runs"] == first["runs"] + 1


def test_ingest_bad_file_reports_and_continues(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.db"
    code, _out, err = run(
        ["ingest", "--db", str(db), str(tmp_path / "missing.txt"), str(FIXTURES / DOCS[0])], capsys
    )
    assert code == 2 and "missing.txt" in err and "Traceback" not in err
    assert counts(db)["documents"] == 1


def test_compare_and_export_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.db"
    run(["ingest", "--db", str(db), *(str(FIXTURES / d) for d in DOCS)], capsys)
    code, out, _ = run(
        ["compare", "--db", str(db), "-m", "requests.received", "--level", "all", "--format", "json"], capsys
    )
    assert code == 0
    data = json.loads(out)
    assert data["rows"] and all("values" in r for r in data["rows"])
    out_csv = tmp_path / "c.csv"
    code, _, _ = run(
        [
            "compare",
            "--db",
            str(db),
            "-m",
            "requests.received",
            "--level",
            "all",
            "--format",
            "csv",
            "-o",
            str(out_csv),
        ],
        capsys,
    )
    assert code == 0 and out_csv.read_bytes().startswith(b"\xef\xbb\xbf")
    out_jsonl = tmp_path / "f.jsonl"
    code, _, err = run(["export", "--db", str(db), "--format", "jsonl", "-o", str(out_jsonl)], capsys)
    assert code == 0 and "figures written" in err
    assert len(out_jsonl.read_text().splitlines()) == counts(db)["figures"]


def test_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["compare", "--db", str(tmp_path / "none.db"), "-m", "requests.received"], capsys)
    assert code == 4 and err.count("\n") == 1 and "ingest" in err
    db = tmp_path / "r.db"
    Store.open(db).close()
    code, _, err = run(["compare", "--db", str(db), "-m", "nope.nope"], capsys)
    assert code == 4 and "unknown metric" in err and "Traceback" not in err


def test_checks_lists_findings_and_check_7(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.db"
    with Store.open(db) as s:
        for year, over, fwd in ((2019, 1, 3), (2020, 2, 0), (2021, 0, 0)):
            r = Report(
                source="x",
                identity=Identity(
                    issuer="绵阳市安州区人民政府", region_code="510705", year=year, level="government"
                ),
                figures=[
                    Figure("requests.carried_over", over, "件"),
                    Figure("requests.carried_forward", fwd, "件"),
                ],
            )
            s.ingest(r, DocumentInfo(sha256=f"{year:064d}", size=1))
    code, out, _ = run(["checks", "--db", str(db), "--format", "json"], capsys)
    assert code == 0
    rows = json.loads(out)
    # 2020 carried over 2 but 2019 carried forward 3; 2021's 0 matches 2020's 0
    assert [(r["check"], r["year"], r["numbers"]) for r in rows] == [
        ("7", 2020, {"carried_over": 2.0, "last_year_carried_forward": 3.0})
    ]
    _code, out, _ = run(["checks", "--db", str(db), "-r", "5108"], capsys)
    assert "(0 failed checks)" in out


def test_serve_without_datasette_says_how(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "r.db"
    Store.open(db).close()
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "datasette" else real(name, *a)
    )
    code, _, err = run(["serve", "--db", str(db)], capsys)
    assert code != 0 and "pip install 'report-harvester[browse]'" in err


def test_datasette_metadata_queries_run(tmp_path: Path) -> None:
    """The canned queries the project ships are valid SQL against the current schema."""
    db = tmp_path / "reports.db"
    with Store.open(db) as s:
        r = Report(
            "x",
            Identity(issuer="绵阳市安州区人民政府", region_code="510705", year=2018, level="government"),
            figures=[Figure("requests.received", 26, "件")],
        )
        s.ingest(r, DocumentInfo(sha256="a" * 64, size=1))
    meta = json.loads(cli_db.DATASETTE_METADATA.read_text(encoding="utf-8"))
    conn = sqlite3.connect(db)
    params = {"metric": "requests.received", "prefix": "5107", "level": "", "year": ""}
    for name, q in meta["databases"]["reports"]["queries"].items():
        rows = conn.execute(q["sql"], params).fetchall()
        if name == "metric_across_regions":
            assert rows[0][0] == "510705" and 26 in rows[0]
    tables = set(meta["databases"]["reports"]["tables"])
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert tables <= names


def test_chart_svg_keeps_text(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from report_harvester import charts, compare

    with Store.open(tmp_path / "r.db") as s:
        for i, (issuer, code, year, v) in enumerate(
            [("安县人民政府", "510724", 2014, 12), ("绵阳市安州区人民政府", "510705", 2018, 26)]
        ):
            s.ingest(
                Report(
                    "x",
                    Identity(issuer=issuer, region_code=code, year=year, level="government"),
                    figures=[Figure("requests.received", v, "件")],
                ),
                DocumentInfo(sha256=f"{i:064d}", size=1),
            )
        res = compare.compare(s, ["requests.received"])
    out = tmp_path / "c.svg"
    charts.render(res, out)
    svg = out.read_text(encoding="utf-8")
    assert "绵阳市安州区人民政府" in svg and "<text" in svg
