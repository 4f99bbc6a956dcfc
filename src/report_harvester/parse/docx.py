"""DOCX -> ParsedDocument: body paragraphs and tables in document order, merges expanded.

Safety: the zip directory is checked before python-docx reads anything (entry count and total
uncompressed size, so a zip bomb is refused without inflating it; zipfile never inflates a member past
the size its directory entry declares). python-docx parses parts with lxml's
XMLParser(resolve_entities=False), and lxml does not fetch over the network by default, so external
entities are never resolved; tests/test_parse_docx.py checks this on a crafted file.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterator
from typing import Any

from ..errors import ParseError, TooLarge
from ..models import ParsedDocument, Table
from .text import grid_text_lines, normalise_inline

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ENTRIES = 10_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
_T, _TAB, _BR, _CR = _W + "t", _W + "tab", _W + "br", _W + "cr"
# Wrappers whose children belong to the parent's flow (content controls, custom XML, tracked moves).
_TRANSPARENT = {_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins", _W + "moveTo"}


def _check_zip(data: bytes, name: str) -> zipfile.ZipFile:
    # The entry count is read from the end-of-central-directory record first: ZipFile() builds an
    # object per entry, and a crafted directory of a million entries would exhaust memory there.
    eocd = data.rfind(b"PK\x05\x06", max(0, len(data) - 65557))
    if eocd >= 0 and eocd + 22 <= len(data):
        (entries,) = struct.unpack_from("<H", data, eocd + 10)
        if entries > MAX_ENTRIES:
            raise TooLarge(f"DOCX zip has {entries} entries, over the limit of {MAX_ENTRIES}", source=name)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ParseError(f"not a valid DOCX: {exc}", source=name) from exc
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise TooLarge(f"DOCX zip has {len(infos)} entries, over the limit of {MAX_ENTRIES}", source=name)
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise TooLarge(
            f"DOCX expands to {total} bytes, over the limit of {MAX_UNCOMPRESSED} (zip bomb?)",
            source=name,
        )
    if "word/document.xml" not in zf.namelist():
        raise ParseError("not a valid DOCX: no word/document.xml in the zip", source=name)
    return zf


def _children(el: Any, tag: str) -> Iterator[Any]:
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _children(child, tag)


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    # iter() reaches runs inside hyperlinks, smart tags, fields and insertions; deleted text lives in
    # w:delText, which is not w:t, so it stays out without a special case.
    for el in p.iter(_T, _TAB, _BR, _CR):
        if el.tag == _T:
            parts.append(el.text or "")
        elif el.tag == _TAB:
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _cell_text(tc: Any) -> str:
    # nested tables are flattened into the cell, paragraph by paragraph
    return normalise_inline("\n".join(_paragraph_text(p) for p in tc.iter(_P)))


def _int_attr(el: Any, child: str) -> int | None:
    found = el.find(child) if el is not None else None
    if found is None:
        return None
    raw = found.get(_W + "val")
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def _table_grid(tbl: Any) -> tuple[list[list[str]], list[list[bool]]]:
    """Expand gridSpan (horizontal) and vMerge (vertical) merges into a rectangular grid.

    Returns the grid and, per position, whether a cell starts there (for the running text).
    """
    placed: list[list[tuple[int, int, str, bool]]] = []  # (grid column, span, text, continues merge)
    for tr in _children(tbl, _TR):
        tr_pr = tr.find(_W + "trPr")
        col = max(0, min(_int_attr(tr_pr, _W + "gridBefore") or 0, 1000))
        row: list[tuple[int, int, str, bool]] = []
        for tc in _children(tr, _TC):
            tc_pr = tc.find(_W + "tcPr")
            span = max(1, min(_int_attr(tc_pr, _W + "gridSpan") or 1, 1000))
            vmerge = tc_pr.find(_W + "vMerge") if tc_pr is not None else None
            # <w:vMerge/> without a value continues the merge above; val="restart" opens one
            continues = vmerge is not None and vmerge.get(_W + "val", "continue") == "continue"
            row.append((col, span, "" if continues else _cell_text(tc), continues))
            col += span
        placed.append(row)
    width = max((col + span for row in placed for col, span, _t, _c in row), default=0)
    grid = [[""] * width for _ in placed]
    origin = [[False] * width for _ in placed]
    for r, row in enumerate(placed):
        for col, span, text, continues in row:
            for c in range(col, col + span):
                # a continuation takes the text of the position above, itself filled from the opener
                grid[r][c] = grid[r - 1][c] if continues and r > 0 else text
            origin[r][col] = not continues
    return grid, origin


def _title(doc: Any, first_line: str | None) -> str | None:
    core = (doc.core_properties.title or "").strip()
    if "报告" in core or "年报" in core:
        return core
    if first_line and len(first_line) <= 100:
        return first_line
    return core or None


def parse_docx(data: bytes, name: str) -> ParsedDocument:
    """Parse a DOCX; raises ParseError for a corrupt file, TooLarge for a zip bomb."""
    import docx  # imported here: only DOCX input pays its import time

    zf = _check_zip(data, name)
    zf.close()
    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors... on bad parts
        raise ParseError(f"not a valid DOCX: {type(exc).__name__}: {exc}", source=name) from exc

    lines: list[str] = []
    length = 0
    tables: list[Table] = []
    first_line: str | None = None

    def add(line: str) -> None:
        nonlocal length
        if lines:
            length += 1
        lines.append(line)
        length += len(line)

    body = doc.element.body
    for el in _children_any(body):
        if el.tag == _P:
            text = normalise_inline(_paragraph_text(el))
            if text:
                first_line = first_line or text
                add(text)
        elif el.tag == _TBL:
            grid, origin = _table_grid(el)
            text_lines = grid_text_lines(grid, origin)
            if not text_lines:
                continue
            offset = length + 1 if lines else 0
            for line in text_lines:
                add(line)
            tables.append(Table(rows=grid, source="docx", offset=offset))
    return ParsedDocument(
        text="\n".join(lines),
        tables=tables,
        media_type=MEDIA_TYPE,
        title=_title(doc, first_line),
    )


def _children_any(el: Any) -> Iterator[Any]:
    for child in el:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _children_any(child)
