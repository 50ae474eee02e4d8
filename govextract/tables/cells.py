"""Plain results of table reading, and one cell's text read under its column's rules."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..templates import Column
from ..values import Number, parse_cell, to_wan_yuan


@dataclass(frozen=True)
class CellReading:
    """A printed cell: its value (None when not a number), the marker, raw text and source span."""

    value: Number | None
    marker: str  # number | blank | dash | slash | none_text | text
    raw: str
    span: tuple[int, int] | None
    unit: str | None = None  # for money: the unit the value is in (万元), or None when unknown


@dataclass(frozen=True)
class Issue:
    """Something the reader could not settle, reported instead of guessed."""

    code: str
    message: str
    table: str
    keys: tuple[str, ...] = ()
    span: tuple[int, int] | None = None
    candidates: tuple[dict[str, str], ...] = ()
    severity: str = "warning"


@dataclass
class TableReading:
    key: str
    form: str
    cells: dict[str, dict[str, CellReading]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    search_steps: int = 0  # spent splitting run-together digits (bounded per table)
    span: tuple[int, int] | None = None  # region start → end of the last token placed (None: nothing placed)


def read_cell(raw: str, span: tuple[int, int] | None, column: Column, table: str, row: str,
              header_unit: str | None, issues: list[Issue]) -> CellReading:
    """Apply the column's type: counts are integers, `signed` may be negative, money becomes 万元."""
    key = f"{table}.{row}.{column.key}"
    parsed = parse_cell(raw)
    if parsed.value is None:
        if parsed.marker == "text":
            issues.append(Issue("unreadable_cell", f"{key}: cannot read {raw!r} as a number", table, (key,), span))
        return CellReading(None, parsed.marker, raw, span)
    if column.type == "money":
        unit = parsed.unit or column.unit or header_unit
        amount = to_wan_yuan(parsed.value, unit)
        if amount is None:
            issues.append(Issue("unit_unknown", f"{key}: {raw!r} has no unit in the cell or its header; "
                                "kept as written", table, (key,), span))
            return CellReading(Decimal(parsed.value), "number", raw, span, None)
        return CellReading(amount, "number", raw, span, "万元")
    if isinstance(parsed.value, Decimal):
        issues.append(Issue("unreadable_cell", f"{key}: {raw!r} is not a whole count", table, (key,), span))
        return CellReading(None, "text", raw, span)
    if parsed.value < 0 and column.type != "signed":
        issues.append(Issue("negative_count", f"{key}: a count printed as {raw!r}", table, (key,), span))
    return CellReading(parsed.value, "number", raw, span)
