#!/usr/bin/env python3
"""Generate the blind template-era PDF test set fixtures/documents/tmpl_w7_*.pdf and fixtures/expected_w7/.

Dev-only: needs reportlab (not in the project venv). Run it from a scratch venv outside the repo:

    python3 -m venv /tmp/w7venv && /tmp/w7venv/bin/pip install reportlab
    /tmp/w7venv/bin/python scripts/make_tmpl_w7.py

Five invented 政府信息公开工作年度报告 of the template era, drawn as PDF files the way Word-to-PDF
exports of real offices look: body text in lines of 14 pt with Word's automatic space between Chinese
and Latin/digit runs (each run its own text object), tables drawn as ruled grids whose cell text wraps
inside the cell (long row labels over two or three lines, 三、本年度办理结果 one character per line),
vertically merged cells that flow across a page break, and page numbers "— N —" at the foot.

  pingwu_2022   county government, 2021 template. Table 三 continues onto the next page with its
                three header rows repeated (Word 重复标题行); labels left-aligned, numbers centred,
                zeros printed 0. Prose gives requests.by_channel (网上/当面/信函, adding up to 新收).
  youxian_2023  city district government, 2021 template. Table 三 with the applicant header on two
                rows under 申请人情况 (自然人 | 法人或其他组织 → 商业企业 … 其他 | 总计), every cell
                centred; zero cells of tables 三 and 四 left blank; table 四 as 15 columns under two
                header rows (行政复议 | 行政诉讼（未经复议直接起诉） | 行政诉讼（复议后起诉）).
  myzrzy_2021   municipal bureau, 2021 template. Table 二 in the 2021 layout with 行政事业性收费 in
                万元 with a decimal; every zero written —; table 三 with a single applicant header
                row (自然人, 商业企业, …, 总计 side by side under 申请人情况); ruling lines and cell
                text jittered in x.
  qinglian_2019 township, 2019 template (era template2019): table 二 with 本年新制作数量 /
                本年新公开数量 / 对外公开总数量, 上一年项目数量 / 本年增/减 (signed), 政府集中采购;
                table 三 with （六）其他处理 as one row; zeros mixed (blank in the four smaller
                applicant columns and in table 四, 0 elsewhere); x jitter; page numbers on the outer
                side (odd pages right, even pages left).
  stjy_2024     county department, 2021 template. Table 三 continues with its header rows repeated;
                zeros mixed (— in the 不予公开 / 不予处理 / 其他处理 rows, 0 elsewhere); table 四 as
                15 columns under two header rows (行政复议 | 行政诉讼 未经复议直接起诉 | 复议后起诉);
                x jitter.

All numbers come from one fixed seed. Table 三 is generated column by column (new + carried over =
answered + carried forward; the outcome rows add up to 总计; 总计 column = sum of the six applicant
columns) and table 四 group by group (four outcomes add up to 总计), so every identity of metrics.md
holds. The gold lists every t2/t3/t4 cell of the template (a blank, — or 0 cell is 0), the derived
requests.* / reviews.* / lawsuits.* keys (template_gold.derived_figures) and the keyed figures the
prose states that no table contradicts (proactive.total, outreach.*, fees.collected, staff.*,
requests.by_channel, proactive.by_channel). Prose also restates table figures (新收/办结/结转,
复议/诉讼 counts, 规范性文件 counts), always in agreement, and carries numbers that are not figures
(dates, 文号, phone numbers, counts of inspections, trainings, percentages).
"""

from __future__ import annotations

import json
import random
import re
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
EXP_DIR = ROOT / "fixtures" / "expected_w7"

SEED = 72025
FONT = "STSong-Light"
PAGE_W, PAGE_H = A4
LM = RM = 90.0
TM = 72.0
BM = 78.0

# --------------------------------------------------------------------------------------------
# the template's table 三 rows

RESULT = "三、本年度办理结果"
CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
G3, G4, G5, G6 = "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"

T3_A = [
    ("new_received", None, "一、本年新收政府信息公开申请数量"),
    ("carried_over", None, "二、上年结转政府信息公开申请数量"),
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
T3_Z = [("total", None, "（七）总计"), ("carried_forward", None, "四、结转下年度继续办理")]
NOT_OUTCOME = ("new_received", "carried_over", "carried_forward")


def t3_defs(era: str) -> list[tuple[str, str | None, str]]:
    return T3_A + T3_OTHER[era] + T3_Z


# relative frequency of the outcomes (drawn per applicant column)
WEIGHT = {
    "granted": 40, "partially_granted": 9,
    "withheld.state_secret": 0.4, "withheld.prohibited_by_law": 1, "withheld.three_security": 0.5,
    "withheld.third_party": 2.5, "withheld.internal_affairs": 1, "withheld.process_info": 2.5,
    "withheld.enforcement_files": 1, "withheld.query_matters": 1,
    "unable.not_held": 22, "unable.needs_creation": 3, "unable.still_unclear": 2,
    "not_processed.petition": 4, "not_processed.repeated": 3, "not_processed.publications": 0.5,
    "not_processed.excessive": 0.5, "not_processed.confirmation": 1,
    "other.no_correction": 2.5, "other.unpaid_fee": 0.3, "other.other": 2, "other": 4,
}  # fmt: skip


# --------------------------------------------------------------------------------------------
# numbers


def gen_t3(rng: random.Random, era: str, prof: dict) -> dict[str, list[int]]:
    defs = t3_defs(era)
    outs = [k for k, _, _ in defs if k not in NOT_OUTCOME and k != "total"]
    v = {k: [0] * 7 for k, _, _ in defs}
    for j in range(6):
        new = rng.randint(*prof["new"][j])
        co = rng.randint(*prof["co"][j])
        cf = min(new + co, rng.randint(*prof["cf"][j]))
        v["new_received"][j], v["carried_over"][j], v["carried_forward"][j] = new, co, cf
        answered = new + co - cf
        for k in rng.choices(outs, weights=[WEIGHT[k] for k in outs], k=answered):
            v[k][j] += 1
        v["total"][j] = answered
    for row in v.values():
        row[6] = sum(row[:6])
    return v


def gen_t4(rng: random.Random, prof: list) -> dict[str, list[int]]:
    out = {}
    for g, ranges in zip(T4_GROUPS, prof):
        four = [rng.randint(*r) for r in ranges]
        out[g] = four + [sum(four)]
    return out


def money(rng: random.Random, lo: float, hi: float) -> str:
    while True:
        s = f"{rng.uniform(lo, hi):.2f}"
        if not s.endswith("0"):
            return s


# --------------------------------------------------------------------------------------------
# text drawing: Word puts a quarter-em between Chinese and Latin/digit runs, each run its own
# text object; pdfium drops one-character text objects of this font, so those get a trailing space

RUN = re.compile(r"[\x21-\x7e]+|[^\x21-\x7e]+")
TOKEN = re.compile(r"[0-9A-Za-z.,%+\-:/@~]+|.", re.S)
NO_LINE_START = set("，。、；：？！）》〕”’％,.;:)%")
NO_LINE_END = set("（《〔“‘(")


def is_punct(ch: str) -> bool:
    return "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·"


def runs(s: str, size: float, autospace: bool = True) -> list[tuple[float, str]]:
    out, x, prev = [], 0.0, None
    for m in RUN.finditer(s):
        r = m.group()
        ascii_run = r[0] <= "\x7e"
        if autospace and prev is not None and prev != ascii_run:
            # no gap next to full-width punctuation (（）〔〕，：“” …) or Latin symbols (1. 4% /),
            # as in Word: one text object
            cjk = r[0] if not ascii_run else out[-1][1][-1]
            latin = r[0] if ascii_run else out[-1][1][-1]
            if is_punct(cjk) or not latin.isalnum():
                out[-1] = (out[-1][0], out[-1][1] + r)
            else:
                x += size * 0.25
                out.append((x, r))
        elif prev is not None and not autospace:
            out[-1] = (out[-1][0], out[-1][1] + r)
        else:
            out.append((x, r))
        x += pdfmetrics.stringWidth(r, FONT, size)
        prev = ascii_run
    return out


def measure(s: str, size: float, autospace: bool = True) -> float:
    rr = runs(s, size, autospace)
    if not rr:
        return 0.0
    x, r = rr[-1]
    return x + pdfmetrics.stringWidth(r, FONT, size)


def wrap(text: str, width: float, size: float, first: float | None = None) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        cur = ""
        for tok in TOKEN.findall(para):
            w = first if (first is not None and not lines) else width
            if cur and measure(cur + tok, size) > w and tok[0] not in NO_LINE_START:
                carry = ""
                while len(cur) > 1 and cur[-1] in NO_LINE_END:  # no opening bracket at a line end
                    carry, cur = cur[-1] + carry, cur[:-1]
                lines.append(cur)
                cur = carry + tok
            else:
                cur += tok
        lines.append(cur)
    return lines


@dataclass
class Cell:
    text: str
    rs: int = 1
    cs: int = 1
    kind: str = "label"  # head | label | num


class Pdf:
    """Pages of deferred drawing operations, so a table can be laid out over several pages."""

    def __init__(self, rng: random.Random, *, jitter: float = 0.0, pagenum: str = "centre"):
        self.rng, self.jitter, self.pagenum = rng, jitter, pagenum
        self.pages: list[list[tuple]] = []
        self.new_page()

    def new_page(self) -> None:
        self.pages.append([])
        self.y = PAGE_H - TM

    @property
    def page(self) -> int:
        return len(self.pages) - 1

    def jx(self) -> float:
        return self.rng.uniform(-self.jitter, self.jitter) if self.jitter else 0.0

    def text(self, page: int, x: float, y: float, s: str, size: float, autospace: bool = True) -> None:
        for dx, r in runs(s, size, autospace):
            self.pages[page].append(("t", x + dx, y, r, size))

    def line(self, page: int, x1: float, y1: float, x2: float, y2: float, w: float = 0.6) -> None:
        self.pages[page].append(("l", x1, y1, x2, y2, w))

    def para(self, s: str, *, size: float = 14, lead: float = 26, indent: float = 2, align: str = "l") -> None:
        width = PAGE_W - LM - RM
        for i, ln in enumerate(wrap(s, width, size, first=width - indent * size)):
            if self.y - lead < BM:
                self.new_page()
            self.y -= lead
            x = LM + (indent * size if i == 0 else 0)
            if align == "c":
                x = (PAGE_W - measure(ln, size)) / 2
            elif align == "r":
                x = PAGE_W - RM - measure(ln, size)
            self.text(self.page, x, self.y + (lead - size) / 2 + 1, ln, size)

    def space(self, h: float) -> None:
        self.y -= h

    # ---- tables ------------------------------------------------------------------------------

    def table(
        self,
        rows: list[list[Cell]],
        widths: list[float],
        *,
        size: float = 9,
        nhead: int = 0,
        repeat: bool = False,
        align: dict | None = None,
        min_h: float = 18,
    ) -> int:
        """Draw a ruled table at the cursor; returns the number of page breaks inside it."""
        align = {"head": "c", "label": "l", "num": "c", **(align or {})}
        cells, nr, nc = grid(rows)
        assert nc == len(widths), (nc, len(widths))
        x0 = (PAGE_W - sum(widths)) / 2
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        lead, vpad, hpad = size * 1.28, 3.0, 2.5
        lines = {}
        for ri, ci, c in cells:
            lines[(ri, ci)] = wrap(c.text, xs[ci + c.cs] - xs[ci] - 2 * hpad, size) if c.text else []
        h = [min_h] * nr
        for ri, ci, c in sorted(cells, key=lambda t: t[2].rs):
            need = len(lines[(ri, ci)]) * lead + 2 * vpad
            have = sum(h[ri : ri + c.rs])
            if need > have:
                for k in range(ri, ri + c.rs):
                    h[k] += (need - have) / c.rs
        # pagination: (instance, row) -> (page, top); instance > 0 are repeated header rows
        place: dict[tuple[int, int], tuple[int, float]] = {}
        keep = sum(h[: nhead + 2])
        if self.y - keep < BM:
            self.new_page()
        for r in range(nhead):
            place[(0, r)] = (self.page, self.y)
            self.y -= h[r]
        inst, breaks = 0, 0
        for r in range(nhead, nr):
            if self.y - h[r] < BM:
                self.new_page()
                breaks += 1
                if repeat:
                    inst += 1
                    for hr in range(nhead):
                        place[(inst, hr)] = (self.page, self.y)
                        self.y -= h[hr]
            place[(0, r)] = (self.page, self.y)
            self.y -= h[r]
        last_on_page: dict[int, tuple[int, int]] = {}
        for key, (pg, top) in place.items():  # the lowest row of the table on each page
            cur = last_on_page.get(pg)
            if cur is None or place[cur][1] > top:
                last_on_page[pg] = key
        jit = {}

        def jxb(key, b):  # x of column boundary b on visual row key
            if (key, b) not in jit:
                jit[(key, b)] = xs[b] + self.jx()
            return jit[(key, b)]

        ops_text = []
        for ri, ci, c in cells:
            if ri < nhead:
                frags = [[(i, r) for r in range(ri, ri + c.rs)] for i in range(inst + 1) if (i, ri) in place]
            else:
                frags, cur_pg = [], None
                for r in range(ri, ri + c.rs):
                    pg = place[(0, r)][0]
                    if pg != cur_pg:
                        frags.append([])
                        cur_pg = pg
                    frags[-1].append((0, r))
            geo = []  # (page, top, bottom, first key, last key)
            for fr in frags:
                pg, top = place[fr[0]]
                bottom = place[fr[-1]][1] - h[fr[-1][1]]
                geo.append((pg, top, bottom, fr[0], fr[-1]))
            for pg, top, bottom, k0, k1 in geo:
                xl, xr = jxb(k0, ci), jxb(k0, ci + c.cs)
                self.line(pg, xl, top, xr, top)
                self.line(pg, xl, top, xl, bottom)
                if ci + c.cs == nc:
                    self.line(pg, xr, top, xr, bottom)
                if last_on_page.get(pg) == k1:
                    self.line(pg, jxb(k1, ci), bottom, jxb(k1, ci + c.cs), bottom)
            ops_text.append((ri, ci, c, geo))
        # text: vertically centred over the whole merged cell, lines flowing across a page break
        for ri, ci, c, geo in ops_text:
            ls = lines[(ri, ci)]
            if not ls:
                continue
            groups = [geo] if ri >= nhead else [[g] for g in geo]
            for gg in groups:
                hs = [top - bottom for _, top, bottom, _, _ in gg]
                total = sum(hs)
                off = max(vpad, (total - len(ls) * lead) / 2)
                starts = [sum(hs[:i]) for i in range(len(hs))]
                f = 0
                dxj = self.jx()
                for ln in ls:
                    while f < len(gg) - 1 and off + lead > starts[f] + hs[f] + 0.01:
                        f += 1
                        off = max(off, starts[f] + vpad)
                    pg, top, _b, k0, _k1 = gg[f]
                    base = top - (off - starts[f]) - lead + (lead - size) / 2 + 1.5
                    xl, xr = jxb(k0, ci), jxb(k0, ci + c.cs)
                    w = measure(ln, size)
                    a = align[c.kind]
                    if a == "c":
                        x = (xl + xr - w) / 2
                    elif a == "r":
                        x = xr - hpad - w
                    else:
                        x = xl + hpad
                    self.text(pg, x + dxj, base, ln, size)
                    off += lead
        return breaks

    # ---- output ------------------------------------------------------------------------------

    def save(self, path: Path, title: str, author: str) -> None:
        c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        c.setTitle(title)
        c.setAuthor(author)
        c.setCreator("Microsoft® Word 2016")
        n = len(self.pages)
        for i, ops in enumerate(self.pages):
            for op in ops:
                if op[0] == "l":
                    _, x1, y1, x2, y2, w = op
                    c.setLineWidth(w)
                    c.line(x1, y1, x2, y2)
                else:
                    _, x, y, s, size = op
                    c.setFont(FONT, size)
                    c.drawString(x, y, s if len(s) > 1 else s + " ")
            pn = f"— {i + 1} —"
            c.setFont(FONT, 11)
            if self.pagenum == "outer":
                if (i + 1) % 2:
                    c.drawRightString(PAGE_W - RM + 14, 44, pn)
                else:
                    c.drawString(LM - 14, 44, pn)
            else:
                c.drawCentredString(PAGE_W / 2, 44, pn)
            c.showPage()
        assert n >= 2
        c.save()


def grid(rows: list[list[Cell]]):
    occ: set = set()
    out = []
    for ri, row in enumerate(rows):
        ci = 0
        for c in row:
            while (ri, ci) in occ:
                ci += 1
            out.append((ri, ci, c))
            for dr in range(c.rs):
                for dc in range(c.cs):
                    assert (ri + dr, ci + dc) not in occ
                    occ.add((ri + dr, ci + dc))
            ci += c.cs
    nc = max(ci + c.cs for _, ci, c in out)
    assert len(occ) == len(rows) * nc, ("ragged table", len(occ), len(rows), nc)
    return out, len(rows), nc


# --------------------------------------------------------------------------------------------
# reports


@dataclass
class Report:
    stem: str
    era: str
    year: int
    level: str
    issuer: str
    office: str
    t2: dict  # metric suffix -> printed string (non-zero) or number 0
    t3: dict  # row key -> 7 ints
    t4: dict  # group -> 5 ints
    zero: Callable[[str, str, str], str]  # (table, row, col) -> printed zero
    prose_figs: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def p(self, table: str, row: str, col: str, v) -> str:
        if v == 0 or v == "0":
            return self.zero(table, row, col)
        return str(v)

    def t3p(self, key: str) -> list[str]:
        return [self.p("t3", key, col, v) for col, v in zip(COLS, self.t3[key])]

    def t4p(self, g: str) -> list[str]:
        return [self.p("t4", g, col, v) for col, v in zip(T4_COLS, self.t4[g])]

    def t2p(self, key: str) -> str:
        return self.p("t2", key, "", self.t2[key])

    def V(self, key: str) -> int:
        return self.t3[key][6]

    @property
    def reviews(self) -> int:
        return self.t4["review"][4]

    @property
    def lawsuits(self) -> int:
        return self.t4["lawsuit_direct"][4] + self.t4["lawsuit_after_review"][4]


def num(s: str):
    s = s.strip()
    if s in ("", "—", "-", "/", "无"):
        return 0
    v = float(s.lstrip("+"))
    return int(v) if v == int(v) else v


# ---- table layouts --------------------------------------------------------------------------


def H(s: str, rs: int = 1, cs: int = 1) -> Cell:
    return Cell(s, rs, cs, "head")


def N(s: str, cs: int = 1) -> Cell:
    return Cell(s, 1, cs, "num")


def t2_rows_2021(r: Report, fee_head: str = "本年收费金额（单位：万元）") -> list[list[Cell]]:
    p = r.t2p
    return [
        [H("第二十条第（一）项", cs=4)],
        [H("信息内容"), H("本年制发件数"), H("本年废止件数"), H("现行有效件数")],
        [Cell("规章")] + [N(p(f"rules.{c}")) for c in ("issued", "repealed", "in_force")],
        [Cell("行政规范性文件")] + [N(p(f"normative.{c}")) for c in ("issued", "repealed", "in_force")],
        [H("第二十条第（五）项", cs=4)],
        [H("信息内容"), H("本年处理决定数量", cs=3)],
        [Cell("行政许可"), N(p("licensing.decisions"), 3)],
        [H("第二十条第（六）项", cs=4)],
        [H("信息内容"), H("本年处理决定数量", cs=3)],
        [Cell("行政处罚"), N(p("penalty.decisions"), 3)],
        [Cell("行政强制"), N(p("coercion.decisions"), 3)],
        [H("第二十条第（八）项", cs=4)],
        [H("信息内容"), H(fee_head, cs=3)],
        [Cell("行政事业性收费"), N(p("fees.amount"), 3)],
    ]


def t2_rows_2019(r: Report) -> list[list[Cell]]:
    p = r.t2p
    rows = [
        [H("第二十条第（一）项", cs=4)],
        [H("信息内容"), H("本年新制作数量"), H("本年新公开数量"), H("对外公开总数量")],
    ]
    for lab, k in (("规章", "rules"), ("规范性文件", "normative")):
        rows.append([Cell(lab)] + [N(p(f"{k}.{c}")) for c in ("new_made", "new_published", "total_published")])
    for sec, items in (
        ("第二十条第（五）项", (("行政许可", "licensing"), ("其他对外管理服务事项", "other_services"))),
        ("第二十条第（六）项", (("行政处罚", "penalty"), ("行政强制", "coercion"))),
    ):
        rows.append([H(sec, cs=4)])
        rows.append([H("信息内容"), H("上一年项目数量"), H("本年增/减"), H("处理决定数量")])
        for lab, k in items:
            rows.append([Cell(lab)] + [N(p(f"{k}.{c}")) for c in ("prev_items", "change", "decisions")])
    rows += [
        [H("第二十条第（八）项", cs=4)],
        [H("信息内容"), H("上一年项目数量"), H("本年增/减", cs=2)],
        [Cell("行政事业性收费"), N(p("fees.prev_items")), N(p("fees.change"), 2)],
        [H("第二十条第（九）项", cs=4)],
        [H("信息内容"), H("采购项目数量"), H("采购总金额", cs=2)],
        [Cell("政府集中采购"), N(p("procurement.projects")), N(p("procurement.amount"), 2)],
    ]
    return rows


def t3_rows(r: Report, header: str) -> tuple[list[list[Cell]], int]:
    """Three label columns (三、本年度办理结果 | group | label), then the seven value columns."""
    if header == "std":  # 申请人情况 / 自然人 · 法人或其他组织 · 总计 / five organisation types
        rows = [
            [H(CORNER, rs=3, cs=3), H("申请人情况", cs=7)],
            [H("自然人", rs=2), H("法人或其他组织", cs=5), H("总计", rs=2)],
            [H(x) for x in APPL_LABELS[1:]],
        ]
    else:  # "single": 申请人情况 over one row of the seven column labels
        rows = [
            [H(CORNER, rs=2, cs=3), H("申请人情况", cs=7)],
            [H(x) for x in APPL_LABELS] + [H("总计")],
        ]
    nhead = len(rows)
    defs = t3_defs(r.era)
    n_out = sum(1 for k, _, _ in defs if k not in NOT_OUTCOME)
    gsize: dict = {}
    for _, g, _ in defs:
        if g:
            gsize[g] = gsize.get(g, 0) + 1
    seen_result, seen_g = False, set()
    for key, g, lab in defs:
        row: list[Cell] = []
        if key in NOT_OUTCOME:
            row.append(Cell(lab, cs=3))
        else:
            if not seen_result:
                row.append(Cell(RESULT, rs=n_out))
                seen_result = True
            if g is None:
                row.append(Cell(lab, cs=2))
            else:
                if g not in seen_g:
                    row.append(Cell(g, rs=gsize[g]))
                    seen_g.add(g)
                row.append(Cell(lab))
        row += [N(s) for s in r.t3p(key)]
        rows.append(row)
    return rows, nhead


def t4_rows(r: Report, style: str, top: tuple[str, str, str] | None = None) -> tuple[list[list[Cell]], int]:
    vals = [N(s) for g in T4_GROUPS for s in r.t4p(g)]
    if style == "std":  # the template: 行政复议 | 行政诉讼 over 未经复议直接起诉 / 复议后起诉
        return [
            [H("行政复议", cs=5), H("行政诉讼", cs=10)],
            [H(x, rs=2) for x in T4_LABELS] + [H("未经复议直接起诉", cs=5), H("复议后起诉", cs=5)],
            [H(x) for x in T4_LABELS] * 2,
            vals,
        ], 3
    a, b, c = top or ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
    return [[H(a, cs=5), H(b, cs=5), H(c, cs=5)], [H(x) for x in T4_LABELS] * 3, vals], 2


# ---- common prose ---------------------------------------------------------------------------

SEC = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def intro(r: Report, addr: str) -> str:
    fmt = "国办公开办函〔2021〕30号" if r.era == "template2021" else "国办公开办函〔2019〕60号"
    return (
        f"本报告由{r.office}根据《中华人民共和国政府信息公开条例》（国令第711号，以下简称《条例》）"
        f"和《中华人民共和国政府信息公开工作年度报告格式》（{fmt}）要求编制。"
        f"报告中所列数据的统计期限自{r.year}年1月1日起至{r.year}年12月31日止。"
        f"如对本报告有疑问，请与{r.office}联系（{addr}）。"
    )


@dataclass
class Layout:
    t2_widths: list
    t3_widths: list
    t3_header: str
    t3_repeat: bool
    t4_style: str
    t4_top: tuple | None = None
    align: dict = field(default_factory=dict)
    jitter: float = 0.0
    pagenum: str = "centre"
    must_break_t3: bool = False


def render(r: Report, lay: Layout, prose: dict, rng: random.Random) -> dict:
    pdf = Pdf(rng, jitter=lay.jitter, pagenum=lay.pagenum)
    pdf.space(10)
    pdf.para(r.issuer, size=20, lead=34, indent=0, align="c")
    pdf.para(f"{r.year}年政府信息公开工作年度报告", size=20, lead=34, indent=0, align="c")
    pdf.space(12)
    pdf.para(prose["intro"])
    head = lambda s: pdf.para(s, indent=2)  # noqa: E731
    head(SEC[0])
    for x in prose["overall"]:
        pdf.para(x)
    head(SEC[1])
    t2 = t2_rows_2021(r) if r.era == "template2021" else t2_rows_2019(r)
    pdf.space(4)
    pdf.table(t2, lay.t2_widths, size=10.5, min_h=20, align=lay.align)
    pdf.space(10)
    head(SEC[2])
    pdf.space(4)
    rows, nh = t3_rows(r, lay.t3_header)
    br3 = pdf.table(rows, lay.t3_widths, size=9, nhead=nh, repeat=lay.t3_repeat, align=lay.align)
    pdf.space(10)
    head(SEC[3])
    for x in prose.get("t4", []):
        pdf.para(x)
    pdf.space(4)
    rows, nh = t4_rows(r, lay.t4_style, lay.t4_top)
    pdf.table(rows, [31.0] * 15, size=9, nhead=nh, align=lay.align, min_h=20)
    pdf.space(10)
    head(SEC[4])
    for x in prose["problems"]:
        pdf.para(x)
    head(SEC[5])
    for x in prose["other"]:
        pdf.para(x)
    pdf.space(20)
    for x in prose["sign"]:
        pdf.para(x, indent=0, align="r")
    if lay.must_break_t3:
        assert br3 >= 1, (r.stem, "table 三 should continue on the next page")
    pdf.save(DOC_DIR / f"{r.stem}.pdf", f"{r.issuer}{r.year}年政府信息公开工作年度报告", r.office)
    return {"pages": len(pdf.pages), "t3_breaks": br3}


# --------------------------------------------------------------------------------------------
# the five documents


def doc_pingwu(rng: random.Random):
    era = "template2021"
    t3 = gen_t3(rng, era, {
        "new": [(70, 110), (4, 12), (0, 0), (0, 1), (1, 4), (0, 2)],
        "co": [(2, 6), (0, 1), (0, 0), (0, 0), (0, 0), (0, 0)],
        "cf": [(2, 7), (0, 1), (0, 0), (0, 0), (0, 0), (0, 0)],
    })  # fmt: skip
    t4 = gen_t4(rng, [[(2, 6), (0, 2), (0, 3), (0, 2)], [(0, 3), (0, 1), (0, 2), (0, 1)], [(0, 2), (0, 0), (0, 1), (0, 1)]])
    t2 = {
        "rules.issued": 0, "rules.repealed": 0, "rules.in_force": 0,
        "normative.issued": rng.randint(4, 9), "normative.repealed": rng.randint(1, 5),
        "normative.in_force": rng.randint(35, 70),
        "licensing.decisions": rng.randint(2500, 6000), "penalty.decisions": rng.randint(600, 1800),
        "coercion.decisions": rng.randint(10, 60), "fees.amount": money(rng, 80, 400),
    }  # fmt: skip
    r = Report(
        stem="tmpl_w7_pingwu_2022", era=era, year=2022, level="government", issuer="平武县人民政府",
        office="平武县人民政府办公室", t2=t2, t3=t3, t4=t4, zero=lambda t, row, col: "0",
    )  # fmt: skip
    nr = r.V("new_received")
    web = round(nr * 0.62)
    face = round(nr * 0.27)
    mail = nr - web - face
    P, PC, PI, HR = 3286, 6, 27, 9
    r.prose_figs = [
        ["proactive.total", None, P],
        ["outreach.press_conferences", None, PC],
        ["outreach.interpretations", None, PI],
        ["outreach.hot_responses", None, HR],
        ["requests.by_channel", "网上", web],
        ["requests.by_channel", "当面", face],
        ["requests.by_channel", "信函", mail],
        ["fees.collected", None, 0],
    ]
    prose = {
        "intro": intro(r, "地址：平武县龙安镇江油路12号，邮编：622550，电话：0816-8822345"),
        "overall": [
            "2022年，平武县坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，认真落实《中华人民共和国政府信息公开条例》和省、市政务公开工作部署，按照《平武县2022年政务公开工作要点》（平府办发〔2022〕11号）要求，围绕大熊猫国家公园建设、乡村振兴、疫情防控等重点工作，持续深化政务公开。",
            f"（一）主动公开。全年主动公开政府信息{P}条，召开新闻发布会{PC}场，发布政策解读{PI}篇，回应公众关注热点{HR}次。"
            f"全年制发行政规范性文件{t2['normative.issued']}件，废止{t2['normative.repealed']}件，均按规定在县政府门户网站公开。",
            f"（二）依申请公开。全年新收政府信息公开申请{nr}件，其中网上申请{web}件、当面申请{face}件、信函申请{mail}件；"
            f"上年结转{r.V('carried_over')}件。全年办结{r.V('total')}件，结转下年度继续办理{r.V('carried_forward')}件，"
            f"均在《条例》规定的20个工作日内答复或依法延期答复。因政府信息公开被申请行政复议{r.reviews}件、被提起行政诉讼{r.lawsuits}件。",
            "（三）政府信息管理。落实公开前保密审查和“三审三校”制度，全年开展政府信息公开专项检查4次，对全县20个乡镇、43个县级部门的公开专栏逐一检查，督促整改问题37个。",
            "（四）平台建设。完成县政府门户网站集约化迁移，整合关停政务新媒体账号3个，政务公开专区覆盖县政务服务中心和20个乡镇便民服务中心。",
            "（五）监督保障。将政务公开纳入县级部门目标绩效考核，分值占比4%；全年举办政务公开业务培训2期。",
        ],
        "problems": [
            "一是部分部门主动公开的及时性不够，个别栏目更新滞后；二是政策解读形式较为单一，图解、视频解读占比不高；三是基层政务公开专区作用发挥不充分。",
            "2023年，我县将每季度通报1次各单位公开情况，加强业务培训，推动政务公开专区规范运行。",
        ],
        "other": [
            "2022年，本机关未收取政府信息公开信息处理费。",
            "本报告电子版可从平武县人民政府门户网站“政府信息公开年报”栏目下载。",
        ],
        "sign": ["平武县人民政府办公室", "2023年1月18日"],
    }
    lay = Layout(
        t2_widths=[170, 98, 98, 98], t3_widths=[18, 56, 150] + [35] * 7, t3_header="std", t3_repeat=True,
        t4_style="std", pagenum="centre", must_break_t3=True,
    )  # fmt: skip
    r.notes = [
        "PDF drawn like a Word export: ruled tables, cell text wrapped inside cells, 三、本年度办理结果 one "
        "character per line, Chinese and digit runs as separate text objects with Word's autospace gap; "
        "page numbers — N — centred at the foot.",
        "Table 三 (3 header rows: corner | 申请人情况; 自然人 · 法人或其他组织 · 总计; the five organisation "
        "types) continues onto the next page with the three header rows repeated; merged label cells "
        "that cross the break carry their text across it. Labels left-aligned, numbers centred, zeros 0.",
        "Table 四 in the template's three header rows (行政复议 | 行政诉讼 → 未经复议直接起诉 / 复议后起诉).",
        "requests.by_channel 网上/当面/信函 from the prose add up to requests.received; prose restates "
        "新收/上年结转/办结/结转 and the review and lawsuit totals in agreement with the tables, and "
        "t2.normative.issued/repealed (制发…件，废止…件). Not figures: 平府办发〔2022〕11号, 20个工作日, "
        "专项检查4次, 20个乡镇, 43个县级部门, 问题37个, 账号3个, 占比4%, 培训2期, 0816-8822345.",
    ]
    return r, lay, prose


def doc_youxian(rng: random.Random):
    era = "template2021"
    t3 = gen_t3(rng, era, {
        "new": [(130, 190), (8, 20), (0, 1), (0, 2), (2, 6), (1, 3)],
        "co": [(4, 10), (0, 2), (0, 0), (0, 0), (0, 1), (0, 0)],
        "cf": [(3, 9), (0, 2), (0, 0), (0, 0), (0, 0), (0, 1)],
    })  # fmt: skip
    t4 = gen_t4(rng, [[(3, 9), (1, 3), (0, 4), (0, 3)], [(1, 4), (0, 1), (0, 2), (0, 2)], [(0, 2), (0, 1), (0, 1), (0, 1)]])
    t2 = {
        "rules.issued": 0, "rules.repealed": 0, "rules.in_force": 0,
        "normative.issued": rng.randint(5, 12), "normative.repealed": rng.randint(2, 8),
        "normative.in_force": rng.randint(40, 80),
        "licensing.decisions": rng.randint(5000, 12000), "penalty.decisions": rng.randint(1200, 3500),
        "coercion.decisions": rng.randint(20, 120), "fees.amount": money(rng, 150, 900),
    }  # fmt: skip
    r = Report(
        stem="tmpl_w7_youxian_2023", era=era, year=2023, level="government", issuer="绵阳市游仙区人民政府",
        office="绵阳市游仙区人民政府办公室", t2=t2, t3=t3, t4=t4,
        zero=lambda t, row, col: "" if t in ("t3", "t4") else "0",
    )  # fmt: skip
    W, X, PI = 3468, 1659, 36
    P = W + X
    r.prose_figs = [
        ["proactive.total", None, P],
        ["proactive.by_channel", "政府网站", W],
        ["proactive.by_channel", "政务微信", X],
        ["outreach.interpretations", None, PI],
        ["fees.collected", None, 0],
    ]
    prose = {
        "intro": intro(r, "地址：绵阳市游仙区芙蓉汉城东路1号，邮编：621022，电话：0816-2522310"),
        "overall": [
            "2023年，游仙区深入学习贯彻党的二十大精神，认真落实《中华人民共和国政府信息公开条例》和《绵阳市2023年政务公开工作要点》，以公开促落实、促规范、促服务，政务公开工作取得新成效。",
            f"（一）主动公开。全年主动公开政府信息{P}条，其中通过区政府门户网站公开{W}条，通过“游仙发布”政务微信公众号公开{X}条。"
            f"围绕优化营商环境、科技城新区建设等重点工作发布政策解读{PI}篇，其中图解、短视频解读12篇。",
            f"（二）依申请公开。全年新收政府信息公开申请{r.V('new_received')}件，较上年增长8.6%；上年结转{r.V('carried_over')}件；"
            f"办结{r.V('total')}件；结转下年度继续办理{r.V('carried_forward')}件。申请内容主要集中在征地拆迁、房屋权属、社会保障等领域。",
            f"（三）政府信息管理。动态调整主动公开基本目录，完成2018年至2022年区政府规范性文件清理，"
            f"对现行有效的{t2['normative.in_force']}件行政规范性文件实行目录化管理。",
            "（四）平台建设。优化区政府门户网站政府信息公开专栏，新增“惠企政策”专题；在区政务服务中心设置政府信息公开查阅点1个。",
            "（五）监督保障。全年组织全区政务公开培训3次，开展第三方评估1次，通报问题26个。",
        ],
        "t4": [
            f"2023年，全区因政府信息公开被申请行政复议{r.reviews}件，被提起行政诉讼{r.lawsuits}件。",
        ],
        "problems": [
            "一是部分单位政策解读与文件同步发布不够到位；二是依申请公开答复文书的规范性有待提升。",
            "2024年，我区将建立依申请公开疑难案件会商机制，每半年开展1次答复文书评查，提升答复质量。",
        ],
        "other": [
            "本年度本机关未收取信息处理费。",
            "联系电话：0816-2522310。",
        ],
        "sign": ["绵阳市游仙区人民政府办公室", "2024年1月26日"],
    }
    lay = Layout(
        t2_widths=[166, 100, 100, 100], t3_widths=[20, 60, 140] + [36] * 7, t3_header="std", t3_repeat=False,
        t4_style="flat", align={"label": "c", "num": "c", "head": "c"}, pagenum="centre",
    )  # fmt: skip
    r.notes = [
        "Table 三 header: corner | 申请人情况, then 自然人 | 法人或其他组织 | 总计 with 商业企业/科研机构/"
        "社会公益组织/法律服务机构/其他 on the row below under 法人或其他组织; every cell's text (labels "
        "too) centred. The table runs onto the next page without repeated headers.",
        "Zero cells of tables 三 and 四 are blank (gold 0); table 二 zeros printed 0. No blank 总计 sits in "
        "a row with non-zero applicant cells.",
        "Table 四 as 15 columns under two header rows: 行政复议 | 行政诉讼（未经复议直接起诉） | "
        "行政诉讼（复议后起诉）, then 结果维持/结果纠正/其他结果/尚未审结/总计 three times.",
        "proactive.by_channel 政府网站 and 政务微信 add up to proactive.total. Restated in agreement: "
        "新收/上年结转/办结/结转, 行政复议/行政诉讼 totals (section 四), t2.normative.in_force. "
        "Not figures: 图解、短视频解读12篇 (a part of the interpretations), 8.6%, 查阅点1个, 培训3次, 评估1次, "
        "问题26个.",
    ]
    return r, lay, prose


def doc_myzrzy(rng: random.Random):
    era = "template2021"
    t3 = gen_t3(rng, era, {
        "new": [(45, 80), (6, 14), (0, 0), (0, 1), (2, 5), (0, 2)],
        "co": [(1, 5), (0, 1), (0, 0), (0, 0), (0, 0), (0, 0)],
        "cf": [(1, 4), (0, 1), (0, 0), (0, 0), (0, 1), (0, 0)],
    })  # fmt: skip
    t4 = gen_t4(rng, [[(2, 6), (0, 2), (0, 2), (0, 1)], [(1, 3), (0, 1), (0, 1), (0, 1)], [(0, 1), (0, 0), (0, 1), (0, 0)]])
    t2 = {
        "rules.issued": 0, "rules.repealed": 0, "rules.in_force": 0,
        "normative.issued": rng.randint(2, 6), "normative.repealed": rng.randint(1, 4),
        "normative.in_force": rng.randint(12, 30),
        "licensing.decisions": rng.randint(900, 3000), "penalty.decisions": rng.randint(40, 200),
        "coercion.decisions": 0, "fees.amount": money(rng, 1000, 3000),
    }  # fmt: skip
    r = Report(
        stem="tmpl_w7_myzrzy_2021", era=era, year=2021, level="department", issuer="绵阳市自然资源和规划局",
        office="绵阳市自然资源和规划局办公室", t2=t2, t3=t3, t4=t4, zero=lambda t, row, col: "—",
    )  # fmt: skip
    P, PC, PI = 1243, 3, 14
    r.prose_figs = [
        ["proactive.total", None, P],
        ["outreach.press_conferences", None, PC],
        ["outreach.interpretations", None, PI],
        ["fees.collected", None, 0],
    ]
    prose = {
        "intro": intro(r, "地址：绵阳市涪城区临园路东段66号，邮编：621000，电话：0816-2245118"),
        "overall": [
            "2021年，市自然资源和规划局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕国土空间规划编制、自然资源资产管理、耕地保护等重点工作，全面推进决策、执行、管理、服务、结果公开。",
            f"（一）主动公开。全年主动公开政府信息{P}条，召开新闻发布会{PC}场，发布政策解读{PI}篇，"
            "重点公开国有建设用地使用权出让、征地信息、规划批前公示和批后公布等信息。",
            f"（二）依申请公开。全年共收到政府信息公开申请{r.V('new_received')}件，上年结转{r.V('carried_over')}件，"
            f"已办结{r.V('total')}件，{r.V('carried_forward')}件结转至2022年继续办理。申请事项主要涉及征地补偿安置、不动产登记和规划许可。",
            "（三）政府信息管理。严格落实信息发布审核制度，全年对拟公开的1360余份文件进行公开属性审查，对5年以上的历史文件开展清理。",
            "（四）平台建设。在局门户网站设置“国土空间规划”“征地信息公开”等专栏8个，实现征地信息公开平台与市政府门户网站数据同步。",
            "（五）监督保障。局政务公开领导小组全年召开专题会议2次，将政务公开纳入科室年度考核。",
        ],
        "t4": [
            f"2021年，本局因政府信息公开被申请行政复议{r.reviews}件，被提起行政诉讼{r.lawsuits}件，详见下表。",
        ],
        "problems": [
            "一是征地信息公开的完整性和及时性仍需加强；二是政策解读的通俗性不够。",
            "下一步，我局将完善征地信息公开工作规程，按月开展栏目巡查，提高政策解读质量。",
        ],
        "other": [
            "2021年，本局未收取政府信息公开信息处理费，收费金额为0元。",
            "行政事业性收费数据来源于市财政局非税收入系统，单位为万元。",
        ],
        "sign": ["绵阳市自然资源和规划局", "2022年1月25日"],
    }
    lay = Layout(
        t2_widths=[166, 100, 100, 100], t3_widths=[18, 54, 150] + [35] * 7, t3_header="single", t3_repeat=False,
        t4_style="std", align={"num": "r"}, jitter=1.2, pagenum="centre",
    )  # fmt: skip
    r.notes = [
        "Table 二 in the 2021 layout; t2.fees.amount printed with two decimals under 本年收费金额（单位：万元） "
        "(万元 as printed); every zero of tables 二, 三 and 四 written — (gold 0).",
        "Table 三 with a single applicant header row under 申请人情况 (自然人, 商业企业, 科研机构, 社会公益组织, "
        "法律服务机构, 其他, 总计 side by side; no 法人或其他组织 level); numbers right-aligned; the table "
        "runs onto the next page without repeated headers.",
        "Ruling lines and cell text jittered in x by up to 1.2 pt (vertical lines of one column do not line "
        "up exactly from row to row).",
        "Restated in agreement: 新收/上年结转/办结/结转, 行政复议/行政诉讼 totals. Not figures: 1360余份文件 "
        "(reviewed for disclosure, not disclosed), 5年, 专栏8个, 会议2次, 2022年.",
    ]
    return r, lay, prose


def doc_qinglian(rng: random.Random):
    era = "template2019"
    t3 = gen_t3(rng, era, {
        "new": [(4, 9), (0, 2), (0, 0), (0, 0), (0, 1), (0, 0)],
        "co": [(0, 1), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0)],
        "cf": [(0, 1), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0)],
    })  # fmt: skip
    t4 = gen_t4(rng, [[(1, 1), (0, 0), (0, 1), (0, 0)], [(0, 0), (0, 0), (0, 0), (0, 0)], [(0, 0), (0, 0), (0, 0), (0, 0)]])

    def change() -> str | int:
        v = rng.choice([-2, -1, 0, 0, 1, 3])
        return f"{v:+d}" if v else 0

    t2 = {
        "rules.new_made": 0, "rules.new_published": 0, "rules.total_published": 0,
        "normative.new_made": 1, "normative.new_published": 1, "normative.total_published": rng.randint(4, 9),
        "licensing.prev_items": rng.randint(3, 8), "licensing.change": change(),
        "licensing.decisions": rng.randint(10, 40),
        "other_services.prev_items": rng.randint(10, 30), "other_services.change": change(),
        "other_services.decisions": rng.randint(150, 600),
        "penalty.prev_items": rng.randint(2, 6), "penalty.change": change(), "penalty.decisions": rng.randint(2, 12),
        "coercion.prev_items": 0, "coercion.change": 0, "coercion.decisions": 0,
        "fees.prev_items": 0, "fees.change": 0,
        "procurement.projects": rng.randint(1, 4), "procurement.amount": money(rng, 10, 80),
    }  # fmt: skip

    def zero(t, row, col):
        if t == "t4":
            return ""
        if t == "t3" and col in ("research", "nonprofit", "legal_services", "other_org"):
            return ""
        return "0"

    r = Report(
        stem="tmpl_w7_qinglian_2019", era=era, year=2019, level="township", issuer="江油市青莲镇人民政府",
        office="江油市青莲镇人民政府党政办公室", t2=t2, t3=t3, t4=t4, zero=zero,
    )  # fmt: skip
    P, S, F, PT = 236, 3, 1, 2
    r.prose_figs = [
        ["proactive.total", None, P],
        ["staff.total", None, S],
        ["staff.full_time", None, F],
        ["staff.part_time", None, PT],
        ["fees.collected", None, 0],
    ]
    co = r.V("carried_over")
    prose = {
        "intro": intro(r, "电话：0816-3612045"),
        "overall": [
            "2019年，青莲镇认真贯彻落实新修订的《中华人民共和国政府信息公开条例》，按照江油市政务公开工作安排，依托镇村政务公开栏、江油市人民政府门户网站镇级专栏等平台，及时公开群众关心关注的信息。",
            f"（一）主动公开情况。全年主动公开政府信息{P}条，重点公开脱贫攻坚、惠民惠农资金发放、村级财务等信息；全镇16个村（社区）均设置了村务公开栏。",
            f"（二）依申请公开情况。全年收到政府信息公开申请{r.V('new_received')}件"
            + (f"，上年结转{co}件" if co else "")
            + f"，按时办结{r.V('total')}件，结转下年度{r.V('carried_forward')}件。",
            f"（三）政府信息管理情况。镇党政办负责政务公开日常工作，配备工作人员{S}名，其中专职{F}名、兼职{PT}名。",
            "（四）平台建设情况。对镇便民服务中心政务公开查阅点进行了改造，更新公开栏版面2次。",
            "（五）监督保障情况。将政务公开工作纳入村（社区）年度目标考核，每季度开展1次检查。",
        ],
        "problems": [
            "一是个别村公开栏信息更新不及时；二是工作人员对新《条例》掌握不够全面。2020年，我镇将加强对村（社区）干部的业务培训，规范公开栏管理。",
        ],
        "other": [
            "本年度本镇依申请公开政府信息未收取任何费用。",
        ],
        "sign": ["江油市青莲镇人民政府", "2020年1月15日"],
    }
    lay = Layout(
        t2_widths=[150, 105, 105, 105], t3_widths=[18, 56, 150] + [35] * 7, t3_header="std", t3_repeat=False,
        t4_style="std", jitter=0.9, pagenum="outer",
    )  # fmt: skip
    r.notes = [
        "2019 template (era template2019) for a 2019 report: table 二 with 本年新制作数量/本年新公开数量/"
        "对外公开总数量, 上一年项目数量/本年增/减/处理决定数量 (a non-zero 本年增/减 printed with its sign, e.g. -1), 其他对外管理服务事项, "
        "政府集中采购 (采购总金额 with a decimal, no unit printed); table 三 with （六）其他处理 as one row "
        "(t3.other.*).",
        "Zeros mixed: blank in the 科研机构/社会公益组织/法律服务机构/其他 columns of table 三 and everywhere in "
        "table 四, 0 elsewhere (gold 0). No blank 总计 in a row with non-zero applicant cells.",
        "Ruling lines and cell text jittered in x by up to 0.9 pt; page numbers — N — on the outer side "
        "(odd pages right, even pages left).",
        "staff.* from 配备工作人员3名，其中专职1名、兼职2名; fees.collected 0 from 未收取任何费用. "
        "Not figures: 16个村（社区）, 2次, 每季度1次.",
    ]
    return r, lay, prose


def doc_stjy(rng: random.Random):
    era = "template2021"
    t3 = gen_t3(rng, era, {
        "new": [(12, 24), (0, 3), (0, 0), (0, 1), (0, 1), (0, 0)],
        "co": [(0, 2), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0)],
        "cf": [(0, 2), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0)],
    })  # fmt: skip
    t4 = gen_t4(rng, [[(1, 2), (0, 0), (0, 1), (0, 1)], [(0, 1), (0, 0), (0, 1), (0, 1)], [(0, 0), (0, 0), (0, 0), (0, 0)]])
    t2 = {
        "rules.issued": 0, "rules.repealed": 0, "rules.in_force": 0,
        "normative.issued": rng.randint(1, 3), "normative.repealed": rng.randint(0, 2),
        "normative.in_force": rng.randint(5, 14),
        "licensing.decisions": rng.randint(20, 90), "penalty.decisions": rng.randint(1, 6),
        "coercion.decisions": 0, "fees.amount": 0,
    }  # fmt: skip

    def zero(t, row, col):
        if t == "t3" and row.startswith(("withheld.", "not_processed.", "other.")):
            return "—"
        return "0"

    r = Report(
        stem="tmpl_w7_stjy_2024", era=era, year=2024, level="department", issuer="三台县教育局",
        office="三台县教育局办公室", t2=t2, t3=t3, t4=t4, zero=zero,
    )  # fmt: skip
    P, PI = 418, 9
    r.prose_figs = [
        ["proactive.total", None, P],
        ["outreach.interpretations", None, PI],
        ["fees.collected", None, 0],
    ]
    corrected = r.t4["review"][1] + r.t4["lawsuit_direct"][1] + r.t4["lawsuit_after_review"][1]
    assert corrected == 0
    prose = {
        "intro": intro(r, "地址：三台县潼川镇北坝路38号，电话：0816-5222017"),
        "overall": [
            "2024年，县教育局深入贯彻党的二十大和二十届二中、三中全会精神，严格执行《中华人民共和国政府信息公开条例》，聚焦招生入学、学生资助、教师招聘等群众关注事项，不断提升教育领域政务公开质效。",
            f"（一）主动公开。全年主动公开政府信息{P}条，发布政策解读{PI}篇，重点公开义务教育招生入学政策、学生资助政策和教师招聘公告等信息。",
            f"（二）依申请公开。全年新收政府信息公开申请{r.V('new_received')}件，上年结转{r.V('carried_over')}件，"
            f"办结{r.V('total')}件，结转下年度{r.V('carried_forward')}件。",
            "（三）政府信息管理。严格执行信息发布“三审三校”制度，对全县63所中小学、幼儿园的校务公开情况开展抽查。",
            "（四）平台建设。在县政府门户网站教育局专栏新增“招生入学”“学生资助”2个子栏目。",
            "（五）监督保障。明确1名副局长分管政务公开工作，全年开展业务培训1次。",
        ],
        "t4": [
            f"全年因政府信息公开被申请行政复议{r.reviews}件、被提起行政诉讼{r.lawsuits}件，未发生被纠错情况。",
        ],
        "problems": [
            "一是学校校务公开工作发展不平衡；二是政策解读的形式不够丰富。2025年，我局将每学期开展1次校务公开检查，推动解读形式多样化。",
        ],
        "other": [
            "2024年，本局未收取信息处理费。",
        ],
        "sign": ["三台县教育局", "2025年1月22日"],
    }
    lay = Layout(
        t2_widths=[166, 100, 100, 100], t3_widths=[18, 54, 152] + [35] * 7, t3_header="std", t3_repeat=True,
        t4_style="flat", t4_top=("行政复议", "行政诉讼\n未经复议直接起诉", "复议后起诉"), jitter=0.8,
        pagenum="centre", must_break_t3=True,
    )  # fmt: skip
    r.notes = [
        "Table 三 continues onto the next page with its three header rows repeated (Word 重复标题行).",
        "Zeros mixed: — in the 不予公开/不予处理/其他处理 rows of table 三, 0 elsewhere (gold 0).",
        "Table 四 as 15 columns under two header rows: 行政复议 | 行政诉讼 / 未经复议直接起诉 (two lines in one "
        "cell) | 复议后起诉, then the five outcome labels three times.",
        "Ruling lines and cell text jittered in x by up to 0.8 pt. t2.fees.amount 0 (education department, "
        "no fees).",
        "Restated in agreement: 新收/上年结转/办结/结转, 行政复议/行政诉讼 totals, 未发生被纠错 (corrected 0). "
        "Not figures: 63所, 2个子栏目, 1名副局长, 培训1次, 每学期1次.",
    ]
    return r, lay, prose


DOCS = [doc_pingwu, doc_youxian, doc_myzrzy, doc_qinglian, doc_stjy]


# --------------------------------------------------------------------------------------------
# gold


def expected(r: Report) -> dict:
    figs: list[list] = []
    for k in r.t2:
        figs.append([f"t2.{k}", None, num(r.t2p(k))])
    t3 = {}
    for key, _, _ in t3_defs(r.era):
        vals = [num(s) for s in r.t3p(key)]
        assert vals == r.t3[key], (r.stem, key)
        t3[key] = vals
        figs += [[f"t3.{key}.{c}", None, v] for c, v in zip(COLS, vals)]
    t4 = {}
    for g in T4_GROUPS:
        t4[g] = [num(s) for s in r.t4p(g)]
        figs += [[f"t4.{g}.{c}", None, v] for c, v in zip(T4_COLS, t4[g])]
    figs += derived_figures(t3, t4)
    figs += [list(f) for f in r.prose_figs]
    keys = [(m, d) for m, d, _ in figs]
    assert len(keys) == len(set(keys)), r.stem
    return {"year": r.year, "era": r.era, "level": r.level, "figures": figs, "failing_checks": [], "notes": r.notes}


def check(exp: dict) -> None:
    """The table identities of metrics.md, on the gold figures."""
    f = {m: v for m, d, v in exp["figures"] if d is None}
    defs = t3_defs(exp["era"])
    outs = [k for k, _, _ in defs if k not in NOT_OUTCOME and k != "total"]
    for c in COLS:
        g = lambda k: f[f"t3.{k}.{c}"]  # noqa: E731
        assert g("new_received") + g("carried_over") == g("total") + g("carried_forward"), c
        assert g("total") == sum(g(k) for k in outs), c
    for k, _, _ in defs:
        assert sum(f[f"t3.{k}.{a}"] for a in APPL) == f[f"t3.{k}.total"], k
    for g in T4_GROUPS:
        assert sum(f[f"t4.{g}.{c}"] for c in T4_COLS[:4]) == f[f"t4.{g}.total"], g
    assert f["requests.received"] == f["t3.new_received.total"]
    assert f["reviews.total"] == f["t4.review.total"]
    assert f["lawsuits.total"] == f["t4.lawsuit_direct.total"] + f["t4.lawsuit_after_review.total"]
    if "staff.total" in f:
        assert f["staff.full_time"] + f["staff.part_time"] == f["staff.total"]
    chans = [v for m, d, v in exp["figures"] if m == "requests.by_channel"]
    if chans:
        assert sum(chans) == f["requests.received"]
    chans = [v for m, d, v in exp["figures"] if m == "proactive.by_channel"]
    if chans:
        assert sum(chans) == f["proactive.total"]


def main() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    DOC_DIR.mkdir(parents=True, exist_ok=True)
    EXP_DIR.mkdir(parents=True, exist_ok=True)
    for i, make in enumerate(DOCS):
        rng = random.Random(SEED * 100 + i)
        r, lay, prose = make(rng)
        info = render(r, lay, prose, random.Random(SEED * 100 + 50 + i))
        exp = expected(r)
        check(exp)
        (EXP_DIR / f"{r.stem}.json").write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(r.stem, len(exp["figures"]), "figures", info)


if __name__ == "__main__":
    main()
