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


def comparable_dimension(d: str | None) -> str | None:
    """A dimension label as metrics.md compares them: white space, trailing 信息/类/的 dropped in any
    combination, 其它 read as 其他, and any label beginning with 其他 read as 其他."""
    if d is None:
        return None
    d = d.strip().replace("其它", "其他")
    if d.startswith("其他"):
        return "其他"
    changed = True
    while changed:
        changed = False
        for suffix in ("信息", "类", "的"):
            if d.endswith(suffix) and len(d) > len(suffix):
                d, changed = d[: -len(suffix)], True
    return d
