"""Every prose pattern's examples must produce their figure; counterexamples must not."""

from __future__ import annotations

import pytest

from report_harvester.extract import prose, prose_patterns
from report_harvester.registry import metrics


def _entries() -> list[prose_patterns.Pattern]:
    ps = prose_patterns.load()
    return ps.patterns + ps.zeros + ps.terms + ps.openers + ps.alls


def _cases() -> list[tuple[str, prose_patterns.Pattern, prose_patterns.Example]]:
    return [(f"{p.id}:{i}", p, ex) for p in _entries() for i, ex in enumerate(p.examples)]


def _counter_cases() -> list[tuple[str, prose_patterns.Pattern, str]]:
    return [(f"{p.id}:not{i}", p, text) for p in _entries() for i, text in enumerate(p.counterexamples)]


def _expected_metric(p: prose_patterns.Pattern, ex: prose_patterns.Example) -> str:
    if ex.metric:
        return ex.metric
    assert not p.metric.startswith("@"), f"{p.id}: examples of a relative metric must name their metric"
    return p.metric


@pytest.mark.parametrize(("case", "pattern", "example"), _cases(), ids=[c[0] for c in _cases()])
def test_example_matches(case: str, pattern: prose_patterns.Pattern, example: prose_patterns.Example) -> None:
    metric = _expected_metric(pattern, example)
    figures = prose.extract(example.text)
    hits = [f for f in figures if f.metric == metric]
    if example.dimension is not None:
        hits = [f for f in hits if f.dimension == example.dimension]
    assert hits, (
        f"{case}: no {metric} figure from {example.text!r}; got {[(f.metric, f.value) for f in figures]}"
    )
    if example.value is not None:
        assert hits[0].value == pytest.approx(example.value), case
    # the evidence really is a piece of the example
    assert hits[0].evidence and hits[0].evidence in example.text


@pytest.mark.parametrize(("case", "pattern", "text"), _counter_cases(), ids=[c[0] for c in _counter_cases()])
def test_counterexample_does_not_match(case: str, pattern: prose_patterns.Pattern, text: str) -> None:
    figures = prose.extract(text)
    claimed = [f for f in figures if f.method.split(":", 1)[-1].split("+")[0] == pattern.id]
    assert not claimed, f"{case}: {pattern.id} wrongly claimed {[(f.metric, f.value) for f in claimed]}"


def test_every_pattern_has_examples() -> None:
    for p in _entries():
        assert p.examples, f"{p.id} has no examples"


def test_every_pattern_metric_is_registered() -> None:
    known = metrics()
    for p in _entries():
        if not p.metric.startswith("@"):
            assert p.metric in known, p.id


def test_openers_are_registered() -> None:
    for o in prose_patterns.load().openers:
        assert o.metric in metrics()


def test_context_skip_examples() -> None:
    ps = prose_patterns.load()
    for text in ps.skip_examples:
        assert not prose.extract(text), text
    for text in ps.keep_examples:
        assert prose.extract(text), text


def test_other_year_is_not_this_years_figure() -> None:
    text = "2017年收到政府信息公开申请20件。2018年收到政府信息公开申请26件。"
    figs = {f.metric: f.value for f in prose.extract(text, year=2018)}
    assert figs["requests.received"] == 26
