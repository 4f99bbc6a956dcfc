"""The figure codec: its cached number texts must write exactly what the json module writes."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from report_harvester.errors import StoreError
from report_harvester.models import DocumentInfo, Figure, Identity, Report
from report_harvester.store import Store
from report_harvester.store.codec import _float_text, _NumberTexts, encode


def _report(values: list[float], spans: list[tuple[int, int] | None] | None = None) -> Report:
    spans = spans or [None] * len(values)
    figures = [
        Figure(metric="requests.received", value=v, unit="件", dimension=str(i), span=s)
        for i, (v, s) in enumerate(zip(values, spans, strict=True))
    ]
    ident = Identity(issuer="某县人民政府", region_code="510724", level="government", year=2018)
    return Report(source="x.html", identity=ident, figures=figures)


def test_value_and_span_texts_are_what_json_writes() -> None:
    rng = random.Random(20261206)
    for _ in range(50):
        n = rng.randint(1, 60)
        values = [
            rng.choice(
                [
                    float(rng.randint(0, 5000)),
                    rng.uniform(-1e6, 1e6),
                    rng.random() * 10 ** rng.randint(-8, 17),
                ]
            )
            for _ in range(n)
        ]
        spans = [(a, a + rng.randint(1, 300)) for a in (rng.randint(0, 400_000) for _ in range(n))]
        enc = encode(_report(values, list(spans)))
        assert enc.value == json.dumps(values, separators=(",", ":"))
        assert json.loads(enc.value) == values
        assert enc.span == json.dumps([x for s in spans for x in s], separators=(",", ":"))


def test_equal_numbers_of_other_types_do_not_share_a_text() -> None:
    # 3.0 == 3 and -0.0 == 0.0: a cache keyed by value must not hand one the other's text
    floaty = encode(_report([1.0, 2.0], [(3.0, 5.0), (1, 2)]))  # type: ignore[list-item]
    ints = encode(_report([1.0, 2.0], [(3, 5), (1, 2)]))
    assert json.loads(floaty.span or "") == [3.0, 5.0, 1, 2] and ints.span == "[3,5,1,2]"
    assert encode(_report([-0.0, 0.0])).value == "[0.0,0.0]"


def test_the_cache_forgets_when_full_and_stays_right() -> None:
    texts = _NumberTexts(str, limit=8)
    for i in range(100):
        assert texts[i] == str(i) and len(texts) <= 8
    assert texts[3] == "3"


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_a_value_that_is_not_a_number_is_refused_every_time(tmp_path: Path, bad: float) -> None:
    db = tmp_path / "r.db"
    with Store.open(db) as store:
        store.ingest(_report([4.0]), DocumentInfo(sha256="a" * 64, size=1))
        before = store.counts()
        for _ in range(2):  # the refusal is not remembered as a text
            with pytest.raises(StoreError, match="not a finite number"):
                store.ingest(_report([1.0, bad]), DocumentInfo(sha256="b" * 64, size=1))
        assert store.counts() == before


def test_minus_zero_is_written_as_zero_whichever_comes_first() -> None:
    texts = _NumberTexts(_float_text)  # a fresh cache, as after one fills up and is cleared
    assert texts[-0.0] == "0.0" and texts[0.0] == "0.0"
