"""PDF reader (stub until the documents issue lands)."""
from __future__ import annotations

from ..errors import UnsupportedFormat
from ..load import Source


def read_pdf(data: bytes, path: str | None) -> Source:
    raise UnsupportedFormat("pdf", "PDF reports are not readable yet")
