"""Split run-together digit runs into cells, keeping only readings the template's identities allow.

A site archiver may print a row's cells with no separator: ``640020470`` for seven cells.  We list
every way to cut the tokens into the row's cells (no leading zeros, a token never shared by two
rows) and keep the cuts where each total equals the sum of its parts.  When several cuts survive,
the caller must not guess: the cells stay null and the candidates go into an ``ambiguous_cell``
problem.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

_PART = regex.compile(r"[+-]?(?:0|[1-9]\d*)(?:\.\d+)?")
_UNIT = regex.compile(r"\p{Han}+$")

MAX_READINGS = 2000
"""Stop listing readings of one row past this many: it is ambiguous whatever the rest are."""


@dataclass(frozen=True)
class Slot:
    """One cell of a reading: free, or the total of the `parts` slots just before it."""

    total_of: int = 0  # 0: a free cell; n: must equal the sum of the previous n slots


def row_slots(cells: int, total_last: bool) -> list[Slot]:
    """Slots for a row of `cells` cells whose last cell may be the total of the others."""
    if total_last:
        return [Slot()] * (cells - 1) + [Slot(total_of=cells - 1)]
    return [Slot()] * cells


def readings(tokens: Sequence[str], slots: Sequence[Slot]) -> list[list[tuple[int, int, str]]]:
    """Every way to cut `tokens` into len(slots) cells that respects the slots' totals.

    Each cell is (token index, offset in the token, cell text).  A money unit glued to the last
    digits (13575394432.52元) stays with the last cell of its token.
    """
    bodies: list[str] = []
    units: list[str] = []
    for tok in tokens:
        m = _UNIT.search(tok)
        bodies.append(tok[: m.start()] if m else tok)
        units.append(m.group() if m else "")
    out: list[list[tuple[int, int, str]]] = []
    for cut in _cuts(bodies, slots, 0, 0, []):
        out.append(_placed(cut, units))
        if len(out) >= MAX_READINGS:
            break
    return out


def _placed(cut: list[tuple[int, str]], units: list[str]) -> list[tuple[int, int, str]]:
    cells: list[tuple[int, int, str]] = []
    offset = 0
    for i, (tok, text) in enumerate(cut):
        if i and cut[i - 1][0] != tok:
            offset = 0
        last_of_token = i + 1 == len(cut) or cut[i + 1][0] != tok
        cells.append((tok, offset, text + (units[tok] if last_of_token else "")))
        offset += len(text)
    return cells


def _cuts(bodies: list[str], slots: Sequence[Slot], tok: int, pos: int,
          done: list[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    if tok == len(bodies):
        if len(done) == len(slots):
            yield list(done)
        return
    slot_index = len(done)
    if slot_index == len(slots):
        return
    body = bodies[tok]
    remaining_slots = len(slots) - slot_index
    if remaining_slots < len(bodies) - tok:  # every token needs a cell of its own
        return
    if remaining_slots > len(body) - pos + sum(len(b) for b in bodies[tok + 1:]):  # a cell per digit at most
        return
    slot = slots[slot_index]
    if slot.total_of:
        parts = [text for _, text in done[-slot.total_of:]]
        if any("." in p for p in parts):
            choices = _free_ends(body, pos)
        else:
            need = str(sum(int(p) for p in parts))
            choices = [pos + len(need)] if body.startswith(need, pos) else []
    else:
        choices = _free_ends(body, pos)
    for end in choices:
        part = body[pos:end]
        if not _PART.fullmatch(part):
            continue
        done.append((tok, part))
        if end == len(body):
            yield from _cuts(bodies, slots, tok + 1, 0, done)
        else:
            yield from _cuts(bodies, slots, tok, end, done)
        done.pop()


def _free_ends(body: str, pos: int) -> range:
    return range(pos + 1, len(body) + 1)
