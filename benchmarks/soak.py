"""Soak: harvest the stand-in sites through random injected faults, many seeds; print the figures.

    .venv/bin/python benchmarks/soak.py --seeds 0-49 [--rate 0.2]

Each seed: a harvest through `rate` faults of every kind (crawl/faults.py), checks that every report
was stored or recorded as failed, a clean second run, and a comparison with a fault-free database
(tests/faultserver.py: soak_once). Exits non-zero on the first seed that loses anything.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from faultserver import reference_db, soak_once


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="0-19")
    ap.add_argument("--rate", type=float, default=0.2)
    args = ap.parse_args()
    lo, _, hi = args.seeds.partition("-")
    seeds = range(int(lo), int(hi or lo) + 1)
    with tempfile.TemporaryDirectory() as tmp:
        ref = reference_db(Path(tmp) / "ref")
        kinds: Counter[str] = Counter()
        totals: Counter[str] = Counter()
        for seed in seeds:
            run = Path(tmp) / f"s{seed}"
            stats = soak_once(seed, run, ref, rate=args.rate)
            kinds.update(stats["faults_by_kind"])
            for k in (
                "requests",
                "faults_injected",
                "urls_failed_first_run",
                "retried_second_run",
                "reports_lost",
            ):
                totals[k] += stats[k]
            print(json.dumps(stats), flush=True)
    print(json.dumps({"seeds": len(seeds), "rate": args.rate, **totals, "by_kind": dict(kinds)}, indent=1))


if __name__ == "__main__":
    main()
