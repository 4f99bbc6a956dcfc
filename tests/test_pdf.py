"""PDF parsing: text layer, rebuilt table rows, image-only and broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from report_harvester.errors import ParseError
from report_harvester.extract import template
from report_harvester.parse.pdf import parse_pdf

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures" / "documents"
CORPUS = ROOT.parent / "shared" / "corpus"


def _read(name: str) -> bytes:
    return (FIX / name).read_bytes()


def test_template_pdf_text_tables_and_figures() -> None:
    doc = parse_pdf(_read("pdf_template2021.pdf"), "pdf_template2021.pdf")
    assert not doc.image_only and doc.media_type == "application/pdf"
    assert "- 1 -" not in doc.text and "- 2 -" not in doc.text  # page footers dropped
    assert "一、本年新收政府信息公开申请数量 12 1 0 0 2 0 15" in doc.text
    # table 3 crosses the page break: one grid
    t3 = [t for t in doc.tables if any("本年新收" in r[0] for r in t.rows)]
    assert len(t3) == 1 and any("（七）总计" in r[0] for r in t3[0].rows)
    assert t3[0].source == "pdf" and t3[0].page == 1
    v = {f.metric: f.value for f in template.extract(doc).figures}
    assert v["t3.total.total"] == 15 and v["t3.carried_forward.total"] == 1
    assert v["t2.normative.in_force"] == 40 and v["t2.fees.amount"] == 12.5
    assert v["lawsuits.total"] == 1 and v["reviews.total"] == 1


def test_image_only_pdf() -> None:
    doc = parse_pdf(_read("pdf_image_only.pdf"), "scan.pdf")
    assert doc.image_only and doc.text == "" and doc.notes


@pytest.mark.parametrize("name", ["pdf_truncated.pdf", "pdf_not_a_pdf.pdf"])
def test_broken_pdf_raises_parse_error(name: str) -> None:
    with pytest.raises(ParseError, match="not a readable PDF"):
        parse_pdf(_read(name), name)


def test_garbage_bytes() -> None:
    with pytest.raises(ParseError):
        parse_pdf(b"%PDF-1.7\n", "x.pdf")


def test_corpus_pdf_speed_and_layout() -> None:
    path = CORPUS / "js_ha2024_city.pdf"
    if not path.exists():
        pytest.skip("shared corpus not available (../shared)")
    data = path.read_bytes()
    doc = parse_pdf(data, path.name)
    # vertical labels and wrapped labels do not separate a row from its numbers
    assert "8.属于行政查询事项 105 0 0 0 0 0 105" in doc.text
    assert "尚未审结 37 件" in doc.text or "尚未审结37件" in doc.text.replace(" ", "")


def test_pdf_spliced_from_repeated_pieces_is_refused_quickly() -> None:
    from report_harvester.errors import ParseError

    data = (ROOT / "fixtures" / "documents" / "pdf_template2021.pdf").read_bytes()
    cut = len(data) // 2
    spliced = data[:cut] + data[100:cut] * 400 + data[cut:]
    with pytest.raises(ParseError, match="defined over and over"):
        parse_pdf(spliced, "spliced.pdf")


def test_ragged_right_prose_is_joined_but_centred_lines_are_not() -> None:
    # lines wrapped by a character count end short of the margin; the next starts at the margin
    doc = parse_pdf((FIX / "prose_w6_hi_transport_2016.pdf").read_bytes(), "w6.pdf")
    lines = doc.text.splitlines()
    assert "海口市交通运输局2016年政府信息公开" in lines and "工作年度报告" in lines  # the centred title
    assert any("局办公室具体承办" in ln for ln in lines)  # 局办公 | 室具体承办, one line again
    assert any("通过“海口交通”微信公众号发布74条。" in ln for ln in lines)  # a number and its unit
    assert "一、基本情况" in lines  # headings stay lines of their own
    assert not any(ln.startswith("1.组织机构") and "一、" in ln for ln in lines)
