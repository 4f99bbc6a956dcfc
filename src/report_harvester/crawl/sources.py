"""Site profiles (patterns/sites/*.toml): which body, which columns, which CMS family.

id = "anzhou"                      # defaults to the file name
body = "绵阳市安州区人民政府"
region_code = "510705"
family = "public_column"           # generic | trs | hanweb | public_column | gongkai | mianyang
hosts = ["www.anzhou.gov.cn"]      # extra allowed hosts; the start URLs' hosts are always allowed
confirmed = false                  # true once --check-sources saw the column list reports
note = "…"

[[columns]]
url = "http://www.anzhou.gov.cn/…"
level = "government"               # government | department | township (optional)
family = "hanweb"                  # optional per-column override
selector = "div.gk_list a.title"   # optional: the report links, when the family defaults miss them

[report_views]                     # optional: one URL per year (the /public/column type=3 views)
url = "http://…/public/column/6601?type=3&timeFrame={year}&hasContent=true"
first_year = 2014
"""

from __future__ import annotations

import datetime
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import PatternError
from ..registry import patterns_dir
from .discover import FAMILIES


@dataclass(frozen=True)
class Column:
    url: str
    level: str | None = None
    family: str | None = None
    selector: str | None = None


@dataclass(frozen=True)
class Source:
    id: str
    body: str
    region_code: str | None
    family: str
    columns: tuple[Column, ...]
    hosts: frozenset[str] = field(default_factory=frozenset)
    report_views: str | None = None
    first_year: int = 2008
    confirmed: bool = False
    note: str = ""

    def allowed_hosts(self) -> set[str]:
        hosts = {urlsplit(c.url).netloc.lower() for c in self.columns}
        if self.report_views:
            hosts.add(urlsplit(self.report_views).netloc.lower())
        return hosts | set(self.hosts)

    def view_urls(self, until: int | None = None) -> list[str]:
        if not self.report_views:
            return []
        last = until or datetime.date.today().year
        return [self.report_views.replace("{year}", str(y)) for y in range(self.first_year, last + 1)]


def _str(d: dict[str, Any], key: str, where: str, default: str | None = None) -> str | None:
    v = d.get(key, default)
    if v is not None and not isinstance(v, str):
        raise PatternError(f"{key} must be a string", source=where)
    return v


def load_source(path: Path) -> Source:
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PatternError(f"cannot load site profile: {exc}", source=str(path)) from exc
    where = str(path)
    family = _str(raw, "family", where, "generic") or "generic"
    if family not in FAMILIES:
        raise PatternError(f"unknown family {family!r}; one of {', '.join(FAMILIES)}", source=where)
    columns = []
    for col in raw.get("columns", []):
        url = _str(col, "url", where)
        if not url or urlsplit(url).scheme not in ("http", "https"):
            raise PatternError(f"column url must be http(s): {url!r}", source=where)
        fam = _str(col, "family", where)
        if fam is not None and fam not in FAMILIES:
            raise PatternError(f"unknown family {fam!r}", source=where)
        columns.append(Column(url, _str(col, "level", where), fam, _str(col, "selector", where)))
    views = raw.get("report_views", {})
    if not columns and not views:
        raise PatternError("a profile needs [[columns]] or [report_views]", source=where)
    return Source(
        id=_str(raw, "id", where, path.stem) or path.stem,
        body=_str(raw, "body", where, "") or "",
        region_code=_str(raw, "region_code", where),
        family=family,
        columns=tuple(columns),
        hosts=frozenset(h.lower() for h in raw.get("hosts", [])),
        report_views=_str(views, "url", where),
        first_year=int(views.get("first_year", 2008)),
        confirmed=bool(raw.get("confirmed", False)),
        note=_str(raw, "note", where, "") or "",
    )


def sites_dir() -> Path:
    return patterns_dir() / "sites"


def load_sources(directory: Path | None = None, only: list[str] | None = None) -> list[Source]:
    """Profiles in file-name order (so Anzhou's 00_ file comes first); `only` filters by id."""
    directory = directory or sites_dir()
    sources = [load_source(p) for p in sorted(directory.glob("*.toml"))]
    if only:
        wanted = set(only)
        unknown = wanted - {s.id for s in sources}
        if unknown:
            raise PatternError(f"no such source: {', '.join(sorted(unknown))}", source=str(directory))
        sources = [s for s in sources if s.id in wanted]
    return sources


def start_url_source(url: str, region_code: str | None = None) -> Source:
    """A one-column source in generic mode for `harvest --start-url`."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise PatternError(f"start URL must be http(s): {url}")
    return Source(
        id="start-url:" + urlsplit(url).netloc,
        body="",
        region_code=region_code,
        family="generic",
        columns=(Column(url),),
    )


def rebase(sources: list[Source], hostmap: dict[str, str]) -> list[Source]:
    """Point sources at stand-in hosts (real netloc -> "127.0.0.1:port"), for the demo and tests."""

    def move(url: str) -> str:
        parts = urlsplit(url)
        new = hostmap.get(parts.netloc.lower())
        return urlunsplit(("http", new, *parts[2:])) if new else url

    out = []
    for s in sources:
        out.append(
            replace(
                s,
                columns=tuple(replace(c, url=move(c.url)) for c in s.columns),
                hosts=frozenset(hostmap.get(h, h) for h in s.hosts),
                report_views=move(s.report_views) if s.report_views else None,
            )
        )
    return out
