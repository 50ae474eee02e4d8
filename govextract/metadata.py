"""Report-level fields: reporting year, issuer, publication date, level and regions.

Rules live in patterns/metadata.yaml; they read the title (which names year and issuer), the sentence
saying who compiled the report, the period the statistics cover, the header field or closing date
that dates the report; level and regions come from the issuer's name (govextract/jurisdiction.py).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cache

import regex

from .data import load_yaml
from .dates import full_date
from .jurisdiction import Level, locate

OPENING_CHARS = 5000
"""The title and preamble sit in the first lines; the rest of the report is not searched for them."""

CLOSING_CHARS = 8000
"""The closing date sits at the end, before at most a page footer; earlier text is not searched for it."""


@dataclass(frozen=True)
class Metadata:
    year: int | None
    issuer: str | None
    published: dt.date | None = None
    level: Level | None = None
    regions: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Rules:
    title: tuple[regex.Pattern[str], ...]
    compiled_by: regex.Pattern[str]
    period: tuple[regex.Pattern[str], ...]
    fallback: regex.Pattern[str]
    published_field: regex.Pattern[str]
    published_closing: regex.Pattern[str]


@cache
def _rules() -> _Rules:
    d = load_yaml("metadata.yaml")
    return _Rules(
        title=tuple(regex.compile(p) for p in d["title"]),
        compiled_by=regex.compile(d["compiled_by"]),
        period=tuple(regex.compile(p) for p in d["period"]),
        fallback=regex.compile(d["issuer_fallback"]),
        published_field=regex.compile(d["published_field"]),
        published_closing=regex.compile(d["published_closing"]),
    )


def read_metadata(text: str) -> Metadata:
    """Year and issuer of a normalised report text (None where the report does not say)."""
    rules = _rules()
    opening = " ".join(text[:OPENING_CHARS].split())
    year: int | None = None
    issuer: str | None = None
    titles = [m for m in (p.search(opening) for p in rules.title) if m]
    if titles:
        title = min(titles, key=lambda m: m.start())
        year, issuer = int(title["year"]), title["issuer"]
    compiled = rules.compiled_by.search(opening)
    if compiled:
        body = compiled["body"]
        if issuer is None or (body.endswith(issuer) and len(body) > len(issuer)):
            issuer = body
    if year is None:
        for pattern in rules.period:
            m = pattern.search(opening)
            if m:
                year = int(m["year"])
                break
    if year is None:
        m = regex.search(r"(20\d{2}) ?年", opening)
        year = int(m.group(1)) if m else None
    if issuer is None:
        names = Counter(m.group() for m in rules.fallback.finditer(text))
        issuer = names.most_common(1)[0][0] if names else None
    level, regions = locate(issuer, text) if issuer else (None, ())
    return Metadata(year, issuer, _published(text, year), level, regions)


def _published(text: str, year: int | None) -> dt.date | None:
    """The header's publication date, else the date the report closes with."""
    rules = _rules()
    field = rules.published_field.search(text[:OPENING_CHARS])
    closing = text[-CLOSING_CHARS:]
    candidates = [field] if field else list(rules.published_closing.finditer(closing))[::-1]
    for m in candidates:
        date = full_date(m["date"])
        if date and (year is None or year <= date.year <= year + 2):
            return date
    return None

