"""Load, validate and compile the prose patterns of patterns/prose/*.toml, once.

A pattern file holds four kinds of entries (see patterns/prose/README.md):

- ``[[pattern]]``: a quantity (number + unit) becomes a figure when the text before it in its
  clause (the *label*) matches ``before``, the text after it matches ``after``, and the context
  conditions hold (``sentence``, ``section``, ``parent``). ``metric`` may be ``@.<suffix>`` (the
  family of the parent figure, e.g. 复议 → reviews.upheld) or ``@share`` (the share key of the
  figure just before, e.g. 兼职人员118人，占96%).
- ``[[zero]]``: a sentence that states a figure is nil (无申诉事件, 全年无收费情况).
- ``[[opener]]``: a phrase that opens a list of categories without a number of its own
  (主动公开政府信息的主要类别有：…).
- ``[[term]]``: the domain vocabulary: jieba segments each label with these words as one token
  each, and a label whose head word is a term becomes that term's figure (当面申请10件).

Every entry carries ``examples`` (text, value[, dimension]) that must produce the figure and
``counterexamples`` that must not; tests run them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..errors import PatternError
from ..registry import load_toml, metrics, patterns_dir


@dataclass(frozen=True)
class Example:
    text: str
    value: float | None = None
    dimension: str | None = None
    metric: str | None = None


@dataclass(frozen=True)
class Pattern:
    id: str
    metric: str
    kind: str  # pattern | zero | term
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None
    sentence: re.Pattern[str] | None = None
    # searched in the section heading, the previous sentence and this one
    context: re.Pattern[str] | None = None
    not_sentence: re.Pattern[str] | None = None
    section: re.Pattern[str] | None = None
    not_section: re.Pattern[str] | None = None
    parent: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    dimension: str | None = None  # fixed dimension, or "capture" for the named group dim
    percent: bool | None = None  # True: only percentages; False: never; None: as units say
    is_parent: bool = False
    examples: tuple[Example, ...] = ()
    counterexamples: tuple[str, ...] = ()
    # zero patterns: the regex matched against the sentence
    regex: re.Pattern[str] | None = None
    terms: tuple[str, ...] = ()
    # a second figure the same quantity also gives, as (metric, dimension); it yields to any
    # figure of that key stated on its own (政府网站主动公开5500条 is the total when no other is)
    also: tuple[tuple[str, str | None], ...] = ()
    # the figure just before this one in its sentence must have one of these metrics
    previous: tuple[str, ...] = ()
    # searched in the rest of the sentence after the quantity (…，顺延至2019年办理)
    rest: re.Pattern[str] | None = None
    # for list children: searched in the text from the parent figure (or opener) to this one,
    # so that only items of a marked list (其中, 包括, ：) are taken as the parent's parts
    marker: re.Pattern[str] | None = None
    # searched in the clause before the label's own (its named group dim may give the dimension)
    clause_before: re.Pattern[str] | None = None
    # [[all]] entries: the metric whose value this one repeats (均为当面申请 → 当面 = received)
    source: str | None = None


@dataclass(eq=False)  # hashed by identity: loaded once, cached per instance
class PatternSet:
    patterns: list[Pattern] = field(default_factory=list)
    zeros: list[Pattern] = field(default_factory=list)
    openers: list[Pattern] = field(default_factory=list)
    terms: list[Pattern] = field(default_factory=list)
    alls: list[Pattern] = field(default_factory=list)
    # dimension normalisation per metric: written label -> canonical dimension
    dimensions: dict[str, dict[str, str]] = field(default_factory=dict)
    # per metric: (suffix, canonical dimension), longest suffix first
    dimension_suffixes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # parent metrics: figures that open a list of children (其中 …)
    parents: set[str] = field(default_factory=set)
    # labels that speak of another year, a comparison or a target (00_context.toml)
    skip_label: re.Pattern[str] | None = None
    skip_examples: tuple[str, ...] = ()
    keep_examples: tuple[str, ...] = ()


def _compile(value: Any, where: str) -> re.Pattern[str] | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise PatternError(f"{where}: a regex must be a non-empty string")
    try:
        return re.compile(value)
    except re.error as exc:
        raise PatternError(f"{where}: bad regex {value!r}: {exc}") from exc


def _examples(raw: Any, where: str) -> tuple[Example, ...]:
    out = []
    for item in raw or []:
        if isinstance(item, str):
            out.append(Example(item))
            continue
        if not isinstance(item, dict) or "text" not in item:
            raise PatternError(f"{where}: each example needs a text")
        out.append(
            Example(
                text=str(item["text"]),
                value=float(item["value"]) if "value" in item else None,
                dimension=item.get("dimension"),
                metric=item.get("metric"),
            )
        )
    return tuple(out)


_KNOWN = {
    "id",
    "metric",
    "before",
    "after",
    "not_before",
    "not_after",
    "sentence",
    "context",
    "not_sentence",
    "section",
    "not_section",
    "parent",
    "units",
    "dimension",
    "percent",
    "is_parent",
    "examples",
    "counterexamples",
    "regex",
    "terms",
    "also",
    "previous",
    "rest",
    "source",
    "marker",
    "clause_before",
    "note",
}


def _build(kind: str, raw: dict[str, Any], where: str) -> Pattern:
    unknown = set(raw) - _KNOWN
    if unknown:
        raise PatternError(f"{where}: unknown field(s) {sorted(unknown)}")
    metric = raw.get("metric")
    if not isinstance(metric, str):
        raise PatternError(f"{where}: needs a metric")
    if not metric.startswith("@") and metric not in metrics():
        raise PatternError(f"{where}: metric {metric!r} is not in patterns/metrics.toml")
    for extra in raw.get("also", ()):
        if extra.get("metric") not in metrics():
            raise PatternError(f"{where}: also-metric {extra.get('metric')!r} is not registered")
    pid = str(raw.get("id") or f"{metric}#{where}")
    return Pattern(
        id=pid,
        metric=metric,
        kind=kind,
        before=_compile(raw.get("before"), where),
        after=_compile(raw.get("after"), where),
        not_before=_compile(raw.get("not_before"), where),
        not_after=_compile(raw.get("not_after"), where),
        sentence=_compile(raw.get("sentence"), where),
        context=_compile(raw.get("context"), where),
        not_sentence=_compile(raw.get("not_sentence"), where),
        section=_compile(raw.get("section"), where),
        not_section=_compile(raw.get("not_section"), where),
        parent=tuple(raw.get("parent", ())),
        units=tuple(raw.get("units", ())),
        dimension=raw.get("dimension"),
        percent=raw.get("percent"),
        is_parent=bool(raw.get("is_parent", False)),
        examples=_examples(raw.get("examples"), where),
        counterexamples=tuple(str(x) for x in raw.get("counterexamples", [])),
        regex=_compile(raw.get("regex"), where),
        terms=tuple(str(t) for t in raw.get("terms", ())),
        also=tuple((str(a["metric"]), a.get("dimension")) for a in raw.get("also", ())),
        previous=tuple(raw.get("previous", ())),
        rest=_compile(raw.get("rest"), where),
        source=raw.get("source"),
        marker=_compile(raw.get("marker"), where),
        clause_before=_compile(raw.get("clause_before"), where),
    )


@cache
def load() -> PatternSet:
    ps = PatternSet()
    files = sorted((patterns_dir() / "prose").glob("*.toml"))
    if not files:
        raise PatternError("no prose pattern files", source=str(patterns_dir() / "prose"))
    for path in files:
        data = load_toml(f"prose/{path.name}")
        assert isinstance(data, dict)
        for kind, bucket in (
            ("pattern", ps.patterns),
            ("zero", ps.zeros),
            ("opener", ps.openers),
            ("term", ps.terms),
            ("all", ps.alls),
        ):
            for i, raw in enumerate(data.get(kind, [])):
                where = f"{path.name} {kind}[{i}]"
                p = _build(kind, raw, where)
                if kind == "zero" and p.regex is None:
                    raise PatternError(f"{where}: a zero entry needs a regex")
                if kind == "opener" and p.regex is None:
                    raise PatternError(f"{where}: an opener needs a regex")
                if kind == "term" and not p.terms:
                    raise PatternError(f"{where}: a term entry needs terms")
                if kind == "all" and (p.regex is None or not p.source):
                    raise PatternError(f"{where}: an all entry needs a regex and a source")
                bucket.append(p)
                if p.is_parent:
                    ps.parents.add(p.metric)
        context = data.get("context")
        if isinstance(context, dict):
            ps.skip_label = _compile(context.get("skip_label"), f"{path.name} context")
            ps.skip_examples += tuple(context.get("skip_examples", ()))
            ps.keep_examples += tuple(context.get("keep_examples", ()))
        for metric, table in data.get("dimension_suffixes", {}).items():
            if metric not in metrics():
                raise PatternError(f"{path.name}: dimension_suffixes for unknown metric {metric!r}")
            pairs = ps.dimension_suffixes.setdefault(metric, [])
            for canonical, suffixes in table.items():
                pairs.extend((str(sfx), canonical) for sfx in suffixes)
            pairs.sort(key=lambda pair: -len(pair[0]))
        dims = data.get("dimensions", {})
        assert isinstance(dims, dict)
        for metric, table in dims.items():
            if metric not in metrics():
                raise PatternError(f"{path.name}: dimensions for unknown metric {metric!r}")
            target = ps.dimensions.setdefault(metric, {})
            for canonical, variants in table.items():
                target[canonical] = canonical
                for v in variants:
                    target[str(v)] = canonical
    return ps


def domain_words() -> list[str]:
    """Words jieba must keep whole: every term plus the extra vocabulary in dict.txt."""
    words = [t for p in load().terms for t in p.terms]
    path = patterns_dir() / "dict.txt"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                words.append(line.split()[0])
    return words
