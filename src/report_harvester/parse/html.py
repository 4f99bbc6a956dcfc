"""HTML -> ParsedDocument: the article body's running text and its tables as grids.

Government CMS pages (TRS, Hanweb, Word exports) wrap the report in navigation, breadcrumbs and
footers; the body is found by the CMS's container names, else by descending into the element that
holds most of the page's text. Running text keeps block structure: one line per block, a table row as
one line with its cells separated by tabs, so the prose patterns see table rows as lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..models import ParsedDocument, Table
from .decode import decode_text
from .text import grid_text_lines, normalise_inline

# Page chrome and non-text content, removed with everything inside them.
_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "select",
    "button",
    "textarea",
    "map",
    "audio",
    "video",
]

_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "tr",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "main",
        "aside",
        "blockquote",
        "pre",
        "table",
        "caption",
        "td",
        "th",
        "hr",
        "address",
        "center",
        "figure",
        "figcaption",
        "fieldset",
        "legend",
        "form",
        "body",
        "html",
    }
)

# id/class tokens of article containers in TRS, Hanweb, Word-export and other government CMS pages.
_BODY_TOKENS = frozenset(
    {
        "trs_editor",
        "zoom",
        "zoomcon",
        "article",
        "article-content",
        "article_content",
        "articlecontent",
        "content",
        "con",
        "contxt",
        "detail",
        "details",
        "wzy",
        "custom_unionstyle",
        "ucap-content",
        "ucapcontent",
        "news_content",
        "newscontent",
        "main-content",
        "maincontent",
        "info_content",
        "xxgk_content",
        "bt_content",
        "zwnr",
        "nr",
        "zw",
        "j-fontcontent",
        "pages_content",
        "wordsection1",
    }
)
_BODY_SUBSTRINGS = ("trs_editor", "unionstyle", "zoom", "article", "content", "detail")
_CANDIDATE_TAGS = "div, td, article, section, main"
# Containers the fallback may descend into when one child holds most of the text.
_DESCEND_TAGS = frozenset(
    {
        "div",
        "section",
        "article",
        "main",
        "form",
        "center",
        "table",
        "tbody",
        "thead",
        "tr",
        "td",
        "th",
        "font",
    }
)
_MIN_BODY_CHARS = 50
_INNER_SHARE = 0.8
_DOMINANT_SHARE = 0.6
# Upper bound on grid positions per table; real report tables have a few hundred.
_MAX_GRID_CELLS = 1_000_000
# the national template's widest table has 10 columns; 400 leaves room for any real layout
_MAX_GRID_WIDTH = 400
_MAX_COLSPAN = 1000
_MAX_SPAN_FILL = 200_000
_MAX_ROWSPAN = 65534

_WS = re.compile(r"\s+")
_LEADING_INT = re.compile(r"\s*(\d+)")


def _chars(node: LexborNode) -> int:
    return len(_WS.sub("", node.text(deep=True)))


def _element_children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        if child.is_element_node:
            yield child
        child = child.next


def _has_nested_table(table: LexborNode) -> bool:
    # css_first matches the node itself, so search from the children (tbody/tr), never the table
    return any(c.css_first("table") is not None for c in _element_children(table))


def _is_ancestor(ancestor: LexborNode, node: LexborNode) -> bool:
    target = ancestor.mem_id
    parent = node.parent
    while parent is not None:
        if parent.mem_id == target:
            return True
        parent = parent.parent
    return False


def _attr(node: LexborNode, name: str) -> str:
    value = node.attributes.get(name)
    return value if isinstance(value, str) else ""


def _looks_like_body(node: LexborNode) -> bool:
    attrs = node.attributes
    if not attrs:
        return False
    tokens = f"{attrs.get('id') or ''} {attrs.get('class') or ''}".lower().split()
    return any(t in _BODY_TOKENS or any(s in t for s in _BODY_SUBSTRINGS) for t in tokens)


def _score(node: LexborNode) -> int:
    """Text characters outside links: menus and related-article lists are mostly links."""
    links = sum(_chars(a) for a in node.css("a"))
    return _chars(node) - links


# A real page has a handful of body-like containers; a page repeated a thousand times (found by
# fuzzing) would make scoring and the inner-container search quadratic.
_MAX_BODY_CANDIDATES = 60


def _find_body(root: LexborNode) -> LexborNode:
    likely = [n for n in root.css(_CANDIDATE_TAGS) if _looks_like_body(n)][:_MAX_BODY_CANDIDATES]
    candidates = [(n, _score(n)) for n in likely]
    candidates = [(n, s) for n, s in candidates if s >= _MIN_BODY_CHARS]
    if candidates:
        best, best_score = max(candidates, key=lambda c: c[1])
        # Prefer an inner container (TRS_Editor inside a page-wide "content" div) when it holds nearly
        # all the text and every table, so the title/date/print-button wrapper stays out.
        improved = True
        while improved:
            improved = False
            n_tables = len(best.css("table"))
            for node, score in candidates:
                if (
                    node.mem_id != best.mem_id
                    and score >= _INNER_SHARE * best_score
                    and _is_ancestor(best, node)
                    and len(node.css("table")) >= n_tables
                ):
                    best, best_score = node, score
                    improved = True
                    break
        return best
    return _dominant_descent(root)


def _dominant_descent(root: LexborNode) -> LexborNode:
    """Largest text block: go down while one child container holds most of the text and all tables."""
    node = root
    while True:
        total = _chars(node)
        if total < _MIN_BODY_CHARS:
            return node
        n_tables = len(node.css("table"))
        nxt = None
        for child in _element_children(node):
            if child.tag not in _DESCEND_TAGS:
                continue
            if child.tag == "table" and not _has_nested_table(child):
                continue  # a data table is content, never a wrapper
            if _chars(child) >= _DOMINANT_SHARE * total and len(child.css("table")) >= n_tables:
                nxt = child
                break
        if nxt is None:
            return node
        node = nxt


def _title(tree: LexborHTMLParser) -> str | None:
    for meta in tree.css("meta"):
        key = (_attr(meta, "name") or _attr(meta, "property")).lower()
        if key in ("articletitle", "og:title"):
            title = normalise_inline(_attr(meta, "content"))
            if title:
                return title
    for tag in ("h1", "title"):
        for node in tree.css(tag):
            title = normalise_inline(node.text(deep=True))
            if title:
                return title
    return None


class _Lines:
    """Accumulates running text as lines and knows the offset where the next line starts."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.length = 0
        self._buf: list[str] = []

    def text(self, s: str) -> None:
        self._buf.append(s)

    def brk(self) -> None:
        if self._buf:
            line = normalise_inline("".join(self._buf))
            self._buf.clear()
            if line:
                self.add(line)

    def add(self, line: str) -> None:
        if self.lines:
            self.length += 1
        self.lines.append(line)
        self.length += len(line)

    def next_offset(self) -> int:
        return self.length + 1 if self.lines else 0

    def result(self) -> str:
        self.brk()
        return "\n".join(self.lines)


def _spans(node: LexborNode, n_rows: int) -> tuple[int, int]:
    attrs = node.attributes
    if not attrs:
        return 1, 1  # no rowspan, no colspan: the common cell
    return _span(attrs.get("rowspan"), n_rows, zero_means_rest=True), _span(
        attrs.get("colspan"), _MAX_COLSPAN
    )


def _span(raw: str | None, limit: int, zero_means_rest: bool = False) -> int:
    if not raw:
        return 1
    # browsers read the leading digits: "2;", " 3 ", "4px" all count
    m = _LEADING_INT.match(raw)
    if not m:
        return 1
    value = int(m.group(1)[:7])
    if value == 0 and zero_means_rest:
        return limit  # rowspan=0: to the end of the table
    return max(1, min(value, limit))


def _table_rows(table: LexborNode) -> list[list[LexborNode]]:
    rows: list[list[LexborNode]] = []
    for child in _element_children(table):
        trs = [child] if child.tag == "tr" else []
        if child.tag in ("thead", "tbody", "tfoot"):
            trs = [tr for tr in _element_children(child) if tr.tag == "tr"]
        for tr in trs:
            rows.append([c for c in _element_children(tr) if c.tag in ("td", "th")])
    return rows


def _cell_text(cell: LexborNode, tables: list[Table]) -> str:
    child = cell.child
    if child is None:
        return ""
    if child.next is None and child.tag == "-text":
        text = child.text_content or ""
        if text.isalnum():
            # no white space and no invisible character (neither is alphanumeric): nothing to do
            return text
        return normalise_inline(text)  # the common case: a bare figure or label
    sub = _Lines()
    _walk(cell, sub, tables, inside_cell=True)
    # a cell is one grid position: its paragraphs and <br> lines join into one line
    return normalise_inline(sub.result())


def build_grid(
    cells_by_row: list[list[tuple[str, int, int]]],
) -> tuple[list[list[str]], list[list[bool]]]:
    """Expand (text, rowspan, colspan) cells into a rectangular grid.

    Each merged cell's text fills every position it covers; the second result marks the position where
    each cell starts. Spans are clamped to the table's real size: a rowspan past the last row stops
    there, and columns or rows in which no cell starts (only reachable through an absurd span) are
    dropped, so rowspan=1000 or colspan=1000 on a small table changes nothing.
    """
    n_rows = len(cells_by_row)
    total_cells = sum(len(r) for r in cells_by_row)
    max_in_row = max((len(r) for r in cells_by_row), default=0)
    # Every real column has a cell starting in it, so no colspan can exceed the number of cells.
    col_limit = max(1, min(_MAX_COLSPAN, total_cells))
    if n_rows * col_limit > _MAX_GRID_CELLS:
        col_limit = max(1, max_in_row)
    taken: dict[tuple[int, int], tuple[str, bool]] = {}
    width = 0
    # Positions that merged cells may fill beyond their own: a table whose every cell says rowspan=999
    # would otherwise expand into hundreds of millions of positions (found by fuzzing). Past the
    # budget, spans count as 1: the cells keep their text and order, only the merge is lost.
    span_budget = _MAX_SPAN_FILL
    # A cell's own position is free when it is placed, so the positions where cells start are
    # exactly the positions marked as origins; note their columns on the way.
    start_cols: set[int] = set()
    for r, cells in enumerate(cells_by_row):
        c = 0
        for text, rowspan, colspan in cells:
            while (r, c) in taken:
                c += 1
            start_cols.add(c)
            if rowspan == 1 and colspan == 1:
                # the common case: both clamps leave 1 (there is always a row left, col_limit >= 1)
                taken[(r, c)] = (text, True)
                c += 1
                if c > width:
                    width = c
                continue
            rs = max(1, min(rowspan, n_rows - r))
            cs = max(1, min(colspan, col_limit))
            if rs * cs > 1:
                if rs * cs - 1 > span_budget:
                    rs = cs = 1
                else:
                    span_budget -= rs * cs - 1
            for dr in range(rs):
                for dc in range(cs):
                    taken.setdefault((r + dr, c + dc), (text, dr == 0 and dc == 0))
            c += cs
            width = max(width, c)
    empty = ("", False)
    grid: list[list[str]] = []
    origin: list[list[bool]] = []
    # A row of a hundred thousand cells would pad every other row to its width (found by
    # fuzzing); no report table is that wide, so the grid keeps what fits the cell budget.
    width = min(width, _MAX_GRID_WIDTH, max(1, _MAX_GRID_CELLS // max(1, n_rows)))
    start_cols = {c for c in start_cols if c < width}
    for r in range(n_rows):
        row = [taken.get((r, c), empty) for c in range(width)]
        grid.append([t for t, _ in row])
        origin.append([o for _, o in row])
    keep_cols = sorted(start_cols)
    # every cell of row r starts in row r
    keep_rows = [r for r in range(n_rows) if cells_by_row[r]]
    if len(keep_cols) < width or len(keep_rows) < n_rows:
        grid = [[grid[r][c] for c in keep_cols] for r in keep_rows]
        origin = [[origin[r][c] for c in keep_cols] for r in keep_rows]
    return grid, origin


def _data_table(table: LexborNode, lines: _Lines, tables: list[Table]) -> bool:
    """Render a table without nested tables as a grid; False when it is too small to be data."""
    rows = _table_rows(table)
    n_rows = len(rows)
    limit = max(1, n_rows)
    spec = [[(_cell_text(cell, tables), *_spans(cell, limit)) for cell in row] for row in rows]
    grid, origin = build_grid(spec)
    if len(grid) < 2 or not grid or len(grid[0]) < 2:
        return False
    lines.brk()
    offset = lines.next_offset()
    text_lines = grid_text_lines(grid, origin)
    if not text_lines:
        return True
    for line in text_lines:
        lines.add(line)
    tables.append(Table(rows=grid, source="html", offset=offset))
    return True


def _walk(root: LexborNode, lines: _Lines, tables: list[Table], inside_cell: bool = False) -> None:
    # Iterative: pages with thousands of nested <font>/<span> must not hit the recursion limit.
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            lines.brk()
            continue
        tag = node.tag
        if tag == "-text":
            lines.text(node.text_content or "")
            continue
        if not node.is_element_node:
            continue
        if tag == "br" or tag == "hr":
            lines.brk()
            continue
        if (
            tag == "table"
            and node is not root
            and not inside_cell
            and not _has_nested_table(node)
            and _data_table(node, lines, tables)
        ):
            continue
        block = tag in _BLOCK_TAGS
        if block:
            lines.brk()
            stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))


# Real report pages nest a few dozen levels deep; lexbor's tree building turns quadratic on
# tens of thousands of nested elements, so such pages are read as tag-stripped text instead.
MAX_NESTING = 1500
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def nesting_depth(text: str, limit: int = MAX_NESTING) -> int:
    """Approximate element depth, stopping as soon as it passes `limit`."""
    if text.count("<") <= limit:
        return 0  # too few tags to nest that deep: skip the scan on ordinary pages
    depth = deepest = 0
    for m in _TAG.finditer(text):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or self_closing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    return deepest


def parse_html_text(text: str, notes: list[str] | None = None) -> ParsedDocument:
    """Parse already-decoded HTML."""
    if nesting_depth(text) > MAX_NESTING:
        stripped = _TAG.sub("\n", text)
        kept = [normalise_inline(line) for line in stripped.splitlines()]
        return ParsedDocument(
            text="\n".join(line for line in kept if line),
            media_type="text/html",
            notes=[*(notes or []), f"HTML nested deeper than {MAX_NESTING} levels: read as plain text"],
        )
    tree = LexborHTMLParser(text)
    title = _title(tree)
    tree.strip_tags(_DROP_TAGS)
    root = tree.body or tree.root
    lines = _Lines()
    tables: list[Table] = []
    if root is not None:
        body = _find_body(root)
        # The body container usually starts below the page's heading; identification reads the
        # first lines, so the title leads the text unless the body already opens with it.
        if title and title not in normalise_inline(body.text(deep=True)[:400]):
            lines.add(title)
        _walk(body, lines, tables)
    return ParsedDocument(
        text=lines.result(),
        tables=tables,
        media_type="text/html",
        title=title,
        notes=list(notes or []),
    )


def parse_html(data: bytes, name: str, declared: str | None = None) -> ParsedDocument:
    """Decode HTML bytes (header charset, <meta>, then guessing) and parse them."""
    text, note = decode_text(data, declared)
    return parse_html_text(text, [note] if note else [])
