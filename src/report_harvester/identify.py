"""Identify stage: which body issued a report, for which year, in which era. Pure.

The title carries almost everything: 绵阳市安州区2018年政府信息公开工作年度报告 names the body
(绵阳市安州区, a government) before the report year. The body's name is read against the region
registry: a leading place name gives the region, and what follows it the kind of body
(人民政府 or nothing: government; 局/委/办…: department; 镇/乡/街道: township). The body text is
used only when the title is missing or names no place, and for the era, which the 2019 and 2021
templates give away through their table headings.
"""

from __future__ import annotations

import re

from .models import Identity, ParsedDocument
from .regions import PlaceMatch, Region, Registry, registry

_CN_DIGITS = {"〇": "0", "○": "0", "零": "0", "Ｏ": "0", "O": "0"} | {
    c: str(i) for i, c in enumerate("〇一二三四五六七八九") if i
}
_YEAR = re.compile(r"((?:19|20)\d{2}|[〇○零Ｏ一二三四五六七八九]{4})\s*年")
_REPORT = re.compile(r"年度报告|年报|工作报告")
# crawler and CMS header lines that carry the title: 标题: …, 标  题：…, title: …
_HEADER = re.compile(r"^\s*(?:标\s*题|题\s*目|文章标题|title)\s*[:：]\s*(\S.*?)\s*$", re.IGNORECASE)
# a page title's site suffix: 绵阳市安州区2018年…年度报告_绵阳市安州区人民政府
_SITE_SUFFIX = re.compile(r"\s*(?:[_|｜]|\s-\s|--).*$")
# a line that can be the body's name above a title: Chinese only (no breadcrumb separators)
_BODY_LINE = re.compile(r"[\u4e00-\u9fff（）()]{2,30}")
_TITLE_LINES = 80
# what a title never holds: sentence punctuation, book-title marks, a lead-in of the body text
_SENTENCE = re.compile(r"[，。；《》]|^(?:发布|来源|时间|根据|按照|依据|现将|本报告)")
_HEAD_CHARS = 3000

_GOV_REST = ("", "人民政府", "政府")
_ZONE_REST = ("管委会", "管理委员会", "行政公署", "行署", "人民政府办事处")
_TOWNSHIP = re.compile(r"(?:镇|乡|街道|街道办事处|苏木)(?:人民政府|政府|办事处)?$")
# 人民政府办公室 and 政府办 report as departments of their government
_DEPARTMENT = re.compile(
    r"(?:局|委|委员会|办|办公室|办公厅|厅|中心|院|所|署|室|处|队|站|会|部|馆|台|社|公司|集团|分局|支队|大队)$"
)

_ERA_2021 = (
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
    "无正当理由逾期不补正",
    "逾期未按收费通知",
)
_ERA_2019 = ("本年新制作数量", "本年新公开数量", "对外公开总数量")
# table 3 wording shared by both templates; alone it says "a template", not which one
_ERA_ANY = ("本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "其他处理", "本年度办理结果")


def identify(doc: ParsedDocument) -> Identity:
    reg = registry()
    head = doc.text[:_HEAD_CHARS]
    title = _clean_title(doc.title) if doc.title else None
    text_title = _title_from_text(doc.text)
    if title is None:
        title = text_title
    year = _year_of(title) if title else None
    if year is None and text_title:
        year = _year_of(text_title)
    if year is None:
        year = _year_in_body(head)

    ident = Identity(title=title, year=year)
    name = _issuer_part(title) if title else None
    if not name and text_title and text_title != title:
        name = _issuer_part(text_title)
    if not name:
        name = _issuer_in_body(head)
    if name:
        _fill_issuer(ident, name, head, reg)
    if ident.region_code is None:
        _region_from_body(ident, head, reg)
    ident.era = _era(doc, year)
    return ident


# ---- title ------------------------------------------------------------------------------------


def _squeeze(s: str) -> str:
    """Chinese titles have no meaningful spaces; PDFs and flattened pages put them anywhere."""
    s = s.translate(_FULLWIDTH)
    return re.sub(r"\s+", "", s)


_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _clean_title(raw: str) -> str | None:
    t = _squeeze(_SITE_SUFFIX.sub("", raw.strip()) if _REPORT.search(raw) else raw)
    return t or None


def _title_from_text(text: str) -> str | None:
    lines = text.splitlines()[:_TITLE_LINES]
    for ln in lines[:15]:
        m = _HEADER.match(ln)
        if m and _REPORT.search(m.group(1)):
            return _squeeze(m.group(1))
    prev = ""
    for ln in lines:
        if not ln.strip():
            continue
        if len(ln.strip()) <= 60:
            cand = _squeeze(ln)
            if _SENTENCE.search(cand):
                # a wrapped line of the body (根据《…2016年度政府信息公开工作年度报告…》) is no title
                prev = ""
                continue
            if _REPORT.search(cand) and _YEAR.search(cand):
                # a PDF cover breaks the title after the body's name: 淮安市人民政府 / 2024 年…
                if _YEAR.match(cand) and _BODY_LINE.fullmatch(prev) and not _REPORT.search(prev):
                    cand = prev + cand
                return cand
            if _REPORT.search(cand) and _YEAR.search(prev) and not _REPORT.search(prev):
                # …or anywhere after the year: 海口市交通运输局2016年政府信息公开 / 工作年度报告
                return prev + cand
            prev = cand
        else:
            found = _title_in_long_line(ln)
            if found:
                return found
            prev = ""
    return None


def _title_in_long_line(line: str) -> str | None:
    """A flattened page puts breadcrumbs, title and body on one line; the title is the
    whitespace-free run that holds a year and ends in a report word."""
    tokens = line.split()
    for i, tok in enumerate(tokens):
        # a title is short: a bounded run keeps this linear on a megabyte line without spaces
        m = re.search(r"[^，。；：:]{0,80}?(?:年度报告|年报)", tok[:2000])
        if m and _YEAR.search(m.group(0)):
            t = m.group(0)
            if (
                _YEAR.match(t)
                and i > 0
                and _BODY_LINE.fullmatch(tokens[i - 1])
                and not _REPORT.search(tokens[i - 1])
            ):
                t = tokens[i - 1] + t
            return _squeeze(t)
    return None


def _year_value(s: str) -> int:
    return int("".join(_CN_DIGITS.get(c, c) for c in s))


def _year_of(title: str) -> int | None:
    for m in _YEAR.finditer(title):
        y = _year_value(m.group(1))
        if 2000 <= y <= 2100:
            return y
    return None


def _year_in_body(head: str) -> int | None:
    s = _squeeze(head)
    m = re.search(r"((?:19|20)\d{2})年度?(?:政府)?信息公开(?:工作)?(?:年度)?报告", s) or re.search(
        r"统计期限(?:为|自)?((?:19|20)\d{2})年1月1日", s
    )
    return int(m.group(1)) if m else None


def _issuer_part(title: str) -> str | None:
    """The body's name in a title: the text before the year, or after it when the year leads
    (2018年绵阳市安州区政府信息公开工作年度报告)."""
    m = _YEAR.search(title)
    if m is None:
        m2 = re.search(r"(?:政府信息公开|信息公开|政务公开)", title)
        name = title[: m2.start()] if m2 else ""
    else:
        name = title[: m.start()]
        if not _strip_name(name):
            tail = title[m.end() :].removeprefix("度")
            m2 = re.search(r"(?:政府信息公开|信息公开|政务公开|年度报告|年报)", tail)
            name = tail[: m2.start()] if m2 else ""
    name = _strip_name(name)
    return name or None


def _strip_name(name: str) -> str:
    name = name.strip(" 　:：,，、《》“”\"'()（）[]【】")
    name = re.sub(r"(?:关于|的|公布|发布|印发)+$", "", name)
    return re.sub(r"^(?:关于)", "", name)


def _issuer_in_body(head: str) -> str | None:
    s = _squeeze(head)
    # 本报告由淮安市人民政府办公室根据《条例》编制: the office compiles for its government
    m = re.search(r"本(?:年度)?报告(?:是)?由(.{2,30}?)(?:根据|依据|按照|依照|编制|制作|负责)", s)
    if not m:
        return None
    body = m.group(1)
    return re.sub(r"(?:人民政府)(?:办公室|办公厅|政务公开办公室)$", "人民政府", body)


# ---- issuer and region ------------------------------------------------------------------------


def _fill_issuer(ident: Identity, name: str, head: str, reg: Registry) -> None:
    match = reg.match_prefix(name)
    rest = name[match.end :] if match else name
    region = _resolve(match, head, reg) if match else None
    if match and match.alias and rest in (*_GOV_REST, *_ZONE_REST):
        ident.issuer, ident.level = match.alias.issuer, "government"
    elif _TOWNSHIP.search(rest) and rest not in _GOV_REST:
        ident.issuer, ident.level = name, "township"
    elif rest in _GOV_REST and match:
        ident.level = "government"
        ident.issuer = reg.government_name(region) if region else name + ("" if rest else "人民政府")
    elif rest in _ZONE_REST:
        ident.issuer, ident.level = name, "government"
    elif _DEPARTMENT.search(rest):
        ident.issuer, ident.level = name, "department"
    elif rest in _GOV_REST[1:] or re.search(r"(?:省|市|区|县|旗|州)$", rest):
        # a place we do not know, named as a government would be: 某某县人民政府, 某某县
        ident.level = "government"
        ident.issuer = name if rest.endswith("政府") else name + "人民政府"
    else:
        ident.issuer = name
    if region is not None:
        ident.region_code, ident.region_name = region.code, reg.display_name(region)


def _resolve(match: PlaceMatch, head: str, reg: Registry) -> Region | None:
    return match.region or reg.disambiguate(match.regions, head)


def _region_from_body(ident: Identity, head: str, reg: Registry) -> None:
    """No place in the issuer's name (区统计局, 花荄镇人民政府): the region the text names most,
    preferring the most specific level, as long as it stands out."""
    counts = reg.mentions(_squeeze(head))
    if not counts:
        return
    for level in ("county", "prefecture", "province"):
        ranked = sorted(
            ((n, c) for c, n in counts.items() if (r := reg.get(c)) is not None and r.level == level),
            reverse=True,
        )
        if not ranked:
            continue
        if len(ranked) == 1 or ranked[0][0] > ranked[1][0]:
            region = reg.get(ranked[0][1])
            if region is not None:
                ident.region_code, ident.region_name = region.code, reg.display_name(region)
        return


# ---- era --------------------------------------------------------------------------------------


def _era(doc: ParsedDocument, year: int | None) -> str | None:
    if year is not None and year <= 2018:
        return "prose"
    parts = [doc.text, *("".join(cell for row in t.rows for cell in row) for t in doc.tables)]
    s = _squeeze("".join(parts))
    if any(m in s for m in _ERA_2021):
        return "template2021"
    if any(m in s for m in _ERA_2019):
        return "template2019"
    if any(m in s for m in _ERA_ANY):
        if year == 2019:
            return "template2019"
        if year is not None and year >= 2020:
            return "template2021"
    if not s:
        # an image-only report: the templates were compulsory from these years on
        if year == 2019:
            return "template2019"
        if year is not None and year >= 2021:
            return "template2021"
        return None
    return "prose"
