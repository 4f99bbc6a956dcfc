#!/usr/bin/env python3
"""Generate the held-out template-era test set fixtures/documents/tmpl_w3_* and fixtures/expected_w3/.

    .venv/bin/python scripts/make_tmpl_w3.py

Six invented 政府信息公开工作年度报告 (2019 and 2021 templates, report years 2019-2024) in layouts
that neither the development fixtures nor make_tmpl_z.py use:

  h1  HTML exported from Word: table 三 cut into two <table> elements at a page break, the
      three header rows repeated in the second part, a page number and 续表 between them, the
      （三）不予公开 group cell left blank where it continues in the second part.
  h2  HTML with <thead>/<th> (header and row labels), <br/> inside labels, &nbsp; and U+3000
      full-width spaces inside labels, th-only table 4 header.
  d1  DOCX (2021 template for a 2020 report): table 二 as four separate small tables, table 四
      with three header rows (行政复议 merged over two rows, 未经复议直接起诉/复议后起诉, then the
      outcome labels) and 尚未审结 printed 未审结; one deliberately wrong total (行政复议 总计).
  h3  2019 template as HTML: table 三 with a single header row (no 申请人情况 / 法人或其他组织
      level), （六）其他处理 one row; table 四 transposed (groups as rows, outcomes as columns);
      signed 本年增/减 cells and an amount with its unit in table 二.
  t1  Crawler text with every table cell on its own line (labels and values alike).
  h4  HTML with full-width digits everywhere (cells, enumerators, prose), full-width decimal
      point, and blank cells meaning 0.

Every table is built once as data (rows of cells) and rendered, so the expected figures come
from the same numbers as the document. Expected figures follow make_tmpl_z.py's conventions:
every t2/t3/t4 cell of the template (a blank template cell is 0), the derived requests.* /
reviews.* / lawsuits.* keys, and the keyed prose figures stated in the text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from template_gold import APPL, APPL_LABELS, COLS, T4_COLS, T4_GROUPS, T4_LABELS, derived_figures

ROOT = Path(__file__).resolve().parent.parent
DOC_DIR = ROOT / "fixtures" / "documents"
EXP_DIR = ROOT / "fixtures" / "expected_w3"

CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

G3, G4, G5, G6 = "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"
T3_HEAD = [
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
T3_OTHER_2021 = [
    ("other.no_correction", G6, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other.unpaid_fee", G6, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other.other", G6, "3.其他"),
]
T3_OTHER_2019 = [("other", None, "（六）其他处理")]
T3_TAIL = [("total", None, "（七）总计"), ("carried_forward", None, "四、结转下年度继续办理")]
RESULT = "三、本年度办理结果"


def t3_defs(era: str) -> list[tuple[str, str | None, str]]:
    return T3_HEAD + (T3_OTHER_2021 if era == "template2021" else T3_OTHER_2019) + T3_TAIL


def is_outcome(key: str) -> bool:
    return key not in ("new_received", "carried_over", "carried_forward")



FW = str.maketrans("0123456789.", "０１２３４５６７８９．")
HW = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def fullwidth(s: str) -> str:
    return s.translate(FW)


# --------------------------------------------------------------------------------------------
# cells and report data


@dataclass
class Cell:
    text: str
    rs: int = 1
    cs: int = 1
    th: bool = False  # header cell (rendered <th> where the layout uses them)


@dataclass
class Report:
    stem: str
    ext: str
    era: str
    year: int
    level: str
    issuer: str
    t2: dict  # metric suffix -> printed string
    t3in: dict  # row key -> six applicant ints
    t4: list  # 3 groups x 4 outcome ints; 总计 computed
    prose: dict
    prose_figs: list
    zero: object = "0"  # printed zero: str or callable(row, col) -> str
    label_fn: object = None  # callable(key, label) -> printed label
    digits: object = None  # callable(str) -> str applied to every printed number
    t4_print_override: dict = field(default_factory=dict)
    t3_print_override: dict = field(default_factory=dict)
    failing_checks: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def lab(self, key: str, label: str) -> str:
        return self.label_fn(key, label) if self.label_fn else label

    def d(self, s: str) -> str:
        return self.digits(s) if self.digits else s

    def t3_values(self) -> dict:
        defs = t3_defs(self.era)
        vals = {}
        for key, _, _ in defs:
            if key in ("total", "carried_forward"):
                continue
            a = list(self.t3in.get(key, [0] * 6))
            vals[key] = a + [sum(a)]
        tot = [sum(vals[k][i] for k, _, _ in defs if k in vals and is_outcome(k)) for i in range(7)]
        vals["total"] = tot
        cf = [vals["new_received"][i] + vals["carried_over"][i] - tot[i] for i in range(7)]
        assert min(cf) >= 0, (self.stem, cf)
        vals["carried_forward"] = cf
        return vals

    def _z(self, row: str, col: str) -> str:
        return self.zero(row, col) if callable(self.zero) else self.zero

    def t3_printed(self) -> dict:
        out = {}
        for key, v in self.t3_values().items():
            row = []
            for i, col in enumerate(COLS):
                if (key, col) in self.t3_print_override:
                    s = self.t3_print_override[(key, col)]
                elif v[i] == 0:
                    s = self._z(key, col)
                else:
                    s = str(v[i])
                row.append(self.d(s))
            out[key] = row
        return out

    def t4_printed(self) -> dict:
        out = {}
        for g, four in zip(T4_GROUPS, self.t4):
            vals = list(four) + [sum(four)]
            row = []
            for c, v in zip(T4_COLS, vals):
                if (g, c) in self.t4_print_override:
                    s = self.t4_print_override[(g, c)]
                elif v == 0:
                    s = self._z("t4." + g, c)
                else:
                    s = str(v)
                row.append(self.d(s))
            out[g] = row
        return out

    def t2p(self, k: str) -> str:
        return self.d(self.t2[k])

    # figures restated in the prose, from the same numbers as the tables
    def T(self, key: str) -> int:
        return self.t3_values()[key][6]

    def review_total(self) -> int:
        return sum(self.t4[0])

    def lawsuit_total(self) -> int:
        return sum(self.t4[1]) + sum(self.t4[2])


def num(s: str) -> float:
    s = s.translate(HW).strip().replace("\u00a0", "").replace("\u3000", "").replace(",", "")
    for u in ("万元", "元", "件", "项", "个"):
        if s.endswith(u):
            s = s[: -len(u)]
    if s in ("", "/", "—", "－", "-", "无", "——"):
        return 0
    v = float(s)
    return int(v) if v == int(v) else v


def expected(r: Report) -> dict:
    figs = []
    for k, v in r.t2.items():
        figs.append(["t2." + k, None, num(v)])
    pr = r.t3_printed()
    t3 = {}
    for key, _, _ in t3_defs(r.era):
        cells = pr[key]
        vals = [num(c) for c in cells]
        if cells[6].strip() == "" and any(vals[:6]):
            vals[6] = sum(vals[:6])
        t3[key] = vals
        for col, v in zip(COLS, vals):
            figs.append([f"t3.{key}.{col}", None, v])
    t4 = {}
    p4 = r.t4_printed()
    for g in T4_GROUPS:
        t4[g] = [num(c) for c in p4[g]]
        for col, v in zip(T4_COLS, t4[g]):
            figs.append([f"t4.{g}.{col}", None, v])
    figs += derived_figures(t3, t4)
    figs += [list(f) for f in r.prose_figs]
    keys = [(f[0], f[1]) for f in figs]
    assert len(keys) == len(set(keys)), (r.stem, "duplicate key")
    return {
        "year": r.year,
        "era": r.era,
        "level": r.level,
        "figures": figs,
        "failing_checks": r.failing_checks,
        "notes": r.notes,
    }


def failed_checks(r: Report) -> list[str]:
    """The table checks (1-4) that fail on the printed numbers."""
    exp = {m: v for m, d, v in expected(r)["figures"] if d is None}
    bad = set()
    defs = t3_defs(r.era)
    for c in COLS:
        g = lambda k: exp[f"t3.{k}.{c}"]  # noqa: E731
        if g("new_received") + g("carried_over") != g("total") + g("carried_forward"):
            bad.add("1")
        if g("total") != sum(g(k) for k, _, _ in defs if is_outcome(k) and k != "total"):
            bad.add("3")
    for k, _, _ in defs:
        if sum(exp[f"t3.{k}.{a}"] for a in APPL) != exp[f"t3.{k}.total"]:
            bad.add("2")
    for g in T4_GROUPS:
        if sum(exp[f"t4.{g}.{c}"] for c in T4_COLS[:4]) != exp[f"t4.{g}.total"]:
            bad.add("4")
    return sorted(bad)


# --------------------------------------------------------------------------------------------
# table layouts (rows of Cells)


def t2_rows_2021(r: Report, *, fee_header="本年收费金额（单位：万元）") -> list[list[Cell]]:
    p = r.t2p
    H = lambda s, rs=1, cs=1: Cell(s, rs, cs, th=True)  # noqa: E731
    rows = [
        [H("第二十条第（一）项", 1, 4)],
        [H("信息内容"), H("本年制发件数"), H("本年废止件数"), H("现行有效件数")],
        [Cell("规章")] + [Cell(p(f"rules.{c}")) for c in ("issued", "repealed", "in_force")],
        [Cell("行政规范性文件")] + [Cell(p(f"normative.{c}")) for c in ("issued", "repealed", "in_force")],
        [H("第二十条第（五）项", 1, 4)],
        [H("信息内容"), H("本年处理决定数量", 1, 3)],
        [Cell("行政许可"), Cell(p("licensing.decisions"), 1, 3)],
        [H("第二十条第（六）项", 1, 4)],
        [H("信息内容"), H("本年处理决定数量", 1, 3)],
        [Cell("行政处罚"), Cell(p("penalty.decisions"), 1, 3)],
        [Cell("行政强制"), Cell(p("coercion.decisions"), 1, 3)],
        [H("第二十条第（八）项", 1, 4)],
        [H("信息内容"), H(fee_header, 1, 3)],
        [Cell("行政事业性收费"), Cell(p("fees.amount"), 1, 3)],
    ]
    return rows


def t2_rows_2019(r: Report) -> list[list[Cell]]:
    p = r.t2p
    H = lambda s, rs=1, cs=1: Cell(s, rs, cs, th=True)  # noqa: E731
    rows = [[H("第二十条第（一）项", 1, 4)]]
    rows.append([H("信息内容"), H("本年新制作数量"), H("本年新公开数量"), H("对外公开总数量")])
    for lab, k in (("规章", "rules"), ("规范性文件", "normative")):
        rows.append([Cell(lab)] + [Cell(p(f"{k}.{c}")) for c in ("new_made", "new_published", "total_published")])
    for sec, items in (
        ("第二十条第（五）项", (("行政许可", "licensing"), ("其他对外管理服务事项", "other_services"))),
        ("第二十条第（六）项", (("行政处罚", "penalty"), ("行政强制", "coercion"))),
    ):
        rows.append([H(sec, 1, 4)])
        rows.append([H("信息内容"), H("上一年项目数量"), H("本年增/减"), H("处理决定数量")])
        for lab, k in items:
            rows.append([Cell(lab)] + [Cell(p(f"{k}.{c}")) for c in ("prev_items", "change", "decisions")])
    rows.append([H("第二十条第（八）项", 1, 4)])
    rows.append([H("信息内容"), H("上一年项目数量"), H("本年增/减", 1, 2)])
    rows.append([Cell("行政事业性收费"), Cell(p("fees.prev_items")), Cell(p("fees.change"), 1, 2)])
    rows.append([H("第二十条第（九）项", 1, 4)])
    rows.append([H("信息内容"), H("采购项目数量"), H("采购总金额", 1, 2)])
    rows.append([Cell("政府集中采购"), Cell(p("procurement.projects")), Cell(p("procurement.amount"), 1, 2)])
    return rows


def t3_header(r: Report, nlab: int, style: str) -> list[list[Cell]]:
    L = lambda s: r.lab("h", s)  # noqa: E731
    H = lambda s, rs=1, cs=1: Cell(L(s), rs, cs, th=True)  # noqa: E731
    if style == "flat":  # one header row, no 申请人情况 / 法人或其他组织 level
        return [[H("项目", 1, nlab)] + [H(x) for x in APPL_LABELS] + [H("总计")]]
    return [
        [H(CORNER, 3, nlab), H("申请人情况", 1, 7)],
        [H("自然人", 2), H("法人或其他组织", 1, 5), H("总计", 2)],
        [H(x) for x in APPL_LABELS[1:]],
    ]


def t3_body(r: Report, keys: list[str], *, blank_continued_group=False, result_label=RESULT) -> list[list[Cell]]:
    """Three label columns: 三、本年度办理结果 (rowspan over the outcome rows of this part),
    group (rowspan), label. Rows without a group span two label columns; rows outside
    三、本年度办理结果 span three."""
    defs = {k: (g, lab) for k, g, lab in t3_defs(r.era)}
    pr = r.t3_printed()
    n_out = sum(1 for k in keys if is_outcome(k))
    gcount: dict = {}
    for k in keys:
        g = defs[k][0]
        if g:
            gcount[g] = gcount.get(g, 0) + 1
    all_keys = [k for k, _, _ in t3_defs(r.era)]
    rows = []
    seen: set = set()
    first_out = True
    for k in keys:
        g, lab = defs[k]
        lab = r.lab(k, lab)
        cells = []
        if is_outcome(k) and first_out:
            cells.append(Cell(r.lab("result", result_label), n_out, th=True))
            first_out = False
        if not is_outcome(k):
            cells.append(Cell(lab, 1, 3, th=True))
        elif g is None:
            cells.append(Cell(lab, 1, 2, th=True))
        else:
            if g not in seen:
                seen.add(g)
                # a group whose first row is in an earlier part continues here
                first_of_group = next(x for x in all_keys if defs[x][0] == g)
                cont = first_of_group not in keys
                txt = "" if (cont and blank_continued_group) else r.lab("group", g)
                cells.append(Cell(txt, gcount[g], th=True))
            cells.append(Cell(lab, th=True))
        rows.append(cells + [Cell(x) for x in pr[k]])
    return rows


def t3_rows(r: Report, style="std") -> list[list[Cell]]:
    keys = [k for k, _, _ in t3_defs(r.era)]
    return t3_header(r, 3, style) + t3_body(r, keys)


def t4_vals(r: Report) -> list[Cell]:
    p = r.t4_printed()
    return [Cell(x) for g in T4_GROUPS for x in p[g]]


def t4_rows_std(r: Report, labels=T4_LABELS) -> list[list[Cell]]:
    H = lambda s, rs=1, cs=1: Cell(s, rs, cs, th=True)  # noqa: E731
    return [
        [H("行政复议", 1, 5), H("行政诉讼", 1, 10)],
        [H(x, 2) for x in labels] + [H("未经复议直接起诉", 1, 5), H("复议后起诉", 1, 5)],
        [H(x) for x in labels] * 2,
        t4_vals(r),
    ]


def t4_rows_three_level(r: Report, labels) -> list[list[Cell]]:
    """行政复议 merged over the first two header rows; all three groups' outcome labels in row 3."""
    H = lambda s, rs=1, cs=1: Cell(s, rs, cs, th=True)  # noqa: E731
    return [
        [H("行政复议", 2, 5), H("行政诉讼", 1, 10)],
        [H("未经复议直接起诉", 1, 5), H("复议后起诉", 1, 5)],
        [H(x) for x in labels] * 3,
        t4_vals(r),
    ]


def t4_rows_two_level(r: Report) -> list[list[Cell]]:
    H = lambda s, rs=1, cs=1: Cell(s, rs, cs, th=True)  # noqa: E731
    return [
        [H("行政复议", 1, 5), H("行政诉讼（未经复议直接起诉）", 1, 5), H("行政诉讼（复议后起诉）", 1, 5)],
        [H(x) for x in T4_LABELS] * 3,
        t4_vals(r),
    ]


def t4_rows_transposed(r: Report) -> list[list[Cell]]:
    p = r.t4_printed()
    H = lambda s, rs=1, cs=1: Cell(s, rs, cs, th=True)  # noqa: E731
    return [
        [H("类别", 1, 2)] + [H(x) for x in T4_LABELS],
        [H("行政复议", 1, 2)] + [Cell(x) for x in p["review"]],
        [H("行政诉讼", 2), H("未经复议直接起诉")] + [Cell(x) for x in p["lawsuit_direct"]],
        [H("复议后起诉")] + [Cell(x) for x in p["lawsuit_after_review"]],
    ]


# --------------------------------------------------------------------------------------------
# renderers


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_text(s: str) -> str:
    """\\n in a label becomes <br/>, NBSP becomes &nbsp;, U+3000 stays a character."""
    return "<br/>".join(esc(part) for part in s.split("\n")).replace("\u00a0", "&nbsp;")


def span_attrs(c: Cell) -> str:
    a = ""
    if c.rs > 1:
        a += f' rowspan="{c.rs}"'
    if c.cs > 1:
        a += f' colspan="{c.cs}"'
    return a


def html_table_word(rows: list[list[Cell]]) -> str:
    """Word 'save as web page' style: every cell a <td> holding <p class=MsoNormal><span>."""
    out = [
        '<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="604" '
        'style="width:453.1pt;border-collapse:collapse;border:none">'
    ]
    for row in rows:
        out.append('<tr style="height:19.85pt">')
        for c in row:
            out.append(
                f'<td{span_attrs(c)} valign="center" style="border:solid windowtext 1.0pt;padding:0cm 1.4pt 0cm 1.4pt">'
                f'<p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:9.0pt;'
                f'font-family:宋体">{html_text(c.text)}</span></p></td>'
            )
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def html_table_th(rows: list[list[Cell]], n_head: int, cls: str) -> str:
    """<thead> with <th>; row labels in the body are <th scope="row">."""
    out = [f'<table class="{cls}">']
    out.append("<thead>")
    for i, row in enumerate(rows):
        if i == n_head:
            out.append("</thead>\n<tbody>")
        cells = []
        for c in row:
            if c.th:
                scope = ' scope="col"' if i < n_head else ' scope="row"'
                cells.append(f"<th{span_attrs(c)}{scope}>{html_text(c.text)}</th>")
            else:
                cells.append(f"<td{span_attrs(c)}>{html_text(c.text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody>\n</table>")
    return "\n".join(out)


def html_table_plain(rows: list[list[Cell]], attrs='border="1" cellspacing="0" cellpadding="3" align="center"') -> str:
    out = [f"<table {attrs}>", "<tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(f"<td{span_attrs(c)}>{html_text(c.text)}</td>" for c in row) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def grid_positions(rows: list[list[Cell]]):
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
                    occ.add((ri + dr, ci + dc))
            ci += c.cs
    ncols = max(ci + c.cs for _, ci, c in out)
    # every grid position covered exactly once (a malformed layout would shift cells)
    assert len(occ) == len(rows) * ncols, ("ragged table", len(occ), len(rows), ncols)
    return out, len(rows), ncols


def docx_table(doc, rows: list[list[Cell]], font_pt=8):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    cells, nr, nc = grid_positions(rows)
    tbl = doc.add_table(rows=nr, cols=nc)
    tbl.style = "Table Grid"
    for ri, ci, c in cells:
        a = tbl.cell(ri, ci)
        if c.rs > 1 or c.cs > 1:
            a = a.merge(tbl.cell(ri + c.rs - 1, ci + c.cs - 1))
        a.text = c.text
        for p in a.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in p.runs:
                run.font.size = Pt(font_pt)
    return tbl


def one_per_line(rows: list[list[Cell]]) -> list[str]:
    """Crawler output of a table: each origin cell's text on its own line, row-major."""
    return [c.text for row in rows for c in row]


# --------------------------------------------------------------------------------------------
# common prose


def title(r: Report) -> str:
    return f"{r.issuer}{r.year}年政府信息公开工作年度报告"


def intro(r: Report) -> str:
    return (
        f"本报告由{r.issuer}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求编制。"
        f"全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
        f"本报告中所列数据的统计期限自{r.year}年1月1日起至{r.year}年12月31日止。"
    )


SEC = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


# --------------------------------------------------------------------------------------------
# the six reports


def build_reports() -> list[Report]:
    R = []

    # ---- H1: Word-exported HTML, table 三 split over two <table>s --------------------------
    h1 = Report(
        stem="tmpl_w3_h1_fucheng2022",
        ext="html",
        era="template2021",
        year=2022,
        level="government",
        issuer="绵阳市涪城区人民政府",
        t2={
            "rules.issued": "0",
            "rules.repealed": "0",
            "rules.in_force": "0",
            "normative.issued": "6",
            "normative.repealed": "3",
            "normative.in_force": "42",
            "licensing.decisions": "5217",
            "penalty.decisions": "1368",
            "coercion.decisions": "45",
            "fees.amount": "287.35",
        },
        t3in={
            "new_received": [112, 15, 1, 2, 4, 3],
            "carried_over": [6, 1, 0, 0, 0, 0],
            "granted": [45, 7, 1, 1, 2, 1],
            "partially_granted": [11, 2, 0, 0, 0, 0],
            "withheld.state_secret": [1, 0, 0, 0, 0, 0],
            "withheld.third_party": [3, 1, 0, 0, 0, 0],
            "withheld.internal_affairs": [1, 0, 0, 0, 0, 0],
            "withheld.process_info": [4, 0, 0, 0, 0, 0],
            "withheld.enforcement_files": [2, 0, 0, 0, 0, 0],
            "unable.not_held": [28, 3, 0, 1, 1, 1],
            "unable.needs_creation": [3, 0, 0, 0, 0, 0],
            "unable.still_unclear": [2, 0, 0, 0, 0, 0],
            "not_processed.petition": [7, 1, 0, 0, 0, 0],
            "not_processed.repeated": [4, 0, 0, 0, 0, 0],
            "not_processed.excessive": [1, 0, 0, 0, 0, 0],
            "other.no_correction": [2, 0, 0, 0, 0, 0],
            "other.other": [1, 0, 0, 0, 1, 0],
        },
        t4=[[6, 1, 2, 1], [3, 0, 1, 1], [1, 0, 0, 0]],
        prose={},
        prose_figs=[
            ["proactive.total", None, 4126],
            ["proactive.by_channel", "政府网站", 2873],
            ["proactive.by_channel", "政务微信", 1253],
            ["outreach.press_conferences", None, 9],
            ["outreach.interpretations", None, 41],
            ["outreach.hot_responses", None, 12],
            ["fees.collected", None, 1200],
        ],
        notes=[
            "Table 三 is printed as two <table> elements (a page break of the Word original): the first "
            "ends after 5.属于三类内部事务信息; a page number (— 6 —) and （续表） come between; the second "
            "repeats the three header rows and 三、本年度办理结果, and its rowspan cell for the rest of "
            "（三）不予公开 (rows 6-8) is blank.",
            "proactive.by_channel 政府网站 2873 and 政务微信 1253 add up to proactive.total 4126.",
            "Prose restates requests and review/lawsuit totals; they agree with the tables. "
            "涪府办发〔2022〕15号, 0816-2221234, 4次专项督查, 3% are not figures.",
        ],
    )
    V = h1.t3_values()
    h1.prose = {
        "overall": [
            "2022年，涪城区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院关于全面推进政务公开的决策部署，按照《绵阳市2022年政务公开工作要点》和《涪城区2022年政务公开工作要点》（涪府办发〔2022〕15号）要求，以公开促落实、强监管、优服务。",
            "（一）主动公开。全年主动公开政府信息4,126条，其中通过区政府门户网站公开2,873条，通过“涪城发布”政务微信公众号推送1,253条。召开新闻发布会9场，发布政策解读41篇，回应公众关注热点12次。",
            f"（二）依申请公开。全年新收政府信息公开申请{V['new_received'][6]}件，上年结转{V['carried_over'][6]}件，"
            f"办结{V['total'][6]}件，结转下年度继续办理{V['carried_forward'][6]}件。因政府信息公开被申请行政复议{h1.review_total()}件，被提起行政诉讼{h1.lawsuit_total()}件。",
            "（三）政府信息管理。开展规范性文件清理，对2017年至2021年制发的文件逐件评估，动态调整主动公开基本目录。",
            "（四）平台建设。完成区政府门户网站适老化和无障碍改造，政务公开专区覆盖全区11个镇（街道）便民服务中心。",
            "（五）监督保障。全年开展专项督查4次，将政务公开纳入区级部门目标绩效考核，分值占比3%。",
        ],
        "problems": [
            "一是部分部门政策解读形式单一，图解、音视频解读占比不高；二是依申请公开答复文书的说理性有待增强；三是基层公开专区的使用率不高。",
            "2023年，我区将聚焦以上问题，每半年组织1次业务培训，完善答复文书法制审核机制，推动基层公开专区与便民服务深度融合。",
        ],
        "other": [
            "本年度共收取信息处理费1200元。按照《政府信息公开信息处理费管理办法》，本区依申请公开收费均按件计收。",
            "本报告电子版可在涪城区人民政府门户网站下载。咨询电话：0816-2221234。",
        ],
        "sign": "绵阳市涪城区人民政府办公室　2023年1月30日",
    }
    R.append(h1)

    # ---- H2: <th>, <br/>, &nbsp; and U+3000 in labels, township ----------------------------
    NB, IS = "\u00a0", "\u3000"

    def labels_h2(key, lab):
        head = {
            "自然人": f"自{NB}然{NB}人",
            "法人或其他组织": "法人或\n其他组织",
            "总计": f"总{IS}计",
            "申请人情况": f"申请人{NB}情况",
            "商业企业": "商业\n企业",
            "科研机构": "科研\n机构",
            "社会公益组织": "社会公益\n组织",
            "法律服务机构": "法律服务\n机构",
            "其他": f"其{IS}他",
        }
        if key == "h":
            return head.get(lab, lab)
        if key == "result":
            return "三、本年度\n办理结果"
        if key == "group":
            return lab.replace("）", "）\n")
        special = {
            "new_received": "一、本年新收\n政府信息公开申请数量",
            "carried_over": "二、上年结转\n政府信息公开申请数量",
            "partially_granted": "（二）部分公开\n（区分处理的，只计这一情形，\n不计其他情形）",
            "withheld.three_security": f"3.危及{NB}“三安全一稳定”",
            "not_processed.confirmation": "5.要求行政机关确认或\n重新出具已获取信息",
            "other.no_correction": "1.申请人无正当理由逾期不补正、\n行政机关不再处理其政府信息公开申请",
            "other.unpaid_fee": "2.申请人逾期未按收费通知要求缴纳费用、\n行政机关不再处理其政府信息公开申请",
            "other.other": f"3.其{IS}他",
            "total": f"（七）总{IS}{IS}计",
            "carried_forward": f"四、结转下年度{NB}继续办理",
        }
        if key in special:
            return special[key]
        if lab[:2] in {f"{i}." for i in range(1, 9)}:
            return lab[:2] + NB + lab[2:]
        return lab

    h2 = Report(
        stem="tmpl_w3_h2_qushan2023",
        ext="html",
        era="template2021",
        year=2023,
        level="township",
        issuer="北川羌族自治县曲山镇人民政府",
        t2={
            "rules.issued": "0",
            "rules.repealed": "0",
            "rules.in_force": "0",
            "normative.issued": "0",
            "normative.repealed": "0",
            "normative.in_force": "1",
            "licensing.decisions": "36",
            "penalty.decisions": "14",
            "coercion.decisions": "0",
            "fees.amount": "0",
        },
        t3in={
            "new_received": [9, 1, 0, 0, 0, 0],
            "carried_over": [1, 0, 0, 0, 0, 0],
            "granted": [4, 1, 0, 0, 0, 0],
            "partially_granted": [1, 0, 0, 0, 0, 0],
            "unable.not_held": [2, 0, 0, 0, 0, 0],
            "not_processed.repeated": [1, 0, 0, 0, 0, 0],
            "other.no_correction": [1, 0, 0, 0, 0, 0],
        },
        t4=[[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
        label_fn=labels_h2,
        prose={},
        prose_figs=[
            ["proactive.total", None, 318],
            ["proactive.by_category", "工作动态", 126],
            ["proactive.by_category", "财政", 45],
            ["outreach.interpretations", None, 5],
            ["fees.collected", None, 0],
        ],
        notes=[
            "All header cells and row labels are <th> (thead + tbody); labels carry <br/> line breaks, "
            "&nbsp; (自&nbsp;然&nbsp;人, 1.&nbsp;属于国家秘密) and U+3000 (总　计, （七）总　　计); "
            "table 4 labels are split 结果<br/>维持 etc.",
            "proactive.by_category 工作动态 126 and 财政 45 from 其中工作动态类信息126条、财政信息45条 "
            "(a partial list). 12345 is a hotline number; 5.12 in 5.12汶川特大地震 is a date.",
        ],
    )
    V = h2.t3_values()
    h2.prose = {
        "overall": [
            "2023年，曲山镇在县委、县政府的坚强领导下，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕灾后重建成果巩固、乡村振兴和文旅融合发展等中心工作，扎实推进基层政务公开标准化规范化建设。",
            "（一）主动公开。全年通过县政府门户网站曲山镇专栏、镇村公开栏等渠道主动公开政府信息318条，其中工作动态类信息126条、财政信息45条；围绕5.12汶川特大地震遗址保护、羌绣产业帮扶等群众关心的事项发布政策解读5篇。",
            f"（二）依申请公开。全年收到政府信息公开申请{V['new_received'][6]}件，上年结转{V['carried_over'][6]}件，"
            f"已全部按期答复{V['total'][6]}件，{V['carried_forward'][6]}件因需征求第三方意见结转下年度办理。",
            "（三）政府信息管理。严格落实“三审三校”制度，全年对22个村（社区）公开栏开展巡查，督促更新惠民惠农补贴发放等信息。",
            "（四）监督保障。镇党政办明确1名分管领导负责政务公开工作，并将政务公开纳入村（社区）年度目标考核。",
        ],
        "problems": [
            "存在的问题：一是部分村（社区）公开栏内容更新不及时；二是政策解读的深度不够。",
            "改进措施：2024年起，每季度开展1次村务公开检查，对群众关心的惠民政策制作“一图读懂”，并通过12345热线收集群众意见建议。",
        ],
        "other": [
            "本年度本机关未收取信息处理费。",
            "本镇无其他需要报告的事项。",
        ],
        "sign": "北川羌族自治县曲山镇人民政府　2024年1月22日",
    }
    R.append(h2)

    # ---- D1: DOCX, 2021 template for a 2020 report, wrong 行政复议 总计 ---------------------
    d1 = Report(
        stem="tmpl_w3_d1_ztzj2020",
        ext="docx",
        era="template2021",
        year=2020,
        level="department",
        issuer="梓潼县住房和城乡建设局",
        t2={
            "rules.issued": "0",
            "rules.repealed": "0",
            "rules.in_force": "0",
            "normative.issued": "2",
            "normative.repealed": "1",
            "normative.in_force": "7",
            "licensing.decisions": "684",
            "penalty.decisions": "57",
            "coercion.decisions": "3",
            "fees.amount": "12.6",
        },
        t3in={
            "new_received": [38, 5, 0, 0, 1, 1],
            "carried_over": [2, 0, 0, 0, 0, 0],
            "granted": [14, 2, 0, 0, 1, 0],
            "partially_granted": [4, 1, 0, 0, 0, 0],
            "withheld.third_party": [1, 0, 0, 0, 0, 0],
            "withheld.process_info": [2, 0, 0, 0, 0, 0],
            "unable.not_held": [11, 1, 0, 0, 0, 1],
            "unable.still_unclear": [1, 0, 0, 0, 0, 0],
            "not_processed.petition": [3, 0, 0, 0, 0, 0],
            "not_processed.confirmation": [1, 0, 0, 0, 0, 0],
            "other.unpaid_fee": [1, 0, 0, 0, 0, 0],
            "other.other": [1, 1, 0, 0, 0, 0],
        },
        t4=[[3, 1, 0, 1], [1, 0, 0, 1], [0, 0, 0, 0]],
        # 3 + 1 + 0 + 1 = 5, printed 4
        t4_print_override={("review", "total"): "4"},
        failing_checks=["4", "5"],
        prose={},
        prose_figs=[
            ["proactive.total", None, 693],
            ["outreach.interpretations", None, 7],
            ["fees.collected", None, 0],
        ],
        notes=[
            "Deliberate misprint: table 4 行政复议 结果维持 3 + 结果纠正 1 + 其他结果 0 + 未审结 1 = 5, but 总计 "
            "is printed 4. Stored as printed: t4.review.total = reviews.total = 4. Check 4 fails for the "
            "review group (and check 5 on the derived reviews.* keys); table 3 and the lawsuit groups hold. "
            "The prose does not restate the review count.",
            "Table 4 header has three rows: 行政复议 merged over rows 1-2, 行政诉讼 over 未经复议直接起诉 / "
            "复议后起诉, then the outcome labels for all three groups in template order with 尚未审结 "
            "printed 未审结.",
            "Table 二 is four separate small tables, one per 第二十条 item. 2021 template used for a 2020 report.",
        ],
    )
    V = d1.t3_values()
    d1.prose = {
        "overall": [
            "2020年，县住房和城乡建设局在县委、县政府的领导下，认真贯彻落实新修订的《中华人民共和国政府信息公开条例》和《梓潼县2020年政务公开工作要点》，围绕住房保障、建筑市场监管、城镇老旧小区改造等重点领域，持续推进决策、执行、管理、服务、结果公开。",
            "（一）主动公开。全年在县政府门户网站“住建局”栏目主动公开政府信息693条，重点公开保障性住房分配、棚户区改造、建设工程招投标等信息；对《梓潼县城镇老旧小区改造工作实施方案》等文件开展政策解读7次。",
            f"（二）依申请公开。全年新收政府信息公开申请{V['new_received'][6]}件，上年结转{V['carried_over'][6]}件，"
            f"办结{V['total'][6]}件，结转下年度继续办理{V['carried_forward'][6]}件。",
            "（三）政府信息管理。严格执行信息发布保密审查制度，明确由局办公室统一审核发布，全年组织业务学习2次。",
            "（四）平台建设和监督保障。完善局网站栏目设置，调整二级栏目6个；将政务公开工作纳入股室年度考核。",
        ],
        "problems": [
            "一是依申请公开答复说理不够充分，部分答复书引用法条不够准确；二是个别股室信息报送不及时。",
            "下一步，我局将加强对《条例》的学习培训，规范答复文书格式，建立信息报送月通报机制，力争2021年信息报送及时率达到100%。",
        ],
        "other": [
            "2020年，我局依申请公开政府信息未收取信息处理费，收费金额为0元。",
            "联系地址：梓潼县文昌镇七曲大道246号，联系电话：0816-8221234。",
        ],
        "sign": "梓潼县住房和城乡建设局　2021年1月26日",
    }
    R.append(d1)

    # ---- H3: 2019 template, HTML, single header row in table 三, transposed table 四 ----------
    h3 = Report(
        stem="tmpl_w3_h3_yanting2019",
        ext="html",
        era="template2019",
        year=2019,
        level="government",
        issuer="盐亭县人民政府",
        t2={
            "rules.new_made": "0",
            "rules.new_published": "0",
            "rules.total_published": "0",
            "normative.new_made": "14",
            "normative.new_published": "14",
            "normative.total_published": "96",
            "licensing.prev_items": "437",
            "licensing.change": "-12",
            "licensing.decisions": "6,358",
            "other_services.prev_items": "128",
            "other_services.change": "+5",
            "other_services.decisions": "1,742",
            "penalty.prev_items": "1,265",
            "penalty.change": "0",
            "penalty.decisions": "2,186",
            "coercion.prev_items": "73",
            "coercion.change": "-4",
            "coercion.decisions": "61",
            "fees.prev_items": "38",
            "fees.change": "-6",
            "procurement.projects": "94",
            "procurement.amount": "1,326.48万元",
        },
        t3in={
            "new_received": [86, 9, 0, 1, 2, 1],
            "carried_over": [3, 0, 0, 0, 0, 0],
            "granted": [35, 4, 0, 1, 1, 0],
            "partially_granted": [9, 1, 0, 0, 0, 0],
            "withheld.third_party": [2, 0, 0, 0, 0, 0],
            "withheld.process_info": [3, 1, 0, 0, 0, 0],
            "withheld.query_matters": [1, 0, 0, 0, 0, 0],
            "unable.not_held": [21, 2, 0, 0, 1, 1],
            "unable.needs_creation": [3, 0, 0, 0, 0, 0],
            "unable.still_unclear": [2, 0, 0, 0, 0, 0],
            "not_processed.petition": [5, 0, 0, 0, 0, 0],
            "not_processed.repeated": [3, 0, 0, 0, 0, 0],
            "not_processed.publications": [1, 0, 0, 0, 0, 0],
            "other": [2, 0, 0, 0, 0, 0],
        },
        t4=[[4, 1, 1, 0], [2, 0, 1, 1], [1, 0, 0, 0]],
        label_fn=lambda key, lab: '3.危及"三安全一稳定"' if key == "withheld.three_security" else lab,
        prose={},
        prose_figs=[
            ["proactive.total", None, 5318],
            ["proactive.by_category", "概况", 146],
            ["proactive.by_category", "工作动态", 2134],
            ["proactive.by_category", "财政", 287],
            ["outreach.press_conferences", None, 7],
            ["fees.collected", None, 0],
        ],
        notes=[
            "2019 template: table 2 with 本年新制作数量 columns, 其他对外管理服务事项 and 政府集中采购 rows; "
            "本年增/减 printed signed (-12, +5, -4, -6); t2.procurement.amount 1326.48 as printed "
            "(1,326.48万元, unit in the cell); thousands separators.",
            "Table 3 has one header row (项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | "
            "其他 | 总计) without 申请人情况 / 法人或其他组织; （六）其他处理 is one row (t3.other.*).",
            "Table 4 is transposed: groups as rows (行政复议; 行政诉讼 → 未经复议直接起诉, 复议后起诉), "
            "outcomes as columns.",
            "fees.collected 0 from 本年度我县依申请公开政府信息未收取任何费用.",
        ],
    )
    V = h3.t3_values()
    h3.prose = {
        "overall": [
            "2019年，盐亭县认真贯彻落实新修订的《中华人民共和国政府信息公开条例》（国令第711号），按照《四川省2019年政务公开工作要点》和市政府办公室工作部署，坚持以公开为常态、不公开为例外，不断提升政务公开质量。",
            "（一）主动公开情况。全年主动公开政府信息5,318条，其中概况类信息146条、工作动态类信息2,134条、财政信息287条。召开新闻发布会7场，围绕脱贫攻坚、机构改革等重点工作及时发布权威信息。",
            f"（二）依申请公开情况。全年共受理政府信息公开申请{V['new_received'][6]}件，上年结转{V['carried_over'][6]}件，"
            f"已办结{V['total'][6]}件，结转下年度{V['carried_forward'][6]}件，均在《条例》规定的20个工作日内答复或依法延期答复。",
            "（三）政府信息管理情况。对照新《条例》，对1998年以来县政府及县政府办公室制发的规范性文件进行全面清理，共梳理文件312件。",
            "（四）平台建设情况。县政府门户网站设置“政府信息公开”专栏，开设一级栏目9个；县政务服务中心设置政府信息公开查阅点1个。",
        ],
        "problems": [
            "2019年我县政务公开工作取得了一定成效，但仍存在一些不足：一是部分乡镇和部门对新《条例》理解不深，主动公开的标准化程度不高；二是政策解读质量有待提升。",
            "2020年，我县将组织开展不少于2次的全县政务公开业务培训，并将政务公开工作纳入目标绩效考核，分值不低于4分。",
        ],
        "other": [
            "本年度我县依申请公开政府信息未收取任何费用。",
            "盐亭县人民政府办公室地址：盐亭县云溪镇凤灵路88号，邮编：621600。",
        ],
        "sign": "盐亭县人民政府办公室　2020年3月10日",
    }
    R.append(h3)

    # ---- T1: crawler text, every cell on its own line -------------------------------------
    t1 = Report(
        stem="tmpl_w3_t1_tongchuan2024",
        ext="txt",
        era="template2021",
        year=2024,
        level="township",
        issuer="三台县潼川镇人民政府",
        t2={
            "rules.issued": "0",
            "rules.repealed": "0",
            "rules.in_force": "0",
            "normative.issued": "0",
            "normative.repealed": "0",
            "normative.in_force": "0",
            "licensing.decisions": "127",
            "penalty.decisions": "38",
            "coercion.decisions": "2",
            "fees.amount": "0",
        },
        t3in={
            "new_received": [18, 2, 0, 0, 0, 0],
            "carried_over": [0, 0, 0, 0, 0, 0],
            "granted": [6, 1, 0, 0, 0, 0],
            "partially_granted": [2, 0, 0, 0, 0, 0],
            "withheld.third_party": [1, 0, 0, 0, 0, 0],
            "unable.not_held": [4, 1, 0, 0, 0, 0],
            "unable.needs_creation": [1, 0, 0, 0, 0, 0],
            "not_processed.petition": [2, 0, 0, 0, 0, 0],
            "other.other": [1, 0, 0, 0, 0, 0],
        },
        t4=[[1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0]],
        prose={},
        prose_figs=[
            ["proactive.total", None, 427],
            ["outreach.interpretations", None, 3],
            ["staff.total", None, 3],
            ["staff.full_time", None, 1],
            ["staff.part_time", None, 2],
            ["fees.collected", None, 0],
        ],
        notes=[
            "Crawler text: every table cell (header labels, row labels, values) on its own line, row-major, "
            "merged cells once; 三、本年度办理结果 and the group labels appear once before their first row.",
            "staff.* from 配备政务公开工作人员3名，其中专职1名、兼职2名.",
        ],
    )
    V = t1.t3_values()
    t1.prose = {
        "overall": [
            "2024年，潼川镇深入学习贯彻党的二十大和二十届二中、三中全会精神，严格落实《中华人民共和国政府信息公开条例》，聚焦群众关注的惠民惠农政策、征地拆迁、城镇建设等事项，推进基层政务公开标准化规范化。",
            "（一）主动公开。全年主动公开政府信息427条，发布政策解读3篇；在全镇24个村（社区）设置公开栏，及时公开低保、特困供养、耕地地力保护补贴等信息。",
            f"（二）依申请公开。全年新收政府信息公开申请{V['new_received'][6]}件，办结{V['total'][6]}件，"
            f"结转下年度{V['carried_forward'][6]}件。",
            "（三）政府信息管理。镇党政办配备政务公开工作人员3名，其中专职1名、兼职2名，落实信息发布“一事一审”。",
            "（四）监督保障。全年开展政务公开自查2次，对发现的问题逐项整改。",
        ],
        "problems": [
            "一是村（社区）公开栏信息更新不够及时；二是工作人员业务能力有待提高。2025年，我镇将每月通报1次公开栏更新情况，组织业务培训不少于2次。",
        ],
        "other": [
            "本年度未收取信息处理费。",
            "咨询电话：0816-5221234（工作日9:00-17:00）。",
        ],
        "sign": "三台县潼川镇人民政府　2025年1月20日",
    }
    R.append(t1)

    # ---- H4: full-width digits, blank cells meaning 0 ---------------------------------------
    def zero_h4(row, col):
        if row.startswith("t4."):
            return ""
        if col in ("research", "nonprofit"):
            return ""
        if row.startswith(("withheld.", "not_processed.")):
            return ""
        return "0"

    def labels_h4(key, lab):
        if key in ("h", "result", "group"):
            return lab
        if lab[:2] in {f"{i}." for i in range(1, 9)}:
            return fullwidth(lab[0]) + "." + lab[2:]
        return lab

    h4 = Report(
        stem="tmpl_w3_h4_anzhou2021",
        ext="html",
        era="template2021",
        year=2021,
        level="government",
        issuer="绵阳市安州区人民政府",
        t2={
            "rules.issued": "0",
            "rules.repealed": "0",
            "rules.in_force": "0",
            "normative.issued": "5",
            "normative.repealed": "2",
            "normative.in_force": "37",
            "licensing.decisions": "4286",
            "penalty.decisions": "1573",
            "coercion.decisions": "48",
            "fees.amount": "156.8",
        },
        t3in={
            "new_received": [132, 11, 0, 1, 3, 2],
            "carried_over": [4, 0, 0, 0, 0, 0],
            "granted": [52, 5, 0, 1, 1, 1],
            "partially_granted": [13, 1, 0, 0, 0, 0],
            "withheld.prohibited_by_law": [1, 0, 0, 0, 0, 0],
            "withheld.third_party": [3, 0, 0, 0, 0, 0],
            "withheld.process_info": [5, 1, 0, 0, 0, 0],
            "withheld.enforcement_files": [2, 0, 0, 0, 0, 0],
            "unable.not_held": [33, 2, 0, 0, 1, 1],
            "unable.needs_creation": [4, 0, 0, 0, 0, 0],
            "unable.still_unclear": [3, 0, 0, 0, 0, 0],
            "not_processed.petition": [9, 1, 0, 0, 0, 0],
            "not_processed.repeated": [4, 0, 0, 0, 0, 0],
            "not_processed.confirmation": [1, 0, 0, 0, 0, 0],
            "other.no_correction": [2, 0, 0, 0, 0, 0],
            "other.other": [1, 0, 0, 0, 1, 0],
        },
        t4=[[5, 1, 2, 1], [2, 0, 1, 0], [0, 0, 0, 0]],
        zero=zero_h4,
        label_fn=labels_h4,
        digits=fullwidth,
        prose={},
        prose_figs=[
            ["proactive.total", None, 6832],
            ["outreach.press_conferences", None, 12],
            ["outreach.interpretations", None, 58],
            ["fees.collected", None, 800],
        ],
        notes=[
            "Every digit in the page is full-width (tables, enumerators １.属于国家秘密, prose 主动公开政府信息６８３２条); "
            "t2.fees.amount printed １５６．８ (full-width decimal point) = 156.8 万元.",
            "Blank cells mean 0: the 科研机构 and 社会公益组织 columns' zeros, every zero in the 不予公开 and "
            "不予处理 rows, and every zero of table 4 (the 复议后起诉 group is entirely blank, 总计 included). "
            "No blank 总计 sits in a row with non-zero applicant cells. All template cells are listed, blanks as 0.",
        ],
    )
    V = h4.t3_values()
    F = fullwidth
    h4.prose = {
        "overall": [
            F("2021年，安州区坚持以习近平新时代中国特色社会主义思想为指导，认真落实《中华人民共和国政府信息公开条例》和省、市政务公开工作部署，围绕建党100周年、乡村振兴、疫情防控等重点工作，推进政务公开提质增效。"),
            F("（一）主动公开。全年主动公开政府信息6832条，召开新闻发布会12场，发布政策解读58篇，其中图解、视频等多元化解读21篇。"),
            F(
                f"（二）依申请公开。全年新收政府信息公开申请{V['new_received'][6]}件，上年结转{V['carried_over'][6]}件，"
                f"办结{V['total'][6]}件，结转下年度继续办理{V['carried_forward'][6]}件。"
            ),
            F("（三）政府信息管理。对2016年以来区政府制发的规范性文件进行清理，废止2件。"),
            F("（四）平台建设。优化区政府门户网站政府信息公开专栏，整合政务新媒体账号7个。"),
            F("（五）监督保障。将政务公开纳入全区目标绩效考核，全年通报2次。"),
        ],
        "problems": [
            F("一是政策解读的针对性和可读性有待提升；二是部分乡镇政务公开专区建设不够规范。2022年，我区将开展政务公开专项培训3期，推动全区20个乡镇（街道）专区规范化建设。"),
        ],
        "other": [
            F("本年度全区共收取信息处理费800元。"),
            F("联系电话：0816-4336078。"),
        ],
        "sign": F("绵阳市安州区人民政府办公室　2022年3月28日"),
    }
    R.append(h4)
    return R


# --------------------------------------------------------------------------------------------
# writers


def html_page(*, r: Report, charset: str, site: str, crumbs: list[str], pubdate: str, body: str, style: int) -> str:
    t = title(r)
    crumb = " &gt; ".join(f'<a href="../{i}/">{c}</a>' for i, c in enumerate(crumbs))
    if style == 1:  # TRS-like CMS with Word-exported content
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<meta name="SiteName" content="{site}" />
<meta name="ColumnName" content="{crumbs[-1]}" />
<meta name="ArticleTitle" content="{t}" />
<meta name="PubDate" content="{pubdate}" />
<title>{t}</title>
<link href="/images/zwgk.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div id="top"><span>欢迎访问{site}！</span><a href="#">设为首页</a> | <a href="#">加入收藏</a> | <a href="#">English</a></div>
<div id="nav"><a href="/">首页</a><a href="#">走进{site[:5]}</a><a href="#">政务公开</a><a href="#">政务服务</a><a href="#">互动交流</a></div>
<div class="dqwz">您当前的位置：{crumb}</div>
<table class="xxgk_info" width="100%"><tr><td>索引号：</td><td>00892{r.year % 100:02d}3-4/{r.year + 1}-0011</td><td>发布机构：</td><td>{r.issuer}</td></tr>
<tr><td>公开方式：</td><td>主动公开</td><td>发布日期：</td><td>{pubdate}</td></tr></table>
<div class="article">
<h2 class="bt">{t}</h2>
<div class="TRS_Editor"><div class="Custom_UnionStyle">
{body}
</div></div>
</div>
<div class="bottom"><p>【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</p></div>
<div id="footer">主办：{site}办公室　网站标识码：5107030001　蜀ICP备05012345号　川公网安备 51070302000123号<br />地址：绵阳市{site[3:6]}　电话：0816-2221234</div>
</body>
</html>
"""
    return f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{t}-{site}</title>
<meta name="keywords" content="政府信息公开年报">
<style>.xxgk-table th,.xxgk-table td{{border:1px solid #999;padding:2px 4px}}</style>
</head>
<body>
<header class="site-header"><div class="logo">{site}</div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav></header>
<div class="breadcrumb">当前位置：{crumb}</div>
<main>
<article>
<h1>{t}</h1>
<div class="meta"><span>发布日期：{pubdate}</span><span>信息来源：{r.issuer}</span><span>访问量：<em id="visits">2318</em></span></div>
<section class="article-body">
{body}
</section>
</article>
<aside><h3>相关阅读</h3><ul><li><a href="#">{r.year - 1}年政府信息公开工作年度报告</a></li><li><a href="#">政府信息公开指南</a></li></ul></aside>
</main>
<footer><p>版权所有：{site}　技术支持：{site[:4]}大数据中心　联系电话：0816-4336078</p></footer>
</body>
</html>
"""


def body_paras(r: Report, tables: dict, *, para, head) -> str:
    parts = [para(intro(r)) if not r.digits else para(r.d(intro(r)))]
    parts.append(head(SEC[0]))
    parts += [para(x) for x in r.prose["overall"]]
    parts += [head(SEC[1]), tables["t2"], head(SEC[2]), tables["t3"], head(SEC[3]), tables["t4"]]
    parts.append(head(SEC[4]))
    parts += [para(x) for x in r.prose["problems"]]
    parts.append(head(SEC[5]))
    parts += [para(x) for x in r.prose["other"]]
    parts.append(para(r.prose["sign"]))
    return "\n".join(parts)


def mso_para(s: str) -> str:
    return (
        '<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt"><span style="font-size:16.0pt;'
        f'font-family:仿宋_GB2312">{esc(s)}</span></p>'
    )


def mso_head(s: str) -> str:
    return (
        '<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt"><span style="font-size:16.0pt;'
        f'font-family:黑体">{esc(s)}</span></p>'
    )


def write_h1(r: Report):
    keys = [k for k, _, _ in t3_defs(r.era)]
    cut = keys.index("withheld.internal_affairs") + 1
    part1 = t3_header(r, 3, "std") + t3_body(r, keys[:cut])
    part2 = t3_header(r, 3, "std") + t3_body(r, keys[cut:], blank_continued_group=True)
    for p in (part1, part2):
        grid_positions(p)
    t3 = "\n".join(
        [
            html_table_word(part1),
            '<p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:10.5pt">— 6 —</span></p>',
            '<br clear="all" style="page-break-before:always" />',
            '<p class="MsoNormal"><span style="font-size:12.0pt;font-family:仿宋_GB2312">（续表）</span></p>',
            html_table_word(part2),
        ]
    )
    tables = {
        "t2": html_table_word(t2_rows_2021(r)),
        "t3": t3,
        "t4": html_table_word(t4_rows_std(r)),
    }
    body = body_paras(r, tables, para=mso_para, head=mso_head)
    page = html_page(
        r=r,
        charset="utf-8",
        site="绵阳市涪城区人民政府",
        crumbs=["首页", "政务公开", "政府信息公开", "政府信息公开年报"],
        pubdate="2023-01-30",
        body=body,
        style=1,
    )
    (DOC_DIR / f"{r.stem}.html").write_text(page, encoding="utf-8")


def write_h2(r: Report):
    P = lambda s: f"<p>{esc(s)}</p>"  # noqa: E731
    Hd = lambda s: f"<h3>{esc(s)}</h3>"  # noqa: E731
    t4l = ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", f"总{NB_}计"]
    t4 = t4_rows_std(r, labels=t4l)
    t4[0][1].text = f"行政{NB_}诉讼"
    tables = {
        "t2": html_table_th(t2_rows_2021(r, fee_header="本年收费金额\n（单位：万元）"), 2, "xxgk-table"),
        "t3": html_table_th(t3_rows(r), 3, "xxgk-table"),
        "t4": html_table_th(t4, 3, "xxgk-table"),
    }
    body = body_paras(r, tables, para=P, head=Hd)
    page = html_page(
        r=r,
        charset="utf-8",
        site="北川羌族自治县人民政府",
        crumbs=["首页", "政务公开", "乡镇政务公开", "曲山镇", "政府信息公开年报"],
        pubdate="2024-01-22 16:18",
        body=body,
        style=2,
    )
    (DOC_DIR / f"{r.stem}.html").write_text(page, encoding="utf-8")


NB_ = "\u00a0"


def write_d1(r: Report):
    import docx
    from docx.shared import Pt

    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "仿宋_GB2312"
    st.font.size = Pt(12)
    d.add_paragraph(title(r)).alignment = 1
    d.add_paragraph(intro(r))
    d.add_heading(SEC[0], level=2)
    for x in r.prose["overall"]:
        d.add_paragraph(x)
    d.add_heading(SEC[1], level=2)
    rows = t2_rows_2021(r)
    # four separate tables, one per 第二十条 item (each starts at a section row)
    starts = [i for i, row in enumerate(rows) if row[0].text.startswith("第二十条")]
    for a, b in zip(starts, starts[1:] + [len(rows)]):
        docx_table(d, rows[a:b], font_pt=9)
        d.add_paragraph("")
    d.add_heading(SEC[2], level=2)
    d.add_paragraph("单位：件")
    docx_table(d, t3_rows(r))
    d.add_heading(SEC[3], level=2)
    docx_table(d, t4_rows_three_level(r, ["结果维持", "结果纠正", "其他结果", "未审结", "总计"]))
    d.add_heading(SEC[4], level=2)
    for x in r.prose["problems"]:
        d.add_paragraph(x)
    d.add_heading(SEC[5], level=2)
    for x in r.prose["other"]:
        d.add_paragraph(x)
    d.add_paragraph(r.prose["sign"]).alignment = 2
    d.core_properties.title = title(r)
    d.core_properties.author = "zjj"
    d.save(DOC_DIR / f"{r.stem}.docx")


def write_h3(r: Report):
    P = lambda s: f'<p style="text-indent:2em">{esc(s)}</p>'  # noqa: E731
    Hd = lambda s: f"<p><b>{esc(s)}</b></p>"  # noqa: E731
    keys = [k for k, _, _ in t3_defs(r.era)]
    t3 = t3_header(r, 3, "flat") + t3_body(r, keys)
    tables = {
        "t2": html_table_plain(t2_rows_2019(r)),
        "t3": html_table_plain(t3),
        "t4": html_table_plain(t4_rows_transposed(r)),
    }
    body = body_paras(r, tables, para=P, head=Hd)
    page = html_page(
        r=r,
        charset="utf-8",
        site="盐亭县人民政府",
        crumbs=["首页", "信息公开", "法定主动公开内容", "政府信息公开年报"],
        pubdate="2020-03-10",
        body=body,
        style=1,
    )
    (DOC_DIR / f"{r.stem}.html").write_text(page, encoding="utf-8")


def write_t1(r: Report):
    lines = [
        "三台县人民政府",
        "首页",
        "政务公开",
        "政务服务",
        "互动交流",
        "当前位置：首页 > 政务公开 > 乡镇政务公开 > 潼川镇 > 政府信息公开年报",
        title(r),
        "发布时间：2025-01-20 10:05",
        "来源：潼川镇",
        "浏览次数：",
        "486",
        "【大 中 小】",
        intro(r),
        SEC[0],
        *r.prose["overall"],
        SEC[1],
        *one_per_line(t2_rows_2021(r)),
        SEC[2],
        *one_per_line(t3_rows(r)),
        SEC[3],
        *one_per_line(t4_rows_std(r)),
        SEC[4],
        *r.prose["problems"],
        SEC[5],
        *r.prose["other"],
        r.prose["sign"],
        "分享到：",
        "打印本页",
        "关闭窗口",
        "主办：三台县人民政府办公室",
        "网站标识码：5107220001",
    ]
    (DOC_DIR / f"{r.stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_h4(r: Report):
    P = lambda s: f"<p>{esc(s)}</p>"  # noqa: E731
    Hd = lambda s: f"<p><strong>{esc(s)}</strong></p>"  # noqa: E731
    tables = {
        "t2": html_table_plain(t2_rows_2021(r), attrs='border="1" cellspacing="0" width="100%"'),
        "t3": html_table_plain(t3_rows(r), attrs='border="1" cellspacing="0" width="100%"'),
        "t4": html_table_plain(t4_rows_two_level(r), attrs='border="1" cellspacing="0" width="100%"'),
    }
    body = body_paras(r, tables, para=P, head=Hd)
    page = html_page(
        r=r,
        charset="utf-8",
        site="绵阳市安州区人民政府",
        crumbs=["首页", "政务公开", "政府信息公开年报"],
        pubdate="2022-03-28 09:41",
        body=body,
        style=2,
    )
    (DOC_DIR / f"{r.stem}.html").write_text(page, encoding="utf-8")


WRITERS = {
    "tmpl_w3_h1_fucheng2022": write_h1,
    "tmpl_w3_h2_qushan2023": write_h2,
    "tmpl_w3_d1_ztzj2020": write_d1,
    "tmpl_w3_h3_yanting2019": write_h3,
    "tmpl_w3_t1_tongchuan2024": write_t1,
    "tmpl_w3_h4_anzhou2021": write_h4,
}


def main():
    DOC_DIR.mkdir(parents=True, exist_ok=True)
    EXP_DIR.mkdir(parents=True, exist_ok=True)
    for r in build_reports():
        WRITERS[r.stem](r)
        exp = expected(r)
        bad = failed_checks(r)
        want = [c for c in r.failing_checks if c in "1234"]
        assert bad == want, (r.stem, bad, want)
        (EXP_DIR / f"{r.stem}.json").write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(r.stem, len(exp["figures"]), "failing", bad)


if __name__ == "__main__":
    main()
