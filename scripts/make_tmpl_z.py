#!/usr/bin/env python3
"""Generate the held-out template-era test set fixtures/documents/tmpl_z_* and fixtures/expected_z/.

    .venv/bin/python scripts/make_tmpl_z.py

Twelve invented 政府信息公开工作年度报告 (2019 and 2021 templates, report years 2019-2024) in
layouts unlike the development fixtures: six CMS-style HTML pages (two GBK-encoded, one of them
with a wrong meta charset), two DOCX files with real horizontal and vertical merges, two
crawler-flattened texts with cells separated by spaces / tabs, and two flattened texts with the
cells of a row run together (chosen so the 勾稽关系 make the split unique; checked here).

Every table is built once as rows of (text, rowspan, colspan) cells and rendered to HTML, DOCX or
flattened text, so the expected figures come from the same numbers as the document. Expected
figures follow the gold conventions: every t2/t3/t4 cell of the template, the derived
requests.* / reviews.* / lawsuits.* keys, and the prose keys stated in the text.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path

from template_gold import APPL_LABELS, COLS, T4_COLS, T4_GROUPS, T4_LABELS, derived_figures

ROOT = Path(__file__).resolve().parent.parent
DOC_DIR = ROOT / "fixtures" / "documents"
EXP_DIR = ROOT / "fixtures" / "expected_z"


# (key, group label or None, label, inside 三、本年度办理结果)
T3_COMMON_HEAD = [
    ("new_received", None, "一、本年新收政府信息公开申请数量", False),
    ("carried_over", None, "二、上年结转政府信息公开申请数量", False),
    ("granted", None, "（一）予以公开", True),
    ("partially_granted", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", True),
    ("withheld.state_secret", "（三）不予公开", "1.属于国家秘密", True),
    ("withheld.prohibited_by_law", "（三）不予公开", "2.其他法律行政法规禁止公开", True),
    ("withheld.three_security", "（三）不予公开", "3.危及“三安全一稳定”", True),
    ("withheld.third_party", "（三）不予公开", "4.保护第三方合法权益", True),
    ("withheld.internal_affairs", "（三）不予公开", "5.属于三类内部事务信息", True),
    ("withheld.process_info", "（三）不予公开", "6.属于四类过程性信息", True),
    ("withheld.enforcement_files", "（三）不予公开", "7.属于行政执法案卷", True),
    ("withheld.query_matters", "（三）不予公开", "8.属于行政查询事项", True),
    ("unable.not_held", "（四）无法提供", "1.本机关不掌握相关政府信息", True),
    ("unable.needs_creation", "（四）无法提供", "2.没有现成信息需要另行制作", True),
    ("unable.still_unclear", "（四）无法提供", "3.补正后申请内容仍不明确", True),
    ("not_processed.petition", "（五）不予处理", "1.信访举报投诉类申请", True),
    ("not_processed.repeated", "（五）不予处理", "2.重复申请", True),
    ("not_processed.publications", "（五）不予处理", "3.要求提供公开出版物", True),
    ("not_processed.excessive", "（五）不予处理", "4.无正当理由大量反复申请", True),
    ("not_processed.confirmation", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", True),
]
T3_OTHER_2021 = [
    (
        "other.no_correction",
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        True,
    ),
    (
        "other.unpaid_fee",
        "（六）其他处理",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        True,
    ),
    ("other.other", "（六）其他处理", "3.其他", True),
]
T3_OTHER_2019 = [("other", None, "（六）其他处理", True)]
T3_TAIL = [
    ("total", None, "（七）总计", True),
    ("carried_forward", None, "四、结转下年度继续办理", False),
]


def t3_rows(era: str):
    mid = T3_OTHER_2021 if era == "template2021" else T3_OTHER_2019
    return [list(r) for r in T3_COMMON_HEAD + mid + T3_TAIL]


OUTCOME_KEYS_PREFIX = ("granted", "partially_granted", "withheld.", "unable.", "not_processed.", "other")


def is_outcome(key: str) -> bool:
    return key.startswith(OUTCOME_KEYS_PREFIX)




# --------------------------------------------------------------------------------------------
# report data


@dataclass
class Report:
    stem: str
    ext: str
    era: str
    year: int
    level: str
    issuer: str
    t2: dict  # metric suffix -> printed string
    t3in: dict  # row key -> six applicant ints (outcomes, new_received, carried_over)
    t4: list  # 3 groups x 4 outcome ints; totals computed
    prose: dict  # name -> text of sections
    prose_figs: list  # [metric, dim, value]
    zero: object = "0"  # printed form of zero: str or callable(row, col) -> str
    label_fn: object = None  # callable(key, label) -> label
    group_fn: object = None  # callable(group) -> group label
    t3_print_override: dict = field(default_factory=dict)  # (row, col) -> printed string
    t4_print_override: dict = field(default_factory=dict)  # (group, col) -> printed string
    failing_checks: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    # ---- derived table 3 -------------------------------------------------------------
    def t3_values(self) -> dict:
        """Row key -> 7 true ints (applicant cells + total), before printing overrides."""
        rows = t3_rows(self.era)
        vals = {}
        for key, *_ in rows:
            if key in ("total", "carried_forward"):
                continue
            a = self.t3in.get(key, [0] * 6)
            vals[key] = list(a) + [sum(a)]
        tot = [sum(vals[k][i] for k, *_ in rows if is_outcome(k)) for i in range(7)]
        vals["total"] = tot
        cf = [vals["new_received"][i] + vals["carried_over"][i] - tot[i] for i in range(7)]
        assert min(cf) >= 0, (self.stem, cf)
        vals["carried_forward"] = cf
        return vals

    def t3_printed(self) -> dict:
        vals = self.t3_values()
        out = {}
        for key, v in vals.items():
            row = []
            for i, col in enumerate(COLS):
                if (key, col) in self.t3_print_override:
                    row.append(self.t3_print_override[(key, col)])
                elif v[i] == 0:
                    z = self.zero(key, col) if callable(self.zero) else self.zero
                    row.append(z)
                else:
                    row.append(str(v[i]))
            out[key] = row
        return out

    def t4_printed(self) -> dict:
        out = {}
        for g, four in zip(T4_GROUPS, self.t4):
            vals = list(four) + [sum(four)]
            row = []
            for c, v in zip(T4_COLS, vals):
                if (g, c) in self.t4_print_override:
                    row.append(self.t4_print_override[(g, c)])
                elif v == 0:
                    z = self.zero("t4", c) if callable(self.zero) else self.zero
                    row.append(z)
                else:
                    row.append(str(v))
            out[g] = row
        return out

    def label(self, key, label):
        return self.label_fn(key, label) if self.label_fn else label

    def group(self, g):
        return self.group_fn(g) if self.group_fn else g


def num(s: str) -> float:
    s = s.strip().replace(",", "").replace("，", "")
    for u in ("万元", "元", "件", "项", "个"):
        if s.endswith(u):
            s = s[: -len(u)]
    if s in ("", "/", "—", "－", "-", "无", "——"):
        return 0
    v = float(s)
    return int(v) if v == int(v) else v


def expected(r: Report) -> dict:
    figs = []
    # table 2
    for k, v in r.t2.items():
        figs.append(["t2." + k, None, num(v)])
    # table 3 as printed; blank 总计 with non-zero applicant cells -> row sum
    pr = r.t3_printed()
    t3 = {}
    for key, *_ in t3_rows(r.era):
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
    return {
        "year": r.year,
        "era": r.era,
        "level": r.level,
        "figures": figs,
        "failing_checks": r.failing_checks,
        "notes": r.notes,
    }


# --------------------------------------------------------------------------------------------
# table layouts: rows of cells (text, rowspan, colspan)


def C(text, rs=1, cs=1):
    return (str(text), rs, cs)


T2_HEAD_2021 = ["本年制发件数", "本年废止件数", "现行有效件数"]
T2_HEAD_2019 = ["本年新制作数量", "本年新公开数量", "对外公开总数量"]
T2_HEAD_2019_B = ["上一年项目数量", "本年增/减", "处理决定数量"]


def t2_rows(
    r: Report,
    *,
    wide_label=False,
    item_word="信息内容",
    normative_label=None,
    fee_header="本年收费金额（单位：万元）",
    procurement_header=("采购项目数量", "采购总金额"),
):
    """Table 2 in the official 4-column shape (label + 3)."""
    p = r.t2
    rows = []
    sec = lambda s: rows.append([C(s, 1, 4)])
    if r.era == "template2021":
        sec("第二十条第（一）项")
        rows.append([C(item_word)] + [C(h) for h in T2_HEAD_2021])
        rows.append([C("规章")] + [C(p[f"rules.{c}"]) for c in ("issued", "repealed", "in_force")])
        rows.append(
            [C(normative_label or "行政规范性文件")]
            + [C(p[f"normative.{c}"]) for c in ("issued", "repealed", "in_force")]
        )
        sec("第二十条第（五）项")
        rows.append([C(item_word), C("本年处理决定数量", 1, 3)])
        rows.append([C("行政许可"), C(p["licensing.decisions"], 1, 3)])
        sec("第二十条第（六）项")
        rows.append([C(item_word), C("本年处理决定数量", 1, 3)])
        rows.append([C("行政处罚"), C(p["penalty.decisions"], 1, 3)])
        rows.append([C("行政强制"), C(p["coercion.decisions"], 1, 3)])
        sec("第二十条第（八）项")
        rows.append([C(item_word), C(fee_header, 1, 3)])
        rows.append([C("行政事业性收费"), C(p["fees.amount"], 1, 3)])
    else:
        sec("第二十条第（一）项")
        rows.append([C(item_word)] + [C(h) for h in T2_HEAD_2019])
        rows.append(
            [C("规章")] + [C(p[f"rules.{c}"]) for c in ("new_made", "new_published", "total_published")]
        )
        rows.append(
            [C(normative_label or "规范性文件")]
            + [C(p[f"normative.{c}"]) for c in ("new_made", "new_published", "total_published")]
        )
        sec("第二十条第（五）项")
        rows.append([C(item_word)] + [C(h) for h in T2_HEAD_2019_B])
        for lab, k in (("行政许可", "licensing"), ("其他对外管理服务事项", "other_services")):
            rows.append([C(lab)] + [C(p[f"{k}.{c}"]) for c in ("prev_items", "change", "decisions")])
        sec("第二十条第（六）项")
        rows.append([C(item_word)] + [C(h) for h in T2_HEAD_2019_B])
        for lab, k in (("行政处罚", "penalty"), ("行政强制", "coercion")):
            rows.append([C(lab)] + [C(p[f"{k}.{c}"]) for c in ("prev_items", "change", "decisions")])
        sec("第二十条第（八）项")
        rows.append([C(item_word), C("上一年项目数量"), C("本年增/减", 1, 2)])
        rows.append([C("行政事业性收费"), C(p["fees.prev_items"]), C(p["fees.change"], 1, 2)])
        sec("第二十条第（九）项")
        rows.append([C(item_word), C(procurement_header[0]), C(procurement_header[1], 1, 2)])
        rows.append([C("政府集中采购"), C(p["procurement.projects"]), C(p["procurement.amount"], 1, 2)])
    return rows


def t3_rows_layout(
    r: Report, style: str, *, applicant_header=True, corp_rowspan=False, result_label="三、本年度办理结果"
):
    """style A: three label columns (三、本年度办理结果 rowspan, groups rowspan);
    style C: two label columns, 三、本年度办理结果 as a full-width row;
    style B: one label column, group labels as their own rows with empty cells."""
    pr = r.t3_printed()
    rows_def = t3_rows(r.era)
    nlab = {"A": 3, "C": 2, "B": 1}[style]
    width = nlab + 7
    rows = []
    corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    if applicant_header:
        rows.append([C(corner, 3, nlab), C("申请人情况", 1, 7)])
        if corp_rowspan:
            # 法人或其他组织 printed over the five columns, 自然人/总计 spanning two rows
            rows.append(
                [
                    C(r.label("h", "自然人"), 2),
                    C(r.label("h", "法人或其他组织"), 1, 5),
                    C(r.label("h", "总计"), 2),
                ]
            )
        else:
            rows.append(
                [
                    C(r.label("h", "自然人"), 2),
                    C(r.label("h", "法人或其他组织"), 1, 5),
                    C(r.label("h", "总计"), 2),
                ]
            )
        rows.append([C(r.label("h", x)) for x in APPL_LABELS[1:]])
    else:
        rows.append(
            [
                C("项目", 2, nlab),
                C(r.label("h", "自然人"), 2),
                C(r.label("h", "法人或其他组织"), 1, 5),
                C(r.label("h", "总计"), 2),
            ]
        )
        rows.append([C(r.label("h", x)) for x in APPL_LABELS[1:]])

    n_results = sum(1 for d in rows_def if d[3])
    groups = {}
    for key, g, lab, inres in rows_def:
        if g:
            groups[g] = groups.get(g, 0) + 1
    seen_groups = set()
    first_result = True
    for key, g, lab, inres in rows_def:
        lab = r.label(key, lab)
        vals = [C(x) for x in pr[key]]
        if style == "A":
            cells = []
            if inres and first_result:
                cells.append(C(result_label, n_results))
                first_result = False
            if not inres:
                cells.append(C(lab, 1, 3))
            elif g is None:
                cells.append(C(lab, 1, 2))
            else:
                if g not in seen_groups:
                    cells.append(C(r.group(g), groups[g]))
                    seen_groups.add(g)
                cells.append(C(lab))
            rows.append(cells + vals)
        elif style == "C":
            if inres and first_result:
                rows.append([C(result_label, 1, width)])
                first_result = False
            cells = []
            if g is None:
                cells.append(C(lab, 1, 2))
            else:
                if g not in seen_groups:
                    cells.append(C(r.group(g), groups[g]))
                    seen_groups.add(g)
                cells.append(C(lab))
            rows.append(cells + vals)
        else:  # B
            if inres and first_result:
                rows.append([C(result_label)] + [C("") for _ in range(7)])
                first_result = False
            if g is not None and g not in seen_groups:
                rows.append([C(r.group(g))] + [C("") for _ in range(7)])
                seen_groups.add(g)
            rows.append([C(lab)] + vals)
    return rows


def t4_rows_layout(r: Report, style: str):
    """style 3: the official three-level header; style 2: two-level header, 15 cells in one row."""
    p = r.t4_printed()
    vals = [C(x) for g in T4_GROUPS for x in p[g]]
    if style == "3":
        return [
            [C("行政复议", 1, 5), C("行政诉讼", 1, 10)],
            [C(l, 2) for l in T4_LABELS] + [C("未经复议直接起诉", 1, 5), C("复议后起诉", 1, 5)],
            [C(l) for l in T4_LABELS] + [C(l) for l in T4_LABELS],
            vals,
        ]
    return [
        [C("行政复议", 1, 5), C("行政诉讼（未经复议直接起诉）", 1, 5), C("行政诉讼（复议后起诉）", 1, 5)],
        [C(l) for l in T4_LABELS] * 3,
        vals,
    ]


# --------------------------------------------------------------------------------------------
# renderers


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_table(
    rows, *, attrs='border="1" cellspacing="0" cellpadding="0" width="100%"', br_label=None, cell_style=""
):
    out = [f"<table {attrs}>", "<tbody>"]
    for row in rows:
        out.append("<tr>")
        for text, rs, cs in row:
            a = ""
            if rs > 1:
                a += f' rowspan="{rs}"'
            if cs > 1:
                a += f' colspan="{cs}"'
            t = esc(text)
            if br_label and text == br_label:
                t = "<br/>".join(esc(ch) for ch in text)
            inner = f'<p style="text-align:center">{t}</p>' if cell_style == "p" else t
            out.append(f'<td{a} valign="middle">{inner}</td>')
        out.append("</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def flat_rows(rows, sep: str) -> list[str]:
    return [sep.join(t for t, _, _ in row) for row in rows]


def glued_rows(rows) -> str:
    """Crawler text with the cells of each row run together, rows run together too."""
    return "".join("".join(t for t, _, _ in row) for row in rows)


def grid_positions(rows):
    """Yield (r, c, text, rs, cs) for HTML-style rows (origin cells only)."""
    occ = set()
    out = []
    for ri, row in enumerate(rows):
        ci = 0
        for text, rs, cs in row:
            while (ri, ci) in occ:
                ci += 1
            out.append((ri, ci, text, rs, cs))
            for dr in range(rs):
                for dc in range(cs):
                    occ.add((ri + dr, ci + dc))
            ci += cs
    nrows = len(rows)
    ncols = max(c + cs for _, c, _, _, cs in out)
    return out, nrows, ncols


def docx_table(doc, rows):
    from docx.shared import Pt

    cells, nr, nc = grid_positions(rows)
    tbl = doc.add_table(rows=nr, cols=nc)
    tbl.style = "Table Grid"
    for ri, ci, text, rs, cs in cells:
        a = tbl.cell(ri, ci)
        if rs > 1 or cs > 1:
            a = a.merge(tbl.cell(ri + rs - 1, ci + cs - 1))
        a.text = text
        for p in a.paragraphs:
            for run in p.runs:
                run.font.size = Pt(9)
    return tbl


# --------------------------------------------------------------------------------------------
# HTML page chrome


def html_page(
    *,
    charset_meta: str,
    site: str,
    title: str,
    crumbs: list[str],
    pubdate: str,
    source: str,
    body: str,
    footer: str,
    variant: int,
) -> str:
    nav = "".join(
        f'<li><a href="/{i}/">{n}</a></li>'
        for i, n in enumerate(["首页", "政务公开", "政务服务", "互动交流", "走进" + site[:2]])
    )
    crumb = " &gt; ".join(f'<a href="#">{c}</a>' for c in crumbs)
    if variant == 1:
        head_meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset_meta}">'
    else:
        head_meta = f'<meta charset="{charset_meta}">'
    return f"""<!DOCTYPE html>
<html>
<head>
{head_meta}
<meta name="SiteName" content="{site}">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{pubdate}">
<title>{title}_{crumbs[-1]}_{site}</title>
<link rel="stylesheet" href="/css/common.css">
<script src="/js/jquery-1.11.3.min.js"></script>
<script>var _hmt = _hmt || []; var siteCode = "3705000012";</script>
</head>
<body>
<div class="top"><div class="w1200"><span>今天是：<script>document.write(new Date().toLocaleDateString());</script></span>
<a href="#">无障碍浏览</a> <a href="#">长者模式</a> <a href="#">繁體</a></div></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="{site}"></div>
<div class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></div></div>
<div class="nav"><ul>{nav}</ul></div>
<div class="position">当前位置：{crumb}</div>
<div class="article">
<h1 class="title">{title}</h1>
<div class="info">发布时间：{pubdate}　来源：{source}　浏览次数：<span id="hits">1862</span>　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div class="content" id="zoom">
{body}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a>　<a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="#">{int(pubdate[:4]) - 2}年度政府信息公开工作年度报告</a></li>
<li><a href="#">{int(pubdate[:4]) - 3}年度政府信息公开工作年度报告</a></li></ul></div>
</div>
<div class="footer"><p>{footer}</p></div>
</body>
</html>
"""


def P(text):
    return f"<p>{esc(text)}</p>"


def html_body(r: Report, intro: str, t2: str, t3: str, t4: str, heading_tag="p") -> str:
    h = lambda s: f"<{heading_tag}><strong>{esc(s)}</strong></{heading_tag}>"
    parts = [P(intro), h("一、总体情况")] + [P(x) for x in r.prose["overall"]]
    parts += [h("二、主动公开政府信息情况"), t2]
    parts += [h("三、收到和处理政府信息公开申请情况"), t3]
    parts += [h("四、政府信息公开行政复议、行政诉讼情况"), t4]
    parts += [h("五、政府信息公开工作存在的主要问题及改进情况")] + [P(x) for x in r.prose["problems"]]
    parts += [h("六、其他需要报告的事项")] + [P(x) for x in r.prose["other"]]
    parts += [P(r.prose.get("sign", ""))]
    return "\n".join(parts)


# --------------------------------------------------------------------------------------------
# the twelve reports


def labels_h2(key, lab):
    # 2019 department page: 1、 enumerators, misprinted 其他法律…, 三安全一稳定 without quotes
    if key == "withheld.prohibited_by_law":
        return "2、其他法律行政法规禁止公开"
    if key == "withheld.three_security":
        return "3、危及三安全一稳定"
    if key == "withheld.prohibited_by_law":
        return lab
    if lab[:2] in {f"{i}." for i in range(1, 9)}:
        return lab[0] + "、" + lab[2:]
    return lab


def labels_h3(key, lab):
    # half-width brackets, spaces inside labels
    rep = {"自然人": "自 然 人", "总计": "总  计", "法人或其他组织": "法人或其他组织"}
    if key == "h":
        return rep.get(lab, lab)
    lab = lab.replace("（", "(").replace("）", ")")
    if key == "withheld.prohibited_by_law":
        return "2.其他法律行政法规禁止 公开"
    if key == "total":
        return "(七)总  计"
    return lab


def labels_h4(key, lab):
    # abbreviated labels as some departments print them
    ab = {
        "new_received": "一、本年新收申请数量",
        "carried_over": "二、上年结转申请数量",
        "partially_granted": "（二）部分公开",
        "withheld.prohibited_by_law": "2.其他法律行政法规禁止公开",
        "withheld.three_security": '3.危及"三安全一稳定"',
        "withheld.internal_affairs": "5.属于三类内部事务",
        "withheld.process_info": "6.属于四类过程性信息",
        "unable.not_held": "1.本机关不掌握相关信息",
        "not_processed.confirmation": "5.要求确认或重新出具已获取信息",
        "other.no_correction": "1.逾期不补正",
        "other.unpaid_fee": "2.逾期未缴纳费用",
        "carried_forward": "四、结转下年度办理",
    }
    return ab.get(key, lab)


def labels_h5(key, lab):
    if key == "withheld.prohibited_by_law":
        return "2.其他法律行政法规禁止公示"  # misprint of 禁止公开
    if key == "withheld.three_security":
        return "3.危及‘三安全一稳定’"
    return lab


def labels_d2(key, lab):
    if key == "withheld.prohibited_by_law":
        return "2.其他法律法规禁止公开"
    if lab[:2] in {f"{i}." for i in range(1, 9)}:
        return lab[0] + "．" + lab[2:]
    return lab


def labels_t2(key, lab):
    if key == "withheld.three_security":
        return "3.危及三安全一稳定"
    return lab


def build_reports() -> list[Report]:
    R = []

    # ---- H1: 2021 template, district government, UTF-8, standard merges -------------------
    R.append(
        Report(
            stem="tmpl_z_h1_fengze2021",
            ext="html",
            era="template2021",
            year=2021,
            level="government",
            issuer="泉州市丰泽区人民政府",
            t2={
                "rules.issued": "0",
                "rules.repealed": "0",
                "rules.in_force": "0",
                "normative.issued": "7",
                "normative.repealed": "4",
                "normative.in_force": "38",
                "licensing.decisions": "4376",
                "penalty.decisions": "1893",
                "coercion.decisions": "57",
                "fees.amount": "312.46",
            },
            t3in={
                "new_received": [96, 14, 0, 1, 3, 2],
                "carried_over": [4, 1, 0, 0, 0, 0],
                "granted": [38, 6, 0, 1, 1, 1],
                "partially_granted": [9, 2, 0, 0, 0, 0],
                "withheld.third_party": [2, 0, 0, 0, 0, 0],
                "withheld.process_info": [3, 1, 0, 0, 0, 0],
                "withheld.enforcement_files": [1, 0, 0, 0, 0, 0],
                "unable.not_held": [25, 3, 0, 0, 1, 1],
                "unable.needs_creation": [2, 0, 0, 0, 0, 0],
                "unable.still_unclear": [3, 0, 0, 0, 0, 0],
                "not_processed.petition": [6, 1, 0, 0, 0, 0],
                "not_processed.repeated": [4, 0, 0, 0, 0, 0],
                "other.no_correction": [2, 0, 0, 0, 0, 0],
                "other.other": [1, 1, 0, 0, 0, 0],
            },
            t4=[[5, 1, 2, 1], [3, 0, 1, 2], [1, 0, 0, 1]],
            prose={
                "overall": [
                    "2021年，丰泽区坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》（国令第711号）和省、市政务公开工作部署，围绕区委、区政府中心工作，持续深化政务公开。",
                    "（一）主动公开。全年通过区政府门户网站主动公开政府信息3862条，其中区政府及区政府办公室文件71件。按照《泉州市丰泽区人民政府办公室关于做好2021年政务公开工作的通知》（丰政办〔2021〕12号）要求，各部门每月更新信息不少于4条。全年召开新闻发布会8场，发布政策解读46篇，开展3次政务公开专项检查。",
                    "（二）依申请公开。全年共收到政府信息公开申请116件，上年结转5件，均在法定的20个工作日内答复。",
                    "（三）政府信息管理。对2019年以前制发的规范性文件开展清理，进一步规范发文前公开属性源头认定。",
                    "（四）平台建设。完成区政府门户网站集约化迁移，网站全年访问量约126万人次。",
                    "（五）监督保障。将政务公开纳入年度绩效考核，分值占比3%。",
                ],
                "problems": [
                    "一是部分单位对政策解读重视不够，解读形式较为单一；二是依申请公开答复规范化水平有待提高。",
                    "2022年，我区将加强业务培训，计划全年举办培训2期，并对答复文书实行逐件审核。",
                ],
                "other": [
                    "本年度我区未收取政府信息公开信息处理费。我区无其他需要报告的事项。",
                    "联系电话：0595-22501234；地址：泉州市丰泽区丰泽街361号。",
                ],
                "sign": "泉州市丰泽区人民政府办公室　2022年1月20日",
            },
            notes=[
                "proactive.by_channel 政府网站 3862 from 通过区政府门户网站主动公开政府信息3862条 (as the js_ha2024 gold "
                "labels 市政府网站主动公开…5500余条 both ways). 其中区政府及区政府办公室文件71件 counts documents by "
                "issuer, not a proactive category: no key."
            ],
            prose_figs=[
                ["proactive.total", None, 3862],
                ["proactive.by_channel", "政府网站", 3862],
                ["outreach.press_conferences", None, 8],
                ["outreach.interpretations", None, 46],
                ["fees.collected", None, 0],
            ],
        )
    )

    # ---- H2: 2019 template, department, GBK with correct meta ----------------------------
    def zero_h2(row, col):
        if row.startswith("not_processed") or row == "other":
            return "/"
        if row.startswith("withheld") or row == "t4":
            return ""
        return "0"

    R.append(
        Report(
            stem="tmpl_z_h2_lwjy2019",
            ext="html",
            era="template2019",
            year=2019,
            level="department",
            issuer="漳州市龙文区教育局",
            t2={
                "rules.new_made": "0",
                "rules.new_published": "0",
                "rules.total_published": "0",
                "normative.new_made": "3",
                "normative.new_published": "3",
                "normative.total_published": "11",
                "licensing.prev_items": "12",
                "licensing.change": "-2",
                "licensing.decisions": "46",
                "other_services.prev_items": "5",
                "other_services.change": "0",
                "other_services.decisions": "318",
                "penalty.prev_items": "3",
                "penalty.change": "0",
                "penalty.decisions": "2",
                "coercion.prev_items": "0",
                "coercion.change": "0",
                "coercion.decisions": "0",
                "fees.prev_items": "1",
                "fees.change": "0",
                "procurement.projects": "6",
                "procurement.amount": "251000元",
            },
            t3in={
                "new_received": [14, 0, 0, 0, 1, 0],
                "carried_over": [1, 0, 0, 0, 0, 0],
                "granted": [6, 0, 0, 0, 1, 0],
                "partially_granted": [2, 0, 0, 0, 0, 0],
                "withheld.internal_affairs": [1, 0, 0, 0, 0, 0],
                "unable.not_held": [4, 0, 0, 0, 0, 0],
                "not_processed.petition": [1, 0, 0, 0, 0, 0],
            },
            t4=[[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
            zero=zero_h2,
            label_fn=labels_h2,
            prose={
                "overall": [
                    "2019年，区教育局认真贯彻落实新修订的《中华人民共和国政府信息公开条例》，按照区政府办《关于印发龙文区2019年政务公开工作要点的通知》（龙政办〔2019〕58号）要求，扎实推进教育领域信息公开。",
                    "全年在区政府门户网站“教育局”栏目主动公开政府信息412条，涉及招生入学、学校安全、教育收费等内容；对全区4所新建学校的学区划分进行公示，发布政策解读6篇。",
                    "全年新收政府信息公开申请15件，另有上年结转1件，均按时办结或依法延期。",
                ],
                "problems": [
                    "存在的问题：个别股室信息报送不及时，部分公开内容更新滞后。改进措施：明确各股室信息员，每季度通报1次信息报送情况。",
                ],
                "other": ["无。"],
                "sign": "漳州市龙文区教育局　2020年1月15日（咨询电话：0596-2671234）",
            },
            prose_figs=[
                ["proactive.total", None, 412],
                ["proactive.by_channel", "政府网站", 412],
                ["outreach.interpretations", None, 6],
            ],
            notes=[
                "六、其他需要报告的事项 is 无: no fees.collected (as in the 2019 gold).",
                "Zeros printed as blank (不予公开 rows, table 4) and / (不予处理, 其他处理).",
            ],
        )
    )

    # ---- H3: 2021 template, township, GBK bytes but meta says utf-8; blank 总计 ------------
    R.append(
        Report(
            stem="tmpl_z_h3_xiqiao2022",
            ext="html",
            era="template2021",
            year=2022,
            level="township",
            issuer="佛山市南海区西樵镇人民政府",
            t2={
                "rules.issued": "—",
                "rules.repealed": "—",
                "rules.in_force": "—",
                "normative.issued": "—",
                "normative.repealed": "—",
                "normative.in_force": "2",
                "licensing.decisions": "1,268",
                "penalty.decisions": "436",
                "coercion.decisions": "19",
                "fees.amount": "—",
            },
            t3in={
                "new_received": [21, 2, 0, 0, 0, 0],
                "carried_over": [0, 0, 0, 0, 0, 0],
                "granted": [8, 1, 0, 0, 0, 0],
                "partially_granted": [2, 0, 0, 0, 0, 0],
                "withheld.third_party": [1, 0, 0, 0, 0, 0],
                "unable.not_held": [7, 1, 0, 0, 0, 0],
                "not_processed.repeated": [1, 0, 0, 0, 0, 0],
                "other.other": [1, 0, 0, 0, 0, 0],
            },
            t4=[[1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 0]],
            zero="—",
            label_fn=labels_h3,
            t3_print_override={("granted", "total"): ""},
            prose={
                "overall": [
                    "2022年，西樵镇在区委、区政府的正确领导下，坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。",
                    "（一）主动公开情况。本年度通过镇政府网站、“西樵发布”微信公众号等平台主动公开政府信息1,206条。及时回应公众关注热点5次。镇政务服务中心设置政府信息公开查阅点1个，开放时间为工作日8:30-12:00。",
                    "（二）依申请公开情况。全年收到政府信息公开申请23件，办结22件，1件结转下年度办理。",
                ],
                "problems": [
                    "主要问题是镇属村（居）公开栏更新不够及时。2023年将每月开展1次巡查，确保32个村（社区）公开栏按时更新。",
                ],
                "other": [
                    "本年度收取信息处理费0元。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本镇未发生收费情形。",
                ],
                "sign": "佛山市南海区西樵镇人民政府　2023年1月28日　联系电话：0757-86881234",
            },
            prose_figs=[
                ["proactive.total", None, 1206],
                ["outreach.hot_responses", None, 5],
                ["fees.collected", None, 0],
            ],
            notes=[
                "Page bytes are GBK while <meta charset> says utf-8.",
                "（一）予以公开 row prints a blank 总计 with non-zero applicant cells: stored as the row sum 9 plus a finding.",
                "Zeros printed as —.",
            ],
        )
    )

    # ---- H4: 2021 template, department, group-header rows, abbreviated labels ---------------
    def zero_h4(row, col):
        if row.startswith(("withheld", "not_processed", "other")):
            return "无"
        return "0"

    R.append(
        Report(
            stem="tmpl_z_h4_syzj2023",
            ext="html",
            era="template2021",
            year=2023,
            level="department",
            issuer="绍兴市上虞区住房和城乡建设局",
            t2={
                "rules.issued": "0",
                "rules.repealed": "0",
                "rules.in_force": "0",
                "normative.issued": "2",
                "normative.repealed": "1",
                "normative.in_force": "9",
                "licensing.decisions": "2870",
                "penalty.decisions": "164",
                "coercion.decisions": "0",
                "fees.amount": "18.9",
            },
            t3in={
                "new_received": [57, 6, 0, 0, 2, 1],
                "carried_over": [3, 0, 0, 0, 0, 0],
                "granted": [19, 3, 0, 0, 1, 0],
                "partially_granted": [6, 1, 0, 0, 0, 0],
                "withheld.three_security": [1, 0, 0, 0, 0, 0],
                "withheld.process_info": [2, 0, 0, 0, 0, 0],
                "unable.not_held": [17, 1, 0, 0, 1, 1],
                "unable.still_unclear": [2, 0, 0, 0, 0, 0],
                "not_processed.repeated": [3, 0, 0, 0, 0, 0],
                "not_processed.confirmation": [1, 0, 0, 0, 0, 0],
                "other.no_correction": [4, 0, 0, 0, 0, 0],
                "other.unpaid_fee": [1, 0, 0, 0, 0, 0],
                "other.other": [2, 1, 0, 0, 0, 0],
            },
            t4=[[3, 1, 0, 0], [1, 0, 1, 0], [2, 0, 0, 0]],
            zero=zero_h4,
            label_fn=labels_h4,
            prose={
                "overall": [
                    "2023年，区住建局围绕住房保障、城市更新、建筑市场监管等重点领域，持续推进政务公开标准化规范化建设。",
                    "一是主动公开方面。全年主动公开政府信息520余条，其中保障性住房分配信息96批次；发布政策解读12件，重点解读《上虞区城镇老旧小区改造实施方案》（虞政办发〔2023〕27号）。",
                    "二是依申请公开方面。全年新收政府信息公开申请66件，上年结转3件。",
                    "三是平台建设方面。局网站专栏共设置一级栏目7个、二级栏目23个。",
                ],
                "problems": [
                    "存在的不足：部分依申请答复说理不够充分。下一步，将对重复申请、信访类申请的处理进行统一规范，计划于2024年6月底前完成答复模板修订。",
                ],
                "other": [
                    "全年共收取政府信息公开信息处理费150元，依据《政府信息公开信息处理费管理办法》按件计收。",
                    "本局政务公开咨询电话：0575-82123456（工作日9:00—17:00）。",
                ],
                "sign": "绍兴市上虞区住房和城乡建设局　2024年1月19日",
            },
            prose_figs=[
                ["proactive.total", None, 520],
                ["outreach.interpretations", None, 12],
                ["fees.collected", None, 150],
            ],
            notes=[
                "proactive.total 520 is approximate (520余条).",
                "Table 3 uses one label column with （三）不予公开 etc. as their own empty rows; "
                "zeros printed 无 in 不予公开/不予处理/其他处理 rows.",
            ],
        )
    )

    # ---- H5: 2019 template, county government, deliberate check failure ---------------------
    R.append(
        Report(
            stem="tmpl_z_h5_anxi2019",
            ext="html",
            era="template2019",
            year=2019,
            level="government",
            issuer="安溪县人民政府",
            t2={
                "rules.new_made": "0",
                "rules.new_published": "0",
                "rules.total_published": "0",
                "normative.new_made": "16",
                "normative.new_published": "16",
                "normative.total_published": "142",
                "licensing.prev_items": "684",
                "licensing.change": "+12",
                "licensing.decisions": "9517",
                "other_services.prev_items": "213",
                "other_services.change": "0",
                "other_services.decisions": "2205",
                "penalty.prev_items": "1702",
                "penalty.change": "-35",
                "penalty.decisions": "3361",
                "coercion.prev_items": "96",
                "coercion.change": "0",
                "coercion.decisions": "88",
                "fees.prev_items": "41",
                "fees.change": "-3",
                "procurement.projects": "127",
                "procurement.amount": "38652.7",
            },
            t3in={
                "new_received": [203, 11, 0, 2, 5, 3],
                "carried_over": [7, 0, 0, 0, 0, 0],
                "granted": [88, 5, 0, 1, 2, 1],
                "partially_granted": [21, 2, 0, 0, 1, 0],
                "withheld.state_secret": [1, 0, 0, 0, 0, 0],
                "withheld.third_party": [3, 0, 0, 0, 0, 0],
                "withheld.internal_affairs": [2, 0, 0, 0, 0, 0],
                "withheld.process_info": [5, 1, 0, 0, 0, 0],
                "unable.not_held": [51, 2, 0, 1, 1, 1],
                "unable.needs_creation": [6, 0, 0, 0, 0, 0],
                "unable.still_unclear": [4, 0, 0, 0, 0, 0],
                "not_processed.petition": [12, 0, 0, 0, 0, 0],
                "not_processed.repeated": [7, 0, 0, 0, 0, 0],
                "not_processed.publications": [1, 0, 0, 0, 0, 0],
                "not_processed.excessive": [2, 0, 0, 0, 0, 0],
                "other": [3, 1, 0, 0, 0, 1],
            },
            t4=[[9, 2, 3, 1], [4, 1, 0, 2], [2, 0, 1, 0]],
            label_fn=labels_h5,
            # true carried_forward natural_person is 4 (203 + 7 - 206); printed 2, and its 总计 2
            # with 总计 3 (row sum still holds): check 1 fails for 自然人 and 总计 columns only
            t3_print_override={("carried_forward", "natural_person"): "2", ("carried_forward", "total"): "3"},
            failing_checks=["1"],
            prose={
                "overall": [
                    "2019年，安溪县深入贯彻落实新修订的《中华人民共和国政府信息公开条例》，对照《福建省2019年政务公开工作要点》，认真做好政府信息公开各项工作。",
                    "全年全县主动公开政府信息15736条，其中通过政府网站发布9,820条，“安溪发布”政务微信发布2160条；召开新闻发布会十二场，组织开展政务公开培训3期、参训人员180人次。",
                    "全年共受理政府信息公开申请224件，上年结转7件。县政府办公室（地址：安溪县凤城镇东环路18号，邮编362400）负责全县政府信息公开工作的组织协调。",
                ],
                "problems": [
                    "一是部分乡镇公开内容不全面；二是依申请公开答复质量不平衡。2020年我县将继续开展政务公开第三方评估，力争在全市考评中排名前3位。",
                ],
                "other": ["无"],
                "sign": "安溪县人民政府办公室　2020年3月5日",
            },
            prose_figs=[
                ["proactive.total", None, 15736],
                ["proactive.by_channel", "政府网站", 9820],
                ["proactive.by_channel", "政务微信", 2160],
                ["outreach.press_conferences", None, 12],
            ],
            notes=[
                "Deliberate misprint: 四、结转下年度继续办理 自然人 printed 2 (and 总计 3) where 203 + 7 - 206 = 4 (true 总计 5). "
                "Check 1 fails for the 自然人 and 总计 columns; checks 2 and 3 hold. Figures are stored as printed.",
                "2.其他法律行政法规禁止公示 is a misprint of 禁止公开 (label must still map to prohibited_by_law).",
                "t2.procurement.amount 38652.7 as printed (采购总金额（万元）).",
                "六、其他需要报告的事项 is 无: no fees.collected.",
            ],
        )
    )

    # ---- H6: 2024, 2021 template, district government, label one char per line --------------
    R.append(
        Report(
            stem="tmpl_z_h6_xuzhou2024",
            ext="html",
            era="template2021",
            year=2024,
            level="government",
            issuer="宜宾市叙州区人民政府",
            t2={
                "rules.issued": "0",
                "rules.repealed": "0",
                "rules.in_force": "0",
                "normative.issued": "11",
                "normative.repealed": "6",
                "normative.in_force": "73",
                "licensing.decisions": "12,845",
                "penalty.decisions": "2,731",
                "coercion.decisions": "64",
                "fees.amount": "1,286.5",
            },
            t3in={
                "new_received": [148, 22, 1, 2, 6, 4],
                "carried_over": [9, 2, 0, 0, 0, 0],
                "granted": [61, 9, 1, 1, 2, 2],
                "partially_granted": [18, 4, 0, 0, 1, 0],
                "withheld.prohibited_by_law": [1, 0, 0, 0, 0, 0],
                "withheld.third_party": [4, 1, 0, 0, 0, 0],
                "withheld.process_info": [3, 0, 0, 0, 0, 0],
                "withheld.query_matters": [2, 0, 0, 0, 0, 0],
                "unable.not_held": [35, 5, 0, 1, 2, 1],
                "unable.needs_creation": [4, 1, 0, 0, 0, 0],
                "unable.still_unclear": [2, 0, 0, 0, 0, 0],
                "not_processed.petition": [8, 0, 0, 0, 0, 0],
                "not_processed.repeated": [5, 1, 0, 0, 0, 0],
                "not_processed.excessive": [3, 0, 0, 0, 0, 0],
                "other.no_correction": [3, 0, 0, 0, 0, 0],
                "other.other": [2, 0, 0, 0, 1, 0],
            },
            t4=[[7, 2, 4, 3], [3, 1, 2, 1], [2, 0, 1, 1]],
            prose={
                "overall": [
                    "2024年，叙州区以推进政务公开标准化规范化为抓手，围绕优化营商环境、保障和改善民生等重点工作，不断提升政务公开质效。",
                    "（一）主动公开。全年累计在区政府门户网站、政务新媒体等平台主动公开政府信息2.3万条，召开新闻发布会15场，发布政策解读87篇。区政府门户网站自2015年改版以来累计公开信息16.8万条。",
                    "（二）依申请公开。全年新收政府信息公开申请183件，上年结转11件，办结184件，结转下年度10件。",
                    "（三）平台建设。整合政务新媒体账号9个，网站标识码5115210001。",
                ],
                "problems": [
                    "问题：政策解读的针对性、实用性不强；部分单位主动公开时效性不足。改进：2025年第一季度前修订《叙州区政府信息公开工作规范》，建立“月通报、季点评”机制。",
                ],
                "other": [
                    "（一）收取信息处理费情况：2024年全区未收取信息处理费。",
                    "（二）本年度人大代表建议和政协委员提案办理结果公开情况已在网站专栏公开。",
                ],
                "sign": "宜宾市叙州区人民政府办公室　2025年1月24日",
            },
            prose_figs=[
                ["proactive.total", None, 23000],
                ["proactive.cumulative", None, 168000],
                ["outreach.press_conferences", None, 15],
                ["outreach.interpretations", None, 87],
                ["fees.collected", None, 0],
            ],
            notes=[
                "proactive.total from 全年累计…主动公开政府信息2.3万条 (全年累计 is the year's total); "
                "proactive.cumulative 168000 from 自2015年改版以来累计公开信息16.8万条 (the least certain "
                "label: 累计公开 without 主动).",
                "三、本年度办理结果 printed one character per line (<br/>). Thousands separators in table 2.",
            ],
        )
    )

    # ---- D1: DOCX, 2021 template, 2022, district government ---------------------------------
    R.append(
        Report(
            stem="tmpl_z_d1_longhai2022",
            ext="docx",
            era="template2021",
            year=2022,
            level="government",
            issuer="漳州市龙海区人民政府",
            t2={
                "rules.issued": "0",
                "rules.repealed": "0",
                "rules.in_force": "0",
                "normative.issued": "9",
                "normative.repealed": "2",
                "normative.in_force": "51",
                "licensing.decisions": "6032",
                "penalty.decisions": "1457",
                "coercion.decisions": "23",
                "fees.amount": "0",
            },
            t3in={
                "new_received": [74, 8, 0, 1, 2, 0],
                "carried_over": [2, 1, 0, 0, 0, 0],
                "granted": [30, 4, 0, 1, 1, 0],
                "partially_granted": [7, 1, 0, 0, 0, 0],
                "withheld.state_secret": [1, 0, 0, 0, 0, 0],
                "withheld.enforcement_files": [2, 0, 0, 0, 0, 0],
                "unable.not_held": [19, 2, 0, 0, 1, 0],
                "unable.still_unclear": [3, 0, 0, 0, 0, 0],
                "not_processed.petition": [5, 0, 0, 0, 0, 0],
                "not_processed.publications": [1, 0, 0, 0, 0, 0],
                "other.unpaid_fee": [1, 0, 0, 0, 0, 0],
                "other.other": [4, 1, 0, 0, 0, 0],
            },
            t4=[[4, 0, 1, 1], [2, 1, 0, 0], [0, 0, 0, 0]],
            prose={
                "overall": [
                    "2022年，龙海区认真贯彻落实党中央、国务院关于全面推进政务公开的决策部署，按照省、市工作要点，着力提升政务公开质量和实效。",
                    "（一）主动公开政府信息情况。全年主动公开政府信息4518条。围绕“六稳”“六保”发布政策解读33篇，其中图解类12篇。",
                    "（二）依申请公开情况。本年度新收政府信息公开申请85件，上年结转3件，共办结84件，4件结转下年度继续办理。",
                    "（三）政府信息管理。全面梳理区政府及区政府办公室2018年至2022年发布的规范性文件，并在网站集中公开。",
                ],
                "problems": [
                    "存在的主要问题：一是基层政务公开标准化建设进度不一；二是政策解读形式仍较单一。改进情况：2023年将组织开展2次全区政务公开业务培训。",
                ],
                "other": [
                    "本年度共收取信息处理费400元（1件）。",
                    "联系方式：龙海区人民政府办公室，电话0596-6521234，传真0596-6525678。",
                ],
                "sign": "漳州市龙海区人民政府　2023年1月31日",
            },
            prose_figs=[
                ["proactive.total", None, 4518],
                ["outreach.interpretations", None, 33],
                ["fees.collected", None, 400],
            ],
            notes=[
                "DOCX with real merges (python-docx merge): 申请人情况/法人或其他组织/行政诉讼 horizontal, "
                "三、本年度办理结果 and group labels vertical. t2.fees.amount printed 0."
            ],
        )
    )

    # ---- D2: DOCX, 2019 template used for a 2020 report, department ------------------------
    R.append(
        Report(
            stem="tmpl_z_d2_jysf2020",
            ext="docx",
            era="template2019",
            year=2020,
            level="department",
            issuer="南平市建阳区司法局",
            t2={
                "rules.new_made": "0",
                "rules.new_published": "0",
                "rules.total_published": "0",
                "normative.new_made": "1",
                "normative.new_published": "1",
                "normative.total_published": "4",
                "licensing.prev_items": "2",
                "licensing.change": "0",
                "licensing.decisions": "15",
                "other_services.prev_items": "9",
                "other_services.change": "1",
                "other_services.decisions": "1342",
                "penalty.prev_items": "0",
                "penalty.change": "0",
                "penalty.decisions": "0",
                "coercion.prev_items": "0",
                "coercion.change": "0",
                "coercion.decisions": "0",
                "fees.prev_items": "0",
                "fees.change": "0",
                "procurement.projects": "2",
                "procurement.amount": "186400元",
            },
            t3in={
                "new_received": [9, 0, 0, 0, 1, 0],
                "carried_over": [0, 0, 0, 0, 0, 0],
                "granted": [4, 0, 0, 0, 1, 0],
                "partially_granted": [1, 0, 0, 0, 0, 0],
                "unable.not_held": [2, 0, 0, 0, 0, 0],
                "other": [1, 0, 0, 0, 0, 0],
            },
            t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
            label_fn=labels_d2,
            zero=lambda row, col: "" if row in ("carried_over", "t4") else "0",
            prose={
                "overall": [
                    "2020年，区司法局按照区政府办公室《关于做好2020年政务公开工作的通知》（潭政办〔2020〕9号）要求，扎实做好政府信息公开工作。",
                    "全年主动公开政府信息238条，其中法治宣传类信息97条；在局网站发布政策解读4篇；通过“建阳司法”微信公众号推送普法信息。",
                    "本年度共收到政府信息公开申请10件，结转下一年度1件。",
                ],
                "problems": [
                    "问题：信息发布审核流程仍需细化。措施：落实“三审三校”制度，每半年开展1次自查。",
                ],
                "other": ["本机关无其他需要报告的事项。"],
                "sign": "南平市建阳区司法局　2021年1月22日",
            },
            prose_figs=[
                ["proactive.total", None, 238],
                ["proactive.by_category", "法治宣传", 97],
                ["outreach.interpretations", None, 4],
            ],
            notes=[
                "2019 template (（六）其他处理 one row) used for a 2020 report.",
                "Zeros blank in 二、上年结转 and table 4; 1．-style full-width enumerators; "
                "2.其他法律法规禁止公开 variant.",
            ],
        )
    )

    # ---- T1: flattened text, cells separated by single spaces, 2019 template, township -------
    R.append(
        Report(
            stem="tmpl_z_t1_yuxing2019",
            ext="txt",
            era="template2019",
            year=2019,
            level="township",
            issuer="玉溪市红塔区玉兴街道办事处",
            t2={
                "rules.new_made": "0",
                "rules.new_published": "0",
                "rules.total_published": "0",
                "normative.new_made": "0",
                "normative.new_published": "0",
                "normative.total_published": "0",
                "licensing.prev_items": "0",
                "licensing.change": "0",
                "licensing.decisions": "0",
                "other_services.prev_items": "0",
                "other_services.change": "0",
                "other_services.decisions": "0",
                "penalty.prev_items": "0",
                "penalty.change": "0",
                "penalty.decisions": "0",
                "coercion.prev_items": "0",
                "coercion.change": "0",
                "coercion.decisions": "0",
                "fees.prev_items": "0",
                "fees.change": "0",
                "procurement.projects": "1",
                "procurement.amount": "48000",
            },
            t3in={
                "new_received": [3, 0, 0, 0, 0, 0],
                "carried_over": [0, 0, 0, 0, 0, 0],
                "granted": [1, 0, 0, 0, 0, 0],
                "unable.not_held": [2, 0, 0, 0, 0, 0],
            },
            t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
            prose={
                "overall": [
                    "2019年，玉兴街道按照区委、区政府的统一部署，认真落实政府信息公开各项工作要求。全年通过区政府门户网站街道专栏主动公开政府信息186条，其中社区事务公开信息64条；在辖区11个社区设置公开栏11块。",
                    "全年受理政府信息公开申请3件，均已按期答复。",
                ],
                "problems": [
                    "存在的问题：信息公开工作人员业务水平有待提高。改进措施：2020年计划组织业务学习不少于4次。",
                ],
                "other": ["无。"],
                "sign": "玉溪市红塔区玉兴街道办事处　2020年1月10日",
            },
            prose_figs=[
                ["proactive.total", None, 186],
                ["proactive.by_channel", "政府网站", 186],
                ["proactive.by_category", "社区事务公开", 64],
            ],
        )
    )

    # ---- T2: flattened text, tab-separated, 2021 template, department ------------------------
    R.append(
        Report(
            stem="tmpl_z_t2_lzwj2021",
            ext="txt",
            era="template2021",
            year=2021,
            level="department",
            issuer="柳州市卫生健康委员会",
            t2={
                "rules.issued": "0",
                "rules.repealed": "0",
                "rules.in_force": "0",
                "normative.issued": "4",
                "normative.repealed": "3",
                "normative.in_force": "26",
                "licensing.decisions": "3195",
                "penalty.decisions": "287",
                "coercion.decisions": "6",
                "fees.amount": "0",
            },
            t3in={
                "new_received": [42, 5, 0, 0, 3, 1],
                "carried_over": [1, 0, 0, 0, 0, 0],
                "granted": [17, 2, 0, 0, 1, 1],
                "partially_granted": [4, 1, 0, 0, 0, 0],
                "withheld.third_party": [2, 0, 0, 0, 0, 0],
                "withheld.internal_affairs": [1, 0, 0, 0, 0, 0],
                "unable.not_held": [12, 1, 0, 0, 1, 0],
                "unable.needs_creation": [1, 0, 0, 0, 0, 0],
                "not_processed.petition": [3, 0, 0, 0, 0, 0],
                "other.no_correction": [1, 0, 0, 0, 0, 0],
            },
            t4=[[2, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 0]],
            zero=lambda row, col: "—" if row.startswith("not_processed") else "0",
            label_fn=labels_t2,
            prose={
                "overall": [
                    "2021年，市卫生健康委深入贯彻落实《中华人民共和国政府信息公开条例》，围绕疫情防控和医疗卫生服务，持续加大信息公开力度。",
                    "（一）主动公开。全年主动公开政府信息2934条，其中疫情防控信息1102条；召开疫情防控新闻发布会6场；回应公众关注热点9次。12320卫生健康热线全年接听群众来电4.6万人次。",
                    "（二）依申请公开。全年新收申请51件，上年结转1件。",
                ],
                "problems": [
                    "存在问题：公共卫生领域信息公开的及时性仍需提高。改进措施：落实《柳州市卫生健康领域基层政务公开标准目录》，2022年6月前完成目录动态调整。",
                ],
                "other": ["本机关2021年度未收取任何政府信息公开信息处理费。"],
                "sign": "柳州市卫生健康委员会　2022年1月25日",
            },
            prose_figs=[
                ["proactive.total", None, 2934],
                ["proactive.by_category", "疫情防控", 1102],
                ["outreach.press_conferences", None, 6],
                ["outreach.hot_responses", None, 9],
                ["fees.collected", None, 0],
            ],
            notes=["12320 is a hotline number; 4.6万人次 are hotline calls (no key)."],
        )
    )

    # ---- R1: glued text, 2021 template, department ---------------------------------------
    R.append(
        Report(
            stem="tmpl_z_r1_jbsj2023",
            ext="txt",
            era="template2021",
            year=2023,
            level="department",
            issuer="宁波市江北区市场监督管理局",
            t2={
                "rules.issued": "0",
                "rules.repealed": "0",
                "rules.in_force": "0",
                "normative.issued": "1",
                "normative.repealed": "2",
                "normative.in_force": "5",
                "licensing.decisions": "8416",
                "penalty.decisions": "532",
                "coercion.decisions": "41",
                "fees.amount": "0",
            },
            t3in={
                "new_received": [35, 7, 0, 0, 1, 0],
                "carried_over": [2, 0, 0, 0, 0, 0],
                "granted": [12, 3, 0, 0, 1, 0],
                "partially_granted": [3, 0, 0, 0, 0, 0],
                "withheld.third_party": [2, 1, 0, 0, 0, 0],
                "withheld.enforcement_files": [4, 0, 0, 0, 0, 0],
                "unable.not_held": [9, 2, 0, 0, 0, 0],
                "not_processed.petition": [3, 0, 0, 0, 0, 0],
                "not_processed.repeated": [1, 0, 0, 0, 0, 0],
                "other.other": [1, 1, 0, 0, 0, 0],
            },
            t4=[[3, 0, 1, 0], [2, 0, 0, 1], [0, 0, 0, 0]],
            prose={
                "overall": [
                    "2023年，区市场监管局坚持以人民为中心的发展思想，以政务公开助推法治政府建设和营商环境优化。全年主动公开政府信息1577条，其中行政处罚信息532条、抽查检查结果信息214条；围绕“浙江有礼·甬上同行”开展政策解读18次。",
                    "全年共新收政府信息公开申请43件，上年结转2件，答复43件，结转下年度2件。局政务公开工作机构设在办公室，电话0574-87654321。",
                ],
                "problems": [
                    "一是部分科室对依申请公开的法定时限把握不准；二是政策解读形式较单一。2024年将每季度开展1次案卷评查。",
                ],
                "other": ["2023年度，本机关依申请公开未收取信息处理费。"],
                "sign": "宁波市江北区市场监督管理局　2024年1月18日",
            },
            prose_figs=[
                ["proactive.total", None, 1577],
                ["proactive.by_category", "行政处罚", 532],
                ["proactive.by_category", "抽查检查结果", 214],
                ["outreach.interpretations", None, 18],
                ["fees.collected", None, 0],
            ],
        )
    )

    # ---- R2: glued text, 2021 template, district government --------------------------------
    R.append(
        Report(
            stem="tmpl_z_r2_changle2024",
            ext="txt",
            era="template2021",
            year=2024,
            level="government",
            issuer="福州市长乐区人民政府",
            t2={
                "rules.issued": "0",
                "rules.repealed": "0",
                "rules.in_force": "0",
                "normative.issued": "5",
                "normative.repealed": "8",
                "normative.in_force": "6",
                "licensing.decisions": "15327",
                "penalty.decisions": "2078",
                "coercion.decisions": "35",
                "fees.amount": "3561.82",
            },
            t3in={
                "new_received": [81, 9, 0, 2, 0, 1],
                "carried_over": [5, 0, 0, 0, 0, 0],
                "granted": [29, 3, 0, 1, 0, 1],
                "partially_granted": [8, 1, 0, 0, 0, 0],
                "withheld.process_info": [3, 0, 0, 0, 0, 0],
                "withheld.query_matters": [1, 0, 0, 0, 0, 0],
                "unable.not_held": [24, 3, 0, 1, 0, 0],
                "unable.needs_creation": [2, 0, 0, 0, 0, 0],
                "not_processed.petition": [5, 1, 0, 0, 0, 0],
                "not_processed.repeated": [2, 0, 0, 0, 0, 0],
                "other.no_correction": [3, 0, 0, 0, 0, 0],
                "other.other": [2, 0, 0, 0, 0, 0],
            },
            t4=[[6, 1, 0, 2], [1, 0, 1, 0], [1, 0, 0, 0]],
            prose={
                "overall": [
                    "2024年，长乐区深入贯彻落实党的二十大和二十届二中、三中全会精神，全面推进基层政务公开标准化规范化，助力打造“数字长乐”。",
                    "（一）主动公开。全年主动公开政府信息6,842条，召开新闻发布会11场，发布政策解读52篇，其中以图片、视频等形式解读31篇。",
                    "（二）依申请公开。全年新收政府信息公开申请93件，上年结转5件，办结90件，结转下年度8件。",
                    "（三）监督保障。将政务公开工作纳入区直单位绩效考评，权重2%，全年开展专项检查4次。",
                ],
                "problems": [
                    "主要问题：个别单位主动公开的时效性不强。改进措施：2025年起实行政务公开月通报制度，对连续2个月未更新的栏目予以通报。",
                ],
                "other": [
                    "本年度收取信息处理费2600元。",
                    "本报告电子版可在长乐区人民政府门户网站（www.fzcl.gov.cn）下载，咨询电话0591-28912345。",
                ],
                "sign": "福州市长乐区人民政府办公室　2025年1月22日",
            },
            prose_figs=[
                ["proactive.total", None, 6842],
                ["outreach.press_conferences", None, 11],
                ["outreach.interpretations", None, 52],
                ["fees.collected", None, 2600],
            ],
        )
    )
    return R


# --------------------------------------------------------------------------------------------
# writers


def intro(r: Report) -> str:
    return (
        f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级有关要求，由{r.issuer}编制。"
        f"报告中所列数据的统计期限自{r.year}年1月1日起至{r.year}年12月31日止。"
    )


def title(r: Report) -> str:
    return f"{r.issuer}{r.year}年政府信息公开工作年度报告"


HTML_CFG = {
    "tmpl_z_h1_fengze2021": dict(
        enc="utf-8",
        meta="utf-8",
        t3="A",
        t4="3",
        variant=2,
        site="泉州市丰泽区人民政府",
        pub="2022-01-20 10:32",
    ),
    "tmpl_z_h2_lwjy2019": dict(
        enc="gbk",
        meta="gb2312",
        t3="C",
        t4="3",
        variant=1,
        site="漳州市龙文区人民政府",
        pub="2020-01-15 16:05",
    ),
    "tmpl_z_h3_xiqiao2022": dict(
        enc="gbk",
        meta="utf-8",
        t3="A",
        t4="2",
        variant=2,
        site="佛山市南海区人民政府",
        pub="2023-01-28 09:12",
    ),
    "tmpl_z_h4_syzj2023": dict(
        enc="utf-8",
        meta="utf-8",
        t3="B",
        t4="3",
        variant=1,
        site="绍兴市上虞区人民政府",
        pub="2024-01-19 15:40",
    ),
    "tmpl_z_h5_anxi2019": dict(
        enc="utf-8", meta="utf-8", t3="A", t4="3", variant=1, site="安溪县人民政府", pub="2020-03-05 11:20"
    ),
    "tmpl_z_h6_xuzhou2024": dict(
        enc="utf-8",
        meta="UTF-8",
        t3="A",
        t4="2",
        variant=2,
        site="宜宾市叙州区人民政府",
        pub="2025-01-24 17:03",
    ),
}


def write_html(r: Report):
    cfg = HTML_CFG[r.stem]
    t2kw = {}
    if r.stem == "tmpl_z_h2_lwjy2019":
        t2kw = dict(item_word="信息内容", normative_label="规范性文件")
    if r.stem == "tmpl_z_h5_anxi2019":
        t2kw = dict(procurement_header=("采购项目数量", "采购总金额（万元）"))
    if r.stem == "tmpl_z_h4_syzj2023":
        t2kw = dict(fee_header="本年收费金额（单位：万元）")
    t2 = html_table(t2_rows(r, **t2kw), cell_style="p" if cfg["variant"] == 1 else "")
    t3kw = {}
    if r.stem == "tmpl_z_h4_syzj2023":
        t3kw = dict(applicant_header=False)
    t3 = html_table(
        t3_rows_layout(r, cfg["t3"], **t3kw),
        br_label="三、本年度办理结果" if r.stem == "tmpl_z_h6_xuzhou2024" else None,
        cell_style="p" if cfg["variant"] == 1 else "",
    )
    t4 = html_table(t4_rows_layout(r, cfg["t4"]))
    body = html_body(r, intro(r), t2, t3, t4, heading_tag="h3" if cfg["variant"] == 1 else "p")
    footer = (
        f"主办：{cfg['site']}办公室　承办：{cfg['site'][:3]}大数据中心　网站标识码：3505000021<br/>"
        "ICP备案号：闽ICP备12005678号-1　公安机关备案号：35050302000456　联系电话：0595-22187654"
    )
    crumbs = ["首页", "政务公开", "法定主动公开内容", "政府信息公开年报"]
    page = html_page(
        charset_meta=cfg["meta"],
        site=cfg["site"],
        title=title(r),
        crumbs=crumbs,
        pubdate=cfg["pub"],
        source=r.issuer,
        body=body,
        footer=footer,
        variant=cfg["variant"],
    )
    (DOC_DIR / f"{r.stem}.html").write_bytes(page.encode(cfg["enc"]))


def write_docx(r: Report):
    import docx
    from docx.shared import Pt

    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "宋体"
    st.font.size = Pt(11)
    d.add_paragraph(title(r)).alignment = 1
    d.add_paragraph(intro(r))
    d.add_paragraph("一、总体情况")
    for x in r.prose["overall"]:
        d.add_paragraph(x)
    d.add_paragraph("二、主动公开政府信息情况")
    docx_table(d, t2_rows(r))
    d.add_paragraph("三、收到和处理政府信息公开申请情况")
    docx_table(d, t3_rows_layout(r, "A" if r.era == "template2021" else "C"))
    d.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    docx_table(d, t4_rows_layout(r, "3"))
    d.add_paragraph("五、政府信息公开工作存在的主要问题及改进情况")
    for x in r.prose["problems"]:
        d.add_paragraph(x)
    d.add_paragraph("六、其他需要报告的事项")
    for x in r.prose["other"]:
        d.add_paragraph(x)
    d.add_paragraph(r.prose["sign"])
    d.core_properties.title = title(r)
    d.core_properties.author = "admin"
    path = DOC_DIR / f"{r.stem}.docx"
    d.save(path)


def text_sections(r: Report, t2: str, t3: str, t4: str, nl="\n") -> str:
    parts = [
        intro(r),
        "一、总体情况",
        *r.prose["overall"],
        "二、主动公开政府信息情况",
        t2,
        "三、收到和处理政府信息公开申请情况",
        t3,
        "四、政府信息公开行政复议、行政诉讼情况",
        t4,
        "五、政府信息公开工作存在的主要问题及改进情况",
        *r.prose["problems"],
        "六、其他需要报告的事项",
        *r.prose["other"],
        r.prose["sign"],
    ]
    return nl.join(parts)


def write_txt_sep(r: Report, sep: str, header: str):
    t2 = "\n".join(flat_rows(t2_rows(r), sep))
    t3 = "\n".join(flat_rows(t3_rows_layout(r, "A"), sep))
    t4 = "\n".join(flat_rows(t4_rows_layout(r, "3"), sep))
    text = header + text_sections(r, t2, t3, t4) + "\n返回顶部　打印本页　关闭窗口\n"
    (DOC_DIR / f"{r.stem}.txt").write_text(text, encoding="utf-8")


def write_txt_glued(r: Report, header: str):
    t2 = glued_rows(t2_rows(r))
    t3 = glued_rows(t3_rows_layout(r, "A"))
    t4 = glued_rows(t4_rows_layout(r, "3"))
    body = text_sections(r, t2, t3, t4, nl="")
    (DOC_DIR / f"{r.stem}.txt").write_text(header + body + " 附件：\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------
# uniqueness of the run-together splits


def splits(s: str, n: int):
    """All ways to cut digit string s into n numbers without leading zeros."""
    if n == 1:
        if s and (s == "0" or s[0] != "0"):
            yield [int(s)]
        return
    for i in range(1, len(s) - n + 2):
        head = s[:i]
        if head != "0" and head[0] == "0":
            continue
        for rest in splits(s[i:], n - 1):
            yield [int(head)] + rest


def check_glued_unique(r: Report):
    pr = r.t3_printed()
    cands = {}
    for key, row in pr.items():
        s = "".join(row)
        c = [x for x in splits(s, 7) if sum(x[:6]) == x[6]]
        cands[key] = c
    keys = list(pr)
    amb = {k: v for k, v in cands.items() if len(v) > 1}
    # joint check with the column identities for the ambiguous rows
    fixed = {k: v[0] for k, v in cands.items() if len(v) == 1}
    sols = 0
    for combo in itertools.product(*[amb[k] for k in amb]):
        rows = dict(fixed)
        rows.update(dict(zip(amb, combo)))
        ok = True
        for i in range(7):
            tot = sum(rows[k][i] for k in keys if is_outcome(k))
            if tot != rows["total"][i]:
                ok = False
            if (
                rows["new_received"][i] + rows["carried_over"][i]
                != rows["total"][i] + rows["carried_forward"][i]
            ):
                ok = False
        sols += ok
    assert sols == 1, (r.stem, sols, amb)
    p4 = r.t4_printed()
    s4 = "".join(x for g in T4_GROUPS for x in p4[g])
    c4 = [x for x in splits(s4, 15) if all(sum(x[i * 5 : i * 5 + 4]) == x[i * 5 + 4] for i in range(3))]
    assert len(c4) == 1, (r.stem, c4)
    return {k: len(v) for k, v in amb.items()}


def main():
    DOC_DIR.mkdir(parents=True, exist_ok=True)
    EXP_DIR.mkdir(parents=True, exist_ok=True)
    for r in build_reports():
        if r.ext == "html":
            write_html(r)
        elif r.ext == "docx":
            write_docx(r)
        elif r.stem == "tmpl_z_t1_yuxing2019":
            write_txt_sep(
                r,
                " ",
                "当前位置：首页 > 信息公开 > 政府信息公开年报\n"
                f"{title(r)}\n发布日期：2020-01-10　信息来源：玉兴街道　阅读次数：357\n",
            )
        elif r.stem == "tmpl_z_t2_lzwj2021":
            write_txt_sep(
                r,
                "\t",
                f"{title(r)}\n索引号：11450200MB1530287X/2022-00013　"
                "发文日期：2022-01-25　主题分类：卫生、体育\n",
            )
        else:
            amb = check_glued_unique(r)
            if amb:
                r.notes.append(
                    f"Run-together rows with several row-sum splits, resolved by the column "
                    f"identities: {sorted(amb)}"
                )
            r.notes.append(
                "Cells of each table row run together; the row-sum and column identities "
                "leave one split (verified by make_tmpl_z.py); table 4 has one split with "
                "the group identities."
            )
            write_txt_glued(
                r,
                f"标题: {title(r)}\n发布时间: {r.year + 1}-01-2{r.year % 5} 09:30\n"
                f"栏目: 政府信息公开年报\n==== 正文 ====\n首页 > 政务公开 > 年度报告 ",
            )
        exp = expected(r)
        (EXP_DIR / f"{r.stem}.json").write_text(
            json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(r.stem, len(exp["figures"]))


if __name__ == "__main__":
    main()
