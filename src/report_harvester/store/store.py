"""The SQLite store: bodies, documents, reports, figures, findings and runs.

Every write that belongs together happens in one transaction, so an error or a crash mid-ingest
leaves the database as it was before that report.
"""

from __future__ import annotations

import gc
import hashlib
import json
import operator
import sqlite3
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import compress, count, repeat
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlite_utils

from .. import registry
from ..errors import HarvesterError, StoreError
from ..models import Check, DocumentInfo, Report
from . import codec, schema
from .bodies import BodyKey, body_key, region
from .codec import Encoded, Prepared

DEFAULT_DB = Path("data/reports.db")
# money is compared in 元 (metrics.md unit rule)
MONEY_FACTORS = {"元": 1.0, "万元": 10000.0}

_DOC_FIGURES_INSERT = (
    "INSERT OR REPLACE INTO document_figures(document_id, n, preferred, metric, value, unit, dimension, approx,"
    " evidence, span, method, cell) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_BLOCK_INSERT = "INSERT INTO compare_blocks(metric_id, dimension, level, unit, gen, n, entries) VALUES (?, ?, ?, ?, ?, ?, ?)"
_BLOCKS_OF_METRIC = (
    "SELECT gen, unit, entries FROM compare_blocks WHERE metric_id = ? AND dimension = ? ORDER BY gen"
)
_BLOCKS_OF_METRIC_LEVEL = (
    "SELECT gen, unit, entries FROM compare_blocks WHERE metric_id = ? AND dimension = ? AND level = ?"
    " ORDER BY level, gen"
)
_BLOCKS_OF_GEN = (
    "SELECT metric_id, dimension, level, unit, entries FROM compare_blocks WHERE gen = ? ORDER BY id"
)
_STALE_OF_GEN = "SELECT body_id, year FROM compare_stale WHERE gen = ?"
_DELETE_BLOCKS_OF_GEN = "DELETE FROM compare_blocks WHERE gen = ?"
_DELETE_GEN = "DELETE FROM compare_gens WHERE gen = ?"
_DELETE_STALE_OF_GEN = "DELETE FROM compare_stale WHERE gen = ?"
_PENDING_BATCH = "SELECT report_id FROM compare_pending ORDER BY report_id LIMIT 2000"
_PENDING_STALE = (
    "INSERT OR IGNORE INTO compare_stale(gen, body_id, year) SELECT compare_gen, body_id, year FROM reports"
    " WHERE id IN (SELECT report_id FROM compare_pending ORDER BY report_id LIMIT 2000)"
    " AND compare_gen IS NOT NULL AND year IS NOT NULL"
)
_PENDING_FIGURES = (
    "SELECT r.id, r.body_id, b.level, r.year, df.document_id, df.metric, df.value, df.unit, df.dimension,"
    " df.preferred FROM reports r JOIN bodies b ON b.id = r.body_id JOIN documents d ON d.report_id = r.id"
    " JOIN document_figures df ON df.document_id = d.id"
    " WHERE r.id IN (SELECT report_id FROM compare_pending ORDER BY report_id LIMIT 2000)"
    " AND r.year IS NOT NULL ORDER BY r.id, d.id"
)
# comparison entries buffered before a flush writes them as one generation
_FLUSH_ENTRIES = 400_000
# Generations below BIG_GEN reports are merged, LSM-style, when MERGE_FAN of one size tier (4**k up
# to 4**(k+1) reports) exist, so single-document ingests do not leave thousands of tiny blocks per
# metric and each entry is rewritten about log4(BIG_GEN) times at most.
BIG_GEN = 256
MERGE_FAN = 4


@dataclass(frozen=True)
class IngestOutcome:
    report_id: int
    document_id: int
    added_document: bool
    new_report: bool
    replaced_figures: bool


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk load (nesting-safe).

    A bulk load allocates millions of container objects (lists, unpickled reports) and frees them
    by reference counting, forming no cycles; the collector would still walk them every few
    hundred allocations, about a tenth of a bulk ingest's time.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


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
        self._body_ranks: dict[int, int] = {}
        self._current_run: int | None = None
        self._in_tx = False
        # comparison entries of the running transaction by block key (metric id, dimension or '',
        # level, unit); the generation they will be written as; compare_pending ids
        self._blocks: dict[tuple[int, str, int, str], list[str]] = {}
        self._block_entries = 0
        self._gen: int | None = None
        self._gen_reports = 0
        self._pending: list[tuple[int]] = []
        # Reports of one template or one author share their list of metric keys (and often units and
        # dimensions): the metric ids of a key list, and the block lists of a report shape, are cached.
        self._mids_of: dict[str, tuple[list[int], str]] = {}
        self._lists_of: dict[tuple[int, str, str | None, str], list[list[str]]] = {}
        self._defer = False
        self._checkpointer: _Checkpointer | None = None

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
                # Only settable on an empty file, before WAL. Bulk ingest measured 16 KiB pages ~1.5x faster
                # than 4 KiB and ~8% faster than 8 KiB: a document_figures row (~20 KB) spans fewer pages.
                conn.execute("PRAGMA page_size = 16384")
            conn.execute("PRAGMA cache_size = -262144")
            conn.execute("PRAGMA temp_store = MEMORY")
            if p != ":memory:":
                db.enable_wal()
            # WAL makes NORMAL durable against crashes of this process (not of the OS), and much faster.
            conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(db, p)
            schema.migrate(conn)
            store._seed_metrics()
            # a migrated schema-1 database lists every report here until its comparison rows exist
            store.refresh_compare()
            return store
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database: {exc}", source=p) from exc
        except OSError as exc:
            raise StoreError(f"cannot open database: {exc.strerror or exc}", source=p) from exc

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        try:
            if self.path != ":memory:":
                self.conn.execute("PRAGMA wal_autocheckpoint = 1000")
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
            self._body_ranks.clear()
            self._metric_ids.clear()
            self._mids_of.clear()
            self._drop_buffer()
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

    def ingest(
        self, report: Report | Prepared, doc: DocumentInfo, *, run_id: int | None = None
    ) -> IngestOutcome:
        """Store one extracted document, atomically. See the module docs for identity rules."""
        try:
            with self.transaction():
                try:
                    out = self._ingest(report, doc, run_id if run_id is not None else self._current_run)
                    self._flush_compare()
                    self._maintain_compare()
                    return out
                finally:
                    self._drop_buffer()
        except sqlite3.DatabaseError as exc:
            source = report.report.source if isinstance(report, Prepared) else report.source
            raise StoreError(f"ingest failed: {exc}", source=doc.url or doc.path or source) from exc

    def ingest_many(
        self,
        items: Iterable[tuple[Report | Prepared, DocumentInfo]],
        *,
        run_id: int | None = None,
        defer_compare: bool = False,
    ) -> list[IngestOutcome]:
        """Ingest a batch in one transaction: all or nothing, and far fewer commits for bulk loads.

        The comparison entries of the batch's new reports are written at the end as one generation
        of blocks, in the same transaction. With defer_compare they are only listed in
        compare_pending and written by refresh_compare() (which compare and checks call first).
        Items may come already encoded (codec.prepare), as parallel loaders send them.
        """
        rid = run_id if run_id is not None else self._current_run
        if self.path != ":memory:":
            if self._checkpointer is None:
                # Bulk loads hand WAL checkpoints to a thread of their own: it copies pages into the
                # database file on the second core while this one encodes the next reports,
                # instead of every few commits stalling on that copy and its fsync.
                self._checkpointer = _Checkpointer(self.path)
                self.conn.execute("PRAGMA wal_autocheckpoint = 0")
            elif _wal_size(self.path) > _WAL_RESTART_BYTES:
                # The thread never sees the writer idle, so its checkpoints never quite finish and
                # the WAL would only grow, and every page lookup with it. Between transactions,
                # finish the copy here (the thread has done most of it); the next write then
                # starts the WAL from its beginning.
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        try:
            with gc_paused(), self.transaction():
                self._defer = defer_compare
                try:
                    out = [self._ingest(r, d, rid) for r, d in items]
                    self._flush_compare()
                    self._maintain_compare()
                    return out
                finally:
                    self._defer = False
                    self._drop_buffer()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"batch ingest failed: {exc}", source=self.path) from exc

    def _ingest(self, item: Report | Prepared, doc: DocumentInfo, run_id: int | None) -> IngestOutcome:
        conn = self.conn
        if isinstance(item, Prepared):
            report, enc = item.report, item.encoded
        else:
            report, enc = item, codec.encode(item)
        ident = report.identity
        ehash = enc.hash
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
            # the common case below queues the report's entries into the buffer's generation now
            fast = not existing and ident.year is not None and not self._defer
            cur = conn.execute(
                "INSERT INTO reports(body_id, year, era, title, issuer, run_id, updated_at, compare_gen)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (body_id, ident.year, ident.era, ident.title, ident.issuer, run_id, now,
                 self._buffer_gen() if fast else None),
            )  # fmt: skip
            report_id = int(cur.lastrowid or 0)
        else:
            report_id = int(row[0])
            # A second document fills in what the first lacked; it never overwrites.
            conn.execute(
                "UPDATE reports SET era = COALESCE(era, ?), title = COALESCE(title, ?),"
                " issuer = COALESCE(issuer, ?), updated_at = ? WHERE id = ?",
                (ident.era, ident.title, ident.issuer, now, report_id),
            )

        mids, mids_text = self._metric_list(enc)
        if not existing and new_report:
            # The common case, a report seen for the first time: nothing to merge or replace.
            cur = self._insert_document(report, doc, ehash, run_id, now, report_id)
            document_id = int(cur.lastrowid or 0)
            self._insert_doc_figures(document_id, enc, mids_text)
            if ident.year is not None:
                if self._defer:
                    self._pending.append((report_id,))
                    if len(self._pending) >= 1000:
                        self._flush_compare()
                else:
                    self._queue_compare(enc, mids, mids_text, body_id, ident.year, document_id)
            self._insert_findings(report_id, document_id, _failed(report.checks))
            return IngestOutcome(report_id, document_id, True, True, False)

        # A second document of a report, a re-extraction, or a document whose identity changed:
        # forget the affected reports' comparison rows, change the figures, derive them again.
        self._flush_compare()
        old_report = int(existing[1]) if existing else report_id
        self._forget_compare(report_id)
        if old_report != report_id:
            self._forget_compare(old_report)
        if existing:
            document_id = int(existing[0])
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
        else:
            cur = self._insert_document(report, doc, ehash, run_id, now, report_id)
            document_id = int(cur.lastrowid or 0)
        self._insert_doc_figures(document_id, enc, mids_text)
        self._insert_findings(report_id, document_id, _failed(report.checks))
        if old_report != report_id:
            self._after_document_left(old_report)
        self._remember_compare(report_id)
        self._merge_findings(report_id)
        return IngestOutcome(report_id, document_id, not existing, new_report, bool(existing))

    def _insert_document(
        self, report: Report, doc: DocumentInfo, ehash: str, run_id: int | None, now: str, report_id: int
    ) -> sqlite3.Cursor:
        return self.conn.execute(
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
                _dumps(doc.fetch) if doc.fetch else "{}",
                report.source,
                _dumps(report.notes) if report.notes else "[]",
                ehash,
                run_id,
                now,
                now,
            ),
        )

    def _metric_list(self, enc: Encoded) -> tuple[list[int], str]:
        """The metric ids of the figures, and as the JSON array document_figures.metric holds."""
        cached = self._mids_of.get(enc.key_text)
        if cached is not None:
            return cached
        ids = self._metric_ids
        for key in enc.keys:
            if key not in ids:
                self.metric_id(key)
        mids = list(map(ids.__getitem__, enc.keys))
        if len(self._mids_of) >= 512:
            self._mids_of.clear()
        out = self._mids_of[enc.key_text] = (mids, "[" + ",".join(map(str, mids)) + "]")
        return out

    def _insert_doc_figures(self, document_id: int, enc: Encoded, mids_text: str) -> None:
        self.conn.execute(
            _DOC_FIGURES_INSERT,
            (
                document_id,
                enc.n,
                enc.preferred,
                mids_text,
                enc.value,
                enc.unit,
                enc.dimension,
                enc.approx,
                enc.evidence,
                enc.span,
                enc.method,
                enc.cell,
            ),
        )

    def _level_rank(self, body_id: int) -> int:
        rank = self._body_ranks.get(body_id)
        if rank is None:
            row = self.conn.execute("SELECT level FROM bodies WHERE id = ?", (body_id,)).fetchone()
            rank = self._body_ranks[body_id] = schema.level_rank(row[0] if row else None)
        return rank

    # -- comparison blocks (schema.py, schema 4) ----------------------------------------------

    def _new_gen(self) -> int:
        return int(self.conn.execute("SELECT COALESCE(MAX(gen), 0) FROM compare_gens").fetchone()[0]) + 1

    def _buffer_gen(self) -> int:
        """The generation the buffered entries will be written as (allocated on first use)."""
        if self._gen is None:
            self._gen = self._new_gen()
        return self._gen

    def _queue_compare(
        self, enc: Encoded, mids: list[int], mids_text: str, body_id: int, year: int, document_id: int
    ) -> None:
        """Entries of a new single-document report (its row already names the buffer's generation)."""
        rank = self._level_rank(body_id)
        if "0" in enc.preferred or enc.empty_dimension:
            flags = enc.preferred
            dims: Iterable[str | None] = repeat(None) if enc.dimension is None else enc.dims
            self._buffer_report(
                rank,
                body_id,
                year,
                (
                    (mid, dim or "", value, unit, document_id, seq)
                    for seq, mid, dim, value, unit in zip(count(), mids, dims, enc.values, enc.units)
                    if flags[seq] == "1"
                ),
            )
        else:
            # The usual case: every figure preferred and no '' dimension, so every figure has a block
            # of its own; reports of the same shape append to the same lists in the same order.
            shape = (rank, mids_text, enc.dimension, enc.unit)
            lists = self._lists_of.get(shape)
            if lists is None:
                blocks = self._blocks
                block_dims = repeat("") if enc.dimension is None else (d or "" for d in enc.dims)
                lists = self._lists_of[shape] = [
                    blocks.setdefault((mid, dim, rank, unit), [])
                    for mid, dim, unit in zip(mids, block_dims, enc.units, strict=False)
                ]
            # Entry i is head + "i," + value_i + "]", built and appended by C-level map loops: this
            # runs for every figure of a bulk load and was the largest cost left in Python.
            head = f"[{body_id},{year},{document_id},"
            closed_values = (enc.value[1:-1] + "]").replace(",", "],").split(",")
            entries = map(operator.add, map(head.__add__, _seq_texts(enc.n)), closed_values)
            deque(map(list.append, lists, entries), maxlen=0)
            self._block_entries += enc.n
            self._gen_reports += 1
        if self._block_entries >= _FLUSH_ENTRIES:
            self._flush_compare()

    def _buffer_report(
        self, rank: int, body_id: int, year: int, items: Iterable[tuple[int, str, float, str, int, int]]
    ) -> None:
        """Buffer one report's entries: (metric id, dimension or '', value, unit, document id, seq).

        A (metric, dimension) seen twice keeps its first entry: '' and no dimension share a key.
        """
        blocks = self._blocks
        head = f"[{body_id},{year},"
        seen: set[tuple[int, str]] = set()
        for mid, dim, value, unit, document_id, seq in items:
            if (mid, dim) in seen:
                continue
            seen.add((mid, dim))
            entry = f"{head}{document_id},{seq},{float(value)!r}]"
            key = (mid, dim, rank, unit)
            block = blocks.get(key)
            if block is None:
                blocks[key] = [entry]
            else:
                block.append(entry)
        self._block_entries += len(seen)
        self._gen_reports += 1

    def _flush_compare(self) -> None:
        if self._gen is not None:
            gen = self._gen
            rows = sorted(
                (mid, dim, rank, unit, gen, len(entries), "[" + ",".join(entries) + "]")
                for (mid, dim, rank, unit), entries in self._blocks.items()
                if entries
            )
            self.conn.executemany(_BLOCK_INSERT, rows)
            self.conn.execute(
                "INSERT INTO compare_gens(gen, reports) VALUES (?, ?)", (gen, self._gen_reports)
            )
            self._blocks.clear()
            self._lists_of.clear()
            self._block_entries = 0
            self._gen_reports = 0
            self._gen = None
        if self._pending:
            self.conn.executemany(
                "INSERT OR IGNORE INTO compare_pending(report_id) VALUES (?)", self._pending
            )
            self._pending.clear()

    def _drop_buffer(self) -> None:
        self._blocks.clear()
        self._lists_of.clear()
        self._block_entries = 0
        self._gen_reports = 0
        self._gen = None
        self._pending.clear()

    def _report_place(self, report_id: int) -> tuple[int, int, int | None] | None:
        row = self.conn.execute("SELECT body_id, year FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            return None
        return int(row[0]), self._level_rank(int(row[0])), row[1]

    def _stored(self, report_id: int) -> list[codec.Stored]:
        return [
            codec.decode(*row)
            for row in self.conn.execute(
                "SELECT df.document_id, df.metric, df.value, df.unit, df.dimension, df.preferred"
                " FROM documents d JOIN document_figures df ON df.document_id = d.id"
                " WHERE d.report_id = ? ORDER BY d.id",
                (report_id,),
            )
        ]

    def _forget_compare(self, report_id: int) -> None:
        """The report's written entries stop counting (they are compacted away later)."""
        row = self.conn.execute(
            "SELECT body_id, year, compare_gen FROM reports WHERE id = ?", (report_id,)
        ).fetchone()
        if row is None or row[1] is None or row[2] is None:
            return
        if row[2] == self._gen:  # still buffered: write it, so that it can be marked like any other
            self._flush_compare()
        self.conn.execute(
            "INSERT OR IGNORE INTO compare_stale(gen, body_id, year) VALUES (?, ?, ?)",
            (row[2], row[0], row[1]),
        )
        self.conn.execute("UPDATE reports SET compare_gen = NULL WHERE id = ?", (report_id,))

    def _remember_compare(self, report_id: int) -> None:
        """Mark each key's preferred figure (earliest document first) and buffer its entries."""
        self.conn.execute("DELETE FROM compare_pending WHERE report_id = ?", (report_id,))
        place = self._report_place(report_id)
        if place is None:
            return
        body_id, rank, year = place
        seen: set[tuple[int, str | None]] = set()
        items = []
        for s in self._stored(report_id):
            flags = []
            for seq, (mid, dim) in enumerate(zip(s.metric_ids, s.dims, strict=True)):
                k = (mid, dim)
                if k in seen:
                    flags.append("0")
                    continue
                seen.add(k)
                flags.append("1")
                items.append((mid, dim or "", s.values[seq], s.units[seq], s.document_id, seq))
            text = "".join(flags)
            if text != s.preferred:
                self.conn.execute(
                    "UPDATE document_figures SET preferred = ? WHERE document_id = ?", (text, s.document_id)
                )
        if year is not None:
            self.conn.execute(
                "UPDATE reports SET compare_gen = ? WHERE id = ?", (self._buffer_gen(), report_id)
            )
            self._buffer_report(rank, body_id, year, items)

    def refresh_compare(self) -> int:
        """Write the comparison entries of every report listed in compare_pending; returns how many."""
        done = 0
        while self.conn.execute("SELECT 1 FROM compare_pending LIMIT 1").fetchone():
            with self.transaction():
                ids = [int(r[0]) for r in self.conn.execute(_PENDING_BATCH)]
                # a listed report that still has entries somewhere: those stop counting
                self.conn.execute(_PENDING_STALE)
                per_report: dict[int, tuple[int, int, int, list[Any]]] = {}
                for report_id, body_id, level, year, *stored in self.conn.execute(_PENDING_FIGURES):
                    s = codec.decode(*stored)
                    place = per_report.get(report_id)
                    if place is None:
                        place = per_report[report_id] = (body_id, schema.level_rank(level), year, [])
                    place[3].extend(
                        (
                            s.metric_ids[seq],
                            s.dims[seq] or "",
                            s.values[seq],
                            s.units[seq],
                            s.document_id,
                            seq,
                        )
                        for seq, flag in enumerate(s.preferred)
                        if flag == "1"
                    )
                if per_report:
                    gen = self._buffer_gen()
                    for body_id, rank, year, items in per_report.values():
                        self._buffer_report(rank, body_id, year, items)
                    self.conn.executemany(
                        "UPDATE reports SET compare_gen = ? WHERE id = ?", [(gen, i) for i in per_report]
                    )
                self.conn.executemany(
                    "UPDATE reports SET compare_gen = NULL WHERE id = ?",
                    [(i,) for i in ids if i not in per_report],
                )
                self._flush_compare()
                self.conn.executemany("DELETE FROM compare_pending WHERE report_id = ?", [(i,) for i in ids])
                done += len(ids)
        if done:
            with self.transaction():
                self._maintain_compare()
        return done

    def _maintain_compare(self) -> None:
        """Compact generations with many stale entries, and merge small generations tier by tier."""
        conn = self.conn
        for gen, stale, reports in conn.execute(
            "SELECT s.gen, COUNT(*), g.reports FROM compare_stale s LEFT JOIN compare_gens g ON g.gen = s.gen"
            " GROUP BY s.gen"
        ).fetchall():
            if reports is None or reports < BIG_GEN or stale * 4 >= reports:
                self._rewrite_gens([int(gen)], int(gen))
        for _round in range(8):  # a merge can complete the next tier's set; a few rounds settle it
            tiers: dict[int, list[int]] = {}
            for gen, reports in conn.execute(
                "SELECT gen, reports FROM compare_gens WHERE reports < ? ORDER BY gen", (BIG_GEN,)
            ):
                tiers.setdefault(max(0, (int(reports).bit_length() - 1) // 2), []).append(int(gen))
            full = [gens for gens in tiers.values() if len(gens) >= MERGE_FAN]
            if not full:
                return
            for gens in full:
                self._rewrite_gens(gens, self._new_gen())

    def _rewrite_gens(self, gens: list[int], into: int) -> None:
        """Rewrite the blocks of `gens` as generation `into`, leaving out their stale entries."""
        conn = self.conn
        blocks: dict[tuple[int, str, int, str], list[Any]] = {}
        reports = 0
        for gen in sorted(gens):
            stale = {(int(b), int(y)) for b, y in conn.execute(_STALE_OF_GEN, (gen,))}
            row = conn.execute("SELECT reports FROM compare_gens WHERE gen = ?", (gen,)).fetchone()
            reports += max(0, int(row[0] if row else 0) - len(stale))
            for mid, dim, level, unit, entries in conn.execute(_BLOCKS_OF_GEN, (gen,)):
                rows = json.loads(entries)
                kept = [e for e in rows if (e[0], e[1]) not in stale] if stale else rows
                if kept:
                    blocks.setdefault((mid, dim, level, unit), []).extend(kept)
        conn.executemany(_DELETE_BLOCKS_OF_GEN, [(g,) for g in gens])
        conn.executemany(_DELETE_GEN, [(g,) for g in gens])
        conn.executemany(_DELETE_STALE_OF_GEN, [(g,) for g in gens])
        conn.executemany(
            _BLOCK_INSERT,
            [(*key, into, len(es), codec.dumps(es)) for key, es in sorted(blocks.items())],
        )
        conn.execute("INSERT INTO compare_gens(gen, reports) VALUES (?, ?)", (into, reports))
        conn.executemany(
            "UPDATE reports SET compare_gen = ? WHERE compare_gen = ?", [(into, g) for g in gens if g != into]
        )

    def compare_values(
        self,
        metric_id: int,
        dimension: str,
        level: int | None,
        years: tuple[int, int] | None = None,
        bodies: set[int] | None = None,
        money: bool = False,
    ) -> dict[int, float]:
        """{place: value} of one metric and dimension, place = body_id * PLACE + year (see place()).

        money: values in 元 whatever unit the block has (万元 x 10000). The loops run in C (map,
        zip, compress over each block's columns) and places are plain ints, not (body, year)
        tuples: a metric over every body and year is ~100k entries, and per-entry Python work and
        tuple hashing were most of a compare's time.
        """
        stale: dict[int, set[int]] = {}
        for gen, body_id, year in self.conn.execute("SELECT gen, body_id, year FROM compare_stale"):
            stale.setdefault(int(gen), set()).add(place(int(body_id), int(year)))
        if level is None:
            blocks = self.conn.execute(_BLOCKS_OF_METRIC, (metric_id, dimension))
        else:
            blocks = self.conn.execute(_BLOCKS_OF_METRIC_LEVEL, (metric_id, dimension, level))
        in_years = range(years[0], years[1] + 1).__contains__ if years else None
        out: dict[int, float] = {}
        for gen, unit, entries in blocks:
            # Entries are arrays of five numbers: read them as one flat array (no list per entry,
            # which made parsing most of the cost) and take every fifth number.
            flat = json.loads(entries[1:-1].replace("],[", ",") or "[]")
            body_ids, block_years, values = flat[0::5], flat[1::5], flat[4::5]
            places = list(map(operator.add, map(PLACE.__mul__, body_ids), block_years))
            if money and unit in MONEY_FACTORS:
                values = list(map(MONEY_FACTORS[unit].__mul__, values))
            pairs: Iterable[tuple[int, float]] = zip(places, values, strict=True)
            keep: Iterable[bool] | None = None
            if in_years is not None:
                keep = map(in_years, block_years)
            if bodies is not None:
                in_bodies = map(bodies.__contains__, body_ids)
                keep = in_bodies if keep is None else map(operator.and_, keep, in_bodies)
            if keep is not None:
                pairs = compress(pairs, keep)
            dead = stale.get(gen)
            if dead:
                pairs = ((p, v) for p, v in pairs if p not in dead)
            out.update(pairs)
        return out

    def _insert_findings(self, report_id: int, document_id: int | None, checks: list[Check]) -> None:
        if not checks:
            return
        self.conn.executemany(
            "INSERT INTO findings(report_id, document_id, check_id, name, detail, numbers) VALUES (?, ?, ?, ?, ?, ?)",
            [(report_id, document_id, c.check, c.name, c.detail, _dumps(c.numbers)) for c in checks],
        )

    def _merge_findings(self, report_id: int) -> None:
        """Record where the report's documents disagree: one finding per metric and dimension."""
        self.conn.execute("DELETE FROM findings WHERE report_id = ? AND check_id = 'merge'", (report_id,))
        stored = self._stored(report_id)
        if len(stored) < 2:
            return
        names = {i: k for k, i in self.metric_ids().items()}
        by_key: dict[tuple[int, str | None], dict[int, float]] = {}
        for s in stored:
            for mid, dim, value in zip(s.metric_ids, s.dims, s.values, strict=True):
                by_key.setdefault((mid, dim), {}).setdefault(s.document_id, float(value))
        findings = []
        for (mid, dim), per_doc in by_key.items():
            if len(per_doc) > 1 and len(set(per_doc.values())) > 1:
                label = names.get(mid, str(mid)) + (f"[{dim}]" if dim else "")
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
            self.conn.execute("DELETE FROM compare_pending WHERE report_id = ?", (report_id,))
            self.conn.execute("DELETE FROM findings WHERE report_id = ?", (report_id,))
            self.conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))
        else:
            self._remember_compare(report_id)
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
        row = self.conn.execute(
            "SELECT (SELECT COUNT(*) FROM bodies), (SELECT COUNT(*) FROM reports), (SELECT COUNT(*) FROM documents),"
            " (SELECT COALESCE(SUM(n), 0) FROM document_figures), (SELECT COUNT(*) FROM findings),"
            " (SELECT COUNT(*) FROM runs)"
        ).fetchone()
        names = ("bodies", "reports", "documents", "figures", "findings", "runs")
        return {t: int(v) for t, v in zip(names, row, strict=True)}

    def analyze(self) -> None:
        """Refresh the planner's statistics; worth it after a bulk load."""
        # a sample per index is plenty for the planner and keeps this seconds, not minutes, on big files
        self.conn.execute("PRAGMA analysis_limit = 2000")
        self.conn.execute("ANALYZE")


_WAL_RESTART_BYTES = 64 << 20


def _wal_size(path: str) -> int:
    try:
        return Path(path + "-wal").stat().st_size
    except OSError:
        return 0


class _Checkpointer:
    """A thread that runs PASSIVE WAL checkpoints on its own connection until stopped.

    PASSIVE never blocks the writer or readers; SQLite releases the GIL while it copies pages,
    so the copy overlaps with the Python work of the ingest. A crash at any point leaves a WAL that
    the next open recovers, exactly as with automatic checkpoints.
    """

    INTERVAL = 0.05

    def __init__(self, path: str) -> None:
        self._stop = threading.Event()
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA busy_timeout = 5000")
        self._thread = threading.Thread(target=self._run, name="rh-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            while not self._stop.wait(self.INTERVAL):
                self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:
            pass  # the writer's own checkpoint at close does the rest
        finally:
            self._conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


PLACE = 10_000  # years are below it


def place(body_id: int, year: int) -> int:
    """One int for a (body, year): dict keys that hash as fast as keys can."""
    return body_id * PLACE + year


_SEQ_TEXTS: list[str] = []


def _seq_texts(n: int) -> list[str]:
    """'0,', '1,', ... made once."""
    if len(_SEQ_TEXTS) < n:
        _SEQ_TEXTS.extend(f"{i}," for i in range(len(_SEQ_TEXTS), n))
    return _SEQ_TEXTS


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
