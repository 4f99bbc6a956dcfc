"""A fault-injecting wrapper around the stand-in sites: real HTTP on 127.0.0.1, misbehaving on purpose.

    with FaultySites(SITES, rate=0.2, seed=7) as sites:        # 20% of requests get a random fault
        ...
    with FaultySites(SITES, rules={"/a.html": ["503", "reset"]}) as sites:   # these, then normal service
        ...

Faults are injected in front of the real site content (the stand-in handler serves whatever is not
faulted), so a harvest through them reads the same documents as a harvest of the plain stand-ins.
The random choice is a pure function of (seed, host, path, how many times that URL was asked), so a
run is reproducible whatever order the crawler's threads happen to ask in.

Fault kinds (`KINDS`):

    500 502 503 429               error status, no Retry-After
    503-retry-after 429-retry-after   with Retry-After: <seconds>;  503-retry-date: an HTTP date
    stall-before                  accept, say nothing for `stall` seconds, close
    stall-during                  headers and half the body, then `stall` seconds of silence, close
    reset                         headers and half the body, then a TCP reset (SO_LINGER 0)
    short                         Content-Length larger than the body sent, then close
    wrong-charset                 the real body under a Content-Type whose charset is wrong
    redirect-loop                 302 into an endless chain of redirects
    redirect-file                 302 to file:///etc/passwd
    redirect-private              302 to a private address (10.0.0.1) or cloud metadata (169.254.169.254)
    redirect-loopback             302 to 127.0.0.1 on a port no source names
    redirect-other-site           302 to a host outside the allow-list
    endless                       chunked body that never ends
    oversized                     Content-Length of 10 GiB (body never sent)
    gzip-bomb                     Content-Encoding: gzip of 256 MiB of zeros (~256 KiB on the wire)
    waf-412 waf-521               WAF challenge pages (Ruishu, Jiasule)

`TRANSIENT` kinds are the ones a retry recovers from; the others fail the URL (or, for WAF pages,
block the host for the rest of the run) and are for a later run to pick up.
"""

from __future__ import annotations

import gzip
import random
import socket
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from .standin import _WAF_BODIES, Hit, StandinSites, _Site

TRANSIENT = (
    "500",
    "502",
    "503",
    "429",
    "503-retry-after",
    "429-retry-after",
    "503-retry-date",
    "stall-before",
    "stall-during",
    "reset",
    "short",
)
PERMANENT = (
    "redirect-loop",
    "redirect-file",
    "redirect-private",
    "redirect-loopback",
    "redirect-other-site",
    "endless",
    "oversized",
    "gzip-bomb",
)
HARMLESS = ("wrong-charset",)  # the content arrives; only its label lies
SLOW = ("trickle",)  # a byte every 0.1 s for 30 s: only a total deadline stops it
WAF = ("waf-412", "waf-521")
KINDS = TRANSIENT + PERMANENT + HARMLESS + WAF
ALL_KINDS = KINDS + SLOW

LOOP_PREFIX = "/_fault/loop/"
_BOMB_SIZE = 256 * 1024 * 1024
_bomb: bytes | None = None
_bomb_lock = threading.Lock()


def gzip_bomb() -> bytes:
    """256 MiB of zeros, gzipped (built once, streamed so it never sits in memory whole)."""
    global _bomb
    with _bomb_lock:
        if _bomb is None:
            comp = gzip.compress(b"", mtime=0)[:10]  # header only
            z = zlib.compressobj(9, zlib.DEFLATED, -15)
            block = bytes(1024 * 1024)
            parts = [comp]
            crc = 0
            for _ in range(_BOMB_SIZE // len(block)):
                parts.append(z.compress(block))
                crc = zlib.crc32(block, crc)
            parts.append(z.flush())
            parts.append(struct.pack("<II", crc & 0xFFFFFFFF, _BOMB_SIZE & 0xFFFFFFFF))
            _bomb = b"".join(parts)
        return _bomb


class FaultySites(StandinSites):
    """StandinSites that inject faults by rule (per path) or at random (rate, seed, kinds).

    rules: {"/path" or "host/path": [kind, ...]} - one kind per request, in order, then normal
    service; a kind ending in "*" ("waf-412*") repeats forever. Paths include the query as requested.
    `injected` counts the faults sent; `on_request(n, host, path)` is called before each request is
    answered (n counts from 1), e.g. to kill a client process at a chosen point.
    """

    def __init__(
        self,
        root: Path,
        *,
        rules: dict[str, list[str]] | None = None,
        rate: float = 0.0,
        seed: int = 0,
        kinds: Sequence[str] = TRANSIENT,
        stall: float = 1.0,
        retry_after: int = 1,
        on_request: Callable[[int, str, str], None] | None = None,
    ) -> None:
        super().__init__(root)
        unknown = [k for k in kinds if k not in ALL_KINDS]
        for seq in (rules or {}).values():
            unknown += [k for k in seq if k.rstrip("*") not in ALL_KINDS]
        if unknown:
            raise ValueError(f"unknown fault kinds: {unknown}")
        self.rules = {k: list(v) for k, v in (rules or {}).items()}
        self.rate = rate
        self.seed = seed
        self.kinds = tuple(kinds)
        self.stall = stall
        self.retry_after = retry_after
        self.on_request = on_request
        self.enabled = True
        self.injected: Counter[str] = Counter()
        self.fault_log: list[tuple[str, str, str]] = []
        self.requests = 0
        self._asked: Counter[tuple[str, str]] = Counter()

    def start(self) -> None:
        wanted = set(self.kinds) | {k.rstrip("*") for seq in self.rules.values() for k in seq}
        if "gzip-bomb" in wanted:
            gzip_bomb()  # built before serving, so building it never looks like a stall
        super().start()

    # -- deciding --------------------------------------------------------------------------------

    def choose(self, host: str, path: str) -> str | None:
        """The fault for this request, or None; advances the per-URL request count."""
        with self._lock:
            self.requests += 1
            n = self._asked[(host, path)]
            self._asked[(host, path)] += 1
            if not self.enabled:
                return None
            for key in (f"{host}{path}", path):
                seq = self.rules.get(key)
                if seq:
                    kind = seq[0]
                    if kind.endswith("*"):
                        return kind[:-1]
                    seq.pop(0)
                    return kind
            if self.rate <= 0 or not self.kinds:
                return None
            rng = random.Random(f"{self.seed}|{host}|{path}|{n}")
            if rng.random() < self.rate:
                return rng.choice(self.kinds)
            return None

    # -- serving -----------------------------------------------------------------------------------

    def _handler(self, site: _Site) -> type[BaseHTTPRequestHandler]:
        base: Any = super()._handler(site)
        sites = self

        class FaultHandler(base):  # type: ignore[misc]
            def handle(self) -> None:
                try:
                    super().handle()
                except (ConnectionError, TimeoutError, OSError):
                    self.close_connection = True  # the client gave up on us: that is its right

            def do_GET(self) -> None:
                try:
                    self._faulty_get()
                except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
                    self.close_connection = True

            do_POST = do_GET

            def _faulty_get(self) -> None:
                path = self.path
                if sites.on_request is not None:
                    sites.on_request(sites.requests + 1, site.host, path)
                if path.startswith(LOOP_PREFIX):
                    kind: str | None = "redirect-loop"
                    sites.choose(site.host, path)
                else:
                    kind = sites.choose(site.host, path)
                if kind is None:
                    super().do_GET()
                    return
                with sites._lock:
                    sites.injected[kind] += 1
                    sites.log.append(Hit(site.host, path, 0, False))
                    sites.fault_log.append((site.host, path, kind))
                sites._inject(self, site, kind)

        return FaultHandler

    def _inject(self, h: Any, site: _Site, kind: str) -> None:
        busy = b"<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>"
        if kind in ("500", "502", "503", "429"):
            _send(h, int(kind), busy, {"Content-Type": "text/html"})
        elif kind.endswith("-retry-after"):
            _send(h, int(kind[:3]), busy, {"Content-Type": "text/html", "Retry-After": str(self.retry_after)})
        elif kind == "503-retry-date":
            when = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + self.retry_after))
            _send(h, 503, busy, {"Content-Type": "text/html", "Retry-After": when})
        elif kind == "stall-before":
            time.sleep(self.stall)
            h.close_connection = True
        elif kind in ("stall-during", "reset", "short", "wrong-charset"):
            status, body, headers = h._answer(_path_only(h.path), _query(h.path))
            if status != 200 or not body:
                status, body, headers = 200, b"<html><body>" + b"x" * 4096 + b"</body></html>", {}
            if kind == "wrong-charset":
                try:
                    body.decode("utf-8")
                    label = "gbk"
                except UnicodeDecodeError:
                    label = "utf-8"
                ctype = headers.get("Content-Type", "text/html").split(";")[0]
                headers = {**headers, "Content-Type": f"{ctype}; charset={label}"}
                _send(h, status, body, headers)
                return
            h.send_response(status)
            for k, v in headers.items():
                h.send_header(k, v)
            h.send_header("Content-Length", str(len(body) + (100 if kind == "short" else 0)))
            h.end_headers()
            if kind == "short":
                h.wfile.write(body)
                h.wfile.flush()
            else:
                h.wfile.write(body[: len(body) // 2])
                h.wfile.flush()
                if kind == "stall-during":
                    time.sleep(self.stall)
                else:
                    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.close_connection = True
            if kind == "reset":
                h.connection.close()
        elif kind == "redirect-loop":
            n = 0
            if h.path.startswith(LOOP_PREFIX):
                tail = h.path[len(LOOP_PREFIX) :]
                n = int(tail) + 1 if tail.isdigit() else 0
            _send(h, 302, b"", {"Location": f"{LOOP_PREFIX}{n}"})
        elif kind == "redirect-file":
            _send(h, 302, b"", {"Location": "file:///etc/passwd"})
        elif kind == "redirect-private":
            target = random.Random(h.path).choice(
                ["http://10.0.0.1/admin", "http://169.254.169.254/latest/meta-data/", "http://[::1]/"]
            )
            _send(h, 302, b"", {"Location": target})
        elif kind == "redirect-loopback":
            _send(h, 302, b"", {"Location": "http://127.0.0.1:1/"})
        elif kind == "redirect-other-site":
            _send(h, 302, b"", {"Location": "http://www.example.com/steal"})
        elif kind == "endless":
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Transfer-Encoding", "chunked")
            h.end_headers()
            chunk = b"<p>" + "无尽".encode() * 4000 + b"</p>\n"
            frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                h.wfile.write(frame)
            h.close_connection = True
        elif kind == "trickle":
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Content-Length", "300")
            h.end_headers()
            for _ in range(300):
                h.wfile.write(b"x")
                h.wfile.flush()
                time.sleep(0.1)
            h.close_connection = True
        elif kind == "oversized":
            h.send_response(200)
            h.send_header("Content-Type", "application/pdf")
            h.send_header("Content-Length", str(10 * 1024**3))
            h.end_headers()
            h.wfile.write(b"%PDF-1.4\n")
            h.close_connection = True
        elif kind == "gzip-bomb":
            _send(h, 200, gzip_bomb(), {"Content-Type": "text/html", "Content-Encoding": "gzip"})
        elif kind in WAF:
            code = kind[4:]
            _send(h, int(code), _WAF_BODIES[code], {"Content-Type": "text/html"})
        else:  # pragma: no cover - kinds are checked in __init__
            raise ValueError(kind)


def _send(h: Any, status: int, body: bytes, headers: dict[str, str]) -> None:
    h.send_response(status)
    for k, v in headers.items():
        h.send_header(k, v)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    if body:
        h.wfile.write(body)


def _path_only(path: str) -> str:
    from urllib.parse import unquote, urlsplit

    return unquote(urlsplit(path).path)


def _query(path: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(path).query


__all__ = ["ALL_KINDS", "KINDS", "PERMANENT", "SLOW", "TRANSIENT", "WAF", "FaultySites", "gzip_bomb"]
