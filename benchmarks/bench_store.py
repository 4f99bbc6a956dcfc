"""Store benchmark: a synthetic database, its ingest rate, its size, and compare wall time.

    .venv/bin/python benchmarks/bench_store.py                     # full size: 3,000 regions, ~100,000 reports
    .venv/bin/python benchmarks/bench_store.py --regions 100       # a quick look
    .venv/bin/python benchmarks/bench_store.py --keep /tmp/big.db  # keep the database afterwards
    .venv/bin/python benchmarks/bench_store.py --workers 0         # everything in one process

Each region has one government and --departments departments; each body reports for --years
years with --figures figures. Report objects are built outside the timed section: the ingest
rate excludes extraction, as the issue asks. Targets: ingest >= 2,000 reports/s, compare <= 300 ms.

With --workers N (default 2) the reports are built in N worker processes, as `ingest --jobs`
extracts them, a round of --round reports each while the clock is stopped; then, timed, the workers
encode them (codec.prepare) and send them to this process, which stores them in batches of --batch.
With --workers 0 the reports are built here and ingest_many encodes them itself.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from report_harvester import compare, registry
from report_harvester.models import Check, DocumentInfo, Figure, Identity, Report
from report_harvester.store import Store, gc_paused
from report_harvester.store.codec import Prepared, prepare

T3_ROWS = [
    "new_received",
    "carried_over",
    "granted",
    "partially_granted",
    "withheld.state_secret",
    "withheld.prohibited_by_law",
    "withheld.three_security",
    "withheld.third_party",
    "withheld.internal_affairs",
    "withheld.process_info",
    "withheld.enforcement_files",
    "withheld.query_matters",
    "unable.not_held",
    "unable.needs_creation",
    "unable.still_unclear",
    "not_processed.petition",
    "not_processed.repeated",
    "not_processed.publications",
    "not_processed.excessive",
    "not_processed.confirmation",
    "other.no_correction",
    "other.unpaid_fee",
    "other.other",
    "total",
    "carried_forward",
]
T3_COLS = ["natural_person", "business", "research", "nonprofit", "legal_services", "other_org", "total"]


def metric_plan(n: int) -> list[tuple[str, str, str | None]]:
    """n (metric, unit, dimension) triples: headline keys first, then table-3 cells."""
    plan: list[tuple[str, str, str | None]] = []
    for key, m in registry.metrics().items():
        if not key.startswith(("t2.", "t3.", "t4.")):
            plan.append((key, m.unit, "其他" if m.dimension else None))
    for row in T3_ROWS:
        for col in T3_COLS:
            plan.append((f"t3.{row}.{col}", "件", None))
    return plan[:n]


def make_report(code: str, body: int, year: int, plan: list[tuple[str, str, str | None]]) -> Report:
    issuer = f"R{code}人民政府" if body == 0 else f"R{code}第{body}局"
    seed = int(code) * 31 + body * 7 + year
    figures = [
        Figure(
            metric=key,
            value=float((seed + i * 13) % 997),
            unit=unit,
            dimension=dim,
            evidence=f"{key}共{(seed + i * 13) % 997}{unit}",
            span=(i * 40, i * 40 + 12),
            method="prose",
        )
        for i, (key, unit, dim) in enumerate(plan)
    ]
    checks = [] if seed % 10 else [Check("1", "table 3 column", False, "total differs", {"a": 1.0, "b": 2.0})]
    ident = Identity(
        title=f"{year}年政府信息公开工作年度报告",
        issuer=issuer,
        region_code=code,
        level="government" if body == 0 else "department",
        year=year,
        era="prose" if year < 2019 else "template2021",
    )
    return Report(
        source=f"https://example.invalid/{code}/{body}/{year}.html",
        identity=ident,
        figures=figures,
        checks=checks,
    )


def generate(
    regions: int, departments: int, years: int, plan: list[tuple[str, str, str | None]]
) -> Iterator[tuple[Report, DocumentInfo]]:
    for r in range(regions):
        code = f"{900000 + r}"
        for body in range(departments + 1):
            for year in range(2014, 2014 + years):
                rep = make_report(code, body, year, plan)
                sha = f"{r:08d}{body:04d}{year:04d}".ljust(64, "0")
                yield rep, DocumentInfo(sha256=sha, size=30_000, media_type="text/html", url=rep.source)


def worker(
    conn: Connection, results: multiprocessing.Queue[Any], share: int, shares: int, args: argparse.Namespace
) -> None:
    """Builds this worker's reports a round at a time; encodes and sends them when told to go.

    Control comes over `conn`; the reports go through `results`, whose feeder thread writes them
    to the pipe while this thread encodes the next (a plain pipe would block on its 64 KiB buffer
    whenever the storing process is busy with a batch).
    """
    plan = metric_plan(args.figures)
    items = (
        item
        for i, item in enumerate(generate(args.regions, args.departments, args.years, plan))
        if i // args.batch % shares == share
    )
    while conn.recv() == "build":
        built = [item for _, item in zip(range(args.round), items, strict=False)]
        conn.send("ready")
        if conn.recv() != "go":
            return
        n, cpu0 = len(built), time.process_time()
        built.reverse()  # pop() from the end frees each report once it is sent, as extraction would
        while built:
            chunk: list[tuple[Prepared, DocumentInfo]] = []
            while built and len(chunk) < 50:
                rep, doc = built.pop()
                chunk.append((prepare(rep), doc))
            results.put(chunk)
        results.put((share, n, time.process_time() - cpu0))
    conn.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--regions", type=int, default=3000)
    ap.add_argument(
        "--departments", type=int, default=2, help="departments per region, besides its government"
    )
    ap.add_argument("--years", type=int, default=11)
    ap.add_argument("--figures", type=int, default=200, help="figures per report")
    ap.add_argument("--batch", type=int, default=500, help="reports per transaction")
    ap.add_argument("--keep", help="write the database here and keep it")
    ap.add_argument(
        "--workers", type=int, default=2, help="processes that build and encode reports (0: none)"
    )
    ap.add_argument("--round", type=int, default=4000, help="reports each worker builds per untimed round")
    ap.add_argument("--repeat", type=int, default=7, help="compare runs to time")
    ap.add_argument(
        "--defer",
        action="store_true",
        help="diagnostic: ingest_many(defer_compare=True), then refresh_compare(), each timed",
    )
    args = ap.parse_args(argv)

    plan = metric_plan(args.figures)
    tmp = None
    if args.keep:
        path = Path(args.keep)
        if path.exists():
            print(f"{path} exists; remove it first", file=sys.stderr)
            return 2
    else:
        tmp = tempfile.TemporaryDirectory(prefix="rh-bench-")
        path = Path(tmp.name) / "bench.db"

    total_reports = args.regions * (args.departments + 1) * args.years
    print(
        f"synthetic: {args.regions} regions x {args.departments + 1} bodies x {args.years} years = "
        f"{total_reports} reports, {len(plan)} figures each = {total_reports * len(plan):,} figures"
    )
    # Workers are forked before the store starts its checkpoint thread: a fork copies no threads.
    pipes: dict[int, Connection] = {}  # share -> its control pipe
    ctx = multiprocessing.get_context("fork")
    results: multiprocessing.Queue[Any] = ctx.Queue()
    for share in range(args.workers):
        here, there = ctx.Pipe()
        ctx.Process(target=worker, args=(there, results, share, args.workers, args), daemon=True).start()
        there.close()
        pipes[share] = here

    # as api.iter_prepared does: the collector would walk every report this process unpickles
    with gc_paused(), Store.open(path) as store:
        ingest_s = 0.0
        ingest_cpu = 0.0  # this thread only: the checkpoint thread's copying is not in it
        waited = 0.0  # for the workers' next reports
        worker_cpu = 0.0
        done = 0
        batch: list[tuple[Report | Prepared, DocumentInfo]] = []
        last_print = time.perf_counter()

        def flush() -> None:
            nonlocal done
            store.ingest_many(batch, defer_compare=args.defer)
            done += len(batch)
            batch.clear()

        def progress() -> None:
            nonlocal last_print
            if time.perf_counter() - last_print > 10:
                print(f"  {done:>7} reports, {done / ingest_s:,.0f} reports/s", flush=True)
                last_print = time.perf_counter()

        if not pipes:
            for item in generate(args.regions, args.departments, args.years, plan):
                batch.append(item)
                if len(batch) >= args.batch:
                    t0, c0 = time.perf_counter(), time.thread_time()
                    flush()
                    ingest_s += time.perf_counter() - t0
                    ingest_cpu += time.thread_time() - c0
                    progress()
        while pipes:
            for conn in pipes.values():
                conn.send("build")
            for conn in pipes.values():
                conn.recv()
            # the clock runs from "go" until the round's last report is stored
            t0, c0 = time.perf_counter(), time.thread_time()
            for conn in pipes.values():
                conn.send("go")
            sent: dict[int, int] = {}
            while len(sent) < len(pipes):
                w0 = time.perf_counter()
                msg = results.get()
                waited += time.perf_counter() - w0
                if isinstance(msg, tuple):  # (share, how many it sent, CPU time): that worker is done
                    sent[msg[0]] = msg[1]
                    worker_cpu += msg[2]
                    continue
                batch.extend(msg)
                if len(batch) >= args.batch:
                    flush()
            if batch:
                flush()
            ingest_s += time.perf_counter() - t0
            ingest_cpu += time.thread_time() - c0
            for share, n in sent.items():
                if n == 0:  # this worker's share is all stored
                    pipes.pop(share).send("stop")
            progress()
        if batch:
            t0, c0 = time.perf_counter(), time.thread_time()
            flush()
            ingest_s += time.perf_counter() - t0
            ingest_cpu += time.thread_time() - c0
        t0 = time.perf_counter()
        refreshed = store.refresh_compare()
        refresh_s = time.perf_counter() - t0
        # what is still only in the WAL is part of the ingest: copy it into the database file now
        wal = path.with_name(path.name + "-wal")
        wal_mb = wal.stat().st_size / 1e6 if wal.exists() else 0.0
        t0 = time.perf_counter()
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        checkpoint_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        store.analyze()
        analyze_s = time.perf_counter() - t0
        counts = store.counts()

    size = os.path.getsize(path)
    # The headline includes the comparison table: a compare right after an ingest must find it.
    total_s = ingest_s + refresh_s + checkpoint_s
    print(
        f"ingest (incl. comparison table): {done} reports in {total_s:.1f} s = {done / total_s:,.0f} reports/s "
        f"({counts['figures'] / total_s:,.0f} figures/s; final WAL checkpoint of {wal_mb:,.0f} MB {checkpoint_s:.1f} s included);"
        f" ANALYZE {analyze_s:.1f} s"
    )
    if args.defer:
        print(
            f"  of which bulk ingest {ingest_s:.1f} s = {done / ingest_s:,.0f} reports/s (compare_values deferred),"
            f" refresh_compare() for {refreshed} reports {refresh_s:.1f} s"
        )
    print(
        f"  CPU time of the storing thread: {ingest_cpu:.1f} s ({done / ingest_cpu:,.0f} reports per CPU-second);"
        f" {args.workers or 'no'} worker processes encoding ({worker_cpu:.1f} CPU-s), {waited:.1f} s waiting"
        " for them; the rest of the wall time is waits for the disk and for other processes"
    )
    print(f"rows: {counts}")
    print(f"database: {size / 1e6:,.0f} MB ({size / max(counts['figures'], 1):.0f} bytes per figure)")

    # A fresh connection, as a `compare` command would have, on a database at rest: the OS is
    # still writing the ingest's 2 GB out, and compare is timed on its own, not against that flush.
    # The first run warms the page cache.
    os.sync()
    with Store.open(path) as store:
        for metric, level in (
            ("requests.received", "government"),
            ("requests.received", "all"),
            ("实质公开率", "government"),
        ):
            times = []
            rows = 0
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                result = compare.compare(store, [metric], level=level, years=(2014, 2024))
                times.append(time.perf_counter() - t0)
                rows = len(result.rows)
            print(
                f"compare {metric} level={level}: {rows} rows; median {statistics.median(times) * 1000:.0f} ms, "
                f"first {times[0] * 1000:.0f} ms, min {min(times) * 1000:.0f} ms"
            )
    if tmp:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
