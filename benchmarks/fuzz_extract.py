"""Fuzz api.extract_bytes with mutations of the project's own fixtures; count the outcomes.

    .venv/bin/python benchmarks/fuzz_extract.py -n 10000 --seed 1 [--workers 2] [--timeout 20]

Inputs: fixtures/documents/* and the stand-in sites' pages and attachments (fixtures/sites), mutated
by byte flips, truncation, splicing, repetition, control characters, invalid encodings, deep nesting,
huge tables, numbers out of range, and crafted DOCX (XXE, billion laughs, zip bombs, deep tables,
corrupted members) and PDFs. Each input runs in a worker process with a time limit and an address
space limit; the parent counts ok / clean (a HarvesterError) / crash (any other exception) /
timeout / memory (MemoryError or RSS over the limit), and saves crashing inputs to --save.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing as mp
import random
import resource
import sys
import time
import traceback
import zipfile
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {".html", ".htm", ".shtml", ".txt", ".pdf", ".docx", ".jsp", ".xml"}
RSS_LIMIT = 1024 * 1024 * 1024  # 1 GiB resident: a "memory blow-up"
AS_LIMIT = 3 * 1024 * 1024 * 1024


def corpus() -> list[tuple[str, bytes]]:
    out = []
    for base in (ROOT / "fixtures" / "documents", ROOT / "fixtures" / "sites"):
        for p in sorted(base.rglob("*")):
            if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("_"):
                out.append((p.name, p.read_bytes()))
    return out


# -- mutators ---------------------------------------------------------------------------------------


def flip(rng: random.Random, data: bytes, _c: Any) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def truncate(rng: random.Random, data: bytes, _c: Any) -> bytes:
    return data[: rng.randint(0, max(0, len(data) - 1))]


def splice(rng: random.Random, data: bytes, c: list[tuple[str, bytes]]) -> bytes:
    other = rng.choice(c)[1]
    return data[: rng.randint(0, len(data))] + other[rng.randint(0, len(other)) :]


def repeat(rng: random.Random, data: bytes, _c: Any) -> bytes:
    if not data:
        return data
    i = rng.randrange(len(data))
    j = min(len(data), i + rng.randint(1, 2000))
    return data[:i] + data[i:j] * rng.randint(2, 2000) + data[j:]


def controls(rng: random.Random, data: bytes, _c: Any) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 200)):
        b.insert(rng.randint(0, len(b)), rng.choice([0, 1, 7, 8, 11, 12, 27, 31, 127]))
    return bytes(b)


def bad_encoding(rng: random.Random, data: bytes, _c: Any) -> bytes:
    junk = [b"\xff\xfe", b"\xc3\x28", b"\xe2\x82", b"\xf0\x28\x8c\xbc", b"\x81", b"\xfe\xff", b"\xed\xa0\x80"]
    b = bytearray(data)
    for _ in range(rng.randint(1, 300)):
        pos = rng.randint(0, len(b))
        b[pos:pos] = rng.choice(junk)
    if rng.random() < 0.3:
        try:
            text = bytes(b).decode("utf-8", "replace")
            return text.encode(rng.choice(["utf-16", "utf-16-be", "big5", "shift_jis", "latin-1"]), "replace")
        except LookupError:
            pass
    return bytes(b)


def deep_nesting(rng: random.Random, data: bytes, _c: Any) -> bytes:
    depth = rng.choice([100, 1000, 10000, 50000])
    tag = rng.choice([b"div", b"table", b"span", b"td", b"font", b"b"])
    inner = data[: rng.randint(0, 5000)]
    return b"<html><body>" + b"<" + tag + b">" * 0 + (b"<" + tag + b">") * depth + inner + b"</body></html>"


def huge_table(rng: random.Random, data: bytes, _c: Any) -> bytes:
    rows, cols = rng.choice([(2000, 20), (200, 500), (20000, 3), (1, 20000)])
    labels = [
        "收到申请数",
        "本年新收政府信息公开申请数量",
        "行政复议",
        "予以公开",
        "其他",
        "总计",
        "一、",
        "（一）",
    ]
    cell = rng.choice(["<td>{}</td>", "<td rowspan=999>{}</td>", "<td colspan=9999>{}</td>", "<td>{}"])
    parts = ["<html><body><table>"]
    for r in range(rows):
        parts.append(
            "<tr>" + "".join(cell.format(rng.choice(labels) if c == 0 else r * c) for c in range(cols))
        )
    parts.append("</table></body></html>")
    return "".join(parts).encode("utf-8")


def numbers(rng: random.Random, data: bytes, _c: Any) -> bytes:
    import re

    big = [
        b"9" * 400,
        b"-1",
        b"1e308",
        b"0.000001",
        b"\xef\xbc\x91\xef\xbc\x92",
        b"NaN",
        b"1,0,0,0",
        b"99999999999",
    ]
    return re.sub(rb"\d+", lambda m: rng.choice(big) if rng.random() < 0.3 else m.group(0), data)


def _docx_with(base: bytes, document_xml: bytes | None, extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            payload = src.read(info.filename)
            if info.filename == "word/document.xml" and document_xml is not None:
                payload = document_xml
            dst.writestr(info.filename, payload)
        for name, payload in (extra or {}).items():
            dst.writestr(name, payload)
    return out.getvalue()


def crafted_docx(rng: random.Random, _data: bytes, c: list[tuple[str, bytes]]) -> bytes:
    bases = [d for n, d in c if n.endswith(".docx") and d.startswith(b"PK")]
    base = rng.choice(bases)
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        doc = zf.read("word/document.xml")
    kind = rng.choice(["xxe", "laughs", "bomb", "deep", "rows", "flip", "truncate", "entries", "liar"])
    if kind == "xxe":
        dtd = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://10.0.0.1/x">]>'
        body = doc.replace(b"?>", b"?>" + dtd, 1)
        body = body.replace(b"<w:t>", b"<w:t>&xxe;&net;", 3)
        return _docx_with(base, body)
    if kind == "laughs":
        ents = b'<!ENTITY a0 "lol">' + b"".join(
            b'<!ENTITY a%d "%s">' % (i, (b"&a%d;" % (i - 1)) * 10) for i in range(1, 10)
        )
        body = doc.replace(b"?>", b"?><!DOCTYPE w:document [" + ents + b"]>", 1).replace(
            b"<w:t>", b"<w:t>&a9;", 1
        )
        return _docx_with(base, body)
    if kind == "bomb":
        return _docx_with(base, None, {"word/media/bomb.bin": bytes(rng.choice([50, 300]) * 1024 * 1024)})
    if kind == "deep":
        depth = rng.choice([500, 5000, 20000])
        nest = (
            b"<w:tbl><w:tr><w:tc>" * depth
            + b"<w:p><w:r><w:t>1</w:t></w:r></w:p>"
            + b"</w:tc></w:tr></w:tbl>" * depth
        )
        return _docx_with(base, doc.replace(b"<w:body>", b"<w:body>" + nest, 1))
    if kind == "rows":
        row = b"<w:tr>" + b"<w:tc><w:p><w:r><w:t>7</w:t></w:r></w:p></w:tc>" * 30 + b"</w:tr>"
        return _docx_with(base, doc.replace(b"<w:body>", b"<w:body><w:tbl>" + row * 3000 + b"</w:tbl>", 1))
    if kind == "flip":
        return _docx_with(base, flip(rng, doc, c))
    if kind == "truncate":
        return _docx_with(base, doc[: rng.randint(0, len(doc))])
    if kind == "entries":
        return _docx_with(base, None, {f"x/{i}": b"" for i in range(rng.choice([100, 12000]))})
    # liar: central directory claims a tiny size for a large member
    raw = bytearray(_docx_with(base, doc + b"<!--" + b"x" * 2_000_000 + b"-->"))
    i = raw.rfind(b"word/document.xml")
    cd = raw.rfind(b"PK\x01\x02", 0, i)
    if cd >= 0:
        raw[cd + 24 : cd + 28] = (100).to_bytes(4, "little")
    return bytes(raw)


def pdf_damage(rng: random.Random, data: bytes, c: list[tuple[str, bytes]]) -> bytes:
    pdfs = [d for n, d in c if d.lstrip().startswith(b"%PDF")]
    base = rng.choice(pdfs) if pdfs else data
    kind = rng.choice(["xref", "eof", "stream", "flip", "truncate", "objects"])
    if kind == "xref":
        return base.replace(b"xref", b"xrex").replace(b"startxref", b"startxref\n999999999")
    if kind == "eof":
        return base.replace(b"%%EOF", b"")
    if kind == "stream":
        return base.replace(b"stream", b"stream" + bytes(rng.randrange(256) for _ in range(200)), 3)
    if kind == "objects":
        return base + b"".join(b"%d 0 obj << /Type /Page /Parent 1 0 R >> endobj\n" % i for i in range(5000))
    if kind == "flip":
        return flip(rng, base, c)
    return truncate(rng, base, c)


MUTATORS = [
    flip,
    truncate,
    splice,
    repeat,
    controls,
    bad_encoding,
    deep_nesting,
    huge_table,
    numbers,
    crafted_docx,
    pdf_damage,
]


def make_input(seed: int, c: list[tuple[str, bytes]]) -> tuple[str, str, bytes]:
    rng = random.Random(seed)
    name, data = rng.choice(c)
    mut = rng.choice(MUTATORS)
    out = mut(rng, data, c)
    if rng.random() < 0.15:  # stack a second mutation now and then
        out = rng.choice(MUTATORS[:6])(rng, out, c)
    return name, mut.__name__, out


# -- running ----------------------------------------------------------------------------------------


def _rss() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * resource.getpagesize()
    except OSError:
        return 0


def _worker(conn: Connection) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))
    from report_harvester import api
    from report_harvester.errors import HarvesterError

    api.extract_bytes(b"warm up: 2023\xe5\xb9\xb4", "warm.txt")
    while True:
        item = conn.recv()
        if item is None:
            return
        name, data = item
        try:
            api.extract_bytes(data, name)
            outcome, detail = "ok", ""
        except HarvesterError as exc:
            outcome, detail = "clean", type(exc).__name__
        except MemoryError:
            outcome, detail = "memory", "MemoryError"
        except RecursionError as exc:
            outcome, detail = "crash", f"RecursionError: {exc}"[:200]
        except Exception as exc:
            tb = traceback.extract_tb(exc.__traceback__)[-1]
            outcome, detail = "crash", f"{type(exc).__name__}: {exc} at {tb.filename}:{tb.lineno}"[:300]
        rss = _rss()
        if outcome == "ok" and rss > RSS_LIMIT:
            outcome, detail = "memory", f"RSS {rss >> 20} MiB"
        conn.send((outcome, detail, rss))


class Worker:
    def __init__(self) -> None:
        self.parent, child = mp.Pipe()
        self.proc = mp.get_context("fork").Process(target=_worker, args=(child,), daemon=True)
        self.proc.start()

    def stop(self) -> None:
        self.proc.kill()
        self.proc.join()


def run(n: int, seed: int, timeout: float, save: Path | None, start: int = 0) -> dict[str, Any]:
    c = corpus()
    counts: Counter[str] = Counter()
    by_mutator: dict[str, Counter[str]] = {}
    crashes: list[dict[str, Any]] = []
    peak = 0
    w = Worker()
    t0 = time.monotonic()
    for i in range(start, start + n):
        name, mut, data = make_input(seed * 1_000_003 + i, c)
        w.parent.send((name, data))
        if w.parent.poll(timeout):
            try:
                outcome, detail, rss = w.parent.recv()
            except EOFError:
                outcome, detail, rss = "crash", "worker died", 0
                w.stop()
                w = Worker()
        else:
            outcome, detail, rss = "timeout", f"over {timeout}s", 0
            w.stop()
            w = Worker()
        if not w.proc.is_alive():
            outcome = "crash" if outcome == "ok" else outcome
            w = Worker()
        peak = max(peak, rss)
        counts[outcome] += 1
        by_mutator.setdefault(mut, Counter())[outcome] += 1
        if outcome in ("crash", "timeout", "memory"):
            entry = {
                "input": i,
                "seed": seed,
                "from": name,
                "mutator": mut,
                "outcome": outcome,
                "detail": detail,
            }
            crashes.append(entry)
            print(json.dumps(entry, ensure_ascii=False), file=sys.stderr, flush=True)
            if save is not None and len(data) < 2_000_000:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"fuzz_{seed}_{i}_{mut}_{Path(name).stem}.bin").write_bytes(data)
    w.parent.send(None)
    w.proc.join(timeout=5)
    return {
        "inputs": n,
        "seed": seed,
        "seconds": round(time.monotonic() - t0, 1),
        "outcomes": dict(counts),
        "by_mutator": {k: dict(v) for k, v in sorted(by_mutator.items())},
        "peak_rss_mib": peak >> 20,
        "failures": crashes,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per input")
    ap.add_argument("--save", type=Path, default=Path("/tmp/fuzz-extract-failures"))
    args = ap.parse_args()
    share = -(-args.n // args.workers)
    from concurrent.futures import ThreadPoolExecutor

    # threads only feed the worker processes (one each) and watch their clocks
    with ThreadPoolExecutor(args.workers) as pool:
        jobs = [
            pool.submit(run, min(share, args.n - k * share), args.seed, args.timeout, args.save, k * share)
            for k in range(args.workers)
        ]
        parts = [j.result() for j in jobs]
    total: Counter[str] = Counter()
    by_mutator: dict[str, Counter[str]] = {}
    for p in parts:
        total.update(p["outcomes"])
        for k, v in p["by_mutator"].items():
            by_mutator.setdefault(k, Counter()).update(v)
    summary = {
        "inputs": sum(p["inputs"] for p in parts),
        "seed": args.seed,
        "timeout_s": args.timeout,
        "seconds": max(p["seconds"] for p in parts),
        "outcomes": dict(total),
        "by_mutator": {k: dict(v) for k, v in sorted(by_mutator.items())},
        "peak_rss_mib": max(p["peak_rss_mib"] for p in parts),
        "failures": [f for p in parts for f in p["failures"]],
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    sys.exit(1 if summary["failures"] else 0)


if __name__ == "__main__":
    main()
