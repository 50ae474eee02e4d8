"""Document readers: HTML, PDF and DOCX → the same `Source` (text + cell positions) as a text file.

Each reader is imported only when a document of its kind arrives, so text extraction never pays for
lxml, pdfplumber or python-docx.
"""
from __future__ import annotations

from ..errors import UnsupportedFormat
from ..load import Source


def read_document(kind: str, data: bytes, path: str | None) -> Source:
    """Dispatch on the kind `load.sniff` found in the bytes."""
    if kind == "html":
        from .html import read_html

        return read_html(data, path)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, path)
    if kind == "zip":
        from .docx import read_docx

        return read_docx(data, path)
    raise UnsupportedFormat(kind, f"{kind} documents are not readable")
