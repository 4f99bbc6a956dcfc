"""The metric registry (patterns/metrics.toml): which keys exist, their units and dimensions."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .errors import PatternError

PATTERNS_DIR = Path(__file__).resolve().parents[2] / "patterns"


def patterns_dir() -> Path:
    return PATTERNS_DIR


@dataclass(frozen=True)
class Metric:
    key: str
    unit: str
    dimension: bool
    share_key: str | None = None


def load_toml(name: str) -> dict[str, Any]:
    path = PATTERNS_DIR / name
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PatternError(f"cannot load pattern file: {exc}", source=str(path)) from exc


@cache
def metrics() -> dict[str, Metric]:
    raw = load_toml("metrics.toml")["metric"]
    return {
        key: Metric(
            key=key,
            unit=str(spec["unit"]),
            dimension=bool(spec.get("dimension", False)),
            share_key=spec.get("share_key"),
        )
        for key, spec in raw.items()
    }


def is_registered(key: str) -> bool:
    return key in metrics()
