"""Whole harvests of the stand-in sites over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from report_harvester.cli import cli
from report_harvester.crawl.harvest import EXIT_LOCKED, HarvestOptions, RunLocked, harvest, run_lock
from report_harvester.crawl.sources import load_sources, rebase, start_url_source
from report_harvester.crawl.standin import StandinSites

SITES = Path(__file__).resolve().parents[1] / "fixtures" / "sites"
EXPECTED = json.loads((SITES / "_expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def sites() -> Iterator[StandinSites]:
    with StandinSites(SITES) as s:
        yield s


def _opts(tmp: Path, **kw: object) -> HarvestOptions:
    return HarvestOptions(db=tmp / "r.db", data_dir=tmp, delay=0, backoff=0.01, **kw)  # type: ignore[arg-type]


def _sources(sites: StandinSites) -> list:  # type: ignore[type-arg]
    return rebase(load_sources(SITES / "_sources"), sites.hostmap)


def _host(sites: StandinSites, url: str) -> str:
    back = {v: k for k, v in sites.hostmap.items()}
    return back[urlsplit(url).netloc]


def _path(url: str) -> str:
    p = urlsplit(url)
    return p.path + (f"?{p.query}" if p.query else "")


def _fetched(db: Path, sites: StandinSites) -> set[tuple[str, str]]:
    with sqlite3.connect(db) as c:
        rows = c.execute("SELECT url FROM crawl_urls WHERE status = 'ok' AND kind != 'list'").fetchall()
    return {(_host(sites, u), _path(u)) for (u,) in rows}


def _snapshot(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as c:
        return {
            "documents": sorted(r[0] for r in c.execute("SELECT sha256 FROM documents")),
            "reports": sorted(
                c.execute("SELECT b.key, r.year FROM reports r JOIN bodies b ON b.id = r.body_id")
            ),
            "figures": c.execute("SELECT COUNT(*), SUM(value) FROM figures").fetchone(),
            "findings": c.execute("SELECT COUNT(*) FROM findings").fetchone(),
        }


@pytest.fixture(scope="module")
def first_run(sites: StandinSites, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object, int]:
    tmp = tmp_path_factory.mktemp("h1")
    start = len(sites.log)
    result = harvest(_sources(sites), _opts(tmp), log=lambda m: None)
    return tmp, result, start


def test_every_report_found_and_no_non_report_fetched(sites: StandinSites, first_run: tuple) -> None:  # type: ignore[type-arg]
    tmp, result, start = first_run
    fetched = _fetched(tmp / "r.db", sites) | {(h.host, h.path) for h in sites.log[start:] if h.status == 200}
    for host, exp in EXPECTED.items():
        for path in exp["reports"]:
            assert (host, path) in fetched, f"report not fetched: {host}{path}"
    requested = {(h.host, h.path) for h in sites.log[start:]}
    for host, exp in EXPECTED.items():
        for path in exp["never"]:
            assert (host, path) not in requested, f"non-report or forbidden URL requested: {host}{path}"
    with sqlite3.connect(tmp / "r.db") as c:
        urls = [u for (u,) in c.execute("SELECT url FROM documents")]
    assert not any("解读" in u for u in urls)
    assert result.stats["documents_new"] >= sum(len(e["reports"]) for e in EXPECTED.values())


def test_blocked_host_reported_not_hammered(sites: StandinSites, first_run: tuple) -> None:  # type: ignore[type-arg]
    _tmp, result, start = first_run
    pingwu = sites.hostmap["www.pingwu.gov.cn"]
    assert "412" in result.stats["blocked_hosts"][pingwu]
    assert sum(h.host == "www.pingwu.gov.cn" for h in sites.log[start:]) <= 2
    assert result.exit_code == 3 and "pingwu" in result.stats["sources_failed"]
    assert result.stats["robots_skipped"] >= 1


def test_second_run_only_conditional_list_requests(sites: StandinSites, first_run: tuple) -> None:  # type: ignore[type-arg]
    tmp, first, _start = first_run
    start = len(sites.log)
    second = harvest(_sources(sites), _opts(tmp), log=lambda m: None)
    hits = [h for h in sites.log[start:] if h.host != "www.pingwu.gov.cn"]
    assert second.stats["documents_downloaded"] == 0
    assert all(h.conditional and h.status == 304 for h in hits), hits
    assert second.stats["requests"] <= 0.1 * first.stats["requests"]  # type: ignore[attr-defined]
    assert second.stats["reports_listed"] == first.stats["reports_listed"]  # type: ignore[attr-defined]
    assert not second.warnings


@pytest.mark.parametrize("crash_after", [3, 60])
def test_killed_run_resumes_to_the_same_database(
    sites: StandinSites,
    first_run: tuple,
    tmp_path: Path,
    crash_after: int,  # type: ignore[type-arg]
) -> None:
    ref, _result, _start = first_run
    with pytest.raises(BaseException) as info:
        harvest(_sources(sites), _opts(tmp_path, crash_after=crash_after), log=lambda m: None)
    assert type(info.value).__name__ == "_Crash"
    resumed = harvest(_sources(sites), _opts(tmp_path), log=lambda m: None)
    assert resumed.stats["resumed"]
    assert _snapshot(tmp_path / "r.db") == _snapshot(ref / "r.db")


def test_lock_prevents_overlapping_runs(sites: StandinSites, tmp_path: Path) -> None:
    opts = _opts(tmp_path)
    with run_lock(opts.db), pytest.raises(RunLocked) as info:
        harvest(_sources(sites)[:1], opts)
    assert info.value.exit_code == EXIT_LOCKED == 75


UNSEEN = {
    "index.htm": """<html><head><meta charset="gbk"></head><body><div class="nav"><a href="/">首页</a></div>
<dl class="news"><dt><a href="/doc/2401/a1.htm" title="某某县2023年政府信息公开工作年度报告">某某县2023年政府信息公开工作…</a></dt>
<dt><a href="/doc/2401/a2.htm">某某县2023年政府信息公开工作年度报告解读</a></dt>
<dt><a href="/files/2022nb.pdf">某某县2022年度政府信息公开工作年度报告</a></dt></dl>
<p class="pager"><span>1</span> <a href="index.htm?pn=2">下页</a></p></body></html>""",
    "p2.htm": """<html><body><ul><li><a href="/doc/2101/b1.htm">某某县2020年政府信息公开年报</a></li>
<li><a href="/doc/2101/b2.htm">某某县召开2020年度工作会议</a></li></ul>
<p class="pager"><a href="index.htm">上页</a> <a href="index.htm">1</a> <span>2</span></p></body></html>""",
}


def _unseen_site(root: Path) -> None:
    site = root / "www.moumou.gov.cn"
    (site / "doc" / "2401").mkdir(parents=True)
    (site / "doc" / "2101").mkdir(parents=True)
    (site / "files").mkdir()
    (site / "index.htm").write_bytes(UNSEEN["index.htm"].encode("gbk"))
    (site / "p2.htm").write_bytes(UNSEEN["p2.htm"].encode("gbk"))
    (site / "_site.toml").write_text('charset_header = false\n[routes]\n"/index.htm?pn=2" = "p2.htm"\n')
    for name, title in [
        ("doc/2401/a1.htm", "某某县2023年"),
        ("doc/2401/a2.htm", "解读"),
        ("doc/2101/b1.htm", "某某县2020年"),
    ]:
        (site / name).write_bytes(
            f"<html><h1>{title}政府信息公开工作年度报告</h1><p>主动公开政府信息12条。</p></html>".encode(
                "gbk"
            )
        )
    (site / "files" / "2022nb.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")


def test_generic_mode_on_an_unseen_layout(tmp_path: Path) -> None:
    _unseen_site(tmp_path / "sites")
    with StandinSites(tmp_path / "sites") as s:
        src = start_url_source(s.url("www.moumou.gov.cn", "/index.htm"), "510799")
        result = harvest([src], _opts(tmp_path), log=lambda m: None)
        paths = {h.path for h in s.hits()}
    assert {"/doc/2401/a1.htm", "/doc/2101/b1.htm", "/files/2022nb.pdf", "/index.htm?pn=2"} <= paths
    assert "/doc/2401/a2.htm" not in paths and "/doc/2101/b2.htm" not in paths
    assert result.stats["reports_listed"][src.id] == 3


def test_warning_when_a_source_stops_listing_reports(tmp_path: Path) -> None:
    _unseen_site(tmp_path / "sites")
    with StandinSites(tmp_path / "sites") as s:
        src = start_url_source(s.url("www.moumou.gov.cn", "/index.htm"))
        harvest([src], _opts(tmp_path), log=lambda m: None)
        site = tmp_path / "sites" / "www.moumou.gov.cn"
        (site / "index.htm").write_bytes("<html><body><p>网站改版，栏目迁移</p></body></html>".encode("gbk"))
        result = harvest([src], _opts(tmp_path), log=lambda m: None)
    assert result.warnings and "none now" in result.warnings[0]


def test_cli_harvest_start_url_and_reextract(sites: StandinSites, tmp_path: Path) -> None:
    runner = CliRunner()
    url = sites.url("www.jiangyou.gov.cn", "/zwgk/zfxxgk/nb/index.shtml")
    db = tmp_path / "c.db"
    args = [
        "harvest",
        "--start-url",
        url,
        "--region",
        "510781",
        "--db",
        str(db),
        "--data-dir",
        str(tmp_path),
        "--delay",
        "0",
    ]
    res = runner.invoke(cli, args)
    assert res.exit_code == 0, res.output
    assert "harvest run 1 ok" in res.output
    res = runner.invoke(cli, ["reextract", "--db", str(db)])
    assert res.exit_code == 0 and "documents=" in res.output and "missing=0" in res.output
    with sqlite3.connect(db) as c:
        codes = {r[0] for r in c.execute("SELECT DISTINCT region_code FROM bodies")}
    assert "510781" in codes


def test_check_sources(sites: StandinSites) -> None:
    from report_harvester.crawl.harvest import check_sources

    lines: list[str] = []
    code = check_sources(_sources(sites), delay=0, echo=lines.append)
    assert code == 3
    assert any(line.startswith("anzhou") and " ok " in line for line in lines)
    assert any(line.startswith("pingwu") and "FAIL" in line for line in lines)
