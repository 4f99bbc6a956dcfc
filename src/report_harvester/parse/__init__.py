"""Parse stage: bytes -> ParsedDocument (running text + table grids). Pure; no I/O.

Contract: `parse_document(data, name)` sniffs the format from the bytes (name is a hint only),
decodes text (gb18030-first policy), and returns text in which every table's cells also appear
(so prose patterns see them) plus the tables as grids. Raises InputError subclasses for bad input.
"""

from __future__ import annotations

from ..errors import EmptyInput
from ..models import ParsedDocument
from .decode import decode_text


def parse_document(data: bytes, name: str = "") -> ParsedDocument:
    if not data.strip():
        raise EmptyInput("empty document", source=name)
    text, note = decode_text(data)
    doc = ParsedDocument(text=text, media_type="text/plain")
    if note:
        doc.notes.append(note)
    return doc
