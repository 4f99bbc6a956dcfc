"""DOCX parsing: body order, gridSpan/vMerge expansion, corrupt files, zip bombs, external entities."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from report_harvester.errors import ParseError, TooLarge
from report_harvester.models import ParsedDocument
from report_harvester.parse import docx as docx_parser
from report_harvester.parse import parse_document
from report_harvester.parse.docx import MEDIA_TYPE, parse_docx

DOCS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
TITLE = "示例区人民政府2021年政府信息公开工作年度报告"


@pytest.fixture(scope="module")
def doc() -> ParsedDocument:
    return parse_docx((DOCS / "template2021.docx").read_bytes(), "template2021.docx")


def _rewrite(data: bytes, member: str, transform: object) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == member:
                blob = transform(blob)  # type: ignore[operator]
            dst.writestr(info.filename, blob)
    return out.getvalue()


def test_paragraphs_and_table_in_body_order(doc: ParsedDocument) -> None:
    assert doc.media_type == MEDIA_TYPE
    assert doc.title == TITLE
    lines = doc.text.split("\n")
    assert lines[:4] == [
        TITLE,
        "一、总体情况",
        "2021年，示例区主动公开政府信息4435条。",
        "三、收到和处理政府信息公开申请情况",
    ]
    assert lines[-2:] == ["六、其他需要报告的事项", "本年度未收取信息处理费。"]
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.source == "docx"
    assert table.offset == doc.text.index("（本列数据的勾稽关系")
    assert doc.text.index("三、收到和处理") < table.offset < doc.text.index("六、其他需要报告的事项")


def test_horizontal_and_vertical_merges_are_expanded(doc: ParsedDocument) -> None:
    rows = doc.tables[0].rows
    assert len(rows) == 28
    assert {len(r) for r in rows} == {10}
    head = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    for r in range(3):  # a 3×3 block: gridSpan=3 on three rows joined by vMerge
        assert rows[r][:3] == [head] * 3
    assert rows[0][3:] == ["申请人情况"] * 7
    assert rows[1][3:] == ["自然人", *["法人或其他组织"] * 5, "总计"]
    assert rows[2][3:] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert [r[0] for r in rows[5:27]] == ["三、本年度办理结果"] * 22
    assert [r[1] for r in rows[7:15]] == ["（三）不予公开"] * 8
    assert [r[2] for r in rows[7:9]] == ["1.属于国家秘密", "2.其他法律行政法规禁止公开"]
    assert [r[1] for r in rows[15:18]] == ["（四）无法提供"] * 3
    assert rows[26][1:3] == ["（七）总计"] * 2
    assert rows[27][:3] == ["四、结转下年度继续办理"] * 3
    figures = [[int(v) for v in r[3:]] for r in rows[3:]]
    for row in figures:
        assert sum(row[:6]) == row[6]


def test_merged_cells_appear_once_in_the_text(doc: ParsedDocument) -> None:
    assert doc.text.count("三、本年度办理结果") == 1
    assert doc.text.count("（三）不予公开") == 1
    lines = doc.text[doc.tables[0].offset :].split("\n")
    assert lines[8].split("\t")[:3] == ["", "", "2.其他法律行政法规禁止公开"]
    assert len(lines[3].split("\t")) == 10


def test_sniffed_by_content_not_name() -> None:
    data = (DOCS / "template2021.docx").read_bytes()
    parsed = parse_document(data, "misnamed.pdf")
    assert parsed.media_type == MEDIA_TYPE
    assert len(parsed.tables) == 1


def test_not_a_zip() -> None:
    data = (DOCS / "not_a_zip.docx").read_bytes()
    with pytest.raises(ParseError, match="not a valid DOCX"):
        parse_docx(data, "not_a_zip.docx")


def test_truncated_docx() -> None:
    data = (DOCS / "template2021.docx").read_bytes()
    with pytest.raises(ParseError, match="not a valid DOCX"):
        parse_docx(data[: len(data) // 2], "cut.docx")


def test_zip_without_document_part() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("word/other.xml", "<x/>")
    with pytest.raises(ParseError, match=r"no word/document\.xml"):
        parse_docx(out.getvalue(), "x.docx")


def test_zip_bomb_is_refused_before_inflating() -> None:
    # 210 MB of zeros deflates to ~200 KB; the directory's declared size gives it away
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(210):
                fh.write(chunk)
    data = out.getvalue()
    assert len(data) < 1_000_000
    with pytest.raises(TooLarge, match="zip bomb"):
        parse_docx(data, "bomb.docx")


def test_limit_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_parser, "MAX_UNCOMPRESSED", 10_000)
    with pytest.raises(TooLarge, match="over the limit of 10000"):
        parse_docx((DOCS / "template2021.docx").read_bytes(), "x.docx")


def test_too_many_entries() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for i in range(docx_parser.MAX_ENTRIES + 1):
            zf.writestr(f"x/{i}", b"")
    with pytest.raises(TooLarge, match="entries"):
        parse_docx(out.getvalue(), "many.docx")


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")

    def inject(xml: bytes) -> bytes:
        decl = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'.encode()
        xml = re.sub(rb"(<\?xml[^>]*\?>)", lambda m: m.group(1) + decl, xml, count=1)
        return xml.replace("一、总体情况".encode(), "一、总体情况&xxe;".encode(), 1)

    data = _rewrite((DOCS / "template2021.docx").read_bytes(), "word/document.xml", inject)
    try:
        parsed = parse_docx(data, "xxe.docx")
    except ParseError:
        return  # refusing the file is as safe as ignoring the entity
    assert "TOP-SECRET-CONTENT" not in parsed.text
    assert "一、总体情况" in parsed.text


def test_internal_entity_expansion_is_not_performed() -> None:
    def inject(xml: bytes) -> bytes:
        ents = '<!ENTITY a "AAAAAAAAAA">' + "".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
        )
        decl = f"<!DOCTYPE w:document [{ents}]>".encode()
        xml = re.sub(rb"(<\?xml[^>]*\?>)", lambda m: m.group(1) + decl, xml, count=1)
        return xml.replace("一、总体情况".encode(), "一、总体情况&i;".encode(), 1)

    data = _rewrite((DOCS / "template2021.docx").read_bytes(), "word/document.xml", inject)
    try:
        parsed = parse_docx(data, "laughs.docx")
    except ParseError:
        return
    assert len(parsed.text) < 10_000
