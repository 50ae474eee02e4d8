"""Bytes → `Source`: sniff the format from magic bytes, detect the text encoding, decode.

Government pages are often GBK/GB2312; we try UTF-8 (strict) first, then GB18030, which is a
superset of both, and refuse anything that decodes to control-character soup.
"""
from __future__ import annotations

import codecs
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


def sniff(data: bytes) -> str | None:
    """The non-text kind the bytes announce, or None when they may be text."""
    head = data[:8]
    for magic, kind, _ in _MAGIC:
        if head.startswith(magic):
            return kind
    probe = data[:2048].lstrip(codecs.BOM_UTF8).lstrip().lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta")):
        return "html"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding). Raises UnreadableInput when no encoding gives plausible text."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(data.decode("utf-16"), "utf-16")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
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
