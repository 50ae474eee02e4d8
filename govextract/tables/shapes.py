"""Table text in whatever shape it arrived → a stream of cell tokens.

Shapes seen in real copies of reports:
- ``pipe``: one cell per line with ``|`` lines between (web copies);
- ``lines``: one cell per line, no separators;
- ``tabs``: a row per line, cells tab-separated;
- ``md``: markdown pipe tables, spans repeated into every covered cell;
- ``layout``: ``pdftotext -layout`` text, cells separated by runs of spaces;
- ``text``: a site archiver's export where a row's cells ran together with no separator at all.

Every shape becomes the same list of `Token`s: text (labels, headers), values (numbers and printed
markers such as blank or dash) and line breaks.  Only in the ``text`` shape may one value token hold
several cells; `solve.py` splits those.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from ..data import load_yaml
from ..values import parse_cell, vocabulary


@dataclass(frozen=True)
class Token:
    """One cell (or, in the run-together shape, possibly several) with its source span."""

    kind: str  # "text" | "value" | "break"
    text: str
    start: int
    end: int


SPLITTABLE_SHAPES = frozenset({"text"})
"""Shapes whose value tokens may hold several cells run together."""


@cache
def _scanner() -> regex.Pattern[str]:
    units = "|".join(sorted((regex.escape(u) for u in vocabulary().money_units), key=len, reverse=True))
    count_units = "|".join(regex.escape(u) for u in vocabulary().count_units)
    markers = "|".join(sorted((regex.escape(m) for m in vocabulary().markers), key=len, reverse=True))
    return regex.compile(
        r"(?P<text>\d+(?:\.\d+)?(?:[年月日号时%]|个?百分点))"  # dates and rates are prose, not cells
        r"|(?P<value>[+-]?\d+?(?=\d[.、]\s*\p{Han}))"  # digits glued to the next label's numbering
        r"|(?P<text>\d(?=[.、]\s*\p{Han}))"  # the label numbering itself (1. 2、)
        r"|(?P<value>[+-]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?: ?(?:" + units + ")|" + count_units + r")?)"
        r"|(?P<value>(?<!\S)(?:" + markers + r")(?!\S))"  # a marker standing alone (-, /, 无 …) is a cell
        r"|(?P<text>(?:(?![+-]?\d)\S)+|[+-])"
    )


@cache
def _page_number_lines() -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?:{p})" for p in load_yaml("values.yaml")["page_number_lines"]))


_MD_ROW = regex.compile(r"^(?!\s*\|\s*$).*\|")  # cells between bars; outer bars optional (html2text omits them)
_MD_RULE = regex.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+(?:\s*:?-{2,}:?\s*)?$")


SHAPE_SAMPLE_LINES = 400
"""Lines of the table area read to name its shape: every shape shows itself well within this."""


def detect_shape(text: str) -> str:
    """Name the shape of the table text (see module docstring) from its first lines."""
    lines = text.split("\n", SHAPE_SAMPLE_LINES)[:SHAPE_SAMPLE_LINES]
    if sum(1 for ln in lines if ln.strip() == "|") >= 10:
        return "pipe"
    if sum(1 for ln in lines if _MD_ROW.match(ln)) >= 5:
        return "md"
    if sum(1 for ln in lines if "\t" in ln) >= 5:
        return "tabs"
    scan = _scanner()
    single = multi = 0
    for ln in lines:
        values = sum(1 for m in scan.finditer(ln) if m.lastgroup == "value")
        if values == 1 and len(ln.split()) == 1:
            single += 1
        elif values >= 2:
            multi += 1
    empty = sum(1 for ln in lines if not ln.strip())
    # One cell per line, where an empty line is an empty cell; text double-spaced by a PDF converter
    # (plain pdftotext) also has a value per line, but every other line empty: that is layout.
    if single >= 20 and single > 2 * multi and empty < single / 2:
        return "lines"
    if len(lines) < 8:
        return "text"
    return "layout"


def tokenize(text: str, start: int, end: int, shape: str) -> list[Token]:
    """Tokens of text[start:end]; spans are offsets into `text`."""
    return list(iter_tokens(text, start, end, shape))


def iter_tokens(text: str, start: int, end: int, shape: str) -> Iterator[Token]:
    """Tokens of text[start:end], line by line, for readers that stop early."""
    pos = start
    md_header: list[str] | None = None
    after_pipe = False
    page_number = _page_number_lines()
    for line in text[start:end].split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        tokens: list[Token] = []
        stripped = line.strip()
        if page_number.match(line):
            continue
        if shape == "pipe":
            if stripped.endswith("|") and stripped != "|":  # the last cell of a table carries the closing bar
                line = line[: line.rindex("|")]
                stripped = line.strip()
            if stripped == "|":
                if after_pipe:  # nothing, or only empty lines, between two bars: an empty cell
                    yield Token("value", "", line_start, line_start)
                after_pipe = True
                continue
            if not stripped:
                continue
            after_pipe = False
            tokens.append(_cell(line, line_start))
        elif shape == "lines":
            tokens.append(_cell(line, line_start))
        elif shape == "tabs" and "\t" in line:
            tokens.extend(_cells(line, line_start, line.split("\t")))
        elif shape == "md" and _MD_ROW.match(line):
            if _MD_RULE.match(line):
                continue
            md_header = _md_row(line, line_start, md_header, tokens)
        else:
            md_header = None
            tokens.extend(_scan(line, line_start))
        yield from tokens
        yield Token("break", "\n", line_start + len(line), line_start + len(line))


def _scan(line: str, offset: int) -> list[Token]:
    return [Token(m.lastgroup or "text", m.group(), offset + m.start(), offset + m.end())
            for m in _scanner().finditer(line)]


def _cell(text: str, offset: int) -> Token:
    """A whole cell: a value when it parses as a number or a printed marker, else text."""
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    kind = "text" if parse_cell(body).marker == "text" else "value"
    return Token(kind, body, offset + lead, offset + lead + len(body))


def _cells(line: str, offset: int, parts: list[str]) -> list[Token]:
    out = []
    for part in parts:
        out.append(_cell(part, offset))
        offset += len(part) + 1
    return out


def _md_row(line: str, offset: int, header: list[str] | None, tokens: list[Token]) -> list[str] | None:
    """Append one markdown row's cells; return the header in force for the rows below.

    Converters repeat a spanning cell into every column it covers.  A data row under a header whose
    neighbouring cells repeat (本年增/减 | 本年增/减) holds the same value twice: keep one.
    A header names its last column; a label followed by blank cells is a data row left blank.
    """
    body = line.rstrip()
    inner_start = len(line) - len(line.lstrip())
    inner_end = len(body)
    if body[inner_start:inner_start + 1] == "|":
        inner_start += 1
    if body.endswith("|") and inner_end > inner_start:
        inner_end -= 1
    inner = line[inner_start:inner_end]
    parts = inner.split("|")
    cells = _cells(inner, offset + inner_start, parts)
    names_only = all(c.kind == "text" or not c.text for c in cells)
    if names_only and (cells[-1].text or not any(c.text for c in cells)):
        tokens.extend(c for c in cells if c.text)
        return ["".join(c.text.split()) for c in cells]
    if header is not None and len(header) == len(cells):
        cells = [c for i, c in enumerate(cells) if not _repeated_span(header, cells, i)]
    tokens.extend(cells)
    return header


def _repeated_span(header: list[str], cells: list[Token], i: int) -> bool:
    """Cell i repeats cell i-1 because one spanning cell was copied into both columns."""
    return (i > 0 and bool(header[i]) and header[i] == header[i - 1]
            and cells[i].kind == "value" and cells[i - 1].kind == "value" and cells[i].text == cells[i - 1].text)
