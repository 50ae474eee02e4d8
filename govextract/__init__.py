"""govextract: Chinese government information-disclosure annual reports → typed, verified data.

    >>> import govextract
    >>> report = govextract.extract("report.txt")
    >>> report.template, report.year, report.issuer
    >>> report.cells()["requests.granted.natural_person"]
"""
from __future__ import annotations

from pathlib import Path

from .errors import EncryptedDocument, GovextractError, InputTooLarge, UnreadableInput, UnsupportedFormat
from .load import Source, load
from .schema import Cell, Problem, Report

__all__ = ["extract", "extract_text", "Report", "Cell", "Problem", "GovextractError", "UnsupportedFormat",
           "UnreadableInput", "InputTooLarge", "EncryptedDocument"]
__version__ = "0.1.0"


def extract(path: str | Path) -> Report:
    """Read the report at `path` (format sniffed from its bytes) and extract everything."""
    from .pipeline import build_report

    return build_report(load(path))


def extract_text(text: str) -> Report:
    """Extract from report text already in memory."""
    from .pipeline import build_report

    if not isinstance(text, str):
        raise TypeError("extract_text takes str; use extract(path) for files")
    return build_report(Source(text=text, kind="text", encoding="str"))
