"""Whole reports written for the project, with the figures a perfect extractor gets from each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from report_harvester.api import extract_path

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = sorted((ROOT / "fixtures" / "expected").glob("*.json"))


def _document(name: str) -> Path:
    matches = [p for p in (ROOT / "fixtures" / "documents").glob(f"{name}.*") if p.suffix != ".json"]
    assert len(matches) == 1, name
    return matches[0]


@pytest.mark.parametrize("expected", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_fixture_report(expected: Path) -> None:
    want = json.loads(expected.read_text(encoding="utf-8"))
    report = extract_path(_document(expected.stem))
    got = {(f.metric, f.dimension): f.value for f in report.figures if not f.metric.startswith("t")}
    wanted = {(m, d): v for m, d, v in want["figures"]}
    assert got == wanted
    for key in ("year", "era", "level", "region_code"):
        if key in want:
            assert getattr(report.identity, key) == want[key], key
    # every figure carries evidence that really is in the document
    text = _document(expected.stem).read_bytes()
    for f in report.figures:
        assert f.evidence, f
        if f.method.startswith("prose"):
            assert f.span is not None and f.span[0] < f.span[1]
    assert text
