"""Splitting run-together table digits into cells.

Flattened template tables lose the cell borders: 一、本年新收…640020470 is seven cells printed as
nine digits. White space that survived is a hard cell boundary; inside a digit run any cut is
possible, so we enumerate the cuts that give well-formed numbers (no leading zeros, a decimal part
only on a run's last cell) and let the caller keep those satisfying the table's identities.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

# A blank cell in a grid row; rendered into the grid text so that blanks keep their column.
BLANK = "∅"
ZERO_WORDS = frozenset({"无", "-", "—", "－", "/", "／", "--", "——", "-—"})


@dataclass(frozen=True)
class Chunk:
    """A white-space delimited piece of a row's value text."""

    text: str  # digits (maybe one decimal point), a signed number (-35, +12), a zero word, or BLANK
    unit: str | None = None  # 元 / 万元 printed right after the number
    # Worked out once from the text, as chunks are read many times (and shared between rows):
    # a run of digits that may hold more than one cell,
    splittable: bool = field(init=False, repr=False, compare=False)
    # and whether float() reads it without fail (ASCII digits with at most one point) or never
    # sees it (it does not start with a digit: a zero word or a blank).
    plain: bool = field(init=False, repr=False, compare=False)
    # For a plain chunk: the cell it is when read whole (cell_of), and whether that reading is
    # allowed (a splittable chunk must be a well-formed number). None and False otherwise.
    cell: Cell | None = field(init=False, repr=False, compare=False)
    whole: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        t = self.text
        digit = t[:1].isdigit()
        splittable = digit and len(t) > 1
        plain = not digit or (t.isascii() and t.replace(".", "", 1).isdigit())
        object.__setattr__(self, "splittable", splittable)
        object.__setattr__(self, "plain", plain)
        object.__setattr__(self, "cell", cell_of(t, self.unit) if plain else None)
        object.__setattr__(self, "whole", plain and (not splittable or _well_formed(t)))


@dataclass(frozen=True)
class Cell:
    text: str
    value: float
    unit: str | None
    blank: bool = False


@lru_cache(maxsize=4096)
def cell_of(text: str, unit: str | None = None) -> Cell:
    # cells are immutable and a whole chunk always reads as the same cell: share them
    if text == BLANK:
        return Cell(text="", value=0.0, unit=unit, blank=True)
    if text[:1] in "+-" and text[1:2].isdigit():
        # a signed number (本年增/减), read whole
        return Cell(text=text, value=float(text), unit=unit)
    if text in ZERO_WORDS or not text[:1].isdigit():
        return Cell(text=text, value=0.0, unit=unit)
    return Cell(text=text, value=float(text), unit=unit)


def _well_formed(piece: str) -> bool:
    if not piece or piece.endswith(".") or not piece[0].isdigit():
        return False
    return not (piece[0] == "0" and len(piece) > 1 and piece[1] != ".")


Accept = Callable[[list[Cell]], bool]

# Real rows are read in well under a thousand steps; the budget only stops pathological input.
MAX_SEARCH_STEPS = 100_000


class _SearchTooLong(Exception):
    """The search for readings of a row ran over MAX_SEARCH_STEPS."""


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

    Readings come in the order of their cut points (leftmost cuts first) and the first `cap` that
    pass the callbacks are returned. Two shortcuts give the same list as the full search: a row
    with exactly `n` chunks (a grid, or text whose cells kept their spaces) has one reading at
    most, each chunk one cell; and a row of whole numbers that must add up to `target_sum` only
    skips cuts after which the sum can no longer be met (see `_sum_splits`).
    """
    out: list[list[Cell]] = []
    if not chunks or n <= 0 or cap <= 0:
        return out
    nch = len(chunks)
    if n == nch and _plain(chunks):
        # The common case, taken without the tables below: every chunk is at least one cell (a
        # splittable one starts with a digit), so n chunks fit n cells, and plain chunks read as
        # numbers without error, so leaving out the sums the reading does not use changes nothing.
        sums: list[float] = []
        if target_sum is not None:
            sums = [0.0] * (nch + 1)
            for i in range(nch - 1, -1, -1):
                t = chunks[i].text
                sums[i] = sums[i + 1] + (float(t) if t[:1].isdigit() else 0.0)
        one = _one_plain(chunks, prune, final, max_value, target_sum, sums)
        return [one] if one is not None else out
    # cells still obtainable from chunk i onwards: one per unsplittable chunk, one per digit otherwise
    room = [0] * (nch + 1)
    most = [0.0] * (nch + 1)
    for i in range(nch - 1, -1, -1):
        t = chunks[i].text
        most[i] = most[i + 1] + (float(t) if t[:1].isdigit() else 0.0)
    for i in range(nch - 1, -1, -1):
        c = chunks[i]
        room[i] = room[i + 1] + (len(c.text.replace(".", "")) if c.splittable else 1)
    if n < nch or n > room[0]:
        # every chunk gives at least one cell, and a digit at most one
        return out
    if n == nch:
        one = _one_per_chunk(chunks, prune, final, max_value, target_sum, most)
        return [one] if one is not None else out
    if target_sum is not None and prune is None and _whole(chunks, target_sum, max_value):
        return _sum_splits(chunks, n, room, int(target_sum), max_value, final, cap)

    steps = 0

    def rec(ci: int, pos: int, cells: list[Cell], acc: float = 0.0) -> None:
        nonlocal steps
        steps += 1
        if steps > MAX_SEARCH_STEPS:
            raise _SearchTooLong
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
            steps += 1
            if steps > MAX_SEARCH_STEPS:
                raise _SearchTooLong
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

    try:
        rec(0, 0, [])
    except _SearchTooLong:
        # A hostile or garbled row (hundreds of run-together digits) has astronomically many
        # readings; an incomplete list could look unique, so the row is left unread instead.
        return []
    return out


def _plain(chunks: list[Chunk]) -> bool:
    """No chunk that float() could refuse (see Chunk.plain)."""
    return all(c.plain for c in chunks)


def _one_per_chunk(
    chunks: list[Chunk],
    prune: Accept | None,
    final: Accept | None,
    max_value: float | None,
    target_sum: float | None,
    most: list[float],
) -> list[Cell] | None:
    """The only reading of n chunks as n cells, under the same tests the search applies.

    `most` (the chunks' values summed from each position on) is read only with `target_sum`."""
    cells: list[Cell] = []
    acc = 0.0
    for ci, chunk in enumerate(chunks):
        text = chunk.text
        if chunk.splittable:
            # _well_formed, for a piece known to start with a digit
            if text[-1] == "." or (text[0] == "0" and text[1] != "."):
                return None
            value = float(text)
            if max_value is not None and value > max_value:
                return None
            if target_sum is not None and (
                acc + value > target_sum or acc + value + 0.0 + most[ci + 1] < target_sum
            ):
                return None
        cell = cell_of(text, chunk.unit)
        cells.append(cell)
        if prune is not None and not prune(list(cells)):
            return None
        acc += cell.value
    if final is not None and not final(cells):
        return None
    return cells


def _one_plain(
    chunks: list[Chunk],
    prune: Accept | None,
    final: Accept | None,
    max_value: float | None,
    target_sum: float | None,
    most: list[float],
) -> list[Cell] | None:
    """_one_per_chunk for plain chunks, with the cells and tests each chunk worked out already."""
    cells: list[Cell] = []
    acc = 0.0
    for ci, chunk in enumerate(chunks):
        cell = cast(Cell, chunk.cell)  # set on every plain chunk
        if chunk.splittable:
            if not chunk.whole:
                return None
            value = cell.value  # float(text), as cell_of reads it
            if max_value is not None and value > max_value:
                return None
            if target_sum is not None and (
                acc + value > target_sum or acc + value + 0.0 + most[ci + 1] < target_sum
            ):
                return None
        cells.append(cell)
        if prune is not None and not prune(list(cells)):
            return None
        acc += cell.value
    if final is not None and not final(cells):
        return None
    return cells


# Whole numbers below this are exact as floats, and so are their sums, so the float tests of the
# search and whole-number arithmetic agree (2**53 is about 9.0e15).
_EXACT = 1e15


def _whole(chunks: list[Chunk], target_sum: float, max_value: float | None) -> bool:
    if not (0 <= target_sum < _EXACT and target_sum.is_integer()):
        return False
    if max_value is not None and not max_value < _EXACT:
        return False
    return not any("." in c.text for c in chunks if c.text[:1].isdigit())


def _sum_splits(
    chunks: list[Chunk],
    n: int,
    room: list[int],
    target: int,
    max_value: float | None,
    final: Accept | None,
    cap: int,
) -> list[list[Cell]]:
    """Readings of whole-number chunks as `n` cells adding up to `target`, in the search's order.

    Cut for cut this applies the search's tests (leading zeros, `max_value`, room for the cells
    left, overshooting the target), in whole numbers. Its bounds on what the digits after a cut
    can still add up to are tighter than the search's, but each is a true bound, so only branches
    without a reading are left out and the readings and their order are the search's:
    the rest read as numbers chunk by chunk (the search's bound), and D digits read as k cells
    make less than 10**(D-k+1) + 10*(k-1) (one long cell and k-1 single digits is the most).
    """
    out: list[list[Cell]] = []
    nch = len(chunks)
    texts = [c.text for c in chunks]
    split = [c.splittable for c in chunks]
    fixed = [0 if s else int(cell_of(c.text).value) for c, s in zip(chunks, split, strict=True)]
    most = [0] * (nch + 1)
    for i in range(nch - 1, -1, -1):
        most[i] = most[i + 1] + (int(texts[i]) if texts[i][:1].isdigit() else 0)
    cap_value = max_value
    pieces: list[tuple[str, int, str | None]] = []

    def walk(ci: int, pos: int, rem: int) -> None:
        if ci == nch:
            if rem == 0 and len(pieces) == n:
                cells = [
                    Cell(text=t, value=float(v), unit=u) if t[:1].isdigit() else cell_of(t, u)
                    for t, v, u in pieces
                ]
                if final is None or final(cells):
                    out.append(cells)
            return
        need = n - len(pieces)
        chunk = chunks[ci]
        if not split[ci]:
            if need < nch - ci or need > room[ci]:
                return
            pieces.append((chunk.text, fixed[ci], chunk.unit))
            walk(ci + 1, 0, rem - fixed[ci])
            pieces.pop()
            return
        text = texts[ci]
        ln = len(text)
        after = nch - ci - 1
        k = need - 1
        last_end = pos + 1 if text[pos] == "0" else ln  # 0 is a cell, 05 is not
        for end in range(pos + 1, last_end + 1):
            steps[0] += 1
            if steps[0] > MAX_SEARCH_STEPS:
                raise _SearchTooLong
            value = int(text[pos:end])
            if cap_value is not None and value > cap_value:
                break
            last = end == ln
            if last:
                if k < after or k > room[ci + 1]:
                    continue
                rest_digits = room[ci + 1]
                rest_most = most[ci + 1]
            else:
                rest_digits = room[ci + 1] + ln - end
                if k < after + 1 or k > rest_digits:
                    continue
                rest_most = int(text[end:]) + most[ci + 1]
            r = rem - value
            if r < 0:
                break
            if r > rest_most or (k and r >= 10 ** (rest_digits - k + 1) + 10 * (k - 1)):
                continue
            pieces.append((text[pos:end], value, chunk.unit if last else None))
            if last:
                walk(ci + 1, 0, r)
            else:
                walk(ci, end, r)
            pieces.pop()
            if len(out) >= cap:
                return

    steps = [0]
    try:
        walk(0, 0, target)
    except _SearchTooLong:
        return []  # see split_cells: an incomplete list of readings could look unique
    return out


def digits_left(chunks: list[Chunk], taken: int) -> int:
    """Upper bound used by pruning: how many digits a cell could still have."""
    return sum(len(c.text) for c in chunks) - taken
