"""Prose extraction: figures stated in sentences (主动公开政府信息4435条。其中，概况类信息32条…).

How a number becomes a figure:
1. Every quantity (a number with a unit: 件, 条, 人次, %, 元 …) in the text is found once.
2. Its *label* is the text before it back to the previous clause break or quantity; its *tail* is
   the text after it up to the next clause break. Context is the sentence, the section heading it
   sits under, and the *parent*: the last list-opening figure of this sentence, or of the previous
   sentence when this one begins with 其中 (so 其中：维持具体行政行为3件 knows it is about 复议).
3. The patterns of patterns/prose/ are tried in file order; the first that matches names the metric.
   A quantity no pattern claims is offered to the segmenter: jieba cuts the label with the domain
   vocabulary, and a label whose head word is a known term becomes that term's figure.
4. Sentences that state a nil figure in words (无申诉事件) give zeros.
A quantity nobody claims is not a figure: dates, phone numbers, deadlines, targets, meetings.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..models import Figure
from ..numbers import FULLWIDTH_TABLE, ITEM_NUMBER, clean_value, parse_number
from ..registry import metrics
from . import prose_patterns
from .prose_patterns import Pattern, PatternSet

# Traditional-character mirrors of pages (主動公開): map the characters that carry our
# vocabulary one for one, so spans stay valid.
_TRAD = str.maketrans(
    "動開資請議訟條數員項費處總會與覆決訴濟務關於並從專職兼複審結轉網際傳當電郵遞這個們來為過對發說與範規劃財統計類報導區縣鎮鄉縣級門應說",
    "动开资请议讼条数员项费处总会与复决诉济务关于并从专职兼复审结转网际传当电邮递这个们来为过对发说与范规划财统计类报导区县镇乡县级门应说",
)

_NORMALISE = {**FULLWIDTH_TABLE, **_TRAD}

# A number starts where a digit run starts (never inside one): a 400-digit run must not be
# retried from each of its positions (found by fuzzing; the match was quadratic).
_NUM = r"(?<![0-9])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[零〇○一二两三四五六七八九][零〇○一二两三四五六七八九十百千万亿]*|十[零〇○一二两三四五六七八九十百千万亿]*"
QUANTITY = re.compile(
    rf"""
    (?P<pre>约|近|超过|逾)?
    (?P<num>{_NUM}|(?<=[近约])[百千])
    [ \u00a0]?
    (?P<mult>万(?!元)|亿(?!元))?
    (?P<apx>余|多)?
    [ \u00a0]?
    (?P<unit>人次|件次|条次|万元|亿元|元|件|条|人|名|次|场|篇|项|个|期|家|起|%)
    (?P<post>以上|左右)?
    |
    百分之(?P<pct>[零〇一二两三四五六七八九十百]+(?:点[零〇一二两三四五六七八九]+)?)
    """,
    re.X,
)

_COUNTED_UNITS = {"件次": "件", "条次": "条"}

# Characters that end a clause for the purpose of finding a quantity's label.
_CLAUSE_BREAK = set("，,。；;：:！？!?\n\t()（）【】[]")
_SENTENCE_BREAK = re.compile(r"[。！？!?\n]+")
_HEADING = re.compile(
    r"(?:^|(?<=[\s。：:；;]))(?:(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])\s*"
    r"(?P<title>[^\s。；;，,：:]{2,40}(?:情况|措施|事项|概述|问题|工作|结果|方面|制度|建设|公开|内容|形式|渠道))"
    r"|【(?P<bracketed>[^】\n]{2,24})】)"
)
_LEADING_NOISE = re.compile(
    r"^(?:其中|另外|此外|同时|包括|分别为|分别是|主要有|共|全年|本年度|今年|属于|涉及|在(?!线)|[\s、,，:：])+"
)
_DIM_TRAILING = re.compile(r"(?:政府信息|信息|类|的|方面|等)+$")


@dataclass
class _Quantity:
    start: int
    end: int
    value: float
    unit: str
    approx: bool
    percent: bool


@dataclass
class _Context:
    label: str
    tail: str
    sentence: str
    section: str
    around: str
    rest: str
    since_parent: str
    clause_before: str
    parent: str | None
    previous: Figure | None


# a line broken between a label and its count (an old CMS's <br>, a wrapped PDF line): 共主动公开政府
# 信息<br>2143条 is one sentence
_BROKEN_COUNT = re.compile(
    r"(?<=[\u4e00-\u9fff])\n(?=\d[\d,.]*\s*(?:条|件|人次|次|篇|个|人|名|项|元|万元|期|场)(?![\u4e00-\u9fff]{0,2}[、:：]))"
)


_LINE_HEADING = re.compile(r"(?:^|\n)\s*" + ITEM_NUMBER + r"[^\n]{0,24}$")


def _join_broken_count(m: re.Match[str]) -> str:
    # a heading (（二）办理情况) followed by a sentence that starts with a count stays apart
    before = m.string[max(0, m.start() - 40) : m.start()]
    return "\n" if _LINE_HEADING.search(before) else " "


def normalise(text: str) -> str:
    """Full-width to half-width and traditional to simplified, one character for one."""
    return _BROKEN_COUNT.sub(_join_broken_count, text.translate(_NORMALISE))


def _quantities(norm: str) -> Iterable[_Quantity]:
    for m in QUANTITY.finditer(norm):
        start = m.start()
        if start > 0 and norm[start - 1] in "第每":
            continue
        if m.group("pct"):
            raw = m.group("pct").replace("点", ".")
            try:
                n = parse_number(raw)
            except ValueError:
                continue
            yield _Quantity(start, m.end(), n.value, "%", False, True)
            continue
        num = m.group("num")
        # an Arabic number glued to a preceding digit-like code (e.g. A12件) is not a count
        if start > 0 and (norm[start - 1].isascii() and norm[start - 1].isalnum()):
            continue
        if num.isascii():
            # the text is already half-width: plain digits need no general parsing
            try:
                value = float(num.replace(",", ""))
            except ValueError:
                continue
        else:
            try:
                value = parse_number(num).value
            except ValueError:
                continue
        if m.group("mult"):
            value *= 10_000 if m.group("mult") == "万" else 100_000_000
        # 申请7件次 / 公开432条次: counted items, in the units metrics.md uses
        unit = _COUNTED_UNITS.get(m.group("unit"), m.group("unit"))
        approx = bool(m.group("pre") in ("约", "近", "超过", "逾") or m.group("apx") or m.group("post"))
        yield _Quantity(
            start=start,
            end=m.end(),
            value=clean_value(value),
            unit=unit,
            approx=approx,
            percent=unit == "%",
        )


# In flattened pages a section heading runs into its first sentence with only a space between:
# "五、行政复议和行政诉讼情况 2011年全县发生…行政复议1件". The heading is not part of the label.
_HEADING_PREFIX = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])\s*"
    r"[^\s。；;，,：:]{2,40}?(?:情况|措施|事项|概述|问题|工作|结果|方面)\s+"
)


# “同意公开”的1,012件: quotation marks around a label say nothing about it; patterns see it without them
_QUOTES = str.maketrans("", "", '“”‘’"「」『』')


# A label that is only a connective (共计, 合计, 为) takes its noun from before the break:
# 主动公开政府信息，共计1,036条 / 主动公开政府信息（含规范性文件等）共计687条
_FILLER_LABEL = re.compile(r"^(?:共计|共|合计|总计|计|为|达|共有|总数为?|总量为?|均为)?$")


def _label(norm: str, q: _Quantity, floor: int) -> str:
    i = q.start
    while i > floor and norm[i - 1] not in _CLAUSE_BREAK:
        i -= 1
    label = _HEADING_PREFIX.sub("", norm[i : q.start]).strip().lstrip("、,，;；")
    if i <= floor and i > 0 and norm[i - 1] not in _CLAUSE_BREAK and "、" in label:
        # between two quantities with no break (一名专职工作人员、两名兼职…): the previous item's
        # noun runs up to the 、; this quantity's label starts after it
        label = label.rsplit("、", 1)[1]
    if not _FILLER_LABEL.match(label) or i <= floor:
        return label
    # 收费：0元 / 不予处理（重复申请等）41件 / 医疗事故鉴定（4件）: the label stands before
    # the colon or the bracket (or, for a bare connective, before the comma)
    j = i - 1
    if norm[j] in ")）":
        opening = max(norm.rfind("(", floor, j), norm.rfind("（", floor, j))
        if opening < 0:
            return label
        j = opening
    elif norm[j] in ",，" and label:
        pass
    elif norm[j] not in ":：(（":
        return label
    k = j
    while k > floor and norm[k - 1] not in _CLAUSE_BREAK:
        k -= 1
    return (norm[k:j].strip() + label).lstrip("、,，;；")


def _clause_before(norm: str, label_start: int, floor: int) -> str:
    """The clause before the label's own (市档案馆作为查阅中心，接待查阅近千人次)."""
    j = label_start
    while j > floor and norm[j - 1] not in _CLAUSE_BREAK:
        j -= 1
    if j <= floor:
        return ""
    k = j - 1
    while k > floor and norm[k - 1] not in _CLAUSE_BREAK:
        k -= 1
    return norm[k : j - 1].strip().lstrip("、,，;；")


_FENBIE = re.compile(
    r"(?P<items>[\u4e00-\u9fff]{2,14}(?:[、和及与][\u4e00-\u9fff]{2,14})+?)(?:均)?分别(?P<verb>[^,，。；;]*)$"
)
_FENBIE_SUBJECT = re.compile(
    r"^(?P<items>[\u4e00-\u9fff]{2,14}(?:[、和及与][\u4e00-\u9fff]{2,14}?)+?)(?=设立|设置|设有|作为|开设|建立|均|共)"
)
_JOINERS = ("", "和", "、", "及", "与", "以及")


def _tail(norm: str, q: _Quantity, ceiling: int) -> str:
    j = q.end
    limit = min(len(norm), q.end + 60, ceiling)
    while j < limit and norm[j] not in _CLAUSE_BREAK:
        j += 1
    return norm[q.end : j].strip()


def clean_dimension(label: str, metric: str, ps: PatternSet) -> str:
    table = ps.dimensions.get(metric, {})
    d = _LEADING_NOISE.sub("", label).strip().strip('《》“”"')
    if d in table:
        return table[d]
    d = d.replace("其它", "其他")
    if d.startswith("其他"):
        return "其他"
    stripped = _DIM_TRAILING.sub("", d) or d
    # 财务收支、惠农补贴发放等财政类: the examples before 等 name the category after it
    head, sep, named = stripped.rpartition("等")
    if sep and head and len(named) >= 2:
        stripped = named
    if stripped in table:
        return table[stripped]
    # 《鸡西市人民政府公报》 → 政府公报, 市政府网站交通运输局子站 → 政府网站
    for suffix, canonical in ps.dimension_suffixes.get(metric, ()):
        if stripped.endswith(suffix):
            return canonical
    return stripped


def _matches(p: Pattern, q: _Quantity, ctx: _Context) -> re.Match[str] | bool | None:
    """True/Match when the pattern claims the quantity in this context, else None/False."""
    if p.units and q.unit not in p.units:
        return None
    if p.percent is True and not q.percent:
        return None
    if p.percent is False and q.percent:
        return None
    if p.parent and ctx.parent not in p.parent:
        return None
    if p.sentence and not p.sentence.search(ctx.sentence):
        return None
    if p.context and not p.context.search(ctx.around):
        return None
    if p.not_sentence and p.not_sentence.search(ctx.sentence):
        return None
    if p.section and not p.section.search(ctx.section):
        return None
    if p.not_section and p.not_section.search(ctx.section):
        return None
    if p.previous and (ctx.previous is None or ctx.previous.metric not in p.previous):
        return None
    if p.rest and not p.rest.search(ctx.rest):
        return None
    if p.marker and not p.marker.search(ctx.since_parent):
        return None
    if p.clause_before is not None and not p.clause_before.search(ctx.clause_before):
        return None
    if p.not_before and p.not_before.search(ctx.label):
        return None
    if p.not_after and p.not_after.search(ctx.tail):
        return None
    m: re.Match[str] | None = None
    if p.before is not None:
        m = p.before.search(ctx.label)
        if m is None:
            return None
    if p.after is not None and not p.after.match(ctx.tail):
        return None
    return m if m is not None else True


def _captured_dimension(p: Pattern, m: re.Match[str] | bool | None, ctx: _Context) -> str | None:
    """The named group dim, from the label, the tail or the clause before, whichever has it."""
    if isinstance(m, re.Match) and m.groupdict().get("dim"):
        return m.group("dim")
    for regex, text, how in ((p.after, ctx.tail, "match"), (p.clause_before, ctx.clause_before, "search")):
        if regex is None:
            continue
        found = regex.match(text) if how == "match" else regex.search(text)
        if found is not None and found.groupdict().get("dim"):
            return found.group("dim")
    return None


def _resolve_metric(p: Pattern, ctx: _Context) -> str | None:
    if p.metric == "@share":
        prev = ctx.previous
        if prev is None:
            return None
        m = metrics().get(prev.metric)
        return m.share_key if m else None
    if p.metric.startswith("@."):
        if ctx.parent is None:
            return None
        key = ctx.parent.split(".")[0] + p.metric[1:]
        return key if key in metrics() else None
    return p.metric


@cache
def _segmenter() -> Any:
    """A jieba tokenizer that knows only our domain vocabulary.

    Built from patterns/dict.txt rather than jieba's 20 MB general dictionary: labels are short
    and we only need the domain terms kept whole, and this keeps start-up in milliseconds.
    """
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    from ..registry import patterns_dir

    tok = jieba.Tokenizer(dictionary=str(patterns_dir() / "dict.txt"))
    tok.initialize()
    for word in prose_patterns.domain_words():
        tok.add_word(word, freq=100_000)
    return tok


# keys whose reasons reports list one by one; the key is their sum (metrics.md)
_ACCUMULATE = {"requests.unable", "requests.not_processed", "requests.refused"}

_FILLER = {"共", "计", "合计", "共计", "为", "达", "有", "数", "总数", "数量", "的", "了", "量"}
_FILLER |= {"发布", "公开", "信息", "政府信息", "条数", "件数", "人数", "方式", "提出", "提交"}


@cache
def _term_index() -> dict[str, Pattern]:
    return {t: p for p in prose_patterns.load().terms for t in p.terms}


def _segment_match(q: _Quantity, ctx: _Context) -> tuple[Pattern, str] | None:
    """The segmenter rule: the label's head word is a domain term, followed only by filler."""
    if not ctx.label:
        return None
    index = _term_index()
    tokens = [t for t in _segmenter().lcut(ctx.label, HMM=False) if t.strip()]
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        if tok in index:
            if all(t in _FILLER for t in tokens[i + 1 :]):
                p = index[tok]
                if _matches(p, q, ctx):
                    return p, tok
            return None
        if tok not in _FILLER:
            return None
    return None


def _sections(norm: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group("title") or m.group("bracketed")) for m in _HEADING.finditer(norm)]


def _section_at(sections: list[tuple[int, str]], pos: int) -> str:
    """The title of the last heading at or before pos (sections are in text order)."""
    k = bisect.bisect_right(sections, (pos, "\uffff"))
    return sections[k - 1][1] if k else ""


def _breaks_clause(text: str, i: int) -> bool:
    ch = text[i]
    if ch == ",":
        return not (0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())
    return ch in "。；;\n！？!?，"


def _evidence(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """The clause a figure was read from: from its label's start to the end of its clause."""
    s = start
    while s > 0 and not _breaks_clause(text, s - 1) and start - s < 60:
        s -= 1
    e = end
    while e < len(text) and not _breaks_clause(text, e) and e - end < 40:
        e += 1
    return text[s:e].strip(), (s, e)


_YEAR_IN_LABEL = re.compile(r"((?:19|20)\d\d)\s*年")
_STALE_OK = {"requests.carried_over"}


def _stale(ctx: _Context, ps: PatternSet, year: int | None) -> bool:
    """The label speaks of another year, a comparison or a target, not this year's figure."""
    if ps.skip_label is not None and ps.skip_label.search(ctx.label):
        return True
    if year is not None:
        return any(int(y) not in (year, year + 1) for y in _YEAR_IN_LABEL.findall(ctx.label))
    return False


def extract(text: str, skip: list[tuple[int, int]] | None = None, year: int | None = None) -> list[Figure]:
    """Figures stated in the prose of `text`; character ranges in `skip` (tables) are ignored.

    `year` is the report year: a label naming another year is about that year, not this one.
    """
    ps = prose_patterns.load()
    norm = normalise(text)
    skip = sorted(skip or [])
    sections = _sections(norm)
    sentences = [(m.start(), m.end()) for m in _split_sentences(norm)]
    figures: list[Figure] = []
    seen: dict[tuple[str, str | None], Figure] = {}
    parents: dict[int, str] = {}  # sentence index -> last parent metric in it
    parent_at: dict[int, int] = {}  # sentence index -> where that parent (or its opener) ends
    s_idx = 0
    prev_end = 0
    prev_fig: Figure | None = None
    prev_sentence = -1
    fenbie: tuple[int, list[str], str, int] | None = None
    sentence_openers: dict[int, list[tuple[int, str]]] = {}
    alone_at: dict[int, bool] = {}  # sentence index -> the sentence before is an opener alone
    by_unit = _patterns_by_unit(ps)

    def in_skip(pos: int) -> bool:
        return any(a <= pos < b for a, b in skip)

    weak: set[tuple[str, str | None]] = set()

    def emit(
        metric: str,
        value: float,
        unit: str,
        approx: bool,
        dim: str | None,
        q0: int,
        q1: int,
        method: str,
        weak_figure: bool = False,
    ) -> Figure:
        ev, span = _evidence(text, q0, q1)
        f = Figure(metric, value, unit, approx, dim, ev, span, method)
        key = (metric, dim)
        if key not in seen:
            seen[key] = f
            figures.append(f)
        elif key in weak and not weak_figure:
            # a figure stated on its own replaces one implied by another figure's sentence
            figures[figures.index(seen[key])] = f
            seen[key] = f
            weak.discard(key)
        elif metric in _ACCUMULATE and method != seen[key].method and approx == seen[key].approx:
            # several reasons stated one by one (信息不存在5件，非本机关掌握2件) add up to one key
            first = seen[key]
            first.value = clean_value(first.value + value)
            if first.span is not None:
                first.span = (min(first.span[0], span[0]), max(first.span[1], span[1]))
                first.evidence = text[first.span[0] : first.span[1]].strip()
            first.method = f"{first.method}+{method}"
            return first
        if weak_figure and seen.get(key) is f:
            weak.add(key)
        return f

    for q in _quantities(norm):
        if in_skip(q.start):
            continue
        while s_idx < len(sentences) - 1 and sentences[s_idx][1] <= q.start:
            s_idx += 1
        s0, s1 = sentences[s_idx] if sentences else (0, len(norm))
        if s_idx != prev_sentence:
            prev_end = s0
            prev_fig = None
            prev_sentence = s_idx
        sentence = norm[s0:s1]
        lead = sentence.lstrip(" \u3000,，:：")
        starts_qz = lead.startswith(("其中", "(其中", "（其中"))
        # openers (主要类别有：…) set the parent for the rest of their sentence, unless a
        # parent figure stands after them
        if s_idx not in sentence_openers:
            sentence_openers[s_idx] = _openers_in(ps, norm, s0, s1, sections, sentences, s_idx)
        for o_start, o_metric in sentence_openers[s_idx]:
            if o_start >= q.start:
                break
            if parents.get(s_idx) is None or parent_at.get(s_idx, -1) < o_start:
                parents[s_idx] = o_metric
                parent_at[s_idx] = o_start
        parent = parents.get(s_idx)
        since_parent = norm[parent_at.get(s_idx, s0) : q.start]
        # 概况类、人事类和其他信息分别为28条、57条、74条: a 分别 list continues the sentence before,
        # as a 其中 list does
        if parent is None and s_idx not in alone_at:
            alone_at[s_idx] = _opener_alone(ps, norm, sentences, s_idx, s0)
        alone = parent is None and alone_at[s_idx]
        if parent is None and (starts_qz or "分别" in norm[s0 : q.start] or alone):
            parent = parents.get(s_idx - 1)
            if parent is None:
                # （二）按内容分。其中概况类信息612条… : the opener stands alone before the list,
                # as a sentence or as the section heading
                before_text = norm[sentences[s_idx - 1][0] : s0] if s_idx else ""
                for o in ps.openers:
                    assert o.regex is not None
                    if o.regex.search(before_text) or o.regex.search(_section_at(sections, q.start)):
                        parent = o.metric
                        break
            # the opener's own sentence is where the list is marked (公开内容。)
            since_parent = norm[sentences[s_idx - 1][0] if alone else s0 : q.start]
        section = _section_at(sections, q.start)
        if parent is None:
            parent = _family_from_section(section)
        raw_label = _label(norm, q, max(prev_end, s0))
        label = raw_label
        # 县档案馆、县图书馆分别接待公众查阅58人次和32人次: each item gets its own label
        clause_before = _clause_before(norm, q.start - len(raw_label), s0)
        # (rates given 分别, 代表、委员…满意率分别为98.5%和99.4%, name their owners in the middle of
        # the label, not in a list before the verb: their patterns read the label as written)
        fb = _FENBIE.search(raw_label) if not q.percent else None
        fb_subject = (
            _FENBIE_SUBJECT.match(clause_before)
            if fb is None and "分别" in raw_label and not q.percent
            else None
        )
        if fb is not None:
            items = re.split(r"[、和及与]", fb.group("items"))
            fenbie = (s_idx, items, fb.group("verb"), 0)
            label = raw_label[: fb.start()] + items[0] + fb.group("verb")
        elif fb_subject is not None:
            # 市档案馆、市图书馆设立查阅中心，全年分别接待公众查阅1,260人次和870人次: the items
            # are the subject of the clause before
            items = re.split(r"[、和及与]", fb_subject.group("items"))
            verb = raw_label.split("分别", 1)[1]
            fenbie = (s_idx, items, verb, 0)
            label = items[0] + verb
        elif fenbie is not None and fenbie[0] == s_idx and raw_label in _JOINERS:
            idx = fenbie[3] + 1
            if idx < len(fenbie[1]):
                label = fenbie[1][idx] + fenbie[2]
                fenbie = (fenbie[0], fenbie[1], fenbie[2], idx)
        else:
            fenbie = None
        if len(label) > 60:
            label = label[-60:]
        ctx = _Context(
            label=label.translate(_QUOTES),
            tail=_tail(norm, q, s1),
            sentence=sentence,
            section=section,
            around=" ".join((section, norm[sentences[s_idx - 1][0] : s0] if s_idx else "", sentence)),
            rest=norm[q.end : s1],
            since_parent=since_parent,
            clause_before=clause_before.translate(_QUOTES),
            parent=parent,
            previous=prev_fig,
        )
        prev_end = q.end
        produced: Figure | None = None
        stale = _stale(ctx, ps, year)
        for p in by_unit.get(q.unit, ps.patterns):
            m = _matches(p, q, ctx)
            if not m:
                continue
            metric = _resolve_metric(p, ctx)
            if metric is None:
                continue
            if stale and metric not in _STALE_OK:
                break
            dim: str | None = None
            if p.dimension == "capture":
                captured = _captured_dimension(p, m, ctx)
                if not captured:
                    continue
                dim = clean_dimension(captured, metric, ps)
                if not dim:
                    continue
            elif p.dimension:
                dim = p.dimension
            produced = emit(metric, q.value, q.unit, q.approx, dim, q.start, q.end, f"prose:{p.id}")
            for extra_metric, extra_dim in p.also:
                emit(
                    extra_metric, q.value, q.unit, q.approx, extra_dim, q.start, q.end, f"prose:{p.id}", True
                )
            if p.is_parent or metric in ps.parents:
                parents[s_idx] = metric
                parent_at[s_idx] = q.end
            break
        if produced is None and not q.percent and not stale:
            hit = _segment_match(q, ctx)
            if hit is not None:
                p, term = hit
                metric = _resolve_metric(p, ctx)
                if metric is not None:
                    dim = None
                    if p.dimension == "capture":
                        dim = clean_dimension(term, metric, ps)
                    elif p.dimension:
                        dim = p.dimension
                    produced = emit(
                        metric, q.value, q.unit, q.approx, dim, q.start, q.end, f"segmenter:{p.id}"
                    )
                    if metric in ps.parents:
                        parents[s_idx] = metric
                        parent_at[s_idx] = q.end
        prev_fig = produced
    _zeros(norm, sentences, sections, ps, emit, in_skip)
    _alls(norm, sentences, ps, figures, emit, in_skip)
    return figures


_NUMBERING = re.compile(r"^\s*" + ITEM_NUMBER + "?")


def _opener_alone(ps: PatternSet, norm: str, sentences: list[tuple[int, int]], s_idx: int, s0: int) -> bool:
    """The sentence before is an opener and little else (2.公开内容。 / （二）按内容分。): its list
    is this sentence, which need not start with 其中."""
    if not s_idx:
        return False
    before = norm[sentences[s_idx - 1][0] : s0]
    core = _NUMBERING.sub("", before).strip(" \n。.:：")
    return len(core) <= 12 and any(o.regex is not None and o.regex.search(before) for o in ps.openers)


def _openers_in(
    ps: PatternSet,
    norm: str,
    s0: int,
    s1: int,
    sections: list[tuple[int, str]],
    sentences: list[tuple[int, int]],
    s_idx: int,
) -> list[tuple[int, str]]:
    """Where each opener stands in a sentence (start, metric), in order; an opener with a
    context or section condition counts only where it holds (从内容看 opens proactive categories
    under 主动公开 and request topics under 依申请公开)."""
    section = _section_at(sections, s0)
    around = " ".join((section, norm[sentences[s_idx - 1][0] : s0] if s_idx else "", norm[s0:s1]))
    found: list[tuple[int, str]] = []
    for o in ps.openers:
        assert o.regex is not None
        if o.context is not None and not o.context.search(around):
            continue
        if o.section is not None and not o.section.search(section):
            continue
        if o.not_section is not None and o.not_section.search(section):
            continue
        found.extend((m.start(), o.metric) for m in o.regex.finditer(norm, s0, s1))
    return sorted(found)


@cache
def _patterns_by_unit(ps: PatternSet) -> dict[str, list[Pattern]]:
    """Patterns that can claim a quantity of each unit, in file order (a cheap first filter)."""
    units = {u for p in ps.patterns for u in p.units}
    return {u: [p for p in ps.patterns if not p.units or u in p.units] for u in units}


def _split_sentences(norm: str) -> Iterable[re.Match[str]]:
    return re.finditer(r"[^。！？!?\n]+[。！？!?\n]*", norm)


def _family_from_section(section: str) -> str | None:
    """Under a heading about one of them (（二）行政复议情况), outcomes belong to that total."""
    review, lawsuit = "复议" in section, "诉讼" in section
    if review and not lawsuit:
        return "reviews.total"
    if lawsuit and not review:
        return "lawsuits.total"
    return None


def _zeros(
    norm: str,
    sentences: list[tuple[int, int]],
    sections: list[tuple[int, str]],
    ps: PatternSet,
    emit: Any,
    in_skip: Any,
) -> None:
    for z in ps.zeros:
        assert z.regex is not None
        for m in z.regex.finditer(norm):
            if in_skip(m.start()):
                continue
            if z.section is not None and not z.section.search(_section_at(sections, m.start())):
                continue
            if z.not_section is not None and z.not_section.search(_section_at(sections, m.start())):
                continue
            if z.not_sentence is not None:
                s0, s1 = _enclosing(sentences, m.start())
                s0, s1 = max(s0, m.start() - _ALL_WINDOW), min(s1, m.end() + _ALL_WINDOW)
                if z.not_sentence.search(norm, s0, s1):
                    continue
            unit = z.units[0] if z.units else metrics()[z.metric].unit
            emit(z.metric, 0.0, unit, False, z.dimension, m.start(), m.end(), f"zero:{z.id}")


_ALL_WINDOW = 400


def _alls(
    norm: str,
    sentences: list[tuple[int, int]],
    ps: PatternSet,
    figures: list[Figure],
    emit: Any,
    in_skip: Any,
) -> None:
    """均为当面申请 / 维持了原答复 / 尚在审理中: a statement about all of a figure's items repeats its
    value under another key, when the figure stands in this sentence or the one before."""
    for a in ps.alls:
        assert a.regex is not None and a.source is not None
        for m in a.regex.finditer(norm):
            if in_skip(m.start()):
                continue
            s0, s1 = _enclosing(sentences, m.start())
            i = max(0, bisect.bisect_left(sentences, (s0, s1)))
            lo = sentences[i - 1][0] if i > 0 else s0
            # a real sentence is short; a megabyte without a full stop (garbled or hostile input)
            # must not be searched whole for every match
            s0 = max(s0, m.start() - _ALL_WINDOW)
            s1 = min(s1, m.end() + _ALL_WINDOW)
            lo = max(lo, m.start() - 2 * _ALL_WINDOW)
            sentence = norm[s0:s1]
            if a.not_sentence is not None and a.not_sentence.search(sentence):
                continue
            source = a.source
            metric = a.metric
            if source.startswith("@") or metric.startswith("@"):
                # the outcome belongs to whichever of 复议 / 诉讼 was named last before it
                upto = norm[s0 : m.end()]
                review = upto.rfind("复议")
                lawsuit = max(upto.rfind(w) for w in ("诉讼", "法院", "判决", "起诉"))
                if review < 0 and lawsuit < 0:
                    continue
                family = "reviews" if review > lawsuit else "lawsuits"
                source = source.replace("@", family)
                metric = metric.replace("@", family)
            candidates = [
                f
                for f in figures
                if f.metric == source and f.span is not None and lo <= f.span[0] <= m.start()
            ]
            if not candidates:
                continue
            src = candidates[-1]
            dim: str | None = None
            if a.dimension == "capture" and "dim" in m.groupdict() and m.group("dim"):
                dim = clean_dimension(m.group("dim"), metric, ps)
            elif a.dimension:
                dim = a.dimension
            emit(metric, src.value, src.unit, src.approx, dim, m.start(), m.end(), f"all:{a.id}", True)


def _enclosing(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    k = bisect.bisect_right(sentences, (pos, 1 << 62)) - 1
    if k >= 0 and sentences[k][0] <= pos < sentences[k][1]:
        return sentences[k]
    return pos, pos
