"""Bytes → `Source`: sniff the format from magic bytes, detect the text encoding, decode.

Government pages are often GBK/GB2312; we try UTF-8 (strict) first, then GB18030, which is a
superset of both, and refuse anything that decodes to control-character soup.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputTooLarge, UnreadableInput, UnsupportedFormat

MAX_TEXT_BYTES = 20 * 1024 * 1024
"""Text reports are tens of KB; anything above this is refused rather than processed for minutes."""


@dataclass(frozen=True)
class CellPosition:
    """Where a table cell rendered into `Source.text` sits in the original document."""

    start: int  # span of the cell's text in Source.text
    end: int
    table: int  # 0-based index of the table in the document
    row: int  # 0-based row and column in the table's grid (spans expanded)
    col: int
    page: int | None = None  # 1-based page (PDF)
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in PDF points


@dataclass(frozen=True)
class Source:
    """A decoded report: the text every later stage reads, and where it came from.

    Readers of HTML, PDF and DOCX render each table as one line per row with tab-separated cells
    (a spanning cell once, where it starts), so every later stage sees the `tabs` shape.
    """

    text: str
    kind: str  # text | html | pdf | docx
    encoding: str | None
    path: str | None = None
    cells: tuple[CellPosition, ...] = ()  # sorted by start
    status: str = "ok"  # ok | needs_ocr (a document with no text layer)
    message: str | None = None  # why the status is not ok


DOCUMENT_KINDS = frozenset({"html", "pdf", "zip"})
"""Kinds handed to govextract.readers (a zip may be a .docx; the reader checks)."""

# (magic prefix, kind, message) for formats that are not plain text.
_MAGIC: list[tuple[bytes, str, str]] = [
    (b"%PDF", "pdf", ""),
    (b"\xd0\xcf\x11\xe0", "doc", "legacy Word (.doc/.wps) files are not readable; convert with "
                                 "`libreoffice --headless --convert-to docx FILE`"),
    (b"PK\x03\x04", "zip", ""),
    (b"{\\rtf", "rtf", "RTF files are not readable; convert with `libreoffice --headless --convert-to txt FILE`"),
    (b"\x89PNG", "image", "images need OCR, which govextract does not do"),
    (b"\xff\xd8\xff", "image", "images need OCR, which govextract does not do"),
    (b"GIF8", "image", "images need OCR, which govextract does not do"),
]

_HTML_START = re.compile(rb"(?:\s|<!--.*?-->)*<(?:!doctype\s+html|\?xml|html|head|body|meta|title|table|div|p)\b",
                         re.IGNORECASE | re.DOTALL)
"""A page begins with whitespace or comments, then one of these tags (saved fragments start at a block)."""


def sniff(data: bytes) -> str | None:
    """The non-text kind the bytes announce, or None when they may be text."""
    head = data[:8]
    for magic, kind, _ in _MAGIC:
        if head.startswith(magic):
            return kind
    probe = data[:4096]
    if probe.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        probe = probe.decode("utf-16", errors="ignore").encode("utf-8")
    if _HTML_START.match(probe.removeprefix(codecs.BOM_UTF8)):
        return "html"
    return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding): by BOM; else strict UTF-8, which text in another encoding practically never
    passes; else the charset the document declares (an HTML page's meta tag), else GB18030 (a
    superset of GBK and GB2312). A character cut off by truncation at the end is dropped.
    Raises UnreadableInput when no encoding gives plausible text."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", *([declared] if declared else []), "gb18030"]
    for encoding in candidates:
        try:
            "a".encode(encoding)  # LookupError for unknown names and non-text codecs (hex, base64)
            text = codecs.getincrementaldecoder(encoding)().decode(data, final=False)
        except (LookupError, UnicodeDecodeError):
            continue
        return _checked(text, codecs.lookup(encoding).name)
    raise UnreadableInput("the bytes are not UTF-8, GBK/GB18030 or UTF-16 text")


def _checked(text: str, encoding: str) -> tuple[str, str]:
    """Refuse decoded text that is mostly control characters (binary data that happened to decode)."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\n\r\t\f")
    if sample and controls / len(sample) > 0.05:
        raise UnreadableInput(f"the input looks binary ({controls} control characters in the first {len(sample)})")
    return text, encoding


def source_from_bytes(data: bytes, path: str | None = None) -> Source:
    """Decode report bytes, refusing formats the library cannot read."""
    if not data.strip():
        raise UnreadableInput("the input is empty")
    if len(data) > MAX_TEXT_BYTES:
        raise InputTooLarge(f"the input is {len(data)} bytes; the limit is {MAX_TEXT_BYTES}")
    kind = sniff(data)
    if kind in DOCUMENT_KINDS:
        from .readers import read_document

        return read_document(kind, data, path)
    if kind is not None:
        raise UnsupportedFormat(kind, next(m for _, k, m in _MAGIC if k == kind))
    text, encoding = decode(data)
    return Source(text=text, kind="text", encoding=encoding, path=path)


def load(path: str | Path) -> Source:
    """Read a report file. Raises a GovextractError subclass for anything that is not a readable report."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise InputTooLarge(f"{p} is {size} bytes; the limit is {MAX_TEXT_BYTES}")
        data = p.read_bytes()
    except OSError as e:
        raise UnreadableInput(f"cannot read {p}: {e.strerror or e}") from e
    return source_from_bytes(data, str(p))
