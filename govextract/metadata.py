"""Report-level fields: the reporting year and the issuer, as the report names itself.

Rules live in patterns/metadata.yaml; they read the title (which names both), the sentence saying
who compiled the report, and the period the statistics cover.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

import regex

from .data import load_yaml

OPENING_CHARS = 1500
"""The title and preamble sit in the first lines; the rest of the report is not searched for them."""


@dataclass(frozen=True)
class Metadata:
    year: int | None
    issuer: str | None


@dataclass(frozen=True)
class _Rules:
    title: tuple[regex.Pattern[str], ...]
    compiled_by: regex.Pattern[str]
    period: tuple[regex.Pattern[str], ...]
    fallback: regex.Pattern[str]


@cache
def _rules() -> _Rules:
    d = load_yaml("metadata.yaml")
    return _Rules(
        title=tuple(regex.compile(p) for p in d["title"]),
        compiled_by=regex.compile(d["compiled_by"]),
        period=tuple(regex.compile(p) for p in d["period"]),
        fallback=regex.compile(d["issuer_fallback"]),
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
    return Metadata(year, issuer)

