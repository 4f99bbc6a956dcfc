"""Check stage: the consistency checks (勾稽关系) of spec/metrics.md, as findings. Pure."""

from __future__ import annotations

from .models import Check, Figure, Identity


def run_checks(figures: list[Figure], ident: Identity) -> list[Check]:
    return []
