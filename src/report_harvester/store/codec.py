"""A document's figures as one row of JSON arrays aligned by position (seq), and the extraction hash.

Storing 200 figures as 200 rows costs more than everything else an ingest does, so schema 2 keeps a
document's figures column-wise in one `document_figures` row: `value` is a JSON array of numbers,
`evidence` a JSON array of strings, and so on, figure i being element i of every array. The arrays
are built with str.join wherever the items allow it (plain numbers, strings that need no JSON
escaping) and with the json module otherwise, so the common case does almost no per-figure work in
Python. SQLite reads them back with `->>` and json_each (see the figures view in schema.py).
"""

from __future__ import annotations

import hashlib
import json
import marshal
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain
from typing import Any

from ..errors import StoreError
from ..models import Report

_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
# what a JSON string may not contain unescaped; '"' is counted separately
_NEEDS_ESCAPE = re.compile(r"[\\\x00-\x1f]")


class _NumberTexts(dict[Any, str]):
    """number -> its JSON text, remembered.

    Formatting numbers was a third of an encode's time (CPython's int and float repr cost ~150 ns
    each), while the same counts and text positions recur from document to document.
    """

    def __init__(self, fmt: Callable[[Any], str], limit: int = 1 << 18) -> None:
        super().__init__()
        self.fmt, self.limit = fmt, limit

    def __missing__(self, key: Any) -> str:
        text = self.fmt(key)
        if len(self) >= self.limit:
            self.clear()
        self[key] = text
        return text


def _float_text(v: float) -> str:
    if not math.isfinite(v):
        # never remembered, so a NaN or an infinity is refused every time it comes
        raise StoreError(f"cannot store a figure: {v!r} is not a finite number")
    # -0.0 equals 0.0 and shares its cache entry: both are written 0.0, whichever comes first
    return "0.0" if v == 0 else repr(v)


_INT_TEXTS = _NumberTexts(str)
_FLOAT_TEXTS = _NumberTexts(_float_text)


def dumps(obj: Any) -> str:
    try:
        return _json(obj)
    except ValueError as exc:  # NaN or infinity: not a number a report can state
        raise StoreError(f"cannot store a figure: {exc}") from exc


def str_array(items: list[Any]) -> str:
    """JSON array of strings; joined directly when no item needs escaping (the usual case)."""
    if not items:
        return "[]"
    try:
        body = '","'.join(items)
    except TypeError:  # a None or a non-string among them
        return dumps(items)
    if (
        body.count('"') == 2 * (len(items) - 1)
        and "\\" not in body
        # printable text has no control characters; isprintable is the faster test, but false for
        # some harmless characters (U+3000), which the regex then clears
        and (body.isprintable() or _NEEDS_ESCAPE.search(body) is None)
    ):
        return '["' + body + '"]'
    return dumps(items)


def pair_array(pairs: list[Any], n: int, strings: bool) -> str | None:
    """[a0, b0, a1, b1, ...] for a list of pairs or Nones (null, null); None when all are None."""
    nones = pairs.count(None)
    if nones == n:
        return None
    if nones == 0 and not strings:
        flat = list(chain.from_iterable(pairs))
        # exact ints only: a float or a bool would share a cache entry with the int it equals
        if len(flat) == 2 * n and set(map(type, flat)) == {int}:
            return "[" + ",".join(map(_INT_TEXTS.__getitem__, flat)) + "]"
    if nones == 0:
        flat = list(chain.from_iterable(pairs))
        if len(flat) == 2 * n:
            if strings:
                return str_array(flat)
            if set(map(type, flat)) <= {int}:
                return repr(flat).replace(" ", "")
    out: list[Any] = []
    for p in pairs:
        out.extend((None, None) if p is None else (p[0], p[1]))
    return dumps(out)


@dataclass(slots=True)
class Encoded:
    """A document's figures as the texts of its document_figures row, plus the extraction hash.

    The per-figure lists (keys, dims, values, units) are there when encode() made them, and are
    decoded from the texts on first use when the object was unpickled: a pickle carries only the
    texts, which is what bulk loaders send between processes.
    """

    n: int
    key_text: str  # metric keys joined by U+001F
    value: str
    unit: str
    dimension: str | None
    approx: str | None
    evidence: str
    span: str | None
    method: str
    cell: str | None
    # '1' where the figure is the first of its (metric, dimension) within this document
    preferred: str
    hash: str
    _keys: list[str] | None = None
    _dims: list[str | None] | None = None
    _values: list[float] | None = None
    _units: list[str] | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return Encoded, (
            self.n,
            self.key_text,
            self.value,
            self.unit,
            self.dimension,
            self.approx,
            self.evidence,
            self.span,
            self.method,
            self.cell,
            self.preferred,
            self.hash,
        )

    @property
    def keys(self) -> list[str]:
        if self._keys is None:
            self._keys = self.key_text.split("\x1f") if self.n else []
        return self._keys

    @property
    def dims(self) -> list[str | None]:
        if self._dims is None:
            self._dims = json.loads(self.dimension) if self.dimension is not None else [None] * self.n
        return self._dims

    @property
    def values(self) -> list[float]:
        if self._values is None:
            self._values = [float(v) for v in json.loads(self.value)]
        return self._values

    @property
    def units(self) -> list[str]:
        if self._units is None:
            self._units = json.loads(self.unit)
        return self._units

    @property
    def empty_dimension(self) -> bool:
        """Whether some figure's dimension is '' (which comparisons file with no dimension)."""
        return self.dimension is not None and _has_empty(self.dimension)


@lru_cache(maxsize=256)
def _has_empty(dimension_text: str) -> bool:
    # reports of one template repeat the same dimension column: decode each text once
    return "" in json.loads(dimension_text)


def encode(report: Report) -> Encoded:
    figs = report.figures
    n = len(figs)
    keys = [f.metric for f in figs]
    values = [f.value for f in figs]
    if set(map(type, values)) - {float}:
        values = [float(v) for v in values]
    # what the json module writes (repr of each float), from the cache
    value_text = "[" + ",".join(map(_FLOAT_TEXTS.__getitem__, values)) + "]"
    units = [f.unit for f in figs]
    dims = [f.dimension for f in figs]
    approx = [f.approx for f in figs]
    dim_text = None if dims.count(None) == n else dumps(dims)
    approx_text = "[" + ",".join(["1" if a else "0" for a in approx]) + "]" if any(approx) else None
    unit_text = str_array(units)
    evidence_text = str_array([f.evidence for f in figs])
    method_text = str_array([f.method for f in figs])
    span_text = pair_array([f.span for f in figs], n, strings=False)
    cell_text = pair_array([f.cell for f in figs], n, strings=True)

    # (key, dimension) pairs; the keys alone when no figure has a dimension
    pairs: list[Any] = list(zip(keys, dims, strict=True)) if dim_text is not None else keys
    if len(set(pairs)) == n:
        preferred = "1" * n
    else:
        seen: set[Any] = set()
        flags = []
        for p in pairs:
            flags.append("0" if p in seen else "1")
            seen.add(p)
        preferred = "".join(flags)

    i = report.identity
    head = (
        (i.title, i.issuer, i.region_code, i.region_name, i.level, i.year, i.era),
        report.media_type,
        tuple(report.notes),
        [(c.check, c.name, c.passed, c.detail, tuple(sorted(c.numbers.items()))) for c in report.checks],
    )
    try:
        raw = marshal.dumps(head, 2)
    except ValueError:  # a value marshal cannot write (a caller's own type): fall back to its repr
        raw = repr(head).encode()
    h = hashlib.sha256(raw)
    # metric keys, not the database's metric ids: equal extractions hash equal in every database
    key_text = "\x1f".join(keys)
    body = "\x1e".join(
        [
            key_text,
            value_text,
            unit_text,
            dim_text or "~",
            approx_text or "~",
            evidence_text,
            span_text or "~",
            method_text,
            cell_text or "~",
        ]
    )
    h.update(body.encode("utf-8", "surrogatepass"))
    return Encoded(
        n,
        key_text,
        value_text,
        unit_text,
        dim_text,
        approx_text,
        evidence_text,
        span_text,
        method_text,
        cell_text,
        preferred,
        h.hexdigest(),
        keys,
        dims,
        values,
        units,
    )


@dataclass(slots=True)
class Prepared:
    """A report ready to store: its figures encoded, the Figure objects themselves dropped.

    Encoding is most of an ingest's CPU time and needs no database, so bulk loads do it where the
    reports are made (extraction worker processes) and send this instead: it pickles in a small
    fraction of the time a Report with its Figure objects takes.
    """

    report: Report  # everything but the figures
    encoded: Encoded


def prepare(report: Report) -> Prepared:
    return Prepared(replace(report, figures=[]), encode(report))


def extraction_hash(report: Report) -> str:
    """Fingerprint of an extraction's output: equal hashes mean re-ingesting changes nothing."""
    return encode(report).hash


@dataclass(slots=True)
class Stored:
    """One document_figures row read back: the columns a merge or a refresh needs."""

    document_id: int
    metric_ids: list[int]
    values: list[float]
    units: list[str]
    dims: list[str | None]
    preferred: str


def decode(
    document_id: int, metric: str, value: str, unit: str, dimension: str | None, preferred: str
) -> Stored:
    mids = json.loads(metric)
    n = len(mids)
    dims: list[str | None] = json.loads(dimension) if dimension else [None] * n
    return Stored(document_id, mids, json.loads(value), json.loads(unit), dims, preferred)
