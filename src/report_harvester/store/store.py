"""The SQLite store: bodies, documents, reports, figures, findings and runs.

Every write that belongs together happens in one transaction, so an error or a crash mid-ingest
leaves the database as it was before that report.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlite_utils

from .. import registry
from ..errors import HarvesterError, StoreError
from ..models import Check, DocumentInfo, Figure, Report
from . import schema
from .bodies import BodyKey, body_key, region

DEFAULT_DB = Path("data/reports.db")

_FIGURE_COLS = 14
_FIGURE_INSERT = (
    "INSERT INTO figures(report_id, document_id, metric_id, dimension, value, unit, approx, preferred,"
    " evidence, span_start, span_end, cell_row, cell_col, method) VALUES "
)
# Figures are inserted _FIGURE_CHUNK rows per statement (the rest row by row): a fixed statement text
# keeps sqlite3's statement cache warm, and 64 x 14 parameters stay far below SQLite's limit.
_FIGURE_CHUNK = 64
_ROW = "(" + ", ".join("?" * _FIGURE_COLS) + ")"
_FIGURE_INSERT_CHUNK = _FIGURE_INSERT + ", ".join([_ROW] * _FIGURE_CHUNK)
_FIGURE_INSERT += _ROW


@dataclass(frozen=True)
class IngestOutcome:
    report_id: int
    document_id: int
    added_document: bool
    new_report: bool
    replaced_figures: bool


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


def extraction_hash(report: Report) -> str:
    """Fingerprint of an extraction's output: equal hashes mean re-ingesting changes nothing."""
    # marshal format 2 serialises by value (no back-references, unlike pickle or marshal >= 3), so equal
    # extractions hash equal whatever objects they share; it is ~4x faster than repr() on 200 figures.
    i = report.identity
    parts = (
        (i.title, i.issuer, i.region_code, i.region_name, i.level, i.year, i.era),
        report.media_type,
        tuple(report.notes),
        [
            (
                f.metric,
                float(f.value),
                f.unit,
                bool(f.approx),
                f.dimension,
                f.evidence,
                f.span,
                f.method,
                f.cell,
            )
            for f in report.figures
        ],
        [(c.check, c.name, c.passed, c.detail, tuple(sorted(c.numbers.items()))) for c in report.checks],
    )
    try:
        raw = marshal.dumps(parts, 2)
    except ValueError:  # a value marshal cannot write (a caller's own type): fall back to its repr
        raw = repr(parts).encode()
    return hashlib.sha256(raw).hexdigest()


def _failed(checks: Iterable[Check]) -> list[Check]:
    return [c for c in checks if not c.passed]


class Store:
    """A report-harvester database. Use `Store.open(path)`; it is a context manager."""

    def __init__(self, db: sqlite_utils.Database, path: str) -> None:
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.path = path
        self._metric_ids: dict[str, int] = {}
        self._body_ids: dict[str, int] = {}
        self._body_names: dict[int, str] = {}
        self._current_run: int | None = None
        self._in_tx = False

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB) -> Store:
        p = str(path)
        try:
            if p != ":memory:":
                Path(p).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(p, isolation_level=None, check_same_thread=False)
            db = sqlite_utils.Database(conn)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
            if not conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
                # Only settable on an empty file, before WAL; 8 KiB pages measured ~1.5x faster bulk inserts.
                conn.execute("PRAGMA page_size = 8192")
            conn.execute("PRAGMA cache_size = -65536")
            if p != ":memory:":
                db.enable_wal()
            # WAL makes NORMAL durable against crashes of this process (not of the OS), and much faster.
            conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(db, p)
            schema.migrate(conn)
            store._seed_metrics()
            return store
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database: {exc}", source=p) from exc
        except OSError as exc:
            raise StoreError(f"cannot open database: {exc.strerror or exc}", source=p) from exc

    def close(self) -> None:
        try:
            if self.path != ":memory:":
                self.conn.execute("PRAGMA optimize")
        except sqlite3.DatabaseError:
            pass
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested uses join the outer one (so batches are atomic as a whole)."""
        if self._in_tx:
            yield
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot start a transaction: {exc}", source=self.path) from exc
        self._in_tx = True
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            # caches may name rows that the rollback removed
            self._body_ids.clear()
            self._body_names.clear()
            self._metric_ids.clear()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                self.conn.execute("ROLLBACK")
                raise StoreError(f"commit failed: {exc}", source=self.path) from exc
        finally:
            self._in_tx = False

    # -- metrics and bodies ------------------------------------------------------------------

    def _seed_metrics(self) -> None:
        try:
            raw = registry.load_toml("metrics.toml").get("metric", {})
        except HarvesterError:
            raw = {}
        rows = []
        if isinstance(raw, dict):
            for key, spec in raw.items():
                spec = spec if isinstance(spec, dict) else {}
                rows.append((key, spec.get("unit"), spec.get("zh")))
        with self.transaction():
            self.conn.executemany("INSERT OR IGNORE INTO metrics(key, unit, zh) VALUES (?, ?, ?)", rows)
        self._load_metric_ids()

    def _load_metric_ids(self) -> None:
        self._metric_ids = {k: i for i, k in self.conn.execute("SELECT id, key FROM metrics")}

    def metric_id(self, key: str) -> int:
        mid = self._metric_ids.get(key)
        if mid is None:
            # Unregistered keys are stored all the same; the registry test catches them upstream.
            cur = self.conn.execute("INSERT OR IGNORE INTO metrics(key) VALUES (?)", (key,))
            if cur.rowcount:
                mid = int(cur.lastrowid or 0)
            else:
                mid = int(self.conn.execute("SELECT id FROM metrics WHERE key = ?", (key,)).fetchone()[0])
            self._metric_ids[key] = mid
        return mid

    def metric_ids(self) -> dict[str, int]:
        if not self._metric_ids:
            self._load_metric_ids()
        return dict(self._metric_ids)

    def _body(self, bk: BodyKey) -> int:
        bid = self._body_ids.get(bk.key)
        if bid is not None:
            return bid
        row = self.conn.execute("SELECT id, name FROM bodies WHERE key = ?", (bk.key,)).fetchone()
        if row:
            bid = int(row[0])
            self._body_ids[bk.key] = bid
            self._body_names[bid] = str(row[1])
            return bid
        parent = self._parent_body(bk)
        cur = self.conn.execute(
            "INSERT INTO bodies(key, region_code, name, level, parent_id) VALUES (?, ?, ?, ?, ?)",
            (bk.key, bk.region_code, bk.name, bk.level, parent),
        )
        bid = int(cur.lastrowid or 0)
        self._body_ids[bk.key] = bid
        self._body_names[bid] = bk.name
        return bid

    def _parent_body(self, bk: BodyKey) -> int | None:
        code = bk.parent_region
        if not code:
            return None
        key = f"{code}|government"
        if key == bk.key:
            return None
        facts = region(code)
        name = (facts.name if facts else code) + "人民政府"
        return self._body(BodyKey(key, code, "government", name, facts.parent if facts else None))

    def _record_name(self, body_id: int, name: str, year: int | None) -> None:
        """A body shows the name of its latest report; every other name it used is a former name."""
        current = self._body_names.get(body_id)
        if current == name:
            return
        row = self.conn.execute("SELECT name, former_names FROM bodies WHERE id = ?", (body_id,)).fetchone()
        current = str(row[0])
        former: list[str] = json.loads(row[1])
        if current == name:
            self._body_names[body_id] = name
            return
        newest = self.conn.execute("SELECT MAX(year) FROM reports WHERE body_id = ?", (body_id,)).fetchone()[
            0
        ]
        if year is not None and (newest is None or year >= newest):
            former = [n for n in former if n != name]
            if current not in former:
                former.append(current)
            self.conn.execute(
                "UPDATE bodies SET name = ?, former_names = ? WHERE id = ?", (name, _dumps(former), body_id)
            )
            self._body_names[body_id] = name
        elif name not in former:
            former.append(name)
            self.conn.execute("UPDATE bodies SET former_names = ? WHERE id = ?", (_dumps(former), body_id))
            # the cache holds the display name only
            self._body_names[body_id] = current

    # -- runs --------------------------------------------------------------------------------

    def start_run(self, kind: str, meta: dict[str, Any] | None = None) -> int:
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs(kind, started_at, meta) VALUES (?, ?, ?)",
                (kind, _now(), _dumps(meta or {})),
            )
        self._current_run = int(cur.lastrowid or 0)
        return self._current_run

    def finish_run(self, run_id: int, stats: dict[str, Any] | None = None, status: str = "ok") -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE runs SET finished_at = ?, stats = ?, status = ? WHERE id = ?",
                (_now(), _dumps(stats or {}), status, run_id),
            )
        if self._current_run == run_id:
            self._current_run = None

    # -- ingest ------------------------------------------------------------------------------

    def ingest(self, report: Report, doc: DocumentInfo, *, run_id: int | None = None) -> IngestOutcome:
        """Store one extracted document, atomically. See the module docs for identity rules."""
        try:
            with self.transaction():
                return self._ingest(report, doc, run_id if run_id is not None else self._current_run)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"ingest failed: {exc}", source=doc.url or doc.path or report.source) from exc

    def ingest_many(
        self, items: Iterable[tuple[Report, DocumentInfo]], *, run_id: int | None = None
    ) -> list[IngestOutcome]:
        """Ingest a batch in one transaction: all or nothing, and far fewer commits for bulk loads."""
        rid = run_id if run_id is not None else self._current_run
        try:
            with self.transaction():
                return [self._ingest(r, d, rid) for r, d in items]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"batch ingest failed: {exc}", source=self.path) from exc

    def _ingest(self, report: Report, doc: DocumentInfo, run_id: int | None) -> IngestOutcome:
        conn = self.conn
        ident = report.identity
        ehash = extraction_hash(report)
        now = _now()
        existing = conn.execute(
            "SELECT id, report_id, extraction_hash FROM documents WHERE sha256 = ?", (doc.sha256,)
        ).fetchone()
        if existing and existing[2] == ehash:
            return IngestOutcome(int(existing[1]), int(existing[0]), False, False, False)

        bk = body_key(ident, doc.sha256)
        body_id = self._body(bk)
        row = (
            conn.execute(
                "SELECT id FROM reports WHERE body_id = ? AND year = ?", (body_id, ident.year)
            ).fetchone()
            if ident.year is not None
            else None
        )
        new_report = row is None
        self._record_name(body_id, bk.name, ident.year)
        if row is None:
            cur = conn.execute(
                "INSERT INTO reports(body_id, year, era, title, issuer, run_id, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (body_id, ident.year, ident.era, ident.title, ident.issuer, run_id, now),
            )
            report_id = int(cur.lastrowid or 0)
        else:
            report_id = int(row[0])
            # A second document fills in what the first lacked; it never overwrites.
            conn.execute(
                "UPDATE reports SET era = COALESCE(era, ?), title = COALESCE(title, ?),"
                " issuer = COALESCE(issuer, ?), updated_at = ? WHERE id = ?",
                (ident.era, ident.title, ident.issuer, now, report_id),
            )

        replaced = False
        if existing:
            document_id = int(existing[0])
            old_report = int(existing[1])
            conn.execute(
                "DELETE FROM figures WHERE document_id = ? AND report_id = ?", (document_id, old_report)
            )
            conn.execute("DELETE FROM findings WHERE document_id = ?", (document_id,))
            conn.execute(
                "UPDATE documents SET report_id = ?, media_type = COALESCE(?, media_type), source = ?,"
                " notes = ?, extraction_hash = ?, extracted_at = ? WHERE id = ?",
                (
                    report_id,
                    report.media_type or doc.media_type,
                    report.source,
                    _dumps(report.notes),
                    ehash,
                    now,
                    document_id,
                ),
            )
            replaced = True
            if old_report != report_id:
                self._after_document_left(old_report)
        else:
            cur = conn.execute(
                "INSERT INTO documents(report_id, sha256, url, path, media_type, size, fetch, source, notes,"
                " extraction_hash, run_id, added_at, extracted_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    report_id,
                    doc.sha256,
                    doc.url,
                    doc.path,
                    doc.media_type or report.media_type,
                    doc.size,
                    _dumps(doc.fetch),
                    report.source,
                    _dumps(report.notes),
                    ehash,
                    run_id,
                    now,
                    now,
                ),
            )
            document_id = int(cur.lastrowid or 0)

        single = new_report and not existing
        self._insert_figures(report_id, document_id, report.figures, all_preferred=single)
        self._insert_findings(report_id, document_id, _failed(report.checks))
        if not single:
            self._recompute_preferred(report_id)
            self._merge_findings(report_id)
        return IngestOutcome(report_id, document_id, not existing, new_report, replaced)

    def _insert_figures(
        self, report_id: int, document_id: int, figures: list[Figure], *, all_preferred: bool
    ) -> None:
        # The hot loop of a bulk load: one flat parameter list, no per-figure calls, and multi-row
        # INSERT statements (about twice as fast per row as executemany's one statement per row).
        ids = self._metric_ids
        seen: set[tuple[str, str | None]] = set()
        flat: list[Any] = []
        add = flat.extend
        for f in figures:
            key = f.metric
            mid = ids.get(key)
            if mid is None:
                mid = self.metric_id(key)
            # Within one document the first figure of a key is the one comparisons use.
            k = (key, f.dimension)
            if all_preferred and k not in seen:
                preferred = 1
                seen.add(k)
            else:
                preferred = 0
            span = f.span
            cell = f.cell
            add(
                (
                    report_id,
                    document_id,
                    mid,
                    f.dimension,
                    float(f.value),
                    f.unit,
                    1 if f.approx else 0,
                    preferred,
                    f.evidence,
                    span[0] if span else None,
                    span[1] if span else None,
                    cell[0] if cell else None,
                    cell[1] if cell else None,
                    f.method,
                )
            )
        conn = self.conn
        step = _FIGURE_CHUNK * _FIGURE_COLS
        whole = len(flat) - len(flat) % step
        for i in range(0, whole, step):
            conn.execute(_FIGURE_INSERT_CHUNK, flat[i : i + step])
        if whole < len(flat):
            rest = flat[whole:]
            conn.executemany(
                _FIGURE_INSERT,
                [rest[i : i + _FIGURE_COLS] for i in range(0, len(rest), _FIGURE_COLS)],
            )

    def _insert_findings(self, report_id: int, document_id: int | None, checks: list[Check]) -> None:
        self.conn.executemany(
            "INSERT INTO findings(report_id, document_id, check_id, name, detail, numbers) VALUES (?, ?, ?, ?, ?, ?)",
            [(report_id, document_id, c.check, c.name, c.detail, _dumps(c.numbers)) for c in checks],
        )

    def _recompute_preferred(self, report_id: int) -> None:
        # The earliest document wins each key, so adding a PDF never changes what a comparison showed.
        rows = self.conn.execute(
            "SELECT id, metric_id, dimension FROM figures WHERE report_id = ? ORDER BY document_id, id",
            (report_id,),
        ).fetchall()
        seen: set[tuple[int, str | None]] = set()
        keep: list[tuple[int]] = []
        drop: list[tuple[int]] = []
        for fid, metric_id, dim in rows:
            k = (metric_id, dim)
            (drop if k in seen else keep).append((fid,))
            seen.add(k)
        self.conn.executemany("UPDATE figures SET preferred = 1 WHERE id = ? AND preferred = 0", keep)
        self.conn.executemany("UPDATE figures SET preferred = 0 WHERE id = ? AND preferred = 1", drop)

    def _merge_findings(self, report_id: int) -> None:
        """Record where the report's documents disagree: one finding per metric and dimension."""
        self.conn.execute("DELETE FROM findings WHERE report_id = ? AND check_id = 'merge'", (report_id,))
        rows = self.conn.execute(
            "SELECT f.document_id, m.key, f.dimension, f.value FROM figures f JOIN metrics m ON m.id = f.metric_id"
            " WHERE f.report_id = ? ORDER BY f.document_id, f.id",
            (report_id,),
        ).fetchall()
        by_key: dict[tuple[str, str | None], dict[int, float]] = {}
        for doc_id, key, dim, value in rows:
            by_key.setdefault((key, dim), {}).setdefault(int(doc_id), float(value))
        findings = []
        for (key, dim), per_doc in by_key.items():
            if len(per_doc) > 1 and len(set(per_doc.values())) > 1:
                label = key + (f"[{dim}]" if dim else "")
                shown = ", ".join(f"{_num(v)} (document {d})" for d, v in per_doc.items())
                findings.append(
                    Check(
                        check="merge",
                        name="documents of one report disagree",
                        passed=False,
                        detail=f"{label}: {shown}",
                        numbers={f"document {d}": v for d, v in per_doc.items()},
                    )
                )
        self._insert_findings(report_id, None, findings)

    def _after_document_left(self, report_id: int) -> None:
        left = self.conn.execute(
            "SELECT COUNT(*) FROM documents WHERE report_id = ?", (report_id,)
        ).fetchone()[0]
        if left == 0:
            self.conn.execute("DELETE FROM findings WHERE report_id = ?", (report_id,))
            self.conn.execute("DELETE FROM figures WHERE report_id = ?", (report_id,))
            self.conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))
        else:
            self._recompute_preferred(report_id)
            self._merge_findings(report_id)

    # -- re-extraction -----------------------------------------------------------------------

    def reextract(self, extract_fn: Callable[[bytes, str], Report]) -> dict[str, int]:
        """Run extraction again over every stored document whose bytes are at hand.

        Each document's figures are replaced in its own transaction; an unreadable or failing
        document is counted and skipped, never half-applied.
        """
        stats = {"documents": 0, "replaced": 0, "unchanged": 0, "missing": 0, "failed": 0}
        rows = self.conn.execute(
            "SELECT id, sha256, url, path, media_type, size, fetch FROM documents ORDER BY id"
        ).fetchall()
        for _id, sha, url, path, media_type, size, fetch_json in rows:
            stats["documents"] += 1
            fetch = json.loads(fetch_json or "{}")
            data = _read_bytes(path, fetch)
            if data is None or hashlib.sha256(data).hexdigest() != sha:
                stats["missing"] += 1
                continue
            info = DocumentInfo(sha256=sha, size=size, media_type=media_type, url=url, path=path, fetch=fetch)
            try:
                report = extract_fn(data, path or url or sha)
                outcome = self.ingest(report, info)
            except HarvesterError:
                stats["failed"] += 1
                continue
            stats["replaced" if outcome.replaced_figures else "unchanged"] += 1
        return stats

    # -- small queries used by the CLI and tests ---------------------------------------------

    def counts(self) -> dict[str, int]:
        tables = ("bodies", "reports", "documents", "figures", "findings", "runs")
        return {t: int(self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables}

    def analyze(self) -> None:
        """Refresh the planner's statistics; worth it after a bulk load."""
        self.conn.execute("ANALYZE")


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def _read_bytes(path: str | None, fetch: dict[str, Any]) -> bytes | None:
    for candidate in (path, fetch.get("archive_path"), fetch.get("archive")):
        if not candidate:
            continue
        try:
            return Path(str(candidate)).read_bytes()
        except OSError:
            continue
    return None
