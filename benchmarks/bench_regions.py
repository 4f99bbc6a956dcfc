"""Region registry load time (it is paid by every process that identifies a report).

.venv/bin/python benchmarks/bench_regions.py
"""

from __future__ import annotations

import time

from report_harvester import regions


def main() -> None:
    regions.load()  # warm the file cache and imports
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        reg = regions.load()
        times.append(time.perf_counter() - t0)
    print(f"regions: {len(reg.lookup('安州区'))} match for 安州区; load best {min(times) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
