"""One PDF page → its text lines and ruled tables, in page coordinates (points, top-down).

Tables are found from the rules a reader can see: stroked lines and rectangles and thin filled bars.
Word exports paint white boxes behind every paragraph and tinted boxes behind header cells; those
fills are not rules, and taking them as rules turns body text into one-column "tables".
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from pdfplumber.page import Page

from ..normalize import normalize
from ..values import parse_cell

Char = dict[str, Any]  # a pdfplumber char object

_FIGURE_CHARS = frozenset("0123456789.,")

RULE_THICKNESS = 3.5
"""A filled rectangle thinner than this (points) is drawn as a rule; a thicker fill is a background."""

SNAP = 3.0
"""Cell edges closer than this (points) are the same grid line."""

COLUMN_GAP = 1.5
"""A horizontal gap wider than this many character heights separates two columns of text."""

WORD_GAP = 0.25
"""A gap wider than this many character heights between Latin letters or digits is a space."""

OVERPRINT = 1.0
"""The same character again within this distance (points) is the same glyph printed twice."""


@dataclass(frozen=True)
class Segment:
    """A run of text on one line with no column gap inside."""

    text: str
    x0: float
    x1: float


@dataclass(frozen=True)
class Line:
    """A line of text outside the tables."""

    segments: tuple[Segment, ...]
    top: float
    bottom: float
    size: float  # median character height
    page: int

    @property
    def text(self) -> str:
        return "  ".join(s.text for s in self.segments)

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1


@dataclass
class PartCell:
    """A table cell as drawn on one page: rows [r0, r1) of its part, the rest in points."""

    text: str
    r0: int
    r1: int
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass
class TablePart:
    """The piece of a table drawn on one page (a table may continue on the next page)."""

    cells: list[PartCell]
    rows: int
    bbox: tuple[float, float, float, float]
    page: int

    @property
    def top(self) -> float:
        return self.bbox[1]


Item = Line | TablePart


def read_page(page: Page, number: int) -> list[Item]:
    """The page's lines and ruled tables, top to bottom."""
    chars = [c for c in page.chars if c["text"].strip() and _on_page(c, page)]
    parts: list[TablePart] = []
    free = chars
    rules = page.filter(_is_rule)
    closing = _closing_lines([e for e in rules.edges if e["orientation"] == "v"])
    for table in rules.find_tables({"explicit_horizontal_lines": closing}):
        part, free = _part(table.cells, free, number)
        if part is not None:
            parts.append(part)
    items: list[Item] = [*lines_of(free, number), *parts]
    items.sort(key=lambda item: item.top)
    return items


def _on_page(ch: Char, page: Page) -> bool:
    x, y = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    return 0 <= x <= page.width and 0 <= y <= page.height


def _is_rule(obj: dict[str, Any]) -> bool:
    """Keep characters and the drawn objects a reader sees as rules."""
    kind = obj["object_type"]
    if kind in ("line", "curve"):
        return bool(obj.get("stroke", True)) and not _white(obj.get("stroking_color"))
    if kind == "rect":
        if obj.get("stroke") and not _white(obj.get("stroking_color")):
            return True
        thin = min(obj["width"], obj["height"]) <= RULE_THICKNESS
        return bool(obj.get("fill")) and thin and not _white(obj.get("non_stroking_color"))
    return kind == "char"


def _white(color: Any) -> bool:
    """Gray 1, RGB (1,1,1) or CMYK (0,0,0,0): invisible on paper."""
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not color or not all(isinstance(v, (int, float)) for v in color):
        return False
    if len(color) == 4:
        return all(v <= 0.01 for v in color)
    return all(v >= 0.99 for v in color)


def _closing_lines(verticals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rules across the top and bottom ends of each group of vertical rules.

    A table cut by a page break has no rule where the page cut it, and a table continued from the
    previous page often lacks part of its top rule; without one the cells along that edge are lost.
    Where the table is closed the added rule coincides with the drawn one.
    """
    groups: list[list[dict[str, Any]]] = []
    reach = 0.0  # the lowest bottom of the current group
    for edge in sorted(verticals, key=lambda e: e["top"]):
        if groups and edge["top"] <= reach + SNAP:
            groups[-1].append(edge)
            reach = max(reach, edge["bottom"])
        else:
            groups.append([edge])
            reach = edge["bottom"]
    lines = []
    for group in groups:
        top = min(e["top"] for e in group)
        bottom = max(e["bottom"] for e in group)
        for y, ends in ((top, [e for e in group if e["top"] - top <= SNAP]),
                        (bottom, [e for e in group if bottom - e["bottom"] <= SNAP])):
            if len(ends) >= 2:
                x0, x1 = min(e["x0"] for e in ends), max(e["x0"] for e in ends)
                lines.append({"object_type": "closing_edge", "orientation": "h", "x0": x0, "x1": x1,
                              "top": y, "bottom": y, "width": x1 - x0, "height": 0.0})
    return lines


def _part(cells: Sequence[tuple[float, float, float, float]], chars: list[Char],
          number: int) -> tuple[TablePart | None, list[Char]]:
    """The table part made of `cells`, and the chars left outside it.

    A grid of one column is a framed paragraph, not a table: its text stays with the lines.
    """
    xs = cluster([v for c in cells for v in (c[0], c[2])])
    ys = cluster([v for c in cells for v in (c[1], c[3])])
    if len(xs) < 3 or len(ys) < 2:
        return None, chars
    grid: dict[tuple[int, int], int] = {}
    part_cells: list[PartCell] = []
    for i, (x0, top, x1, bottom) in enumerate(cells):
        c0, c1, r0, r1 = nearest(xs, x0), nearest(xs, x1), nearest(ys, top), nearest(ys, bottom)
        part_cells.append(PartCell("", r0, max(r1, r0 + 1), (x0, top, x1, bottom)))
        for r in range(r0, r1):
            for c in range(c0, c1):
                grid[(r, c)] = i
    inside: dict[int, list[Char]] = {}
    rest: list[Char] = []
    for ch in chars:
        x, y = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        r, c = bisect_right(ys, y) - 1, bisect_right(xs, x) - 1
        owner = grid.get((r, c)) if 0 <= r < len(ys) - 1 and 0 <= c < len(xs) - 1 else None
        if owner is None:
            rest.append(ch)
        else:
            inside.setdefault(owner, []).append(ch)
    for i, cell_chars in inside.items():
        part_cells[i].text = cell_text(cell_chars)
    part_cells.sort(key=lambda pc: (pc.r0, pc.bbox[0]))
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return TablePart(part_cells, len(ys) - 1, bbox, number), rest


def cluster(values: list[float], tolerance: float = SNAP) -> list[float]:
    """Sorted positions with near-equal values merged (the first of each run stands for it)."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def nearest(positions: list[float], value: float) -> int:
    """Index of the position closest to `value` (positions sorted)."""
    i = bisect_right(positions, value)
    if i == 0:
        return 0
    if i == len(positions) or value - positions[i - 1] <= positions[i] - value:
        return i - 1
    return i


def lines_of(chars: list[Char], number: int) -> list[Line]:
    """Group chars into lines (vertical overlap), each split into segments at column gaps."""
    bands: list[tuple[float, float, list[Char]]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        mid = (ch["top"] + ch["bottom"]) / 2
        if bands and bands[-1][0] <= mid <= bands[-1][1]:
            top, bottom, members = bands[-1]
            members.append(ch)
            bands[-1] = (top, max(bottom, ch["bottom"]), members)
        else:
            bands.append((ch["top"], ch["bottom"], [ch]))
    lines = []
    for top, bottom, members in bands:
        members = _without_overprint(sorted(members, key=lambda c: c["x0"]))
        size = median(c["bottom"] - c["top"] for c in members) or 1.0
        lines.append(Line(tuple(_segments(members, size)), top, bottom, size, number))
    return lines


def _without_overprint(chars: list[Char]) -> list[Char]:
    """Drop a character drawn again a hair's breadth away (how some writers fake bold type)."""
    kept = chars[:1]
    for ch in chars[1:]:
        last = kept[-1]
        same_place = ch["x0"] - last["x0"] < OVERPRINT and abs(ch["top"] - last["top"]) < OVERPRINT
        if not (same_place and ch["text"] == last["text"]):
            kept.append(ch)
    return kept


def _segments(chars: list[Char], size: float) -> list[Segment]:
    segments: list[Segment] = []
    run: list[str] = []
    start = chars[0]
    prev = chars[0]
    for ch in chars:
        if ch is not start:
            gap = ch["x0"] - prev["x1"]
            if gap > COLUMN_GAP * size:
                segments.append(Segment("".join(run), start["x0"], prev["x1"]))
                run, start = [], ch
            elif gap > WORD_GAP * size and not (wide(prev["text"][-1]) and wide(ch["text"][0])):
                run.append(" ")
        run.append(ch["text"])
        prev = ch
    segments.append(Segment("".join(run), start["x0"], prev["x1"]))
    return segments


def cell_text(chars: list[Char]) -> str:
    """A cell's text: its lines joined as wrapped text (vertical labels come out as one word)."""
    out = ""
    for line in lines_of(chars, 0):
        out = join(out, line.text)
    return out


def join(left: str, right: str) -> str:
    """Two pieces of text wrapped over lines: a space only where Latin words were broken at a space.

    Chinese wraps anywhere, with no space to restore, and so does a long figure in a narrow cell.
    """
    if not left or not right or wide(left[-1]) or wide(right[0]):
        return left + right
    if left[-1] in _FIGURE_CHARS and right[0] in _FIGURE_CHARS:
        return left + right
    return left + " " + right


def wide(ch: str) -> bool:
    """A full-width character (CJK ideograph or punctuation), written without spaces around it."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def figure(text: str) -> bool:
    """The cell text is a number (a figure of the report)."""
    return parse_cell(normalize(text)).marker == "number"
