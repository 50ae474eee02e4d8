"""Tokens → the template's rows and columns.

Rows are found by their label stems, searched in template order; a row's cells are the value tokens
between its label and the next.  When a converter displaced labels from their values (fragmented
markdown from PDFs), rows are instead placed by the template's row order, and that placement is kept
only if the table's identities confirm it.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..templates import Art20Table, GridTable
from ..values import parse_cell
from .shapes import Token
from .text import Compact

LINE_ROW_SHAPES = frozenset({"tabs", "md"})
"""Shapes that print one table row per line, so blank cells before a label belong to that label's row."""


def art20_rows(tokens: Sequence[Token], tables: Sequence[Art20Table], caption_item: dict[int, str],
               label_continuation: int) -> dict[str, tuple[str | None, dict[str, list[Token]], str]]:
    """For each 第二十条 table found: (form decided from its header or None, row → value tokens, header text).

    `caption_item` maps token indices of captions to their item (一, 五 …); a row label may run on for
    `label_continuation` characters before its first value (labels broken over lines).
    """
    compact = Compact.of_tokens(tokens)
    captions = sorted(caption_item)
    anchors: dict[tuple[str, str], int] = {}
    for table in tables:
        window = _caption_window(table, captions, caption_item, compact)
        for row in table.rows:
            m = row.find(compact.text, window[0])
            if m is None or m.start() >= window[1]:
                m = row.find(compact.text, 0)  # a table printed away from its caption (fragmented copies)
            if m is not None:
                anchors[(table.key, row.key)] = compact.source[m.start()]
    stops = set(anchors.values()) | set(captions)
    out: dict[str, tuple[str | None, dict[str, list[Token]], str]] = {}
    for table in tables:
        found = {row_key: i for (table_key, row_key), i in anchors.items() if table_key == table.key}
        if not found:
            continue
        first = min(found.values())
        header = _header_text(tokens, first, stops)
        form = _form_from_markers(table, header)
        rows = {key: _values_after(tokens, index, stops, label_continuation) for key, index in found.items()}
        out[table.key] = (form, rows, header)
    return out


def _caption_window(table: Art20Table, captions: list[int], caption_item: dict[int, str],
                    compact: Compact) -> tuple[int, int]:
    """Compact-text bounds from the table's caption to the next caption (whole text if no caption)."""
    own = [i for i in captions if caption_item[i] == table.item]
    if not own:
        return 0, len(compact.text)
    start_token = own[0]
    later = [i for i in captions if i > start_token]
    start = compact.index_of_token(start_token)
    end = compact.index_of_token(later[0]) if later else len(compact.text)
    return start, end


def _header_text(tokens: Sequence[Token], first_row: int, stops: set[int]) -> str:
    """Text between the previous anchor (caption or row label) and the table's first row label."""
    earlier = [i for i in stops if i < first_row]
    start = max(earlier) + 1 if earlier else 0
    return "".join("".join(t.text.split()) for t in tokens[start:first_row] if t.kind == "text")


def _form_from_markers(table: Art20Table, header: str) -> str | None:
    found = [form for form, spec in table.forms.items() if any(m in header for m in spec.markers)]
    return found[0] if len(found) == 1 else None


def _values_after(tokens: Sequence[Token], anchor: int, stops: set[int], continuation: int) -> list[Token]:
    """The value tokens after a row label: a short label continuation is skipped, the first text after
    the values (or the next label) ends the row.  A label followed by prose has no values."""
    values: list[Token] = []
    skipped = 0
    for index in range(anchor + 1, len(tokens)):
        tok = tokens[index]
        if index in stops:
            break
        if tok.kind == "value":
            values.append(tok)
        elif tok.kind == "text":
            if values:
                break
            skipped += len("".join(tok.text.split()))
            if skipped > continuation:
                break
    return values


def grid_rows_by_label(tokens: Sequence[Token], compact: Compact, table: GridTable, form: str, shape: str
                       ) -> dict[str, list[Token]]:
    """Row → value tokens, placing each row by its label (stems searched in template order in
    `compact`, the tokens' text run together)."""
    anchors: dict[str, int] = {}
    pos = 0
    for row in table.rows:
        m = row.find(compact.text, pos)
        if m is not None:
            anchors[row.key] = compact.source[m.start()]
            pos = m.end()
    ordered = sorted(set(anchors.values()))
    data_rows = table.rows_in(form)
    rows: dict[str, list[Token]] = {}
    for row in data_rows:
        if row.key not in anchors:
            continue
        start = anchors[row.key]
        later = [i for i in ordered if i > start]
        end = later[0] if later else len(tokens)
        segment = list(tokens[start + 1:end])
        if not later:
            segment = _until_prose(segment)
        elif shape in LINE_ROW_SHAPES:
            segment = _drop_next_line_blanks(segment)
        rows[row.key] = [t for t in segment if t.kind == "value"]
    return rows


def _until_prose(segment: list[Token]) -> list[Token]:
    """The last row ends at the first text after its values."""
    out: list[Token] = []
    seen_value = False
    for tok in segment:
        if tok.kind == "text" and seen_value:
            break
        seen_value = seen_value or tok.kind == "value"
        out.append(tok)
    return out


def _drop_next_line_blanks(segment: list[Token]) -> list[Token]:
    """Blank cells on the next label's line (tabs/markdown rows with empty spanned label cells)."""
    last_break = max((i for i, t in enumerate(segment) if t.kind == "break"), default=-1)
    return segment[: last_break + 1] + [t for t in segment[last_break + 1:] if t.kind != "value" or t.text]


def grid_rows_by_order(tokens: Sequence[Token], table: GridTable, form: str, columns: int
                       ) -> dict[str, list[Token]] | None:
    """Place the values on the template's rows in order, when labels were displaced from them.

    Value lines of exactly `columns` cells are used when there is one per row and every label printed
    on a value line names the row it lands on; else, when the printed values (a converter that put
    each cell on a line of its own) number exactly rows × columns, they are cut into rows in reading
    order.  The caller keeps the placement only if the identities confirm it.  None when neither fits.
    """
    data_rows = table.rows_in(form)
    lines: list[tuple[str, list[Token]]] = []
    label, values = "", []
    for tok in list(tokens) + [Token("break", "\n", 0, 0)]:
        if tok.kind == "break":
            values = trim_blanks(values, columns)
            if len(values) == columns:
                lines.append((label, values))
            label, values = "", []
        elif tok.kind == "text":
            label += "".join(tok.text.split())
        else:
            values.append(tok)
    if len(lines) == len(data_rows) and all(_names_row(table, label, row) for (label, _), row in zip(lines, data_rows)):
        return {row.key: values for (_, values), row in zip(lines, data_rows)}
    printed = [t for t in tokens if t.kind == "value" and t.text]
    if len(printed) == len(data_rows) * columns:
        return {row.key: printed[i * columns:(i + 1) * columns] for i, row in enumerate(data_rows)}
    return None


def _names_row(table: GridTable, label: str, row) -> bool:
    """A label printed beside a value line either names no row or names the row the line lands on."""
    named = [r for r in table.rows if label and r.find(label) is not None]
    return not named or row in named


def fill_blanks_by_column(text: str, rows: dict[str, list[Token]], width: int) -> dict[str, list[Token]]:
    """``pdftotext -layout`` prints nothing for a blank cell.  Place a short row's values under the
    character columns of the nearest complete row and mark the other cells blank.  The placement is
    kept only when every value sits clearly under one column and the row's printed total (last column)
    equals the sum of its printed parts; otherwise the row stays as it was (reported, not guessed)."""
    complete = [tokens for tokens in rows.values() if len(tokens) == width and _one_line(text, tokens)]
    if not complete:
        return rows
    out = dict(rows)
    for key, tokens in rows.items():
        if 0 < len(tokens) < width and _one_line(text, tokens):
            reference = min(complete, key=lambda ref: abs(ref[0].start - tokens[0].start))
            placed = _under_columns(text, tokens, reference)
            if placed is not None and _adds_up(placed):
                out[key] = placed
    return out


def out_of_line(text: str, rows: list[list[Token]]) -> bool:
    """In layout text a printed row stands on one line; values of one row spread over several lines
    come from a converter that may have reordered them, so they count only if every row adds up."""
    return any(row and "\n" in text[row[0].start:row[-1].end] for row in rows) and not all(map(_adds_up, rows))


def _adds_up(cells: list[Token]) -> bool:
    """The last cell is the sum of the others (blank parts count as nothing; a blank total fails)."""
    values = [parse_cell(c.text).value for c in cells]
    if values[-1] is None:
        return False
    return sum(v for v in values[:-1] if v is not None) == values[-1]


def _one_line(text: str, tokens: list[Token]) -> bool:
    return "\n" not in text[tokens[0].start:tokens[-1].end]


def _column(text: str, token: Token) -> float:
    """The token's centre, counted in characters from the start of its line."""
    return (token.start + token.end) / 2 - (text.rfind("\n", 0, token.start) + 1)


def _under_columns(text: str, tokens: list[Token], reference: list[Token]) -> list[Token] | None:
    centres = [_column(text, t) for t in reference]
    tolerance = min(b - a for a, b in zip(centres, centres[1:])) / 3
    chosen: list[int] = []
    for token in tokens:
        x = _column(text, token)
        distance, index = min((abs(x - c), i) for i, c in enumerate(centres))
        if distance > tolerance or (chosen and index <= chosen[-1]):
            return None
        chosen.append(index)
    cells = [Token("value", "", tokens[0].start, tokens[0].start) for _ in reference]
    for token, index in zip(tokens, chosen):
        cells[index] = token
    return cells


def trim_blanks(values: list[Token], columns: int) -> list[Token]:
    """Drop blank cells beyond the row's width from the end that has them: converters pad rows to the
    widest row, and an empty cell may sit between a label and its values.  Blanks at both ends leave
    the row as it is (which blank is the extra one cannot be told)."""
    values = list(values)
    while len(values) > columns:
        if not values[0].text and values[-1].text:
            values.pop(0)
        elif not values[-1].text and values[0].text:
            values.pop()
        else:
            break
    return values


def review_values(tokens: Iterable[Token], table: GridTable) -> list[Token]:
    """The values under the review/litigation header: header words are skipped, prose ends the table.
    Blank cells before the first number belong to the header (an empty corner or spanned cell)."""
    header_chars = set("".join(table.header_words)) | set("、,:;()（）-—/·")
    values: list[Token] = []
    for tok in tokens:
        if tok.kind == "value":
            values.append(tok)
        elif tok.kind == "text" and not set("".join(tok.text.split())) <= header_chars:
            if any(v.text for v in values):
                break
            if len(tok.text) > 1 and not _is_heading(tok.text, table):
                break
    while values and not values[0].text:
        values.pop(0)
    return values


def _is_heading(text: str, table: GridTable) -> bool:
    return any(p.search("".join(text.split())) for p in table.start)

