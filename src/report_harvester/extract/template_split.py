"""Splitting run-together table digits into cells.

Flattened template tables lose the cell borders: 一、本年新收…640020470 is seven cells printed as
nine digits. White space that survived is a hard cell boundary; inside a digit run any cut is
possible, so we enumerate the cuts that give well-formed numbers (no leading zeros, a decimal part
only on a run's last cell) and let the caller keep those satisfying the table's identities.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# A blank cell in a grid row; rendered into the grid text so that blanks keep their column.
BLANK = "∅"
ZERO_WORDS = frozenset({"无", "-", "—", "－", "/", "／", "--", "——", "-—"})


@dataclass(frozen=True)
class Chunk:
    """A white-space delimited piece of a row's value text."""

    text: str  # digits (maybe one decimal point), or a zero word, or BLANK
    unit: str | None = None  # 元 / 万元 printed right after the number

    @property
    def splittable(self) -> bool:
        return self.text[:1].isdigit() and len(self.text) > 1


@dataclass(frozen=True)
class Cell:
    text: str
    value: float
    unit: str | None
    blank: bool = False


def cell_of(text: str, unit: str | None = None) -> Cell:
    if text == BLANK:
        return Cell(text="", value=0.0, unit=unit, blank=True)
    if text in ZERO_WORDS or not text[:1].isdigit():
        return Cell(text=text, value=0.0, unit=unit)
    return Cell(text=text, value=float(text), unit=unit)


def _well_formed(piece: str) -> bool:
    if not piece or piece.endswith(".") or not piece[0].isdigit():
        return False
    return not (piece[0] == "0" and len(piece) > 1 and piece[1] != ".")


Accept = Callable[[list[Cell]], bool]


def split_cells(
    chunks: list[Chunk],
    n: int,
    prune: Accept | None = None,
    final: Accept | None = None,
    cap: int = 256,
    max_value: float | None = None,
    target_sum: float | None = None,
) -> list[list[Cell]]:
    """All ways to read `chunks` as exactly `n` cells (up to `cap`), filtered by the callbacks.

    `prune` sees every prefix and may cut a branch early; `final` sees complete rows; no cell
    may exceed `max_value` (a longer piece of the same digits only grows, so that ends the loop);
    with `target_sum`, a branch ends as soon as the cells overshoot it or the digits left, read as
    one number (the most they can add up to), cannot reach it.
    """
    out: list[list[Cell]] = []
    if not chunks or n <= 0:
        return out
    # cells still obtainable from chunk i onwards: one per unsplittable chunk, one per digit otherwise
    room = [0] * (len(chunks) + 1)
    most = [0.0] * (len(chunks) + 1)
    for i in range(len(chunks) - 1, -1, -1):
        t = chunks[i].text
        most[i] = most[i + 1] + (float(t) if t[:1].isdigit() else 0.0)
    for i in range(len(chunks) - 1, -1, -1):
        c = chunks[i]
        room[i] = room[i + 1] + (len(c.text.replace(".", "")) if c.splittable else 1)

    def rec(ci: int, pos: int, cells: list[Cell], acc: float = 0.0) -> None:
        if len(out) >= cap:
            return
        if ci == len(chunks):
            if len(cells) == n and (final is None or final(cells)):
                out.append(list(cells))
            return
        need = n - len(cells)
        chunk = chunks[ci]
        if not chunk.splittable:
            if need < len(chunks) - ci or need > room[ci]:
                return
            c0 = cell_of(chunk.text, chunk.unit)
            nxt = [*cells, c0]
            if prune is None or prune(nxt):
                rec(ci + 1, 0, nxt, acc + c0.value)
            return
        text = chunk.text
        dot = text.find(".")
        for end in range(pos + 1, len(text) + 1):
            if dot >= 0 and dot < end < len(text):
                # a decimal part is never cut: the rest of the chunk belongs to this cell
                continue
            piece = text[pos:end]
            if not _well_formed(piece):
                if piece[0] == "0" and len(piece) > 1 and piece[1] != ".":
                    break
                continue
            if max_value is not None and float(piece) > max_value:
                break
            last = end == len(text)
            remaining_cells = need - 1
            # later chunks need at least one cell each; this chunk's rest needs at least one
            min_after = (len(chunks) - ci - 1) + (0 if last else 1)
            rest_digits = room[ci + 1] + (len(text[end:].replace(".", "")) if not last else 0)
            if remaining_cells < min_after or remaining_cells > rest_digits:
                continue
            value = float(piece)
            if target_sum is not None:
                if acc + value > target_sum:
                    break
                rest = text[end:]
                if acc + value + (float(rest) if rest else 0.0) + most[ci + 1] < target_sum:
                    continue
            nxt = [*cells, Cell(text=piece, value=value, unit=chunk.unit if last else None)]
            if prune is not None and not prune(nxt):
                continue
            if last:
                rec(ci + 1, 0, nxt, acc + value)
            else:
                rec(ci, end, nxt, acc + value)

    rec(0, 0, [])
    return out


def digits_left(chunks: list[Chunk], taken: int) -> int:
    """Upper bound used by pruning: how many digits a cell could still have."""
    return sum(len(c.text) for c in chunks) - taken
