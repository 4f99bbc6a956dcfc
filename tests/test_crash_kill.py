"""Crash safety: `report-harvester harvest` and `ingest` as real processes, SIGKILLed again and again.

Kill points are chosen with a seeded RNG: after the N-th request the stand-in server receives (the
server runs in this process and kills the client from inside its request handler, so the kill lands
while the harvester has results in flight and is extracting and storing others), or after a random
delay. After every kill: PRAGMA integrity_check is ok, no document or report is stored twice, every
stored document has all its figures (as many as the fault-free run stored for the same bytes), and no
archive file is truncated. The last restart must end with the database of a fault-free run.

Default suite: 35 harvest kills + 15 ingest kills (50 kill points). RH_SLOW=1: 100 + 60.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from faultserver import ROOT, SITES, SLOW, content, integrity, reference_db, write_sources
from report_harvester.crawl.faults import FaultySites
from report_harvester.crawl.sources import load_sources, rebase

HARVEST_KILLS = 100 if SLOW else 35
INGEST_KILLS = 60 if SLOW else 15
ENV = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}


class Killer:
    """Kills the current child process at the N-th request after it started."""

    def __init__(self) -> None:
        self.requests: Any = lambda: 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.at: int | None = None
        self.base = 0
        self.killed = 0
        self.lock = threading.Lock()

    def __call__(self, n: int, host: str, path: str) -> None:
        with self.lock:
            if self.proc is None or self.at is None or n - self.base < self.at:
                return
            if self.proc.poll() is None:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.killed += 1
            self.at = None


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return reference_db(tmp_path_factory.mktemp("ref"))


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[FaultySites, Killer]]:
    killer = Killer()
    with FaultySites(SITES, on_request=killer) as sites:
        yield sites, killer


def _check_after_kill(db: Path, data: Path | None, ref_counts: dict[str, int]) -> None:
    if not db.exists():
        return
    assert integrity(db) == "ok"
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "documents" not in tables:
            # killed while the first run created the schema: it is all there or not at all
            assert not tables, f"half-created schema: {sorted(tables)}"
            assert c.execute("PRAGMA user_version").fetchone()[0] == 0
            return
        assert not c.execute("PRAGMA foreign_key_check").fetchall()
        dup = c.execute("SELECT sha256 FROM documents GROUP BY sha256 HAVING COUNT(*) > 1").fetchall()
        assert not dup, f"documents stored twice: {dup}"
        dup = c.execute(
            "SELECT body_id, year FROM reports GROUP BY body_id, year HAVING COUNT(*) > 1"
        ).fetchall()
        assert not dup, f"reports stored twice: {dup}"
        orphans = c.execute(
            "SELECT id FROM reports r WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.report_id = r.id)"
        ).fetchall()
        assert not orphans, f"reports without a document (half-stored): {orphans}"
        for sha, n in c.execute(
            "SELECT d.sha256, COUNT(f.id) FROM documents d LEFT JOIN figures f ON f.document_id = d.id"
            " GROUP BY d.id"
        ):
            if sha in ref_counts:
                assert n == ref_counts[sha], (
                    f"document {sha[:12]} has {n} figures, {ref_counts[sha]} expected"
                )
    finally:
        c.close()
    if data is not None and (data / "archive").is_dir():
        for p in (data / "archive").glob("??/??/*"):
            if len(p.name) == 64:
                assert hashlib.sha256(p.read_bytes()).hexdigest() == p.name, f"archive file truncated: {p}"


def _figure_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as c:
        return dict(
            c.execute(
                "SELECT d.sha256, COUNT(f.id) FROM documents d LEFT JOIN figures f ON f.document_id = d.id"
                " GROUP BY d.id"
            )
        )


def _kill_loop(
    cmd: list[str],
    cwd: Path,
    db: Path,
    data: Path | None,
    ref_counts: dict[str, int],
    kills: int,
    seed: int,
    killer: Killer | None,
    max_delay: float,
    reference: Path,
) -> dict[str, Any]:
    """Start, kill at a chosen point, check, restart; `kills` times, then run to completion.

    A run that finishes before its kill point must have stored what the fault-free run stored; then
    the database and archive are removed, so that later kill points land on real work again instead
    of on a quick incremental re-run (on a fast machine nearly every kill would otherwise miss).
    """
    rng = random.Random(seed)
    done = 0
    attempts = 0
    completed = 0
    while True:
        attempts += 1
        assert attempts < kills * 4 + 10, "the process never finished"
        finishing = done >= kills
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        by_request = killer is not None and not finishing and rng.random() < 0.6
        if killer is not None:
            with killer.lock:
                killer.proc, killer.base = proc, killer.requests()
                killer.at = rng.randint(1, 40) if by_request else None
        if finishing:
            _out, err = proc.communicate(timeout=120)
            assert proc.returncode in (0, 2, 3), err.decode(errors="replace")[-2000:]
            break
        if by_request:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        else:
            time.sleep(rng.uniform(0.2, max_delay))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        if killer is not None:
            with killer.lock:
                killer.at = None
        assert proc.stderr is not None
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        if proc.returncode == -signal.SIGKILL:
            done += 1
        else:  # it finished before the kill point: fine, and it must have finished cleanly
            assert proc.returncode in (0, 2, 3), err[-2000:]
            assert "Traceback" not in err, err[-2000:]
        _check_after_kill(db, data, ref_counts)
        if proc.returncode != -signal.SIGKILL:
            completed += 1
            _assert_same_content(db, reference, f"a run that completed after {done} kills")
            _start_over(db, data)
    return {"kills": done, "starts": attempts, "completed_early": completed}


def _assert_same_content(db: Path, reference: Path, what: str) -> None:
    got, want = content(db), content(reference)
    for table in want:
        assert got[table] == want[table], f"{table} differs from the fault-free run: {what}"


def _start_over(db: Path, data: Path | None) -> None:
    for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        p.unlink(missing_ok=True)
    if data is not None:
        shutil.rmtree(data, ignore_errors=True)


def test_harvest_survives_sigkill_at_many_points(
    server: tuple[FaultySites, Killer], reference: Path, tmp_path: Path
) -> None:
    sites, killer = server
    killer.requests = lambda: sites.requests
    src = write_sources(rebase(load_sources(SITES / "_sources"), sites.hostmap), tmp_path / "src")
    db, data = tmp_path / "r.db", tmp_path / "data"
    cmd = [sys.executable, "-m", "report_harvester", "harvest", "--sources-dir", str(src)]
    cmd += ["--db", str(db), "--data-dir", str(data), "--delay", "0"]
    before = killer.killed
    stats = _kill_loop(
        cmd, tmp_path, db, data, _figure_counts(reference), HARVEST_KILLS, 11, killer, 2.5, reference
    )
    assert killer.killed - before >= 1
    assert stats["kills"] >= HARVEST_KILLS
    assert integrity(db) == "ok"
    _assert_same_content(db, reference, f"the last restart, after {stats}")


def test_ingest_survives_sigkill_at_many_points(tmp_path: Path) -> None:
    inputs = [str(SITES), str(ROOT / "fixtures" / "documents")]
    ref = tmp_path / "ref.db"
    base = [sys.executable, "-m", "report_harvester", "ingest", *inputs, "--quiet", "--db"]
    t0 = time.monotonic()
    done = subprocess.run([*base, str(ref)], cwd=tmp_path, env=ENV, capture_output=True)
    elapsed = time.monotonic() - t0
    assert done.returncode == 2, done.stderr  # three fixtures are corrupt on purpose
    db = tmp_path / "i.db"
    stats = _kill_loop(
        [*base, str(db)], tmp_path, db, None, _figure_counts(ref), INGEST_KILLS, 5, None, elapsed, ref
    )
    assert stats["kills"] >= INGEST_KILLS
    assert integrity(db) == "ok"
    _assert_same_content(db, ref, f"the last restart, after {stats}")
