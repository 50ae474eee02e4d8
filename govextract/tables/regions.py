"""Where each statutory table sits in the report text.

The 第二十条 blocks start at their first caption; the requests table at its header note or first row;
the review/litigation table at its heading.  Each region runs to the start of the next; placement
(place.py) stops at the first prose inside a region, so a region may safely run long.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..templates import Templates
from .text import CompactText

MAX_TABLE_CHARS = 100_000
"""A statutory table region is read at most this far (the widest dev copy, a lynx dump padded with
spaces, takes 28 000 characters): text that runs on without the next table's heading is not all read."""


@dataclass(frozen=True)
class Regions:
    art20: tuple[int, int] | None
    requests: tuple[int, int] | None
    review: tuple[int, int] | None

    def span(self) -> tuple[int, int] | None:
        """From the first table to the end of the last, or None when the report has no statutory table."""
        found = [r for r in (self.art20, self.requests, self.review) if r]
        return (min(r[0] for r in found), max(r[1] for r in found)) if found else None


def table_captions(text: str, compact: CompactText, spec: Templates, start: int = 0,
                   end: int | None = None) -> list[regex.Match[str]]:
    """第二十条 captions that head a table (followed closely by a header or row label), not prose citations."""
    captions = spec.art20_caption
    out = []
    for m in captions.pattern.finditer(text, start, len(text) if end is None else end):
        after = compact.index_at(m.end())
        window = compact.text[after: after + captions.lookahead]
        if any(word in window for word in captions.followed_by):
            out.append(m)
    return out


def find_regions(text: str, compact: CompactText, spec: Templates) -> Regions:
    captions = table_captions(text, compact, spec)
    art20_start = captions[0].start() if captions else None
    requests_start = _first(compact, spec.requests.start, art20_start or 0)
    review_start = _first(compact, spec.review.start, requests_start or art20_start or 0)
    if art20_start is None and requests_start is None and review_start is not None:
        review_start = _review_without_tables(text, compact, spec, review_start)
    end = len(text)
    art20 = _bounded(art20_start, requests_start or review_start or end)
    requests = _bounded(requests_start, review_start or end)
    review = _bounded(review_start, end)
    return Regions(art20, requests, review)


def _bounded(start: int | None, end: int) -> tuple[int, int] | None:
    return None if start is None else (start, min(end, start + MAX_TABLE_CHARS))


def _first(compact: CompactText, patterns, start: int) -> int | None:
    best = None
    for pattern in patterns:
        m = pattern.search(compact.text, compact.index_at(start))
        if m and (best is None or m.start() < best):
            best = m.start()
    return compact.source_of(best) if best is not None else None


def _review_without_tables(text: str, compact: CompactText, spec: Templates, start: int) -> int | None:
    """A review heading in a report with no other statutory table counts only beside its header words."""
    window = compact.text[compact.index_at(start): compact.index_at(start) + 200]
    return start if "结果维持" in window or "尚未审结" in window else None
