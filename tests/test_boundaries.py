"""Boundaries: what the crawler may reach, where the archive may write, how SQL is built, who may read.

Also each fault kind of crawl/faults.py against the Fetcher, under a guard that fails any connection
or name lookup leaving 127.0.0.1.
"""

from __future__ import annotations

import ast
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from faultserver import ROOT, SITES, content, harvest_options, net_guard, reference_db
from report_harvester.crawl.archive import Archive
from report_harvester.crawl.faults import PERMANENT, TRANSIENT, WAF, FaultySites
from report_harvester.crawl.fetch import Fetcher, FetchPolicy
from report_harvester.crawl.harvest import harvest
from report_harvester.crawl.sources import load_sources, rebase
from report_harvester.errors import BlockedByPolicy, FetchError, HostBlocked, StoreError

DOC = ("www.myfc.gov.cn", "/zwgk/zfxxgknb/201503/t20150325_7010.html")


@pytest.fixture(scope="module")
def guard() -> Iterator[list[str]]:
    with net_guard() as violations:
        yield violations
    assert not violations, violations


def _fetcher(sites: FaultySites, **kw: object) -> Fetcher:
    hosts = set(sites.hostmap.values())
    opts: dict[str, object] = {
        "delay": 0,
        "backoff": 0.01,
        "timeout": 0.4,
        "max_bytes": 2 << 20,
        "max_backoff": 2,
    }
    opts.update(kw)
    return Fetcher(FetchPolicy(allowed_hosts=hosts, trusted_hosts=hosts, **opts))  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", TRANSIENT)
def test_transient_fault_is_retried_to_the_real_content(guard: list[str], kind: str) -> None:
    with FaultySites(SITES, rules={DOC[1]: [kind, kind]}, stall=0.8) as sites:
        with _fetcher(sites) as f:
            clean = f.get(sites.url(*DOC)).content
        with _fetcher(sites) as f:
            pass
        sites.rules = {DOC[1]: [kind, kind]}
        t0 = time.monotonic()
        with _fetcher(sites) as f:
            res = f.get(sites.url(*DOC))
        assert res.status == 200 and res.content == clean
        assert sites.injected[kind] == 4
        if "retry" in kind:
            assert time.monotonic() - t0 >= 1.5  # Retry-After: 1, twice, honoured


@pytest.mark.parametrize("kind", PERMANENT + WAF)
def test_permanent_fault_fails_cleanly_and_stays_inside(guard: list[str], kind: str) -> None:
    with FaultySites(SITES, rules={DOC[1]: [kind + "*"]}) as sites, _fetcher(sites) as f:
        t0 = time.monotonic()
        with pytest.raises(FetchError) as info:
            f.get(sites.url(*DOC))
        assert time.monotonic() - t0 < 10
        if kind.startswith("redirect-") and kind != "redirect-loop":
            assert isinstance(info.value, BlockedByPolicy)
        if kind in WAF:
            assert isinstance(info.value, HostBlocked)


def test_wrong_charset_header_does_not_garble_the_page(guard: list[str]) -> None:
    from report_harvester.crawl import discover

    with FaultySites(SITES, rules={DOC[1]: ["wrong-charset"]}) as sites, _fetcher(sites) as f:
        res = f.get(sites.url(*DOC))
        title, _files = discover.discover_article(res.url, res.content, content_type=res.content_type)
    assert "gbk" in (res.content_type or "") and discover.is_report_title(title)


def test_trickling_body_hits_the_total_deadline(guard: list[str]) -> None:
    with (
        FaultySites(SITES, rules={DOC[1]: ["trickle*"]}) as sites,
        _fetcher(sites, total_timeout=1.5, retries=0) as f,
    ):
        t0 = time.monotonic()
        with pytest.raises(FetchError, match=r"too slow"):
            f.get(sites.url(*DOC))
        assert time.monotonic() - t0 < 10


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://www.anzhou.gov.cn/x",
        "gopher://www.anzhou.gov.cn/",
        "data:text/html,hi",
        "javascript:alert(1)",
        "http://www.example.com/",
        "http://user:pw@www.anzhou.gov.cn/",
        "http://www.anzhou.gov.cn.evil.com/",
        "http://evil.com\\@www.anzhou.gov.cn/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://2130706433/",
        "http://127.0.0.1:1/",
    ],
)
def test_policy_refuses(url: str) -> None:
    policy = FetchPolicy(allowed_hosts={"www.anzhou.gov.cn"}, delay=0)
    with Fetcher(policy, resolver=lambda h: ["93.184.216.34"]) as f, pytest.raises(BlockedByPolicy):
        f.check_url(url)


@pytest.mark.parametrize(
    "addr",
    ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.0.9", "169.254.169.254", "::1", "fd00::1", "0.0.0.0"],
)
def test_allowed_host_at_private_address_needs_naming(addr: str) -> None:
    policy = FetchPolicy(allowed_hosts={"www.anzhou.gov.cn"}, delay=0)
    with Fetcher(policy, resolver=lambda h: [addr]) as f, pytest.raises(BlockedByPolicy, match="private"):
        f.check_url("http://www.anzhou.gov.cn/")
    trusted = FetchPolicy(allowed_hosts={"www.anzhou.gov.cn"}, trusted_hosts={"www.anzhou.gov.cn"}, delay=0)
    with Fetcher(trusted, resolver=lambda h: [addr]) as f:
        f.check_url("http://www.anzhou.gov.cn/")


def test_robots_redirect_off_site_is_not_remembered(guard: list[str]) -> None:
    saved: list[tuple[str, str]] = []
    with FaultySites(SITES, rules={"/robots.txt": ["redirect-other-site"]}) as sites:
        hosts = set(sites.hostmap.values())
        policy = FetchPolicy(allowed_hosts=hosts, trusted_hosts=hosts, delay=0, backoff=0.01)
        with (
            Fetcher(policy, on_robots=lambda h, t: saved.append((h, t))) as f,
            pytest.raises(BlockedByPolicy),
        ):
            f.get(sites.url(*DOC))
        assert saved == []  # disallowed for this run only; the next run asks again
        with Fetcher(policy, on_robots=lambda h, t: saved.append((h, t))) as f:
            assert f.get(sites.url(*DOC)).status == 200


def test_failed_attachment_is_fetched_by_the_next_run(guard: list[str], tmp_path: Path) -> None:
    pdf = "/group1/M00/00/0A/rBAAAWYx2024nb.pdf"
    with FaultySites(SITES, rules={f"www.anzhou.gov.cn{pdf}": ["redirect-other-site*"]}) as sites:
        sources = rebase(load_sources(SITES / "_sources", ["anzhou"]), sites.hostmap)
        harvest(sources, harvest_options(tmp_path), log=lambda m: None)
        with sqlite3.connect(tmp_path / "r.db") as c:
            assert c.execute("SELECT status FROM crawl_urls WHERE url LIKE ?", (f"%{pdf}",)).fetchone() == (
                "failed",
            )
        sites.rules = {}
        harvest(sources, harvest_options(tmp_path), log=lambda m: None)
        with sqlite3.connect(tmp_path / "r.db") as c:
            assert c.execute("SELECT status FROM crawl_urls WHERE url LIKE ?", (f"%{pdf}",)).fetchone() == (
                "ok",
            )
            assert c.execute("SELECT COUNT(*) FROM documents WHERE url LIKE ?", (f"%{pdf}",)).fetchone() == (
                1,
            )


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "/etc/passwd", "A" * 64, "0" * 63, "0" * 64 + "/..", "", "..\\x"]
)
def test_archive_names_cannot_escape(tmp_path: Path, name: str) -> None:
    archive = Archive(tmp_path / "data" / "archive")
    with pytest.raises(StoreError):
        archive.path(name)
    sha = archive.put(b"x", {"url": "http://a/../../../etc/passwd"})
    assert archive.path(sha).resolve().is_relative_to((tmp_path / "data" / "archive").resolve())


# execute() calls whose SQL is not a literal: each was read; only identifiers from code and "?" marks
# are interpolated, values always go as parameters
_DYNAMIC_SQL_REVIEWED = {
    ("cli_db.py", "sql + ' ORDER BY code, body, year'"),
    ("compare.py", "sql"),
    ("compare.py", "f'SELECT id, region_code, name, level, former_names FROM bodies WHERE id IN ({marks})'"),
    ("export.py", "sql"),
    ("schema.py", "statement"),
    ("schema.py", "f'PRAGMA user_version = {version + 1}'"),
    # migration 3: view names come from a fixed IN (...) list, view SQL from sqlite_master itself
    ("schema.py", "f'DROP VIEW {name}'"),
    ("schema.py", "sql"),
    ("store.py", "f'SELECT COUNT(*) FROM {t}'"),
}


def test_sql_is_built_only_with_parameters() -> None:
    found = set()
    for path in sorted((ROOT / "src").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("execute", "executemany", "executescript")
                and node.args
            ):
                arg = node.args[0]
                if isinstance(arg, ast.Constant) or (isinstance(arg, ast.Name) and arg.id.isupper()):
                    continue
                found.add((path.name, ast.unparse(arg)))
    assert found <= _DYNAMIC_SQL_REVIEWED, (
        f"new SQL built from strings; review and use parameters: {found - _DYNAMIC_SQL_REVIEWED}"
    )


def test_hostile_strings_are_stored_verbatim(tmp_path: Path) -> None:
    from report_harvester import api
    from report_harvester.models import DocumentInfo
    from report_harvester.store import Store

    evil = "某县'); DROP TABLE reports;-- 2023年政府信息公开工作年度报告"
    report = api.extract_bytes(f"{evil}\n全年收到政府信息公开申请26件。".encode(), "x.txt")
    report.identity.title = evil
    with Store.open(tmp_path / "r.db") as store:
        store.ingest(
            report, DocumentInfo(sha256=report.sha256 or "", size=1, media_type="text/plain", path=evil)
        )
        assert store.conn.execute("SELECT title FROM reports").fetchone() == (evil,)


def test_database_readable_by_another_reader_while_harvest_writes(guard: list[str], tmp_path: Path) -> None:
    reads: list[int] = []
    errors: list[str] = []
    done = threading.Event()
    with FaultySites(SITES) as sites:
        sources = rebase(load_sources(SITES / "_sources"), sites.hostmap)
        worker = threading.Thread(
            target=lambda: (harvest(sources, harvest_options(tmp_path), log=lambda m: None), done.set())
        )
        worker.start()
        db = tmp_path / "r.db"
        while not done.is_set():
            if db.exists():
                try:  # as Datasette opens a database it does not own: read-only
                    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
                    reads.append(c.execute("SELECT COUNT(*) FROM figures").fetchone()[0])
                    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
                    c.close()
                except sqlite3.OperationalError as exc:
                    if "no such table" not in str(exc):
                        errors.append(str(exc))
            time.sleep(0.01)
        worker.join()
    assert not errors, errors[:5]
    assert len(reads) > 20 and reads == sorted(reads) and reads[-1] > 0


def test_reference_harvest_is_deterministic(tmp_path: Path) -> None:
    """The comparisons above rely on it: two fault-free harvests hold the same content."""
    a = reference_db(tmp_path / "a")
    b = reference_db(tmp_path / "b")
    assert content(a) == content(b)
