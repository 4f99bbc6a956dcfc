"""The SQLite store on a real file: identity, idempotence, merging, atomic replacement, migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from report_harvester.errors import StoreError
from report_harvester.models import Check, DocumentInfo, Figure, Identity, Report
from report_harvester.store import Store, schema

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


def make(
    issuer: str,
    code: str | None,
    year: int | None,
    figures: dict[str, float],
    *,
    level: str | None = "government",
    checks: list[Check] | None = None,
) -> Report:
    ident = Identity(title=f"{issuer}{year}年报告", issuer=issuer, region_code=code, level=level, year=year)
    figs = [Figure(metric=k, value=v, unit="件", evidence=f"{k} {v}") for k, v in figures.items()]
    return Report(source=f"{issuer}-{year}", identity=ident, figures=figs, checks=checks or [])


def doc(sha: str, path: str | None = None) -> DocumentInfo:
    return DocumentInfo(
        sha256=sha.ljust(64, "0"), size=100, media_type="text/html", url=f"https://x.invalid/{sha}", path=path
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "reports.db")
    yield s
    s.close()


def test_open_sets_wal_foreign_keys_and_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.schema_version == schema.LATEST
        assert {
            "bodies",
            "documents",
            "reports",
            "document_figures",
            "compare_blocks",
            "compare_gens",
            "compare_stale",
            "findings",
            "runs",
        } <= set(s.db.table_names())
        assert {"figures", "figures_long", "compare_values", "compare_long", "carry_over_check"} <= set(
            s.db.view_names()
        )
    with Store.open(tmp_path / "a.db") as s:  # reopening migrates nothing and keeps the version
        assert s.schema_version == schema.LATEST


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_ingest_twice_adds_nothing(store: Store) -> None:
    r = make("绵阳市安州区人民政府", "510705", 2018, {"requests.received": 26, "staff.total": 123})
    first = store.ingest(r, doc("a"))
    counts = store.counts()
    again = store.ingest(r, doc("a"))
    assert first.added_document and first.new_report
    assert not again.added_document and not again.new_report and not again.replaced_figures
    assert again.report_id == first.report_id
    assert store.counts() == counts
    assert counts["figures"] == 2


def test_html_and_pdf_are_one_report_with_two_documents(store: Store) -> None:
    html = make("绵阳市安州区人民政府", "510705", 2018, {"requests.received": 26, "staff.total": 123})
    pdf = make("绵阳市安州区人民政府", "510705", 2018, {"requests.received": 27, "complaints.total": 0})
    a = store.ingest(html, doc("html"))
    b = store.ingest(pdf, doc("pdf"))
    assert b.report_id == a.report_id and b.added_document and not b.new_report
    c = store.counts()
    assert (c["reports"], c["documents"], c["figures"]) == (1, 2, 4)
    preferred = dict(
        store.conn.execute(
            "SELECT m.key, f.value FROM figures f JOIN metrics m ON m.id = f.metric_id WHERE f.preferred = 1"
        ).fetchall()
    )
    # the first document wins a shared key; the second adds what the first lacked
    assert preferred == {"requests.received": 26, "staff.total": 123, "complaints.total": 0}
    (detail,) = store.conn.execute("SELECT detail FROM findings WHERE check_id = 'merge'").fetchone()
    assert "requests.received" in detail and "26" in detail and "27" in detail


def test_failed_checks_become_findings(store: Store) -> None:
    bad = Check("5", "staff add up", False, "full 5 + part 3 != total 9", {"full": 5, "part": 3, "total": 9})
    ok = Check("1", "table 3 column", True, "")
    store.ingest(make("X人民政府", "510705", 2019, {"staff.total": 9}, checks=[bad, ok]), doc("c"))
    rows = store.conn.execute("SELECT check_id, numbers FROM findings").fetchall()
    assert rows == [("5", '{"full": 5, "part": 3, "total": 9}')]


def test_reingest_with_new_extraction_replaces_figures(store: Store) -> None:
    old = make("绵阳市安州区人民政府", "510705", 2018, {"requests.received": 26})
    store.ingest(old, doc("a"))
    new = make(
        "绵阳市安州区人民政府",
        "510705",
        2018,
        {"requests.received": 26, "staff.total": 123, "staff.full_time": 5},
    )
    out = store.ingest(new, doc("a"))
    assert out.replaced_figures and not out.added_document
    c = store.counts()
    assert (c["reports"], c["documents"], c["figures"]) == (1, 1, 3)


def test_replacement_is_atomic(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.ingest(make("A人民政府", "510705", 2018, {"requests.received": 26}), doc("a"))
    before = store.counts()

    def boom(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    monkeypatch.setattr(store, "_insert_findings", boom)
    with pytest.raises(StoreError, match="simulated"):
        store.ingest(make("A人民政府", "510705", 2018, {"requests.received": 99, "staff.total": 1}), doc("a"))
    assert store.counts() == before
    (value,) = store.conn.execute("SELECT value FROM figures").fetchone()
    assert value == 26


def test_reextract_reads_stored_paths(store: Store, tmp_path: Path) -> None:
    import hashlib

    data = b"report bytes"
    f = tmp_path / "r.html"
    f.write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    info = DocumentInfo(sha256=sha, size=len(data), path=str(f))
    store.ingest(make("A人民政府", "510705", 2018, {"requests.received": 26}), info)
    store.ingest(
        make("B人民政府", "510704", 2018, {"requests.received": 1}), doc("gone", "/nonexistent/x.pdf")
    )

    def better(raw: bytes, source: str) -> Report:
        assert raw == data
        return make("A人民政府", "510705", 2018, {"requests.received": 26, "staff.total": 7})

    stats = store.reextract(better)
    assert stats == {"documents": 2, "replaced": 1, "unchanged": 0, "missing": 1, "failed": 0}
    assert store.counts()["figures"] == 3


def test_document_moves_when_identity_changes(store: Store) -> None:
    store.ingest(make("A人民政府", "510705", None, {"requests.received": 26}), doc("a"))
    out = store.ingest(make("A人民政府", "510705", 2018, {"requests.received": 26}), doc("a"))
    assert out.replaced_figures
    assert store.conn.execute("SELECT year FROM reports").fetchall() == [(2018,)]


def test_former_names_are_one_body(store: Store) -> None:
    store.ingest(make("绵阳市安州区人民政府", "510705", 2018, {"requests.received": 26}), doc("b"))
    store.ingest(make("安县人民政府", "510724", 2014, {"requests.received": 12}), doc("a"))
    store.ingest(make("安县教育局", "510724", 2015, {"requests.received": 1}, level="department"), doc("c"))
    store.ingest(
        make("绵阳市安州区教育局", "510705", 2018, {"requests.received": 2}, level="department"), doc("d")
    )
    gov = store.conn.execute(
        "SELECT name, former_names FROM bodies WHERE key = '510705|government'"
    ).fetchone()
    assert gov == ("绵阳市安州区人民政府", '["安县人民政府"]')
    deps = store.conn.execute(
        "SELECT key, name, former_names FROM bodies WHERE level = 'department'"
    ).fetchall()
    assert deps == [("510705|department|教育局", "绵阳市安州区教育局", '["安县教育局"]')]
    parent = store.conn.execute(
        "SELECT p.key FROM bodies b JOIN bodies p ON p.id = b.parent_id WHERE b.level = 'department'"
    ).fetchone()
    assert parent == ("510705|government",)


def test_runs_are_recorded(store: Store) -> None:
    run = store.start_run("crawl", {"site": "x"})
    out = store.ingest(make("A人民政府", "510705", 2018, {"requests.received": 1}), doc("a"))
    store.finish_run(run, {"documents": 1}, "ok")
    assert store.conn.execute("SELECT run_id FROM documents WHERE id = ?", (out.document_id,)).fetchone() == (
        run,
    )
    assert store.conn.execute("SELECT status, stats FROM runs").fetchone() == ("ok", '{"documents": 1}')


def test_ingest_many_is_all_or_nothing(store: Store) -> None:
    good = (make("A人民政府", "510705", 2018, {"requests.received": 1}), doc("a"))
    bad = (
        make("B人民政府", "510704", 2018, {"requests.received": 1}),
        DocumentInfo(sha256="b" * 64, size=None),  # type: ignore[arg-type]
    )
    with pytest.raises(StoreError):
        store.ingest_many([good, bad])
    assert store.counts()["reports"] == 0


def test_real_fixture_documents_merge(tmp_path: Path) -> None:
    from report_harvester.api import extract_path

    names = ["template2021_utf8.html", "template2021_gbk_no_meta.html", "template2021.docx"]
    with Store.open(tmp_path / "r.db") as s:
        for name in names:
            p = FIXTURES / name
            r = extract_path(p)
            s.ingest(r, DocumentInfo(sha256=r.sha256 or "", size=p.stat().st_size, path=str(p)))
        counts = s.counts()
        for name in names:  # idempotent on real documents too
            p = FIXTURES / name
            r = extract_path(p)
            s.ingest(r, DocumentInfo(sha256=r.sha256 or "", size=p.stat().st_size, path=str(p)))
        assert s.counts() == counts
        assert counts["documents"] == 3 and counts["reports"] == 1
        dup = s.conn.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM figures WHERE preferred = 1"
            " GROUP BY report_id, metric_id, dimension HAVING COUNT(*) > 1)"
        ).fetchone()[0]
        assert dup == 0


def test_many_figures_are_stored_in_order_with_first_preferred(store: Store) -> None:
    # more than one multi-row INSERT chunk plus a remainder, and a repeated key
    figs = {f"t3.row{i}.total": float(i) for i in range(150)}
    r = make("A人民政府", "510705", 2018, figs)
    r.figures.append(Figure(metric="t3.row0.total", value=99.0, unit="件", span=(1, 2), cell=("a", "b")))
    store.ingest(r, doc("many"))
    rows = store.conn.execute(
        "SELECT m.key, f.value, f.preferred, f.span_start, f.cell_col FROM figures f"
        " JOIN metrics m ON m.id = f.metric_id ORDER BY f.id"
    ).fetchall()
    assert len(rows) == 151
    assert rows[0] == ("t3.row0.total", 0.0, 1, None, None)
    assert rows[149][:2] == ("t3.row149.total", 149.0)
    assert rows[150] == ("t3.row0.total", 99.0, 0, 1, "b")


def test_extraction_hash_depends_on_values_not_objects() -> None:
    from report_harvester.store import extraction_hash

    a = make("A人民政府", "510705", 2018, {"requests.received": 26, "staff.total": 3})
    b = make("A人民政府", "510705", 2018, {"requests.received": 26, "staff.total": 3})
    b.figures[0].unit = "".join(["件"])  # equal, but another object
    assert extraction_hash(a) == extraction_hash(b)
    b.figures[1].evidence = "changed"
    assert extraction_hash(a) != extraction_hash(b)


def test_schema_1_database_is_migrated(tmp_path: Path) -> None:
    """A schema-1 file keeps its figures, preferred flags, evidence and idempotence after migrating."""
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    schema._v1(conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("COMMIT")
    conn.close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO metrics(id, key, unit) VALUES (1, 'requests.received', '件'), (2, 'staff.total', '人')"
    )
    conn.execute(
        "INSERT INTO bodies(id, key, region_code, name, level) VALUES (1, '510705|government', '510705', 'A', 'government')"
    )
    conn.execute("INSERT INTO reports(id, body_id, year, updated_at) VALUES (1, 1, 2018, 'now')")
    for d in (1, 2):
        conn.execute(
            "INSERT INTO documents(id, report_id, sha256, size, extraction_hash, added_at, extracted_at)"
            " VALUES (?, 1, ?, 1, 'h', 'now', 'now')",
            (d, str(d) * 64),
        )
    conn.executemany(
        "INSERT INTO figures(report_id, document_id, metric_id, dimension, value, unit, approx, preferred,"
        " evidence, span_start, span_end, cell_row, cell_col, method) VALUES (1, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, 1, 26.0, "件", 0, 1, "收到申请26件", 3, 9, None, None, "prose"),
            (1, 2, 5.0, "人", 1, 1, '"quoted"\n', None, None, "总计", "人数", "table"),
            (2, 1, 27.0, "件", 0, 0, "", None, None, None, None, "prose"),
        ],
    )
    conn.commit()
    conn.close()
    with Store.open(path) as s:
        assert s.schema_version == schema.LATEST
        rows = s.conn.execute(
            "SELECT document_id, metric_id, value, unit, approx, preferred, evidence, span_start, span_end,"
            " cell_row, cell_col, method FROM figures ORDER BY id"
        ).fetchall()
        assert rows == [
            (1, 1, 26.0, "件", 0, 1, "收到申请26件", 3, 9, None, None, "prose"),
            (1, 2, 5.0, "人", 1, 1, '"quoted"\n', None, None, "总计", "人数", "table"),
            (2, 1, 27.0, "件", 0, 0, "", None, None, None, None, "prose"),
        ]
        assert s.counts()["figures"] == 3
        assert s.conn.execute("SELECT COUNT(*) FROM compare_pending").fetchone()[0] == 0
        values = s.conn.execute(
            "SELECT metric_id, value, document_id, seq FROM compare_values ORDER BY 1"
        ).fetchall()
        assert values == [(1, 26.0, 1, 0), (2, 5.0, 1, 1)]
        assert "figures" in s.db.view_names() and "figures_v1" not in s.db.table_names()


def test_deferred_bulk_load_is_refreshed_before_compare(store: Store) -> None:
    from report_harvester import compare

    items = [
        (make("A人民政府", "510705", y, {"requests.received": y - 2000}), doc(f"y{y}")) for y in (2018, 2019)
    ]
    store.ingest_many(items, defer_compare=True)
    assert store.conn.execute("SELECT COUNT(*) FROM compare_pending").fetchone()[0] == 2
    res = compare.compare(store, ["requests.received"])
    assert res.rows[0].values == {2018: 18, 2019: 19}
    assert store.conn.execute("SELECT COUNT(*) FROM compare_pending").fetchone()[0] == 0


def test_figures_view_reads_escaped_text(store: Store) -> None:
    r = make("A人民政府", "510705", 2018, {})
    r.figures = [
        Figure("requests.received", 1, "件", evidence='a "b" \\ c\td', dimension="其他"),
        Figure("staff.total", 2, "人", evidence="ok", approx=True, cell=("行", "列")),
    ]
    store.ingest(r, doc("esc"))
    rows = store.conn.execute(
        "SELECT evidence, dimension, approx, cell_row, cell_col FROM figures ORDER BY id"
    ).fetchall()
    assert rows == [('a "b" \\ c\td', "其他", 0, None, None), ("ok", None, 1, "行", "列")]


def _as_schema(path: Path, version: int, values: list[tuple[Any, ...]]) -> None:
    """Turn a database written by this version back into schema 2 or 3: compare_values as a table."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for view in ("compare_long", "carry_over_check", "compare_values"):
        conn.execute(f"DROP VIEW {view}")
    for table in ("compare_blocks", "compare_gens", "compare_stale"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DROP INDEX reports_compare_gen")
    conn.execute("ALTER TABLE reports DROP COLUMN compare_gen")
    # schema 2's compare_values has foreign keys, schema 3's has none
    table = schema._V2 if version == 2 else schema._V3_TABLE
    for statement in schema._split(table):
        if "TABLE compare_values" in statement:
            conn.execute(statement)
    for statement in schema._split(schema._V2):
        if "VIEW compare_long" in statement or "VIEW carry_over_check" in statement:
            conn.execute(statement)
    conn.executemany("INSERT INTO compare_values VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("COMMIT")
    conn.close()


@pytest.mark.parametrize("version", [2, 3])
def test_schema_2_and_3_databases_are_migrated(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.db"
    with Store.open(path) as s:
        s.ingest(make("A人民政府", "510705", 2018, {"requests.received": 26, "staff.total": 3}), doc("a"))
        before = s.conn.execute("SELECT * FROM compare_values ORDER BY metric_id").fetchall()
    assert len(before) == 2
    _as_schema(path, version, before)
    conn = sqlite3.connect(path)
    assert ("compare_values", "table") in conn.execute("SELECT name, type FROM sqlite_master").fetchall()
    assert bool(conn.execute("PRAGMA foreign_key_list(compare_values)").fetchall()) == (version == 2)
    conn.close()
    with Store.open(path) as s:
        assert s.schema_version == schema.LATEST == 4
        assert "compare_values" in s.db.view_names()
        assert s.conn.execute("SELECT * FROM compare_values ORDER BY metric_id").fetchall() == before
        assert s.conn.execute("SELECT metric, value FROM compare_long ORDER BY metric").fetchall() == [
            ("requests.received", 26.0),
            ("staff.total", 3.0),
        ]
        assert "carry_over_check" in s.db.view_names()
        s.ingest(make("A人民政府", "510705", 2019, {"requests.received": 27}), doc("b"))
        assert s.conn.execute("SELECT COUNT(*) FROM compare_values").fetchone()[0] == 3
