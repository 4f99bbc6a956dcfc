"""The SQLite database of bodies, reports, documents, figures and findings.

from report_harvester.store import Store
with Store.open("data/reports.db") as store:
    outcome = store.ingest(report, document_info)
"""

from __future__ import annotations

from .codec import extraction_hash
from .store import DEFAULT_DB, IngestOutcome, Store, gc_paused

__all__ = ["DEFAULT_DB", "IngestOutcome", "Store", "extraction_hash", "gc_paused"]
