"""Bounds on the work and memory one PDF page can cause, checked before pdfminer interprets it.

pdfminer inflates a page's content streams whole, then turns every glyph into a Python object
(about 50 µs and 1 KB each).  So before a page is read, its content streams — and the forms they
draw — are inflated here with a cap, and the bytes inside their text strings (an upper bound on the
glyphs drawn) are counted.  Real report pages hold 10-40 KB of content and 0.2-1.5 KB of text strings.
The embedded fonts the page uses are inflated with a cap too: pdfminer reads some font programs whole.
"""
from __future__ import annotations

import contextlib
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

MAX_FONT_BYTES = 48 * 1024 * 1024
"""One embedded font program, inflated: a complete CJK font is 10-20 MB."""

_FORM = LIT("Form")
_FONT_FILES = ("FontFile", "FontFile2", "FontFile3")
_INLINE_IMAGE = re.compile(rb"\bBI\b.*?\bID\b.*?\bEI\b", re.S)
_STRING = re.compile(rb"\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>", re.S)
_NOT_HEX = re.compile(rb"[^0-9A-Fa-f]")


def check_page(page: Page, number: int, fonts_checked: set[int]) -> None:
    """Raise InputTooLarge when the page's content, text or fonts would cost too much to interpret.

    `fonts_checked` holds the font programs already found small enough on earlier pages (fonts are shared).
    """
    contents, fonts = _streams(page)
    parts: list[bytes] = []
    for stream in contents:
        parts.append(_inflated(stream, MAX_PAGE_CONTENT_BYTES))
        if sum(map(len, parts)) > MAX_PAGE_CONTENT_BYTES:
            raise InputTooLarge(f"page {number} of the PDF inflates beyond {MAX_PAGE_CONTENT_BYTES} bytes")
    text = sum(_string_bytes(m.group()) for m in _STRING.finditer(_INLINE_IMAGE.sub(b"", b"".join(parts))))
    if text > MAX_PAGE_TEXT_BYTES:
        raise InputTooLarge(f"page {number} of the PDF draws about {text} characters; the limit is "
                            f"{MAX_PAGE_TEXT_BYTES} per page")
    for font in fonts:
        if id(font) not in fonts_checked:
            if len(_inflated(font, MAX_FONT_BYTES)) > MAX_FONT_BYTES:
                raise InputTooLarge(f"a font on page {number} of the PDF inflates beyond {MAX_FONT_BYTES} bytes")
            fonts_checked.add(id(font))


def _streams(page: Page) -> tuple[list[PDFStream], list[PDFStream]]:
    """The page's content streams with the form XObjects it can draw (forms nest), and the embedded
    font programs of the fonts they use (pdfminer reads some of them whole)."""
    contents = resolve1(page.page_obj.attrs.get("Contents"))
    streams = [s for s in (resolve1(x) for x in (contents if isinstance(contents, list) else [contents]))
               if isinstance(s, PDFStream)]
    fonts: list[PDFStream] = []
    seen: set[int] = set()
    resources: list[Any] = [page.page_obj.resources]
    while resources:
        holder = resolve1(resources.pop())
        if not isinstance(holder, dict):
            continue
        fonts += _font_programs(resolve1(holder.get("Font")))
        xobjects = resolve1(holder.get("XObject"))
        for ref in xobjects.values() if isinstance(xobjects, dict) else ():
            form = resolve1(ref)
            if isinstance(form, PDFStream) and form.get("Subtype") is _FORM and id(form) not in seen:
                seen.add(id(form))
                streams.append(form)
                resources.append(form.get("Resources"))
    return streams, fonts


def _font_programs(fonts: Any) -> list[PDFStream]:
    """FontFile streams of a resource dictionary's fonts (a Type0 font's are in its descendant)."""
    out = []
    for ref in fonts.values() if isinstance(fonts, dict) else ():
        font = resolve1(ref)
        if not isinstance(font, dict):
            continue
        descendants = resolve1(font.get("DescendantFonts"))
        for f in [font, *(resolve1(d) for d in (descendants if isinstance(descendants, list) else []))]:
            descriptor = resolve1(f.get("FontDescriptor")) if isinstance(f, dict) else None
            if isinstance(descriptor, dict):
                out += [s for s in (resolve1(descriptor.get(k)) for k in _FONT_FILES) if isinstance(s, PDFStream)]
    return out


def _inflated(stream: PDFStream, limit: int) -> bytes:
    """The stream's bytes as pdfminer will read them, inflating at most limit + 1 bytes."""
    if stream.rawdata is None:  # already decoded
        data = stream.data or b""
    else:
        data = stream.rawdata
        if stream.decipher is not None and stream.objid is not None and stream.genno is not None:
            data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
        filters = stream.get_filters()
        if filters and filters[0][0] in LITERALS_FLATE_DECODE:
            # pdfminer salvages what it can of a damaged stream; count the bytes as they are
            with contextlib.suppress(zlib.error):
                data = zlib.decompressobj().decompress(data, limit + 1)
    return data


def _string_bytes(token: bytes) -> int:
    if token.startswith(b"<"):
        return len(_NOT_HEX.sub(b"", token)) // 2
    return len(token) - 2
