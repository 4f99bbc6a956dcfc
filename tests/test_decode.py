"""Encoding policy of parse/decode.py (spec/dependencies.md §5)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from report_harvester.errors import UnsupportedFormat
from report_harvester.parse.decode import declared_charset, decode_text

DOCS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
# 镕 and 堃 are in GBK but not in GB2312: a gb2312 label read literally would break them.
SAMPLE = "朱镕基、王堃：2021年主动公开政府信息4435条，受理申请26件。"


def test_utf8_bom_is_stripped_and_trusted() -> None:
    text, note = decode_text(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), declared="gbk")
    assert text == SAMPLE
    assert note is None


def test_utf16_bom() -> None:
    text, note = decode_text(codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"))
    assert text == SAMPLE
    assert note is None


def test_plain_utf8_without_declaration_is_not_a_guess() -> None:
    assert decode_text(SAMPLE.encode("utf-8")) == (SAMPLE, None)


def test_gbk_without_declaration_is_guessed_as_gb18030() -> None:
    text, note = decode_text(SAMPLE.encode("gbk"))
    assert text == SAMPLE
    assert note == "encoding guessed: gb18030"


@pytest.mark.parametrize("label", ["gb2312", "GB2312", "gbk", "x-gbk", "cp936", "GB18030"])
def test_gb_labels_are_read_as_gb18030(label: str) -> None:
    text, note = decode_text(SAMPLE.encode("gbk"), declared=label)
    assert text == SAMPLE
    assert note is None


def test_gb18030_four_byte_characters_under_a_gbk_label() -> None:
    rare = "𠀀𪚥" + SAMPLE  # supplementary-plane ideographs: 4-byte sequences in gb18030
    text, note = decode_text(rare.encode("gb18030"), declared="gbk")
    assert text == rare
    assert note is None


def test_header_charset_wins_over_meta() -> None:
    page = f'<meta charset="utf-8"><p>{SAMPLE}</p>'.encode("gbk")
    text, note = decode_text(page, declared="text/html; charset=GBK")
    assert SAMPLE in text
    assert note is None


def test_wrong_meta_is_detected_and_reported() -> None:
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>{SAMPLE}</body></html>'
    text, note = decode_text(page.encode("gbk"))
    assert SAMPLE in text
    assert note == "declared charset utf-8 is wrong; decoded as gb18030"


def test_utf8_page_with_gb2312_meta() -> None:
    page = f'<meta charset="gb2312"><p>{SAMPLE}</p>'
    text, note = decode_text(page.encode("utf-8"))
    # utf-8 bytes of CJK text are rarely valid gb18030 throughout; when they are not, the fallback
    # must land on utf-8 and say the declaration was wrong
    assert SAMPLE in text
    assert note is not None and "gb2312" in note


def test_latin1_label_is_not_trusted_for_chinese_bytes() -> None:
    text, note = decode_text(SAMPLE.encode("utf-8"), declared="iso-8859-1")
    assert text == SAMPLE
    assert note == "declared charset iso-8859-1 is wrong; decoded as utf-8"


def test_latin1_label_on_ascii_is_fine() -> None:
    assert decode_text(b"plain ascii 123", declared="iso-8859-1") == ("plain ascii 123", None)


def test_unknown_label_falls_back() -> None:
    text, note = decode_text(SAMPLE.encode("gbk"), declared="x-no-such-charset")
    assert text == SAMPLE
    assert note is not None and "x-no-such-charset" in note


def test_a_stray_bad_byte_does_not_garble_the_page() -> None:
    data = (SAMPLE * 200).encode("utf-8") + b"\xff" + (SAMPLE * 200).encode("utf-8")
    text, note = decode_text(data)
    assert text.count("\ufffd") == 1
    assert SAMPLE in text
    assert note is not None and "1 undecodable byte" in note


def test_truncated_gbk_tail() -> None:
    data = (SAMPLE * 100).encode("gbk")[:-1]  # cut in the middle of the final 。
    text, note = decode_text(data)
    assert text.startswith(SAMPLE)
    assert note is not None and "gb18030" in note


def test_statistical_guess_for_a_western_page() -> None:
    page = ("Prix : 5 € la pièce, café crème à 3 €. Ça coûte cher ! " * 20).encode("cp1252")
    text, note = decode_text(page)
    assert "€" in text and "pièce" in text
    assert note is not None and note.startswith("encoding guessed")


def test_nul_bytes_are_rejected() -> None:
    with pytest.raises(UnsupportedFormat, match="NUL bytes"):
        decode_text(b"PAGE\x00\x00\x01\x00" * 500)


def test_control_bytes_are_rejected() -> None:
    junk = bytes([1, 2, 3, 4, 5, 6, 7, 0x0E, 0x0F, 0x10, 65, 66]) * 100
    with pytest.raises(UnsupportedFormat, match="control bytes"):
        decode_text(junk)


def test_declared_charset_sources() -> None:
    assert declared_charset(b"", "text/html;charset=utf-8") == "utf-8"
    assert (
        declared_charset(b'<meta content="text/html; charset=gb2312" http-equiv="Content-Type">') == "gb2312"
    )
    assert declared_charset(b"<?xml version='1.0' encoding='GBK'?><html/>") == "GBK"
    assert declared_charset(b"<p>no declaration</p>") is None


def test_fixture_pages_decode_to_the_same_text() -> None:
    utf8 = (DOCS / "template2021_utf8.html").read_bytes()
    gbk = (DOCS / "template2021_gbk_wrong_meta.html").read_bytes()
    assert decode_text(utf8) == (utf8.decode("utf-8"), None)
    text, note = decode_text(gbk)
    assert text == utf8.decode("utf-8")
    assert note == "declared charset utf-8 is wrong; decoded as gb18030"
