"""Template-era tables (2019 and 2021 national templates): tables 2, 3 and 4 → t2/t3/t4 figures.

Both grids (HTML, DOCX, PDF) and flattened text go through one reader: a grid is rendered one row
per line with blank cells marked, so that a table is always "labels in order, value text between
them". Labels are found through patterns/tables/template.toml, never by position alone. Digits run
together by flattening are split with the template's identities (row sums, column sums, table-4
group totals); table 2 has no identities, so its splits follow stated preferences and are flagged.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise, product
from typing import Any

from ..models import Figure, ParsedDocument, Table
from ..registry import load_toml
from .template_split import BLANK, ZERO_WORDS, Cell, Chunk, split_cells

T3_COLUMN_ZH = {
    "natural_person": "自然人",
    "business": "商业企业",
    "research": "科研机构",
    "nonprofit": "社会公益组织",
    "legal_services": "法律服务机构",
    "other_org": "其他",
    "total": "总计",
}
T4_GROUP_ZH = {
    "review": "行政复议",
    "lawsuit_direct": "未经复议直接起诉",
    "lawsuit_after_review": "复议后起诉",
}
T4_COLUMN_ZH = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}
T2_COLUMN_ZH = {
    "new_made": "本年新制作数量",
    "new_published": "本年新公开数量",
    "total_published": "对外公开总数量",
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
    "prev_items": "上一年项目数量",
    "change": "本年增/减",
    "decisions": "处理决定数量",
    "amount": "金额",
    "projects": "采购项目数量",
}
T3_OUTCOME_GROUPS = ("granted", "partially_granted", "withheld", "unable", "not_processed", "other")


@dataclass
class TemplateResult:
    figures: list[Figure] = field(default_factory=list)
    era: str | None = None
    table_spans: list[tuple[int, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- text normalisation


_FOLD = {chr(0xFF10 + i): str(i) for i in range(10)}
_FOLD.update({"(": "（", ")": "）", "．": ".", "／": "/", "，": ",", "﹙": "（", "﹚": "）"})
_DROP = set("“”\"'‘’「」")
_VALUE_CH = set("0123456789.,+") | {BLANK, "无", "-", "—", "－", "/"}


class Norm:
    """Text with white space removed where it is not a cell boundary, mapped back to the source.

    `idx[i]` is the offset in the source of `s[i]`, with one extra entry for the end. The grid
    reading never asks for it, so it is worked out on first use.
    """

    __slots__ = ("_base", "_folded", "_idx", "_src_len", "s")

    def __init__(self, s: str, folded: str, base: int, src_len: int) -> None:
        self.s = s
        self._folded = folded
        self._base = base
        self._src_len = src_len
        self._idx: list[int] | None = None

    @property
    def idx(self) -> list[int]:
        if self._idx is None:
            self._idx = _offsets(self._folded, self._base, self._src_len)
        return self._idx

    def span(self, a: int, b: int) -> tuple[int, int]:
        idx = self.idx
        return (idx[a], idx[b - 1] + 1) if b > a else (idx[a], idx[a])


_FOLD_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_FOLD)) + "]")
_WS = "[\\s\u3000]"
_V = "[" + "".join(re.escape(c) for c in sorted(_VALUE_CH)) + "]"
_DROP_CLASS = "[" + "".join(sorted(_DROP)) + "]"
# A white-space run between two value characters separates cells and becomes one space; any other
# white-space run, and every run of dropped characters, goes. Runs are maximal (the rest of a run
# is taken possessively), and the decisions look at the folded text on either side of a run. The
# first pass keeps runs as one space; it leaves their neighbours as they were, so the second pass
# sees the same neighbours and removes exactly the white space the first did not keep; dropped
# characters go last, as they never count as value characters either way. Each pattern opens
# with a character class, which lets the regex engine skip ahead to candidate positions.
_KEEP_GAP = re.compile(f"{_WS}(?<={_V}{_WS}){_WS}*+(?={_V})")
_LOOSE_GAP = re.compile(f"{_WS}(?:(?<!{_V}{_WS}){_WS}*+|{_WS}*+(?!{_V}))")
_DROP_RUN = re.compile(f"{_DROP_CLASS}+")
# every white-space or dropped run, the kept ones marked by the empty group 1
_GAPS_KEPT = re.compile(
    f"[\\s\u3000{''.join(sorted(_DROP))}]"
    f"(?:(?<={_WS})(?:(?<={_V}{_WS}){_WS}*+(?={_V})()|{_WS}*+)|{_DROP_CLASS}*+)"
)


def _fold(text: str) -> str:
    # str.translate looks every character up; only the few foldable ones need replacing
    return _FOLD_RE.sub(lambda m: _FOLD[m.group()], text)


def normalise(text: str, base: int = 0) -> Norm:
    # folding is one character for one, so only dropped characters move the offsets
    folded = _fold(text)
    kept = _LOOSE_GAP.sub("", _KEEP_GAP.sub(" ", folded))
    return Norm(_DROP_RUN.sub("", kept), folded, base, len(text))


def _offsets(folded: str, base: int, src_len: int) -> list[int]:
    idx: list[int] = []
    pos = 0
    for m in _GAPS_KEPT.finditer(folded):
        a, b = m.span()
        idx.extend(range(base + pos, base + a))
        pos = b
        if m.start(1) >= 0:
            idx.append(base + a)
    idx.extend(range(base + pos, base + len(folded)))
    idx.append(base + src_len)
    return idx


def _norm_label(s: str) -> str:
    return normalise(s).s


# ---------------------------------------------------------------- label table


@dataclass(frozen=True)
class Labels:
    t2_rows: dict[str, list[str]]
    t2_cols: dict[str, list[str]]
    t2_layout: dict[str, dict[str, list[str]]]
    t3_columns: list[str]
    t3_rows: dict[str, list[str]]
    t3_scoped: dict[str, dict[str, Any]]
    t4_groups: list[str]
    t4_columns: list[str]
    anchors: dict[str, list[str]]
    t3_order: tuple[str, ...] = ()
    near_min_len: int = 0


@cache
def labels() -> Labels:
    raw: dict[str, Any] = load_toml("tables/template.toml")

    def variants(d: dict[str, Any]) -> dict[str, list[str]]:
        return {k: [_norm_label(v) for v in vs] for k, vs in d.items()}

    t2, t3, t4 = raw["t2"], raw["t3"], raw["t4"]
    return Labels(
        t2_rows=variants(t2["rows"]),
        t2_cols=variants(t2["columns"]),
        t2_layout={era: dict(lay) for era, lay in t2["layout"].items()},
        t3_columns=list(t3["columns"]),
        t3_rows=variants(t3["rows"]),
        t3_scoped={k: dict(v) for k, v in t3.get("scoped", {}).items()},
        t4_groups=list(t4["groups"]),
        t4_columns=list(t4["columns"]),
        anchors=variants(raw["anchors"]),
        t3_order=tuple(t3.get("near_match", {}).get("order", ())),
        near_min_len=int(t3.get("near_match", {}).get("near_min_len", 0)),
    )


# An enumerator opens a row label. After 1./2、 a few words may precede the variant that matched
# (要求行政机关 + 确认或重新出具…, when the rest of the label was wrapped behind the numbers), so
# the enumerator is not left behind as a stray digit of the previous row.
_ENUM = (
    r"(?:[（][一二三四五六七八九十]{1,2}[）]|[一二三四五六七八九十]{1,2}、|[1-9][.、][\u4e00-\u9fff]{0,10}?)?"
)


def _alternation(table: dict[str, list[str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    owner: dict[str, str] = {}
    for key, vs in table.items():
        for v in vs:
            owner.setdefault(v, key)
    alts = sorted(owner, key=len, reverse=True)
    pat = re.compile(_ENUM + "(" + "|".join(re.escape(a) for a in alts) + ")")
    return pat, owner


# Characters an _ENUM can begin with.
_ENUM_FIRST = "（一二三四五六七八九十123456789"


def _prefiltered(pattern: str, firsts: set[str]) -> re.Pattern[str]:
    """`pattern` behind a look-ahead for the characters a match can begin with: the same matches
    and groups, but most positions are turned down with one test instead of every alternative.
    With an empty alternative (a match may begin anywhere) the pattern is left as it is."""
    if "" in firsts:
        return re.compile(pattern)
    return re.compile("(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])(?:" + pattern + ")")


def _label_firsts(labels_: list[str] | set[str] | dict[str, str]) -> set[str]:
    return {v[:1] for v in labels_}


@cache
def _t2_row_re() -> tuple[re.Pattern[str], dict[str, str]]:
    pat, owner = _alternation(labels().t2_rows)
    return _prefiltered(pat.pattern, set(_ENUM_FIRST) | _label_firsts(owner)), owner


@cache
def _t2_col_re() -> tuple[re.Pattern[str], dict[str, str]]:
    lab = labels()
    pat, owner = _alternation(lab.t2_cols)
    return _prefiltered(pat.pattern.removeprefix(_ENUM), _label_firsts(owner)), owner


@cache
def _t3_row_re() -> tuple[re.Pattern[str], dict[str, str]]:
    lab = labels()
    table = dict(lab.t3_rows)
    pat, owner = _alternation(table)
    table_owner = dict(owner)
    scoped: list[str] = []
    for key, spec in lab.t3_scoped.items():
        for v in spec["labels"]:
            scoped.append(
                f"(?P<s_{len(scoped)}>{re.escape(str(spec['enum']))}[.、]{re.escape(_norm_label(v))})"
            )
            owner[f"__scoped_{len(scoped) - 1}"] = key
    firsts = set(_ENUM_FIRST) | _label_firsts(table_owner)
    for spec in lab.t3_scoped.values():
        # a scoped label opens with its enumerator, then 1. or 1、
        firsts |= {str(spec["enum"])[:1]} if str(spec["enum"]) else {".", "、"}
    full = _prefiltered("|".join([*scoped, pat.pattern]), firsts)
    return full, owner


# ---------------------------------------------------------------- value runs

_UNIT_RE = re.compile(r"(万元|元)")


_DASHES = "-—－"
_ZERO_MARKS = _DASHES + "/"
_SIGNS = "+-－"
# Words that open template row labels or group headings with 无 (无法提供, 无正当理由大量反复申请):
# a 无 that begins one of them is the label, not a printed zero.
_WU_WORDS = ("无法", "无正当")


def _is_value_start(s: str, i: int, b: int, in_run: bool = False, run_start: bool = False) -> bool:
    """Whether a value begins at s[i], in a run of value text ending before b.

    A zero mark (—, -, /, 无) ends a row as often as not, so what follows it may be the next row's
    label or a group heading: a mark followed by the end of the run, by a value or by a cell gap
    is always a value; inside a run (after a cell gap) it is one whatever follows, but for a 无
    that opens a label word; a dash right after its row label is one as well."""
    ch = s[i]
    if ch.isdigit() or ch == BLANK:
        return True
    if ch == "+":
        # a signed change (本年增/减 +12); a lone plus is text
        return i + 1 < b and s[i + 1].isdigit()
    if ch in _ZERO_MARKS or ch == "无":
        if i + 1 >= b or s[i + 1] in _VALUE_CH or s[i + 1] == " ":
            return True
        if ch == "无":
            # 无 is a printed zero only when it stands alone (无法提供 is a label)
            return in_run and not s.startswith(_WU_WORDS, i)
        return in_run or (run_start and ch in _DASHES)
    return False


# Characters that never open a value (no str.isdigit() character, no BLANK, dash, slash or 无 among
# them): ASCII other than digits, +, - and /; CJK punctuation; CJK ideographs but 无; full-width forms
# but digits and －. Runs of them are skipped in one step instead of one test per character.
_NOT_VALUE_START = re.compile(
    "[\x20-\x2a\x2c\x2e\x3a-\x7e\u3000-\u303f\u4e00-\u65df\u65e1-\u9fff\uff00-\uff0c\uff0e\uff0f\uff1a-\uffef]+"
)
_ASCII_NUMBER = re.compile(r"[0-9.,]+")
_SIMPLE_RUN = re.compile(r"[0-9]+(?: [0-9]+)*")
_SIGNED = re.compile(r"[0-9]+(?:\.[0-9]+)?")


@lru_cache(maxsize=4096)
def _chunk(text: str, unit: str | None = None) -> Chunk:
    # chunks are immutable: rows of the same figures share them
    return Chunk(text, unit)


def read_values(s: str, a: int, b: int) -> tuple[list[Chunk], int, int]:
    """The first run of value text in s[a:b]: chunks and the run's extent (in s)."""
    i = a
    while i < b:
        m = _NOT_VALUE_START.match(s, i, b)
        if m is not None:
            i = m.end()
            continue
        if _is_value_start(s, i, b, run_start=i == a):
            break
        i += 1
    start = i
    chunks: list[Chunk] = []
    end = start
    while i < b:
        ch = s[i]
        if ch == " ":
            i += 1
            continue
        if ch in _SIGNS and i + 1 < b and s[i + 1].isdigit() and (i == start or s[i - 1] == " "):
            # a signed number standing as a cell of its own (本年增/减: -35, +12)
            m = _SIGNED.match(s, i + 1, b)
            if m is not None:
                chunks.append(_chunk(("-" if ch != "+" else "+") + m.group()))
                i = end = m.end()
                continue
        if ch.isdigit():
            m = _SIMPLE_RUN.match(s, i, b)
            if m is not None:
                # Whole numbers parted by single spaces, as grids and well-kept text print them:
                # each number but the last is followed by a space, so it is read whole, without a
                # unit and without a comma; so is the last one when nothing that could extend it
                # (a digit, a point, a comma, a unit) follows the run.
                numbers = m.group().split(" ")
                j = m.end()
                if not (j < b and (s[j].isdigit() or s[j] in ".,万元")):
                    chunks.extend(map(_chunk, numbers))
                    i = end = j
                    continue
                if len(numbers) > 1:
                    last_start = j - len(numbers[-1])
                    chunks.extend(map(_chunk, numbers[:-1]))
                    end = last_start - 1
                    i = last_start
                # the last number is read in full below
            m = _ASCII_NUMBER.match(s, i, b)
            j = m.end() if m is not None else i
            while j < b and (s[j].isdigit() or s[j] in ".,"):
                j += 1
            # trailing punctuation is a sentence mark, not part of the number (raw opens with a digit)
            raw = s[i:j].rstrip(".,")
            j = i + len(raw)
            unit = None
            if j < b and s[j] in "万元":
                m = _UNIT_RE.match(s, j, b)
                if m:
                    unit = m.group(1)
                    j = m.end()
            if "," not in raw:
                chunks.append(_chunk(raw, unit))
            else:
                pieces = _thousands(raw)
                for k, piece in enumerate(pieces):
                    chunks.append(_chunk(piece, unit if k == len(pieces) - 1 else None))
            i = end = j
            continue
        if ch == BLANK:
            chunks.append(_chunk(BLANK))
            i = end = i + 1
            continue
        if _is_value_start(s, i, b, in_run=bool(chunks) and s[i - 1] == " ", run_start=i == a):
            j = i + 1
            while j < b and s[j] in "-—－" and ch in "-—－":
                j += 1
            chunks.append(_chunk(s[i:j] if s[i:j] in ZERO_WORDS else "-"))
            i = end = j
            continue
        break
    return chunks, start, end


def _thousands(raw: str) -> list[str]:
    if "," not in raw:
        return [raw] if raw else []
    # 3,119 is one number; any other comma separates cells
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
        return [raw.replace(",", "")]
    return [p for p in raw.split(",") if p]


# ---------------------------------------------------------------- locating the tables


@dataclass
class Row:
    key: str
    label: str
    label_start: int
    chunks: list[Chunk]
    run: tuple[int, int]  # extent of the value run in the normalised text
    memo: tuple[tuple[int, int] | None, str] | None = None  # (span, evidence) once worked out


def _find_anchor(s: str, names: list[str], start: int = 0) -> int:
    best = -1
    for v in names:
        p = s.find(v, start)
        if p >= 0 and (best < 0 or p < best):
            best = p
    return best


def _scan_rows(s: str, pat: re.Pattern[str], owner: dict[str, str], a: int, b: int) -> list[Row]:
    matches = list(pat.finditer(s, a, b))
    rows: list[Row] = []
    last_group = pat.groups
    for k, m in enumerate(matches):
        nxt = matches[k + 1].start() if k + 1 < len(matches) else b
        key = None
        if m.lastgroup and m.lastgroup.startswith("s_"):
            key = owner[f"__scoped_{m.lastgroup[2:]}"]
        else:
            # the label is the last group that is set; nearly always the pattern's last group
            label = m.group(last_group) or next(g for g in reversed(m.groups()) if g)
            key = owner.get(label)
        if key is None:
            continue
        chunks, r0, r1 = read_values(s, m.end(), nxt)
        rows.append(Row(key, m.group(0), m.start(), chunks, (r0, r1)))
    return rows


# ---------------------------------------------------------------- the reader


# A cell read into a context: metric, cell, unit, row label, column label, (span, evidence), split.
_Entry = tuple[str, Cell, str, str, str, tuple[tuple[int, int] | None, str], bool]


@dataclass
class _Ctx:
    source: str  # "grid" or "flat"
    norm: Norm
    span_ok: bool  # spans point into doc.text
    # the cells read, in order; only the reading that wins a table becomes figures
    entries: list[_Entry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    layout: _Layout | None = None  # where _read_all found the tables in norm.s

    def add(
        self, metric: str, cell: Cell, unit: str, row_label: str, col_label: str, row: Row, split: bool
    ) -> None:
        # a row's cells share its span and evidence: work them out once per row
        memo = row.memo
        if memo is None:
            span = self.norm.span(*row.run) if self.span_ok and row.run[1] > row.run[0] else None
            evidence = (row.label + " " + self.norm.s[row.run[0] : row.run[1]]).strip()[:160]
            memo = row.memo = (span, evidence)
        self.entries.append((metric, cell, unit, row_label, col_label, memo, split))

    def figures(self, prefix: str = "") -> list[Figure]:
        """The figures read, those whose metric starts with `prefix`."""
        method = f"template:{self.source}"
        method_split = method + "-split"
        return [
            Figure(
                metric,
                cell.value,
                unit,
                False,
                None,
                evidence,
                span,
                method_split if split else method,
                (row_label, col_label),
            )
            for metric, cell, unit, row_label, col_label, (span, evidence), split in self.entries
            if metric.startswith(prefix)
        ]


def _was_split(chunks: list[Chunk], n: int) -> bool:
    return len(chunks) != n


def _read_t2(ctx: _Ctx, a: int, b: int, era: str | None) -> int:
    s = ctx.norm.s
    pat, owner = _t2_row_re()
    col_pat, col_owner = _t2_col_re()
    lab = labels()
    rows = [r for r in _scan_rows(s, pat, owner, a, b) if r.chunks]
    header: list[str] = []
    prev_end = a
    found = 0
    seen: set[str] = set()
    for row in rows:
        if row.key in seen:
            continue
        cols_found = [col_owner[m.group(1)] for m in col_pat.finditer(s, prev_end, row.label_start)]
        if cols_found:
            header = cols_found
        prev_end = row.run[1]
        allowed = {c for lay in lab.t2_layout.values() for c in lay.get(row.key, [])}
        cols = [c for c in header if c in allowed]
        if not cols:
            for e in ([era] if era else []) + ["template2021", "template2019"]:
                lay = lab.t2_layout.get(e or "", {})
                if row.key in lay and (e == era or len(lay[row.key]) == len(row.chunks)):
                    cols = list(lay[row.key])
                    break
        if not cols:
            continue
        cells = _choose_t2(ctx, row, cols)
        if cells is None:
            continue
        seen.add(row.key)
        found += 1
        split = _was_split(row.chunks, len(cols))
        for col, cell in zip(cols, cells, strict=True):
            metric = f"t2.{row.key}.{col}"
            unit = "件"
            if col == "amount":
                unit = cell.unit or _amount_unit(s, row, prev_end, era)
            ctx.add(metric, cell, unit, row.label, T2_COLUMN_ZH.get(col, col), row, split)
    return found


def _amount_unit(s: str, row: Row, prev_end: int, era: str | None) -> str:
    window = s[max(0, row.label_start - 60) : row.label_start]
    if "万元" in window:
        return "万元"
    if "元" in window:
        return "元"
    return "万元" if row.key == "fees" else "元"


def _choose_t2(ctx: _Ctx, row: Row, cols: list[str]) -> list[Cell] | None:
    cands = split_cells(row.chunks, len(cols), cap=2000)
    if not cands:
        ctx.notes.append(f"table 2 {row.label}: {len(cols)} cells expected, value text does not split")
        return None
    if len(cands) == 1:
        return cands[0]

    def score(cells: list[Cell]) -> tuple[float, ...]:
        v = {c: cell.value for c, cell in zip(cols, cells, strict=True)}
        if "change" in v:
            # a year's change in the number of items is usually nil or small
            return (abs(v["change"]), -v.get("prev_items", 0))
        if "new_published" in v:
            # what is made in the year is normally what is published; the running total is larger
            tot = v.get("total_published", math.inf)
            return (float(tot < v["new_published"]), abs(v.get("new_made", 0) - v["new_published"]), -tot)
        if "repealed" in v:
            # repeals are rare; documents in force outnumber those issued in one year (a garbled
            # header can leave out a column, so every column is optional here)
            issued = v.get("issued", 0.0)
            return (float(v.get("in_force", math.inf) < issued), v["repealed"], -v.get("in_force", 0))
        if "projects" in v and "amount" in v:
            per = v["amount"] / max(v["projects"], 1)
            # typical price of one centrally procured project: about 0.5 million 元 (50 万元)
            typical = 50.0 if (cells[-1].unit == "万元") else 5e5
            return (abs(math.log10(max(per, 1e-9) / typical)),)
        return (0.0,)

    best = min(cands, key=score)
    reading = "|".join(c.text for c in best)
    ctx.notes.append(
        f"table 2 {row.label}: run-together digits read as {reading} "
        f"({len(cands)} possible splits; chosen by preference, not by an identity)"
    )
    return best


def _t3_key_parts(key: str) -> str:
    return key.split(".")[0]


def _read_t3(ctx: _Ctx, a: int, b: int) -> int:
    s = ctx.norm.s
    pat, owner = _t3_row_re()
    lab = labels()
    ncol = len(lab.t3_columns)
    rows_all = _near_rows(s, _scan_rows(s, pat, owner, a, b))
    has_sub_other = any(r.key.startswith("other.") and r.chunks for r in rows_all)
    rows: list[Row] = []
    seen: set[str] = set()
    group: str | None = None
    scoped_groups = {k: str(v["group"]) for k, v in lab.t3_scoped.items()}
    for r in rows_all:
        if r.key in scoped_groups:
            if group != scoped_groups[r.key]:
                continue
        else:
            # the group heading may be broken by wrapping; its sub-rows name the group as well
            group = r.key.split(".")[0]
        if not r.chunks or r.key in seen:
            continue
        if r.key == "other" and has_sub_other:
            continue
        seen.add(r.key)
        rows.append(r)
    if not rows:
        return 0

    def final(cells: list[Cell]) -> bool:
        return sum(c.value for c in cells[:-1]) == cells[-1].value or cells[-1].blank

    cand: dict[str, list[list[Cell]]] = {}
    for r in rows:
        cs = _row_sum_splits(r.chunks, ncol) if r.chunks[-1].splittable else []
        if not r.chunks[-1].splittable:
            cs = split_cells(r.chunks, ncol, final=final, cap=500)
        if not cs:
            loose = split_cells(r.chunks, ncol, cap=2)
            if len(loose) == 1:
                cs = loose
                ctx.notes.append(
                    f"table 3 {r.label}: cells do not add up to the printed 总计 (kept as printed)"
                )
            else:
                ctx.notes.append(
                    f"table 3 {r.label}: no reading of '{s[r.run[0] : r.run[1]]}' as {ncol} cells"
                )
                continue
        cand[r.key] = cs

    chosen = _solve_t3_columns(ctx, rows, cand)
    for r in rows:
        cells = chosen.get(r.key)
        if cells is None:
            continue
        if cells[-1].blank and any(c.value for c in cells[:-1]):
            s_sum = sum(c.value for c in cells[:-1])
            cells = [*cells[:-1], Cell(text="", value=s_sum, unit=None, blank=True)]
            ctx.notes.append(f"table 3 {r.label}: 总计 printed blank; stored as the row's sum {s_sum:g}")
        split = _was_split(r.chunks, ncol)
        for col, cell in zip(lab.t3_columns, cells, strict=True):
            ctx.add(f"t3.{r.key}.{col}", cell, "件", r.label, T3_COLUMN_ZH[col], r, split)
    return len(chosen)


_ENUM_BEFORE = re.compile(r"(?:（[一二三四五六七八九十]{1,2}）|[一二三四五六七八九十]{1,2}、|[1-9][.、])$")


def _one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by at most one character replaced, left out or put in."""
    la, lb = len(a), len(b)
    if la < lb:
        a, b, la, lb = b, a, lb, la
    if la - lb > 1:
        return False
    i = 0
    while i < lb and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]
    return a[i + 1 :] == b[i:]


def _near_label(s: str, a: int, b: int, variants: list[str], min_len: int) -> tuple[int, int] | None:
    """The first stretch of s[a:b] within one edit of a variant (longest variants first; same
    length before one shorter, before one longer), that neither opens nor ends with a value."""
    for v in sorted(variants, key=len, reverse=True):
        n = len(v)
        if n < min_len:
            continue
        for w in (n, n - 1, n + 1):
            for p in range(a, b - w + 1):
                q = p + w
                if s[p] in _VALUE_CH or s[q - 1] in _VALUE_CH or s[p] == " " or s[q - 1] == " ":
                    continue
                if _one_edit(s[p:q], v):
                    return p, q
    return None


def _near_rows(s: str, rows: list[Row]) -> list[Row]:
    """Rows whose labels are misprinted, added where their neighbours in the template's order
    leave a gap of exactly one row: the text between those neighbours is searched for a label of
    the missing row within one edit (see [t3.near_match] in the label table)."""
    lab = labels()
    order = {k: i for i, k in enumerate(lab.t3_order)}
    if not order or not rows:
        return rows
    present = {r.key for r in rows}
    # neighbours are rows with values; a heading row (其他处理 over its 2021 sub-rows) is not one
    valued = [k for k, r in enumerate(rows) if r.chunks]
    out = list(rows)
    added: list[tuple[int, Row, Row]] = []
    for k0, k1 in pairwise(valued):
        prev, nxt = rows[k0], rows[k1]
        i0, i1 = order.get(prev.key), order.get(nxt.key)
        if i0 is None or i1 is None or i1 - i0 != 2:
            continue
        key = lab.t3_order[i0 + 1]
        if key in present or key not in lab.t3_rows:
            continue
        seg_a = prev.label_start + len(prev.label)
        found = _near_label(s, seg_a, nxt.label_start, lab.t3_rows[key], lab.near_min_len)
        if found is None:
            continue
        p, q = found
        e = p
        m = _ENUM_BEFORE.search(s, seg_a, p)
        if m is not None:
            e = m.start()
        # the row's values run to the next label found after it
        stop = min(
            (r.label_start for r in rows[k0 + 1 : k1 + 1] if r.label_start >= q), default=nxt.label_start
        )
        chunks, r0, r1 = read_values(s, q, stop)
        if not chunks:
            continue
        # the previous row's values end where the misprinted label (and its enumerator) begins
        pc, p0, p1 = read_values(s, seg_a, e)
        added.append(
            (
                k0,
                Row(prev.key, prev.label, prev.label_start, pc, (p0, p1)),
                Row(key, s[e:q], e, chunks, (r0, r1)),
            )
        )
        present.add(key)
    for k0, prev, row in added:
        out[k0] = prev
        out.append(row)
    if added:
        out.sort(key=lambda r: r.label_start)
    return out


MAX_TOTAL_DIGITS = 12


def _row_sum_splits(chunks: list[Chunk], ncol: int) -> list[list[Cell]]:
    """Readings of a row whose last cell is the sum of the others. The total is a suffix of the
    last chunk, so try each suffix and split the rest with the running sum bounded by it."""
    out: list[list[Cell]] = []
    last = chunks[-1].text
    first_k = 1
    if len(chunks) >= ncol and "." not in last:
        # a shorter total leaves digits of the last chunk with no cell to go to, and without a
        # point in it no suffix ends the loop early: only the whole chunk can be the total
        first_k = len(last)
    # a total is a count of requests: more than 12 digits is never a real total, and trying every
    # suffix of a garbled 400-digit run would cost a search each
    for k in range(first_k, min(len(last), MAX_TOTAL_DIGITS) + 1):
        tot_text = last[-k:]
        rest_last = last[:-k]
        if (len(tot_text) > 1 and tot_text[0] == "0") or not tot_text[0].isdigit() or rest_last.endswith("."):
            continue
        if "." in rest_last:
            break
        if rest_last and len(chunks) >= ncol:
            # each chunk of the head is at least one cell: no room left for a split total
            continue
        target = float(tot_text)
        head = [*chunks[:-1], *([Chunk(rest_last)] if rest_last else [])]
        if not head:
            continue

        def exact(cells: list[Cell], target: float = target) -> bool:
            return sum(c.value for c in cells) == target

        total = Cell(text=tot_text, value=target, unit=chunks[-1].unit)
        for cells in split_cells(head, ncol - 1, final=exact, cap=200, max_value=target, target_sum=target):
            out.append([*cells, total])
    return out


def _solve_t3_columns(ctx: _Ctx, rows: list[Row], cand: dict[str, list[list[Cell]]]) -> dict[str, list[Cell]]:
    """Pick one reading per row so that the column identities hold; flag what stays open."""
    fixed = {k: v[0] for k, v in cand.items() if len(v) == 1}
    open_keys = [k for k, v in cand.items() if len(v) > 1]
    if not open_keys:
        return fixed
    ncol = len(labels().t3_columns)

    def holds(sel: dict[str, list[Cell]]) -> bool:
        outcomes = [k for k in sel if _t3_key_parts(k) in T3_OUTCOME_GROUPS]
        for c in range(ncol):
            val = {k: v[c].value for k, v in sel.items()}
            if "total" in val and outcomes and sum(val[k] for k in outcomes) != val["total"]:
                return False
            if all(k in val for k in ("new_received", "carried_over", "total", "carried_forward")) and (
                val["new_received"] + val["carried_over"] != val["total"] + val["carried_forward"]
            ):
                return False
        return True

    size = 1
    for k in open_keys:
        size *= len(cand[k])
    good: list[dict[str, list[Cell]]] = []
    if size <= 50000:
        for combo in product(*(cand[k] for k in open_keys)):
            sel = dict(fixed)
            sel.update(zip(open_keys, combo, strict=True))
            if holds(sel):
                good.append(sel)
                if len(good) > 1:
                    break
    if len(good) == 1:
        return good[0]
    # no unique reading: prefer cells under columns that the 总计 row shows as non-zero
    profile = fixed.get("total")
    result = dict(fixed)
    for k in open_keys:

        def pref(cells: list[Cell]) -> tuple[int, int, float]:
            outside = sum(1 for i, c in enumerate(cells[:-1]) if c.value and profile and not profile[i].value)
            return (outside, sum(1 for c in cells if c.value), -cells[0].value)

        result[k] = min(cand[k], key=pref)
        ctx.notes.append(
            f"table 3 {k}: {len(cand[k])} readings of the run-together digits; "
            f"{'several' if good else 'none'} satisfy the column identities; chose "
            + "|".join(c.text or "0" for c in result[k])
        )
    return result


def _read_t4(ctx: _Ctx, a: int, b: int) -> int:
    s = ctx.norm.s
    lab = labels()
    chunks: list[Chunk] = []
    runs: list[tuple[int, int]] = []
    i = a
    while i < b:
        cs, r0, r1 = read_values(s, i, b)
        if not cs:
            break
        chunks.extend(cs)
        runs.append((r0, r1))
        i = r1
    ng, nc = len(lab.t4_groups), len(lab.t4_columns)
    n = ng * nc
    if not chunks:
        return 0

    def prune(cells: list[Cell]) -> bool:
        k = len(cells)
        if k % nc == 0:
            g = cells[k - nc : k]
            return sum(c.value for c in g[:-1]) == g[-1].value
        return True

    # take as many runs as make a reading; trailing runs may be later prose numbers
    sol: list[list[Cell]] = []
    used = len(runs)
    while used > 0:
        part = [c for c in _chunks_upto(chunks, runs, s, used)]
        sol = split_cells(part, n, prune=prune, cap=3)
        if sol:
            break
        used -= 1
    identity_ok = True
    if not sol:
        used = len(runs)
        while used > 0:
            part = _chunks_upto(chunks, runs, s, used)
            sol = split_cells(part, n, cap=2)
            if len(sol) == 1:
                break
            used -= 1
        identity_ok = False
        if len(sol) != 1:
            ctx.notes.append("table 4: value text does not read as 15 cells")
            return 0
        ctx.notes.append("table 4: group totals do not add up (values kept as printed)")
    if len(sol) > 1:
        ctx.notes.append(f"table 4: {len(sol)} readings satisfy the group totals; the first is kept")
    cells = sol[0]
    run = (runs[0][0], runs[used - 1][1])
    row = Row("t4", "", run[0], [], run)
    split = identity_ok and len(_chunks_upto(chunks, runs, s, used)) != n
    for gi, grp in enumerate(lab.t4_groups):
        for ci, col in enumerate(lab.t4_columns):
            ctx.add(
                f"t4.{grp}.{col}", cells[gi * nc + ci], "件", T4_GROUP_ZH[grp], T4_COLUMN_ZH[col], row, split
            )
    return 1


def _chunks_upto(chunks: list[Chunk], runs: list[tuple[int, int]], s: str, used: int) -> list[Chunk]:
    out: list[Chunk] = []
    for r0, r1 in runs[:used]:
        cs, _, _ = read_values(s, r0, r1)
        out.extend(cs)
    return out


def _detect_era(s: str) -> str | None:
    a = labels().anchors
    n19 = sum(1 for v in a["era2019"] if v in s)
    n21 = sum(1 for v in a["era2021"] if v in s)
    if n19 > n21:
        return "template2019"
    if n21 > n19:
        return "template2021"
    return None


@dataclass
class _Layout:
    t2: tuple[int, int] | None
    t3: tuple[int, int] | None
    t4: tuple[int, int] | None


def _locate(s: str) -> _Layout:
    """Where each table sits. Section names also occur in the report's introduction, so each
    table is anchored on a row only a table has, then widened back to its heading."""
    a = labels().anchors
    first_row = min((p for v in labels().t3_rows["new_received"] if (p := s.find(v)) >= 0), default=-1)
    t3_start = -1
    if first_row >= 0:
        t3_start = first_row
        for v in a["t3"]:
            p = s.rfind(v, max(0, first_row - 400), first_row)
            if 0 <= p < t3_start:
                t3_start = p
    t2_start = -1
    limit = t3_start if t3_start >= 0 else len(s)
    for v in a["t2"]:
        p = s.find(v, 0, limit)
        if p >= 0 and (t2_start < 0 or p < t2_start) and "第二十条" in v:
            t2_start = p
    if t2_start < 0:
        for v in a["t2"]:
            p = s.rfind(v, 0, limit)
            if p >= 0 and (t2_start < 0 or p < t2_start):
                t2_start = p
    t4_start = -1
    if t3_start >= 0:
        pat, _ = _t3_row_re()
        last_row = t3_start
        carried_forward = tuple(labels().t3_rows["carried_forward"])
        for m in pat.finditer(s, t3_start, min(len(s), t3_start + 6000)):
            if m.group(0).endswith(carried_forward):
                last_row = m.end()
                break
        t4_start = _find_anchor(s, a["t4"], last_row)
        if t4_start < 0 or t4_start - last_row > 600:
            # a grid has no section heading: table 4 begins at its 行政复议 header
            t4_start = s.find("行政复议", last_row)
    t2 = (t2_start, t3_start if t3_start >= 0 else min(len(s), t2_start + 3000)) if t2_start >= 0 else None
    t3 = (t3_start, t4_start if t4_start >= 0 else len(s)) if t3_start >= 0 else None
    t4 = None
    if t4_start >= 0:
        end = len(s)
        for stop in ("五、", "五.", "（五）"):
            p = s.find(stop, t4_start)
            if 0 <= p < end:
                end = p
        t4 = (t4_start, min(end, t4_start + 2000))
    return _Layout(t2, t3, t4)


@dataclass
class _Reading:
    rows: tuple[int, int, int]  # rows (t2, t3) or groups (t4) read per table


def _read_all(ctx: _Ctx, era_hint: str | None) -> _Reading:
    s = ctx.norm.s
    lay = ctx.layout = _locate(s)
    era = era_hint or _detect_era(s)
    n2 = _read_t2(ctx, *lay.t2, era) if lay.t2 else 0
    n3 = _read_t3(ctx, *lay.t3) if lay.t3 else 0
    n4 = 0
    if lay.t4:
        # the table-4 values follow its last column header
        a, b = lay.t4
        hdr = max(s.rfind("总计", a, b), s.rfind("审结", a, b))
        n4 = _read_t4(ctx, hdr + 2 if hdr >= 0 else a, b)
    return _Reading((n2, n3, n4))


# ---------------------------------------------------------------- grids


def grid_text(tables: list[Table]) -> str:
    """Render grids one row per line: label cells, then value cells with blanks kept as BLANK."""
    lines: list[str] = []
    for t in tables:
        for row in t.rows:
            cells = ["" if c is None else " ".join(str(c).split()) for c in row]
            # the last cell that is a label (values trail the labels, so look from the end)
            last_label = -1
            for i in range(len(cells) - 1, -1, -1):
                c = cells[i]
                # all decimal digits (\d) is a value without the regex
                if c and not (c.isdecimal() or _looks_value(c)):
                    last_label = i
                    break
            label_parts: list[str] = []
            for c in cells[: last_label + 1]:
                if c and (not label_parts or label_parts[-1] != c):
                    label_parts.append(c)
            values = [c if c else BLANK for c in cells[last_label + 1 :]]
            if (
                last_label >= 0
                and len(values) > 1
                and not any(v != BLANK for v in values)
                and not _is_row_label(" ".join(label_parts))
            ):
                # a header or heading row: keep its words, drop the blanks (a table row whose
                # cells are all blank keeps them: blank cells are zeros)
                values = []
            lines.append(" ".join(label_parts) + (" " if label_parts and values else "") + " ".join(values))
        lines.append("")
    return "\n".join(lines)


def _is_row_label(label: str) -> bool:
    """Whether a grid row's label text ends with a table-2 or table-3 row label."""
    s = _norm_label(label)
    patterns = (_t3_row_re()[0], _t2_row_re()[0])
    return any(m.end() == len(s) for pat in patterns for m in pat.finditer(s))


_VALUE_CELL = re.compile(r"^[-—－/／无]+$|^[+-]?[\d０-９][\d０-９,，.]*\s*(万元|元|件|条|个)?$")


def _looks_value(c: str) -> bool:
    return bool(_VALUE_CELL.match(c.strip()))


# ---------------------------------------------------------------- entry point


def extract(doc: ParsedDocument) -> TemplateResult:
    res = TemplateResult()
    if doc.image_only or not doc.text:
        return res
    text_ctx = _Ctx("flat", normalise(doc.text), span_ok=True)
    era = _detect_era(text_ctx.norm.s)
    t_read = _read_all(text_ctx, era)
    grid_ctx: _Ctx | None = None
    g_read = _Reading((0, 0, 0))
    if doc.tables:
        grid_ctx = _Ctx("grid", normalise(grid_text(doc.tables)), span_ok=False)
        era = era or _detect_era(grid_ctx.norm.s)
        g_read = _read_all(grid_ctx, era)
    if not (any(t_read.rows) or any(g_read.rows)):
        return res
    res.era = era or ("template2021" if any(e[0].startswith("t3.other.") for e in text_ctx.entries) else None)
    # Grids keep blank cells in place, so they win a tie — except PDF grids, which are rebuilt
    # from the same lines as the text and would only lose the spans.
    grid_wins_tie = not all(t.source == "pdf" for t in doc.tables)
    for ti, prefix in enumerate(("t2.", "t3.", "t4.")):
        g, t = g_read.rows[ti], t_read.rows[ti]
        use_grid = grid_ctx is not None and g > 0 and (g > t or (g == t and grid_wins_tie))
        src = grid_ctx if use_grid and grid_ctx is not None else text_ctx
        res.figures.extend(src.figures(prefix))
        res.notes.extend(n for n in src.notes if n.startswith(f"table {ti + 2}"))
    res.table_spans = _spans(text_ctx)
    res.figures.extend(derive_headline(res.figures))
    return res


def _spans(ctx: _Ctx) -> list[tuple[int, int]]:
    lay = ctx.layout if ctx.layout is not None else _locate(ctx.norm.s)
    ends: dict[str, int] = {}
    for entry in ctx.entries:
        span = entry[5][0]
        if span:
            t = entry[0][:2]
            ends[t] = max(ends.get(t, 0), span[1])
    spans = []
    for name, part in (("t2", lay.t2), ("t3", lay.t3), ("t4", lay.t4)):
        if part and name in ends:
            start = ctx.norm.idx[part[0]]
            spans.append((start, max(ends[name], start)))
    return spans


def derive_headline(figs: list[Figure]) -> list[Figure]:
    """Headline keys restated from the template cells, as metrics.md defines them."""
    v = {f.metric: f.value for f in figs}
    out: list[Figure] = []

    def put(metric: str, value: float, evidence: str) -> None:
        out.append(
            Figure(metric=metric, value=value, unit="件", evidence=evidence, method="template:derived")
        )

    for metric, src in (
        ("requests.received", "t3.new_received.total"),
        ("requests.carried_over", "t3.carried_over.total"),
        ("requests.answered", "t3.total.total"),
        ("requests.carried_forward", "t3.carried_forward.total"),
        ("requests.granted", "t3.granted.total"),
        ("requests.partially_granted", "t3.partially_granted.total"),
    ):
        if src in v:
            put(metric, v[src], src)
    groups = (
        ("requests.refused", "withheld"),
        ("requests.unable", "unable"),
        ("requests.not_processed", "not_processed"),
    )
    # the groups' row totals, in the order of v, gathered in one pass
    totals: dict[str, list[str]] = {grp: [] for _, grp in groups}
    for k in v:
        if k.endswith(".total") and k.startswith("t3."):
            for grp, keys in totals.items():
                if k.startswith(f"t3.{grp}."):
                    keys.append(k)
    for metric, grp in groups:
        keys = totals[grp]
        if keys:
            put(metric, sum(v[k] for k in keys), " + ".join(sorted(keys)))
    for col in ("upheld", "corrected", "other", "pending", "total"):
        if f"t4.review.{col}" in v:
            put(f"reviews.{col}", v[f"t4.review.{col}"], f"t4.review.{col}")
        parts = [k for k in (f"t4.lawsuit_direct.{col}", f"t4.lawsuit_after_review.{col}") if k in v]
        if parts:
            put(f"lawsuits.{col}", sum(v[k] for k in parts), " + ".join(parts))
    return out
