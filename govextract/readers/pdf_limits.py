"""Bounds on the work one PDF page can cause, checked before pdfminer interprets it.

pdfminer inflates a page's content streams whole, then turns every glyph into a Python object
(about 50 µs and 1 KB each).  So before a page is read, its content streams — and the forms they
draw — are inflated here with a cap, and the bytes inside their text strings (an upper bound on the
glyphs drawn) are counted.  Real report pages hold 10-40 KB of content and 0.2-1.5 KB of text strings.
"""
from __future__ import annotations

import re
import zlib
from typing import Any

from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfminer.psparser import LIT
from pdfplumber.page import Page

from ..errors import InputTooLarge

MAX_PAGE_CONTENT_BYTES = 4 * 1024 * 1024
"""Inflated content streams of one page (a flate bomb stops here, after at most this much inflating)."""

MAX_PAGE_TEXT_BYTES = 16 * 1024
"""Bytes inside the text strings of one page: at most this many glyphs, about 1 s and 30 MB."""

_FORM = LIT("Form")
_INLINE_IMAGE = re.compile(rb"\bBI\b.*?\bID\b.*?\bEI\b", re.S)
_STRING = re.compile(rb"\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>", re.S)
_NOT_HEX = re.compile(rb"[^0-9A-Fa-f]")


def check_page(page: Page, number: int) -> None:
    """Raise InputTooLarge when the page's content or text would cost too much to interpret."""
    parts: list[bytes] = []
    for stream in _content_streams(page):
        parts.append(_inflated(stream))
        if sum(map(len, parts)) > MAX_PAGE_CONTENT_BYTES:
            raise InputTooLarge(f"page {number} of the PDF inflates beyond {MAX_PAGE_CONTENT_BYTES} bytes")
    content = b"".join(parts)
    text = sum(_string_bytes(m.group()) for m in _STRING.finditer(_INLINE_IMAGE.sub(b"", content)))
    if text > MAX_PAGE_TEXT_BYTES:
        raise InputTooLarge(f"page {number} of the PDF draws about {text} characters; the limit is "
                            f"{MAX_PAGE_TEXT_BYTES} per page")


def _content_streams(page: Page) -> list[PDFStream]:
    """The page's content streams and the form XObjects it can draw (forms may nest)."""
    contents = resolve1(page.page_obj.attrs.get("Contents"))
    streams = [s for s in (resolve1(x) for x in (contents if isinstance(contents, list) else [contents]))
               if isinstance(s, PDFStream)]
    seen: set[int] = set()
    resources: list[Any] = [page.page_obj.resources]
    while resources:
        holder = resolve1(resources.pop())
        xobjects = resolve1(holder.get("XObject")) if isinstance(holder, dict) else None
        for ref in xobjects.values() if isinstance(xobjects, dict) else ():
            form = resolve1(ref)
            if isinstance(form, PDFStream) and form.get("Subtype") is _FORM and id(form) not in seen:
                seen.add(id(form))
                streams.append(form)
                resources.append(form.get("Resources"))
    return streams


def _inflated(stream: PDFStream) -> bytes:
    """The stream's bytes as pdfminer will interpret them, inflating at most MAX_PAGE_CONTENT_BYTES + 1."""
    if stream.rawdata is None:  # already decoded
        data = stream.data or b""
    else:
        data = stream.rawdata
        if stream.decipher is not None and stream.objid is not None and stream.genno is not None:
            data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
        filters = stream.get_filters()
        if filters and filters[0][0] in LITERALS_FLATE_DECODE:
            try:
                data = zlib.decompressobj().decompress(data, MAX_PAGE_CONTENT_BYTES + 1)
            except zlib.error:
                pass  # pdfminer salvages what it can of a damaged stream; count the bytes as they are
    return data


def _string_bytes(token: bytes) -> int:
    if token.startswith(b"<"):
        return len(_NOT_HEX.sub(b"", token)) // 2
    return len(token) - 2
