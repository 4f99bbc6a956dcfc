"""Identify stage: who issued a report, for which year, in which era (placeholder)."""

from __future__ import annotations

import re

from .models import Identity, ParsedDocument

_YEAR = re.compile(r"(20[0-3]\d)\s*年(?:度)?[^。]{0,30}?(?:政府)?信息公开")


def identify(doc: ParsedDocument) -> Identity:
    head = doc.text[:600]
    m = _YEAR.search(head)
    return Identity(title=doc.title, year=int(m.group(1)) if m else None)
