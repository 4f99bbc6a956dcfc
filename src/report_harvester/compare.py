"""Cross-district comparison: one metric or named indicator, bodies as rows, years as columns.

    compare(store, ["requests.received"], regions=["5107"], years=(2014, 2024)) -> CompareResult

Only each report's preferred figure counts (the earliest document's, see store.py), so a report
published as an HTML page and as a PDF is counted once. Named indicators (patterns/indicators.toml)
are computed from those figures by their formulas. Both read the comparison blocks (schema.py, schema
4), which hold exactly those preferred figures grouped by metric, dimension and level, so a comparison
reads a few hundred rows per metric and never touches the rest.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import operator
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import IO, Any

from . import registry
from .errors import HarvesterError, PatternError, StoreError
from .store import Store
from .store.bodies import resolve_region_token
from .store.schema import level_rank
from .store.store import MONEY_FACTORS, PLACE

LEVELS = ("government", "department", "township")
_NO_BODY: tuple[str | None, str, str, list[str]] = ("", "", "", [])


class QueryError(StoreError):
    """The database cannot answer the query as asked (unknown metric, region or year range)."""


# -- indicators -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    key: str
    zh: str
    formula: str
    unit: str
    description: str = ""
    zero_if_missing: tuple[str, ...] = ()

    @property
    def metrics(self) -> list[str]:
        return _formula_metrics(self.formula)


@cache
def indicators() -> dict[str, Indicator]:
    raw = registry.load_toml("indicators.toml").get("indicator", {})
    out: dict[str, Indicator] = {}
    if not isinstance(raw, dict):
        raise PatternError("indicators.toml has no [indicator.*] tables")
    for key, spec in raw.items():
        try:
            ind = Indicator(
                key=key,
                zh=str(spec["zh"]),
                formula=str(spec["formula"]),
                unit=str(spec.get("unit", "")),
                description=str(spec.get("description", "")),
                zero_if_missing=tuple(spec.get("zero_if_missing", [])),
            )
            formula_fn(ind.formula, ind.zero_if_missing)
        except (KeyError, TypeError, SyntaxError) as exc:
            raise PatternError(f"indicator {key}: {exc}", source="patterns/indicators.toml") from exc
        out[key] = ind
    return out


def find_indicator(name: str) -> Indicator | None:
    for ind in indicators().values():
        if name in (ind.key, ind.zh):
            return ind
    return None


def _dotted(node: ast.expr) -> str:
    # metric keys such as requests.granted parse as attribute chains; t3.x.total likewise
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    raise SyntaxError(f"not a metric key: {ast.dump(node)}")


def _formula_metrics(formula: str) -> list[str]:
    tree = ast.parse(formula, mode="eval")
    found: list[str] = []

    def walk(n: ast.expr) -> None:
        if isinstance(n, ast.Name | ast.Attribute):
            key = _dotted(n)
            if key not in found:
                found.append(key)
        elif isinstance(n, ast.BinOp):
            walk(n.left)
            walk(n.right)
        elif isinstance(n, ast.UnaryOp):
            walk(n.operand)

    walk(tree.body)
    return found


Value = float | None
Place = int  # store.place(body_id, year)
Columns = Mapping[str, Mapping[Place, float]]
Formula = Callable[[Columns, list[Place]], list[float]]
_NAN = float("nan")


def formula_fn(formula: str, zero_if_missing: tuple[str, ...] = ()) -> Formula:
    """Compile an indicator formula into fn(values by metric key, places) -> one result per place.

    SQL's rules for missing values: a missing metric makes the result missing (unless it is listed
    in zero_if_missing), and so does a division by zero. Missing is NaN while computing (it carries
    through + - * / on its own, so every operation is one C-level map over all places) and None in
    the result. Only + - * / unary minus, numbers and metric keys are accepted; anything else is a
    SyntaxError.
    """

    def build(n: ast.expr) -> Formula:
        if isinstance(n, ast.Name | ast.Attribute):
            key = _dotted(n)
            default = 0.0 if key in zero_if_missing else _NAN
            return lambda v, places: list(map(v[key].get, places, repeat(default)))
        if isinstance(n, ast.Constant) and isinstance(n.value, int | float) and not isinstance(n.value, bool):
            number = float(n.value)
            return lambda v, places: [number] * len(places)
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub):
            inner = build(n.operand)
            return lambda v, places: list(map(operator.neg, inner(v, places)))
        if isinstance(n, ast.BinOp) and type(n.op) in _OPERATORS:
            op, left, right = _OPERATORS[type(n.op)], build(n.left), build(n.right)
            if op is operator.truediv:
                # x / 0 is missing, as NULLIF(den, 0) makes it in SQL (NaN is truthy and stays NaN)
                return lambda v, places: list(
                    map(op, left(v, places), [d if d else _NAN for d in right(v, places)])
                )
            return lambda v, places: list(map(op, left(v, places), right(v, places)))
        raise SyntaxError(f"unsupported in a formula: {ast.unparse(n)}")

    return build(ast.parse(formula, mode="eval").body)


_OPERATORS: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


# -- what to compare --------------------------------------------------------------------------

_DIM_SUFFIX = re.compile(r"(类|的|信息)+$")


def normalise_dimension(label: str) -> str:
    """metrics.md's rule: 其它 is 其他, anything starting 其他 is 其他, trailing 类/的/信息 dropped."""
    text = re.sub(r"\s+", "", label).replace("其它", "其他")
    if text.startswith("其他"):
        return "其他"
    return _DIM_SUFFIX.sub("", text) or text


@dataclass(frozen=True)
class Measure:
    """A plain metric (with an optional dimension) or a named indicator."""

    label: str
    unit: str
    metrics: tuple[str, ...]
    dimension: str | None = None
    indicator: Indicator | None = None
    zh: str | None = None


def parse_measure(spec: str, store: Store) -> Measure:
    spec = spec.strip()
    ind = find_indicator(spec)
    if ind:
        return Measure(label=ind.zh, unit=ind.unit, metrics=tuple(ind.metrics), indicator=ind, zh=ind.zh)
    m = re.fullmatch(r"([A-Za-z0-9_.]+)(?:\[(.+)\]|:(.+))?", spec)
    if not m:
        raise QueryError(f"not a metric key or indicator: {spec!r}")
    key = m.group(1)
    dim_raw = m.group(2) or m.group(3)
    dim = normalise_dimension(dim_raw) if dim_raw else None
    row = store.conn.execute("SELECT unit, zh FROM metrics WHERE key = ?", (key,)).fetchone()
    if row is None:
        names = ", ".join(f"{i.key} ({i.zh})" for i in indicators().values())
        raise QueryError(
            f"unknown metric {key!r}; metric keys are in patterns/metrics.toml; indicators: {names}"
        )
    unit = row[0] or ""
    if unit in MONEY_FACTORS:
        unit = "元"
    return Measure(
        label=spec if dim is None else f"{key}[{dim}]", unit=unit, metrics=(key,), dimension=dim, zh=row[1]
    )


def parse_years(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    m = re.fullmatch(r"\s*(\d{4})\s*(?:[-–~:]\s*(\d{4}))?\s*", text)
    if not m:
        raise QueryError(f"years must look like 2014-2024 or 2018, not {text!r}")
    a, b = int(m.group(1)), int(m.group(2) or m.group(1))
    if a > b:
        a, b = b, a
    return a, b


def region_prefixes(store: Store, regions: list[str] | None) -> list[str]:
    """Code prefixes for the --region tokens: codes, prefixes such as 5107, or names (安州区, 安县)."""
    out: list[str] = []
    for token in regions or []:
        for part in re.split(r"[,，、\s]+", token):
            if not part:
                continue
            codes = resolve_region_token(part)
            if not codes:
                # names the registry does not know may still be bodies' names in the database
                rows = store.conn.execute(
                    "SELECT DISTINCT region_code FROM bodies WHERE region_code IS NOT NULL AND"
                    " (name LIKE ? OR former_names LIKE ?)",
                    (f"%{part}%", f"%{part}%"),
                ).fetchall()
                codes = [str(r[0]) for r in rows]
            if not codes:
                raise QueryError(f"no region matches {part!r}")
            out.extend(c for c in codes if c not in out)
    return out


def _prefix_end(prefix: str) -> str:
    # region_code >= '5107' AND region_code < '5108' uses the index; LIKE '5107%' would not
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


# -- the query --------------------------------------------------------------------------------


@dataclass
class Row:
    body_id: int
    code: str | None
    name: str
    level: str
    former_names: list[str]
    measure: str
    unit: str
    values: dict[int, float | None] = field(default_factory=dict)


@dataclass
class CompareResult:
    measures: list[Measure]
    years: list[int]
    rows: list[Row]

    def to_json(self) -> dict[str, Any]:
        return {
            "measures": [
                {
                    "label": m.label,
                    "unit": m.unit,
                    "metrics": list(m.metrics),
                    "dimension": m.dimension,
                    "formula": m.indicator.formula if m.indicator else None,
                    "zh": m.zh,
                }
                for m in self.measures
            ],
            "years": self.years,
            "rows": [
                {
                    "code": r.code,
                    "body": r.name,
                    "former_names": r.former_names,
                    "level": r.level,
                    "metric": r.measure,
                    "unit": r.unit,
                    "values": {str(y): _clean(r.values.get(y)) for y in self.years},
                }
                for r in self.rows
            ],
        }


def _clean(v: float | None) -> float | int | None:
    if v is None:
        return None
    v = round(v, 4)
    return int(v) if float(v).is_integer() else v


def _measure_values(
    store: Store,
    measure: Measure,
    ids: dict[str, int],
    money: set[str],
    level: int | None,
    years: tuple[int, int] | None,
    bodies: set[int] | None,
) -> dict[Place, Value]:
    """A plain metric's values, or an indicator's formula over its metrics' values, by place."""
    dim = measure.dimension or ""
    per_metric = {
        key: store.compare_values(ids[key], dim, level, years, bodies, key in money)
        for key in measure.metrics
    }
    if measure.indicator is None:
        return dict(per_metric[measure.metrics[0]])
    fn = formula_fn(measure.indicator.formula, measure.indicator.zero_if_missing)
    places = list(set().union(*per_metric.values()))
    return {
        place: (None if value != value else value)
        for place, value in zip(places, fn(per_metric, places), strict=True)
    }


def _region_bodies(store: Store, prefixes: list[str]) -> set[int] | None:
    """Ids of the bodies in the regions (None: no region filter)."""
    if not prefixes:
        return None
    out: set[int] = set()
    for p in prefixes:
        if len(p) == 6:
            rows = store.conn.execute("SELECT id FROM bodies WHERE region_code = ?", (p,))
        else:
            rows = store.conn.execute(
                "SELECT id FROM bodies WHERE region_code >= ? AND region_code < ?", (p, _prefix_end(p))
            )
        out.update(int(r[0]) for r in rows)
    return out


def compare(
    store: Store,
    measures: list[str],
    *,
    regions: list[str] | None = None,
    years: tuple[int, int] | None = None,
    level: str = "government",
) -> CompareResult:
    if not measures:
        raise QueryError("name at least one --metric")
    if level not in (*LEVELS, "all"):
        raise QueryError(f"level must be one of {', '.join(LEVELS)}, all; not {level!r}")
    parsed = [parse_measure(m, store) for m in measures]
    store.refresh_compare()  # reports of a deferred bulk load, if any
    ids = store.metric_ids()
    money = {str(k) for k, u in store.conn.execute("SELECT key, unit FROM metrics") if u in MONEY_FACTORS}
    allowed = _region_bodies(store, region_prefixes(store, regions))
    rank = None if level == "all" else level_rank(level)

    rows: dict[tuple[int, int], Row] = {}
    seen_years: set[int] = set()
    bodies: dict[int, tuple[str | None, str, str, list[str]]] = {}
    for mi, measure in enumerate(parsed):
        missing = [k for k in measure.metrics if k not in ids]
        if missing:
            continue  # a key no report has yet: every value is empty
        by_body: dict[int, dict[int, float | None]] = {}
        for where, value in _measure_values(store, measure, ids, money, rank, years, allowed).items():
            if value is not None:
                body_id, year = divmod(where, PLACE)
                per_year = by_body.get(body_id)
                if per_year is None:
                    by_body[body_id] = {year: value}
                else:
                    per_year[year] = value
        for body_id, per_year in by_body.items():
            rows[(mi, body_id)] = Row(body_id, None, "", "", [], measure.label, measure.unit, per_year)
            bodies[body_id] = _NO_BODY
            if not years:
                seen_years.update(per_year)

    _fill_bodies(store, bodies)
    for row in rows.values():
        row.code, row.name, row.level, row.former_names = bodies[row.body_id]
    year_list = list(range(years[0], years[1] + 1)) if years else sorted(seen_years)
    order = {m.label: i for i, m in enumerate(parsed)}
    ordered = sorted(
        rows.values(),
        key=lambda r: (
            r.code or "~",
            LEVELS.index(r.level) if r.level in LEVELS else 9,
            r.name,
            order[r.measure],
        ),
    )
    return CompareResult(parsed, year_list, ordered)


def _fill_bodies(store: Store, bodies: dict[int, tuple[str | None, str, str, list[str]]]) -> None:
    ids = list(bodies)
    for i in range(0, len(ids), 900):
        chunk = ids[i : i + 900]
        marks = ",".join("?" * len(chunk))
        for bid, code, name, level, former in store.conn.execute(
            f"SELECT id, region_code, name, level, former_names FROM bodies WHERE id IN ({marks})", chunk
        ):
            bodies[int(bid)] = (code, str(name), str(level), json.loads(former) if former != "[]" else [])


# -- output -----------------------------------------------------------------------------------


def _fmt(v: float | None) -> str:
    c = _clean(v)
    return "" if c is None else str(c)


def header(result: CompareResult) -> list[str]:
    return ["code", "body", "former_names", "level", "metric", "unit", *(str(y) for y in result.years)]


def table_rows(result: CompareResult) -> list[list[Any]]:
    return [
        [
            r.code or "",
            r.name,
            "、".join(r.former_names),
            r.level,
            r.measure,
            r.unit,
            *(_clean(r.values.get(y)) for y in result.years),
        ]
        for r in result.rows
    ]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def render_table(result: CompareResult) -> str:
    """Aligned text for a terminal; CJK characters count as two columns."""
    if not result.rows:
        return "(no figures match)"
    multi = len(result.measures) > 1
    head = ["code", "body", *(["metric"] if multi else []), *(str(y) for y in result.years)]
    body = [
        [
            r.code or "",
            r.name,
            *([r.measure] if multi else []),
            *(_fmt(r.values.get(y)) for y in result.years),
        ]
        for r in result.rows
    ]
    fixed = 3 if multi else 2
    widths = [max(_width(str(x)) for x in col) for col in zip(head, *body, strict=True)]
    lines = []
    for i, line in enumerate([head, *body]):
        cells = [
            _pad(c, w, right=j >= fixed and i > 0) for j, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    units = "; ".join(
        f"{m.label}: {m.unit}" + (f" = {m.indicator.formula}" if m.indicator else "") for m in result.measures
    )
    lines.append(f"({units})")
    return "\n".join(lines)


def write_csv(result: CompareResult, fh: IO[str]) -> None:
    writer = csv.writer(fh, lineterminator="\r\n")
    writer.writerow(header(result))
    writer.writerows(table_rows(result))


def csv_bytes(result: CompareResult) -> bytes:
    # Excel in a Chinese locale reads BOM-less CSV as GBK; the BOM makes it read UTF-8.
    buf = io.StringIO()
    write_csv(result, buf)
    return buf.getvalue().encode("utf-8-sig")


def json_text(result: CompareResult) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"


def write_xlsx(result: CompareResult, path: Path) -> None:
    workbook = new_workbook()
    ws = workbook.create_sheet("compare")
    ws.append(header(result))
    for row in table_rows(result):
        ws.append(row)
    notes = workbook.create_sheet("metrics")
    notes.append(["metric", "unit", "formula"])
    for m in result.measures:
        notes.append([m.label, m.unit, m.indicator.formula if m.indicator else m.metrics[0]])
    save_workbook(workbook, path)


def new_workbook() -> Any:
    try:
        import openpyxl
    except ImportError as exc:
        raise HarvesterError(
            "XLSX output needs openpyxl: pip install 'report-harvester[xlsx]' (or use --format csv)"
        ) from exc
    return openpyxl.Workbook(write_only=True)


def save_workbook(workbook: Any, path: Path) -> None:
    try:
        workbook.save(str(path))
    except OSError as exc:
        raise HarvesterError(f"cannot write {path}: {exc.strerror or exc}") from exc
