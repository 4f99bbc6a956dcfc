"""parse_document: format sniffing from bytes, error classes, plain text and text tables."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest

from report_harvester.errors import EmptyInput, UnsupportedFormat
from report_harvester.parse import parse_document, sniff_format
from report_harvester.parse.text import find_text_tables

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.parametrize("data", [b"", b"   \r\n\t ", "\u3000\n".encode()])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInput):
        parse_document(data, "empty.txt")


def test_ole2_doc_says_how_to_convert() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
    with pytest.raises(UnsupportedFormat, match="soffice --headless --convert-to docx") as info:
        parse_document(data, "report.doc")
    assert info.value.source == "report.doc"
    assert "\n" not in str(info.value)


def test_pdf_goes_to_the_pdf_parser_or_says_it_is_missing() -> None:
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
    assert sniff_format(data) == "pdf"
    if importlib.util.find_spec("report_harvester.parse.pdf") is not None:
        pytest.skip("parse/pdf.py is present; its own tests cover PDFs")
    with pytest.raises(UnsupportedFormat, match="PDF support not installed"):
        parse_document(data, "x.html")


def test_image_is_an_image_only_document() -> None:
    doc = parse_document(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "scan.png")
    assert doc.image_only
    assert doc.media_type == "image/png"
    assert doc.text == ""


def test_xlsx_is_unsupported() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormat, match="XLSX"):
        parse_document(out.getvalue(), "t.docx")


def test_binary_junk_is_unsupported() -> None:
    with pytest.raises(UnsupportedFormat, match="binary data") as info:
        parse_document(b"\x00\x01\x02\x03junk" * 300, "junk.html")
    assert info.value.source == "junk.html"


def test_plain_text_keeps_characters_and_normalises_line_ends() -> None:
    text = "标题: 某县2011年政府信息公开工作年度报告\r\n发布时间: 2012-04-18\r\n\r\n正文：主动公开信息４４３５条。\r"
    doc = parse_document(text.encode("gbk"), "x.txt")
    assert doc.media_type == "text/plain"
    assert doc.title == "某县2011年政府信息公开工作年度报告"
    assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n")
    assert doc.notes == ["encoding guessed: gb18030"]


def test_plain_text_with_a_tab_table() -> None:
    text = "附件：统计表\n指标名称\t计量单位\t本年度\n主动公开信息数\t条\t425\n其中：网站公开\t条\t418\n结束语。\n"
    doc = parse_document(text.encode(), "t.txt")
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.source == "text"
    assert table.rows == [
        ["指标名称", "计量单位", "本年度"],
        ["主动公开信息数", "条", "425"],
        ["其中：网站公开", "条", "418"],
    ]
    assert table.offset == text.index("指标名称")


def test_text_tables_need_three_rows_of_equal_width() -> None:
    text = "甲  乙  丙\n丁  戊  己\n只有一行\na\tb\tc\nd\te\tf\ng\th\n"
    assert find_text_tables(text) == []
    spaced = "  指标  单位  数量\n  申请  件  26\n  复议  件  18\n"
    (table,) = find_text_tables(spaced)
    assert table.rows[2] == ["复议", "件", "18"]
    assert table.offset == 0


def test_crawler_text_from_the_corpus() -> None:
    path = CORPUS / "fj_pt2011_county.txt"
    if not path.exists():
        pytest.skip("shared corpus not present")
    doc = parse_document(path.read_bytes(), path.name)
    assert doc.media_type == "text/plain"
    assert doc.title == "平潭县人民政府2011年政府信息公开工作年度报告"
    assert doc.notes == []
    # the flattened table (digits run together) is left to extraction, not split here
    assert doc.tables == []
    assert "主动公开信息数条4251516" in doc.text
