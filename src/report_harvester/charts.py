"""Charts of a comparison: one line per body, years along the bottom (optional extra [charts]).

SVG keeps its text as text (svg.fonttype 'none') with a CJK-capable font-family list, so a browser
draws the Chinese labels with whatever CJK font it has. PNG is rasterised here, so it needs a CJK
font on this machine; without one the labels would come out as boxes, and we say so.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from .compare import CompareResult
from .errors import HarvesterError

# Tried in order; the first installed one draws PNG text, and the list is the SVG font-family.
CJK_FONTS = [
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "Heiti SC",
]
# Debian/Ubuntu places: registering the file directly avoids a stale matplotlib font cache.
FONT_FILES = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
]
FONT_HINT = "install a CJK font, e.g. `apt-get install fonts-wqy-microhei` (5 MiB), then run again"
MAX_SERIES = 20


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise HarvesterError("charts need matplotlib: pip install 'report-harvester[charts]'") from exc
    return plt


def find_cjk_font() -> str | None:
    from matplotlib import font_manager

    for path in FONT_FILES:
        if Path(path).exists():
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError):
                continue
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def render(result: CompareResult, path: Path, *, title: str | None = None) -> list[str]:
    """Draw the result into path (.svg or .png); returns notes for the user (e.g. a missing font)."""
    suffix = path.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise HarvesterError(f"chart file must end in .svg or .png, not {path.name}")
    if not result.rows:
        raise HarvesterError("nothing to chart: no figures match")
    plt = _pyplot()
    notes: list[str] = []
    font = find_cjk_font()
    if font is None and suffix == ".png":
        notes.append(f"no CJK font found, so Chinese labels in {path.name} show as boxes: {FONT_HINT}")
    families = ([font] if font else []) + [f for f in CJK_FONTS if f != font] + ["sans-serif"]
    rows = result.rows
    if len(rows) > MAX_SERIES:
        notes.append(f"chart shows the first {MAX_SERIES} of {len(rows)} rows; narrow --region to see others")
        rows = rows[:MAX_SERIES]

    rc = {
        "font.family": families,
        "svg.fonttype": "none",
        "axes.unicode_minus": False,  # the U+2212 minus is missing from several CJK fonts
    }
    # The family list names fonts for the SVG reader's machine; missing ones here are expected, so
    # matplotlib's per-glyph "findfont: not found" warnings would only be noise.
    fm_log = logging.getLogger("matplotlib.font_manager")
    level = fm_log.level
    fm_log.setLevel(logging.ERROR)
    try:
        _draw(plt, result, rows, path, suffix, rc, title)
    finally:
        fm_log.setLevel(level)
    return notes


def _draw(
    plt: Any,
    result: CompareResult,
    rows: list[Any],
    path: Path,
    suffix: str,
    rc: dict[str, Any],
    title: str | None,
) -> None:
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(10, 5.5), dpi=120)
        for row in rows:
            xs = [y for y in result.years if row.values.get(y) is not None]
            ys = [row.values[y] for y in xs]
            label = row.name + (f"（{row.measure}）" if len(result.measures) > 1 else "")
            ax.plot(xs, ys, marker="o", linewidth=1.6, label=label)
        measure = result.measures[0]
        ylabel = " / ".join(
            f"{m.zh or m.label}（{m.unit}）" if m.unit else (m.zh or m.label) for m in result.measures
        )
        ax.set_ylabel(ylabel)
        ax.set_xlabel("年度")
        ax.set_title(title or f"{measure.zh or measure.label}：各地区逐年比较")
        ax.set_xticks(result.years)
        ax.set_xticklabels([str(y) for y in result.years])
        ax.grid(True, alpha=0.3)
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
        fig.tight_layout()
        try:
            fig.savefig(str(path), format=suffix[1:])
        except OSError as exc:
            raise HarvesterError(f"cannot write {path}: {exc.strerror or exc}") from exc
        finally:
            plt.close(fig)
