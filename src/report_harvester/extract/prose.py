"""Prose extraction (placeholder)."""

from __future__ import annotations

from ..models import Figure


def extract(text: str) -> list[Figure]:
    return []
