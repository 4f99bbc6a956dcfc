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
    ids = store.metric_ids()
    names = {i: k for k, i in ids.items()}
    wanted = {ids[m] for m in metrics if m in ids} if metrics else None
    if wanted is not None and not wanted:
        return
    # A document's figures are one row of aligned JSON arrays (store/codec.py): decoding them here
    # reads each array once, where the figures view would extract every element on its own.
    sql = (
        "SELECT b.name, b.region_code, b.level, r.year, r.era, COALESCE(d.url, d.path, d.source),"
        " df.n, df.preferred, df.metric, df.value, df.unit, df.dimension, df.approx, df.evidence, df.method"
        " FROM documents d JOIN document_figures df ON df.document_id = d.id"
        " JOIN reports r ON r.id = d.report_id JOIN bodies b ON b.id = r.body_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY b.region_code, b.level, b.name, r.year, r.id, d.id"
    )
    for body, code, level, year, era, source, n, preferred, *arrays in store.conn.execute(sql, params):
        decoded: list[list[Any]] = [json.loads(a) if a else [None] * n for a in arrays]
        mids, values, units, dims, approx, evidence, methods = decoded
        for i in range(n):
            if wanted is not None and mids[i] not in wanted:
                continue
            v = values[i]
            yield [
                body,
                code,
                level,
                year,
                era,
                names.get(mids[i], str(mids[i])),
                dims[i],
                int(v) if float(v).is_integer() else v,
                units[i],
                1 if approx[i] else 0,
                1 if preferred[i] == "1" else 0,
                evidence[i],
                methods[i],
                source,
            ]


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
