"""Shared helpers of the reliability tests.

The fault-injecting server itself is `report_harvester.crawl.faults.FaultySites` (reusable by the
benchmarks); this module holds what only tests need: a network guard that fails any connection or DNS
lookup leaving 127.0.0.1, a canonical dump of a database's content for comparisons, and site
profiles rebased onto the stand-in ports for `report-harvester harvest` subprocesses.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from report_harvester.crawl.sources import Source

ROOT = Path(__file__).resolve().parents[1]
SITES = ROOT / "fixtures" / "sites"
LOCAL = {"127.0.0.1", "::1", "localhost"}
SLOW = bool(os.environ.get("RH_SLOW"))


class NetViolation(AssertionError):
    pass


@contextmanager
def net_guard() -> Iterator[list[str]]:
    """Refuse (and record) every connect or name lookup that is not loopback."""
    violations: list[str] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_gai = socket.getaddrinfo

    def _check(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0] if isinstance(address, tuple) else str(address)
            if host not in LOCAL:
                violations.append(f"connect {address}")
                raise NetViolation(f"connection outside 127.0.0.1 refused: {address}")

    def connect(sock: socket.socket, address: Any) -> None:
        _check(sock, address)
        real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        _check(sock, address)
        return real_connect_ex(sock, address)

    def getaddrinfo(host: Any, *args: Any, **kw: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and name not in LOCAL:
            violations.append(f"resolve {name}")
            raise NetViolation(f"name lookup outside 127.0.0.1 refused: {name}")
        return real_gai(host, *args, **kw)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo
    try:
        yield violations
    finally:
        socket.socket.connect = real_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = real_connect_ex  # type: ignore[method-assign]
        socket.getaddrinfo = real_gai


def _noport(row: tuple[Any, ...]) -> tuple[Any, ...]:
    import re

    return tuple(re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1", v) if isinstance(v, str) else v for v in row)


def content(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What a database knows, without run records, timestamps, row ids or fetch times.

    Documents are named by sha256, reports by body key and year, so two databases built in different
    orders compare equal when they hold the same things.
    """
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        docs = dict(c.execute("SELECT id, sha256 FROM documents"))
        return {
            "bodies": sorted(c.execute("SELECT key, region_code, name, former_names, level FROM bodies")),
            "reports": sorted(
                c.execute(
                    "SELECT b.key, r.year, r.era, r.title, r.issuer FROM reports r JOIN bodies b ON b.id = r.body_id"
                )
            ),
            "documents": sorted(
                map(
                    _noport,
                    c.execute(
                        "SELECT d.sha256, d.url, d.path, d.media_type, d.size, d.source, d.notes, d.extraction_hash,"
                        " b.key, r.year FROM documents d JOIN reports r ON r.id = d.report_id"
                        " JOIN bodies b ON b.id = r.body_id"
                    ),
                ),
                key=repr,
            ),
            "figures": sorted(
                (
                    (docs[d], *rest)
                    for d, *rest in c.execute(
                        "SELECT f.document_id, m.key, f.dimension, f.value, f.unit, f.approx, f.preferred,"
                        " f.evidence, f.span_start, f.span_end, f.cell_row, f.cell_col, f.method"
                        " FROM figures f JOIN metrics m ON m.id = f.metric_id"
                    )
                ),
                key=repr,
            ),
            "findings": sorted(
                (
                    (docs.get(d), check, name, _doc_ids(detail, docs), _doc_ids(numbers, docs))
                    for d, check, name, detail, numbers in c.execute(
                        "SELECT document_id, check_id, name, detail, numbers FROM findings"
                    )
                ),
                key=repr,
            ),
        }
    finally:
        c.close()


def _doc_ids(text: str, docs: dict[int, str]) -> str:
    """Merge findings name documents by row id ("document 7"); name them by digest instead."""
    import re

    return re.sub(r"document (\d+)", lambda m: "document " + docs.get(int(m.group(1)), "?")[:12], text)


def integrity(db: Path) -> str:
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return str(c.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        c.close()


def write_sources(sources: list[Source], directory: Path) -> Path:
    """Site profiles as TOML, for `report-harvester harvest --sources-dir` in a subprocess."""
    directory.mkdir(parents=True, exist_ok=True)
    for i, s in enumerate(sources):
        lines = [
            f"id = {json.dumps(s.id)}",
            f"body = {json.dumps(s.body)}",
            f"family = {json.dumps(s.family)}",
        ]
        if s.region_code:
            lines.append(f"region_code = {json.dumps(s.region_code)}")
        if s.hosts:
            lines.append(f"hosts = {json.dumps(sorted(s.hosts))}")
        for col in s.columns:
            lines.append("[[columns]]")
            lines.append(f"url = {json.dumps(col.url)}")
            for key in ("level", "family", "selector"):
                value = getattr(col, key)
                if value is not None:
                    lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        if s.report_views:
            lines.append("[report_views]")
            lines.append(f"url = {json.dumps(s.report_views)}")
            lines.append(f"first_year = {s.first_year}")
        (directory / f"{i:02d}_{s.id}.toml").write_text("\n".join(lines) + "\n", "utf-8")
    return directory


# -- the soak: a harvest through injected faults, then a clean re-run ------------------------------


def expected_reports() -> dict[str, list[str]]:
    data = json.loads((SITES / "_expected.json").read_text("utf-8"))
    return {host: list(v["reports"]) for host, v in data.items()}


def url_states(db: Path, hostmap: dict[str, str]) -> dict[tuple[str, str], tuple[str, str, str | None]]:
    """(real host, path?query) -> (kind, status, error) from the crawl's bookkeeping."""
    from urllib.parse import urlsplit

    back = {v: k for k, v in hostmap.items()}
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = c.execute("SELECT url, kind, status, error FROM crawl_urls").fetchall()
    finally:
        c.close()
    out = {}
    for url, kind, status, error in rows:
        p = urlsplit(url)
        out[(back.get(p.netloc, p.netloc), p.path + (f"?{p.query}" if p.query else ""))] = (
            kind,
            status,
            error,
        )
    return out


def harvest_options(tmp: Path, **kw: Any) -> Any:
    from report_harvester.crawl.harvest import HarvestOptions

    base: dict[str, Any] = {"delay": 0, "backoff": 0.01, "timeout": 0.4, "retries": 3, "max_bytes": 4 << 20}
    base.update(kw)
    return HarvestOptions(db=tmp / "r.db", data_dir=tmp, **base)


def reference_db(tmp: Path) -> Path:
    """A fault-free harvest of the stand-in sites."""
    from report_harvester.crawl.harvest import harvest
    from report_harvester.crawl.sources import load_sources, rebase
    from report_harvester.crawl.standin import StandinSites

    with StandinSites(SITES) as sites:
        harvest(
            rebase(load_sources(SITES / "_sources"), sites.hostmap), harvest_options(tmp), log=lambda m: None
        )
        (tmp / "hostmap.json").write_text(json.dumps(sites.hostmap), "utf-8")
    return tmp / "r.db"


def stored_urls(reference: Path) -> set[tuple[str, str]]:
    """(real host, path) of every page or file the reference run read successfully."""
    hostmap = json.loads((reference.parent / "hostmap.json").read_text("utf-8"))
    return {
        k
        for k, (kind, status, _e) in url_states(reference, hostmap).items()
        if kind != "list" and status == "ok"
    }


def soak_once(seed: int, tmp: Path, reference: Path, rate: float = 0.2) -> dict[str, Any]:
    """Harvest through `rate` random faults, check the bookkeeping, re-run clean, compare with `reference`.

    Raises AssertionError on any lost report, unexplained state or difference; returns the figures.
    """
    from report_harvester.crawl.faults import KINDS, FaultySites
    from report_harvester.crawl.harvest import harvest
    from report_harvester.crawl.sources import load_sources, rebase

    with net_guard() as violations, FaultySites(SITES, rate=rate, seed=seed, kinds=KINDS, stall=0.8) as sites:
        sources = rebase(load_sources(SITES / "_sources"), sites.hostmap)
        first = harvest(sources, harvest_options(tmp), log=lambda m: None)
        injected = sum(sites.injected.values())
        requests_1 = sites.requests
        assert integrity(tmp / "r.db") == "ok"
        states = url_states(tmp / "r.db", sites.hostmap)
        # hosts with a failed list, page or robots.txt: what those would have linked to was never seen
        failed_hosts = {h for (h, _p), (_k, status, _e) in states.items() if status == "failed"}
        failed_hosts |= {h for h, a in sites.hostmap.items() if a in first.stats["blocked_hosts"]}
        lost = []
        for key in sorted(stored_urls(reference)):
            state = states.get(key)
            if state and state[1] == "ok":
                continue
            if state and state[1] == "failed" and state[2]:
                continue  # recorded as failed, with its reason
            if state is None and key[0] in failed_hosts:
                continue  # never discovered: what links to it failed (and says so)
            lost.append((key, state))
        assert not lost, f"reports neither stored nor recorded as failed: {lost}"
        failed_1 = {k for k, (kind, status, _e) in states.items() if status == "failed" and kind != "list"}
        ok_1 = {
            k for k, (kind, status, _e) in states.items() if status in ("ok", "notreport") and kind != "list"
        }

        sites.enabled = False
        start = len(sites.log)
        second = harvest(sources, harvest_options(tmp), log=lambda m: None)
        back = {v: k for k, v in sites.hostmap.items()}
        fetched_2 = {(h.host, h.path) for h in sites.log[start:] if h.status == 200}
        refetched = fetched_2 & ok_1
        assert not refetched, f"second run downloaded documents the first had stored: {refetched}"
        retried = {k for k in failed_1 if k in {(h.host, h.path) for h in sites.log[start:]}}
        states_2 = url_states(tmp / "r.db", sites.hostmap)
        # a failed URL is asked again unless its host is refused for good (the WAF stand-in) or robots says no
        not_retried = {
            k
            for k in failed_1 - retried
            if not (states_2.get(k, ("", "", ""))[2] or "").endswith(
                ("robots.txt", "(Ruishu, HTTP 412 $_ts)")
            )
        }
        assert not not_retried, f"second run did not retry: {not_retried}"
        assert integrity(tmp / "r.db") == "ok"
        got, want = content(tmp / "r.db"), content(reference)
        for table in want:
            if got[table] != want[table]:
                extra = [r for r in got[table] if r not in want[table]][:3]
                missing = [r for r in want[table] if r not in got[table]][:3]
                raise AssertionError(
                    f"{table} differs from the fault-free run (seed {seed}): extra {extra} missing {missing}"
                )
        assert not violations, violations
        del back
    return {
        "seed": seed,
        "requests": requests_1,
        "faults_injected": injected,
        "faults_by_kind": dict(sites.injected),
        "urls_failed_first_run": len(failed_1),
        "retried_second_run": len(retried),
        "documents": len(want["documents"]),
        "reports_lost": 0,
        "first_status": first.status,
        "second_requests": second.stats["requests"],
    }
