"""The prose era's statistics table (指标名称 | 计量单位 | 本年度 | 历年累计), as rows or flattened.

Crawlers often flatten the table into one line with the cells run together:
``主动公开信息数条4251516其中：1.网站公开条41815092.政府公报公开条77`` — the annual and cumulative
columns of a row glued into one digit string, and the next row's enumerator (2.) glued after it.
We find the row labels (patterns/tables/stats.toml), take the digits between them, and split a
run into its columns with the table's own sums (网站 + 公报 = 主动公开, in every column) where
that leaves one reading; otherwise with the reading in which the cumulative column is not smaller
than the annual one and the two are closest in length, and a note says so.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from functools import cache

from ..models import Figure, Table
from ..numbers import ITEM_NUMBER, to_halfwidth
from ..registry import load_toml
from . import prose_patterns
from .prose import clean_dimension

_UNITS = ("万元", "人次", "条", "件", "人", "元", "个", "项", "次", "篇")
_UNIT_RE = re.compile(r"^\s*(" + "|".join(_UNITS) + r")?\s*")
_NUMBERS = re.compile(r"^((?:\d[\d,]*(?:\.\d+)?[ \t\u00a0\u3000]*)+)")
_ENUM_AFTER = re.compile(r"^[.、．]")
_HEADER_COLUMN = re.compile(r"(\d{4}\s*年(?:度)?|本年度?|本期|上年度?|历年累计|累计)")


@dataclass(frozen=True)
class RowSpec:
    id: str
    metric: str
    labels: tuple[str, ...]
    dimension: str | None = None
    parent: str | None = None
    cumulative: str | None = None
    # for labels several sections share (维持具体行政行为数 under 行政复议 and under 行政诉讼):
    # the row is this spec's when this regex is the last of theirs found in the table before it
    section: re.Pattern[str] | None = None


@dataclass
class _Row:
    spec: RowSpec
    unit: str
    tokens: list[str]
    start: int
    end: int
    evidence: str
    candidates: list[tuple[float, ...]] = field(default_factory=list)
    chosen: tuple[float, ...] | None = None


@cache
def row_specs() -> list[RowSpec]:
    data = load_toml("tables/stats.toml")
    out = []
    for raw in data["row"]:
        out.append(
            RowSpec(
                id=raw["id"],
                metric=raw["metric"],
                labels=tuple(raw["labels"]),
                dimension=raw.get("dimension"),
                parent=raw.get("parent"),
                cumulative=raw.get("cumulative"),
                section=re.compile(raw["section"]) if raw.get("section") else None,
            )
        )
    return out


@cache
def _label_regex() -> tuple[re.Pattern[str], dict[str, list[RowSpec]]]:
    by_label: dict[str, list[RowSpec]] = {}
    for spec in row_specs():
        for lab in spec.labels:
            by_label.setdefault(lab, []).append(spec)
    alternation = "|".join(re.escape(lab) for lab in sorted(by_label, key=len, reverse=True))
    return re.compile(alternation), by_label


def _pick(specs: list[RowSpec] | None, before: str) -> RowSpec | None:
    """The spec of a label, given the table's text before the row (see RowSpec.section)."""
    if not specs:
        return None
    if len(specs) == 1 and specs[0].section is None:
        return specs[0]
    best, best_at = None, -1
    for spec in specs:
        if spec.section is None:
            at = 0
        else:
            found = [m.end() for m in spec.section.finditer(before)]
            at = found[-1] if found else -1
        if at > best_at:
            best, best_at = spec, at
    return best


def _columns(header: str) -> list[str]:
    kinds = []
    for m in _HEADER_COLUMN.finditer(header):
        word = m.group(1)
        if "累计" in word:
            kinds.append("cumulative")
        elif word.startswith("上"):
            kinds.append("previous")
        else:
            kinds.append("annual")
    return kinds or ["annual"]


def _value(token: str) -> float:
    return float(token.replace(",", ""))


def _splits(run: str, n: int) -> list[tuple[str, ...]]:
    """Every way to cut a digit string into n numbers without leading zeros."""
    if n == 1:
        return [(run,)] if run and (run == "0" or run[0] != "0") else []
    out: list[tuple[str, ...]] = []
    for i in range(1, len(run) - n + 2):
        head = run[:i]
        if len(head) > 1 and head[0] == "0":
            break
        for rest in _splits(run[i:], n - 1):
            out.append((head, *rest))
    return out


def _candidates(tokens: list[str], kinds: list[str]) -> list[tuple[float, ...]]:
    n = len(kinds)
    # thousands separators carry no cell boundary; a stray comma would make empty pieces
    tokens = [t.replace(",", "") for t in tokens]
    tokens = [t for t in tokens if t.replace(".", "", 1).isdigit()]
    if any(len(t) > 12 * n for t in tokens):
        return []  # no count in these tables has more than a dozen digits per cell
    if not tokens:
        return []
    if len(tokens) == n:
        return [tuple(_value(t) for t in tokens)]
    if len(tokens) > n or "." in "".join(tokens):
        return [tuple(_value(t) for t in tokens[:n])] if len(tokens) >= n else []
    # fewer tokens than columns: some cells are glued together; cut the glued tokens
    need = n - len(tokens)
    options: list[list[tuple[str, ...]]] = []
    results: list[tuple[float, ...]] = []
    for extra in itertools.product(range(need + 1), repeat=len(tokens)):
        if sum(extra) != need:
            continue
        options = [_splits(tok, k + 1) for tok, k in zip(tokens, extra, strict=True)]
        for combo in itertools.product(*options):
            values = tuple(_value(x) for part in combo for x in part)
            if _plausible(values, kinds):
                results.append(values)
    return results


def _plausible(values: tuple[float, ...], kinds: list[str]) -> bool:
    # a cumulative count is never below the year's own count
    if "annual" in kinds and "cumulative" in kinds:
        return values[kinds.index("cumulative")] >= values[kinds.index("annual")]
    return True


def _balance(values: tuple[float, ...]) -> tuple[int, ...]:
    lengths = [len(f"{v:.0f}") for v in values]
    return (max(lengths) - min(lengths), *[-x for x in lengths])


def _solve(rows: list[_Row], notes: list[str]) -> None:
    by_id = {r.spec.id: r for r in rows}
    groups: dict[str, list[_Row]] = {}
    for r in rows:
        if r.spec.parent and r.spec.parent in by_id:
            groups.setdefault(r.spec.parent, []).append(r)
    for r in rows:
        if len(r.candidates) == 1:
            r.chosen = r.candidates[0]
    for parent_id, children in groups.items():
        parent = by_id[parent_id]
        members = [parent, *children]
        if all(m.chosen is not None for m in members) or any(not m.candidates for m in members):
            continue
        space = 1
        for m in members:
            space *= len(m.candidates)
        if space > 200_000:
            continue
        fits = []
        for combo in itertools.product(*(m.candidates for m in members)):
            p, kids = combo[0], combo[1:]
            if all(abs(p[j] - sum(k[j] for k in kids)) < 1e-6 for j in range(len(p))):
                fits.append(combo)
        if len(fits) == 1:
            for m, values in zip(members, fits[0], strict=True):
                m.chosen = values
    for r in rows:
        if r.chosen is None and r.candidates:
            r.chosen = min(r.candidates, key=_balance)
            if len(r.candidates) > 1:
                notes.append(
                    f"statistics table row {r.evidence!r}: digits run together, read as "
                    f"{'|'.join(str(int(v)) for v in r.chosen)} (not the only reading)"
                )


def _table_start(norm: str) -> int | None:
    m = re.search(r"指标名称[\s|｜]*计量单位|指\s*标\s*名\s*称", norm)
    return m.start() if m else None


_EMPTY_CELL = re.compile(r"(?<=[\s|｜])(?:—+|－+|-+|–+|/|／|无)(?=[\s|｜]|$)")


def _cells_as_text(norm: str) -> str:
    """Pipes become spaces and empty-cell marks (—, /, 无) become 0, one character for one."""
    norm = norm.replace("|", " ").replace("｜", " ")
    return _EMPTY_CELL.sub(lambda m: "0" + " " * (len(m.group()) - 1), norm)


def _rows_from_text(norm: str, text: str) -> tuple[list[_Row], list[str]]:
    start = _table_start(norm)
    if start is None:
        return [], []
    regex, by_label = _label_regex()
    first = regex.search(norm, start)
    if first is None:
        return [], []
    kinds = _columns(norm[start : first.start()])
    rows: list[_Row] = []
    matches = list(regex.finditer(norm, first.start()))
    for i, m in enumerate(matches):
        if rows and m.start() - rows[-1].end > 20:
            # Rows the registry does not know (其中：主动公开规范性文件数 条 34 211) and headings
            # (（二）通过不同渠道…的情况) may stand between known rows; a sentence means prose.
            gap = norm[rows[-1].end : m.start()]
            if "。" in gap or len(gap) > 120:
                break  # the table ended; what follows is prose
        stop = matches[i + 1].start() if i + 1 < len(matches) else min(len(norm), m.end() + 60)
        cell = norm[m.end() : stop]
        um = _UNIT_RE.match(cell)
        unit = (um.group(1) if um else None) or ""
        rest = cell[um.end() if um else 0 :]
        nm = _NUMBERS.match(rest)
        if nm is None:
            continue
        numbers = nm.group(1)
        after = rest[nm.end() :]
        tokens = numbers.split()
        if _ENUM_AFTER.match(after):
            # the next row's enumerator (2. / 2、) follows this row's digits: as its own token
            # when the cells are spaced, glued to the last cell when they are not
            if len(tokens) > 1 and len(tokens[-1]) <= 2:
                tokens.pop()
            else:
                tokens[-1] = tokens[-1][:-1]
                if not tokens[-1]:
                    tokens.pop()
        if not tokens:
            continue
        end = m.end() + (um.end() if um else 0) + nm.end()
        spec = _pick(by_label[m.group(0)], norm[start : m.start()])
        if spec is None:
            continue
        row = _Row(spec, unit, tokens, m.start(), end, text[m.start() : end].strip())
        row.candidates = _candidates(tokens, kinds)
        rows.append(row)
    return rows, kinds


_NUMBER_CELL = re.compile(r"\d[\d,]*(?:\.\d+)?")
# a table of requests by channel: 申请方式 | 受理数 | 办理结果 …, one row per channel
_CHANNEL_HEAD = re.compile(r"申请(?:方式|渠道|途径)")
_RECEIVED_HEAD = re.compile(r"受理(?:数|量|件数)?|收到(?:申请)?(?:数|件数)?|申请(?:数|件数|数量)")
# a row's own numbering: 1. / 2、 / (3) / （三） / 四、 , after an optional 其中：
_GRID_LABEL_NUMBER = re.compile(r"^(?:其中[:：]?)?" + ITEM_NUMBER + "?")
# a note after the label: 专职人员数（不包括政府公报及政府网站工作人员数）
_GRID_LABEL_NOTE = re.compile(r"[(（][^()（）]*[)）]$")


def _request_channel_table(table: Table) -> list[Figure]:
    """requests.by_channel from a table with one row per channel and a column of requests received."""
    col: int | None = None
    out: list[Figure] = []
    ps = prose_patterns.load()
    channels = set(ps.dimensions.get("requests.by_channel", {}).values())
    for cells in table.rows:
        norm_cells = [re.sub(r"\s+", "", to_halfwidth(c)) for c in cells]
        if col is None:
            if norm_cells and _CHANNEL_HEAD.search(norm_cells[0]):
                col = next((i for i, c in enumerate(norm_cells) if i and _RECEIVED_HEAD.fullmatch(c)), None)
            continue
        # channel names and their variants are the prose patterns' (patterns/prose/20_requests.toml)
        label = re.sub(r"(?:提交|方式)+$", "", norm_cells[0]) if norm_cells else ""
        dim = clean_dimension(label, "requests.by_channel", ps) if label else None
        if dim not in channels or col >= len(norm_cells):
            continue
        cell = norm_cells[col]
        value = (
            _value(cell)
            if _NUMBER_CELL.fullmatch(cell)
            else 0.0
            if cell in ("", "0", "—", "-", "/")
            else None
        )
        if value is None:
            continue
        out.append(
            Figure(
                metric="requests.by_channel",
                value=value,
                unit="件",
                dimension=dim,
                evidence=" | ".join(c for c in cells if c.strip()),
                method="stats-table:grid:requests-by-channel",
                cell=(cells[0], cells[col]),
            )
        )
    return out


def _rows_from_grid(table: Table) -> tuple[list[_Row], list[str]]:
    _regex, by_label = _label_regex()
    kinds: list[str] = []
    seen = ""  # the table's text so far
    rows: list[_Row] = []
    for cells in table.rows:
        norm_cells = [re.sub(r"\s+", "", to_halfwidth(c)) for c in cells]
        if not kinds and any("指标" in c for c in norm_cells):
            kinds = _columns(" ".join(norm_cells))
            continue
        label = next((c for c in norm_cells if c), "")
        label = _GRID_LABEL_NUMBER.sub("", label)
        spec = _pick(by_label.get(label) or by_label.get(_GRID_LABEL_NOTE.sub("", label)), seen)
        seen += " " + " ".join(norm_cells)
        if spec is None:
            continue
        unit = next((c for c in norm_cells[1:] if c in _UNITS), "")
        tokens = [c.replace(",", "") for c in norm_cells[1:] if _NUMBER_CELL.fullmatch(c)]
        if not tokens:
            continue
        row = _Row(spec, unit, tokens, -1, -1, " | ".join(c for c in cells if c.strip()))
        # A grid's cells are its columns: nothing is glued, and a cell marked empty (—, /, 无)
        # keeps its column, so 35 | — is 35 and no cumulative count, never 3 | 5.
        after_label = norm_cells[norm_cells.index(next(c for c in norm_cells if c)) + 1 :]
        columns = [c for c in after_label if c not in _UNITS and (c in ("", "无") or not c.isalpha())]
        if kinds and len(tokens) < len(kinds) and len(columns) >= len(kinds):
            row.candidates = [
                tuple(_value(c) if _NUMBER_CELL.fullmatch(c) else math.nan for c in columns[: len(kinds)])
            ]
        else:
            row.candidates = _candidates(tokens, kinds or ["annual"] * len(tokens))
        rows.append(row)
    return rows, kinds or ["annual"]


def extract(text: str, tables: list[Table]) -> tuple[list[Figure], list[tuple[int, int]], list[str]]:
    """Figures of the statistics table, the text ranges it occupies, and notes on doubtful splits."""
    norm = to_halfwidth(text)
    notes: list[str] = []
    start = _table_start(norm)
    if start is not None:
        norm = norm[:start] + _cells_as_text(norm[start:])
    # A markup grid (HTML, DOCX) knows its cells, empty ones included; the text of the same table
    # has lost them (48 beside an empty cell reads as 4|8), so it wins. Grids guessed from plain
    # text or PDF lines are less sure than the flat reading and only stand in for it.
    rows: list[_Row] = []
    kinds: list[str] = []
    method = "stats-table:grid"
    for t in tables:
        if t.source in ("html", "docx"):
            rows, kinds = _rows_from_grid(t)
            if rows:
                break
    if not rows:
        rows, kinds = _rows_from_text(norm, text)
        method = "stats-table:flat"
    if not rows:
        for t in tables:
            rows, kinds = _rows_from_grid(t)
            if rows:
                method = "stats-table:grid"
                break
    channel_figs = [f for t in tables for f in _request_channel_table(t)]
    if not rows:
        return channel_figs, [], []
    _solve(rows, notes)
    figures: list[Figure] = list(channel_figs)
    for r in rows:
        if r.chosen is None or not r.spec.metric:
            continue
        span = (r.start, r.end) if r.start >= 0 else None
        for kind, value in zip(kinds, r.chosen, strict=False):
            if math.isnan(value):  # a cell marked empty
                continue
            key = r.spec.metric if kind == "annual" else r.spec.cumulative if kind == "cumulative" else None
            if not key:
                continue
            figures.append(
                Figure(
                    metric=key,
                    value=value,
                    unit=r.unit or "件",
                    dimension=r.spec.dimension if key == r.spec.metric else None,
                    evidence=r.evidence,
                    span=span,
                    method=f"{method}:{r.spec.id}",
                    cell=(r.spec.labels[0], kind),
                )
            )
    spans = [(rows[0].start, rows[-1].end)] if rows[0].start >= 0 else []
    return figures, spans, notes
