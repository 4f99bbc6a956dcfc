"""identify(): issuer, region, level, year and era from a report's title and text.

The inline report heads below are written for these tests; the real documents under ../shared are
read in place (never copied) and checked against their gold identity fields.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from report_harvester.identify import identify
from report_harvester.models import Identity, ParsedDocument, Table

SHARED = Path(__file__).resolve().parents[2] / "shared"

PROSE_2018 = """绵阳市安州区2018年政府信息公开工作年度报告

发布时间:2019-03-25 15:25
   根据《中华人民共和国政府信息公开条例》的规定，特编制本报告。
   一、概述
   2018年，我区主动公开政府信息4435条。
"""

# an old GBK-era page: full-width digits, a Chinese-numeral year, the body after the year
GBK_ERA = """首页 > 政务公开 > 年度报告
二〇一二年度绵阳市游仙区政府信息公开工作年度报告
发布日期：２０１３年３月２０日
本报告由游仙区人民政府办公室编制。
"""

ANXIAN_2014 = """安县2014年政府信息公开工作年度报告
一、概述
2014年，安县人民政府认真贯彻《条例》，主动公开信息1200条。
"""

DEPARTMENT_2019 = """安州区统计局2019年政府信息公开工作年度报告
一、总体情况
2019年，绵阳市安州区统计局认真贯彻落实新修订的《条例》。
二、主动发布政府信息情况
信息内容 本年新制作数量 本年新公开数量 对外公开总数量
规章 0 0 0
三、收到和处理政府信息公开申请情况
（六）其他处理 0
"""

TOWNSHIP_2021 = """花荄镇人民政府2021年度政府信息公开工作年度报告
一、总体情况
2021年，花荄镇在绵阳市安州区委、区政府的领导下，认真做好政务公开工作。安州区花荄镇地处…
二、主动公开政府信息情况
第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数
三、收到和处理政府信息公开申请情况
（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0
"""

CRAWLER_HEADER = """标题： 平潭综合实验区管委会2016年度政府信息公开工作年度报告
发布时间： 2017-01-10 00:00
栏目： 政府信息公开年报
==================== 正文 ====================
当前位置： 首页政务公开政府信息公开年报 平潭综合实验区管委会2016年度政府信息公开工作年度报告 来源：平潭县人民政府
"""

PDF_COVER = """淮安市洪泽区人民政府
2022 年政府信息公开工作年度报告
本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制。
一、总体情况
（一）主动公开情况。
二、主动公开政府信息情况
本年制发件数 本年废止件数 现行有效件数
"""


def ident(text: str, title: str | None = None) -> Identity:
    return identify(ParsedDocument(text=text, title=title))


def test_prose_government_report() -> None:
    i = ident(PROSE_2018)
    assert i.title == "绵阳市安州区2018年政府信息公开工作年度报告"
    assert (i.issuer, i.region_code, i.level, i.year, i.era) == (
        "绵阳市安州区人民政府",
        "510705",
        "government",
        2018,
        "prose",
    )
    assert i.region_name == "绵阳市安州区"


def test_year_is_never_the_publish_date() -> None:
    assert ident(PROSE_2018).year == 2018  # published 2019-03-25
    assert ident(CRAWLER_HEADER).year == 2016  # published 2017


def test_gbk_era_title_with_chinese_numeral_year() -> None:
    i = ident(GBK_ERA)
    assert i.year == 2012
    assert i.issuer == "绵阳市游仙区人民政府"
    assert i.region_code == "510704"
    assert i.level == "government"
    assert i.era == "prose"


def test_former_county_name_maps_to_current_code() -> None:
    i = ident(ANXIAN_2014)
    assert i.region_code == "510705"
    assert i.year == 2014
    assert i.level == "government"
    assert i.issuer == "绵阳市安州区人民政府"


def test_department_keeps_its_written_name() -> None:
    i = ident(DEPARTMENT_2019)
    assert (i.issuer, i.level, i.region_code, i.year) == ("安州区统计局", "department", "510705", 2019)
    assert i.era == "template2019"


def test_township_takes_its_district_code_from_the_text() -> None:
    i = ident(TOWNSHIP_2021)
    assert (i.issuer, i.level, i.year) == ("花荄镇人民政府", "township", 2021)
    assert i.region_code == "510705"
    assert i.era == "template2021"


def test_crawler_header_and_alias() -> None:
    i = ident(CRAWLER_HEADER)
    assert i.title == "平潭综合实验区管委会2016年度政府信息公开工作年度报告"
    assert (i.issuer, i.region_code, i.level) == ("平潭综合实验区管委会", "350128", "government")


def test_pdf_cover_title_split_over_two_lines() -> None:
    i = ident(PDF_COVER)
    assert i.title == "淮安市洪泽区人民政府2022年政府信息公开工作年度报告"
    assert (i.issuer, i.region_code, i.year, i.era) == (
        "淮安市洪泽区人民政府",
        "320813",
        2022,
        "template2021",
    )


@pytest.mark.parametrize(
    ("head", "title", "level"),
    [
        # a PDF wraps the title anywhere after the year; a red head and a document number stand above
        (
            "某市交通运输局\n某交运〔2017〕15号\n海口市交通运输局2016年政府信息公开\n工作年度报告\n",
            "海口市交通运输局2016年政府信息公开工作年度报告",
            "department",
        ),
        (
            "三台县芦溪镇人民政府\n芦府发〔2011〕3号\n三台县芦溪镇人民政府2010年\n政府信息公开工作年度报告\n",
            "三台县芦溪镇人民政府2010年政府信息公开工作年度报告",
            "township",
        ),
    ],
)
def test_pdf_title_wrapped_after_the_year(head: str, title: str, level: str) -> None:
    # the body's first lines name another year's report in 《…》: a sentence, never the title
    body = "　　根据《中华人民共和国政府信息公开条例》和县政府办公室《关于做好2016年度政府信息公开工作年度报告\n编制发布工作的通知》要求，特编制本报告。\n"
    i = ident(head + body)
    assert (i.title, i.level) == (title, level)


def test_doc_title_wins_and_loses_its_site_suffix() -> None:
    i = ident("正文没有标题。", title="绵阳市安州区2017年政府信息公开工作年度报告_绵阳市安州区人民政府")
    assert i.title == "绵阳市安州区2017年政府信息公开工作年度报告"
    assert (i.year, i.region_code) == (2017, "510705")


def test_year_first_title() -> None:
    i = ident("2016年绵阳市涪城区政府信息公开工作年度报告\n正文")
    assert (i.year, i.issuer, i.region_code) == (2016, "绵阳市涪城区人民政府", "510703")


def test_government_office_is_a_department() -> None:
    i = ident("绵阳市人民政府办公室2015年政府信息公开工作年度报告\n")
    assert (i.issuer, i.level, i.region_code) == ("绵阳市人民政府办公室", "department", "510700")


def test_ambiguous_district_uses_the_text_or_stays_unknown() -> None:
    bare = ident("鼓楼区人民政府2020年政府信息公开工作年度报告\n本区认真落实《条例》。\n")
    assert bare.region_code is None
    assert bare.level == "government"
    fuzhou = ident("鼓楼区人民政府2020年政府信息公开工作年度报告\n福州市鼓楼区认真落实福建省和福州市部署。\n")
    assert fuzhou.region_code == "350102"
    assert fuzhou.issuer == "福州市鼓楼区人民政府"  # once resolved, the canonical name
    assert bare.issuer == "鼓楼区人民政府"


def test_short_place_words_do_not_make_a_region() -> None:
    i = ident("公安局2019年政府信息公开工作年度报告\n本局认真落实。\n")
    assert i.level == "department"
    assert i.region_code is None


def test_no_title_uses_the_body() -> None:
    text = "根据《条例》，本报告由淮安市人民政府办公室根据要求编制。统计期限自2023年1月1日至2023年12月31日。"
    i = ident(text)
    assert i.title is None
    assert (i.year, i.issuer, i.region_code) == (2023, "淮安市人民政府", "320800")


def test_era_markers_in_tables() -> None:
    table = Table(rows=[["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]])
    i = identify(ParsedDocument(text="某县2019年政府信息公开工作年度报告\n", tables=[table]))
    assert i.era == "template2019"


def test_era_2019_by_shared_table_three_wording() -> None:
    text = "安州区2019年政府信息公开工作年度报告\n三、本年度办理结果\n（六）其他处理 0\n"
    assert ident(text).era == "template2019"
    assert ident(text.replace("2019", "2022")).era == "template2021"


def test_era_prose_for_old_years_and_untemplated_text() -> None:
    assert ident("安县2012年政府信息公开工作年度报告\n本年制发件数\n").era == "prose"
    assert ident("安州区2020年政府信息公开工作年度报告\n全年主动公开信息300条。\n").era == "prose"


def test_image_only_document_takes_era_from_year() -> None:
    i = identify(ParsedDocument(text="", title="安州区2021年政府信息公开工作年度报告", image_only=True))
    assert (i.year, i.era, i.region_code) == (2021, "template2021", "510705")


# ---- the shared real documents, read in place -------------------------------------------------


def _shared_text(path: Path) -> str:
    if path.suffix == ".pdf":
        pdfplumber = pytest.importorskip("pdfplumber")
        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    return path.read_text(encoding="utf-8")


def _gold_docs() -> list[str]:
    gold = SHARED / "gold"
    return sorted(p.stem for p in gold.glob("*.json")) if gold.is_dir() else []


@pytest.mark.parametrize("stem", _gold_docs() or ["absent"])
def test_shared_documents_match_gold(stem: str) -> None:
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared not present")
    gold = json.loads((SHARED / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    doc = SHARED / gold["document"]
    if not doc.exists():
        pytest.skip(f"{doc} not present")
    i = ident(_shared_text(doc))
    assert (i.issuer, i.region_code, i.year, i.era) == (
        gold["issuer"],
        gold["region_code"],
        gold["year"],
        gold["era"],
    )
