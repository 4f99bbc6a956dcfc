#!/usr/bin/env python3
"""Generate the blind template-era PDF test set fixtures/documents/tmpl_w9_*.pdf and fixtures/expected_w9/.

Dev-only: needs reportlab, which is not a project dependency. Run it from a scratch venv outside
the repository (never the project's .venv):

    python3 -m venv /tmp/w9venv && /tmp/w9venv/bin/pip install reportlab
    /tmp/w9venv/bin/python scripts/make_tmpl_w9.py          # or /tmp/w7venv if it exists

Four invented 政府信息公开工作年度报告 of the template era (2019 template and 2021 template), with
layouts that differ from the w7 set (make_tmpl_w7.py):

  jiangyou_2022  city government (江油市人民政府), 2021 template. Every table in the "three-line" style:
                 horizontal rules only (a heavy top and bottom rule, a thin rule under the header,
                 short partial rules under spanning header labels), no vertical rules at all.
                 Table 三 has one hierarchical label column (三、本年度办理结果, （三）不予公开 … as
                 label-only rows, items indented); zero cells blank in the six applicant columns
                 (0 printed in 总计), values right-aligned in fixed columns and bottom-aligned with
                 wrapped labels; table 四 zeros blank. Table 二 with thousands
                 separators (12,345) and 行政事业性收费 in 万元 with two decimals (2,318.06).
  ztnync_2023    county bureau (梓潼县农业农村局), 2021 template. Full grid tables whose rules are
                 thin filled rectangles (0.5 pt, no stroked lines); zero cells blank in tables 三
                 and 四; 三、本年度办理结果 wrapped horizontally in a 44 pt column.
  fcspj_2024     district department (绵阳市涪城区行政审批局), 2021 template. Ruled grid; table 三 breaks
                 onto the next page inside the 本年度办理结果 block (inside the （三）不予公开 group) and
                 the header rows are NOT repeated; merged label cells that cross the break print their
                 text only in the part on the first page. Table 二 with thousands separators and
                 行政事业性收费 in 万元 with two decimals; zeros printed 0.
  fule_2019      street office (绵阳市游仙区富乐街道办事处), 2019 template (era template2019). Table 二
                 in the 2019 layout drawn three-line style (/ for the 规章 and 行政事业性收费 rows);
                 table 三 as a ruled grid with 三、本年度办理结果 as a full-width row of its own and
                 two label columns below it (group | item); table 四 a ruled grid with rectangles.

All numbers come from one fixed seed. Table 三 is generated per applicant column (new + carried
over = answered + carried forward; outcomes add up to 总计; the 总计 column is the sum of the six
applicant columns) and table 四 per group, so every identity of metrics.md holds. The gold lists every
t2/t3/t4 cell (a blank, / or 0 cell is 0), the derived requests.*/reviews.*/lawsuits.* keys
(template_gold.derived_figures) and the keyed figures that the prose states and no table
contradicts. Text is drawn as Word does: Chinese and Latin/digit runs as separate text objects;
one-character objects padded with a trailing space (pdfium drops one-character STSong-Light objects).
The printed table values are also written to /tmp/w9_printed.json (scratch, for checking that each
value survives pypdfium2 text extraction; not a fixture).
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from template_gold import APPL, APPL_LABELS, COLS, T4_COLS, T4_GROUPS, T4_LABELS, derived_figures

ROOT = Path(__file__).resolve().parent.parent
DOC_DIR = ROOT / "fixtures" / "documents"
EXP_DIR = ROOT / "fixtures" / "expected_w9"

SEED = 92026
FONT = "STSong-Light"
PAGE_W, PAGE_H = A4
LM = RM = 88.0
TM = 74.0
BM = 80.0

# ---------------------------------------------------------------------------------------------
# table 三 rows of the two templates

RESULT = "三、本年度办理结果"
CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
G3, G4, G5, G6 = "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"

T3_HEAD = [
    ("new_received", None, "一、本年新收政府信息公开申请数量"),
    ("carried_over", None, "二、上年结转政府信息公开申请数量"),
]
T3_OUT = [
    ("granted", None, "（一）予以公开"),
    ("partially_granted", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld.state_secret", G3, "1.属于国家秘密"),
    ("withheld.prohibited_by_law", G3, "2.其他法律行政法规禁止公开"),
    ("withheld.three_security", G3, "3.危及“三安全一稳定”"),
    ("withheld.third_party", G3, "4.保护第三方合法权益"),
    ("withheld.internal_affairs", G3, "5.属于三类内部事务信息"),
    ("withheld.process_info", G3, "6.属于四类过程性信息"),
    ("withheld.enforcement_files", G3, "7.属于行政执法案卷"),
    ("withheld.query_matters", G3, "8.属于行政查询事项"),
    ("unable.not_held", G4, "1.本机关不掌握相关政府信息"),
    ("unable.needs_creation", G4, "2.没有现成信息需要另行制作"),
    ("unable.still_unclear", G4, "3.补正后申请内容仍不明确"),
    ("not_processed.petition", G5, "1.信访举报投诉类申请"),
    ("not_processed.repeated", G5, "2.重复申请"),
    ("not_processed.publications", G5, "3.要求提供公开出版物"),
    ("not_processed.excessive", G5, "4.无正当理由大量反复申请"),
    ("not_processed.confirmation", G5, "5.要求行政机关确认或重新出具已获取信息"),
]
T3_OTHER = {
    "template2021": [
        ("other.no_correction", G6, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("other.unpaid_fee", G6, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other.other", G6, "3.其他"),
    ],
    "template2019": [("other", None, "（六）其他处理")],
}
T3_TOTAL = ("total", None, "（七）总计")
T3_CF = ("carried_forward", None, "四、结转下年度继续办理")


def outcome_defs(era: str) -> list[tuple[str, str | None, str]]:
    """The rows of the 本年度办理结果 block, （七）总计 included."""
    return T3_OUT + T3_OTHER[era] + [T3_TOTAL]


def t3_defs(era: str) -> list[tuple[str, str | None, str]]:
    return T3_HEAD + outcome_defs(era) + [T3_CF]


OUT_WEIGHT = {
    "granted": 38, "partially_granted": 8,
    "withheld.state_secret": 0.3, "withheld.prohibited_by_law": 0.8, "withheld.three_security": 0.4,
    "withheld.third_party": 2.5, "withheld.internal_affairs": 1.2, "withheld.process_info": 3,
    "withheld.enforcement_files": 1, "withheld.query_matters": 1.2,
    "unable.not_held": 24, "unable.needs_creation": 3.5, "unable.still_unclear": 2,
    "not_processed.petition": 4.5, "not_processed.repeated": 2.5, "not_processed.publications": 0.6,
    "not_processed.excessive": 0.4, "not_processed.confirmation": 1,
    "other.no_correction": 3, "other.unpaid_fee": 0.3, "other.other": 2, "other": 4,
}  # fmt: skip


def draw_t3(rng: random.Random, era: str, ranges: dict) -> dict[str, list[int]]:
    """Table 三 column by column, so every column and row identity holds."""
    keys = [k for k, _, _ in t3_defs(era)]
    outs = [k for k, _, _ in outcome_defs(era) if k != "total"]
    t = {k: [0] * 7 for k in keys}
    for j in range(6):
        new = rng.randint(*ranges["new"][j])
        old = rng.randint(*ranges["co"][j])
        fwd = min(new + old, rng.randint(*ranges["cf"][j]))
        t["new_received"][j], t["carried_over"][j], t["carried_forward"][j] = new, old, fwd
        done = new + old - fwd
        for k in rng.choices(outs, weights=[OUT_WEIGHT[k] for k in outs], k=done):
            t[k][j] += 1
        t["total"][j] = done
    for row in t.values():
        row[6] = sum(row[:6])
    return t


def draw_t4(rng: random.Random, ranges: list) -> dict[str, list[int]]:
    out = {}
    for g, rr in zip(T4_GROUPS, ranges):
        four = [rng.randint(a, b) for a, b in rr]
        out[g] = four + [sum(four)]
    return out


def wan(rng: random.Random, lo: float, hi: float) -> float:
    """An amount in 万元 with two decimals, the second one non-zero."""
    while True:
        v = round(rng.uniform(lo, hi), 2)
        if f"{v:.2f}"[-1] != "0":
            return v


def sep(v) -> str:
    """Thousands separators: 12345 -> 12,345; 2318.06 -> 2,318.06."""
    return f"{v:,.2f}" if isinstance(v, float) else f"{v:,}"


def signed(v: int) -> str:
    return f"{v:+d}" if v else "0"


def parse_num(s: str):
    s = s.strip().replace(",", "")
    if s in ("", "/", "—", "-", "无"):
        return 0
    v = float(s.lstrip("+"))
    return int(v) if v == int(v) else v


# ---------------------------------------------------------------------------------------------
# text: Chinese and Latin/digit runs as separate text objects with Word's quarter-em autospace

ASCII_RUN = re.compile(r"[\x21-\x7e]+|[^\x21-\x7e]+")
TOK = re.compile(r"[0-9A-Za-z.,%+\-:/]+|.", re.S)
NO_START = set("，。、；：？！）》〕”’％,.;:)%")
NO_END = set("（《〔“‘(")


def full_width_punct(ch: str) -> bool:
    return "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·"


def text_runs(s: str, size: float) -> list[tuple[float, str]]:
    out: list[tuple[float, str]] = []
    x, prev_ascii = 0.0, None
    for m in ASCII_RUN.finditer(s):
        r = m.group()
        is_ascii = r[0] <= "\x7e"
        if prev_ascii is not None and prev_ascii != is_ascii:
            cjk = out[-1][1][-1] if is_ascii else r[0]
            lat = r[0] if is_ascii else out[-1][1][-1]
            if full_width_punct(cjk) or not lat.isalnum():
                out[-1] = (out[-1][0], out[-1][1] + r)
            else:
                x += size * 0.25
                out.append((x, r))
        else:
            out.append((x, r))
        x += pdfmetrics.stringWidth(r, FONT, size)
        prev_ascii = is_ascii
    return out


def width_of(s: str, size: float) -> float:
    rr = text_runs(s, size)
    if not rr:
        return 0.0
    return rr[-1][0] + pdfmetrics.stringWidth(rr[-1][1], FONT, size)


def wrap(text: str, width: float, size: float, first: float | None = None) -> list[str]:
    out: list[str] = []
    for para in text.split("\n"):
        cur = ""
        for tok in TOK.findall(para):
            w = first if (first is not None and not out) else width
            if cur and width_of(cur + tok, size) > w and tok[0] not in NO_START:
                carry = ""
                while len(cur) > 1 and cur[-1] in NO_END:
                    carry, cur = cur[-1] + carry, cur[:-1]
                out.append(cur)
                cur = carry + tok
            else:
                cur += tok
        out.append(cur)
    return out


# ---------------------------------------------------------------------------------------------
# page model


@dataclass
class Cell:
    text: str
    rs: int = 1
    cs: int = 1
    kind: str = "label"  # head | label | num


def place_cells(rows: list[list[Cell]]):
    taken: set = set()
    out = []
    for ri, row in enumerate(rows):
        ci = 0
        for c in row:
            while (ri, ci) in taken:
                ci += 1
            out.append((ri, ci, c))
            for dr in range(c.rs):
                for dc in range(c.cs):
                    assert (ri + dr, ci + dc) not in taken
                    taken.add((ri + dr, ci + dc))
            ci += c.cs
    nc = max(ci + c.cs for _, ci, c in out)
    assert len(taken) == len(rows) * nc, ("ragged table", len(taken), len(rows), nc)
    return out, len(rows), nc


@dataclass
class TRow:
    """A row of a three-line table: cells as (text, first column, span, kind, indent)."""

    cells: list
    rules_below: list = field(default_factory=list)  # (first column, span, width)
    rule_above: float = 0.0  # full-width rule above the row (0 = none)


class Pdf:
    def __init__(self) -> None:
        self.pages: list[list[tuple]] = []
        self.new_page()

    def new_page(self) -> None:
        self.pages.append([])
        self.y = PAGE_H - TM

    @property
    def pg(self) -> int:
        return len(self.pages) - 1

    def text(self, pg: int, x: float, y: float, s: str, size: float) -> None:
        for dx, r in text_runs(s, size):
            self.pages[pg].append(("t", x + dx, y, r, size))

    def rule(self, pg: int, x1: float, y1: float, x2: float, y2: float, w: float, style: str) -> None:
        if style == "rect":  # a thin filled rectangle centred on the rule
            if y1 == y2:
                self.pages[pg].append(("r", min(x1, x2) - w / 2, y1 - w / 2, abs(x2 - x1) + w, w))
            else:
                self.pages[pg].append(("r", x1 - w / 2, min(y1, y2) - w / 2, w, abs(y2 - y1) + w))
        else:
            self.pages[pg].append(("l", x1, y1, x2, y2, w))

    def para(self, s: str, *, size: float = 14, lead: float = 25, indent: float = 2, align: str = "l") -> None:
        width = PAGE_W - LM - RM
        for i, ln in enumerate(wrap(s, width, size, first=width - indent * size)):
            if self.y - lead < BM:
                self.new_page()
            self.y -= lead
            x = LM + (indent * size if i == 0 else 0)
            if align == "c":
                x = (PAGE_W - width_of(ln, size)) / 2
            elif align == "r":
                x = PAGE_W - RM - width_of(ln, size)
            self.text(self.pg, x, self.y + (lead - size) / 2 + 1, ln, size)

    def space(self, h: float) -> None:
        self.y -= h

    def room(self) -> float:
        return self.y - BM

    # ---- ruled grid (lines or filled rectangles) ---------------------------------------------

    def grid_layout(self, rows, widths, size, min_h):
        cells, nr, nc = place_cells(rows)
        assert nc == len(widths), (nc, len(widths))
        x0 = (PAGE_W - sum(widths)) / 2
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        lead, vpad, hpad = size * 1.3, 3.0, 3.0
        lines = {(ri, ci): (wrap(c.text, xs[ci + c.cs] - xs[ci] - 2 * hpad, size) if c.text else []) for ri, ci, c in cells}
        h = [float(min_h)] * nr
        for ri, ci, c in sorted(cells, key=lambda t: t[2].rs):
            need = len(lines[(ri, ci)]) * lead + 2 * vpad
            have = sum(h[ri : ri + c.rs])
            if need > have:
                for k in range(ri, ri + c.rs):
                    h[k] += (need - have) / c.rs
        return cells, nr, nc, xs, lines, h, lead, vpad, hpad

    def grid_height(self, rows, widths, *, size=9.0, min_h=18.0) -> float:
        return sum(self.grid_layout(rows, widths, size, min_h)[5])

    def grid(
        self,
        rows: list[list[Cell]],
        widths: list[float],
        *,
        size: float = 9.0,
        nhead: int = 0,
        min_h: float = 18.0,
        style: str = "line",
        rule_w: float = 0.5,
        align: dict | None = None,
    ) -> list[int]:
        """Draw a ruled table at the cursor; returns the row indices that start a new page.

        Header rows are never repeated. A merged cell that crosses a page break gets its borders on
        both pages but its text only in the part on the first page."""
        align = {"head": "c", "label": "l", "num": "c", **(align or {})}
        cells, nr, nc, xs, lines, h, lead, vpad, hpad = self.grid_layout(rows, widths, size, min_h)
        if self.y - sum(h[: nhead + 2]) < BM:
            self.new_page()
        place: dict[int, tuple[int, float]] = {}
        breaks = []
        for r in range(nr):
            if r >= nhead and self.y - h[r] < BM:
                self.new_page()
                breaks.append(r)
            place[r] = (self.pg, self.y)
            self.y -= h[r]
        segs: set = set()
        for ri, ci, c in cells:
            frags: list[list[int]] = []
            for r in range(ri, ri + c.rs):
                if not frags or place[r][0] != place[frags[-1][-1]][0]:
                    frags.append([])
                frags[-1].append(r)
            xl, xr = xs[ci], xs[ci + c.cs]
            for fi, fr in enumerate(frags):
                pg, top = place[fr[0]]
                bot = place[fr[-1]][1] - h[fr[-1]]
                segs |= {(pg, xl, top, xr, top), (pg, xl, bot, xr, bot), (pg, xl, top, xl, bot), (pg, xr, top, xr, bot)}
                if fi == 0 and lines[(ri, ci)]:  # text only in the first part
                    ls = lines[(ri, ci)]
                    off = max(vpad, (top - bot - len(ls) * lead) / 2)
                    for ln in ls:
                        base = top - off - lead + (lead - size) / 2 + 1.5
                        w = width_of(ln, size)
                        a = align[c.kind]
                        x = (xl + xr - w) / 2 if a == "c" else (xr - hpad - w if a == "r" else xl + hpad)
                        self.text(pg, x, base, ln, size)
                        off += lead
        for pg, x1, y1, x2, y2 in sorted(segs):
            self.rule(pg, x1, y1, x2, y2, rule_w, style)
        return breaks

    # ---- three-line table (horizontal rules only) ---------------------------------------------

    def tl_layout(self, rows: list[TRow], widths, size):
        x0 = (PAGE_W - sum(widths)) / 2
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        lead, vpad, pad = size * 1.35, 3.5, 3.0
        laid = []
        for row in rows:
            cl = []
            for text, c0, cs, kind, indent in row.cells:
                w = xs[c0 + cs] - xs[c0] - 2 * pad - indent
                cl.append((wrap(text, w, size) if text else [], c0, cs, kind, indent))
            n = max([len(x[0]) for x in cl] + [1])
            laid.append((cl, n * lead + 2 * vpad))
        return xs, lead, vpad, pad, laid

    def tl_height(self, rows, widths, size) -> float:
        return sum(h for _, h in self.tl_layout(rows, widths, size)[4])

    def three_line(self, rows: list[TRow], widths: list[float], *, size: float = 9.0, nhead: int = 1) -> int:
        """Heavy rule on top and at the bottom, a thin rule under the header, partial rules under
        spanning header labels; cells bottom-aligned (numbers on the last line of a wrapped label),
        labels left with their indent, numbers right-aligned. Returns the page breaks inside."""
        xs, lead, vpad, pad, laid = self.tl_layout(rows, widths, size)
        if self.y - sum(h for _, h in laid[: nhead + 2]) < BM:
            self.new_page()
        heavy, thin = 1.5, 0.6
        left, right = xs[0], xs[-1]
        self.rule(self.pg, left, self.y, right, self.y, heavy, "line")
        breaks = 0
        for i, (row, (cl, h)) in enumerate(zip(rows, laid)):
            if self.y - h < BM:
                self.rule(self.pg, left, self.y, right, self.y, thin, "line")
                self.new_page()
                breaks += 1
            if row.rule_above:
                self.rule(self.pg, left, self.y, right, self.y, row.rule_above, "line")
            top = self.y
            n = max([len(x[0]) for x in cl] + [1])
            for ls, c0, cs, kind, indent in cl:
                xl, xr = xs[c0], xs[c0 + cs]
                first = n - len(ls)  # bottom alignment
                for k, ln in enumerate(ls):
                    base = top - vpad - (first + k + 1) * lead + (lead - size) / 2 + 1.5
                    w = width_of(ln, size)
                    if kind == "num":
                        x = xr - pad - 2 - w
                    elif kind == "head":
                        x = (xl + xr - w) / 2
                    else:
                        x = xl + pad + indent
                    self.text(self.pg, x, base, ln, size)
            self.y -= h
            for c0, cs, w in row.rules_below:
                self.rule(self.pg, xs[c0] + 2, self.y, xs[c0 + cs] - 2, self.y, w, "line")
            if i == nhead - 1:
                self.rule(self.pg, left, self.y, right, self.y, thin, "line")
        self.rule(self.pg, left, self.y, right, self.y, heavy, "line")
        return breaks

    # ---- output ---------------------------------------------------------------------------------

    def save(self, path: Path, title: str, author: str, pn_size: float = 12) -> None:
        c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        c.setTitle(title)
        c.setAuthor(author)
        c.setCreator("WPS 文字")
        for i, ops in enumerate(self.pages):
            for op in ops:
                if op[0] == "l":
                    _, x1, y1, x2, y2, w = op
                    c.setLineWidth(w)
                    c.line(x1, y1, x2, y2)
                elif op[0] == "r":
                    _, x, y, w, h = op
                    c.rect(x, y, w, h, stroke=0, fill=1)
                else:
                    _, x, y, s, size = op
                    c.setFont(FONT, size)
                    c.drawString(x, y, s if len(s) > 1 else s + " ")
            c.setFont(FONT, pn_size)
            c.drawCentredString(PAGE_W / 2, 46, f"— {i + 1} —")
            c.showPage()
        c.save()


# ---------------------------------------------------------------------------------------------
# the report model


@dataclass
class Report:
    stem: str
    era: str
    year: int
    level: str
    issuer: str
    office: str
    t2: dict  # metric suffix -> value (int or float)
    t3: dict  # row -> 7 ints
    t4: dict  # group -> 5 ints
    fmt2: Callable[[str, object], str]  # (key, value) -> printed table 二 cell
    zero3: str | Callable[[str], str]  # printed zero of table 三 (or column -> printed zero)
    zero4: str  # printed zero of table 四
    prose_figs: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    printed: list = field(default_factory=list)  # every non-blank table cell value as printed

    def c2(self, key: str) -> str:
        s = self.fmt2(key, self.t2[key])
        self.printed.append(s)
        return s

    def z3(self, col: str) -> str:
        return self.zero3(col) if callable(self.zero3) else self.zero3

    def c3(self, key: str) -> list[str]:
        out = [str(v) if v else self.z3(c) for c, v in zip(COLS, self.t3[key])]
        self.printed += out
        return out

    def c4(self, g: str) -> list[str]:
        out = [str(v) if v else self.zero4 for v in self.t4[g]]
        self.printed += out
        return out

    def V(self, key: str) -> int:
        return self.t3[key][6]

    @property
    def reviews(self) -> int:
        return self.t4["review"][4]

    @property
    def lawsuits(self) -> int:
        return self.t4["lawsuit_direct"][4] + self.t4["lawsuit_after_review"][4]


SECTIONS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def preface(r: Report, contact: str) -> str:
    fmt = "国办公开办函〔2021〕30号" if r.era == "template2021" else "国办公开办函〔2019〕60号"
    return (
        f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"
        f"（{fmt}）要求，{r.office}编制了{r.issuer}{r.year}年政府信息公开工作年度报告。"
        f"本报告中所列数据的统计期限自{r.year}年1月1日起至{r.year}年12月31日止。"
        f"本报告电子版可在{r.issuer}门户网站“政府信息公开”专栏查阅，如对本报告有疑问，请与{r.office}联系（{contact}）。"
    )


# ---------------------------------------------------------------------------------------------
# table builders: ruled grids


def H(s: str, rs: int = 1, cs: int = 1) -> Cell:
    return Cell(s, rs, cs, "head")


def N(s: str, cs: int = 1) -> Cell:
    return Cell(s, 1, cs, "num")


def grid_t2_2021(r: Report) -> list[list[Cell]]:
    c = r.c2
    return [
        [H("第二十条第（一）项", cs=4)],
        [H("信息内容"), H("本年制发件数"), H("本年废止件数"), H("现行有效件数")],
        [Cell("规章")] + [N(c(f"rules.{k}")) for k in ("issued", "repealed", "in_force")],
        [Cell("行政规范性文件")] + [N(c(f"normative.{k}")) for k in ("issued", "repealed", "in_force")],
        [H("第二十条第（五）项", cs=4)],
        [H("信息内容"), H("本年处理决定数量", cs=3)],
        [Cell("行政许可"), N(c("licensing.decisions"), 3)],
        [H("第二十条第（六）项", cs=4)],
        [H("信息内容"), H("本年处理决定数量", cs=3)],
        [Cell("行政处罚"), N(c("penalty.decisions"), 3)],
        [Cell("行政强制"), N(c("coercion.decisions"), 3)],
        [H("第二十条第（八）项", cs=4)],
        [H("信息内容"), H("本年收费金额（单位：万元）", cs=3)],
        [Cell("行政事业性收费"), N(c("fees.amount"), 3)],
    ]


def grid_t3_std(r: Report, w0_label: bool = True) -> tuple[list[list[Cell]], int]:
    """The template's table 三: three label columns, 3 header rows."""
    rows = [
        [H(CORNER, rs=3, cs=3), H("申请人情况", cs=7)],
        [H("自然人", rs=2), H("法人或其他组织", cs=5), H("总计", rs=2)],
        [H(x) for x in APPL_LABELS[1:]],
    ]
    nhead = 3
    outs = outcome_defs(r.era)
    gsize = Counter(g for _, g, _ in outs if g)
    first, seen = True, set()
    for key, g, lab in t3_defs(r.era):
        row: list[Cell] = []
        if key in ("new_received", "carried_over", "carried_forward"):
            row.append(Cell(lab, cs=3))
        else:
            if first:
                row.append(H(RESULT, rs=len(outs)))
                first = False
            if g is None:
                row.append(Cell(lab, cs=2))
            else:
                if g not in seen:
                    row.append(H(g, rs=gsize[g]))
                    seen.add(g)
                row.append(Cell(lab))
        row += [N(s) for s in r.c3(key)]
        rows.append(row)
    return rows, nhead


def grid_t3_result_row(r: Report) -> tuple[list[list[Cell]], int]:
    """Table 三 with 三、本年度办理结果 as a full-width row of its own and two label columns."""
    rows = [
        [H("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rs=3, cs=2), H("申请人情况", cs=7)],
        [H("自然人", rs=2), H("法人或其他组织", cs=5), H("总计", rs=2)],
        [H(x) for x in APPL_LABELS[1:]],
    ]
    outs = outcome_defs(r.era)
    gsize = Counter(g for _, g, _ in outs if g)
    seen = set()
    for key, g, lab in t3_defs(r.era):
        if key == "granted":
            rows.append([Cell(RESULT, cs=9)])
        row: list[Cell] = []
        if g is None:
            row.append(Cell(lab, cs=2))
        else:
            if g not in seen:
                row.append(H(g, rs=gsize[g]))
                seen.add(g)
            row.append(Cell(lab))
        row += [N(s) for s in r.c3(key)]
        rows.append(row)
    return rows, 3


def grid_t4(r: Report) -> tuple[list[list[Cell]], int]:
    vals = [N(s) for g in T4_GROUPS for s in r.c4(g)]
    return [
        [H("行政复议", cs=5), H("行政诉讼", cs=10)],
        [H(x, rs=2) for x in T4_LABELS] + [H("未经复议直接起诉", cs=5), H("复议后起诉", cs=5)],
        [H(x) for x in T4_LABELS] * 2,
        vals,
    ], 3


# ---- three-line builders ---------------------------------------------------------------------


def tl_t2_2021(r: Report) -> tuple[list[TRow], int]:
    c = r.c2
    L = lambda s: (s, 0, 1, "label", 0)  # noqa: E731
    rows = [
        TRow([L("第二十条第（一）项"), ("本年制发件数", 1, 1, "head", 0), ("本年废止件数", 2, 1, "head", 0),
              ("现行有效件数", 3, 1, "head", 0)]),
        TRow([L("规章")] + [(c(f"rules.{k}"), i + 1, 1, "num", 0) for i, k in enumerate(("issued", "repealed", "in_force"))]),
        TRow([L("行政规范性文件")] + [(c(f"normative.{k}"), i + 1, 1, "num", 0)
                                 for i, k in enumerate(("issued", "repealed", "in_force"))]),
        TRow([L("第二十条第（五）项"), ("本年处理决定数量", 1, 3, "head", 0)], rule_above=0.6, rules_below=[(1, 3, 0.4)]),
        TRow([L("行政许可"), (c("licensing.decisions"), 3, 1, "num", 0)]),
        TRow([L("第二十条第（六）项"), ("本年处理决定数量", 1, 3, "head", 0)], rule_above=0.6, rules_below=[(1, 3, 0.4)]),
        TRow([L("行政处罚"), (c("penalty.decisions"), 3, 1, "num", 0)]),
        TRow([L("行政强制"), (c("coercion.decisions"), 3, 1, "num", 0)]),
        TRow([L("第二十条第（八）项"), ("本年收费金额（单位：万元）", 1, 3, "head", 0)], rule_above=0.6,
             rules_below=[(1, 3, 0.4)]),
        TRow([L("行政事业性收费"), (c("fees.amount"), 3, 1, "num", 0)]),
    ]  # fmt: skip
    return rows, 1


def tl_t2_2019(r: Report) -> tuple[list[TRow], int]:
    c = r.c2
    L = lambda s, ind=0: (s, 0, 1, "label", ind)  # noqa: E731
    hd = lambda s, c0, cs=1: (s, c0, cs, "head", 0)  # noqa: E731
    nums = lambda k, cols: [(c(f"{k}.{x}"), i + 1, 1, "num", 0) for i, x in enumerate(cols)]  # noqa: E731
    made = ("new_made", "new_published", "total_published")
    items = ("prev_items", "change", "decisions")
    rows = [
        TRow([L("第二十条第（一）项"), hd("本年新制作数量", 1), hd("本年新公开数量", 2), hd("对外公开总数量", 3)]),
        TRow([L("规章", 14)] + nums("rules", made)),
        TRow([L("规范性文件", 14)] + nums("normative", made)),
        TRow([L("第二十条第（五）项"), hd("上一年项目数量", 1), hd("本年增/减", 2), hd("处理决定数量", 3)], rule_above=0.6,
             rules_below=[(1, 3, 0.4)]),
        TRow([L("行政许可", 14)] + nums("licensing", items)),
        TRow([L("其他对外管理服务事项", 14)] + nums("other_services", items)),
        TRow([L("第二十条第（六）项"), hd("上一年项目数量", 1), hd("本年增/减", 2), hd("处理决定数量", 3)], rule_above=0.6,
             rules_below=[(1, 3, 0.4)]),
        TRow([L("行政处罚", 14)] + nums("penalty", items)),
        TRow([L("行政强制", 14)] + nums("coercion", items)),
        TRow([L("第二十条第（八）项"), hd("上一年项目数量", 1), hd("本年增/减", 2, 2)], rule_above=0.6,
             rules_below=[(1, 3, 0.4)]),
        TRow([L("行政事业性收费", 14), (c("fees.prev_items"), 1, 1, "num", 0), (c("fees.change"), 2, 1, "num", 0)]),
        TRow([L("第二十条第（九）项"), hd("采购项目数量", 1), hd("采购总金额", 2, 2)], rule_above=0.6,
             rules_below=[(1, 3, 0.4)]),
        TRow([L("政府集中采购", 14), (c("procurement.projects"), 1, 1, "num", 0),
              (c("procurement.amount"), 2, 1, "num", 0)]),
    ]  # fmt: skip
    return rows, 1


def tl_t3(r: Report) -> tuple[list[TRow], int]:
    """One hierarchical label column, seven value columns; group labels as label-only rows."""
    rows = [
        TRow([("申请人情况", 1, 7, "head", 0)], rules_below=[(1, 7, 0.4)]),
        TRow([("自然人", 1, 1, "head", 0), ("法人或其他组织", 2, 5, "head", 0), ("总计", 7, 1, "head", 0)],
             rules_below=[(2, 5, 0.4)]),
        TRow([(CORNER, 0, 1, "label", 0)] + [(x, i + 2, 1, "head", 0) for i, x in enumerate(APPL_LABELS[1:])]),
    ]  # fmt: skip
    nhead = 3
    group = None
    for key, g, lab in t3_defs(r.era):
        if key == "granted":
            rows.append(TRow([(RESULT, 0, 1, "label", 0)]))
        if g and g != group:
            rows.append(TRow([(g, 0, 1, "label", 12)]))
        group = g
        indent = 0 if key in ("new_received", "carried_over", "carried_forward") else (24 if g else 12)
        vals = r.c3(key)
        rows.append(TRow([(lab, 0, 1, "label", indent)] + [(v, i + 1, 1, "num", 0) for i, v in enumerate(vals) if v]))
    return rows, nhead


def tl_t4(r: Report) -> tuple[list[TRow], int]:
    rows = [
        TRow([("行政复议", 0, 5, "head", 0), ("行政诉讼", 5, 10, "head", 0)], rules_below=[(0, 5, 0.4), (5, 10, 0.4)]),
        TRow([("未经复议直接起诉", 5, 5, "head", 0), ("复议后起诉", 10, 5, "head", 0)],
             rules_below=[(5, 5, 0.4), (10, 5, 0.4)]),
        TRow([(x, i, 1, "head", 0) for i, x in enumerate(T4_LABELS * 3)]),
        TRow([(v, i, 1, "num", 0) for i, v in enumerate(s for g in T4_GROUPS for s in r.c4(g)) if v]),
    ]  # fmt: skip
    return rows, 3


# ---------------------------------------------------------------------------------------------
# the four documents


def doc_jiangyou(rng: random.Random):
    era = "template2021"
    t3 = draw_t3(rng, era, {
        "new": [(150, 230), (10, 24), (0, 1), (0, 2), (3, 8), (1, 4)],
        "co": [(5, 12), (0, 2), (0, 0), (0, 0), (0, 1), (0, 0)],
        "cf": [(4, 11), (0, 2), (0, 0), (0, 0), (0, 1), (0, 0)],
    })  # fmt: skip
    t4 = draw_t4(rng, [[(4, 10), (1, 3), (0, 4), (0, 3)], [(2, 5), (0, 1), (0, 2), (0, 2)], [(0, 2), (0, 1), (0, 1), (0, 1)]])
    t2 = {
        "rules.issued": 0, "rules.repealed": 0, "rules.in_force": 0,
        "normative.issued": rng.randint(6, 14), "normative.repealed": rng.randint(3, 9),
        "normative.in_force": rng.randint(60, 120),
        "licensing.decisions": rng.randint(9000, 22000), "penalty.decisions": rng.randint(1500, 4200),
        "coercion.decisions": rng.randint(40, 160), "fees.amount": wan(rng, 1200, 3600),
    }  # fmt: skip
    r = Report(
        stem="tmpl_w9_jiangyou_2022", era=era, year=2022, level="government", issuer="江油市人民政府",
        office="江油市人民政府办公室", t2=t2, t3=t3, t4=t4,
        fmt2=lambda k, v: sep(v), zero3=lambda col: "0" if col == "total" else "", zero4="",
    )  # fmt: skip
    nr = r.V("new_received")
    web = round(nr * 0.58)
    face = round(nr * 0.31)
    post = nr - web - face
    W, X = 9127, 3384
    P = W + X
    PC, PI, HR = 14, 52, 18
    r.prose_figs = [
        ["proactive.total", None, P],
        ["proactive.by_channel", "政府网站", W],
        ["proactive.by_channel", "政务微信", X],
        ["outreach.press_conferences", None, PC],
        ["outreach.interpretations", None, PI],
        ["outreach.hot_responses", None, HR],
        ["requests.by_channel", "网上", web],
        ["requests.by_channel", "当面", face],
        ["requests.by_channel", "信函", post],
        ["fees.collected", None, 0],
    ]
    prose = {
        "preface": preface(r, "地址：江油市太白中路32号，邮编：621700，电话：0816-3222019"),
        "overall": [
            "2022年，江油市坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，认真落实《中华人民共和国政府信息公开条例》和省、绵阳市政务公开工作部署，"
            "对照《江油市2022年政务公开工作要点》（江府办发〔2022〕8号），以公开促落实、以公开强监管、以公开优服务，政务公开工作质效持续提升。",
            f"（一）主动公开。全年主动公开政府信息{sep(P)}条，其中通过市政府门户网站公开{sep(W)}条，通过“江油发布”政务微信公开{sep(X)}条。"
            f"召开新闻发布会{PC}场，发布政策解读{PI}篇，回应公众关注热点{HR}次。全年制发行政规范性文件{t2['normative.issued']}件，"
            f"废止{t2['normative.repealed']}件，现行有效的{t2['normative.in_force']}件全部在门户网站规范性文件库集中公开。",
            f"（二）依申请公开。全年新收政府信息公开申请{nr}件，其中网上申请{web}件、当面申请{face}件、信函申请{post}件；"
            f"上年结转{r.V('carried_over')}件。全年办结{r.V('total')}件，结转下年度继续办理{r.V('carried_forward')}件，"
            "所有申请均在法定期限内答复，申请量较上年增长11.2%。",
            "（三）政府信息管理。落实公开前保密审查和“三审三校”制度，对2017年以前制发的文件开展公开属性复核；全年开展政务公开专项督查3次，"
            "对23个乡镇、48个市级部门的公开专栏逐一检查，督促整改问题41个。",
            "（四）平台建设。完成市政府门户网站适老化和无障碍改造，新增“优化营商环境”“乡村振兴”等专题专栏6个；"
            "在市政务服务中心和23个乡镇（街道）便民服务中心设立政务公开专区。",
            "（五）监督保障。将政务公开纳入市级部门目标绩效考核，分值占比5%；全年举办政务公开业务培训2期，培训业务骨干180余人次。",
        ],
        "t4": [
            f"2022年，全市因政府信息公开被申请行政复议{r.reviews}件，被提起行政诉讼{r.lawsuits}件，具体情况如下表。",
        ],
        "problems": [
            "一是个别部门主动公开的及时性、准确性有待提高；二是政策解读形式仍以文字为主，图解、视频等解读形式运用不足；三是基层政务公开标准目录动态调整不够及时。",
            "2023年，我市将每季度通报1次各单位政务公开情况，加强业务培训，推动政策解读形式多样化，完善基层政务公开标准目录。",
        ],
        "other": [
            "2022年，本机关未收取政府信息公开信息处理费。",
            "本报告表二中行政事业性收费金额单位为万元。",
        ],
        "sign": ["江油市人民政府办公室", "2023年3月20日"],
    }
    lay = {"t2": "tl2021", "t3": "tl", "t4": "tl"}
    r.notes = [
        "Three-line tables throughout (tables 二, 三 and 四): only horizontal rules (heavy top and bottom "
        "rules, a thin rule under the header, short partial rules under 申请人情况 / 法人或其他组织 / 行政诉讼 / "
        "未经复议直接起诉 / 复议后起诉 and the spanning headers of table 二), no vertical rules.",
        "Table 三 with one hierarchical label column: 三、本年度办理结果 and the groups （三）不予公开, "
        "（四）无法提供, （五）不予处理, （六）其他处理 are label-only rows, their items indented; the corner text "
        "sits on the third header row. Zero cells blank in the six applicant columns of table 三 but printed 0 "
        "in its 总计 column; every zero of table 四 blank (gold 0); values right-aligned in fixed columns and "
        "bottom-aligned with wrapped labels.",
        "Table 二 with thousands separators (e.g. 行政许可 12,345) and 行政事业性收费 in 万元 with two "
        "decimals and a separator (e.g. 2,318.06 → 2318.06). 本年处理决定数量 values printed in the last of "
        "the three value columns.",
        "proactive.total printed with a separator in prose; proactive.by_channel 政府网站 + 政务微信 = "
        "proactive.total; requests.by_channel 网上/当面/信函 add up to requests.received. Restated in "
        "agreement: 新收/上年结转/办结/结转, normative issued/repealed/in_force, 行政复议/行政诉讼 totals. "
        "Not figures: 江府办发〔2022〕8号, 11.2%, 2017年, 督查3次, 23个乡镇, 48个市级部门, 问题41个, 专栏6个, 5%, "
        "培训2期, 180余人次, 每季度1次, 0816-3222019.",
    ]
    return r, lay, prose


def doc_ztnync(rng: random.Random):
    era = "template2021"
    t3 = draw_t3(rng, era, {
        "new": [(18, 32), (1, 4), (0, 0), (0, 1), (0, 2), (0, 1)],
        "co": [(0, 2), (0, 1), (0, 0), (0, 0), (0, 0), (0, 0)],
        "cf": [(0, 3), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0)],
    })  # fmt: skip
    t4 = draw_t4(rng, [[(1, 3), (0, 1), (0, 1), (0, 1)], [(0, 1), (0, 0), (0, 1), (0, 0)], [(0, 0), (0, 0), (0, 0), (0, 0)]])
    t2 = {
        "rules.issued": 0, "rules.repealed": 0, "rules.in_force": 0,
        "normative.issued": rng.randint(1, 3), "normative.repealed": rng.randint(0, 2),
        "normative.in_force": rng.randint(6, 15),
        "licensing.decisions": rng.randint(60, 240), "penalty.decisions": rng.randint(8, 40),
        "coercion.decisions": rng.randint(0, 3), "fees.amount": 0,
    }  # fmt: skip
    r = Report(
        stem="tmpl_w9_ztnync_2023", era=era, year=2023, level="department", issuer="梓潼县农业农村局",
        office="梓潼县农业农村局办公室", t2=t2, t3=t3, t4=t4,
        fmt2=lambda k, v: str(v), zero3="", zero4="",
    )  # fmt: skip
    P, PI, S, F = 427, 8, 4, 1
    r.prose_figs = [
        ["proactive.total", None, P],
        ["outreach.interpretations", None, PI],
        ["staff.total", None, S],
        ["staff.full_time", None, F],
        ["staff.part_time", None, S - F],
        ["fees.collected", None, 0],
    ]
    prose = {
        "preface": preface(r, "地址：梓潼县文昌镇七曲大道166号，电话：0816-8222356"),
        "overall": [
            "2023年，县农业农村局深入贯彻落实党的二十大精神和《中华人民共和国政府信息公开条例》，紧扣乡村振兴、粮食安全、高标准农田建设等中心工作，持续推进决策、执行、管理、服务、结果公开。",
            f"（一）主动公开。全年主动公开政府信息{P}条，发布政策解读{PI}篇，重点公开耕地地力保护补贴、农机购置与应用补贴、动物防疫和农产品质量安全等信息。"
            f"全年制发行政规范性文件{t2['normative.issued']}件。",
            f"（二）依申请公开。全年新收政府信息公开申请{r.V('new_received')}件，上年结转{r.V('carried_over')}件，"
            f"办结{r.V('total')}件，结转下年度继续办理{r.V('carried_forward')}件。申请事项主要涉及土地承包经营权、惠农补贴发放和项目资金使用。",
            "（三）政府信息管理。严格执行信息发布审核制度，对拟公开信息逐条开展保密审查；全年对32个乡镇农业综合服务站的惠农政策公开情况进行抽查。",
            "（四）平台建设。在县政府门户网站部门专栏新增“惠农补贴”“高标准农田建设”2个子栏目，及时更新涉农补贴“一卡通”发放信息。",
            f"（五）监督保障。明确1名副局长分管政务公开工作，局办公室配备政府信息公开工作人员{S}名，其中专职{F}名、兼职{S - F}名；"
            "全年开展业务培训1次。",
        ],
        "t4": [
            f"全年因政府信息公开被申请行政复议{r.reviews}件、被提起行政诉讼{r.lawsuits}件。",
        ],
        "problems": [
            "一是涉农补贴信息公开的颗粒度还不够细；二是政策解读的针对性有待加强。2024年，我局将按季度开展1次栏目自查，细化惠农补贴公开内容。",
        ],
        "other": [
            "2023年，本局未收取政府信息公开信息处理费。",
        ],
        "sign": ["梓潼县农业农村局", "2024年1月19日"],
    }
    lay = {"t2": "grid2021", "t3": "grid_std", "t4": "grid", "style": "rect"}
    r.notes = [
        "Full grid tables (二, 三, 四) whose rules are thin filled rectangles (0.5 pt wide; no stroked "
        "line operators at all), the cell borders deduplicated.",
        "Table 三 in the template's layout (3 header rows; 三、本年度办理结果 wrapped horizontally in a 44 pt "
        "column; group labels centred); zero cells of tables 三 and 四 blank (gold 0); table 二 zeros 0. "
        "Table 三 kept on one page.",
        "t2.fees.amount 0. staff.* from 工作人员4名，其中专职1名、兼职3名; fees.collected 0. Restated in agreement: "
        "新收/上年结转/办结/结转, normative issued, 行政复议/行政诉讼 totals. Not figures: 32个乡镇, 2个子栏目, "
        "1名副局长, 培训1次, 按季度1次.",
    ]
    return r, lay, prose


def doc_fcspj(rng: random.Random):
    era = "template2021"
    t3 = draw_t3(rng, era, {
        "new": [(40, 75), (8, 18), (0, 1), (0, 1), (1, 4), (0, 2)],
        "co": [(1, 4), (0, 1), (0, 0), (0, 0), (0, 0), (0, 0)],
        "cf": [(1, 5), (0, 1), (0, 0), (0, 0), (0, 1), (0, 0)],
    })  # fmt: skip
    t4 = draw_t4(rng, [[(1, 4), (0, 1), (0, 2), (0, 1)], [(0, 2), (0, 1), (0, 1), (0, 1)], [(0, 1), (0, 0), (0, 1), (0, 0)]])
    t2 = {
        "rules.issued": 0, "rules.repealed": 0, "rules.in_force": 0,
        "normative.issued": rng.randint(1, 3), "normative.repealed": rng.randint(0, 2),
        "normative.in_force": rng.randint(4, 11),
        "licensing.decisions": rng.randint(14000, 38000), "penalty.decisions": 0,
        "coercion.decisions": 0, "fees.amount": wan(rng, 40, 180),
    }  # fmt: skip
    r = Report(
        stem="tmpl_w9_fcspj_2024", era=era, year=2024, level="department", issuer="绵阳市涪城区行政审批局",
        office="绵阳市涪城区行政审批局办公室", t2=t2, t3=t3, t4=t4,
        fmt2=lambda k, v: sep(v), zero3="0", zero4="0",
    )  # fmt: skip
    nr = r.V("new_received")
    web = round(nr * 0.7)
    face = nr - web
    P, PI, HR = 2146, 11, 3
    r.prose_figs = [
        ["proactive.total", None, P],
        ["outreach.interpretations", None, PI],
        ["outreach.hot_responses", None, HR],
        ["requests.by_channel", "网上", web],
        ["requests.by_channel", "当面", face],
        ["fees.collected", None, 0],
    ]
    lic = sep(t2["licensing.decisions"])
    prose = {
        "preface": preface(r, "地址：绵阳市涪城区剑南路西段58号区政务服务中心4楼，电话：0816-2212460"),
        "overall": [
            "2024年，区行政审批局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻党的二十届三中全会精神，严格落实《中华人民共和国政府信息公开条例》，"
            "以“高效办成一件事”为牵引，围绕审批服务、营商环境、政务服务标准化建设，持续深化政务公开。",
            f"（一）主动公开。全年主动公开政府信息{P}条，发布政策解读{PI}篇，回应公众关注热点{HR}次。"
            f"全年办理行政许可事项{lic}件，作出的行政许可决定均通过“信用中国（四川绵阳）”和区政府门户网站“双公示”栏目公开。",
            f"（二）依申请公开。全年新收政府信息公开申请{nr}件，其中网上申请{web}件、当面申请{face}件；上年结转{r.V('carried_over')}件；"
            f"办结{r.V('total')}件，结转下年度继续办理{r.V('carried_forward')}件。申请内容主要涉及企业登记档案、建设项目审批和食品经营许可。",
            "（三）政府信息管理。动态更新政务服务事项清单，全年调整公开事项标准目录2次；对区政务服务中心156项进驻事项的办事指南逐项核对。",
            "（四）平台建设。在区政务服务中心设置政府信息公开查阅点1个，配备自助查询终端4台。",
            "（五）监督保障。将政务公开纳入股室年度考核。",
        ],
        "t4": [
            f"2024年，本局因政府信息公开被申请行政复议{r.reviews}件，被提起行政诉讼{r.lawsuits}件。",
        ],
        "problems": [
            "一是办事指南的更新与事项调整衔接不够紧密；二是依申请公开答复文书的说理性有待增强。",
            "2025年，我局将建立事项清单与办事指南联动更新机制，每半年开展1次答复文书评查。",
        ],
        "other": [
            "2024年，本局未收取政府信息公开信息处理费。表二中行政事业性收费为本局代收的行政事业性收费，单位为万元。",
        ],
        "sign": ["绵阳市涪城区行政审批局", "2025年1月24日"],
    }
    lay = {"t2": "grid2021", "t3": "grid_std_split", "t4": "grid", "style": "line"}
    r.notes = [
        "Ruled grid tables (stroked lines). Table 三 (template layout, 3 header rows, 三、本年度办理结果 wrapped "
        "horizontally in a 30 pt column) continues onto the next page with the break inside the 本年度办理结果 "
        "block, inside the （三）不予公开 group; the header rows are NOT repeated on the second page. Merged "
        "label cells that cross the break (三、本年度办理结果, （三）不予公开) print their text only in the part "
        "on the first page; the part on the second page is an empty bordered cell.",
        "Table 二 with thousands separators (行政许可 e.g. 23,456) and 行政事业性收费 in 万元 with two "
        "decimals. Zeros printed 0 in all tables.",
        "requests.by_channel 网上/当面 add up to requests.received. Restated in agreement: 新收/上年结转/"
        "办结/结转, 行政许可 decisions (with separator), 行政复议/行政诉讼 totals. Not figures: 调整2次, 156项, "
        "查阅点1个, 终端4台, 每半年1次, 4楼, 0816-2212460.",
    ]
    return r, lay, prose


def doc_fule(rng: random.Random):
    era = "template2019"
    t3 = draw_t3(rng, era, {
        "new": [(5, 12), (0, 2), (0, 0), (0, 0), (0, 1), (0, 0)],
        "co": [(0, 1), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0)],
        "cf": [(0, 1), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0)],
    })  # fmt: skip
    t4 = draw_t4(rng, [[(0, 1), (0, 0), (0, 1), (0, 0)], [(0, 1), (0, 0), (0, 0), (0, 0)], [(0, 0), (0, 0), (0, 0), (0, 0)]])

    def change() -> int:
        return rng.choice([-3, -1, 0, 0, 2, 4])

    t2 = {
        "rules.new_made": 0, "rules.new_published": 0, "rules.total_published": 0,
        "normative.new_made": 0, "normative.new_published": 0, "normative.total_published": rng.randint(2, 6),
        "licensing.prev_items": rng.randint(2, 6), "licensing.change": change(),
        "licensing.decisions": rng.randint(5, 30),
        "other_services.prev_items": rng.randint(20, 45), "other_services.change": change(),
        "other_services.decisions": rng.randint(1200, 3400),
        "penalty.prev_items": rng.randint(1, 4), "penalty.change": change(), "penalty.decisions": rng.randint(3, 15),
        "coercion.prev_items": 0, "coercion.change": 0, "coercion.decisions": 0,
        "fees.prev_items": 0, "fees.change": 0,
        "procurement.projects": rng.randint(2, 6), "procurement.amount": wan(rng, 20, 120),
    }  # fmt: skip

    def fmt2(k: str, v) -> str:
        if k.startswith(("rules.", "fees.")):
            return "/"
        if k.endswith(".change"):
            return signed(v)
        return sep(v)

    r = Report(
        stem="tmpl_w9_fule_2019", era=era, year=2019, level="township", issuer="绵阳市游仙区富乐街道办事处",
        office="富乐街道党政办公室", t2=t2, t3=t3, t4=t4, fmt2=fmt2, zero3="0", zero4="0",
    )  # fmt: skip
    P, S, F = 318, 3, 1
    r.prose_figs = [
        ["proactive.total", None, P],
        ["staff.total", None, S],
        ["staff.full_time", None, F],
        ["staff.part_time", None, S - F],
        ["fees.collected", None, 0],
    ]
    co = r.V("carried_over")
    prose = {
        "preface": preface(r, "电话：0816-2356017"),
        "overall": [
            "2019年，富乐街道认真贯彻落实新修订的《中华人民共和国政府信息公开条例》，按照游仙区政务公开工作安排，依托游仙区人民政府门户网站街道专栏、社区政务公开栏和“富乐社区”微信群等平台，及时公开群众关心关注的信息。",
            f"（一）主动公开情况。全年主动公开政府信息{P}条，重点公开城乡低保、临时救助、城市管理和老旧小区改造等信息；辖区11个社区均设置了居务公开栏。",
            f"（二）依申请公开情况。全年收到政府信息公开申请{r.V('new_received')}件"
            + (f"，上年结转{co}件" if co else "")
            + f"，按时办结{r.V('total')}件，结转下年度{r.V('carried_forward')}件。",
            f"（三）政府信息管理情况。街道党政办负责政务公开日常工作，配备工作人员{S}名，其中专职{F}名、兼职{S - F}名，严格落实信息发布保密审查制度。",
            "（四）平台建设情况。对街道便民服务中心政务公开查阅点进行改造，全年更新社区公开栏版面4次。",
            "（五）监督保障情况。将政务公开工作纳入社区年度目标考核，每半年开展1次检查。",
        ],
        "problems": [
            "一是个别社区公开栏信息更新不及时；二是工作人员对新《条例》的理解还不够深入。2020年，我街道将加强社区干部业务培训，规范公开栏管理。",
        ],
        "other": [
            "本年度本街道依申请公开政府信息未收取任何费用。",
        ],
        "sign": ["绵阳市游仙区富乐街道办事处", "2020年1月16日"],
    }
    lay = {"t2": "tl2019", "t3": "grid_result_row", "t4": "grid", "style": "line", "t4_style": "rect"}
    r.notes = [
        "2019 template (era template2019) for a 2019 report. Table 二 in the 2019 layout (本年新制作数量/本年新公开数量/"
        "对外公开总数量; 上一年项目数量/本年增/减/处理决定数量; 其他对外管理服务事项; 政府集中采购) drawn as a "
        "three-line table (horizontal rules only); / in the 规章 and 行政事业性收费 rows (gold 0); a non-zero "
        "本年增/减 printed with its sign (+2, -3); 其他对外管理服务事项 处理决定数量 with a thousands "
        "separator; 采购总金额 with two decimals and no unit.",
        "Table 三 as a ruled grid with 三、本年度办理结果 as a full-width row of its own (no numbers) and two "
        "label columns (group | item) below it; （六）其他处理 one row (t3.other.*). Zeros printed 0.",
        "Table 四 in the template's 3 header rows, drawn with thin filled rectangles instead of lines; zeros 0.",
        "staff.* from 配备工作人员3名，其中专职1名、兼职2名; fees.collected 0 from 未收取任何费用. Not figures: "
        "11个社区, 4次, 每半年1次.",
    ]
    return r, lay, prose


DOCS = [doc_jiangyou, doc_ztnync, doc_fcspj, doc_fule]


# ---------------------------------------------------------------------------------------------
# rendering


def render(
    r: Report, lay: dict, prose: dict, extra: float = 0.0, t3_min_h: float = 18.0, t2_min_h: float = 21.0
) -> tuple[Pdf, dict]:
    r.printed = []
    pdf = Pdf()
    style = lay.get("style", "line")
    pdf.space(8)
    pdf.para(r.issuer, size=20, lead=34, indent=0, align="c")
    pdf.para(f"{r.year}年政府信息公开工作年度报告", size=20, lead=34, indent=0, align="c")
    pdf.space(10)
    pdf.para(prose["preface"])
    head = lambda s: pdf.para(s, indent=2)  # noqa: E731
    head(SECTIONS[0])
    for x in prose["overall"]:
        pdf.para(x)
    head(SECTIONS[1])
    pdf.space(6)
    if lay["t2"] == "tl2021":
        rows, nh = tl_t2_2021(r)
        pdf.three_line(rows, [160, 88, 88, 88], size=10, nhead=nh)
    elif lay["t2"] == "tl2019":
        rows, nh = tl_t2_2019(r)
        pdf.three_line(rows, [160, 88, 88, 88], size=10, nhead=nh)
    else:
        pdf.grid(grid_t2_2021(r), [160, 90, 90, 90], size=10.5, min_h=t2_min_h, style=style, align={"num": "r"})
    pdf.space(10 + extra)
    info: dict = {}
    t3_kind = lay["t3"]
    if t3_kind == "tl":
        rows, nh = tl_t3(r)
        widths = [200] + [34] * 7
        if pdf.tl_height(rows, widths, 8.5) + 60 > pdf.room():
            pdf.new_page()
        head(SECTIONS[2])
        pdf.space(4)
        info["t3_breaks"] = pdf.three_line(rows, widths, size=8.5, nhead=nh)
    else:
        if t3_kind == "grid_result_row":
            rows, nh = grid_t3_result_row(r)
            widths = [52, 150] + [34] * 7
        else:
            rows, nh = grid_t3_std(r)
            widths = ([44, 50, 128] if t3_kind == "grid_std" else [30, 52, 140]) + [33] * 7
        hgt = pdf.grid_height(rows, widths, size=8.5, min_h=t3_min_h)
        if t3_kind != "grid_std_split" and hgt + 60 > pdf.room():
            pdf.new_page()  # keep table 三 on one page, heading with it
        head(SECTIONS[2])
        pdf.space(4)
        br = pdf.grid(rows, widths, size=8.5, nhead=nh, min_h=t3_min_h, style=style)
        info["t3_breaks"] = [rows_key(r, rows, nh, b) for b in br]
    pdf.space(10)
    need = para_height(SECTIONS[3]) + sum(para_height(x) for x in prose.get("t4", [])) + 4
    n_printed = len(r.printed)
    if lay["t4"] == "tl":
        need += pdf.tl_height(tl_t4(r)[0], [29] * 15, 8)
    else:
        need += pdf.grid_height(grid_t4(r)[0], [29] * 15, size=8, min_h=20)
    del r.printed[n_printed:]  # measured only
    if need > pdf.room():
        pdf.new_page()  # Word: keep with next
    head(SECTIONS[3])
    for x in prose.get("t4", []):
        pdf.para(x)
    pdf.space(4)
    if lay["t4"] == "tl":
        rows, nh = tl_t4(r)
        pdf.three_line(rows, [29] * 15, size=8, nhead=nh)
    else:
        rows, nh = grid_t4(r)
        pdf.grid(rows, [29] * 15, size=8, nhead=nh, min_h=20, style=lay.get("t4_style", style))
    pdf.space(10)
    head(SECTIONS[4])
    for x in prose["problems"]:
        pdf.para(x)
    head(SECTIONS[5])
    for x in prose["other"]:
        pdf.para(x)
    pdf.space(24)
    for x in prose["sign"]:
        pdf.para(x, indent=0, align="r")
    info["pages"] = len(pdf.pages)
    return pdf, info


def para_height(s: str, size: float = 14, lead: float = 25, indent: float = 2) -> float:
    width = PAGE_W - LM - RM
    return lead * len(wrap(s, width, size, first=width - indent * size))


def rows_key(r: Report, rows, nh: int, b: int) -> str:
    """The t3 row key of grid row b (std layout: one grid row per t3 row after the header)."""
    keys = [k for k, _, _ in t3_defs(r.era)]
    i = b - nh
    return keys[i] if 0 <= i < len(keys) else f"row{b}"


SPLIT_TARGET = ("withheld.third_party", "withheld.internal_affairs", "withheld.process_info")


def build(r: Report, lay: dict, prose: dict) -> tuple[Pdf, dict]:
    if lay["t3"] != "grid_std_split":
        pdf, info = render(r, lay, prose)
        assert not info["t3_breaks"], (r.stem, info)
        return pdf, info
    # choose the smallest gap before section 三 (and a row height) for which table 三 breaks once,
    # inside the （三）不予公开 group, with the header on the first page
    for extra in range(0, 60, 2):
        for t2h in (21.0, 20.0, 19.0):
            for t3h in (18.0, 19.0, 20.0, 17.0):
                pdf, info = render(r, lay, prose, extra=float(extra), t3_min_h=t3h, t2_min_h=t2h)
                if len(info["t3_breaks"]) == 1 and info["t3_breaks"][0] in SPLIT_TARGET:
                    info.update(gap=extra, t2_min_h=t2h, t3_min_h=t3h)
                    return pdf, info
    raise SystemExit(f"{r.stem}: could not place the table 三 break")


# ---------------------------------------------------------------------------------------------
# gold and checks


def expected(r: Report) -> dict:
    figs: list[list] = []
    for k, v in r.t2.items():
        printed = r.fmt2(k, v)
        assert parse_num(printed) == v, (r.stem, k, printed, v)
        figs.append([f"t2.{k}", None, v])
    t3: dict = {}
    for key, _, _ in t3_defs(r.era):
        vals = [parse_num(str(v) if v else r.z3(c)) for c, v in zip(COLS, r.t3[key])]
        assert vals == r.t3[key]
        t3[key] = vals
        figs += [[f"t3.{key}.{c}", None, v] for c, v in zip(COLS, vals)]
    t4: dict = {}
    for g in T4_GROUPS:
        t4[g] = list(r.t4[g])
        figs += [[f"t4.{g}.{c}", None, v] for c, v in zip(T4_COLS, t4[g])]
    figs += derived_figures(t3, t4)
    figs += [list(f) for f in r.prose_figs]
    keys = [(m, d) for m, d, _ in figs]
    assert len(keys) == len(set(keys)), r.stem
    return {"year": r.year, "era": r.era, "level": r.level, "figures": figs, "failing_checks": [], "notes": r.notes}


def registered_keys() -> set[str]:
    """Every key metrics.md lists (expanding the t2/t3/t4 patterns)."""
    keys = {
        "proactive.total", "proactive.cumulative", "proactive.by_category", "proactive.other_channels",
        "proactive.by_channel", "inquiries.by_venue", "requests.received", "requests.by_channel",
        "requests.by_topic", "requests.carried_over", "requests.carried_forward", "requests.answered",
        "requests.granted", "requests.partially_granted", "requests.refused", "requests.unable",
        "requests.not_processed", "complaints.total", "staff.total", "staff.full_time", "staff.part_time",
        "staff.full_time_share", "staff.part_time_share", "fees.collected", "fees.waived",
        "outreach.press_conferences", "outreach.interpretations", "outreach.hot_responses",
        "outreach.consultations", "npc.suggestions", "cppcc.proposals", "npc.satisfaction", "cppcc.satisfaction",
    }  # fmt: skip
    for g in ("reviews", "lawsuits"):
        keys |= {f"{g}.{c}" for c in ("total", "upheld", "corrected", "other", "pending")}
    for k in ("rules", "normative"):
        keys |= {f"t2.{k}.{c}" for c in ("issued", "repealed", "in_force", "new_made", "new_published", "total_published")}
    keys |= {"t2.licensing.decisions", "t2.licensing.prev_items", "t2.licensing.change"}
    keys |= {f"t2.other_services.{c}" for c in ("prev_items", "change", "decisions")}
    for k in ("penalty", "coercion"):
        keys |= {f"t2.{k}.{c}" for c in ("prev_items", "change", "decisions")}
    keys |= {"t2.fees.amount", "t2.fees.prev_items", "t2.fees.change", "t2.procurement.projects", "t2.procurement.amount"}
    rows = [k for k, _, _ in t3_defs("template2021")] + ["other"]
    keys |= {f"t3.{r}.{c}" for r in rows for c in COLS}
    keys |= {f"t4.{g}.{c}" for g in T4_GROUPS for c in T4_COLS}
    return keys


def check(exp: dict) -> None:
    """The identities of metrics.md, on the gold figures."""
    reg = registered_keys()
    for m, _, v in exp["figures"]:
        assert m in reg, m
        assert isinstance(v, (int, float)), (m, v)
    f = {m: v for m, d, v in exp["figures"] if d is None}
    defs = t3_defs(exp["era"])
    outs = [k for k, _, _ in outcome_defs(exp["era"]) if k != "total"]
    for c in COLS:
        g = lambda k: f[f"t3.{k}.{c}"]  # noqa: E731
        assert g("new_received") + g("carried_over") == g("total") + g("carried_forward"), c
        assert g("total") == sum(g(k) for k in outs), c
    for k, _, _ in defs:
        assert sum(f[f"t3.{k}.{a}"] for a in APPL) == f[f"t3.{k}.total"], k
    for g in T4_GROUPS:
        assert sum(f[f"t4.{g}.{c}"] for c in T4_COLS[:4]) == f[f"t4.{g}.total"], g
    assert f["requests.received"] == f["t3.new_received.total"]
    assert f["requests.answered"] == f["t3.total.total"]
    assert f["requests.refused"] == sum(f[f"t3.{k}.total"] for k in outs if k.startswith("withheld."))
    assert f["requests.unable"] == sum(f[f"t3.{k}.total"] for k in outs if k.startswith("unable."))
    assert f["requests.not_processed"] == sum(f[f"t3.{k}.total"] for k in outs if k.startswith("not_processed."))
    for c in T4_COLS:
        assert f[f"reviews.{c}"] == f[f"t4.review.{c}"]
        assert f[f"lawsuits.{c}"] == f[f"t4.lawsuit_direct.{c}"] + f[f"t4.lawsuit_after_review.{c}"]
    if "staff.total" in f:
        assert f["staff.full_time"] + f["staff.part_time"] == f["staff.total"]
    for metric, total in (("requests.by_channel", "requests.received"), ("proactive.by_channel", "proactive.total")):
        parts = [v for m, d, v in exp["figures"] if m == metric]
        if parts:
            assert sum(parts) == f[total], metric


def main() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    DOC_DIR.mkdir(parents=True, exist_ok=True)
    EXP_DIR.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for i, make in enumerate(DOCS):
        r, lay, prose = make(random.Random(SEED * 10 + i))
        pdf, info = build(r, lay, prose)
        pdf.save(DOC_DIR / f"{r.stem}.pdf", f"{r.issuer}{r.year}年政府信息公开工作年度报告", r.office)
        exp = expected(r)
        check(exp)
        (EXP_DIR / f"{r.stem}.json").write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        manifest[r.stem] = [s for s in r.printed if s]
        print(r.stem, len(exp["figures"]), "figures", info)
    # the printed table values, for the text-layer check (not part of the fixtures)
    Path("/tmp/w9_printed.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
