"""PDF → ParsedDocument with pypdfium2 (text and character boxes, ~10 ms a page).

pdfplumber's table finder costs 100–180 ms on a template-table page and, on Word exports with a
page border, returns the whole page as one "table". We rebuild lines from character boxes instead:
characters are grouped into visual lines, and lines that share a vertical band are printed as one
row ordered left to right. That one rule puts the numbers of a table row after their label even
when the label is wrapped or printed one character per line (三、本年度办理结果), and keeps the
numbers of a row whose label sits slightly lower (numbers "on the line above") with that label.
Rows carrying numbers after a label are also returned as grids, joined across page breaks.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import ParseError
from ..models import ParsedDocument, Table

_PAGE_NO = re.compile(
    r"^[-—－–\s]*\d{1,4}[-—－–\s]*$|^第\s*\d+\s*页(?:\s*[/,，、]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$|^-?\s*[ivxIVX]+\s*-?$"
)
_NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?(?:万元|元|%)?$|^[-—－/／无]$")
_WIDE = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]")
_SENTENCE_END = tuple("。！？；：…")
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|第[一二三四五六七八九十]+[章节条])"
)


@dataclass
class _Char:
    ch: str
    x0: float
    x1: float
    y0: float  # bottom
    y1: float  # top
    space_before: bool = False  # the text layer has a space here: a word or cell boundary


@dataclass
class _Line:
    chars: list[_Char] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(c.x0 for c in self.chars)

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @property
    def y0(self) -> float:
        return min(c.y0 for c in self.chars)

    @property
    def y1(self) -> float:
        return max(c.y1 for c in self.chars)


@dataclass
class _Band:
    lines: list[_Line]
    y0: float
    y1: float
    x1: float = 0.0
    x0: float = 0.0
    text: str = ""
    pieces: list[str] = field(default_factory=list)
    # each piece's horizontal extent, for placing a row's values between a table's rules
    spans: list[tuple[float, float]] = field(default_factory=list)


_OBJ = re.compile(rb"(?<![0-9])(\d{1,7})\s+\d{1,5}\s+obj\b")


def _repeated_objects(data: bytes) -> bool:
    """Thousands of definitions of the same few objects: a file spliced from repeated pieces,
    which PDFium would spend a long time repairing (found by fuzzing). Real files, even with many
    incremental updates, define each object a few times at most."""
    numbers = _OBJ.findall(data)
    return len(numbers) > 2000 and len(set(numbers)) * 5 < len(numbers)


def parse_pdf(data: bytes, name: str = "") -> ParsedDocument:
    if _repeated_objects(data):
        raise ParseError(
            "not a readable PDF: the same objects are defined over and over (damaged file)",
            source=name or None,
        )
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower() or "security" in msg.lower():
            raise ParseError(f"PDF is encrypted and needs a password: {msg}", source=name or None) from exc
        raise ParseError(f"not a readable PDF: {msg}", source=name or None) from exc
    try:
        return _parse(pdf, name)
    except pdfium.PdfiumError as exc:
        raise ParseError(f"not a readable PDF: {exc}", source=name or None) from exc
    finally:
        pdf.close()


def _parse(pdf: pdfium.PdfDocument, name: str) -> ParsedDocument:
    pages: list[list[_Band]] = []
    rules: list[list[tuple[float, float, float]]] = []
    n_chars = 0
    n_images = 0
    for i in range(len(pdf)):
        page = pdf[i]
        try:
            tp = page.get_textpage()
            try:
                chars = _chars(tp)
            finally:
                tp.close()
            rules.append(_vertical_rules(page) if chars else [])
            if not chars:
                n_images += sum(
                    1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1)
                )
        finally:
            page.close()
        n_chars += len(chars)
        pages.append(_bands(chars))
    doc = ParsedDocument(text="", media_type="application/pdf")
    if n_chars == 0:
        doc.image_only = True
        doc.notes.append(
            f"image-only PDF (图片版): {len(pages)} page(s) without a text layer"
            + (f", {n_images} image(s)" if n_images else "")
        )
        return doc
    _drop_running_lines(pages)
    text, tables = _assemble(pages, rules)
    doc.text = text
    doc.tables = tables
    return doc


def _chars(tp: pdfium.PdfTextPage) -> list[_Char]:
    out: list[_Char] = []
    raw = tp.raw
    space = False
    for i in range(tp.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        if code <= 32 or code in (0xA0, 0x3000, 0xFFFE, 0xFFFF):
            space = space or code in (32, 0xA0, 0x3000)
            continue
        ch = chr(code)
        x0, y0, x1, y1 = tp.get_charbox(i, loose=True)
        if x1 <= x0 and y1 <= y0:
            continue
        # loose boxes (font ascent to descent) give every glyph of a line the same height, where
        # tight boxes would make 一 a sliver
        out.append(_Char(ch, x0, x1, y0, y1, space_before=space))
        space = False
    return out


def _bands(chars: list[_Char]) -> list[_Band]:
    # visual lines: consecutive characters in stream order that stay on one baseline and move right
    lines: list[_Line] = []
    cur: _Line | None = None
    for c in chars:
        if cur is not None:
            last, head = cur.chars[-1], cur.chars[0]
            mid = (c.y0 + c.y1) / 2
            # against the line's first glyph too, so that a column of glyphs never drifts into a line
            same_row = (
                abs(mid - (last.y0 + last.y1) / 2) < max(last.y1 - last.y0, 1.0) * 0.5
                and abs(mid - (head.y0 + head.y1) / 2) < max(head.y1 - head.y0, 1.0) * 0.5
            )
            h = max(last.y1 - last.y0, 1.0)
            if same_row and c.x0 >= last.x0 - 0.5 * h:
                cur.chars.append(c)
                continue
        cur = _Line([c])
        lines.append(cur)
    # bands: lines whose vertical extents overlap enough print as one row
    lines.sort(key=lambda ln: -ln.y1)
    bands: list[_Band] = []
    for ln in lines:
        placed = False
        mid = (ln.y0 + ln.y1) / 2
        for b in reversed(bands[-8:]):
            # compare with the band's first line only, so that bands never chain into each other
            first = b.lines[0]
            fmid = (first.y0 + first.y1) / 2
            if abs(mid - fmid) < 0.5 * min(first.y1 - first.y0, ln.y1 - ln.y0):
                b.lines.append(ln)
                b.y0, b.y1 = min(b.y0, ln.y0), max(b.y1, ln.y1)
                placed = True
                break
        if not placed:
            bands.append(_Band([ln], ln.y0, ln.y1))
    bands.sort(key=lambda b: -b.y1)
    for b in bands:
        _render(b)
    return bands


def _render(b: _Band) -> None:
    # pieces: runs of characters without a wide gap; a band prints its pieces left to right, and
    # pieces starting at the same x (a wrapped cell) top to bottom
    pieces: list[tuple[float, float, str, float]] = []
    for ln in b.lines:
        run = [ln.chars[0]]
        for c in ln.chars[1:]:
            prev = run[-1]
            h = max(prev.y1 - prev.y0, 1.0)
            if c.x0 - prev.x1 > 0.9 * h or (c.space_before and (c.ch.isdigit() and prev.ch.isdigit())):
                pieces.append((run[0].x0, -run[0].y1, "".join(ch.ch for ch in run), run[-1].x1))
                run = [c]
            else:
                run.append(c)
        pieces.append((run[0].x0, -run[0].y1, "".join(ch.ch for ch in run), run[-1].x1))
    pieces.sort(key=lambda p: (round(p[0] / 3), p[1]))
    b.pieces = [p[2] for p in pieces]
    b.spans = [(p[0], p[3]) for p in pieces]
    b.text = _join_pieces(b.pieces)
    b.x0 = min(ln.x0 for ln in b.lines)
    b.x1 = max(ln.x1 for ln in b.lines)


def _join_pieces(pieces: list[str]) -> str:
    out = ""
    for p in pieces:
        if out and not (_WIDE.match(out[-1]) and _WIDE.match(p[0])):
            out += " "
        out += p
    return out


def _drop_running_lines(pages: list[list[_Band]]) -> None:
    """Drop page numbers (- 3 -, 第3页 共5页) and headers/footers repeated on most pages."""
    edge_count: dict[str, int] = {}
    for bands in pages:
        for b in bands[:1] + bands[-1:] if len(bands) > 1 else bands:
            key = re.sub(r"\d+", "#", b.text)
            edge_count[key] = edge_count.get(key, 0) + 1
    repeated = {k for k, n in edge_count.items() if len(pages) >= 3 and n >= max(3, len(pages) * 0.6)}
    # a short line at the edge of two pages or more, in any document, is a running header/footer
    repeated |= {k for k, n in edge_count.items() if n >= 2 and len(k) <= 60}
    # a running header that repeats the title (set on page 1 as one line or wrapped over two)
    head = [re.sub(r"\s+", "", b.text) for b in (pages[0][:8] if pages else [])]
    titles = set(head) | {a + b for a, b in itertools.pairwise(head)}
    for pno, bands in enumerate(pages):
        while bands and (_PAGE_NO.match(bands[-1].text) or re.sub(r"\d+", "#", bands[-1].text) in repeated):
            bands.pop()
        while bands and (
            _PAGE_NO.match(bands[0].text)
            or re.sub(r"\d+", "#", bands[0].text) in repeated
            or (
                pno > 0
                and re.sub(r"\s+", "", bands[0].text) in titles
                and not bands[0].text.endswith(_SENTENCE_END)
            )
        ):
            bands.pop(0)


def _is_row(b: _Band) -> bool:
    """A table row: a label (or nothing) followed by two or more numeric pieces."""
    nums = 0
    for p in reversed(b.pieces):
        if all(_NUMBER.match(t) for t in p.split()):
            nums += len(p.split())
        else:
            break
    return nums >= 2 or (nums == 1 and len(b.pieces) >= 2 and not b.text.endswith(_SENTENCE_END))


def _assemble(
    pages: list[list[_Band]], rules: list[list[tuple[float, float, float]]] | None = None
) -> tuple[str, list[Table]]:
    parts: list[str] = []
    tables: list[Table] = []
    current: Table | None = None
    text_len = 0
    # the text column: where most lines of prose start (first lines are indented, table rows may
    # reach beyond it) and how far the longer ones reach
    prose = [b for bands in pages for b in bands if len(b.text) >= 12 and not _is_row(b)]
    starts = Counter(round(b.x0) for b in prose)
    left = float(starts.most_common(1)[0][0]) - 1.0 if starts else 0.0
    ends = sorted(b.x1 for b in prose)
    right = ends[int(len(ends) * 0.9)] if ends else max((b.x1 for bands in pages for b in bands), default=0.0)
    prev: _Band | None = None
    prev_row = False
    value_start: float | None = None  # where the current ruled table's value columns begin
    for pno, bands in enumerate(pages, start=1):
        for bi, b in enumerate(bands):
            row = _is_row(b)
            if row:
                if current is None:
                    current = Table(rows=[], source="pdf", page=pno, offset=text_len + (1 if parts else 0))
                    tables.append(current)
                ruled = None
                if rules and len(rules) >= pno:
                    # a label set apart from its values (centred in a taller cell) is the short
                    # line just above, inside the table
                    above = bands[bi - 1].text if bi and not _is_row(bands[bi - 1]) else ""
                    ruled, value_start = _ruled_cells(b, rules[pno - 1], value_start, above)
                    last = current.rows[-1] if current.rows else None
                    if ruled and last and last[0] == ruled[0] and not any(last[1:]):
                        current.rows.pop()  # that label line was taken for a blank row: it is this one
                current.rows.append(ruled or _row_cells(b))
            elif current is not None:
                # in a ruled table, text that stays left of the value columns is a label however
                # long its cells make the line
                in_labels = value_start is not None and b.x1 <= value_start + 1.0
                if not _continues_table(b, bands, bi, *((200, 10) if in_labels else (40, 4))):
                    current, value_start = None, None
                elif value_start is not None and rules and len(rules) >= pno:
                    # a row whose cells are all left blank (all zeros) has only its label
                    blank = _blank_ruled_row(b, rules[pno - 1], value_start)
                    if blank:
                        current.rows.append(blank)
            piece = b.text
            if parts:
                # prose wrapped at the right margin continues on the next line; rows never join
                joined = (
                    not row
                    and not prev_row
                    and (_full_width(prev, right) or _wrapped_ragged(prev, b, left, right))
                    and not _larger_type(prev, b)
                    and not parts[-1].endswith(_SENTENCE_END)
                    and not _HEADING.match(piece)
                )
                sep = "\n"
                if joined:
                    sep = "" if (_WIDE.match(parts[-1][-1]) or _WIDE.match(piece[0])) else " "
                parts.append(sep)
                text_len += len(sep)
            parts.append(piece)
            text_len += len(piece)
            prev, prev_row = b, row
    return "".join(parts), [t for t in tables if len(t.rows) >= 2]


def _full_width(b: _Band | None, right: float) -> bool:
    if b is None:
        return False
    h = max(b.y1 - b.y0, 1.0)
    return b.x1 >= right - 1.6 * h


def _larger_type(prev: _Band | None, b: _Band) -> bool:
    """A title or heading set larger than the text after it never runs on into that text."""
    if prev is None:
        return False
    return (prev.y1 - prev.y0) > 1.15 * (b.y1 - b.y0)


def _wrapped_ragged(prev: _Band | None, b: _Band, left: float, right: float) -> bool:
    """A line of ragged-right prose (wrapped by a character count, or with half-width digits
    that make it narrower) continues on the next when it runs most of the column and the next
    starts back at the margin, where a new paragraph would be indented and a title centred."""
    if prev is None or right <= left:
        return False
    h = max(b.y1 - b.y0, 1.0)
    return prev.x1 >= left + 0.6 * (right - left) and b.x0 <= left + 0.8 * h and abs(prev.x0 - left) <= 3 * h


def _continues_table(b: _Band, bands: list[_Band], i: int, longest: int = 40, ahead: int = 4) -> bool:
    # header rows, wrapped label lines and rows left blank inside a table: short lines with a
    # row a few lines further on
    if len(b.text) > longest:
        return False
    for nxt in bands[i + 1 : i + 1 + ahead]:
        if _is_row(nxt):
            return True
        if len(nxt.text) > longest:
            return False
    return False


_MAX_PATHS = 20_000  # a page drawn as thousands of paths (a chart, a map) has no table rules to find


def _vertical_rules(page: pdfium.PdfPage) -> list[tuple[float, float, float]]:
    """(x, bottom, top) of the vertical rules on a page: narrow path objects, as table borders
    are drawn (a line, or a hairline rectangle from a Word export)."""
    out: list[tuple[float, float, float]] = []
    for n, obj in enumerate(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2)):
        if n >= _MAX_PATHS:
            return []
        left, bottom, right, top = obj.get_bounds()
        if right - left <= 2.5 and top - bottom >= 4.0:
            out.append(((left + right) / 2, bottom, top))
    return out


def _ruled_cells(
    b: _Band, rules: list[tuple[float, float, float]], value_start: float | None, above: str
) -> tuple[list[str] | None, float | None]:
    """A table row's cells placed between the rules drawn across it, so that a blank cell (a zero
    left empty) keeps its column: [label, v1, "", v3, …]; and where its values begin. None where
    no rules frame the row. A row without a label of its own takes `above` (the short line just
    above it) or, failing that, the value columns of the row before."""
    bounds = _rule_bounds(b, rules)
    if len(bounds) < 3:
        return None, value_start
    label: list[str] = []
    label_end = -math.inf
    values: list[tuple[float, str]] = []
    for piece, (x0, x1) in zip(b.pieces, b.spans, strict=True):
        toks = piece.split()
        if toks and all(_NUMBER.match(t) for t in toks):
            # several values in one piece: share its width out by their lengths
            total = sum(len(t) for t in toks) or 1
            at = x0
            for t in toks:
                w = (x1 - x0) * len(t) / total
                values.append((at + w / 2, t))
                at += w
        elif not values:
            label.append(piece)
            label_end = max(label_end, x1)
        else:
            return None, value_start  # text among the values: not a row this reading knows
    if not values:
        return None, value_start
    if label:
        start = label_end - 1.0
    elif value_start is not None:
        start = value_start - 1.0
        if above and len(above) <= 24:
            label = [above]
    else:
        return None, value_start
    first = next((i for i in range(len(bounds) - 1) if bounds[i] >= start), None)
    if first is None:
        return None, value_start
    cells = [""] * (len(bounds) - 1 - first)
    for x, t in values:
        i = next((k for k in range(first, len(bounds) - 1) if bounds[k] <= x < bounds[k + 1]), None)
        if i is None:
            return None, value_start
        cells[i - first] = f"{cells[i - first]} {t}".strip()
    if len(cells) < len(values):
        return None, value_start
    row = [_join_pieces(label), *cells] if label else cells
    return row, bounds[first]


def _rule_bounds(b: _Band, rules: list[tuple[float, float, float]]) -> list[float]:
    """The x of the vertical rules drawn across a band, left to right, near-duplicates merged."""
    mid = (b.y0 + b.y1) / 2
    bounds: list[float] = []
    for x in sorted(x for x, lo, hi in rules if lo - 1 <= mid <= hi + 1):
        if not bounds or x - bounds[-1] > 2.0:
            bounds.append(x)
    return bounds


def _blank_ruled_row(
    b: _Band, rules: list[tuple[float, float, float]], value_start: float
) -> list[str] | None:
    """[label, "", "", …] for a ruled row whose text stays left of the value columns."""
    if b.x1 > value_start + 1.0:
        return None
    bounds = _rule_bounds(b, rules)
    first = next((i for i in range(len(bounds) - 1) if bounds[i] >= value_start - 1.0), None)
    if first is None or len(bounds) - 1 - first < 1:
        return None
    return [b.text, *([""] * (len(bounds) - 1 - first))]


def _row_cells(b: _Band) -> list[str]:
    label: list[str] = []
    values: list[str] = []
    for p in b.pieces:
        toks = p.split()
        if toks and all(_NUMBER.match(t) for t in toks):
            values.extend(toks)
        else:
            if values:
                # text after numbers belongs to the label's wrapped cell
                label.append(p)
                continue
            label.append(p)
    return [_join_pieces(label), *values] if label else values
