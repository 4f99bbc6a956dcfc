"""Check stage: the consistency checks (勾稽关系) of spec/metrics.md, as findings. Pure.

Checks 1–5 read one value per key, table figures before prose ones; check 6 compares the two
when both are given. A failed check is a finding: figures are never altered or dropped here.
Check 7 needs last year's report of the same body and is run where both are at hand (store).
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import Check, Figure, Identity
from .registry import comparable_dimension

T3_COLUMNS = ("natural_person", "business", "research", "nonprofit", "legal_services", "other_org", "total")
T3_OUTCOME_PREFIXES = ("granted", "partially_granted", "withheld.", "unable.", "not_processed.", "other")
T4_GROUPS = ("review", "lawsuit_direct", "lawsuit_after_review")
OUTCOMES = ("upheld", "corrected", "other", "pending")
TABLE_METHODS = ("table", "template", "stats-table")
EPS = 1e-6


def _is_table(f: Figure) -> bool:
    return f.method.startswith(TABLE_METHODS)


def _is_prose(f: Figure) -> bool:
    return f.method.startswith("prose")


_norm_dim = comparable_dimension


def _values(figures: Iterable[Figure]) -> dict[tuple[str, str | None], Figure]:
    """One figure per key: a table cell wins over a prose restatement of it."""
    out: dict[tuple[str, str | None], Figure] = {}
    for f in figures:
        d = f.dimension
        key = (f.metric, None if d is None else _norm_dim(d))
        have = out.get(key)
        if have is None or (f.method.startswith(TABLE_METHODS) and not have.method.startswith(TABLE_METHODS)):
            out[key] = f
    return out


def _eq(a: float, b: float) -> bool:
    return abs(a - b) < EPS


def run_checks(figures: list[Figure], ident: Identity) -> list[Check]:
    vals = _values(figures)
    v = {k[0]: f.value for k, f in vals.items() if k[1] is None}
    checks: list[Check] = []
    checks += _check_t3_columns(v)
    checks += _check_t3_rows(v)
    checks += _check_t3_outcomes(v)
    checks += _check_t4(v)
    checks += _check_prose(v, vals)
    checks += _check_narrative(figures)
    return checks


def _sum_check(cid: str, name: str, parts: dict[str, float], whole_key: str, whole: float) -> Check:
    total = sum(parts.values())
    ok = _eq(total, whole)
    expr = " + ".join([f"{k} {x:g}" for k, x in parts.items()])
    detail = f"{expr} = {total:g} {'=' if ok else '≠'} {whole_key} {whole:g}"
    return Check(check=cid, name=name, passed=ok, detail=detail, numbers={**parts, whole_key: whole})


def _check_t3_columns(v: dict[str, float]) -> list[Check]:
    out = []
    for c in T3_COLUMNS:
        keys = [f"t3.{r}.{c}" for r in ("new_received", "carried_over", "total", "carried_forward")]
        if not all(k in v for k in keys):
            continue
        lhs = v[keys[0]] + v[keys[1]]
        rhs = v[keys[2]] + v[keys[3]]
        ok = _eq(lhs, rhs)
        out.append(
            Check(
                check="1",
                name=f"table 3 column {c}: new_received + carried_over = total + carried_forward",
                passed=ok,
                detail=f"{v[keys[0]]:g} + {v[keys[1]]:g} = {lhs:g} {'=' if ok else '≠'} {v[keys[2]]:g} + {v[keys[3]]:g} = {rhs:g}",
                numbers={k: v[k] for k in keys},
            )
        )
    return out


def _t3_rows(v: dict[str, float]) -> list[str]:
    rows = []
    for k in v:
        if k.startswith("t3.") and k.endswith(".total"):
            rows.append(k[3 : -len(".total")])
    return sorted(rows)


def _check_t3_rows(v: dict[str, float]) -> list[Check]:
    out = []
    for row in _t3_rows(v):
        parts = {f"t3.{row}.{c}": v[f"t3.{row}.{c}"] for c in T3_COLUMNS[:-1] if f"t3.{row}.{c}" in v}
        if len(parts) < len(T3_COLUMNS) - 1:
            continue
        out.append(
            _sum_check(
                "2",
                f"table 3 row {row}: applicant columns add up to 总计",
                parts,
                f"t3.{row}.total",
                v[f"t3.{row}.total"],
            )
        )
    return out


def _check_t3_outcomes(v: dict[str, float]) -> list[Check]:
    out = []
    # the outcome cells by column, in the order of v; a column name has no ".", so a key ends with
    # ".{column}" exactly when the part after its last "." is that column
    by_column: dict[str, dict[str, float]] = {}
    for k, x in v.items():
        if k.startswith("t3.") and k[3:].startswith(T3_OUTCOME_PREFIXES):
            by_column.setdefault(k.rpartition(".")[2], {})[k] = x
    for c in T3_COLUMNS:
        tk = f"t3.total.{c}"
        if tk not in v:
            continue
        parts = dict(by_column.get(c, {}))
        # the 2019 template's single 其他处理 row and the 2021 sub-rows are one outcome, never both
        if any(k.startswith("t3.other.") and k.count(".") == 3 for k in parts):
            parts.pop(f"t3.other.{c}", None)
        if not parts:
            continue
        out.append(_sum_check("3", f"table 3 column {c}: 总计 = sum of the outcome rows", parts, tk, v[tk]))
    return out


def _check_t4(v: dict[str, float]) -> list[Check]:
    out = []
    for g in T4_GROUPS:
        tk = f"t4.{g}.total"
        parts = {f"t4.{g}.{o}": v[f"t4.{g}.{o}"] for o in OUTCOMES if f"t4.{g}.{o}" in v}
        if tk in v and len(parts) == len(OUTCOMES):
            out.append(_sum_check("4", f"table 4 {g}: outcomes add up to 总计", parts, tk, v[tk]))
    return out


def _share_ok(share: float, count: float, total: float) -> tuple[bool, float]:
    computed = 100.0 * count / total
    text = f"{share:g}"
    decimals = len(text.split(".")[1]) if "." in text else 0
    # a printed share is rounded (or truncated) to its own precision
    return abs(computed - share) <= 10.0 ** (-decimals) + EPS, computed


def _check_prose(v: dict[str, float], vals: dict[tuple[str, str | None], Figure]) -> list[Check]:
    out: list[Check] = []
    if all(k in v for k in ("staff.full_time", "staff.part_time", "staff.total")):
        parts = {"staff.full_time": v["staff.full_time"], "staff.part_time": v["staff.part_time"]}
        out.append(
            _sum_check("5", "staff: full-time + part-time = total", parts, "staff.total", v["staff.total"])
        )
    for kind in ("full_time", "part_time"):
        sk, ck = f"staff.{kind}_share", f"staff.{kind}"
        if sk in v and ck in v and v.get("staff.total"):
            ok, computed = _share_ok(v[sk], v[ck], v["staff.total"])
            out.append(
                Check(
                    check="5",
                    name=f"staff: {kind} share agrees with its count",
                    passed=ok,
                    detail=f"{v[ck]:g} / {v['staff.total']:g} = {computed:.2f}% vs printed {v[sk]:g}%",
                    numbers={ck: v[ck], "staff.total": v["staff.total"], sk: v[sk]},
                )
            )
    out += _check_dimension_sum(vals, "requests.by_channel", "requests.received", min_complete=5)
    out += _check_dimension_sum(vals, "proactive.by_category", "proactive.total", min_complete=None)
    for head in ("reviews", "lawsuits"):
        tk = f"{head}.total"
        parts = {f"{head}.{o}": v[f"{head}.{o}"] for o in OUTCOMES if f"{head}.{o}" in v}
        if tk in v and parts:
            out.append(_sum_check("5", f"{head}: outcomes add up to the total", parts, tk, v[tk]))
    return out


def _check_dimension_sum(
    vals: dict[tuple[str, str | None], Figure], metric: str, total_key: str, min_complete: int | None
) -> list[Check]:
    """Σ of a breakdown against its total, applied only when the breakdown claims completeness:
    it has a 其他 bucket, or (channels) it lists at least `min_complete` channels."""
    parts = {k[1] or "": f.value for k, f in vals.items() if k[0] == metric and k[1] is not None}
    total = vals.get((total_key, None))
    if not parts or total is None:
        return []
    complete = "其他" in parts or (min_complete is not None and len(parts) >= min_complete)
    if not complete:
        return []
    return [
        _sum_check(
            "5",
            f"Σ {metric} = {total_key}",
            {f"{metric}[{d}]": x for d, x in parts.items()},
            total_key,
            total.value,
        )
    ]


def _in_yuan(f: Figure) -> float:
    return f.value * 10000 if f.unit == "万元" else f.value


def _check_narrative(figures: list[Figure]) -> list[Check]:
    prose = [f for f in figures if _is_prose(f)]
    if not prose:
        return []
    # the first table figure of each key; only keys that prose figures have are looked up
    metrics = {f.metric for f in prose}
    table: dict[tuple[str, str | None], Figure] = {}
    for f in figures:
        if f.metric in metrics and _is_table(f):
            table.setdefault((f.metric, _norm_dim(f.dimension)), f)
    out: list[Check] = []
    seen: set[tuple[str, str | None, float]] = set()
    for f in prose:
        key = (f.metric, _norm_dim(f.dimension))
        t = table.get(key)
        if t is None or (f.metric, key[1], f.value) in seen:
            continue
        seen.add((f.metric, key[1], f.value))
        money = {f.unit, t.unit} <= {"元", "万元"}
        a, b = (_in_yuan(f), _in_yuan(t)) if money else (f.value, t.value)
        # 5500余条 restates a table value only roughly
        ok = abs(a - b) <= 0.1 * abs(b) if f.approx else _eq(a, b)
        label = f.metric + (f"[{f.dimension}]" if f.dimension else "")
        out.append(
            Check(
                check="6",
                name=f"narrative vs table: {label}",
                passed=ok,
                detail=f"prose {f.value:g}{f.unit} ({f.evidence[:40]}) {'=' if ok else '≠'} table {t.value:g}{t.unit}",
                numbers={"prose": f.value, "table": t.value},
            )
        )
    return out
