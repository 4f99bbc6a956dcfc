"""The comparison blocks (schema 4) against what they must equal: each report's preferred figures.

The figures view is the record of what was extracted and which figure of each key is preferred
(earliest document first); compare_values (a view over the blocks, minus stale entries) and
`compare` must hold exactly those, whatever sequence of new reports, second documents,
re-extractions, identity changes, batches and deferred loads produced the database. Generations are
made small here so that compaction and tier merges happen within a few operations.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from report_harvester import compare
from report_harvester.models import DocumentInfo, Figure, Identity, Report
from report_harvester.store import Store
from report_harvester.store import store as store_module
from report_harvester.store.schema import level_rank

METRICS = ["requests.received", "requests.granted", "staff.total", "proactive.total", "fees.collected"]
BODIES = [("甲县人民政府", "510705", "government"), ("甲县教育局", "510705", "department"),
          ("乙县人民政府", "510722", "government"), ("乙县某镇人民政府", "510722", "township")]  # fmt: skip


def _report(rng: random.Random, body: int, year: int | None) -> Report:
    issuer, code, level = BODIES[body]
    figures = []
    for key in rng.sample(METRICS, rng.randint(0, len(METRICS))):
        unit = "万元" if key == "fees.collected" and rng.random() < 0.5 else "件"
        figures.append(Figure(key, float(rng.randint(0, 99)), unit, evidence=f"{key}={rng.random():.6f}"))
        if rng.random() < 0.2:  # the same key again, or with a dimension ('' and none share a key)
            dim = rng.choice([None, "", "其他", "政策"])
            figures.append(Figure(key, float(rng.randint(0, 99)), "件", dimension=dim, evidence="again"))
    ident = Identity(title=f"{issuer}{year}年报告", issuer=issuer, region_code=code, level=level, year=year)
    return Report(source=f"{issuer}-{year}", identity=ident, figures=figures)


def _doc(n: int) -> DocumentInfo:
    return DocumentInfo(sha256=f"{n:064d}", size=10, media_type="text/html", url=f"https://x.invalid/{n}")


def _truth(store: Store) -> list[tuple[Any, ...]]:
    """(metric, dimension, level, body, year, value, unit, document, seq) from the figures view."""
    out: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for mid, dim, level, body, year, value, unit, document, seq in store.conn.execute(
        "SELECT f.metric_id, COALESCE(f.dimension, ''), b.level, r.body_id, r.year, f.value, f.unit,"
        " f.document_id, f.seq FROM figures f JOIN reports r ON r.id = f.report_id"
        " JOIN bodies b ON b.id = r.body_id WHERE f.preferred = 1 AND r.year IS NOT NULL"
        " ORDER BY f.document_id, f.seq"
    ):
        key = (mid, dim, level_rank(level), body, year)
        out.setdefault(key, (*key, float(value), unit, document, seq))
    return sorted(out.values())


def _blocks(store: Store) -> list[tuple[Any, ...]]:
    return sorted(
        (m, d, lv, b, y, float(v), u, doc, seq)
        for m, d, lv, b, y, v, u, doc, seq in store.conn.execute("SELECT * FROM compare_values")
    )


@pytest.fixture
def small_generations(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BIG_GEN", 6)
    monkeypatch.setattr(store_module, "MERGE_FAN", 2)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "b.db") as s:
        yield s


@pytest.mark.parametrize("seed", range(6))
def test_blocks_equal_preferred_figures_after_any_history(
    store: Store, small_generations: None, seed: int
) -> None:
    rng = random.Random(seed)
    documents: list[tuple[int, int, int | None]] = []  # (sha number, body, year) as last ingested
    for step in range(60):
        op = rng.random()
        if op < 0.35 or not documents:  # a new document, perhaps of a report that exists already
            n = len(documents) + 1000 * seed + 1
            body, year = rng.randrange(len(BODIES)), rng.choice([2017, 2018, 2019, None])
            store.ingest(_report(rng, body, year), _doc(n))
            documents.append((n, body, year))
        elif op < 0.6:  # re-extraction of a stored document with other figures
            i = rng.randrange(len(documents))
            n, body, year = documents[i]
            store.ingest(_report(rng, body, year), _doc(n))
        elif op < 0.7:  # a stored document read again as another year: it moves report
            i = rng.randrange(len(documents))
            n, body, _year = documents[i]
            year = rng.choice([2017, 2018, 2019])
            store.ingest(_report(rng, body, year), _doc(n))
            documents[i] = (n, body, year)
        else:  # a batch, written as one generation or deferred
            items = []
            for _ in range(rng.randint(1, 8)):
                n = len(documents) + 1000 * seed + 1
                body, year = rng.randrange(len(BODIES)), rng.choice([2016, 2017, 2018, 2019, 2020])
                items.append((_report(rng, body, year), _doc(n)))
                documents.append((n, body, year))
            store.ingest_many(items, defer_compare=rng.random() < 0.3)
        if step % 10 == 9:
            store.refresh_compare()
            assert _blocks(store) == _truth(store), f"seed {seed}, step {step}"
    store.refresh_compare()
    assert _blocks(store) == _truth(store)
    # maintenance keeps few generations: under MERGE_FAN per size tier, plus the big ones
    small = store.conn.execute("SELECT COUNT(*) FROM compare_gens WHERE reports < 6").fetchone()[0]
    assert small < 2 * 2
    for gen, blocks in store.conn.execute("SELECT gen, COUNT(*) FROM compare_blocks GROUP BY gen"):
        assert store.conn.execute("SELECT 1 FROM compare_gens WHERE gen = ?", (gen,)).fetchone(), gen
        assert blocks > 0


def test_compare_reads_the_same_values_as_the_truth(store: Store, small_generations: None) -> None:
    rng = random.Random(7)
    n = 0
    for year in (2018, 2019, 2020):
        for body in range(len(BODIES)):
            n += 1
            store.ingest(_report(rng, body, year), _doc(n))
    truth = _truth(store)
    ids = store.metric_ids()
    for key in METRICS:
        for level in ("government", "department", "township", "all"):
            got = compare.compare(store, [key], level=level)
            seen = {(r.body_id, y): v for r in got.rows for y, v in r.values.items()}
            want = {
                (b, y): v * (10000.0 if u == "万元" else 1.0) if key == "fees.collected" else v
                for m, d, lv, b, y, v, u, _doc_id, _seq in truth
                if m == ids[key] and d == "" and (level == "all" or lv == level_rank(level))
            }
            assert seen == want, (key, level)


def test_a_stale_entry_in_a_big_generation_is_filtered_then_compacted(store: Store) -> None:
    rng = random.Random(3)
    items = []
    for i in range(300):  # one generation of 300 reports: above BIG_GEN, not compacted for one change
        report = Report(
            source=f"s{i}",
            identity=Identity(title="t", issuer=f"R{i}人民政府", region_code=f"{900000 + i // 3}",
                              level="government", year=2016 + i % 3),
            figures=[Figure("requests.received", float(i), "件", evidence=f"e{i}")],
        )  # fmt: skip
        items.append((report, _doc(i + 1)))
    store.ingest_many(items)
    assert store.conn.execute("SELECT COUNT(*) FROM compare_gens").fetchone()[0] == 1
    changed = Report(
        source="s0",
        identity=items[0][0].identity,
        figures=[Figure("requests.received", 12345.0, "件", evidence="changed")],
    )
    store.ingest(changed, _doc(1))
    assert store.conn.execute("SELECT COUNT(*) FROM compare_stale").fetchone()[0] == 1
    assert _blocks(store) == _truth(store)
    # the second report no longer states the metric: its old value must not show through
    store.ingest(Report(source="s1", identity=items[1][0].identity, figures=[]), _doc(2))
    assert store.conn.execute("SELECT COUNT(*) FROM compare_stale").fetchone()[0] == 2
    assert _blocks(store) == _truth(store)
    values = {v for r in compare.compare(store, ["requests.received"]).rows for v in r.values.values()}
    assert 12345.0 in values and 0.0 not in values and 1.0 not in values and 2.0 in values
    # a quarter of the generation changed: it is rewritten without the stale entries
    for i in range(2, 80):
        report = Report(
            source=f"s{i}",
            identity=items[i][0].identity,
            figures=[Figure("requests.received", float(rng.randint(5000, 9000)), "件", evidence="x")],
        )
        store.ingest(report, _doc(i + 1))
    assert store.conn.execute("SELECT COUNT(*) FROM compare_stale").fetchone()[0] == 0
    assert _blocks(store) == _truth(store)
