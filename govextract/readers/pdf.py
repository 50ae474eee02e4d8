"""PDF reader: pages → lines and ruled tables (pdfplumber) → blocks → the `tabs`-shaped `Source`.

Work is bounded: at most MAX_PAGES pages, each page checked by pdf_limits before it is interpreted
(a flate bomb or a page of a million glyphs is refused, not run for minutes), and no page started
after TIME_BUDGET seconds.  A document with no text layer (a scan) is returned with status "needs_ocr".
"""
from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ..errors import EncryptedDocument, InputTooLarge, UnreadableInput
from ..load import Source
from .grid import render
from .pdf_aligned import with_aligned_tables
from .pdf_flow import blocks_of
from .pdf_limits import check_page
from .pdf_page import Item, read_page

MAX_PAGES = 100
"""Disclosure reports run to a few dozen pages; a longer PDF is something else."""

TIME_BUDGET = 8.0
"""Seconds of reading after which no further page is started (pdf_limits bounds one page's work)."""

MIN_TEXT_CHARS = 50
"""A document with fewer visible characters than this has no usable text layer."""

_UNMAPPED = re.compile(r"\(cid:\d+\)")
"""How pdfminer writes a glyph its font maps to no character."""


def read_pdf(data: bytes, path: str | None) -> Source:
    """Read a PDF report; raise EncryptedDocument, UnreadableInput or InputTooLarge when it cannot be."""
    if b"%%EOF" not in data[-2048:]:
        raise UnreadableInput("the PDF is truncated: its end-of-file marker is missing")
    try:  # the document is an in-memory buffer: nothing to close (closing would walk the pages again)
        pages, heights = _read_pages(pdfplumber.open(io.BytesIO(data), raise_unicode_errors=False))
    except (PdfminerException, MalformedPDFException, PSException) as e:
        raise _unreadable(e) from e
    text, cells = render(blocks_of(pages, heights))
    unmapped = len(_UNMAPPED.findall(text))
    visible = sum(1 for ch in _UNMAPPED.sub("", text) if not ch.isspace())
    if unmapped > visible:
        return _needs_ocr(path, f"the PDF's fonts do not say which characters {unmapped} of its glyphs are "
                                "(no ToUnicode map): the text can only be read by OCR")
    if visible < MIN_TEXT_CHARS:
        return _needs_ocr(path, f"the PDF has no text layer ({visible} characters on {len(pages)} pages): "
                                "it is probably scanned and needs OCR first")
    return Source(text=text, kind="pdf", encoding=None, path=path, cells=cells)


def _needs_ocr(path: str | None, message: str) -> Source:
    return Source(text="", kind="pdf", encoding=None, path=path, status="needs_ocr", message=message)


def _read_pages(pdf: pdfplumber.PDF) -> tuple[list[list[Item]], list[float]]:
    """Each page's items, walking the page tree lazily so a huge tree is refused after MAX_PAGES."""
    try:
        count = int(resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"]))
    except (KeyError, TypeError, ValueError):
        count = 0  # no usable page count: pdfminer finds the pages another way, the walk stays bounded
    if count > MAX_PAGES:
        raise InputTooLarge(f"the PDF has {count} pages; the limit is {MAX_PAGES}")
    pages: list[list[Item]] = []
    heights: list[float] = []
    doctop = 0.0
    fonts_checked: set[int] = set()
    deadline = time.monotonic() + TIME_BUDGET
    tree = PDFPage.create_pages(pdf.doc)
    while (page_obj := _next_page(tree)) is not None:
        number = len(pages) + 1
        if number > MAX_PAGES:
            raise InputTooLarge(f"the PDF has more than {MAX_PAGES} pages")
        if time.monotonic() > deadline:
            raise InputTooLarge(f"the PDF takes more than {TIME_BUDGET:.0f} s to read ({number - 1} pages read)")
        page = Page(pdf, page_obj, page_number=number, initial_doctop=doctop)
        doctop += page.height
        check_page(page, number, fonts_checked)
        pages.append(with_aligned_tables(read_page(page, number)))
        heights.append(float(page.height))
        page.close()
    if not pages:
        raise UnreadableInput("the PDF has no pages")
    return pages, heights


def _next_page(tree: Iterator[PDFPage]) -> PDFPage | None:
    try:
        return next(tree, None)
    except Exception as e:  # pdfminer raises whatever a broken page tree trips over (as pdfplumber wraps it)
        raise PdfminerException(e) from e


def _unreadable(e: Exception) -> UnreadableInput:
    cause = e.args[0] if isinstance(e, PdfminerException) and e.args else e
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return EncryptedDocument("the PDF is password-protected; save an unprotected copy and read that")
    return UnreadableInput(f"the PDF is damaged or not a PDF ({type(cause).__name__}: {cause})")
