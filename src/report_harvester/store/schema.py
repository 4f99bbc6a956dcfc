"""The database schema and its migrations.

The schema version lives in SQLite's `PRAGMA user_version`; each migration moves it up by one and
runs inside the same transaction as the version bump, so a database is never half-migrated.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from ..errors import StoreError
from . import codec

_V1 = """
CREATE TABLE metrics (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    unit TEXT,
    zh TEXT
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'running',
    started_at TEXT NOT NULL,
    finished_at TEXT,
    meta TEXT NOT NULL DEFAULT '{}',
    stats TEXT NOT NULL DEFAULT '{}'
);

-- A body is one publisher of reports: a government, a department or a township.
-- `key` is region code + level + issuer with the region's names stripped, so 安县教育局 and
-- 绵阳市安州区教育局 are one body and keep one history.
CREATE TABLE bodies (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    region_code TEXT,
    name TEXT NOT NULL,
    former_names TEXT NOT NULL DEFAULT '[]',
    level TEXT NOT NULL CHECK (level IN ('government', 'department', 'township', 'unknown')),
    parent_id INTEGER REFERENCES bodies(id)
);
CREATE INDEX bodies_level_region ON bodies(level, region_code);
CREATE INDEX bodies_region ON bodies(region_code);
CREATE INDEX bodies_parent ON bodies(parent_id);

-- One report per body and year; the documents it came from (HTML page, PDF attachment) hang off it.
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies(id),
    year INTEGER,
    era TEXT,
    title TEXT,
    issuer TEXT,
    run_id INTEGER REFERENCES runs(id),
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX reports_body_year ON reports(body_id, year);
CREATE INDEX reports_year ON reports(year);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    sha256 TEXT NOT NULL UNIQUE,
    url TEXT,
    path TEXT,
    media_type TEXT,
    size INTEGER NOT NULL,
    fetch TEXT NOT NULL DEFAULT '{}',
    source TEXT,
    notes TEXT NOT NULL DEFAULT '[]',
    -- hash of what extraction produced, so re-ingesting unchanged output is a no-op
    extraction_hash TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    added_at TEXT NOT NULL,
    extracted_at TEXT NOT NULL
);
CREATE INDEX documents_report ON documents(report_id);

-- `preferred` marks the one figure per (report, metric, dimension) that comparisons use: the one
-- from the report's earliest document. The others stay for evidence and disagreement findings.
CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    document_id INTEGER NOT NULL REFERENCES documents(id),
    metric_id INTEGER NOT NULL REFERENCES metrics(id),
    dimension TEXT,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    approx INTEGER NOT NULL DEFAULT 0,
    preferred INTEGER NOT NULL DEFAULT 1,
    evidence TEXT,
    span_start INTEGER,
    span_end INTEGER,
    cell_row TEXT,
    cell_col TEXT,
    method TEXT
);
CREATE INDEX figures_report ON figures(report_id);
-- Covers the comparison query entirely (no table lookups), and only holds preferred rows.
CREATE INDEX figures_compare ON figures(metric_id, report_id, dimension, value) WHERE preferred = 1;

CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    document_id INTEGER REFERENCES documents(id),
    check_id TEXT NOT NULL,
    name TEXT NOT NULL,
    detail TEXT NOT NULL,
    numbers TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX findings_report ON findings(report_id);
CREATE INDEX findings_check ON findings(check_id);

CREATE VIEW figures_long AS
SELECT f.id AS figure_id, b.name AS body, b.region_code AS code, b.level AS level, r.year AS year,
       m.key AS metric, f.dimension AS dimension, f.value AS value, f.unit AS unit, f.approx AS approx,
       f.preferred AS preferred, f.evidence AS evidence, f.method AS method,
       COALESCE(d.url, d.path, d.source) AS source, r.id AS report_id, d.id AS document_id
FROM figures f
JOIN reports r ON r.id = f.report_id
JOIN bodies b ON b.id = r.body_id
JOIN metrics m ON m.id = f.metric_id
JOIN documents d ON d.id = f.document_id;

CREATE VIEW findings_long AS
SELECT x.id AS finding_id, b.name AS body, b.region_code AS code, b.level AS level, r.year AS year,
       x.check_id AS check_id, x.name AS name, x.detail AS detail, x.numbers AS numbers,
       COALESCE(d.url, d.path, d.source) AS source, r.id AS report_id
FROM findings x
JOIN reports r ON r.id = x.report_id
JOIN bodies b ON b.id = r.body_id
LEFT JOIN documents d ON d.id = x.document_id;

-- Check 7 of metrics.md: this year's carried-over requests equal last year's carried-forward.
CREATE VIEW carry_over_check AS
WITH v AS (
    SELECT r.body_id, r.year, r.id AS report_id, m.key AS key, f.value AS value
    FROM figures f
    JOIN metrics m ON m.id = f.metric_id
    JOIN reports r ON r.id = f.report_id
    WHERE f.preferred = 1 AND f.dimension IS NULL
      AND m.key IN ('requests.carried_over', 'requests.carried_forward',
                    't3.carried_over.total', 't3.carried_forward.total')
), cur AS (
    SELECT body_id, year, report_id,
           COALESCE(MAX(CASE WHEN key = 'requests.carried_over' THEN value END),
                    MAX(CASE WHEN key = 't3.carried_over.total' THEN value END)) AS carried_over,
           COALESCE(MAX(CASE WHEN key = 'requests.carried_forward' THEN value END),
                    MAX(CASE WHEN key = 't3.carried_forward.total' THEN value END)) AS carried_forward
    FROM v GROUP BY report_id
)
SELECT b.name AS body, b.region_code AS code, b.level AS level, c.year AS year,
       c.carried_over AS carried_over, p.carried_forward AS last_year_carried_forward,
       CASE WHEN c.carried_over = p.carried_forward THEN 1 ELSE 0 END AS passed,
       c.report_id AS report_id, p.report_id AS last_year_report_id
FROM cur c
JOIN cur p ON p.body_id = c.body_id AND p.year = c.year - 1
JOIN bodies b ON b.id = c.body_id
WHERE c.carried_over IS NOT NULL AND p.carried_forward IS NOT NULL;
"""


# Schema 2: a document's figures are one document_figures row of JSON arrays aligned by seq (see
# codec.py), and compare_values holds each report's preferred figures keyed for comparison. The
# old figures table is a view with the same columns, so queries written against schema 1 still run.
_V2 = """
CREATE TABLE document_figures (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id),
    n INTEGER NOT NULL,
    -- one character per figure: '1' where it is its report's preferred figure of its key
    preferred TEXT NOT NULL,
    metric TEXT NOT NULL,       -- [metrics.id, ...]
    value TEXT NOT NULL,        -- [number, ...]
    unit TEXT NOT NULL,         -- [text, ...]
    dimension TEXT,             -- [text or null, ...]; NULL when no figure has one
    approx TEXT,                -- [0 or 1, ...]; NULL when none is approximate
    evidence TEXT NOT NULL,     -- [text, ...]
    span TEXT,                  -- [start0, end0, start1, end1, ...]; NULL when no figure has a span
    method TEXT NOT NULL,       -- [text, ...]
    cell TEXT                   -- [row0, col0, row1, col1, ...]; NULL when no figure is a table cell
);

-- The preferred figure of every report that has a year, in the order comparisons read them: one
-- index range per metric (and level). level: 0 government, 1 department, 2 township, 3 unknown.
-- dimension '' is no dimension. Derived from document_figures, kept current by the Store in the
-- transaction that changes a report; reports listed in compare_pending are not in it yet.
CREATE TABLE compare_values (
    metric_id INTEGER NOT NULL REFERENCES metrics(id),
    dimension TEXT NOT NULL,
    level INTEGER NOT NULL,
    body_id INTEGER NOT NULL REFERENCES bodies(id),
    year INTEGER NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    seq INTEGER NOT NULL,
    PRIMARY KEY (metric_id, dimension, level, body_id, year)
) WITHOUT ROWID;

-- Reports whose compare_values rows are still to be written (a deferred bulk load, a migration).
CREATE TABLE compare_pending (
    report_id INTEGER PRIMARY KEY REFERENCES reports(id)
);

CREATE VIEW figures AS
SELECT df.document_id * 1000000 + j.key AS id, d.report_id AS report_id, df.document_id AS document_id,
       j.key AS seq, j.value AS metric_id, df.dimension ->> j.key AS dimension, df.value ->> j.key AS value,
       df.unit ->> j.key AS unit, COALESCE(df.approx ->> j.key, 0) AS approx,
       CAST(substr(df.preferred, j.key + 1, 1) AS INTEGER) AS preferred, df.evidence ->> j.key AS evidence,
       df.span ->> (2 * j.key) AS span_start, df.span ->> (2 * j.key + 1) AS span_end,
       df.cell ->> (2 * j.key) AS cell_row, df.cell ->> (2 * j.key + 1) AS cell_col,
       df.method ->> j.key AS method
FROM document_figures df
JOIN documents d ON d.id = df.document_id,
json_each(df.metric) j;

CREATE VIEW figures_long AS
SELECT f.id AS figure_id, b.name AS body, b.region_code AS code, b.level AS level, r.year AS year,
       m.key AS metric, f.dimension AS dimension, f.value AS value, f.unit AS unit, f.approx AS approx,
       f.preferred AS preferred, f.evidence AS evidence, f.method AS method,
       COALESCE(d.url, d.path, d.source) AS source, r.id AS report_id, d.id AS document_id
FROM figures f
JOIN reports r ON r.id = f.report_id
JOIN bodies b ON b.id = r.body_id
JOIN metrics m ON m.id = f.metric_id
JOIN documents d ON d.id = f.document_id;

-- The values comparisons use, with their evidence: one row per body, year, metric and dimension.
CREATE VIEW compare_long AS
SELECT b.region_code AS code, b.name AS body, b.level AS level, p.year AS year, m.key AS metric,
       NULLIF(p.dimension, '') AS dimension, p.value AS value, p.unit AS unit,
       df.evidence ->> p.seq AS evidence, COALESCE(d.url, d.path, d.source) AS source,
       d.report_id AS report_id, p.document_id AS document_id
FROM compare_values p
JOIN metrics m ON m.id = p.metric_id
JOIN bodies b ON b.id = p.body_id
JOIN documents d ON d.id = p.document_id
JOIN document_figures df ON df.document_id = p.document_id;

-- Check 7 of metrics.md: this year's carried-over requests equal last year's carried-forward.
CREATE VIEW carry_over_check AS
WITH v AS (
    SELECT p.body_id, p.year, m.key AS key, p.value AS value
    FROM metrics m
    JOIN compare_values p ON p.metric_id = m.id
    WHERE p.dimension = ''
      AND m.key IN ('requests.carried_over', 'requests.carried_forward',
                    't3.carried_over.total', 't3.carried_forward.total')
), cur AS (
    SELECT body_id, year,
           COALESCE(MAX(CASE WHEN key = 'requests.carried_over' THEN value END),
                    MAX(CASE WHEN key = 't3.carried_over.total' THEN value END)) AS carried_over,
           COALESCE(MAX(CASE WHEN key = 'requests.carried_forward' THEN value END),
                    MAX(CASE WHEN key = 't3.carried_forward.total' THEN value END)) AS carried_forward
    FROM v GROUP BY body_id, year
)
SELECT b.name AS body, b.region_code AS code, b.level AS level, c.year AS year,
       c.carried_over AS carried_over, p.carried_forward AS last_year_carried_forward,
       CASE WHEN c.carried_over = p.carried_forward THEN 1 ELSE 0 END AS passed,
       rc.id AS report_id, rp.id AS last_year_report_id
FROM cur c
JOIN cur p ON p.body_id = c.body_id AND p.year = c.year - 1
JOIN bodies b ON b.id = c.body_id
JOIN reports rc ON rc.body_id = c.body_id AND rc.year = c.year
JOIN reports rp ON rp.body_id = p.body_id AND rp.year = p.year
WHERE c.carried_over IS NOT NULL AND p.carried_forward IS NOT NULL;
"""

LEVEL_RANK = {"government": 0, "department": 1, "township": 2}
UNKNOWN_RANK = 3


def level_rank(level: str | None) -> int:
    return LEVEL_RANK.get(level or "", UNKNOWN_RANK)


def _v2(conn: sqlite3.Connection) -> None:
    """Move schema-1 figure rows into document_figures; compare_values is filled by Store.open."""
    for statement in ("DROP VIEW figures_long", "DROP VIEW carry_over_check"):
        conn.execute(statement)
    conn.execute("ALTER TABLE figures RENAME TO figures_v1")
    for statement in _split(_V2):
        conn.execute(statement)
    docs = conn.execute("SELECT id, report_id FROM documents ORDER BY id").fetchall()
    for doc_id, report_id in docs:
        rows = conn.execute(
            "SELECT metric_id, value, unit, dimension, approx, preferred, evidence, span_start, span_end,"
            " cell_row, cell_col, method FROM figures_v1 WHERE report_id = ? AND document_id = ? ORDER BY id",
            (report_id, doc_id),
        ).fetchall()
        conn.execute(
            "INSERT INTO document_figures(document_id, n, preferred, metric, value, unit, dimension, approx,"
            " evidence, span, method, cell) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, *_v1_columns(rows)),
        )
    conn.execute("INSERT INTO compare_pending(report_id) SELECT id FROM reports WHERE year IS NOT NULL")
    conn.execute("DROP TABLE figures_v1")


def _v1_columns(rows: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    n = len(rows)
    col = list(zip(*rows, strict=True)) if rows else [()] * 12
    mids, values, units, dims, approx, preferred, evidence, s0, s1, c0, c1, methods = (list(c) for c in col)
    spans = [None if a is None and b is None else (a, b) for a, b in zip(s0, s1, strict=True)]
    cells = [None if a is None and b is None else (a, b) for a, b in zip(c0, c1, strict=True)]
    return (
        n,
        "".join("1" if p else "0" for p in preferred),
        "[" + ",".join(map(str, mids)) + "]",
        codec.dumps([float(v) for v in values]),
        codec.str_array(units),
        None if dims.count(None) == n else codec.dumps(dims),
        codec.dumps([1 if a else 0 for a in approx]) if any(approx) else None,
        codec.str_array([e or "" for e in evidence]),
        codec.pair_array(spans, n, strings=False),
        codec.str_array([m or "" for m in methods]),
        codec.pair_array(cells, n, strings=True),
    )


def _v1(conn: sqlite3.Connection) -> None:
    for statement in _split(_V1):
        conn.execute(statement)


def _split(script: str) -> list[str]:
    # executescript() would COMMIT behind our back; run statement by statement inside our transaction.
    out: list[str] = []
    buf: list[str] = []
    for line in script.splitlines():
        if line.strip().startswith("--") and not buf:
            continue
        buf.append(line)
        if line.rstrip().endswith(";") and sqlite3.complete_statement("\n".join(buf)):
            out.append("\n".join(buf))
            buf = []
    if "".join(buf).strip():
        out.append("\n".join(buf))
    return out


# Schema 3: compare_values without foreign keys. It is derived data the Store keeps in step with
# reports and documents; checking three parent keys per row made writing it about twice as slow.
_V3_TABLE = """
CREATE TABLE compare_values (
    metric_id INTEGER NOT NULL,
    dimension TEXT NOT NULL,
    level INTEGER NOT NULL,
    body_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    document_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (metric_id, dimension, level, body_id, year)
) WITHOUT ROWID;
"""


def _with_views_rebuilt(conn: sqlite3.Connection, change: Callable[[], None]) -> None:
    """Run a change to compare_values with the views that read it dropped, then recreate them."""
    views = {
        name: sql
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'view' AND name IN ('compare_long', 'carry_over_check')"
        )
    }
    for name in views:
        conn.execute(f"DROP VIEW {name}")
    change()
    for sql in views.values():
        conn.execute(sql)


def _v3(conn: sqlite3.Connection) -> None:
    def change() -> None:
        conn.execute("ALTER TABLE compare_values RENAME TO compare_values_v2")
        for statement in _split(_V3_TABLE):
            conn.execute(statement)
        conn.execute("INSERT INTO compare_values SELECT * FROM compare_values_v2 ORDER BY 1, 2, 3, 4, 5")
        conn.execute("DROP TABLE compare_values_v2")

    _with_views_rebuilt(conn, change)


# Schema 4: the comparison values packed into blocks. One row per value (schema 2 and 3) meant ~200
# B-tree inserts per report, which capped ingest near 700 reports/s however the rest was tuned. A
# block holds the values of one (metric, dimension, level, unit) written by one flush of the Store (a
# generation, "gen"): a JSON array of [body_id, year, document_id, seq, value] entries. A bulk
# load writes a few hundred blocks per 500 reports; `compare` reads a metric's blocks and unpacks
# them in Python. Entries are never edited in place: a report whose figures change is recorded in
# compare_stale under its old generation (reports.compare_gen) and its new entries go to a new one;
# the Store compacts generations with many stale entries and merges small generations (store.py).
# compare_values survives as a view with the old columns, so compare_long, carry_over_check and
# queries written for schema 3 still run.
_V4 = """
CREATE TABLE compare_blocks (
    id INTEGER PRIMARY KEY,
    metric_id INTEGER NOT NULL,
    dimension TEXT NOT NULL,     -- '' is no dimension
    level INTEGER NOT NULL,      -- 0 government, 1 department, 2 township, 3 unknown
    unit TEXT NOT NULL,
    gen INTEGER NOT NULL,
    n INTEGER NOT NULL,
    entries TEXT NOT NULL        -- [[body_id, year, document_id, seq, value], ...]
);
CREATE INDEX compare_blocks_key ON compare_blocks(metric_id, dimension, level, gen);
CREATE INDEX compare_blocks_gen ON compare_blocks(gen);

-- One row per generation: how many reports it holds (small ones are merged).
CREATE TABLE compare_gens (
    gen INTEGER PRIMARY KEY,
    reports INTEGER NOT NULL
);

-- Entries of generation `gen` for this body and year no longer count.
CREATE TABLE compare_stale (
    gen INTEGER NOT NULL,
    body_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    PRIMARY KEY (gen, body_id, year)
) WITHOUT ROWID;

ALTER TABLE reports ADD COLUMN compare_gen INTEGER;
CREATE INDEX reports_compare_gen ON reports(compare_gen);

CREATE VIEW compare_values AS
SELECT c.metric_id AS metric_id, c.dimension AS dimension, c.level AS level,
       e.value ->> 0 AS body_id, e.value ->> 1 AS year, e.value ->> 4 AS value, c.unit AS unit,
       e.value ->> 2 AS document_id, e.value ->> 3 AS seq
FROM compare_blocks c, json_each(c.entries) e
WHERE NOT EXISTS (
    SELECT 1 FROM compare_stale s WHERE s.gen = c.gen AND s.body_id = e.value ->> 0 AND s.year = e.value ->> 1
);
"""


def _v4(conn: sqlite3.Connection) -> None:
    """Replace the compare_values table by blocks; Store.open writes them for every report."""

    def change() -> None:
        conn.execute("DROP TABLE compare_values")
        for statement in _split(_V4):
            conn.execute(statement)

    _with_views_rebuilt(conn, change)
    conn.execute(
        "INSERT OR IGNORE INTO compare_pending(report_id) SELECT id FROM reports WHERE year IS NOT NULL"
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3, _v4]
LATEST = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to LATEST; returns the version found before migrating."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if found > LATEST:
            raise StoreError(
                f"database schema version {found} is newer than this report-harvester knows ({LATEST}); "
                "upgrade report-harvester"
            )
        for version in range(found, LATEST):
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        conn.execute("COMMIT")
        return found
    except BaseException:
        conn.execute("ROLLBACK")
        raise
