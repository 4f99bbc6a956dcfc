"""Bytes -> str with the encoding policy of spec/dependencies.md §5 (placeholder, helper fills in)."""

from __future__ import annotations


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc), None
        except UnicodeDecodeError:
            continue
    return data.decode("gb18030", errors="replace"), "encoding guessed"
