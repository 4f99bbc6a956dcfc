"""export: every figure in long form, as Excel-ready CSV, JSON lines and XLSX."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from report_harvester import export
from report_harvester.models import DocumentInfo, Figure, Identity, Report
from report_harvester.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "r.db")
    r = Report(
        source="x",
        identity=Identity(issuer="绵阳市安州区人民政府", region_code="510705", year=2018, level="government"),
        figures=[
            Figure("requests.received", 26, "件", evidence="收到政府信息公开申请26件"),
            Figure("staff.total", 123, "人"),
        ],
    )
    s.ingest(r, DocumentInfo(sha256="a" * 64, size=1, url="https://gov.invalid/r.html"))
    yield s
    s.close()


def test_csv_has_bom_and_long_rows(store: Store) -> None:
    buf = io.BytesIO()
    n = export.write_csv(export.iter_figures(store), buf)
    raw = buf.getvalue()
    assert n == 2 and raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    first = rows[0]
    assert (first["body"], first["code"], first["year"], first["metric"], first["value"]) == (
        "绵阳市安州区人民政府",
        "510705",
        "2018",
        "requests.received",
        "26",
    )
    assert first["evidence"] == "收到政府信息公开申请26件" and first["source"] == "https://gov.invalid/r.html"


def test_jsonl_and_filters(store: Store) -> None:
    buf = io.BytesIO()
    export.write_jsonl(export.iter_figures(store, metrics=["staff.total"]), buf)
    lines = [json.loads(x) for x in buf.getvalue().decode().splitlines()]
    assert lines == [{**lines[0], "metric": "staff.total", "value": 123, "unit": "人"}]
    assert list(export.iter_figures(store, regions=["5108"])) == []


def test_xlsx(store: Store, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "f.xlsx"
    assert export.write_xlsx(export.iter_figures(store), out) == 2
    ws = openpyxl.load_workbook(out)["figures"]
    assert [c.value for c in next(ws.iter_rows())] == export.COLUMNS
