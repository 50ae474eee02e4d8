"""DOCX reader: the body's paragraphs and tables in document order → the `tabs`-shaped `Source`.

The zip is checked before anything is inflated: a Word file is a zip holding word/document.xml, and
the sizes its central directory declares bound what inflating can produce (Python's zipfile stops
at the declared size), so a decompression bomb is refused up front.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from ..errors import InputTooLarge, UnreadableInput, UnsupportedFormat
from ..load import Source
from .grid import Block, GridCell, Table, render

MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
"""All parts of the package together, inflated (reports are well under 5 MB, pictures included)."""

MAX_DOCUMENT_XML_BYTES = 10 * 1024 * 1024
"""The main document part, inflated (reports: 0.1-5 MB).  Parsed, the densest XML takes about 25 times
its size in memory and 0.15 s a megabyte."""

MAX_ZIP_ENTRIES = 10_000

_MAIN_PART = "word/document.xml"
_P, _TBL, _TR, _TC, _R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_docx(data: bytes, path: str | None) -> Source:
    """Read a .docx report; raise UnsupportedFormat for other zips, InputTooLarge for bombs."""
    has_pictures = _check_package(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, etree.XMLSyntaxError, KeyError) as e:
        raise UnreadableInput(f"the Word document is damaged ({type(e).__name__}: {e})") from e
    except ValueError as e:  # python-docx: the main part is not a WordprocessingML document
        raise UnsupportedFormat("zip", f"the file is not a Word document the reader knows ({e})") from e
    text, cells = render(_blocks(document.element.body))
    if not text.strip():
        if has_pictures:
            return Source(text="", kind="docx", encoding=None, path=path, status="needs_ocr",
                          message="the Word document holds pictures but no text: it needs OCR first")
        raise UnreadableInput("the Word document has no text")
    return Source(text=text, kind="docx", encoding=None, path=path, cells=cells)


def _check_package(data: bytes) -> bool:
    """Refuse zips that are not Word documents or inflate too far; say whether it holds pictures."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError) as e:
        raise UnreadableInput(f"the zip archive is damaged or truncated ({e})") from e
    if len(infos) > MAX_ZIP_ENTRIES:
        raise InputTooLarge(f"the archive has {len(infos)} entries; the limit is {MAX_ZIP_ENTRIES}")
    main = next((i for i in infos if i.filename == _MAIN_PART), None)
    if main is None:
        raise UnsupportedFormat("zip", "the zip archive is not a Word document (it has no word/document.xml)")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED_BYTES or main.file_size > MAX_DOCUMENT_XML_BYTES:
        raise InputTooLarge(f"the Word document inflates to {total} bytes ({main.file_size} of them the main "
                            f"part); the limits are {MAX_UNCOMPRESSED_BYTES} and {MAX_DOCUMENT_XML_BYTES}")
    return any(i.filename.startswith("word/media/") for i in infos)


def _blocks(body: etree._Element) -> list[Block]:
    """Paragraphs and tables of the body in document order."""
    blocks: list[Block] = []
    for child in _children(body, (_P, _TBL)):
        if child.tag == _P:
            text = _paragraph(child)
            if text.strip():
                blocks.append(text)
        else:
            table = _table(child)
            if table:
                blocks.append(table)
    return blocks


def _children(parent: etree._Element, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """Children with these tags, looking through content controls and custom XML that wrap them."""
    for child in parent.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag in (_SDT, _SDT_CONTENT, _CUSTOM_XML):
            yield from _children(child, tags)


def _paragraph(p: etree._Element) -> str:
    """Visible text: runs' text, tabs and breaks (not tab stops), text boxes once (not their fallback)."""
    parts: list[str] = []
    for el in p.iter(_T, _TAB, _BR, _CR):
        if el.tag != _T and el.getparent().tag != _R:
            continue
        if any(a.tag == _FALLBACK for a in el.iterancestors()):
            continue
        parts.append(el.text or "" if el.tag == _T else "\t" if el.tag == _TAB else "\n")
    return "".join(parts)


def _cell_text(tc: etree._Element) -> str:
    lines: list[str] = []
    for child in _children(tc, (_P, _TBL)):
        if child.tag == _P:
            lines.append(_paragraph(child))
        elif child.tag == _TBL:  # a table inside a cell: its rows as lines
            lines.extend(" ".join(cell.text for cell in row) for row in _table(child))
    return "\n".join(line for line in lines if line.strip())


def _table(tbl: etree._Element) -> Table:
    """Rows of cells where they start: gridSpan widens a cell, vMerge="continue" extends the one above."""
    rows: list[list[GridCell]] = []
    above: dict[int, tuple[int, int]] = {}  # grid column -> (row, index) of the cell a vMerge continues
    for r, tr in enumerate(_children(tbl, (_TR,))):
        row: list[GridCell] = []
        col = tr.grid_before
        for tc in _children(tr, (_TC,)):
            span = tc.grid_span
            if tc.vMerge == "continue" and col in above:
                top_row, index = above[col]
                cell = rows[top_row][index]
                rows[top_row][index] = GridCell(_join(cell.text, _cell_text(tc)), cell.row, cell.col,
                                                r - cell.row + 1, cell.colspan)
            else:
                row.append(GridCell(_cell_text(tc), r, col, 1, span))
                if tc.vMerge == "restart":
                    above[col] = (r, len(row) - 1)
                else:
                    above.pop(col, None)
            col += span
        rows.append(row)
    return [row for row in rows if row]


def _join(text: str, more: str) -> str:
    return f"{text}\n{more}" if text and more else text or more
