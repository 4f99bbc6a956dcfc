"""Parse-stage throughput on generated 2021-template HTML reports.

    .venv/bin/python benchmarks/bench_parse_html.py [--count 300] [--extract]

Writes COUNT pages into a temporary directory, made from fixtures/documents/template2021_*.html with
every table figure replaced by a random number (alternating UTF-8 and GBK-with-wrong-meta pages, so
the decoding fallback is exercised), then reads and parses each file once. Prints reports/s and the
process's peak RSS. With --extract, runs the whole extract_bytes pipeline instead of parse only.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "fixtures" / "documents"
_FIGURE_CELL = re.compile(r"<td>(\d+)</td>")


def generate(directory: Path, count: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    utf8 = (DOCS / "template2021_utf8.html").read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        page = _FIGURE_CELL.sub(lambda _m: f"<td>{rng.randint(0, 500)}</td>", utf8)
        page = page.replace("主动公开政府信息", f"主动公开政府信息{rng.randint(1, 9999)}条，其中", 1)
        path = directory / f"report_{i:04d}.html"
        # every other page is GBK behind a utf-8 meta, like many county sites
        path.write_bytes(page.encode("utf-8" if i % 2 == 0 else "gbk"))
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--extract", action="store_true", help="run the full extract_bytes pipeline")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("--count must be positive")

    sys.path.insert(0, str(ROOT / "src"))
    from report_harvester.api import extract_bytes
    from report_harvester.parse import parse_document

    with tempfile.TemporaryDirectory(prefix="rh-bench-") as tmp:
        paths = generate(Path(tmp), args.count)
        # warm-up: imports, selectolax init, and (with --extract) the segmenter's dictionary load
        warm = paths[0].read_bytes()
        extract_bytes(warm, "warm") if args.extract else parse_document(warm, "warm")
        tables = 0
        start = time.perf_counter()
        cpu_start = time.process_time()
        for path in paths:
            data = path.read_bytes()
            if args.extract:
                extract_bytes(data, str(path))
            else:
                tables += len(parse_document(data, str(path)).tables)
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    mode = "parse+identify+extract+check" if args.extract else "parse only"
    print(
        f"{args.count} reports ({mode}): {args.count / cpu:.0f} reports/s of CPU time "
        f"({cpu:.2f} s CPU; {elapsed:.2f} s wall = {args.count / elapsed:.0f}/s)"
    )
    if not args.extract:
        print(f"tables found: {tables} ({tables / args.count:.1f} per report)")
    print(f"peak RSS: {peak_kib / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
