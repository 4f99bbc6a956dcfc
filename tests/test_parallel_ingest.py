"""Extraction in worker processes: prepared reports, iter_prepared and `ingest --jobs`.

Real fixture documents, real worker processes and real SQLite files: what the workers send must
store exactly what the reports themselves store, in the same order, errors included.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from report_harvester import api
from report_harvester.cli import main
from report_harvester.errors import EmptyInput, HarvesterError
from report_harvester.models import DocumentInfo
from report_harvester.store import Store
from report_harvester.store.codec import Encoded, Prepared, encode, prepare

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
DOCS = ["prose_department_2010.txt", "prose_township_2017.txt", "template2021_utf8.html", "template2021.docx"]


def _rows(db: Path) -> list[tuple[object, ...]]:
    """Every stored figure and comparison value, without row ids or file paths."""
    con = sqlite3.connect(db)
    try:
        figures = con.execute(
            "SELECT body, code, level, year, metric, dimension, value, unit, approx, preferred, evidence,"
            " method FROM figures_long ORDER BY body, year, metric, dimension, value, evidence"
        ).fetchall()
        values = con.execute(
            "SELECT m.key, c.dimension, c.level, b.name, c.year, c.value, c.unit FROM compare_values c"
            " JOIN metrics m ON m.id = c.metric_id JOIN bodies b ON b.id = c.body_id"
            " ORDER BY 1, 2, 3, 4, 5"
        ).fetchall()
    finally:
        con.close()
    return figures + [("compare", *v) for v in values]


def test_prepared_pickles_texts_only_and_decodes_lazily() -> None:
    report = api.extract_path(FIXTURES / "template2021_utf8.html")
    assert len(report.figures) > 50
    blob = pickle.dumps(prepare(report), pickle.HIGHEST_PROTOCOL)
    assert b"Figure" not in blob  # the Figure objects stay behind
    back = pickle.loads(blob)
    assert isinstance(back, Prepared) and back.report.figures == []
    enc, fresh = back.encoded, encode(report)
    assert isinstance(enc, Encoded) and enc.hash == fresh.hash and enc.value == fresh.value
    # the per-figure lists are rebuilt from the texts, equal to what encode() made
    assert enc.keys == [f.metric for f in report.figures]
    assert enc.values == [float(f.value) for f in report.figures]
    assert enc.units == [f.unit for f in report.figures]
    assert enc.dims == [f.dimension for f in report.figures]


def test_a_prepared_report_stores_what_the_report_stores(tmp_path: Path) -> None:
    plain, prepared = tmp_path / "plain.db", tmp_path / "prepared.db"
    for db, ready in ((plain, False), (prepared, True)):
        with Store.open(db) as store:
            items = []
            for name in DOCS:
                report = api.extract_path(FIXTURES / name)
                doc = DocumentInfo(sha256=report.sha256 or "", size=1, media_type=report.media_type)
                # through pickle, as a worker process sends it
                item = pickle.loads(pickle.dumps(prepare(report))) if ready else report
                items.append((item, doc))
            store.ingest(*items[0])
            store.ingest_many(items[1:])
    assert _rows(plain) == _rows(prepared)
    assert len(_rows(plain)) > 100


def _one_line(result: object) -> object:
    if isinstance(result, HarvesterError):
        return type(result).__name__, result.one_line()
    assert isinstance(result, Prepared)
    return result.report.identity.issuer, result.report.identity.year, result.encoded.hash


def test_iter_prepared_in_processes_matches_one_process(tmp_path: Path) -> None:
    for name in DOCS:
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "empty.txt").write_text("  \n")
    serial = [(src, _one_line(r)) for src, r in api.iter_prepared([str(tmp_path)], jobs=1)]
    parallel = [(src, _one_line(r)) for src, r in api.iter_prepared([str(tmp_path)], jobs=2)]
    assert parallel == serial
    assert len(serial) == 5
    bad = [r for src, r in serial if src.endswith("empty.txt")]
    assert bad and bad[0][0] == EmptyInput.__name__ and "empty.txt" in str(bad[0][1])


def test_ingest_jobs_fills_the_same_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(FIXTURES / d) for d in DOCS]
    outputs = []
    for jobs in ("1", "2"):
        try:
            (tmp_path / jobs).mkdir()
            main(["ingest", "--db", str(tmp_path / jobs / "r.db"), "--jobs", jobs, *paths])
        except SystemExit as exc:
            assert not exc.code
        outputs.append(capsys.readouterr().out.replace(str(tmp_path / jobs), ""))
    assert outputs[0] == outputs[1] and "4 documents: 3 new reports, 1 added" in outputs[0]
    assert _rows(tmp_path / "1" / "r.db") == _rows(tmp_path / "2" / "r.db")


def _die(path: str, max_bytes: int) -> object:
    os._exit(3)  # what the kernel's OOM killer or a crash in a native parser looks like


def test_a_dead_worker_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if threading.active_count() > 1:
        pytest.skip("other threads are running here, so workers start by spawn and cannot see the patch")
    monkeypatch.setattr(api, "_prepare_path", _die)
    paths = [str(FIXTURES / d) for d in DOCS]
    with pytest.raises(SystemExit) as exit_info:
        main(["ingest", "--db", str(tmp_path / "r.db"), "--jobs", "2", *paths])
    err = capsys.readouterr().err
    assert exit_info.value.code != 0
    assert "extraction process died" in err and "--jobs 1" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended; only its parent has not read its status


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to find the workers")
def test_workers_end_when_ingest_is_killed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(60):  # enough work that the workers are still busy when the parent dies
        for name in DOCS:
            shutil.copy(FIXTURES / name, docs / f"{i:02d}_{name}")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "report_harvester",
            "ingest",
            "--jobs",
            "2",
            "-q",
            "--db",
            str(tmp_path / "r.db"),
            str(docs),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    children: list[int] = []
    deadline = time.monotonic() + 30
    while len(children) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        with contextlib.suppress(OSError):
            children = [
                int(c) for c in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
            ]
    assert len(children) >= 2, "the workers did not start"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while any(map(_alive, children)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, children))
    # nothing holds the dead parent's stderr open any more
    assert proc.stderr is not None and b"Traceback" not in proc.stderr.read()
