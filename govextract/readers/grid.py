"""Render document blocks (paragraphs and table grids) into report text with cell positions.

Every reader ends here, so every later stage sees one shape: a table row per line, its cells
tab-separated, a spanning cell written once in the row and column where it starts.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..load import CellPosition


@dataclass(frozen=True)
class GridCell:
    """One cell of a table as the document defines it (before span expansion)."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None


Table = Sequence[Sequence[GridCell]]  # rows; each row holds the cells that start in it, left to right
Block = str | Table


def clean(text: str) -> str:
    """A cell's text on one line: line breaks and runs of spaces inside a cell become one space."""
    return " ".join(text.replace("\t", " ").split())


def render(blocks: Sequence[Block]) -> tuple[str, tuple[CellPosition, ...]]:
    """(text, positions): paragraphs as lines; tables as tab-separated rows, one per line."""
    parts: list[str] = []
    positions: list[CellPosition] = []
    offset = 0
    table_index = 0
    for block in blocks:
        if isinstance(block, str):
            line = block.rstrip("\n") + "\n"
            parts.append(line)
            offset += len(line)
            continue
        for row in block:
            for i, cell in enumerate(row):
                text = clean(cell.text)
                if i:
                    parts.append("\t")
                    offset += 1
                parts.append(text)
                positions.append(CellPosition(offset, offset + len(text), table_index, cell.row, cell.col,
                                              cell.page, cell.bbox))
                offset += len(text)
            parts.append("\n")
            offset += 1
        table_index += 1
    return "".join(parts), tuple(positions)
