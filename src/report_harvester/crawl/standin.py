"""Stand-in government sites served on 127.0.0.1, for the demo, the tests and the benchmark.

fixtures/sites/<real host>/ holds one site's files; one server per host, each on its own free port.
Absolute links to any stand-in host (//www.anzhou.gov.cn/…) are rewritten to that host's port as the
page is served, so fixture pages read like the real sites. An optional _site.toml says more:

    charset_header = false             # send text/html without a charset (many GBK sites do)
    waf = "412"                        # answer every request with a WAF challenge (412 Ruishu, 521 Jiasule)
    [routes]      "/path?a=1&b=2" = "file"      # query URLs served from files (queries compared sorted)
    [redirects]   "/path?query"   = "/target"   # 302s
    [fallbacks]   "/path"         = "file"      # any query on this path that has no route

Every response carries an ETag (content hash) and a fixed Last-Modified and honours conditional
requests, so re-runs can be tested. `log` records each request for the tests.
"""

from __future__ import annotations

import hashlib
import threading
import tomllib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

LAST_MODIFIED = "Mon, 01 Apr 2024 00:00:00 GMT"
_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".shtml": "text/html",
    ".jsp": "text/html",
    ".xml": "text/xml",
    ".txt": "text/plain",
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
}
_WAF_BODIES = {
    "412": b"<html><head><meta http-equiv=Content-Type content='text/html; charset=utf-8'>"
    b"<script>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=12345;$_ts.cd='qEcBrrAl';</script>"
    b"<script src='/4QbVtADbnLVIc/c.FxJzG50F.b8bcd2e.js'></script></head><body></body></html>",
    "521": b"<script>document.cookie=('_')+('_jsl_clearance_s')+('=')+(1700000000)+('|0|abc');"
    b"location.href=location.pathname+location.search</script>",
}


def _norm_query(query: str) -> str:
    return urlencode(sorted(parse_qsl(query, keep_blank_values=True)))


def _key(path: str, query: str) -> str:
    return path + ("?" + _norm_query(query) if query else "")


@dataclass
class Hit:
    host: str
    path: str
    status: int
    conditional: bool


@dataclass
class _Site:
    host: str
    root: Path
    config: dict[str, Any]
    routes: dict[str, str] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    fallbacks: dict[str, str] = field(default_factory=dict)


class StandinSites:
    """Start with `with StandinSites(root) as sites:`; `sites.hostmap` maps real hosts to 127.0.0.1:port."""

    def __init__(self, root: Path, faults: dict[tuple[str, str], list[int]] | None = None) -> None:
        self.root = root
        self.sites: dict[str, _Site] = {}
        for d in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
            cfg: dict[str, Any] = {}
            if (d / "_site.toml").is_file():
                with (d / "_site.toml").open("rb") as fh:
                    cfg = tomllib.load(fh)
            site = _Site(d.name, d, cfg)
            site.routes = {_key(*_split(k)): v for k, v in cfg.get("routes", {}).items()}
            site.redirects = {_key(*_split(k)): v for k, v in cfg.get("redirects", {}).items()}
            site.fallbacks = dict(cfg.get("fallbacks", {}))
            self.sites[d.name] = site
        # (host, path) -> statuses to answer first, one per request, before serving normally
        self.faults = {k: list(v) for k, v in (faults or {}).items()}
        self.log: list[Hit] = []
        self.hostmap: dict[str, str] = {}
        self._servers: list[ThreadingHTTPServer] = []
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    def __enter__(self) -> StandinSites:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        for host, site in self.sites.items():
            server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler(site))
            server.daemon_threads = True
            self._servers.append(server)
            self.hostmap[host] = f"127.0.0.1:{server.server_address[1]}"
            t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
            t.start()
            self._threads.append(t)

    def stop(self) -> None:
        for s in self._servers:
            s.shutdown()
            s.server_close()
        for t in self._threads:
            t.join(timeout=2)

    def url(self, host: str, path: str = "/") -> str:
        return f"http://{self.hostmap[host]}{path}"

    def hits(self, host: str | None = None) -> list[Hit]:
        with self._lock:
            return [h for h in self.log if host is None or h.host == host]

    def _rewrite(self, data: bytes) -> bytes:
        for host, addr in self.hostmap.items():
            data = data.replace(b"//" + host.encode(), b"//" + addr.encode())
        return data

    def _handler(self, site: _Site) -> type[BaseHTTPRequestHandler]:
        sites = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                path = unquote(parts.path)
                conditional = bool(self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"))
                status, body, headers = self._answer(path, parts.query)
                with sites._lock:
                    sites.log.append(Hit(site.host, self.path, status, conditional))
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def _answer(self, path: str, query: str) -> tuple[int, bytes, dict[str, str]]:
                with sites._lock:
                    pending = sites.faults.get((site.host, path))
                    fault = pending.pop(0) if pending else None
                if fault is not None:
                    return fault, b"<h1>busy</h1>", {"Content-Type": "text/html", "Retry-After": "0"}
                waf = str(site.config.get("waf", ""))
                if waf in _WAF_BODIES:
                    return int(waf), _WAF_BODIES[waf], {"Content-Type": "text/html"}
                key = _key(path, query)
                if key in site.redirects:
                    return 302, b"", {"Location": site.redirects[key]}
                rel = site.routes.get(key) or (site.fallbacks.get(path) if query else None)
                if rel is None:
                    rel = path.lstrip("/")
                    if not rel or rel.endswith("/"):
                        rel += "index.html"
                target = (site.root / rel).resolve()
                if (
                    site.root.resolve() not in target.parents
                    or not target.is_file()
                    or target.name.startswith("_")
                ):
                    return 404, b"<h1>404</h1>", {"Content-Type": "text/html"}
                data = target.read_bytes()
                ctype = _TYPES.get(target.suffix.lower(), "application/octet-stream")
                if ctype.startswith("text/"):
                    data = sites._rewrite(data)
                    if site.config.get("charset_header", True):
                        try:
                            data.decode("utf-8")
                            ctype += "; charset=utf-8"
                        except UnicodeDecodeError:
                            pass
                etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
                headers = {"Content-Type": ctype, "ETag": etag, "Last-Modified": LAST_MODIFIED}
                inm = self.headers.get("If-None-Match")
                if (inm and inm == etag) or (
                    not inm and self.headers.get("If-Modified-Since") == LAST_MODIFIED
                ):
                    return 304, b"", {"ETag": etag, "Last-Modified": LAST_MODIFIED}
                return 200, data, headers

        return Handler


def _split(key: str) -> tuple[str, str]:
    path, _, query = key.partition("?")
    return path, query
