"""PDF reader: pages → lines and ruled tables (pdfplumber) → blocks → the `tabs`-shaped `Source`.

Work is bounded before any page is interpreted: at most MAX_PAGES pages, and page content streams
(the drawing instructions, which pdfminer inflates whole and then interprets in Python) of at most
MAX_CONTENT_BYTES in all, so a flate bomb or a page of a million glyphs is refused, not run for
minutes.  A document with no text layer (a scan) is returned with status "needs_ocr".
"""
from __future__ import annotations

import io
import zlib
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfminer.psparser import LIT
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import EncryptedDocument, InputTooLarge, UnreadableInput
from ..load import Source
from .grid import render
from .pdf_aligned import with_aligned_tables
from .pdf_flow import blocks_of
from .pdf_page import Item, read_page

MAX_PAGES = 100
"""Disclosure reports run to a few dozen pages; a longer PDF is something else (and would take
seconds per few dozen pages to read)."""

MAX_CONTENT_BYTES = 16 * 1024 * 1024
"""Decoded page content of the whole document; real reports use well under 1 MB."""

MIN_TEXT_CHARS = 50
"""A document with fewer visible characters than this has no usable text layer."""

_FORM = LIT("Form")


def read_pdf(data: bytes, path: str | None) -> Source:
    """Read a PDF report; raise EncryptedDocument, UnreadableInput or InputTooLarge when it cannot be."""
    if b"%%EOF" not in data[-2048:]:
        raise UnreadableInput("the PDF is truncated: its end-of-file marker is missing")
    try:
        pdf = pdfplumber.open(io.BytesIO(data), raise_unicode_errors=False)
    except PdfminerException as e:
        raise _unreadable(e) from e
    with pdf:
        pages, heights = _read_pages(pdf)
    text, cells = render(blocks_of(pages, heights))
    visible = sum(1 for ch in text if not ch.isspace())
    if visible < MIN_TEXT_CHARS:
        return Source(text="", kind="pdf", encoding=None, path=path, status="needs_ocr",
                      message=f"the PDF has no text layer ({visible} characters on {len(pages)} pages): "
                              "it is probably scanned and needs OCR first")
    return Source(text=text, kind="pdf", encoding=None, path=path, cells=cells)


def _read_pages(pdf: pdfplumber.PDF) -> tuple[list[list[Item]], list[float]]:
    try:
        count = int(resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"]))
    except (KeyError, TypeError, ValueError) as e:
        raise UnreadableInput("the PDF has no readable page tree") from e
    if count > MAX_PAGES:
        raise InputTooLarge(f"the PDF has {count} pages; the limit is {MAX_PAGES}")
    pages: list[list[Item]] = []
    heights: list[float] = []
    content = 0
    try:
        for number, page in enumerate(pdf.pages, 1):
            if number > MAX_PAGES:
                raise InputTooLarge(f"the PDF has more than {MAX_PAGES} pages")
            content += _content_size(page, MAX_CONTENT_BYTES - content)
            if content > MAX_CONTENT_BYTES:
                raise InputTooLarge(f"the PDF's page content exceeds {MAX_CONTENT_BYTES} bytes by page {number}")
            pages.append(with_aligned_tables(read_page(page, number)))
            heights.append(float(page.height))
            page.close()
    except PdfminerException as e:
        raise _unreadable(e) from e
    if not pages:
        raise UnreadableInput("the PDF has no pages")
    return pages, heights


def _unreadable(e: PdfminerException) -> UnreadableInput:
    cause = e.args[0] if e.args else e
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return EncryptedDocument("the PDF is password-protected; save an unprotected copy and read that")
    return UnreadableInput(f"the PDF is damaged or not a PDF ({type(cause).__name__}: {cause})")


def _content_size(page: Page, limit: int) -> int:
    """Decoded bytes of the page's content streams and the forms it draws, counted up to `limit`."""
    streams = _streams(page.page_obj.attrs.get("Contents"))
    seen: set[int] = set()
    resources = [page.page_obj.resources]
    while resources:  # forms (XObjects) are content too, and may nest
        xobjects = resolve1((resolve1(resources.pop()) or {}).get("XObject")) or {}
        for ref in xobjects.values() if isinstance(xobjects, dict) else ():
            form = resolve1(ref)
            if isinstance(form, PDFStream) and form.get("Subtype") is _FORM and id(form) not in seen:
                seen.add(id(form))
                streams.append(form)
                resources.append(form.get("Resources"))
    total = 0
    for stream in streams:
        total += _decoded_size(stream, limit - total)
        if total > limit:
            break
    return total


def _streams(contents: Any) -> list[PDFStream]:
    contents = resolve1(contents)
    items = contents if isinstance(contents, list) else [contents]
    return [s for s in (resolve1(x) for x in items) if isinstance(s, PDFStream)]


def _decoded_size(stream: PDFStream, limit: int) -> int:
    """Length of the stream once inflated, inflating at most limit + 1 bytes."""
    if stream.rawdata is None:  # already decoded
        return len(stream.data or b"")
    raw = stream.rawdata
    if stream.decipher is not None and stream.objid is not None and stream.genno is not None:
        raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
    filters = stream.get_filters()
    if not filters or filters[0][0] not in LITERALS_FLATE_DECODE:
        return len(raw)
    try:
        return len(zlib.decompressobj().decompress(raw, max(limit, 0) + 1))
    except zlib.error:
        return len(raw)  # pdfminer salvages what it can of a damaged stream
