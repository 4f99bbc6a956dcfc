"""A harvest of the stand-in sites through 20% injected faults (every kind: errors, stalls, resets, short
bodies, wrong charsets, redirect loops and escapes, endless and oversized bodies, gzip bombs, WAF pages).

Every report is stored or recorded as failed with its reason; a second run with faults off fetches the
failed ones (and nothing already stored) and ends with the database of a fault-free run. The default
suite soaks one seed; RH_SLOW=1 (benchmarks/soak.py for the figures) soaks many.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from faultserver import SLOW, reference_db, soak_once


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return reference_db(tmp_path_factory.mktemp("ref"))


@pytest.mark.parametrize("seed", [2])
def test_soak_20_percent_faults(reference: Path, tmp_path: Path, seed: int) -> None:
    stats = soak_once(seed, tmp_path, reference)
    assert stats["faults_injected"] >= 10 and stats["reports_lost"] == 0


@pytest.mark.slow
@pytest.mark.skipif(not SLOW, reason="long soak: set RH_SLOW=1")
@pytest.mark.parametrize("seed", range(100, 120))
def test_soak_many_seeds(reference: Path, tmp_path: Path, seed: int) -> None:
    soak_once(seed, tmp_path, reference)
