"""Finding reports on list pages: pure functions of (url, bytes) -> links, one adapter per CMS family.

Families (spec/sites.md): trs (createPageHTML, 0-based .html and 1-based .shtml), hanweb (column page ->
dataproxy.jsp XML), public_column (label 8888 lists, pageCount:N), gongkai (Sichuan /gongkai/ platform)
and generic. Every family falls back on the generic rules, so a profile that names the wrong family
still finds what a visitor would find by clicking.

A link is a list page to read further, an article page that may be a report, or a file (PDF, DOC…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser

from ..parse.decode import decode_text

FAMILIES = ("generic", "trs", "hanweb", "public_column", "gongkai", "mianyang")
FILE_EXTS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et")
MAX_PAGES = 200


@dataclass(frozen=True)
class Link:
    url: str
    kind: str  # "list" | "page" | "file"
    title: str = ""
    page: int = 1  # for lists: 1 for a column's first page, n for its n-th
    level: str | None = None  # government | department | township, when the column says so


# -- titles ---------------------------------------------------------------------------------------

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_REPORT_WORD = re.compile(r"年度报告|年报|年度工作报告")
# items that sit in 年报 columns beside the reports but are not reports
_NOT_REPORT = re.compile(
    r"解读|一图|图解|图读|读懂|答记者问|通知|通报|关于.{0,30}(?:编制|报送|发布|做好)|编制|报送|征集|考核|评估|工作要点|"
    r"统计年报|决算|预算|审计|新闻发布|发布会|视频|动漫|问卷|培训|会议"
)
_COLUMN_WORD = re.compile(r"年报|年度报告")


def clean_title(text: str) -> str:
    return " ".join(text.replace("\u3000", " ").split())


def report_year(title: str) -> int | None:
    m = _YEAR.search(title)
    return int(m.group(1)) if m else None


def is_report_title(title: str) -> bool:
    """A year, 年度报告/年报, and none of the words of interpretations, notices and other neighbours."""
    t = clean_title(title)
    if not t or len(t) > 120:
        return False
    year = report_year(t)
    if year is None or not 2007 <= year <= 2100:
        return False
    return bool(_REPORT_WORD.search(t)) and not _NOT_REPORT.search(t)


def is_column_title(title: str) -> bool:
    """A sub-column of a 年报 column: 部门年报, 乡镇（街道）年报, 市本级政府信息公开年报 (no year, short)."""
    t = clean_title(title)
    return (
        2 <= len(t) <= 24
        and bool(_COLUMN_WORD.search(t))
        and report_year(t) is None
        and not _NOT_REPORT.search(t)
    )


_DEPT_PATH = re.compile(r"/(?:bmnb|bmdnbg|bmxxgk|bm)(?:/|_|$)", re.I)
_TOWN_PATH = re.compile(r"/(?:xzjd|xz|jd|xznb)(?:/|_|$)", re.I)


def level_hint(text: str, url: str = "") -> str | None:
    """Government, department or township, from a column title, a report title or a path segment."""
    path = urlsplit(url).path if url else ""
    if "乡镇" in text or "街道" in text or _TOWN_PATH.search(path):
        return "township"
    if "部门" in text or _DEPT_PATH.search(path):
        return "department"
    if "本级" in text:
        return "government"
    return None


# -- decoding and HTML ----------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def decode_html(data: bytes, content_type: str | None = None) -> str:
    declared = None
    if content_type and "charset=" in content_type.lower():
        declared = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    if declared is None:
        m = _META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii", "replace").lower() if m else None
    if declared in ("gb2312", "gbk", "gb_2312-80", "x-gbk"):
        declared = "gb18030"
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)[0]


def _anchors(html: str) -> list[tuple[str, str]]:
    tree = LexborHTMLParser(html)
    out: list[tuple[str, str]] = []
    for a in tree.css("a"):
        href = a.attributes.get("href") or a.attributes.get("oldsrc")
        if not href:
            continue
        text = clean_title(a.text(deep=True, separator=""))
        title = clean_title(a.attributes.get("title") or "")
        # lists truncate long titles ("…"); the title attribute carries the whole one
        if title and (len(title) > len(text) or text.endswith(("…", "...", "..."))):
            text = title
        out.append((href.strip(), text))
    return out


def _base(url: str, html: str) -> str:
    m = re.search(r"""<base[^>]+href\s*=\s*["']([^"']+)""", html[:4096], re.I)
    return urljoin(url, m.group(1)) if m else url


def _absolute(base: str, href: str) -> str | None:
    if href.startswith(("javascript:", "mailto:", "tel:", "#", "data:")):
        return None
    absolute = urljoin(base, href)
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https"):
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def is_file_url(url: str) -> bool:
    parts = urlsplit(url)
    path = parts.path.lower()
    if path.endswith(FILE_EXTS):
        return True
    if "downfile.jsp" in path or re.search(r"/group\d+/M\d\d/", parts.path):
        return True
    return any(v.lower().endswith(FILE_EXTS) for _, v in parse_qsl(parts.query))


# -- JavaScript redirect shells --------------------------------------------------------------------

_JS_REDIRECT = re.compile(
    r"""(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*(?:=|\.replace\(|\.assign\()\s*["']([^"']+)["']""",
)
_META_REFRESH = re.compile(r"""<meta[^>]+http-equiv=["']?refresh["']?[^>]+url=([^"'>\s]+)""", re.I)


def js_redirect_target(url: str, data: bytes) -> str | None:
    """The target of a tiny page whose only job is to send the browser elsewhere, or None."""
    if len(data) > 2048:
        return None
    text = data.decode("utf-8", errors="replace")
    visible = re.sub(r"<script.*?</script>|<[^>]+>|\s", "", text, flags=re.S | re.I)
    if len(visible) > 40:
        return None
    m = _JS_REDIRECT.search(text) or _META_REFRESH.search(text)
    if not m:
        return None
    return _absolute(url, m.group(1))


# -- pagination --------------------------------------------------------------------------------------

_NEXT_WORDS = {
    "下一页",
    "下页",
    "后一页",
    "尾页",
    "末页",
    "最后一页",
    ">",
    ">>",
    "»",
    "›",
    "next",
    "Next",
    "下一頁",
}
_INDEX_N = re.compile(r"^(index|list|default)_(\d+)\.(s?html?|jsp|php)$", re.I)
_PAGE_KEYS = {
    "page",
    "pageindex",
    "pageno",
    "pagenum",
    "cur_page",
    "curpage",
    "p",
    "pn",
    "currentpage",
    "startrecord",
}
_CREATE_PAGE = re.compile(
    r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"](\w+)['\"]\s*,\s*['\"](\w+)['\"]"
)
_COUNT_PAGE = re.compile(
    r"(?:countPage|pageCount|totalPage|page_count|pagecount|totalpages)\s*[:=]\s*['\"]?(\d+)", re.I
)


def _dir(path: str) -> str:
    return path.rsplit("/", 1)[0] + "/"


def _page_number(url: str) -> int | None:
    parts = urlsplit(url)
    m = _INDEX_N.match(parts.path.rsplit("/", 1)[-1])
    if m:
        return int(m.group(2))
    for k, v in parse_qsl(parts.query):
        if k.lower() in _PAGE_KEYS and v.isdigit():
            return int(v)
    return None


def _same_list(list_url: str, candidate: str) -> bool:
    """Whether a candidate link is another page of the same list (same host, same directory or same path)."""
    a, b = urlsplit(list_url), urlsplit(candidate)
    if a.netloc != b.netloc:
        return False
    if a.path == b.path:
        return a.query != b.query
    return _dir(a.path) == _dir(b.path) and bool(
        _INDEX_N.match(b.path.rsplit("/", 1)[-1]) or b.path.endswith("/")
    )


def _index_pages(url: str, count: int, ext: str, one_based: bool, stem: str = "index") -> list[Link]:
    count = min(count, MAX_PAGES)
    links = []
    for n in range(2, count + 1):
        suffix = n if one_based else n - 1
        links.append(Link(urljoin(url, f"{stem}_{suffix}.{ext}"), "list", page=n))
    return links


def pagination_links(url: str, html: str, anchors: list[tuple[str, str]]) -> list[Link]:
    base = _base(url, html)
    links: list[Link] = []
    m = _CREATE_PAGE.search(html)
    if m:
        count, _cur, stem, ext = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
        # TRS writes 0-based index_N.html; the Sichuan .shtml variant counts from 1 (index_2.shtml is page 2)
        links += _index_pages(base, count, ext, ext.lower() == "shtml", stem)
    elif "index_" in html:
        mc = _COUNT_PAGE.search(html)
        ext_m = re.search(r"index[\"'+\s]*_[\"'+\s\w().-]*?\.?[\"'+\s]*(s?html?)", html)
        if mc and ext_m:
            ext = ext_m.group(1)
            links += _index_pages(base, int(mc.group(1)), ext, ext.lower() == "shtml")
    for href, text in anchors:
        absolute = _absolute(base, href)
        if not absolute or absolute == url or is_file_url(absolute):
            continue
        numeric = text.isdigit() and len(text) <= 3
        if not (numeric or text in _NEXT_WORDS or _page_number(absolute) is not None):
            continue
        if not _same_list(url, absolute):
            continue
        # the exact number matters little: any page but a column's first is re-read only when page 1 changed
        page = int(text) if numeric else 2
        links.append(Link(absolute, "list", page=max(page, 2)))
    return links


# -- the adapters ------------------------------------------------------------------------------------


def _is_sub_column(list_url: str, candidate: str) -> bool:
    a, b = urlsplit(list_url), urlsplit(candidate)
    if a.netloc != b.netloc or is_file_url(candidate) or (a.path, a.query) == (b.path, b.query):
        return False
    leaf = b.path.rsplit("/", 1)[-1]
    # breadcrumbs point back at the column itself or its parents; those are not sub-columns
    return not (not b.query and (not leaf or leaf.startswith("index")) and a.path.startswith(_dir(b.path)))


def _classify(base: str, anchors: list[tuple[str, str]], list_url: str, level: str | None) -> list[Link]:
    links: list[Link] = []
    for href, text in anchors:
        absolute = _absolute(base, href)
        if not absolute:
            continue
        if is_report_title(text):
            kind = "file" if is_file_url(absolute) else "page"
            links.append(Link(absolute, kind, text, level=level or level_hint(text, absolute)))
        elif is_column_title(text) and _is_sub_column(list_url, absolute):
            links.append(Link(absolute, "list", text, page=1, level=level_hint(text, absolute) or level))
    return links


def _generic(url: str, html: str, level: str | None, selector: str | None = None) -> list[Link]:
    base = _base(url, html)
    anchors = _anchors(html)
    chosen = anchors
    if selector:
        tree = LexborHTMLParser(html)
        chosen = []
        for a in tree.css(selector):
            href = a.attributes.get("href")
            if href:
                text = clean_title(a.attributes.get("title") or a.text(deep=True, separator=""))
                chosen.append((href.strip(), text))
    return _classify(base, chosen, url, level) + pagination_links(url, html, anchors)


def _script_params(html: str, names: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name in names:
        m = re.search(rf"""[?&"'\s,{{]{name}\s*[:=]\s*["']?([\w.-]+)""", html, re.I)
        if m:
            found[name] = m.group(1)
    return found


def _hanweb_column(url: str, html: str, level: str | None) -> list[Link]:
    params = _script_params(html, ("columnid", "unitid", "webid", "perpage", "endrecord"))
    if "columnid" not in params:
        return _generic(url, html, level)
    perpage = int(params.get("perpage", "20"))
    batch = int(params.get("endrecord", str(perpage * 3)))
    query = {
        "startrecord": "1",
        "endrecord": str(batch),
        "perpage": str(perpage),
        "col": "1",
        "appid": "1",
        "webid": params.get("webid", "1"),
        "columnid": params["columnid"],
        "unitid": params.get("unitid", ""),
    }
    proxy = urljoin(url, "/module/web/jpage/dataproxy.jsp?" + urlencode(query))
    return [*_generic(url, html, level), Link(proxy, "list", page=1, level=level)]


def _hanweb_dataproxy(url: str, text: str, level: str | None) -> list[Link]:
    records = re.findall(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", text, re.S)
    links = _classify(url, _anchors("".join(records)), url, level)
    total_m = re.search(r"<totalrecord>\s*(\d+)", text)
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    start = int(query.get("startrecord", "1"))
    end = int(query.get("endrecord", "0"))
    if total_m and end and start == 1:
        total, batch = int(total_m.group(1)), end - start + 1
        for n, s in enumerate(range(end + 1, min(total, batch * MAX_PAGES) + 1, batch), start=2):
            q = dict(query, startrecord=str(s), endrecord=str(s + batch - 1))
            links.append(Link(urlunsplit((*parts[:3], urlencode(q), "")), "list", page=n, level=level))
    return links


def _public_column(url: str, html: str, level: str | None) -> list[Link]:
    parts = urlsplit(url)
    links = _generic(url, html, level, "div.gk_list a.title, a.title") or []
    if "/site/label/8888" in parts.path:
        query = dict(parse_qsl(parts.query))
        mc = _COUNT_PAGE.search(html)
        if mc and query.get("pageIndex", "1") == "1":
            for n in range(2, min(int(mc.group(1)), MAX_PAGES) + 1):
                q = dict(query, pageIndex=str(n))
                links.append(Link(urlunsplit((*parts[:3], urlencode(q), "")), "list", page=n, level=level))
        return links
    m = re.match(r"/public/column/(\w+)", parts.path)
    query = dict(parse_qsl(parts.query))
    site = re.search(r"""<meta[^>]+name=["']SiteId["'][^>]+content=["']?(\w+)""", html, re.I)
    if m and query.get("type") == "4" and "catId" in query and site:
        params = _script_params(html, ("pageSize",))
        q = {
            "labelName": "publicInfoList",
            "siteId": site.group(1),
            "pageSize": params.get("pageSize", "15"),
            "pageIndex": "1",
            "organId": m.group(1),
            "catId": query["catId"],
        }
        links.append(Link(urljoin(url, "/site/label/8888?" + urlencode(q)), "list", page=1, level=level))
    return links


def discover_list(
    url: str,
    data: bytes,
    family: str = "generic",
    *,
    content_type: str | None = None,
    level: str | None = None,
    selector: str | None = None,
) -> list[Link]:
    """Links found on one list page (or list data response), deduplicated, in page order."""
    text = decode_html(data, content_type)
    path = urlsplit(url).path
    if "dataproxy.jsp" in path:
        links = _hanweb_dataproxy(url, text, level)
    elif family == "hanweb" or re.search(r"/col/col\d+/", path):
        links = _hanweb_column(url, text, level)
    elif family == "public_column" or path.startswith(("/public/column/", "/site/label/8888")):
        links = _public_column(url, text, level)
    else:
        links = _generic(url, text, level, selector)
    seen: set[str] = set()
    out: list[Link] = []
    for link in links:
        if link.url not in seen and link.url != url:
            seen.add(link.url)
            out.append(link)
    return out


def discover_article(url: str, data: bytes, *, content_type: str | None = None) -> tuple[str, list[Link]]:
    """The article's own title and the document files it attaches (a[oldsrc], table.enclosure, downfile.jsp)."""
    html = decode_html(data, content_type)
    tree = LexborHTMLParser(html)
    title = ""
    meta = tree.css_first('meta[name="ArticleTitle"]')
    if meta is not None:
        title = clean_title(meta.attributes.get("content") or "")
    if not title:
        for sel in ("h1", ".newstitle", ".article-title", "title"):
            node = tree.css_first(sel)
            if node is not None and node.text().strip():
                title = clean_title(node.text())
                break
    base = _base(url, html)
    files: list[Link] = []
    seen: set[str] = set()
    for a in tree.css("a"):
        for attr in ("oldsrc", "href"):
            href = a.attributes.get(attr)
            absolute = _absolute(base, href.strip()) if href else None
            if absolute and is_file_url(absolute) and absolute not in seen:
                seen.add(absolute)
                text = clean_title(a.text(deep=True, separator=""))
                files.append(Link(absolute, "file", text))
                break
    return title, files
