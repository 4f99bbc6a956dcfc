#!/usr/bin/env python3
"""Score the extractor against a directory of hand-written expected-figure files.

    .venv/bin/python scripts/score_fixtures.py [EXPECTED_DIR] [--quiet] [--min-f1 X]

EXPECTED_DIR defaults to fixtures/expected_x. Each <stem>.json there holds
{"year", "era", "level", "figures": [[metric, dimension_or_null, value], ...]} for the document
fixtures/documents/<stem>.<ext> (any extension but .json). The extractor is run as
`.venv/bin/report-harvester extract DOC --json` (override with RH_CMD).

Matching is the one of shared/tools/score.py: a figure's key is (metric, normalised dimension);
it is right when the value equals the expected one (to 1e-6); a key emitted twice with different
values counts as wrong; an emitted key not in the expected set counts as spurious only when its
metric family (the part before the first dot) occurs in the expected set.

Per document it prints right / expected, missed (key not emitted), wrong (emitted with another
value) and spurious (key not expected), then the details with the extractor's evidence, unless
--quiet. year / era / level disagreements are printed but do not enter the scores. The last line
is 'F1 X precision P recall R over N documents'. Exits 1 when F1 < --min-f1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def norm_dim(d: str | None) -> str | None:
    # the project's own rule, the same one shared/tools/score.py applies
    from report_harvester.registry import comparable_dimension

    return comparable_dimension(d)


def cli() -> list[str]:
    cmd = os.environ.get("RH_CMD")
    if cmd:
        return cmd.split()
    exe = ROOT / ".venv" / "bin" / "report-harvester"
    return [str(exe)] if exe.exists() else ["uv", "run", "--quiet", "report-harvester"]


def fmt_key(key: tuple[str, str | None]) -> str:
    return key[0] + (f"[{key[1]}]" if key[1] is not None else "")


def main() -> int:
    args = sys.argv[1:]
    quiet = "--quiet" in args
    args = [a for a in args if a != "--quiet"]
    min_f1 = 0.0
    if "--min-f1" in args:
        i = args.index("--min-f1")
        min_f1 = float(args[i + 1])
        del args[i : i + 2]
    exp_dir = Path(args[0]) if args else ROOT / "fixtures" / "expected_x"
    doc_dir = ROOT / "fixtures" / "documents"

    tp = fp = fn = 0
    n = 0
    meta_bad = 0
    for ef in sorted(exp_dir.glob("*.json")):
        exp = json.loads(ef.read_text(encoding="utf-8"))
        docs = [p for p in doc_dir.glob(f"{ef.stem}.*") if p.suffix != ".json"]
        if len(docs) != 1:
            print(f"{ef.stem}: no single document for it ({docs})")
            continue
        doc = docs[0]
        want: dict[tuple[str, str | None], float] = {}
        for metric, dim, value in exp["figures"]:
            want[(metric, norm_dim(dim))] = float(value)
        families = {k[0].split(".")[0] for k in want}

        p = subprocess.run(cli() + ["extract", str(doc), "--json"], capture_output=True, text=True, cwd=ROOT)
        n += 1
        got: dict[tuple[str, str | None], float | None] = {}
        evidence: dict[tuple[str, str | None], list[str]] = {}
        out: dict = {}
        if p.returncode == 0:
            try:
                out = json.loads(p.stdout.splitlines()[0]) if p.stdout.strip() else {}
            except (json.JSONDecodeError, IndexError):
                out = {}
            for f in out.get("figures", []) or []:
                key = (f.get("metric"), norm_dim(f.get("dimension")))
                if not key[0] or key[0].split(".")[0] not in families:
                    continue
                v = f.get("value")
                ev = f"{v} ← {f.get('evidence') or f.get('cell')!s} ({f.get('method')})"
                evidence.setdefault(key, []).append(ev)
                if key in got and got[key] != v:
                    v = None  # two different values for one key: neither counts
                got[key] = v

        right, wrong, spurious, missed = [], [], [], []
        for key, v in got.items():
            if key in want:
                if v is not None and abs(float(v) - want[key]) < 1e-6:
                    right.append(key)
                else:
                    wrong.append(key)
            else:
                spurious.append(key)
        missed = [k for k in want if k not in got]
        d_tp, d_fp, d_fn = len(right), len(wrong) + len(spurious), len(wrong) + len(missed)
        tp, fp, fn = tp + d_tp, fp + d_fp, fn + d_fn

        status = "ok" if p.returncode == 0 else f"exit {p.returncode}: {p.stderr.strip()[-200:]}"
        meta = []
        for field in ("year", "era", "level"):
            if field in exp and out.get(field) != exp[field]:
                meta.append(f"{field} {out.get(field)!r} (expected {exp[field]!r})")
        meta_bad += bool(meta)
        print(
            f"{ef.stem}: {d_tp}/{len(want)} right, {len(missed)} missed, {len(wrong)} wrong, "
            f"{len(spurious)} spurious [{status}]" + (f"  META: {'; '.join(meta)}" if meta else "")
        )
        if not quiet:
            for k in missed:
                print(f"    - missed   {fmt_key(k)} = {want[k]:g}")
            for k in wrong:
                print(f"    ! wrong    {fmt_key(k)} expected {want[k]:g}, got " + " | ".join(evidence[k]))
            for k in spurious:
                print(f"    + spurious {fmt_key(k)}: " + " | ".join(evidence[k]))

    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(
        f"right {tp}, wrong-or-spurious {fp}, wrong-or-missed {fn}; metadata disagreements in {meta_bad} documents"
    )
    print(f"F1 {f1:.3f} precision {prec:.3f} recall {rec:.3f} over {n} documents")
    return 0 if f1 >= min_f1 else 1


if __name__ == "__main__":
    sys.exit(main())
