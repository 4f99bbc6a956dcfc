"""Prose extraction speed and memory: reports per second on one core, start-up, peak RSS.

    .venv/bin/python benchmarks/bench_extract.py [--reports 1000]

Generates variants of the project's own prose fixtures (every number redrawn, titles varied)
into a temporary directory, then (1) times one cold `report-harvester extract` process on one
small report (start-up), and (2) times the library over the whole directory in this process,
after a warm-up, reading each file from disk as the CLI does.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "fixtures" / "documents").glob("prose_*.txt"))


def make_variants(out: Path, n: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    from report_harvester.parse.decode import decode_text

    texts = [decode_text(p.read_bytes())[0] for p in SOURCES]
    paths = []
    for i in range(n):
        text = texts[i % len(texts)]
        text = re.sub(r"\d+", lambda m: str(rng.randint(0, 5000)) if len(m.group()) < 4 else m.group(), text)
        text = text.replace("2010", str(2008 + i % 11)).replace("2017", str(2008 + i % 11))
        p = out / f"report_{i:05d}.txt"
        p.write_text(text, encoding="gb18030" if i % 3 == 0 else "utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=1000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_variants(Path(tmp), args.reports)
        exe = ROOT / ".venv" / "bin" / "report-harvester"
        starts = []
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run([str(exe), "extract", str(paths[0]), "--json"], check=True, capture_output=True)
            starts.append(time.perf_counter() - t0)
        from report_harvester.api import extract_path

        extract_path(paths[0])  # warm-up: patterns compiled, segmenter built
        t0 = time.perf_counter()
        c0 = time.process_time()
        figures = 0
        for p in paths:
            figures += len(extract_path(p).figures)
        elapsed = time.perf_counter() - t0
        cpu = time.process_time() - c0
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"reports: {len(paths)} ({figures} figures)")
        print(
            f"extract: {len(paths) / cpu:.0f} reports/s of CPU time on one core after start-up "
            f"({cpu:.2f} s CPU, {elapsed:.2f} s wall: {len(paths) / elapsed:.0f}/s)"
        )
        print(f"start-up (one cold CLI run on one report, best of 3, wall): {min(starts):.2f} s")
        print(f"peak RSS: {peak_mb:.0f} MB")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
