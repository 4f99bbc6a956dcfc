"""Bytes -> str under the encoding policy of spec/dependencies.md §5.

Order: BOM; else the declared charset (HTTP header, then <meta>/XML declaration); gb2312/gbk are read
as gb18030 (a superset, so 镕/堃 and 4-byte characters survive); strict decoding; when the declaration
is wrong or missing, utf-8 then gb18030 strictly, then charset-normalizer. The returned note says when
the result rests on a guess rather than on a declaration that held.
"""

from __future__ import annotations

import codecs
import re

from ..errors import UnsupportedFormat

_BOMS: tuple[tuple[bytes, str], ...] = (
    # utf-32 before utf-16: the utf-32-le BOM starts with the utf-16-le one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels whose real-world content is a GB superset; gb18030 decodes all of them.
_GB_LABELS = {
    "gb2312",
    "gb_2312",
    "gb_2312-80",
    "csgb2312",
    "gbk",
    "x-gbk",
    "cp936",
    "ms936",
    "windows-936",
    "euc-cn",
    "euccn",
    "x-euc-cn",
    "chinese",
    "iso-ir-58",
    "gb18030",
}

# Single-byte Western labels: CMS templates carry them by default, and latin-1 decodes any byte
# sequence, so a strict decode proves nothing. Content is checked before believing them.
_WEAK_LABELS = {
    "iso-8859-1",
    "iso8859-1",
    "latin-1",
    "latin1",
    "l1",
    "us-ascii",
    "ascii",
    "windows-1252",
    "cp1252",
}

_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(
    rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)

# Bytes that never occur in text documents (NUL and C0 controls other than \t \n \v \f \r, ESC).
_CONTROL_BYTES = bytes([b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)])
_SNIFF = 8192
# A few stray undecodable bytes (Word paste junk, a truncated tail) should not push a page that is
# otherwise valid GB or UTF-8 into statistical guessing.
_MAX_BAD_RATIO = 0.001


def _normalise_label(label: str) -> str:
    label = label.strip().strip("\"'").lower()
    if label in _GB_LABELS:
        return "gb18030"
    if label in ("utf8", "utf-8", "unicode-1-1-utf-8"):
        return "utf-8"
    return label


def declared_charset(data: bytes, declared: str | None = None) -> str | None:
    """The charset a document claims: the HTTP header's, else its <meta> or XML declaration's."""
    if declared:
        # callers sometimes pass the whole Content-Type value
        m = _HEADER_CHARSET.search(declared)
        label = m.group(1) if m else declared
        if label.strip():
            return label.strip()
    head = data[:16384]
    m2 = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if m2:
        return m2.group(1).decode("ascii", "replace")
    return None


def _check_binary(data: bytes) -> None:
    sample = data[:_SNIFF]
    nul = sample.count(0)
    if nul > max(2, len(sample) // 100):
        raise UnsupportedFormat(
            f"binary data, not a text document ({nul} NUL bytes in the first {len(sample)} bytes)"
        )
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(sample) // 20):
        raise UnsupportedFormat(
            f"binary data, not a text document ({controls} control bytes in the first {len(sample)} bytes)"
        )


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _lenient(data: bytes, encoding: str) -> tuple[str, int] | None:
    """Decode with replacement when only a handful of bytes are invalid; returns (text, bad count)."""
    try:
        text = data.decode(encoding, errors="replace")
    except LookupError:
        return None
    bad = text.count("\ufffd")
    if bad and bad <= max(1, int(len(data) * _MAX_BAD_RATIO)):
        return text, bad
    return None


def _normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    encoding = _normalise_label(best.encoding.replace("_", "-"))
    text = _strict(data, encoding)
    if text is None:
        text = str(best)
    return text, encoding


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Decode a document's bytes; returns (text, note) where note is None when nothing was guessed.

    `declared` is the charset from an HTTP Content-Type header (or the whole header value).
    Raises UnsupportedFormat for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            text = _strict(body, encoding)
            if text is not None:
                return text, None
            return body.decode(encoding, errors="replace"), f"invalid {encoding} after a byte-order mark"

    _check_binary(data)

    label = declared_charset(data, declared)
    wrong: str | None = None
    if label is not None:
        encoding = _normalise_label(label)
        weak = encoding in _WEAK_LABELS
        if weak and data.isascii():
            return data.decode("ascii"), None
        if not weak:
            text = _strict(data, encoding)
            if text is not None:
                return text, None
        wrong = label

    for encoding in ("utf-8", "gb18030"):
        text = _strict(data, encoding)
        if text is not None:
            if wrong is not None:
                return text, f"declared charset {wrong} is wrong; decoded as {encoding}"
            return text, None if encoding == "utf-8" else f"encoding guessed: {encoding}"

    candidates = ["utf-8", "gb18030"]
    if wrong is not None and _normalise_label(wrong) not in candidates:
        candidates.insert(0, _normalise_label(wrong))
    for encoding in candidates:
        lenient = _lenient(data, encoding)
        if lenient is not None:
            text, bad = lenient
            prefix = (
                f"declared charset {wrong} is wrong; "
                if wrong and _normalise_label(wrong) != encoding
                else ""
            )
            return text, f"{prefix}decoded as {encoding} with {bad} undecodable byte(s) replaced"

    guessed = _normalizer(data)
    if guessed is None and wrong is not None and _normalise_label(wrong) in _WEAK_LABELS:
        # nothing better found: the declaration was only doubted, not refuted
        return data.decode(
            _normalise_label(wrong), errors="replace"
        ), f"declared charset {wrong} used unverified"
    if guessed is None:
        raise UnsupportedFormat("cannot determine the text encoding (not utf-8, gb18030 or a known charset)")
    text, encoding = guessed
    prefix = f"declared charset {wrong} is wrong; " if wrong else ""
    return text, f"{prefix}encoding guessed: {encoding}"
