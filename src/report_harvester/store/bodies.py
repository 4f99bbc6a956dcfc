"""Who published a report: region code, level and issuer, reduced to one stable body key.

Region facts (current names, former names, renamed codes) come from report_harvester.regions when
that module is present; until then a small built-in table covers the seed's city (Mianyang), which
is what the tests and the domain notes use.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

from ..models import Identity

LEVELS = ("government", "department", "township")


@dataclass(frozen=True)
class RegionFacts:
    code: str
    name: str
    names: tuple[str, ...]  # every name the region is or was printed under, longest first
    parent: str | None


# Fallback when regions.py is absent: domain.md's Mianyang divisions, and 安县's old code.
_BUILTIN: dict[str, tuple[str, tuple[str, ...], str | None]] = {
    "510000": ("四川省", (), None),
    "510700": ("绵阳市", (), "510000"),
    "510703": ("涪城区", (), "510700"),
    "510704": ("游仙区", (), "510700"),
    "510705": ("安州区", ("安县",), "510700"),
    "510722": ("三台县", (), "510700"),
    "510723": ("盐亭县", (), "510700"),
    "510725": ("梓潼县", (), "510700"),
    "510726": ("北川羌族自治县", ("北川县",), "510700"),
    "510727": ("平武县", (), "510700"),
    "510781": ("江油市", (), "510700"),
}
_BUILTIN_RENAMED = {"510724": "510705"}


@cache
def _regions() -> ModuleType | None:
    try:
        return importlib.import_module("report_harvester.regions")
    except ModuleNotFoundError as exc:
        if exc.name != "report_harvester.regions":
            raise
        return None


def _call(name: str, *args: Any) -> Any:
    """Call regions.<name>(*args) if the registry offers it; None when it does not or finds nothing."""
    mod = _regions()
    fn = getattr(mod, name, None) if mod else None
    if fn is None:
        return None
    try:
        return fn(*args)
    except (KeyError, LookupError, ValueError):
        return None


def _field(obj: Any, *names: str) -> Any:
    for n in names:
        if isinstance(obj, dict) and n in obj:
            return obj[n]
        if hasattr(obj, n):
            return getattr(obj, n)
    return None


def _as_tuple(v: Any) -> tuple[str, ...]:
    if not v:
        return ()
    if isinstance(v, str):
        return (v,)
    out: list[str] = []
    for item in v:
        name = item if isinstance(item, str) else _field(item, "name")
        if name:
            out.append(str(name))
    return tuple(out)


@cache
def region(code: str | None) -> RegionFacts | None:
    """The region a code stands for, following renames (安县 510724 → 安州区 510705)."""
    if not code:
        return None
    rec = _call("by_code", code) or _call("lookup_code", code) or _call("get", code)
    if rec is not None:
        cur = str(_field(rec, "code") or code)
        name = str(_field(rec, "name", "short_name") or cur)
        full = _field(rec, "full_name")
        former = _as_tuple(_field(rec, "former_names", "former"))
        parent = _field(rec, "parent", "parent_code")
        names = {name, *former}
        if full:
            names.add(str(full))
        return RegionFacts(cur, name, _longest_first(names), str(parent) if parent else None)
    cur = _BUILTIN_RENAMED.get(code, code)
    if cur in _BUILTIN:
        name, former, parent = _BUILTIN[cur]
        names = {name, *former}
        if parent and parent in _BUILTIN:
            pname = _BUILTIN[parent][0]
            names |= {pname + n for n in (name, *former)}
        return RegionFacts(cur, name, _longest_first(names), parent)
    return RegionFacts(cur, cur, (), None)


def _longest_first(names: set[str]) -> tuple[str, ...]:
    return tuple(sorted((n for n in names if n), key=lambda n: (-len(n), n)))


def resolve_region_token(token: str) -> list[str]:
    """Codes or code prefixes a --region token means: digits are a code (6) or prefix (<6), names look up."""
    token = token.strip()
    if not token:
        return []
    if token.isdigit():
        if len(token) == 6:
            facts = region(token)
            return [facts.code if facts else token]
        return [token]
    found = _call("by_name", token) or _call("lookup_name", token) or _call("find", token)
    if found is not None:
        items = found if isinstance(found, list | tuple) else [found]
        codes = [str(_field(i, "code") or i) for i in items]
        return [c for c in codes if c]
    hits = []
    for code, (name, former, _parent) in _BUILTIN.items():
        if token in (name, *former) or name.rstrip("市县区") == token:
            hits.append(code)
    return hits


_SPACE = re.compile(r"\s+")
_GOV = re.compile(r"(人民政府|政府)(办公室|办公厅)?$")


def normalise_issuer(issuer: str | None, names: tuple[str, ...]) -> str:
    """The issuer without white space and without its region's printed names as a prefix."""
    text = _SPACE.sub("", issuer or "")
    changed = True
    while changed and text:
        changed = False
        for n in names:
            if n and text.startswith(n) and len(text) > len(n):
                text = text[len(n) :]
                changed = True
                break
    return text


def guess_level(ident: Identity) -> str:
    if ident.level in LEVELS:
        return ident.level
    issuer = _SPACE.sub("", ident.issuer or "")
    if not issuer or _GOV.search(issuer):
        return "government"
    if re.search(r"(镇|乡|街道|街道办事处)(人民政府)?$", issuer):
        return "township"
    return "department"


@dataclass(frozen=True)
class BodyKey:
    key: str
    region_code: str | None
    level: str
    name: str
    parent_region: str | None


def body_key(ident: Identity, sha256: str) -> BodyKey:
    facts = region(ident.region_code)
    code = facts.code if facts else None
    level = guess_level(ident)
    issuer = _SPACE.sub("", ident.issuer or "")
    # Region names printed by the report itself (安县) may be missing from the registry.
    names = tuple(facts.names if facts else ()) + ((ident.region_name,) if ident.region_name else ())
    if level == "government":
        # Every name a district's government ever published under is one body.
        if code:
            name = issuer or ((facts.name if facts else code) + "人民政府")
            return BodyKey(f"{code}|government", code, level, name, facts.parent if facts else None)
        if issuer:
            return BodyKey(f"?|government|{issuer}", None, level, issuer, None)
        return BodyKey(f"doc|{sha256}", None, "unknown", "(unidentified)", None)
    short = normalise_issuer(issuer, names) or issuer
    if not short:
        return BodyKey(f"doc|{sha256}", code, "unknown", "(unidentified)", None)
    return BodyKey(f"{code or '?'}|{level}|{short}", code, level, issuer, code)
