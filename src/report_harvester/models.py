"""Plain data passed between the pipeline stages. No I/O here."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Table:
    """A table as a rectangular grid of cell texts, merged cells already expanded.

    `source` says how it was obtained (html, docx, pdf, text); `page` is the first PDF page.
    """

    rows: list[list[str]]
    source: str = "html"
    page: int | None = None
    # character offset in ParsedDocument.text where the table's text begins, when known
    offset: int | None = None


@dataclass
class ParsedDocument:
    """Output of the parse stage: the document's running text and its tables."""

    text: str
    tables: list[Table] = field(default_factory=list)
    media_type: str = "text/plain"
    title: str | None = None
    # notes about the document that are not errors: "image-only PDF", "encoding guessed: gb18030"
    notes: list[str] = field(default_factory=list)
    image_only: bool = False


@dataclass
class Figure:
    metric: str
    value: float
    unit: str
    approx: bool = False
    dimension: str | None = None
    evidence: str = ""
    span: tuple[int, int] | None = None
    method: str = ""
    # for table cells: the row and column labels the value sat under
    cell: tuple[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        v = self.value
        d["value"] = int(v) if float(v).is_integer() else v
        d["span"] = list(self.span) if self.span else None
        d["cell"] = list(self.cell) if self.cell else None
        return d


@dataclass
class Check:
    """One consistency check (勾稽关系) applied to a report; `passed` False is a finding."""

    check: str  # "1".."7"
    name: str
    passed: bool
    detail: str
    numbers: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Identity:
    title: str | None = None
    issuer: str | None = None
    region_code: str | None = None
    region_name: str | None = None
    level: str | None = None  # government | department | township
    year: int | None = None
    era: str | None = None  # prose | template2019 | template2021


@dataclass
class Report:
    source: str
    identity: Identity
    figures: list[Figure] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sha256: str | None = None
    media_type: str | None = None

    def to_json(self) -> dict[str, Any]:
        ident = self.identity
        return {
            "source": self.source,
            "title": ident.title,
            "issuer": ident.issuer,
            "region_code": ident.region_code,
            "level": ident.level,
            "year": ident.year,
            "era": ident.era,
            "media_type": self.media_type,
            "sha256": self.sha256,
            "figures": [f.to_json() for f in self.figures],
            "checks": [c.to_json() for c in self.checks],
            "notes": self.notes,
        }


@dataclass
class DocumentInfo:
    """Where a document's bytes came from: a URL (crawl) or a local path (ingest)."""

    sha256: str
    size: int
    media_type: str | None = None
    url: str | None = None
    path: str | None = None
    # HTTP metadata when fetched: status, etag, last_modified, content_type, fetched_at, final_url
    fetch: dict[str, Any] = field(default_factory=dict)
