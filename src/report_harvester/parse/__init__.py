"""Parse stage: bytes -> ParsedDocument (running text + table grids). Pure; no I/O.

Contract: `parse_document(data, name)` sniffs the format from the bytes (name is a hint only),
decodes text (gb18030-first policy), and returns text in which every table's cells also appear
(so prose patterns see them) plus the tables as grids. Raises InputError subclasses for bad input.

    %PDF               -> parse.pdf.parse_pdf           application/pdf
    PK + word/...      -> parse.docx.parse_docx         DOCX
    D0 CF 11 E0 (OLE2) -> UnsupportedFormat             .doc/.xls: convert with LibreOffice
    images             -> image_only document           a scanned report (图片版), no text layer
    HTML by content    -> parse.html                    text/html
    anything else      -> plain text                    text/plain
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from ..errors import EmptyInput, ParseError, UnsupportedFormat
from ..models import ParsedDocument
from .decode import decode_text
from .html import parse_html_text
from .text import parse_plain_text

__all__ = ["parse_document", "sniff_format"]

_CONVERT_HINT = "convert it first: soffice --headless --convert-to docx FILE"

_IMAGES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"BM", "image/bmp"),
)

_OTHER_BINARY: tuple[tuple[bytes, str], ...] = (
    (b"{\\rtf", f"RTF document is not supported; {_CONVERT_HINT}"),
    (b"\x1f\x8b", "gzip archive is not supported; unpack it first"),
    (b"Rar!", "RAR archive is not supported; unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive is not supported; unpack it first"),
)

_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|table|div|p|span|font|br|h[1-6])[\s>/]",
    re.IGNORECASE,
)


def sniff_format(data: bytes) -> str:
    """One of pdf, zip, ole2, image/<kind>, text: decided from the leading bytes, never the name."""
    head = data[:1024]
    stripped = head.lstrip()
    if stripped.startswith(b"%PDF") or (b"%PDF-" in head and not stripped.startswith(b"<")):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole2"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image/webp"
    for magic, kind in _IMAGES:
        if head.startswith(magic):
            return kind
    return "text"


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip("\ufeff \t\r\n")
    if head[:5].lower() == "<?xml" and re.search(r"<html[\s>]", head[:2048], re.IGNORECASE):
        return True
    # a tag at the very start, or several HTML tags near it (crawler output may lead with a comment)
    if head.startswith("<") and _HTML_START.match(head):
        return True
    if head.startswith("<!--") and _HTML_START.search(head):
        return True
    return len(_HTML_START.findall(head)) >= 3


def _parse_zip(data: bytes, name: str) -> ParsedDocument:
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise ParseError(f"corrupt ZIP container: {exc}", source=name) from exc
    if "word/document.xml" in names:
        from .docx import parse_docx

        return parse_docx(data, name)
    if "xl/workbook.xml" in names:
        raise UnsupportedFormat("XLSX spreadsheets are not supported yet", source=name)
    if "content.xml" in names:
        raise UnsupportedFormat(f"OpenDocument file is not supported; {_CONVERT_HINT}", source=name)
    raise UnsupportedFormat("ZIP archive that is not a DOCX; unpack it first", source=name)


def _parse_pdf(data: bytes, name: str) -> ParsedDocument:
    try:
        from .pdf import parse_pdf  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        raise UnsupportedFormat("PDF support not installed", source=name) from exc
    result: ParsedDocument = parse_pdf(data, name)
    return result


def parse_document(data: bytes, name: str = "", declared_charset: str | None = None) -> ParsedDocument:
    """Parse a document's bytes; `declared_charset` is the HTTP header's charset, if fetched."""
    if not data.strip():
        raise EmptyInput("empty document", source=name or None)
    kind = sniff_format(data)
    if kind == "pdf":
        return _parse_pdf(data, name)
    if kind == "zip":
        try:
            return _parse_zip(data, name)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
            # zipfile refuses compression methods and versions it does not know with
            # NotImplementedError; for us that is a damaged or foreign document, not a bug
            raise ParseError(f"not a readable DOCX/ZIP: {exc}", source=name or None) from exc
    if kind == "ole2":
        raise UnsupportedFormat(
            f"legacy Word/Excel binary (.doc/.xls, OLE2) is not supported; {_CONVERT_HINT}",
            source=name or None,
        )
    if kind.startswith("image/"):
        return ParsedDocument(
            text="",
            media_type=kind,
            notes=[f"image file ({kind}): a scanned report has no text layer"],
            image_only=True,
        )
    for magic, message in _OTHER_BINARY:
        if data.startswith(magic):
            raise UnsupportedFormat(message, source=name or None)
    # The bytes decide the format, but a file named .docx/.pdf that is neither is corrupt, not
    # text: reading it as text would report zero figures for a document that was damaged.
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix == "docx":
        raise ParseError("not a valid DOCX: the file is not a ZIP archive", source=name)
    if suffix == "pdf":
        raise ParseError("not a readable PDF: no %PDF header", source=name)

    try:
        text, note = decode_text(data, declared_charset)
    except UnsupportedFormat as exc:
        exc.source = exc.source or name or None
        raise
    notes = [note] if note else []
    if not text.strip():
        raise EmptyInput("empty document (only white space)", source=name or None)
    if _looks_like_html(text):
        doc = parse_html_text(text, notes)
        if not doc.text.strip() and not doc.tables:
            doc.notes.append("HTML page without body text")
        return doc
    return parse_plain_text(text, notes)
