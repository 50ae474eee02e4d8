"""Rebuild the statutory tables from report text of any shape.

regions (where each table is) → shapes (text → cell tokens) → place (tokens → template rows) →
solve (run-together digits → cells, by the identities) → cells (text → typed values).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import product
from math import prod

from ..templates import Column, GridTable, Templates, templates
from ..values import Number, parse_cell, unit_in_header
from . import place
from .cells import CellReading, Issue, TableReading, read_cell
from .regions import find_regions, table_captions
from .shapes import SPLITTABLE_SHAPES, Token, detect_shape, iter_tokens, tokenize
from .solve import MAX_STEPS, Group, readings
from .text import Compact, CompactText

__all__ = ["CellReading", "Issue", "TableReading", "TablesFound", "read_tables"]

MAX_LISTED_READINGS = 20
"""Candidate readings listed in an ambiguous_cell problem (the count is always given in full)."""

MAX_COMBINATIONS = 5000
"""Readings of a table's ambiguous rows tried together against the column identities, at most."""

Candidate = list[tuple[str, tuple[int, int] | None]]  # one reading of a row: (cell text, span) per column


@dataclass(frozen=True)
class TablesFound:
    shape: str | None
    template: str | None
    tables: list[TableReading]

    def spans(self) -> tuple[tuple[int, int], ...]:
        """Where the tables read sit in the text (TableReading.span): prose readers skip them."""
        return tuple(t.span for t in self.tables if t.span)


def read_tables(text: str, year: int | None = None) -> TablesFound:
    """Every statutory table in the normalised report text; `year` breaks ties on the template form."""
    spec = templates()
    compact = CompactText.of(text)
    regions = find_regions(text, compact, spec)
    span = regions.span()
    if span is None:
        return TablesFound(None, None, [])
    shape = detect_shape(text[span[0]:span[1]])
    splittable = shape in SPLITTABLE_SHAPES
    tables: list[TableReading] = []

    requests = None
    if regions.requests:
        requests = _read_requests(text, regions.requests, shape, spec.requests, splittable)
    art20_found = _art20(text, compact, regions.art20, shape, spec) if regions.art20 else {}
    decided = [form for form, _, _, _ in art20_found.values() if form]
    if decided:
        template = max(set(decided), key=decided.count)
    elif requests is not None and requests.form == "2021":
        template = "2021"
    else:
        template = "2021" if year is not None and year >= 2021 else "2019"
    for table in spec.art20:
        if table.key in art20_found:
            form, rows, header, span = art20_found[table.key]
            tables.append(_read_art20(table, form or _fallback_form(table, template), rows, header, span,
                                      splittable))
    if requests is not None:
        tables.append(requests)
    if regions.review:
        review = _read_review(text, regions.review, shape, spec.review, splittable)
        if review is not None:
            tables.append(review)
    return TablesFound(shape, template if tables else None, tables)


def _fallback_form(table, template: str) -> str:
    return template if template in table.forms else next(iter(table.forms))


# ---- 第二十条 ---------------------------------------------------------------------------------

def _art20(text: str, compact: CompactText, region: tuple[int, int], shape: str, spec: Templates):
    tokens = tokenize(text, region[0], region[1], shape)
    starts = [t.start for t in tokens]
    caption_item: dict[int, str] = {}
    for m in table_captions(text, compact, spec, region[0], region[1]):
        index = bisect_right(starts, m.start()) - 1
        if index >= 0:
            caption_item[index] = m["item"]
    found = place.art20_rows(tokens, spec.art20, caption_item, spec.art20_caption.label_continuation)
    return {key: (form, rows, header, _span(region[0], (t for row in rows.values() for t in row)))
            for key, (form, rows, header) in found.items()}


def _read_art20(table, form: str, rows: dict[str, list[Token]], header: str, span: tuple[int, int] | None,
                splittable: bool) -> TableReading:
    reading = TableReading(table.key, form, span=span)
    columns = table.forms[form].columns
    header_unit = unit_in_header(header)
    candidates = {}
    for row in table.rows_in(form):
        if row.key in rows:
            keys = [f"{table.key}.{row.key}.{c.key}" for c in columns]
            found = _candidates(reading, row.key, keys, place.trim_blanks(rows[row.key], len(columns)),
                               [Group(len(columns))], splittable)
            if found is not None:
                candidates[row.key] = found
    _settle(reading, candidates, {r: columns for r in candidates}, None, header_unit)
    return reading


# ---- 三、收到和处理政府信息公开申请情况 ----------------------------------------------------------

def _read_requests(text: str, region: tuple[int, int], shape: str, table: GridTable,
                   splittable: bool) -> TableReading | None:
    tokens = tokenize(text, region[0], region[1], shape)
    compact = Compact.of_tokens(tokens)
    form = _grid_form(compact.text, table)
    columns = table.columns
    data_rows = table.rows_in(form)
    rows = place.grid_rows_by_label(tokens, compact, table, form, shape)
    if not rows:
        return None
    reading = TableReading(table.key, form)
    width = len(columns)
    fits = all(len(place.trim_blanks(rows.get(r.key, []), width)) == width for r in data_rows)
    by_order = False
    if not fits and not splittable:
        ordered = place.grid_rows_by_order(tokens, table, form, width)
        if ordered is not None:
            rows, by_order = ordered, True
    reordered: set[str] = set()  # rows whose values a converter may have shuffled (layout only)
    if shape == "layout" and not by_order:
        rows = place.fill_blanks_by_column(text, rows, width)
        for key, row_tokens in rows.items():
            if len(row_tokens) == width and place.out_of_line(text, [row_tokens]):
                reading.issues.append(_out_of_order(table.key, key, row_tokens))
                reordered.add(key)
    reading.span = _span(region[0], (t for row in rows.values() for t in row))
    groups = [Group(width - 1, total=True)]
    candidates = {}
    for row in data_rows:
        keys = [f"{table.key}.{row.key}.{c.key}" for c in columns]
        if row.key in reordered:
            continue
        if row.key not in rows:
            reading.issues.append(Issue("row_not_found", f"requests: no row labelled like {row.label!r}",
                                        table.key, tuple(keys), severity="info"))
            continue
        found = _candidates(reading, row.key, keys, place.trim_blanks(rows[row.key], width), groups, splittable)
        if found is not None:
            candidates[row.key] = found
    check = _requests_check(table, form)
    if by_order:
        fixed = {k: _numbers(c[0]) for k, c in candidates.items()}
        if len(candidates) != len(data_rows) or not check(fixed, strict=True):
            reading.issues.append(Issue("rows_unconfirmed", "requests: value rows could not be tied to their "
                                        "labels and the identities do not confirm the template order",
                                        table.key, severity="error"))
            return reading
        reading.issues.append(Issue("rows_placed_by_order", "requests: labels were displaced from their values; "
                                    "rows were placed by the template order and confirmed by the identities",
                                    table.key, severity="info"))
    _settle(reading, candidates, {r: columns for r in candidates}, check, None)
    return reading


def _grid_form(compact: str, table: GridTable) -> str:
    """The form whose markers the table's text (whitespace removed) shows, else the unmarked form."""
    for form, spec in table.forms.items():
        if spec.markers and any(m in compact for m in spec.markers):
            return form
    return next(f for f, spec in table.forms.items() if not spec.markers)


def _requests_check(table: GridTable, form: str) -> Callable[..., bool]:
    """The template's identities of the requests table (balance, outcomes, row totals) over rows of
    numbers; `strict` also fails when no identity could be evaluated."""
    width = len(table.columns)
    column_keys = [c.key for c in table.columns]
    by_column = [table.terms(i, form) for i in table.identities if i.each == "column"]
    by_row = [tuple([column_keys.index(c) for c in side] for side in table.terms(i, form))
              for i in table.identities if i.each == "row"]

    def check(values: dict[str, list[Number | None]], strict: bool = False) -> bool:
        sums: list[tuple[list[Number | None], list[Number | None]]] = []
        for c in range(width):
            for left, right in by_column:
                sums.append(([values.get(r, [None] * width)[c] for r in left],
                             [values.get(r, [None] * width)[c] for r in right]))
        for row in values.values():
            for left_cols, right_cols in by_row:
                sums.append(([row[c] for c in left_cols], [row[c] for c in right_cols]))
        checked = [(left, right) for left, right in sums if None not in left and None not in right]
        if strict and not checked:
            return False
        return all(sum(left) == sum(right) for left, right in checked)  # type: ignore[arg-type]

    return check


# ---- 四、行政复议、行政诉讼 ----------------------------------------------------------------------

def _read_review(text: str, region: tuple[int, int], shape: str, table: GridTable,
                 splittable: bool) -> TableReading | None:
    values = place.review_values(iter_tokens(text, region[0], region[1], shape), table)
    if not values:
        return None
    reading = TableReading(table.key, "any", span=_span(region[0], values))
    width = len(table.columns)
    if shape == "layout" and len(values) == width * len(table.rows) and \
            place.out_of_line(text, [values[i:i + width] for i in range(0, len(values), width)]):
        reading.issues.append(_out_of_order(table.key, "*", values))
        return reading
    groups = [Group(width - 1, total=True)] * len(table.rows)
    keys = [f"{table.key}.{r.key}.{c.key}" for r in table.rows for c in table.columns]
    found = _candidates(reading, "*", keys, values, groups, splittable)
    if found is None:
        return reading
    # One printed row of 15 cells: split it into the template's three rows for the cell keys.
    per_row = {row.key: [cand[i * width:(i + 1) * width] for cand in found] for i, row in enumerate(table.rows)}
    _settle(reading, per_row, {r.key: table.columns for r in table.rows}, None, None)
    return reading


# ---- shared: where a table sits, candidate readings of rows, settled against identities ---------

def _out_of_order(table: str, row: str, tokens: list[Token]) -> Issue:
    return Issue("cells_out_of_order", f"{table}.{row}: the values stand on several lines and do not add up; "
                 "a converter may have reordered them, so they are left empty", table,
                 span=(tokens[0].start, tokens[-1].end), severity="error")


def _span(start: int, placed: Iterable[Token]) -> tuple[int, int] | None:
    """From the region's start to the end of the last token placed: a region may run on into prose
    (the review region runs to the end of the text), the placed tokens do not."""
    ends = [t.end for t in placed]
    return (start, max(ends)) if ends else None


def _candidates(reading: TableReading, row: str, keys: list[str], tokens: list[Token], groups: list[Group],
                splittable: bool) -> list[Candidate] | None:
    """The possible readings of one printed row (cells `keys`), or None (with an issue) when it cannot be read."""
    width = len(keys)
    if len(tokens) == width:
        return [[(t.text, (t.start, t.end)) for t in tokens]]
    where = (tokens[0].start, tokens[-1].end) if tokens else None
    label = f"{reading.key}.{row}"
    if splittable and 0 < len(tokens) < width and all(parse_cell(t.text).value is not None for t in tokens):
        found = readings([t.text for t in tokens], groups, max(0, MAX_STEPS - reading.search_steps))
        reading.search_steps += found.steps
        if not found.complete:
            reading.issues.append(Issue("ambiguous_cell", f"{label}: {' '.join(t.text for t in tokens)!r} allows "
                                        "too many readings to decide; the row is left empty", reading.key,
                                        tuple(keys), where, severity="error"))
            return None
        if found.cuts:
            return [[(text, (tokens[i].start + off, tokens[i].start + off + len(text))) for i, off, text in cut]
                    for cut in found.cuts]
        reading.issues.append(Issue("unsplittable_row", f"{label}: no way to split "
                                    f"{' '.join(t.text for t in tokens)!r} into {width} cells satisfies the "
                                    "row's totals", reading.key, tuple(keys), where, severity="error"))
        return None
    reading.issues.append(Issue("row_cells_mismatch", f"{label}: expected {width} cells, found {len(tokens)}",
                                reading.key, tuple(keys), where, severity="error"))
    return None


def _cover(spans: Iterable[tuple[int, int] | None]) -> tuple[int, int] | None:
    """The smallest span holding all the given ones."""
    known = [s for s in spans if s]
    return (min(s[0] for s in known), max(s[1] for s in known)) if known else None


def _numbers(candidate: Candidate) -> list[Number | None]:
    return [parse_cell(text).value for text, _ in candidate]


def _settle(reading: TableReading, candidates: dict[str, list[Candidate]],
            columns: dict[str, tuple[Column, ...]], check: Callable[..., bool] | None,
            header_unit: str | None) -> None:
    """Keep readings the identities allow; a cell is set only when every surviving reading agrees."""
    ambiguous = [k for k, c in candidates.items() if len(c) > 1]
    if check is not None and ambiguous:
        sizes = [len(candidates[k]) for k in ambiguous]
        if prod(sizes) <= MAX_COMBINATIONS:
            values = {k: _numbers(c[0]) for k, c in candidates.items() if len(c) == 1}
            numbers = {k: [_numbers(c) for c in candidates[k]] for k in ambiguous}
            survivors: dict[str, set[int]] = {k: set() for k in ambiguous}
            for combo in product(*(range(n) for n in sizes)):
                for k, i in zip(ambiguous, combo):
                    values[k] = numbers[k][i]
                if check(values):
                    for k, i in zip(ambiguous, combo):
                        survivors[k].add(i)
            for k in ambiguous:
                if survivors[k]:
                    candidates[k] = [candidates[k][i] for i in sorted(survivors[k])]
    for row, cands in candidates.items():
        cells: dict[str, CellReading] = {}
        undecided: list[str] = []
        for c, column in enumerate(columns[row]):
            if len({parse_cell(cand[c][0]).value for cand in cands}) == 1:
                text, span = cands[0][c]
                cells[column.key] = read_cell(text, span, column, reading.key, row, header_unit, reading.issues)
            else:
                cells[column.key] = CellReading(None, "ambiguous", "", _cover(cand[c][1] for cand in cands))
                undecided.append(f"{reading.key}.{row}.{column.key}")
        if undecided:
            where = _cover(span for cand in cands for _, span in cand)
            reading.issues.append(Issue(
                "ambiguous_cell", f"{reading.key}.{row}: the printed digits allow {len(cands)} readings; "
                f"{len(undecided)} cell(s) left empty rather than guessed", reading.key, tuple(undecided), where,
                tuple({f"{reading.key}.{row}.{col.key}": cand[i][0] for i, col in enumerate(columns[row])}
                      for cand in cands[:MAX_LISTED_READINGS]),
                severity="error"))
        reading.cells[row] = cells
