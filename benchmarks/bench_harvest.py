"""Harvest the stand-in sites twice with a 0.2 s politeness delay; compare with the politeness floor.

    .venv/bin/python benchmarks/bench_harvest.py [--delay 0.2]

Floor = the busiest host's requests × delay (no schedule can beat it). Targets: first run ≤ 1.2 × floor;
second run ≤ 10 % of the first run's requests and 0 documents downloaded; peak RSS ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from report_harvester.crawl.harvest import HarvestOptions, harvest
from report_harvester.crawl.sources import load_sources, rebase
from report_harvester.crawl.standin import StandinSites

SITES = Path(__file__).resolve().parents[1] / "fixtures" / "sites"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--delay", type=float, default=0.2)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-harvest-"))
    with StandinSites(SITES) as sites:
        sources = rebase(load_sources(SITES / "_sources"), sites.hostmap)
        opts = HarvestOptions(db=tmp / "b.db", data_dir=tmp, delay=args.delay, backoff=0.05)
        t0 = time.perf_counter()
        first = harvest(sources, opts, log=lambda m: None)
        wall1 = time.perf_counter() - t0
        t0 = time.perf_counter()
        second = harvest(sources, opts, log=lambda m: None)
        wall2 = time.perf_counter() - t0
    busiest = max(first.stats["requests_by_host"].values())
    floor = busiest * args.delay
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratio = second.stats["requests"] / first.stats["requests"]
    print(f"first run:  {wall1:.2f} s, {first.stats['requests']} requests, busiest host {busiest}")
    print(f"floor:      {floor:.2f} s ({busiest} × {args.delay} s); ratio {wall1 / floor:.2f} (target ≤ 1.2)")
    print(
        f"second run: {wall2:.2f} s, {second.stats['requests']} requests ({ratio:.1%} of first, target ≤ 10%),"
        f" {second.stats['documents_downloaded']} documents downloaded"
    )
    print(f"peak RSS:   {rss_mb:.0f} MB (target ≤ 300)")
    ok = (
        wall1 <= 1.2 * floor and ratio <= 0.10 and second.stats["documents_downloaded"] == 0 and rss_mb <= 300
    )
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
