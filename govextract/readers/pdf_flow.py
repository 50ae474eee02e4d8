"""Pages of lines and table parts → the document's blocks (paragraphs and whole tables) in reading order.

Three things a page boundary breaks are mended here: running page numbers and headers are dropped,
a paragraph going on over the page is joined, and a table continued on the next page becomes one
table — its repeated header rows dropped, and a row split by the page break made whole again.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

import regex

from ..data import load_yaml
from .grid import Block, GridCell, Table, clean
from .pdf_page import SNAP, Item, Line, TablePart, cluster, figure, join, nearest

CONTINUED_TABLE_EDGE = 6.0
"""A table at the top of a page continues the one ending the page before when both edges agree this
closely (points)."""

MARGIN_BAND = 0.1
"""Running headers and footers sit in this top or bottom fraction of the page height."""

MAX_HEADER_ROWS = 6
"""Leading rows of a continued table compared with the table's first rows (repeated header rows)."""


def blocks_of(pages: list[list[Item]], heights: list[float]) -> list[Block]:
    """Paragraphs and tables of the whole document, page by page, top to bottom."""
    flow: list[Line | list[TablePart]] = []
    for items in _without_furniture(pages, heights):
        for k, item in enumerate(items):
            if isinstance(item, Line):
                flow.append(item)
                continue
            last = flow[-1] if flow else None
            if k == 0 and isinstance(last, list) and _continues(last[-1], item):
                last.append(item)
            else:
                flow.append([item])
    lines = [x for x in flow if isinstance(x, Line)]
    margins = _margins(lines)
    blocks: list[Block] = []
    paragraph: list[Line] = []
    for x in flow:
        if isinstance(x, Line) and paragraph and not _same_paragraph(paragraph[-1], x, margins):
            blocks.append(_joined(paragraph))
            paragraph = []
        if isinstance(x, Line):
            paragraph.append(x)
            continue
        if paragraph:
            blocks.append(_joined(paragraph))
            paragraph = []
        blocks.append(_table(x))
    if paragraph:
        blocks.append(_joined(paragraph))
    return blocks


@cache
def _page_number() -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?:{p})" for p in load_yaml("values.yaml")["page_number_lines"]))


def _without_furniture(pages: list[list[Item]], heights: list[float]) -> list[list[Item]]:
    """Drop page numbers anywhere, and lines repeated in the margin band of most pages.

    A running header's first occurrence is kept: on page 1 it may be the report's own title.
    """
    def key(line: Line) -> str | None:
        height = heights[line.page - 1]
        if line.bottom < MARGIN_BAND * height or line.top > (1 - MARGIN_BAND) * height:
            return regex.sub(r"\d+", "#", "".join(line.text.split()))
        return None

    counts = Counter(k for items in pages
                     for k in {key(x) for x in items if isinstance(x, Line)} if k is not None)
    repeated = {k for k, n in counts.items() if n >= 2 and 2 * n >= len(pages)}
    seen: set[str] = set()
    out = []
    for items in pages:
        kept: list[Item] = []
        for x in items:
            if isinstance(x, Line):
                if _page_number().match(x.text):
                    continue
                k = key(x)
                if k in repeated:
                    if k in seen:
                        continue
                    seen.add(k)
            kept.append(x)
        out.append(kept)
    return out


def _continues(before: TablePart, after: TablePart) -> bool:
    """`after` opens the page following the one `before` ends, with the same left and right edges."""
    return (after.page == before.page + 1
            and abs(after.bbox[0] - before.bbox[0]) <= CONTINUED_TABLE_EDGE
            and abs(after.bbox[2] - before.bbox[2]) <= CONTINUED_TABLE_EDGE)


@dataclass(frozen=True)
class _Margins:
    left: float
    right: float


def _margins(lines: list[Line]) -> _Margins:
    """Body text margins: where the leftmost line starts and the widest line ends."""
    if not lines:
        return _Margins(0.0, 0.0)
    return _Margins(min(line.x0 for line in lines), max(line.x1 for line in lines))


def _same_paragraph(prev: Line, line: Line, margins: _Margins) -> bool:
    """`line` goes on with `prev`'s paragraph: `prev` runs to the right margin, `line` is not indented,
    has the same size and follows at ordinary line spacing (or opens the next page)."""
    if len(prev.segments) > 1 or len(line.segments) > 1:
        return False
    if abs(line.size - prev.size) > 0.2 * prev.size:
        return False
    if prev.x1 < margins.right - 2 * prev.size or line.x0 > margins.left + 0.5 * line.size:
        return False
    if line.page == prev.page:
        return 0 <= line.top - prev.bottom <= prev.size
    return line.page == prev.page + 1


def _joined(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        text = join(text, line.text)
    return text


@dataclass(eq=False)
class _Cell:
    """A cell of a table being assembled from its parts: rows [row, end) of the whole table."""

    text: str
    row: int
    end: int
    x0: float
    x1: float
    page: int
    bbox: tuple[float, float, float, float]


def _table(parts: list[TablePart]) -> Table:
    """One table from the parts it was drawn in, as rows of grid cells.

    An empty cell is written only where a figure could stand (a figure column, in a row of figures):
    elsewhere it is a label's unused neighbour or header padding, and carries nothing.
    """
    cells = _cells(parts[0], 0)
    rows = parts[0].rows
    for part in parts[1:]:
        rows = _append(cells, rows, part)
    xs = cluster([v for c in cells for v in (c.x0, c.x1)], SNAP)
    by_row: dict[int, list[GridCell]] = {}
    for c in sorted(cells, key=lambda c: (c.row, c.x0)):
        col = nearest(xs, c.x0)
        span = max(1, nearest(xs, c.x1) - col)
        bbox = (round(c.bbox[0], 2), round(c.bbox[1], 2), round(c.bbox[2], 2), round(c.bbox[3], 2))
        by_row.setdefault(c.row, []).append(GridCell(c.text, c.row, col, c.end - c.row, span, c.page, bbox))
    figure_cols = {g.col for row in by_row.values() for g in row if g.colspan == 1 and figure(g.text)}
    table = []
    for r in sorted(by_row):
        row = by_row[r]
        has_figures = any(figure(g.text) for g in row)
        kept = [g for g in row
                if g.text.strip() or (has_figures and figure_cols & set(range(g.col, g.col + g.colspan)))]
        if kept:
            table.append(kept)
    return table


def _cells(part: TablePart, offset: int) -> list[_Cell]:
    return [_Cell(pc.text, pc.r0 + offset, pc.r1 + offset, pc.bbox[0], pc.bbox[2], part.page, pc.bbox)
            for pc in part.cells]


def _append(cells: list[_Cell], rows: int, part: TablePart) -> int:
    """Add the next page's part below the table's `rows` rows; return the table's new row count."""
    new = _cells(part, 0)
    skip = _repeated_header_rows(cells, new)
    new = [c for c in new if c.row >= skip]
    for c in new:
        c.row -= skip
        c.end -= skip
    last = [c for c in cells if c.end == rows]
    pairs = []
    for b in (c for c in new if c.row == 0):
        a = next((a for a in last if abs(a.x0 - b.x0) <= SNAP and abs(a.x1 - b.x1) <= SNAP), None)
        pairs.append((a, b))
    matched = [(a, b) for a, b in pairs if a is not None]
    if pairs and len(matched) == len(pairs) and _split_row(matched):
        offset = rows - 1  # the part's first row is the rest of the table's last row
        for a, b in matched:
            a.text, a.end = join(a.text, b.text), offset + b.end
            new.remove(b)
    else:
        offset = rows
        for a, b in matched:  # a label spanning rows goes on over the page break in an empty cell
            if a.text and not b.text and (a.end - a.row > 1 or b.end - b.row > 1):
                a.end = offset + b.end
                new.remove(b)
    for c in new:
        c.row += offset
        c.end += offset
    cells.extend(new)
    return offset + part.rows - skip


def _split_row(pairs: list[tuple[_Cell, _Cell]]) -> bool:
    """The first row of a part finishes the row the page break cut: some single-row cells the break
    left empty below a filled half (the figures), no filled cell below an empty one, and no column
    with a figure on both sides (a figure is never broken over two pages)."""
    return (any(a.text and not b.text for a, b in pairs if a.end - a.row == 1)
            and not any(b.text and not a.text for a, b in pairs)
            and not any(figure(a.text) and figure(b.text) for a, b in pairs))


def _repeated_header_rows(cells: list[_Cell], new: list[_Cell]) -> int:
    """How many leading rows of `new` repeat the table's own first rows (a header printed on every page)."""
    def rows_before(group: list[_Cell], k: int) -> list[tuple[int, int, str]]:
        return sorted((c.row, c.end, clean(c.text)) for c in group if c.row < k)

    found = 0
    for k in range(1, MAX_HEADER_ROWS + 1):
        head = rows_before(cells, k)
        if head != rows_before(new, k) or not any(regex.search(r"\p{Han}", t) for _, _, t in head):
            break
        if all(end <= k for _, end, _ in head) and all(c.end <= k for c in new if c.row < k):
            found = k
    return found
