"""Tables drawn without rules: runs of lines whose text stands in aligned columns → table parts.

Some reports lay a table out with spaces or invisible borders.  A run of at least MIN_ROWS lines that
each hold several segments (text separated by column gaps) is such a table, each segment a cell, left
to right.  A blank cell prints nothing, so it is not there to read: the row simply has fewer cells, as
in pdftotext's layout text.  Columns (for provenance) are the x ranges the widest rows cover.
"""
from __future__ import annotations

from .pdf_page import Item, Line, PartCell, Segment, TablePart

MIN_ROWS = 3
"""Lines with several segments a run needs before it is read as a table."""

MAX_ROW_GAP = 2.5
"""Lines further apart than this many character heights are not rows of one table."""

MAX_WRAPPED_LINES = 2
"""Single-segment lines (a wrapped label) a run may hold between two rows."""


def with_aligned_tables(items: list[Item]) -> list[Item]:
    """A page's items with each run of column-aligned lines replaced by a table part."""
    out: list[Item] = []
    run: list[Line] = []
    for item in [*items, None]:
        if isinstance(item, Line) and _continues_run(run, item):
            run.append(item)
            continue
        tail: list[Line] = []
        while run and len(run[-1].segments) == 1:  # a run ends on its last row of several segments
            tail.insert(0, run.pop())
        if sum(1 for ln in run if len(ln.segments) > 1) >= MIN_ROWS:
            out.append(_part(run))
        else:
            out.extend(run)
        out.extend(tail)
        run = [item] if isinstance(item, Line) and len(item.segments) > 1 else []
        if item is not None and not run:
            out.append(item)
    return out


def _continues_run(run: list[Line], line: Line) -> bool:
    """A run starts on a line of several segments and takes wrapped single-segment lines between rows."""
    if not run:
        return False
    if line.top - run[-1].bottom > MAX_ROW_GAP * line.size:
        return False
    singles = 0
    for previous in reversed(run):
        if len(previous.segments) > 1:
            break
        singles += 1
    return len(line.segments) > 1 or singles < MAX_WRAPPED_LINES


def _part(run: list[Line]) -> TablePart:
    """Each segment a cell, its box the column band it stands in (several columns for a header over them)."""
    widest = max(len(ln.segments) for ln in run)
    columns = _columns([s for ln in run if len(ln.segments) * 5 >= widest * 4 for s in ln.segments])
    cells = []
    for r, line in enumerate(run):
        for s in line.segments:
            first, last = _column(columns, s.x0, s.x1)
            cells.append(PartCell(s.text, r, r + 1, (columns[first][0], line.top, columns[last][1], line.bottom)))
    bbox = (columns[0][0], run[0].top, columns[-1][1], run[-1].bottom)
    return TablePart(cells, len(run), bbox, run[0].page)


def _columns(segments: list[Segment]) -> list[tuple[float, float]]:
    """The x ranges covered by the segments, overlapping ranges merged, left to right."""
    out: list[tuple[float, float]] = []
    for s in sorted(segments, key=lambda s: s.x0):
        if out and s.x0 <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], s.x1))
        else:
            out.append((s.x0, s.x1))
    return out


def _column(columns: list[tuple[float, float]], x0: float, x1: float) -> tuple[int, int]:
    """First and last column a segment overlaps (the nearest one when it falls in a gap)."""
    hit = [i for i, (a, b) in enumerate(columns) if x0 < b and x1 > a]
    if hit:
        return hit[0], hit[-1]
    mid = (x0 + x1) / 2
    nearest = min(range(len(columns)), key=lambda i: min(abs(mid - columns[i][0]), abs(mid - columns[i][1])))
    return nearest, nearest
