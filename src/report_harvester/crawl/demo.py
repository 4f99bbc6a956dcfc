"""`report-harvester demo`: serve the stand-in sites, harvest them, compare Anzhou with its neighbours."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from .harvest import HarvestOptions, RunResult, harvest
from .sources import load_sources, rebase
from .standin import StandinSites

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "sites"
ANZHOU = "510705"
HEADLINES = [
    ("proactive.total", "主动公开"),
    ("requests.received", "申请"),
    ("reviews.total", "复议"),
    ("lawsuits.total", "诉讼"),
    ("staff.total", "人员"),
]


def run_demo(
    db: Path, data_dir: Path, delay: float = 0.05, echo: Callable[[str], None] = print
) -> tuple[RunResult, str]:
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    with StandinSites(FIXTURES) as sites:
        echo(f"serving {len(sites.hostmap)} stand-in sites on 127.0.0.1 ({', '.join(sorted(sites.hostmap))})")
        sources = rebase(load_sources(FIXTURES / "_sources"), sites.hostmap)
        result = harvest(
            sources, HarvestOptions(db=db, data_dir=data_dir, delay=delay, backoff=0.05), log=echo
        )
    return result, comparison(db)


def comparison(db: Path) -> str:
    """Headline metrics of each district's government, Anzhou first, and the failed checks."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT code, body, year, metric, SUM(value) FROM figures_long"
            " WHERE level = 'government' AND preferred = 1 AND dimension IS NULL GROUP BY code, body, year, metric"
        ).fetchall()
        counts = conn.execute(
            "SELECT b.region_code, b.level, COUNT(*) FROM reports r JOIN bodies b ON b.id = r.body_id"
            " GROUP BY b.region_code, b.level"
        ).fetchall()
        findings = conn.execute(
            "SELECT code, body, year, check_id, detail FROM findings_long ORDER BY code = ? DESC, code, year",
            (ANZHOU,),
        ).fetchall()
    finally:
        conn.close()
    per: dict[str, dict[int, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    names: dict[str, str] = {}
    for code, body, year, metric, value in rows:
        per[code or "?"][year][metric] = value
        names.setdefault(code or "?", body)
    docs: dict[str, dict[str, int]] = defaultdict(dict)
    for code, level, n in counts:
        docs[code or "?"][level] = n
    lines = ["", "Reports by division (government / department / township):"]
    for code in sorted(docs, key=lambda c: (c != ANZHOU, c)):
        d = docs[code]
        lines.append(
            f"  {code:<7} {names.get(code, ''):<16} {d.get('government', 0):>3} / {d.get('department', 0):>2} / {d.get('township', 0):>2}"
        )
    lines += ["", "Headline metrics of the district governments, mean per report year (years with figures):"]
    header = f"  {'code':<7} {'body':<16}" + "".join(f"{zh:>10}" for _, zh in HEADLINES) + "   years"
    lines.append(header)
    for code in sorted(per, key=lambda c: (c != ANZHOU, c)):
        years = per[code]
        cells = []
        for key, _zh in HEADLINES:
            vals = [m[key] for m in years.values() if key in m]
            cells.append(f"{sum(vals) / len(vals):>10.0f}" if vals else f"{'-':>10}")
        span = f"{min(years)}-{max(years)}" if years else ""
        lines.append(f"  {code:<7} {names.get(code, ''):<16}" + "".join(cells) + f"   {span}")
    if not per:
        lines.append("  (no figures extracted yet)")
    lines += ["", f"Failed checks: {len(findings)}"]
    for code, body, year, check, detail in findings[:40]:
        lines.append(f"  {code} {body} {year} check {check}: {detail}")
    return "\n".join(lines)
