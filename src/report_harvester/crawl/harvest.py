"""One harvest run: lock, frontier, per-host workers, and the parse → extract → check → store pipeline.

State lives in the report database itself, in crawl_* tables written through the Store's connection, so a
document's ingest and the crawl bookkeeping that says "done" commit in one transaction. A run killed at
any point leaves a frontier of pending rows; the next run picks it up and finishes without duplicates
(documents are keyed by sha256 in the store, URLs by primary key here).

Re-runs are cheap on purpose: a column's first list page is asked for conditionally (ETag,
Last-Modified); when it has not changed, its later pages are read again from the archive, not the
network, and report documents already stored are not downloaded again (`refresh` re-checks them).
"""

from __future__ import annotations

import fcntl
import json
import os
import queue
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import httpx

from .. import api
from ..errors import BlockedByPolicy, FetchError, HarvesterError, HostBlocked
from ..models import DocumentInfo, Report
from ..store import Store
from . import discover
from .archive import Archive
from .fetch import Fetcher, FetchPolicy, FetchResult, host_of
from .sources import Source

EXIT_OK = 0
EXIT_SOURCES_FAILED = 3
EXIT_LOCKED = 75
ROBOTS_MAX_AGE = 24 * 3600
DONE_STATES = ("done", "failed", "skipped")
KNOWN_STATES = ("ok", "notreport", "unreadable")


class RunLocked(HarvesterError):
    exit_code = EXIT_LOCKED


@dataclass
class HarvestOptions:
    db: Path
    data_dir: Path
    delay: float = 1.0
    since: int | None = None
    refresh: bool = False
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    max_bytes: int = 30 * 1024 * 1024
    obey_robots: bool = True
    progress: bool = False
    trusted_hosts: set[str] = field(default_factory=set)
    transport: httpx.BaseTransport | None = None
    # test hook: stop dead (no cleanup, like SIGKILL) after this many handled results
    crash_after: int | None = None


@dataclass
class RunResult:
    run_id: int
    status: str
    exit_code: int
    stats: dict[str, Any]
    warnings: list[str]

    def summary(self) -> str:
        s = self.stats
        parts = [
            f"harvest run {self.run_id} {self.status}:",
            f"{s['requests']} requests ({s['not_modified']} not modified)",
            f"{s['documents_new']} new and {s['documents_changed']} changed documents",
            f"{s['reports_added']} reports added",
            f"{sum(s['reports_listed'].values())} reports listed",
        ]
        if s["failures"]:
            parts.append(f"failures {sum(sum(r.values()) for r in s['failures'].values())}")
        if s["blocked_hosts"]:
            parts.append("blocked " + ",".join(sorted(s["blocked_hosts"])))
        return " ".join(parts[:1]) + " " + "; ".join(parts[1:])


class _Crash(BaseException):
    """Raised by the crash_after test hook; deliberately not an Exception so nothing tidies up."""


# -- lock -------------------------------------------------------------------------------------------


@contextmanager
def run_lock(db: Path) -> Iterator[None]:
    """An flock beside the database: the kernel drops it when the holder dies, so no stale locks."""
    path = db.with_name(db.name + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fh: IO[str] = path.open("a+")
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise RunLocked("another harvest run holds the lock", source=str(path)) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        yield
    finally:
        fh.close()


# -- crawl tables ------------------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS crawl_urls (
    url TEXT PRIMARY KEY, source TEXT, kind TEXT, status TEXT, http_status INTEGER, etag TEXT,
    last_modified TEXT, sha256 TEXT, content_type TEXT, title TEXT, level TEXT, region_code TEXT,
    error TEXT, checked_at TEXT
);
CREATE TABLE IF NOT EXISTS crawl_frontier (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE, source TEXT NOT NULL,
    kind TEXT NOT NULL, title TEXT, page INTEGER NOT NULL DEFAULT 1, level TEXT, family TEXT,
    selector TEXT, mode TEXT NOT NULL, listed INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL,
    reason TEXT
);
CREATE TABLE IF NOT EXISTS crawl_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS crawl_source_counts (
    source TEXT PRIMARY KEY, reports INTEGER NOT NULL, run_id INTEGER, updated_at TEXT
);
CREATE TABLE IF NOT EXISTS crawl_robots (host TEXT PRIMARY KEY, text TEXT NOT NULL, fetched_at REAL NOT NULL);
"""


def ensure_tables(store: Store) -> None:
    store.conn.executescript(_SCHEMA)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class _Task:
    seq: int
    url: str
    source: str
    kind: str
    title: str
    page: int
    level: str | None
    family: str
    selector: str | None
    mode: str  # fetch | conditional | offline


@dataclass
class _Outcome:
    task: _Task
    result: FetchResult | None = None
    error: HarvesterError | None = None


class Harvester:
    def __init__(
        self,
        sources: list[Source],
        options: HarvestOptions,
        extract: Callable[[bytes, str], Report] = api.extract_bytes,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.sources = {s.id: s for s in sources}
        self.opts = options
        self.extract = extract
        self.log = log or (lambda msg: print(msg, file=sys.stderr))
        self.archive = Archive(options.data_dir / "archive")
        allowed: set[str] = set()
        for s in sources:
            allowed |= s.allowed_hosts()
        self.policy = FetchPolicy(
            allowed_hosts=allowed,
            trusted_hosts=set(options.trusted_hosts) | _named_ip_hosts(allowed),
            delay=options.delay,
            timeout=options.timeout,
            retries=options.retries,
            backoff=options.backoff,
            max_bytes=options.max_bytes,
            obey_robots=options.obey_robots,
        )
        self._results: queue.Queue[_Outcome] = queue.Queue()
        self._queues: dict[str, queue.Queue[_Task | None]] = {}
        self._threads: list[threading.Thread] = []
        self.stats: dict[str, Any] = {}
        self._failures: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self._failed_sources: set[str] = set()
        self._handled = 0
        # url -> (etag, last_modified) for conditional tasks; filled by the main thread before dispatch
        self._cond: dict[str, tuple[str | None, str | None]] = {}

    # -- public ------------------------------------------------------------------------------------

    def run(self) -> RunResult:
        with run_lock(self.opts.db), Store.open(self.opts.db) as store:
            ensure_tables(store)
            self.store = store
            robots = self._load_robots()
            with Fetcher(
                self.policy, transport=self.opts.transport, robots=robots, on_robots=self._save_robots_later
            ) as fetcher:
                self.fetcher = fetcher
                self._pending_robots: list[tuple[str, str]] = []
                run_id, resumed = self._begin()
                try:
                    self._loop()
                finally:
                    self._stop_workers()
                return self._finish(run_id, resumed)

    # -- setup ---------------------------------------------------------------------------------------

    def _load_robots(self) -> dict[str, str]:
        cutoff = time.time() - ROBOTS_MAX_AGE
        rows = self.store.conn.execute("SELECT host, text FROM crawl_robots WHERE fetched_at > ?", (cutoff,))
        return {h: t for h, t in rows}

    def _save_robots_later(self, host: str, text: str) -> None:
        # called from worker threads; the main thread owns the connection and writes these out
        self._pending_robots.append((host, text))

    def _flush_robots(self) -> None:
        while self._pending_robots:
            host, text = self._pending_robots.pop()
            self.store.conn.execute(
                "INSERT OR REPLACE INTO crawl_robots(host, text, fetched_at) VALUES (?, ?, ?)",
                (host, text, time.time()),
            )

    def _meta(self, key: str) -> Any:
        row = self.store.conn.execute("SELECT value FROM crawl_meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def _set_meta(self, key: str, value: Any) -> None:
        if value is None:
            self.store.conn.execute("DELETE FROM crawl_meta WHERE key = ?", (key,))
        else:
            self.store.conn.execute(
                "INSERT OR REPLACE INTO crawl_meta(key, value) VALUES (?, ?)", (key, json.dumps(value))
            )

    def _begin(self) -> tuple[int, bool]:
        conn = self.store.conn
        ids = sorted(self.sources)
        active = self._meta("active_run")
        pending = conn.execute("SELECT COUNT(*) FROM crawl_frontier").fetchone()[0]
        resumed = bool(active and active.get("sources") == ids and pending)
        meta = {"sources": ids, "since": self.opts.since, "delay": self.opts.delay}
        if resumed:
            meta["resumed_from"] = active["run_id"]
        run_id = self.store.start_run("harvest", meta)
        with self.store.transaction():
            if not resumed:
                conn.execute("DELETE FROM crawl_frontier")
                for s in self.sources.values():
                    for col in s.columns:
                        self._add(
                            s.id,
                            discover.Link(col.url, "list", page=1, level=col.level),
                            col.family or s.family,
                            col.selector,
                            parent_changed=True,
                        )
                    for url in s.view_urls():
                        self._add(
                            s.id,
                            discover.Link(url, "page", level="government"),
                            s.family,
                            None,
                            parent_changed=True,
                        )
            self._set_meta("active_run", {"run_id": run_id, "sources": ids})
        if resumed:
            self.log(f"resuming the harvest interrupted in run {active['run_id']}")
        return run_id, resumed

    # -- the frontier -----------------------------------------------------------------------------------

    def _known(self, url: str) -> tuple[str, str | None, str | None, str | None] | None:
        row = self.store.conn.execute(
            "SELECT status, etag, last_modified, sha256 FROM crawl_urls WHERE url = ?", (url,)
        ).fetchone()
        return (row[0], row[1], row[2], row[3]) if row else None

    def _archived(self, known: tuple[str, str | None, str | None, str | None] | None) -> bool:
        return bool(known and known[0] in KNOWN_STATES and known[3] and self.archive.has(known[3]))

    def _add(
        self,
        source: str,
        link: discover.Link,
        family: str,
        selector: str | None,
        *,
        parent_changed: bool,
        from_list: bool = True,
    ) -> None:
        """Put one discovered link on the frontier, choosing how (or whether) to fetch it."""
        known = self._known(link.url)
        listed = 0
        if link.kind == "list":
            if link.page <= 1 or parent_changed:
                mode = "conditional" if self._archived(known) else "fetch"
            else:
                mode = "offline" if self._archived(known) else "fetch"
            state = "pending"
        else:
            year = discover.report_year(link.title) if link.title else None
            if self.opts.since and year is not None and year < self.opts.since:
                return
            # attachments repeat their page's title; only list entries count as reports listed
            listed = 1 if from_list and link.title and discover.is_report_title(link.title) else 0
            if known and known[0] in KNOWN_STATES and not self.opts.refresh:
                mode, state = "none", "skipped"
            else:
                mode, state = ("conditional" if self._archived(known) else "fetch"), "pending"
        self.store.conn.execute(
            "INSERT OR IGNORE INTO crawl_frontier(url, source, kind, title, page, level, family, selector, mode,"
            " listed, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                link.url,
                source,
                link.kind,
                link.title,
                link.page,
                link.level,
                family,
                selector,
                mode,
                listed,
                state,
            ),
        )

    def _next_tasks(self, after: int) -> list[_Task]:
        rows = self.store.conn.execute(
            "SELECT seq, url, source, kind, title, page, level, family, selector, mode FROM crawl_frontier"
            " WHERE state = 'pending' AND seq > ? ORDER BY seq",
            (after,),
        ).fetchall()
        return [_Task(*r) for r in rows]

    # -- the loop -----------------------------------------------------------------------------------

    def _loop(self) -> None:
        last_seq = 0
        inflight = 0
        offline: list[_Task] = []
        last_progress = 0.0
        requeued = False
        while True:
            for task in self._next_tasks(last_seq):
                last_seq = max(last_seq, task.seq)
                if task.mode == "offline":
                    offline.append(task)
                else:
                    self._dispatch(task)
                    inflight += 1
            if offline:
                task = offline.pop(0)
                self._handle(_Outcome(task), offline_read=True)
                continue
            if inflight == 0:
                if not requeued:
                    requeued = True
                    if self._requeue_failed_files():
                        continue
                break
            outcome = self._results.get()
            inflight -= 1
            self._handle(outcome)
            if self.opts.progress and time.monotonic() - last_progress > 0.2:
                last_progress = time.monotonic()
                self._progress(inflight)
        if self.opts.progress:
            sys.stderr.write("\n")

    def _requeue_failed_files(self) -> bool:
        """Attachments that failed in an earlier run, once this run's pages and lists are done.

        A report page that was stored is not fetched again, so nothing would rediscover the
        attachment it links to; without this a PDF that once timed out would stay missing for good.
        """
        rows = self.store.conn.execute(
            "SELECT u.url, u.source, u.title, u.level FROM crawl_urls u"
            " WHERE u.status = 'failed' AND u.kind = 'file'"
            " AND NOT EXISTS (SELECT 1 FROM crawl_frontier f WHERE f.url = u.url) ORDER BY u.url"
        ).fetchall()
        added = False
        with self.store.transaction():
            for url, source_id, title, level in rows:
                source = self.sources.get(source_id)
                if source is None:
                    continue
                link = discover.Link(url, "file", title or "", level=level)
                self._add(source_id, link, source.family, None, parent_changed=True, from_list=False)
                added = True
        return added

    def _progress(self, inflight: int) -> None:
        done = self.store.conn.execute(
            "SELECT COUNT(*) FROM crawl_frontier WHERE state != 'pending'"
        ).fetchone()[0]
        total = self.store.conn.execute("SELECT COUNT(*) FROM crawl_frontier").fetchone()[0]
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\r[{bar}] {done}/{total} urls, {sum(self.fetcher.requests.values())} requests ")
        sys.stderr.flush()

    def _dispatch(self, task: _Task) -> None:
        host = host_of(task.url)
        if task.mode == "conditional":
            known = self._known(task.url)
            if known:
                self._cond[task.url] = (known[1], known[2])
        q = self._queues.get(host)
        if q is None:
            q = self._queues[host] = queue.Queue()
            t = threading.Thread(target=self._worker, args=(q,), name=f"fetch-{host}", daemon=True)
            t.start()
            self._threads.append(t)
        q.put(task)

    def _worker(self, q: queue.Queue[_Task | None]) -> None:
        while True:
            task = q.get()
            if task is None:
                return
            etag = last_modified = None
            if task.mode == "conditional":
                known = self._cond.get(task.url)
                if known:
                    etag, last_modified = known
            try:
                self._results.put(
                    _Outcome(task, result=self.fetcher.get(task.url, etag=etag, last_modified=last_modified))
                )
            except HarvesterError as exc:
                self._results.put(_Outcome(task, error=exc))
            except Exception as exc:  # a bug in one fetch must not hang the run waiting for its result
                self._results.put(
                    _Outcome(task, error=FetchError(f"internal error: {exc!r}", source=task.url))
                )

    def _stop_workers(self) -> None:
        for q in self._queues.values():
            q.put(None)
        for t in self._threads:
            t.join(timeout=5)

    # -- handling results -------------------------------------------------------------------------------

    def _handle(self, outcome: _Outcome, offline_read: bool = False) -> None:
        task = outcome.task
        self._flush_robots()
        if outcome.error is not None:
            self._fail(task, outcome.error)
        else:
            known = self._known(task.url)
            res = outcome.result
            if offline_read or (res is not None and res.not_modified):
                sha = known[3] if known else None
                if not sha or not self.archive.has(sha):
                    # the bytes a 304 refers to are gone from the archive: ask again, unconditionally
                    with self.store.transaction():
                        self.store.conn.execute(
                            "UPDATE crawl_frontier SET mode = 'fetch' WHERE seq = ?", (task.seq,)
                        )
                    task.mode = "fetch"
                    self._dispatch(task)
                    return
                data, changed, ctype = self.archive.get(sha), False, None
                if res is not None:
                    self._count("not_modified")
            else:
                assert res is not None
                ctype = res.content_type
                data = res.content
                sha = self.archive.put(data, {"url": task.url, **res.meta()}, media_type=ctype)
                changed = not (known and known[3] == sha)
                if task.kind != "list":
                    self._count("documents_downloaded")
                    self._count(
                        "documents_new"
                        if not known or not known[3]
                        else ("documents_changed" if changed else "documents_unchanged")
                    )
            if task.kind == "list":
                self._handle_list(task, data, sha, res, ctype, changed)
            else:
                self._handle_document(task, data, sha, res, ctype, changed)
        self._handled += 1
        if self.opts.crash_after is not None and self._handled >= self.opts.crash_after:
            raise _Crash()

    def _record_url(
        self,
        task: _Task,
        status: str,
        res: FetchResult | None,
        sha: str | None,
        error: str | None = None,
        title: str | None = None,
    ) -> None:
        src = self.sources.get(task.source)
        conn = self.store.conn
        if res is not None and res.status == 200:
            conn.execute(
                "INSERT OR REPLACE INTO crawl_urls(url, source, kind, status, http_status, etag, last_modified,"
                " sha256, content_type, title, level, region_code, error, checked_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    task.url,
                    task.source,
                    task.kind,
                    status,
                    res.status,
                    res.etag,
                    res.last_modified,
                    sha,
                    res.content_type,
                    title or task.title,
                    task.level,
                    src.region_code if src else None,
                    error,
                    _now(),
                ),
            )
        elif self._known(task.url):
            conn.execute(
                "UPDATE crawl_urls SET status = CASE WHEN ? = 'failed' THEN status ELSE ? END, error = ?,"
                " checked_at = ?, http_status = COALESCE(?, http_status) WHERE url = ?",
                (status, status, error, _now(), res.status if res else None, task.url),
            )
        else:
            conn.execute(
                "INSERT INTO crawl_urls(url, source, kind, status, title, level, region_code, error, checked_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    task.url,
                    task.source,
                    task.kind,
                    status,
                    task.title,
                    task.level,
                    src.region_code if src else None,
                    error,
                    _now(),
                ),
            )

    def _done(self, task: _Task, state: str = "done", reason: str | None = None) -> None:
        self.store.conn.execute(
            "UPDATE crawl_frontier SET state = ?, reason = ? WHERE seq = ?", (state, reason, task.seq)
        )

    def _fail(self, task: _Task, error: HarvesterError) -> None:
        host = host_of(task.url)
        if isinstance(error, HostBlocked):
            reason = "blocked"
        elif isinstance(error, BlockedByPolicy):
            reason = "robots" if "robots" in str(error) else "policy"
        else:
            reason = " ".join(str(error).split())[:80]
        self._failures[host][reason] += 1
        if reason != "robots" or (task.page <= 1 and task.kind == "list"):
            self._failed_sources.add(task.source)
        if reason in ("robots", "policy"):
            self._count("robots_skipped" if reason == "robots" else "policy_skipped")
        with self.store.transaction():
            self._record_url(task, "failed", None, None, error.one_line())
            self._done(task, "failed", reason)

    def _handle_list(
        self, task: _Task, data: bytes, sha: str, res: FetchResult | None, ctype: str | None, changed: bool
    ) -> None:
        links = discover.discover_list(
            task.url, data, task.family, content_type=ctype, level=task.level, selector=task.selector
        )
        with self.store.transaction():
            if res is not None and res.status == 200:
                self._record_url(task, "ok", res, sha)
            for link in links:
                self._add(task.source, link, task.family, task.selector, parent_changed=changed)
            self._done(task)

    def _handle_document(
        self, task: _Task, data: bytes, sha: str, res: FetchResult | None, ctype: str | None, changed: bool
    ) -> None:
        title = task.title
        files: list[discover.Link] = []
        if task.kind == "page":
            page_title, files = discover.discover_article(task.url, data, content_type=ctype)
            title = title or page_title
            if not discover.is_report_title(title):
                with self.store.transaction():
                    if res is not None:
                        self._record_url(task, "notreport", res, sha, title=page_title)
                    self._done(task, "done", "not a report")
                return
        report: Report | None = None
        error = None
        if res is None or changed or not self._ingested(sha):
            try:
                report = self.extract(data, task.url)
            except HarvesterError as exc:
                error = exc.one_line()
                self._failures[host_of(task.url)]["unreadable"] += 1
            except Exception as exc:  # a bug in one extractor must not end a whole harvest
                error = f"extraction failed: {exc!r}"[:300]
                self._failures[host_of(task.url)]["extraction error"] += 1
        if report is not None:
            apply_hints(report, title, task.level, self.sources.get(task.source))
        with self.store.transaction():
            for f in files:
                self._add(
                    task.source,
                    discover.Link(f.url, "file", title, level=task.level),
                    task.family,
                    None,
                    parent_changed=True,
                    from_list=False,
                )
            # a page that only wraps its attachments ("详见附件") is not itself the report's document
            if report is not None and not (files and not report.figures):
                info = DocumentInfo(
                    sha256=sha,
                    size=len(data),
                    media_type=report.media_type or ctype,
                    url=task.url,
                    fetch={
                        **(res.meta() if res else {}),
                        "archive_path": str(self.archive.path(sha).resolve()),
                    },
                )
                outcome = self.store.ingest(report, info)
                if outcome.new_report:
                    self._count("reports_added")
            if res is not None:
                self._record_url(task, "unreadable" if error else "ok", res, sha, error, title)
            self._done(task)

    def _ingested(self, sha: str) -> bool:
        return bool(self.store.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha,)).fetchone())

    def _count(self, key: str, n: int = 1) -> None:
        self.stats[key] = self.stats.get(key, 0) + n

    # -- the end ----------------------------------------------------------------------------------------

    def _finish(self, run_id: int, resumed: bool) -> RunResult:
        conn = self.store.conn
        listed: dict[str, int] = dict.fromkeys(self.sources, 0)
        for source, n in conn.execute(
            "SELECT source, COUNT(*) FROM crawl_frontier WHERE listed = 1 GROUP BY source"
        ):
            listed[source] = n
        # failures recorded before an interruption still count against their sources
        for source, reason in conn.execute(
            "SELECT source, reason FROM crawl_frontier WHERE state = 'failed'"
        ):
            if reason != "robots":
                self._failed_sources.add(source)
        warnings: list[str] = []
        previous = {s: n for s, n in conn.execute("SELECT source, reports FROM crawl_source_counts")}
        for source, n in listed.items():
            if n == 0 and previous.get(source, 0) > 0:
                warnings.append(
                    f"source {source} listed {previous[source]} reports before and none now: the site may have changed"
                )
        requests = sum(self.fetcher.requests.values())
        stats = {
            "requests": requests,
            "requests_by_host": dict(self.fetcher.requests),
            "pages_fetched": self.fetcher.by_status.get(200, 0),
            "not_modified": self.fetcher.by_status.get(304, 0),
            "documents_downloaded": self.stats.get("documents_downloaded", 0),
            "documents_new": self.stats.get("documents_new", 0),
            "documents_changed": self.stats.get("documents_changed", 0),
            "reports_added": self.stats.get("reports_added", 0),
            "reports_listed": listed,
            "robots_skipped": self.stats.get("robots_skipped", 0),
            "failures": {h: dict(c) for h, c in self._failures.items() if sum(c.values())},
            "blocked_hosts": dict(self.fetcher.blocked),
            "sources_failed": sorted(self._failed_sources),
            "warnings": warnings,
            "resumed": resumed,
        }
        status = "partial" if self._failed_sources else "ok"
        with self.store.transaction():
            for source, n in listed.items():
                if source not in self._failed_sources or n > 0:
                    conn.execute(
                        "INSERT OR REPLACE INTO crawl_source_counts(source, reports, run_id, updated_at)"
                        " VALUES (?, ?, ?, ?)",
                        (source, n, run_id, _now()),
                    )
            conn.execute("DELETE FROM crawl_frontier")
            self._set_meta("active_run", None)
            self._flush_robots()
        self.store.finish_run(run_id, stats, status)
        return RunResult(
            run_id, status, EXIT_SOURCES_FAILED if self._failed_sources else EXIT_OK, stats, warnings
        )


def _named_ip_hosts(hosts: set[str]) -> set[str]:
    """Hosts given as IP literals: a source or --start-url that names 127.0.0.1 means it."""
    import ipaddress

    out = set()
    for h in hosts:
        name = h.rsplit(":", 1)[0].strip("[]") if h.count(":") <= 1 or h.startswith("[") else h
        try:
            ipaddress.ip_address(name)
        except ValueError:
            continue
        out.add(h)
    return out


def apply_hints(report: Report, title: str | None, level: str | None, source: Source | None) -> None:
    """Fill what the document did not say from what the crawl knows: link title, column level, body."""
    ident = report.identity
    if title and not ident.title:
        ident.title = title
    if ident.year is None and title:
        ident.year = discover.report_year(title)
    if source is not None and source.region_code and not ident.region_code:
        ident.region_code = source.region_code
    if not ident.level:
        ident.level = level or (discover.level_hint(title or "") if title else None)
    if not ident.issuer and title:
        issuer = title.split(str(ident.year), 1)[0].strip() if ident.year else ""
        if issuer:
            ident.issuer = issuer


def harvest(
    sources: list[Source], options: HarvestOptions, log: Callable[[str], None] | None = None
) -> RunResult:
    return Harvester(sources, options, log=log).run()


def crawl_hints(store: Store) -> dict[str, tuple[str | None, str | None, str | None]]:
    """url -> (title, level, region_code) as the crawl saw them; re-extraction applies them again."""
    ensure_tables(store)
    rows = store.conn.execute("SELECT url, title, level, region_code FROM crawl_urls WHERE status = 'ok'")
    return {u: (t, lv, rc) for u, t, lv, rc in rows}


def check_sources(
    sources: list[Source],
    *,
    delay: float = 1.0,
    echo: Callable[[str], None] = print,
    transport: httpx.BaseTransport | None = None,
    max_lists: int = 30,
) -> int:
    """Walk each source's list pages only (no articles, no database) and say how many reports it lists."""
    from concurrent.futures import ThreadPoolExecutor

    allowed: set[str] = set()
    for s in sources:
        allowed |= s.allowed_hosts()
    policy = FetchPolicy(
        allowed_hosts=allowed, trusted_hosts=_named_ip_hosts(allowed), delay=delay, retries=1
    )

    def one(fetcher: Fetcher, source: Source) -> tuple[str, int, str | None]:
        todo = [(c.url, c.family or source.family, c.level, c.selector) for c in source.columns]
        seen: set[str] = set()
        reports: set[str] = set()
        error = None
        while todo and len(seen) < max_lists:
            url, family, level, selector = todo.pop(0)
            if url in seen:
                continue
            seen.add(url)
            try:
                res = fetcher.get(url)
            except HarvesterError as exc:
                error = error or exc.one_line()
                continue
            for link in discover.discover_list(
                url, res.content, family, content_type=res.content_type, level=level, selector=selector
            ):
                if link.kind == "list":
                    todo.append((link.url, family, link.level, selector))
                elif discover.is_report_title(link.title):
                    reports.add(link.url)
        return source.id, len(reports), error

    failed = 0
    with (
        Fetcher(policy, transport=transport) as fetcher,
        ThreadPoolExecutor(max_workers=min(16, len(sources) or 1)) as pool,
    ):
        for sid, n, error in pool.map(lambda s: one(fetcher, s), sources):
            ok = n > 0
            failed += not ok
            echo(
                f"{sid:<24} {'ok' if ok else 'FAIL'} {n:>4} reports listed"
                + (f"  ({error})" if error else "")
            )
    return EXIT_SOURCES_FAILED if failed else EXIT_OK
