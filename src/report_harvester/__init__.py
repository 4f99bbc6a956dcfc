"""report-harvester: China's government information-disclosure annual reports as data.

The library API (the `report-harvester` command is a thin shell over it):

    from report_harvester import extract_bytes, extract_path
    report = extract_path(Path("report.pdf"))
    for figure in report.figures:
        print(figure.metric, figure.dimension, figure.value, figure.unit, figure.evidence)

Stages, each a module with one job: parse (bytes -> text and tables), identify (issuer, region,
year, era), extract (figures with evidence), check (consistency findings), store (SQLite),
compare/export, and crawl (discover, fetch, archive, harvest).
"""

from __future__ import annotations

from .api import extract_bytes, extract_path, iter_documents
from .errors import (
    EmptyInput,
    FetchError,
    HarvesterError,
    InputError,
    ParseError,
    PatternError,
    StoreError,
    TooLarge,
    UnreadableInput,
    UnsupportedFormat,
)
from .models import Check, DocumentInfo, Figure, Identity, ParsedDocument, Report, Table

__all__ = [
    "Check",
    "DocumentInfo",
    "EmptyInput",
    "FetchError",
    "Figure",
    "HarvesterError",
    "Identity",
    "InputError",
    "ParseError",
    "ParsedDocument",
    "PatternError",
    "Report",
    "StoreError",
    "Table",
    "TooLarge",
    "UnreadableInput",
    "UnsupportedFormat",
    "extract_bytes",
    "extract_path",
    "iter_documents",
]
