"""All network access of the crawler: URL policy, robots.txt, per-host politeness, retries, conditional GETs.

Nothing else in the package opens a socket. A `Fetcher` is shared by the per-host worker threads of a
run; it serialises requests to one host (one at a time, `delay` seconds between the end of one and the
start of the next) while different hosts proceed in parallel.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
import time
import urllib.robotparser
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import tenacity

from ..errors import BlockedByPolicy, FetchError, HostBlocked
from .discover import js_redirect_target

USER_AGENT = "report-harvester/0.1 (+https://github.com/; research on government disclosure reports)"
DEFAULT_MAX_BYTES = 30 * 1024 * 1024


@dataclass
class FetchPolicy:
    """What a run may fetch and how gently. Hosts are netlocs: "www.anzhou.gov.cn" or "127.0.0.1:8001"."""

    allowed_hosts: set[str] = field(default_factory=set)
    # hosts whose private/loopback address is acceptable because a source or --start-url names them
    trusted_hosts: set[str] = field(default_factory=set)
    delay: float = 1.0
    timeout: float = 20.0
    # the whole response, headers to last byte: a server trickling a byte a second never trips `timeout`
    total_timeout: float = 300.0
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 1.0
    max_backoff: float = 60.0
    obey_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass
class FetchResult:
    url: str
    final_url: str
    status: int
    content: bytes
    headers: dict[str, str]
    fetched_at: float

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    def meta(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "etag": self.etag,
            "last_modified": self.last_modified,
            "content_type": self.content_type,
            "fetched_at": self.fetched_at,
            "final_url": self.final_url,
        }


_DISALLOW_ALL = "User-agent: *\nDisallow: /\n"
_REDIRECTS = (301, 302, 303, 307, 308)


class _Retryable(Exception):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _is_public(addr: str) -> bool:
    try:
        ip = ipaddress.ip_address(addr.split("%", 1)[0])
    except ValueError:
        return False
    return ip.is_global


def _host_matches(netloc: str, patterns: set[str]) -> bool:
    if netloc in patterns:
        return True
    name = netloc.rsplit(":", 1)[0] if not netloc.endswith("]") else netloc
    for p in patterns:
        # "*.my.gov.cn" admits the departments' subdomains (fgw.my.gov.cn) of the city portal
        if p.startswith("*.") and (name.endswith(p[1:]) or name == p[2:]):
            return True
    return name in patterns


# WAF challenge shapes (spec/sites.md): answering them is out of scope, recognising them is not.
_WAF_SIGNS: list[tuple[int | None, re.Pattern[bytes], str]] = [
    (412, re.compile(rb"\$_ts|_\$[a-zA-Z]{2}"), "WAF challenge (Ruishu, HTTP 412 $_ts)"),
    (
        521,
        re.compile(rb"document\.cookie|__jsl_clearance"),
        "WAF challenge (Jiasule, HTTP 521 cookie script)",
    ),
    (None, re.compile(rb"acw_sc__v2"), "WAF challenge (Aliyun acw_sc__v2)"),
    (None, re.compile(rb"wzws_cid|wzws_sessionid|WZWS_CONFIRM"), "WAF challenge (wzws session cookie)"),
]


def waf_challenge(status: int, body: bytes) -> str | None:
    """The WAF that answered, or None. Only small bodies are challenge pages; real pages may mention cookies."""
    head = body[:20000]
    for code, sign, name in _WAF_SIGNS:
        if code is not None and status != code:
            continue
        if code is None and (status < 400 and len(body) > 8000):
            continue
        if sign.search(head):
            return name
    return None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return None


class _HostSlot:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.next_at = 0.0


class Fetcher:
    """Thread-safe fetcher. Counters (`requests`, `by_status`, `blocked`) are read by the run record."""

    def __init__(
        self,
        policy: FetchPolicy,
        *,
        transport: httpx.BaseTransport | None = None,
        robots: dict[str, str] | None = None,
        on_robots: Callable[[str, str], None] | None = None,
        resolver: Callable[[str], list[str]] | None = None,
    ) -> None:
        self.policy = policy
        self._client = httpx.Client(
            transport=transport,
            timeout=policy.timeout,
            follow_redirects=False,
            headers={"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate"},
            trust_env=False,
        )
        self._slots: dict[str, _HostSlot] = {}
        self._slots_lock = threading.Lock()
        self._stats_lock = threading.Lock()
        self._robots_text = dict(robots or {})
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._on_robots = on_robots
        self._resolver = resolver or _resolve
        self._addr_ok: dict[str, bool] = {}
        self.requests: Counter[str] = Counter()
        self.by_status: Counter[int] = Counter()
        self.blocked: dict[str, str] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- policy -------------------------------------------------------------------------------

    def check_url(self, url: str) -> None:
        """Raise BlockedByPolicy unless the URL is http(s), on an allowed host, at an acceptable address."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise BlockedByPolicy(f"scheme {parts.scheme or '(none)'} is not http(s)", source=url)
        netloc = parts.netloc.lower()
        if not parts.hostname:
            raise BlockedByPolicy("no host", source=url)
        if parts.username or parts.password:
            raise BlockedByPolicy("credentials in URL", source=url)
        if not _host_matches(netloc, self.policy.allowed_hosts):
            raise BlockedByPolicy(f"host {netloc} is not allowed by the sources", source=url)
        if _host_matches(netloc, self.policy.trusted_hosts):
            return
        ok = self._addr_ok.get(parts.hostname)
        if ok is None:
            try:
                addrs = self._resolver(parts.hostname)
            except OSError as exc:
                raise FetchError(f"cannot resolve {parts.hostname}: {exc}", source=url) from exc
            ok = bool(addrs) and all(_is_public(a) for a in addrs)
            self._addr_ok[parts.hostname] = ok
        if not ok:
            raise BlockedByPolicy(f"{parts.hostname} resolves to a private or loopback address", source=url)

    def robots_allows(self, url: str) -> bool:
        if not self.policy.obey_robots:
            return True
        netloc = host_of(url)
        parser = self._robots.get(netloc)
        if parser is None:
            text = self._robots_text.get(netloc)
            if text is None:
                text = self._fetch_robots(url)
            parser = urllib.robotparser.RobotFileParser()
            parser.parse(text.splitlines())
            self._robots[netloc] = parser
        return parser.can_fetch(self.policy.user_agent, url)

    def _fetch_robots(self, url: str) -> str:
        parts = urlsplit(url)
        current = f"{parts.scheme}://{parts.netloc}/robots.txt"
        # RFC 9309: an unreachable robots.txt means "assume complete disallow" for now; such answers are
        # never remembered (on_robots), so the next run asks again. Redirects (http -> https is common)
        # are followed within the policy, like any other request.
        for _hop in range(self.policy.max_redirects + 1):
            try:
                self.check_url(current)
                res = self._request(current, {})
            except HostBlocked:
                raise
            except FetchError:
                return _DISALLOW_ALL
            location = res.headers.get("location")
            if res.status in _REDIRECTS and location:
                current = urljoin(current, location)
                continue
            break
        else:
            return _DISALLOW_ALL
        if res.status == 200:
            text = res.content.decode("utf-8", errors="replace")
        elif 400 <= res.status < 500:
            text = ""  # no robots.txt: everything allowed
        else:
            return _DISALLOW_ALL
        if self._on_robots:
            self._on_robots(host_of(url), text)
        return text

    # -- fetching -----------------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET with redirects (HTTP and JavaScript shells) checked hop by hop against the policy.

        Returns 200 and 304 results; raises FetchError for everything else.
        """
        conditional: dict[str, str] = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            self.check_url(current)
            netloc = host_of(current)
            if netloc in self.blocked:
                raise HostBlocked(f"host blocked earlier in this run: {self.blocked[netloc]}", source=current)
            if not self.robots_allows(current):
                raise BlockedByPolicy("disallowed by robots.txt", source=current)
            res = self._request(current, conditional)
            if res.status in _REDIRECTS:
                location = res.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {res.status} without Location", source=current)
                current = urljoin(current, location)
                conditional = {}
                continue
            if res.status == 304:
                res.url = url
                return res
            if res.status != 200:
                raise FetchError(f"HTTP {res.status}", source=current)
            target = js_redirect_target(current, res.content)
            if target and target != current:
                current = target
                conditional = {}
                continue
            res.url = url
            return res
        raise FetchError(f"more than {self.policy.max_redirects} redirects", source=url)

    def _slot(self, netloc: str) -> _HostSlot:
        with self._slots_lock:
            slot = self._slots.get(netloc)
            if slot is None:
                slot = self._slots[netloc] = _HostSlot()
            return slot

    def _request(self, url: str, headers: dict[str, str]) -> FetchResult:
        def wait(state: tenacity.RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            backoff = float(
                min(self.policy.max_backoff, self.policy.backoff * 2.0 ** (state.attempt_number - 1))
            )
            if isinstance(exc, _Retryable) and exc.retry_after is not None:
                return float(min(self.policy.max_backoff, max(backoff, exc.retry_after)))
            return backoff

        retrying = tenacity.Retrying(
            retry=tenacity.retry_if_exception_type(_Retryable),
            stop=tenacity.stop_after_attempt(self.policy.retries + 1),
            wait=wait,
            reraise=True,
        )
        try:
            return retrying(self._request_once, url, headers)
        except _Retryable as exc:
            raise FetchError(f"{exc} (after {self.policy.retries + 1} attempts)", source=url) from exc

    def _request_once(self, url: str, headers: dict[str, str]) -> FetchResult:
        netloc = host_of(url)
        slot = self._slot(netloc)
        with slot.lock:
            if netloc in self.blocked:
                raise HostBlocked(f"host blocked earlier in this run: {self.blocked[netloc]}", source=url)
            pause = slot.next_at - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            try:
                with self._stats_lock:
                    self.requests[netloc] += 1
                return self._send(url, headers)
            finally:
                slot.next_at = time.monotonic() + self.policy.delay

    def _send(self, url: str, headers: dict[str, str]) -> FetchResult:
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                status = resp.status_code
                hdrs = {k.lower(): v for k, v in resp.headers.items()}
                declared = hdrs.get("content-length", "")
                if declared.isdigit() and int(declared) > self.policy.max_bytes:
                    raise FetchError(f"response of {declared} bytes is over the limit", source=url)
                chunks: list[bytes] = []
                size = 0
                deadline = time.monotonic() + self.policy.total_timeout
                for chunk in resp.iter_bytes():
                    if time.monotonic() > deadline:
                        raise _Retryable(f"timeout: body too slow (over {self.policy.total_timeout:g}s)")
                    size += len(chunk)
                    if size > self.policy.max_bytes:
                        raise FetchError(
                            f"response over the limit of {self.policy.max_bytes} bytes", source=url
                        )
                    chunks.append(chunk)
                body = b"".join(chunks)
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timeout: {type(exc).__name__}") from exc
        except (httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError) as exc:
            raise _Retryable(f"connection error: {exc}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"HTTP error: {exc}", source=url) from exc
        with self._stats_lock:
            self.by_status[status] += 1
        waf = waf_challenge(status, body)
        if waf:
            self.blocked[host_of(url)] = waf
            raise HostBlocked(waf, source=url)
        if status == 429 or status >= 500:
            raise _Retryable(f"HTTP {status}", _retry_after(hdrs.get("retry-after")))
        return FetchResult(
            url=url, final_url=url, status=status, content=body, headers=hdrs, fetched_at=time.time()
        )


def _resolve(hostname: str) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(hostname, None)]
