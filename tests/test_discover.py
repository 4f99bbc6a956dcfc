"""Discovery is pure: saved list pages in, links out."""

from __future__ import annotations

from pathlib import Path

import pytest

from report_harvester.crawl import discover

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SITES = Path(__file__).resolve().parents[1] / "fixtures" / "sites"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("遂宁市安居区2024年政府信息公开工作年度报告", True),
        ("广元市利州区2023年度政府信息公开工作年度报告", True),
        ("安县2014年政府信息公开年报", True),
        ("江油市2015年政府信息公开工作年度报告（图片版）", True),
        ("安州区2023年政府信息公开工作年度报告解读", False),
        ("一图读懂涪城区2022年政府信息公开工作年度报告", False),
        ("关于做好2023年度政府信息公开工作年度报告编制发布工作的通知", False),
        ("恩格贝生态示范区召开2020年度工作会暨党风廉政建设会议", False),
        ("政府信息公开年报", False),
    ],
)
def test_report_titles(title: str, expected: bool) -> None:
    assert discover.is_report_title(title) is expected


def test_ordos_list_keeps_reports_and_pages() -> None:
    path = CORPUS / "nm_ordos_egb_list.html"
    if not path.exists():
        pytest.skip(f"shared corpus not available ({path})")
    data = path.read_bytes()
    links = discover.discover_list("http://www.ordos.gov.cn/xxgk/xxgknb/index.html", data, "trs")
    reports = [lk for lk in links if lk.kind == "page"]
    assert len(reports) == 4
    assert all("年度报告" in lk.title for lk in reports)
    lists = [lk.url for lk in links if lk.kind == "list"]
    assert lists == ["http://www.ordos.gov.cn/xxgk/xxgknb/index_1.html"]


def test_trs_create_page_html_variants() -> None:
    html = b'<script>createPageHTML(3, 0, "index", "html");</script>'
    urls = [lk.url for lk in discover.discover_list("http://a.gov.cn/nb/index.html", html, "trs")]
    assert urls == ["http://a.gov.cn/nb/index_1.html", "http://a.gov.cn/nb/index_2.html"]
    shtml = b'<script>createPageHTML(3, 0, "index", "shtml");</script>'
    urls = [lk.url for lk in discover.discover_list("http://a.gov.cn/nb/index.shtml", shtml, "trs")]
    assert urls == ["http://a.gov.cn/nb/index_2.shtml", "http://a.gov.cn/nb/index_3.shtml"]


def test_hanweb_column_and_dataproxy() -> None:
    col = (SITES / "www.santai.gov.cn" / "col" / "col3301" / "index.html").read_bytes()
    links = discover.discover_list("http://www.santai.gov.cn/col/col3301/index.html", col, "hanweb")
    proxy = [lk for lk in links if "dataproxy.jsp" in lk.url]
    assert len(proxy) == 1 and "columnid=3301" in proxy[0].url and "startrecord=1" in proxy[0].url
    xml = (SITES / "www.santai.gov.cn" / "dataproxy_1.xml").read_bytes()
    links = discover.discover_list(proxy[0].url, xml, "hanweb")
    assert sum(lk.kind == "page" for lk in links) >= 10
    assert any(lk.kind == "list" and "startrecord=16" in lk.url for lk in links)
    assert not any("解读" in lk.title for lk in links)


def test_public_column_label_and_page_count() -> None:
    col = (SITES / "www.anzhou.gov.cn" / "column_list.html").read_bytes()
    url = "http://www.anzhou.gov.cn/public/column/6601?type=4&action=list&catId=7061"
    links = discover.discover_list(url, col, "public_column")
    assert next(lk.url for lk in links if "/site/label/8888" in lk.url).endswith("organId=6601&catId=7061")
    label = (SITES / "www.anzhou.gov.cn" / "label_1.html").read_bytes()
    label_url = "http://www.anzhou.gov.cn/site/label/8888?labelName=publicInfoList&siteId=6600&pageSize=8&pageIndex=1&organId=6601&catId=7061"
    links = discover.discover_list(label_url, label, "public_column")
    assert sum("pageIndex=" in lk.url for lk in links if lk.kind == "list") == 2
    # truncated list titles are completed from the title attribute
    assert all(not lk.title.endswith("…") for lk in links if lk.kind == "page")


def test_gbk_page_without_charset_header_decodes() -> None:
    data = (SITES / "www.youxian.gov.cn" / "xxgk" / "zfxxgknb" / "index.html").read_bytes()
    links = discover.discover_list("http://www.youxian.gov.cn/xxgk/zfxxgknb/index.html", data, "trs")
    assert any(lk.title.startswith("绵阳市游仙区") for lk in links)
    assert any(lk.kind == "list" and lk.url.endswith("/bmnb/") for lk in links)


def test_article_attachments_and_js_shell() -> None:
    html = (
        '<html><head><meta name="ArticleTitle" content="某县2019年政府信息公开工作年度报告"></head><body>'
        '<table class="enclosure"><tr><td><a oldsrc="W02.docx" href="./W02.docx">附件</a></td></tr></table>'
        '<a href="/module/download/downfile.jsp?classid=0&filename=ab12.pdf">下载</a><a href="/x.html">x</a></body></html>'
    ).encode()
    title, files = discover.discover_article("http://a.gov.cn/nb/202003/t1.html", html)
    assert title.startswith("某县2019年")
    assert [f.url for f in files] == [
        "http://a.gov.cn/nb/202003/W02.docx",
        "http://a.gov.cn/module/download/downfile.jsp?classid=0&filename=ab12.pdf",
    ]
    shell = b'<html><script>window.location.replace("/real/page.html");</script></html>'
    assert discover.js_redirect_target("http://a.gov.cn/x.html", shell) == "http://a.gov.cn/real/page.html"
    assert discover.js_redirect_target("http://a.gov.cn/x.html", b"<html>" + b"x" * 3000 + b"</html>") is None
