"""Extract stage: ParsedDocument -> figures with evidence. Pure.

Three extractors run over every document: the template tables (extract/template.py, 2019 and
2021 national templates), the prose era's statistics table (extract/stats_table.py), and the
prose patterns (extract/prose.py) over the text outside those tables. For a key given by both a
table and the prose, the table's figure is kept in the result; the prose figure is still passed
to the checks (check 6 compares them), through `extract_all`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Figure, Identity, ParsedDocument
from . import prose, stats_table


@dataclass
class Extraction:
    figures: list[Figure]
    # every figure found, including prose restatements of table cells (for check 6)
    all_figures: list[Figure] = field(default_factory=list)
    era: str | None = None
    notes: list[str] = field(default_factory=list)


def _template(doc: ParsedDocument) -> tuple[list[Figure], list[tuple[int, int]], str | None, list[str]]:
    try:
        from . import template
    except ImportError:  # pragma: no cover - template module not present in this build
        return [], [], None, []
    try:
        result = template.extract(doc)
    except (ValueError, ArithmeticError, RecursionError) as exc:
        # A malformed cell (a date such as 2021.1.5 inside a row) must not cost the document
        # its prose figures: the tables are reported unreadable and extraction goes on.
        return [], [], None, [f"template tables unreadable ({type(exc).__name__}: {exc}); prose only"]
    return list(result.figures), list(result.table_spans), result.era, list(result.notes)


def extract_all(doc: ParsedDocument, ident: Identity) -> Extraction:
    t_figs, t_spans, era, notes = _template(doc)
    if era is None:
        # a stray table-like line in a prose report is not a template table
        t_figs, t_spans = [], []
    s_figs, s_spans, s_notes = stats_table.extract(doc.text, doc.tables) if not t_figs else ([], [], [])
    notes += s_notes
    p_figs = prose.extract(doc.text, skip=t_spans + s_spans, year=ident.year)
    table_figs = t_figs + s_figs
    taken = {(f.metric, f.dimension) for f in table_figs}
    merged = table_figs + [f for f in p_figs if (f.metric, f.dimension) not in taken]
    return Extraction(figures=merged, all_figures=table_figs + p_figs, era=era, notes=notes)
