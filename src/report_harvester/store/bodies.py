"""Who published a report: region code, level and issuer, reduced to one stable body key.

Region facts (current and former names, retired codes such as 安县's 510724) come from the region
registry, report_harvester.regions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import product

from .. import regions
from ..models import Identity

LEVELS = ("government", "department", "township")


@dataclass(frozen=True)
class RegionFacts:
    code: str
    name: str
    names: tuple[str, ...]  # every name the region is or was printed under, longest first
    parent: str | None


@cache
def region(code: str | None) -> RegionFacts | None:
    """The region a code stands for, following renames (安县 510724 → 安州区 510705)."""
    if not code:
        return None
    rec = regions.get(code)
    if rec is None:
        return RegionFacts(code, code, (), None)
    reg = regions.registry()
    own = (rec.name, *rec.former_names)
    # 绵阳市安州区教育局, 四川省绵阳市安县教育局: the region may be printed with any of its parents
    chain = [a.name for a in reg.ancestors(rec)]
    prefixes = ["".join(chain[i:]) for i in range(len(chain) + 1)]
    names = {p + n for p, n in product(prefixes, own)}
    return RegionFacts(rec.code, rec.name, _longest_first(names), rec.parent)


def _longest_first(names: set[str]) -> tuple[str, ...]:
    return tuple(sorted((n for n in names if n), key=lambda n: (-len(n), n)))


def resolve_region_token(token: str) -> list[str]:
    """Codes or code prefixes a --region token means.

    Six digits are one code (a retired code maps to its successor); fewer digits are a prefix
    (5107 = Mianyang and all its counties). A name is looked up; a prefecture or province name
    stands for everything in it, as its prefix does.
    """
    token = token.strip()
    if not token:
        return []
    if token.isdigit():
        if len(token) == 6:
            rec = regions.get(token)
            return [rec.code if rec else token]
        return [token]
    out: list[str] = []
    for rec in regions.lookup(token):
        code = rec.code
        if rec.level == "prefecture":
            code = code[:4]
        elif rec.level == "province":
            code = code[:2]
        if code not in out:
            out.append(code)
    return out


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
