"""Split run-together digit runs into cells, keeping only readings the template's identities allow.

A site archiver may print a row's cells with no separator: ``640020470`` for seven cells.  We list
every way to cut the tokens into the row's cells (no leading zeros, no cell across a space the
copy did keep) where each group's total equals the sum of its parts.  A group's total is chosen
first and its parts are then searched with their partial sum bounded by it, which keeps long rows
cheap.  When several readings survive, the caller must not guess: the cells stay null and the
candidates go into an ``ambiguous_cell`` problem.  A search that hits its bounds says so, so a single
reading found before the bound is never mistaken for the only one.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

_PART = regex.compile(r"[+-]?(?:0|[1-9]\d*)(?:\.\d+)?")
_UNIT = regex.compile(r"\p{Han}+$")

MAX_READINGS = 2000
"""Stop listing readings of one row past this many: it is ambiguous whatever the rest are."""

MAX_STEPS = 150_000
"""Search steps for one table at most, all its rows together (mutated or hostile text must not stall
the reader; a real run-together row of 36 digits takes under 70 000)."""

BOUNDED_RUN = 16
"""Runs longer than this are searched with exact sum bounds; shorter ones are cheaper to search plainly."""

MAX_CELL_CHARS = 16
"""No statutory cell is longer than this (a 12-digit count or a money amount with decimals)."""

Cell = tuple[int, int, str]  # (token index, offset in the token, cell text)


@dataclass(frozen=True)
class Group:
    """`parts` free cells, followed by their total when `total` is set."""

    parts: int
    total: bool = False

    @property
    def cells(self) -> int:
        return self.parts + (1 if self.total else 0)


@dataclass(frozen=True)
class Readings:
    cuts: list[list[Cell]]
    complete: bool  # False when a bound stopped the search: more readings may exist
    steps: int  # search steps spent


def readings(tokens: Sequence[str], groups: Sequence[Group], max_steps: int = MAX_STEPS) -> Readings:
    """Every way to cut `tokens` into the groups' cells that respects their totals.

    A money unit glued to the last digits (13575394432.52元) stays with the last cell of its token.
    """
    bodies: list[str] = []
    units: list[str] = []
    for tok in tokens:
        m = _UNIT.search(tok)
        bodies.append(tok[: m.start()] if m else tok)
        units.append(m.group() if m else "")
    search = _Search(bodies, groups, max_steps)
    search.groups_from(0, 0)
    return Readings([_placed(cut, bodies, units) for cut in search.found], search.complete, search.steps)


class _Search:
    """Depth-first search over cut positions, bounded in steps and readings."""

    def __init__(self, bodies: list[str], groups: Sequence[Group], max_steps: int) -> None:
        self.max_steps = max_steps
        self.text = "".join(bodies)
        self.token_end: list[int] = []  # for each offset: where its token ends (a cell never crosses it)
        for body in bodies:
            self.token_end.extend([len(self.token_end) + len(body)] * len(body))
        self.cell_texts: dict[tuple[int, int], str | None] = {}
        self.groups = groups
        self.cuts: list[tuple[int, int]] = []  # (start, end) of each cell chosen so far
        self.found: list[list[tuple[int, int]]] = []
        self.steps = 0
        self.complete = True

    def _tick(self) -> bool:
        self.steps += 1
        if self.steps > self.max_steps or len(self.found) >= MAX_READINGS:
            self.complete = False
        return self.complete

    def _cell(self, start: int, end: int) -> str | None:
        """The text of a cell, or None when it is not a well-formed number or crosses a kept space."""
        key = (start, end)
        if key not in self.cell_texts:
            part = self.text[start:end]
            ok = end - start <= MAX_CELL_CHARS and end <= self.token_end[start] and _PART.fullmatch(part)
            self.cell_texts[key] = part if ok else None
        return self.cell_texts[key]

    def _cells_left(self, group_index: int) -> int:
        return sum(g.cells for g in self.groups[group_index:])

    def groups_from(self, pos: int, group_index: int) -> None:
        if not self._tick():
            return
        if group_index == len(self.groups):
            if pos == len(self.text):
                self.found.append(list(self.cuts))
            return
        left = len(self.text) - pos
        if left < self._cells_left(group_index) or left > self._cells_left(group_index) * MAX_CELL_CHARS:
            return
        group = self.groups[group_index]
        if not group.total:
            self.parts(pos, len(self.text) if group_index + 1 == len(self.groups) else None, group.parts,
                       None, lambda end: self.groups_from(end, group_index + 1))
            return
        later = self._cells_left(group_index + 1)
        reach = self._prefix_bounds(pos, group.parts) if left > BOUNDED_RUN else None
        # Choose the total first: it bounds every part before it.
        for total_start in range(pos + group.parts, len(self.text)):
            if reach is not None and total_start not in reach:
                continue
            for total_end in range(total_start + 1, min(len(self.text), total_start + MAX_CELL_CHARS) + 1):
                if len(self.text) - total_end < later:
                    break
                if len(self.text) - total_end > later * MAX_CELL_CHARS:
                    continue
                total = self._cell(total_start, total_end)
                if total is None or "." in total:
                    continue
                if reach is not None and not reach[total_start][0] <= int(total) <= reach[total_start][1]:
                    continue

                def after_parts(end: int, total_start: int = total_start, total_end: int = total_end) -> None:
                    self.cuts.append((total_start, total_end))
                    self.groups_from(total_end, group_index + 1)
                    self.cuts.pop()

                self.parts(pos, total_start, group.parts, int(total), after_parts)
                if not self.complete:
                    return

    def parts(self, pos: int, end: int | None, count: int, total: int | None, then) -> None:
        """Cut `count` cells from `pos`, ending exactly at `end` (when given), summing to `total` (when given)."""
        long_run = end is not None and end - pos > BOUNDED_RUN
        bounds = self._sum_bounds(pos, end, count) if total is not None and long_run else None
        self._parts(pos, end, count, total, 0, bounds, then)

    def _prefix_bounds(self, pos: int, count: int) -> dict[int, tuple[int, int]]:
        """For every end e: (least, greatest) sum of cutting text[pos:e] into `count` cells."""
        layer = {pos: (0, 0)}
        for _ in range(count):
            following: dict[int, tuple[int, int]] = {}
            for start, (low, high) in layer.items():
                for stop in range(start + 1, min(len(self.text), start + MAX_CELL_CHARS) + 1):
                    self.steps += 1
                    text = self._cell(start, stop)
                    if text is None or "." in text:
                        continue
                    value = int(text)
                    old = following.get(stop)
                    new = (low + value, high + value)
                    following[stop] = new if old is None else (min(old[0], new[0]), max(old[1], new[1]))
            layer = following
        return layer

    def _sum_bounds(self, pos: int, end: int, count: int) -> dict[tuple[int, int], tuple[int, int]]:
        """(least, greatest) sum of cutting text[p:end] into c cells, for every p and c ≤ count.

        Exact bounds let the search drop a branch as soon as the total is out of its reach.
        """
        bounds: dict[tuple[int, int], tuple[int, int]] = {(end, 0): (0, 0)}
        for p in range(end - 1, pos - 1, -1):
            for c in range(1, count + 1):
                least = greatest = None
                for stop in range(p + 1, min(end, p + MAX_CELL_CHARS) + 1):
                    self.steps += 1
                    rest = bounds.get((stop, c - 1))
                    text = self._cell(p, stop) if rest else None
                    if text is None or "." in text:
                        continue
                    value = int(text)
                    least = value + rest[0] if least is None else min(least, value + rest[0])
                    greatest = value + rest[1] if greatest is None else max(greatest, value + rest[1])
                if least is not None:
                    bounds[(p, c)] = (least, greatest)
        return bounds

    def _parts(self, pos: int, end: int | None, count: int, total: int | None, running: int,
               bounds: dict[tuple[int, int], tuple[int, int]] | None, then) -> None:
        if not self._tick():
            return
        if count == 0:
            if (end is None or pos == end) and (total is None or running == total):
                then(pos)
            return
        if bounds is not None and total is not None:
            reach = bounds.get((pos, count))
            if reach is None or not running + reach[0] <= total <= running + reach[1]:
                return
        limit = len(self.text) if end is None else end
        for stop in range(pos + 1, min(limit, pos + MAX_CELL_CHARS) + 1):
            if limit - stop < count - 1:
                break
            text = self._cell(pos, stop)
            if text is None:
                continue
            value = 0
            if total is not None:
                if "." in text:
                    continue
                value = int(text)
                if value < 0 or running + value > total:
                    break  # longer cells only grow
            self.cuts.append((pos, stop))
            self._parts(stop, end, count - 1, total, running + value, bounds, then)
            self.cuts.pop()
            if not self.complete:
                return


def _placed(cut: list[tuple[int, int]], bodies: list[str], units: list[str]) -> list[Cell]:
    """Joined-text cuts → (token index, offset in token, text with the token's unit on its last cell)."""
    joined = "".join(bodies)
    starts, offset = [], 0
    for body in bodies:
        starts.append(offset)
        offset += len(body)
    cells: list[Cell] = []
    for start, end in sorted(cut):
        tok = max(i for i, s in enumerate(starts) if s <= start)
        text = joined[start:end]
        last_of_token = end == starts[tok] + len(bodies[tok])
        cells.append((tok, start - starts[tok], text + (units[tok] if last_of_token else "")))
    return cells
