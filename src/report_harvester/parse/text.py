"""Shared text helpers of the parse stage, and the plain-text parser."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import ParsedDocument, Table

# CJK ideographs, CJK punctuation, full-width forms (incl. full-width digits) and the supplementary
# ideograph planes: characters between which a source line break is not a word space.
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
_WS_RUN = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_WIDE_CHAR = re.compile(f"[{_WIDE}]")


def _squeeze(match: re.Match[str]) -> str:
    run = match.group(0)
    if "\n" in run or "\r" in run:
        s = match.string
        start, end = match.span()
        # Word exports and CMS editors wrap lines inside Chinese sentences; browsers show no space
        # there (CSS Text segment-break rule), and neither should we: 主动公开\n政府信息 is one phrase.
        if start > 0 and end < len(s) and _WIDE_CHAR.match(s[start - 1]) and _WIDE_CHAR.match(s[end]):
            return ""
    return " "


def normalise_inline(text: str) -> str:
    """Collapse a run of inline text to one line: whitespace runs (incl. &nbsp; and U+3000) -> one space,
    line breaks between Chinese characters dropped, invisible characters removed, ends stripped."""
    text = _INVISIBLE.sub("", text)
    return _WS_RUN.sub(_squeeze, text).strip()


def grid_text_lines(rows: Sequence[Sequence[str]], origins: Sequence[Sequence[bool]]) -> list[str]:
    """A grid rendered as text lines, one per row, cells separated by tabs.

    Positions covered by a merged cell are left blank, so every merged cell's text appears once (a
    figure is not read twice from the running text) while the tab count still matches the grid.
    All-blank rows are skipped.
    """
    lines = []
    for row, origin in zip(rows, origins, strict=True):
        cells = [cell if first else "" for cell, first in zip(row, origin, strict=True)]
        if any(cells):
            lines.append("\t".join(cells).rstrip("\t"))
    return lines


_TITLE_LINE = re.compile(r"^\s*(?:标\s*题|標\s*題|title)\s*[:：]\s*(\S.*?)\s*$", re.IGNORECASE)
_MULTI_SPACE = re.compile(r"(?: {2,}|\u3000+)")
_MIN_TABLE_ROWS = 3
_MIN_TABLE_COLS = 3


def _split_cells(line: str) -> list[str] | None:
    if "\t" in line:
        cells = [c.strip() for c in line.strip("\r\n").split("\t")]
    else:
        stripped = line.strip()
        if not _MULTI_SPACE.search(stripped):
            return None
        cells = [c.strip() for c in _MULTI_SPACE.split(stripped)]
    # leading/trailing separators (indentation) do not make a column
    while cells and not cells[0]:
        cells.pop(0)
    while cells and not cells[-1]:
        cells.pop()
    return cells if len(cells) >= _MIN_TABLE_COLS else None


def find_text_tables(text: str) -> list[Table]:
    """Runs of >= 3 consecutive lines with the same number (>= 3) of tab- or multi-space-separated cells."""
    tables: list[Table] = []
    run: list[list[str]] = []
    run_offset = 0
    offset = 0

    def close() -> None:
        if len(run) >= _MIN_TABLE_ROWS:
            tables.append(Table(rows=[list(r) for r in run], source="text", offset=run_offset))
        run.clear()

    for line in text.split("\n"):
        cells = _split_cells(line)
        if cells is not None and run and len(cells) == len(run[0]):
            run.append(cells)
        else:
            close()
            if cells is not None:
                run.append(cells)
                run_offset = offset
        offset += len(line) + 1
    close()
    return tables


def title_from_header(text: str, max_lines: int = 20) -> str | None:
    """The title from a crawler's header line such as `标题: …` near the top of a saved page."""
    for line in text.split("\n", max_lines)[:max_lines]:
        m = _TITLE_LINE.match(line)
        if m:
            return m.group(1)
    return None


def parse_plain_text(text: str, notes: Sequence[str] = ()) -> ParsedDocument:
    """Plain text kept as it is apart from line endings; tables found from column layout."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return ParsedDocument(
        text=text,
        tables=find_text_tables(text),
        media_type="text/plain",
        title=title_from_header(text),
        notes=list(notes),
    )
