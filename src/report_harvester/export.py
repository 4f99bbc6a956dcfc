"""Every stored figure in long form, as CSV (Excel-ready), XLSX or JSON lines.

Rows stream from the database, so exporting millions of figures needs little memory.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .compare import new_workbook, region_prefixes, save_workbook
from .store import Store

COLUMNS = [
    "body",
    "code",
    "level",
    "year",
    "era",
    "metric",
    "dimension",
    "value",
    "unit",
    "approx",
    "preferred",
    "evidence",
    "method",
    "source",
]


def iter_figures(
    store: Store,
    *,
    regions: list[str] | None = None,
    years: tuple[int, int] | None = None,
    metrics: list[str] | None = None,
) -> Iterator[list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    prefixes = region_prefixes(store, regions)
    if prefixes:
        where.append("(" + " OR ".join("b.region_code LIKE ?" for _ in prefixes) + ")")
        params.extend(p + "%" for p in prefixes)
    if years:
        where.append("r.year BETWEEN ? AND ?")
        params.extend(years)
    if metrics:
        where.append(f"m.key IN ({','.join('?' * len(metrics))})")
        params.extend(metrics)
    sql = (
        "SELECT b.name, b.region_code, b.level, r.year, r.era, m.key, f.dimension, f.value, f.unit, f.approx,"
        " f.preferred, f.evidence, f.method, COALESCE(d.url, d.path, d.source)"
        " FROM figures f JOIN reports r ON r.id = f.report_id JOIN bodies b ON b.id = r.body_id"
        " JOIN metrics m ON m.id = f.metric_id JOIN documents d ON d.id = f.document_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY b.region_code, b.level, b.name, r.year, f.report_id, f.id"
    )
    for row in store.conn.execute(sql, params):
        out = list(row)
        v = out[7]
        out[7] = int(v) if float(v).is_integer() else v
        yield out


def write_csv(rows: Iterator[list[Any]], fh: IO[bytes]) -> int:
    # utf-8-sig: Chinese Excel reads a CSV without BOM as GBK and garbles every label.
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    text.flush()
    text.detach()
    return n


def write_jsonl(rows: Iterator[list[Any]], fh: IO[bytes]) -> int:
    n = 0
    for row in rows:
        fh.write((json.dumps(dict(zip(COLUMNS, row, strict=True)), ensure_ascii=False) + "\n").encode())
        n += 1
    return n


def write_xlsx(rows: Iterator[list[Any]], path: Path) -> int:
    workbook = new_workbook()
    ws = workbook.create_sheet("figures")
    ws.append(COLUMNS)
    n = 0
    for row in rows:
        ws.append(row)
        n += 1
    save_workbook(workbook, path)
    return n
