"""The network layer against real sockets on 127.0.0.1: policy, robots, retries, WAF, conditional GETs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from report_harvester.crawl.fetch import Fetcher, FetchPolicy, waf_challenge
from report_harvester.crawl.standin import StandinSites
from report_harvester.errors import BlockedByPolicy, FetchError, HostBlocked

SITES = Path(__file__).resolve().parents[1] / "fixtures" / "sites"


@pytest.fixture
def sites() -> Iterator[StandinSites]:
    with StandinSites(SITES, faults={("www.myfc.gov.cn", "/zwgk/zfxxgknb/index.html"): [503, 429]}) as s:
        yield s


def _fetcher(sites: StandinSites, **kw: object) -> Fetcher:
    hosts = set(sites.hostmap.values())
    policy = FetchPolicy(allowed_hosts=hosts, trusted_hosts=hosts, delay=0, backoff=0.01, **kw)  # type: ignore[arg-type]
    return Fetcher(policy)


def test_retries_5xx_and_429_then_succeeds(sites: StandinSites) -> None:
    with _fetcher(sites) as f:
        res = f.get(sites.url("www.myfc.gov.cn", "/zwgk/zfxxgknb/index.html"))
    assert res.status == 200
    statuses = [h.status for h in sites.hits("www.myfc.gov.cn") if "index.html" in h.path]
    assert statuses == [503, 429, 200]


def test_no_retry_on_404(sites: StandinSites) -> None:
    with _fetcher(sites) as f, pytest.raises(FetchError, match="404"):
        f.get(sites.url("www.myfc.gov.cn", "/missing.html"))
    assert sum("missing" in h.path for h in sites.hits()) == 1


def test_conditional_request_gets_304(sites: StandinSites) -> None:
    url = sites.url("www.youxian.gov.cn", "/xxgk/zfxxgknb/index.html")
    with _fetcher(sites) as f:
        first = f.get(url)
        again = f.get(url, etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and again.status == 304 and again.content == b""


def test_robots_txt_is_obeyed(sites: StandinSites) -> None:
    with _fetcher(sites) as f, pytest.raises(BlockedByPolicy, match="robots"):
        f.get(sites.url("www.beichuan.gov.cn", "/gongkai/show/old/2013nb.html"))
    assert not any("/old/" in h.path for h in sites.hits())


def test_waf_host_is_blocked_after_one_request(sites: StandinSites) -> None:
    with _fetcher(sites) as f:
        for _ in range(3):
            with pytest.raises(HostBlocked, match="412"):
                f.get(sites.url("www.pingwu.gov.cn", "/xxgk/zfxxgknb/index.html"))
    assert len(sites.hits("www.pingwu.gov.cn")) == 1


def test_waf_signatures() -> None:
    assert waf_challenge(412, b"<script>$_ts=window['$_ts'];</script>")
    assert waf_challenge(521, b"<script>document.cookie='__jsl_clearance_s=1'</script>")
    assert waf_challenge(200, b"<html>ordinary page</html>") is None
    assert waf_challenge(503, b"<h1>busy</h1>") is None


def test_policy_refuses_other_hosts_schemes_and_private_addresses(sites: StandinSites) -> None:
    with _fetcher(sites) as f:
        with pytest.raises(BlockedByPolicy, match="not allowed"):
            f.get("http://www.example.com/")
        with pytest.raises(BlockedByPolicy, match="scheme"):
            f.get("file:///etc/passwd")
    policy = FetchPolicy(allowed_hosts={"127.0.0.1:9", "intranet.gov.cn"}, delay=0)
    with Fetcher(policy, resolver=lambda h: ["10.0.0.5"]) as f:
        with pytest.raises(BlockedByPolicy, match="private"):
            f.get("http://127.0.0.1:9/")
        with pytest.raises(BlockedByPolicy, match="private"):
            f.get("http://intranet.gov.cn/")


def test_size_limit_and_redirects_checked(sites: StandinSites) -> None:
    with _fetcher(sites, max_bytes=500) as f, pytest.raises(FetchError, match="limit"):
        f.get(sites.url("www.youxian.gov.cn", "/xxgk/zfxxgknb/index.html"))
    # downfile.jsp 302-redirects to /attach/…; the hop stays on the allowed host
    with _fetcher(sites) as f:
        res = f.get(
            sites.url(
                "www.santai.gov.cn",
                "/module/download/downfile.jsp?classid=0&filename=00000000000000000000000000c107d3.pdf",
            )
        )
    assert res.status == 200 and res.content.startswith(b"%PDF") and "/attach/0/" in res.final_url


def test_js_redirect_shell_is_followed(sites: StandinSites) -> None:
    with _fetcher(sites) as f:
        res = f.get(sites.url("www.myfc.gov.cn", "/zwgk/zfxxgknb/go_2020.html"))
    assert "t20210325_" in res.final_url and "2020年度政府信息公开工作年度报告" in res.content.decode()
