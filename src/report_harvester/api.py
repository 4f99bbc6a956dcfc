"""The library API; the CLI is a thin shell over these functions.

extract_bytes(data, source)  -> Report      parse -> identify -> extract -> check, pure
extract_path(path)           -> Report      reads one file (size-limited), then extract_bytes
iter_documents(paths)        -> (source, Report | HarvesterError) for files, directories, "-"
iter_prepared(paths, jobs)   -> (source, Prepared | HarvesterError), extracted in `jobs` processes
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

from . import check, identify, parse, workers
from .errors import HarvesterError, TooLarge, UnreadableInput
from .extract import extract_all
from .models import Report
from .store import gc_paused
from .store.codec import Prepared, prepare

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DOCUMENT_SUFFIXES = {".txt", ".html", ".htm", ".shtml", ".pdf", ".docx", ".doc", ".xhtml"}


def extract_bytes(data: bytes, source: str = "-") -> Report:
    parsed = parse.parse_document(data, source)
    ident = identify.identify(parsed)
    report = Report(
        source=source,
        identity=ident,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=parsed.media_type,
        notes=list(parsed.notes),
    )
    if parsed.image_only:
        report.notes.append("image-only document (图片版): no text layer, no figures")
        return report
    extraction = extract_all(parsed, ident)
    report.figures = extraction.figures
    report.notes.extend(extraction.notes)
    if extraction.era and not ident.era:
        ident.era = extraction.era
    # the checks see every figure, prose restatements of table cells included (check 6)
    report.checks = check.run_checks(extraction.all_figures, ident)
    if not report.figures:
        report.notes.append("no figures found: not a disclosure report, or a layout not yet covered")
    return report


def read_limited(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"file is {size} bytes, over the limit of {max_bytes}", source=str(path))
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except IsADirectoryError as exc:
        raise UnreadableInput("is a directory", source=str(path)) from exc
    except FileNotFoundError as exc:
        raise UnreadableInput("no such file", source=str(path)) from exc
    except PermissionError as exc:
        raise UnreadableInput("permission denied", source=str(path)) from exc
    except OSError as exc:
        raise UnreadableInput(exc.strerror or str(exc), source=str(path)) from exc


def extract_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    return extract_bytes(read_limited(path, max_bytes), str(path))


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in DOCUMENT_SUFFIXES:
                    yield str(child)
        else:
            yield p


def iter_documents(
    paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[str, Report | HarvesterError]]:
    """Yield each document's report, or the error that stopped it; one bad file never stops the rest."""
    for p in expand_paths(paths):
        try:
            if p == "-":
                data = sys.stdin.buffer.read(max_bytes + 1)
                if len(data) > max_bytes:
                    raise TooLarge(f"input over the limit of {max_bytes} bytes", source="-")
                yield p, extract_bytes(data, "-")
            else:
                yield p, extract_path(Path(p), max_bytes)
        except HarvesterError as exc:
            if exc.source is None:
                exc.source = p
            yield p, exc


def _prepare_path(path: str, max_bytes: int) -> Prepared | HarvesterError:
    """Extract and encode one file; the error is returned, not raised, so a pool keeps going."""
    try:
        return prepare(extract_path(Path(path), max_bytes))
    except HarvesterError as exc:
        if exc.source is None:
            exc.source = path
        return exc


def iter_prepared(
    paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES, jobs: int | None = None
) -> Iterator[tuple[str, Prepared | HarvesterError]]:
    """iter_documents, with extraction and encoding spread over `jobs` processes (default: one per
    core); results come in input order. What they yield is ready for Store.ingest as it is.
    """
    jobs = workers.default_jobs() if jobs is None else max(1, jobs)
    files = list(expand_paths(paths))
    if jobs == 1 or len(files) < 2 or "-" in files:  # stdin cannot be handed to a worker
        for src, result in iter_documents(files, max_bytes):
            yield src, result if isinstance(result, HarvesterError) else prepare(result)
        return
    pool = workers.process_pool(jobs)
    # This process now only unpickles results (and the caller stores them): no reference cycles,
    # so the collector's walks over them would be wasted time.
    try:
        with gc_paused():
            yield from zip(
                files, pool.map(partial(_prepare_path, max_bytes=max_bytes), files, chunksize=4), strict=True
            )
    except BrokenProcessPool as exc:
        # a worker killed outright (out of memory, a crash in a native parser): not a traceback
        raise HarvesterError(
            f"an extraction process died ({exc}); run again with --jobs 1 to find the document"
        ) from exc
    finally:
        # an interrupted run does not wait for the documents still queued
        pool.shutdown(wait=True, cancel_futures=True)
