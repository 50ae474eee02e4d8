"""HTML reader (stub until the documents issue lands)."""
from __future__ import annotations

from ..errors import UnsupportedFormat
from ..load import Source


def read_html(data: bytes, path: str | None) -> Source:
    raise UnsupportedFormat("html", "HTML reports are not readable yet")
