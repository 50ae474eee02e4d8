"""Narrative figures: find the quantities once, then give each the metric its surrounding words state.

For every quantity whose unit some rule accepts, the engine looks only at its own sentence: the text to
its left (up to `sentence_reach` characters) and a few characters to its right, with whitespace removed
so that phrases broken across lines (pdftotext layout) still match.  Rules come from
patterns/figures/*.yaml through `rules.rule_book`.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..normalize import blank
from ..schema import Figure, Section
from ..segment import sentences
from ..values import to_wan_yuan
from .numbers import Quantity, find_quantities
from .rules import Metric, Rule, RuleBook, rule_book

_WHITESPACE = regex.compile(r"\s+")
_SENTENCE_BREAK = regex.compile(r"[。!?|\t]|\n[ \t]*\n")  # where a figure's context stops
_CLAUSE_BREAK = regex.compile(r"(?r)[,;:、]")


@dataclass(frozen=True)
class _Match:
    """How strongly a metric's rule matched: compared as (phrase, adjacent, context), larger wins."""

    metric: Metric
    phrase: int  # characters of the phrase itself, gaps not counted (0: context only)
    adjacent: bool  # the phrase had no … gap: 行政复议|15件 beats 15件|、提起行政诉讼
    context: int  # where the nearest context ends in the left window (-1: none needed)

    def strength(self) -> tuple[int, bool, int]:
        return self.phrase, self.adjacent, self.context


def find_figures(text: str, sections: list[Section], skip: Sequence[tuple[int, int]] = ()) -> list[Figure]:
    """The figures stated in `text` (normalised), each with its metric, sentence and section.  The `skip`
    spans are the statutory tables: their cells are read as tables, and no narrative figure lives there."""
    book = rule_book()
    text = blank(text, skip)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text)]
    sentence_spans = sentences(text)
    sentence_starts = [s for s, _ in sentence_spans]
    out = []
    for q in find_quantities(text):
        candidates = book.by_unit.get(q.unit)
        if not candidates:
            continue
        left, right = _windows(text, q, breaks, book)
        if book.blocker.search(left):
            continue
        best = _best(left, right, candidates)
        if best is None:
            continue
        i = bisect_right(sentence_starts, q.start) - 1
        out.append(Figure(
            metric=best.metric.key, label=best.metric.label, value=q.value, unit=q.unit, qualifier=q.qualifier,
            range_to=q.range_to, value_wan_yuan=to_wan_yuan(q.value, q.unit), text=text[q.start:q.end],
            span=(q.start, q.end), sentence=sentence_spans[i] if i >= 0 else None,
            section=_section(sections, q.start)))
    return out


def _windows(text: str, q: Quantity, breaks: list[int], book: RuleBook) -> tuple[str, str]:
    """The sentence left of the quantity and a little right of it, whitespace removed."""
    i = bisect_right(breaks, q.start) - 1
    lo = max(breaks[i] if i >= 0 else 0, q.start - book.sentence_reach)
    j = bisect_left(breaks, q.end)
    hi = min(breaks[j] if j < len(breaks) else len(text), q.end + 2 * book.gap)
    return _WHITESPACE.sub("", text[lo:q.start]), _WHITESPACE.sub("", text[q.end:hi])


def _best(left: str, right: str, candidates: tuple[tuple[Metric, Rule], ...]) -> _Match | None:
    clause_break = _CLAUSE_BREAK.search(left)
    clause = left[clause_break.end():] if clause_break else left
    best: _Match | None = None
    for metric, rule in candidates:
        found = _match(left, right, clause, metric, rule)
        if found is not None and (best is None or found.strength() > best.strength()):
            best = found
    return best


def _match(left: str, right: str, clause: str, metric: Metric, rule: Rule) -> _Match | None:
    phrase, adjacent, phrase_start = 0, True, len(left)
    if rule.before is not None and (m := rule.before.search(left)):
        (phrase, adjacent), phrase_start = _phrase(m), m.start()
    if rule.after is not None and (m := rule.after.match(right)) and _phrase(m) > (phrase, adjacent):
        (phrase, adjacent), phrase_start = _phrase(m), len(left)
    if phrase == 0 and (rule.before is not None or rule.after is not None):
        return None
    context = -1
    if rule.context is not None:
        c = rule.context.search(left, 0, phrase_start)
        if c is None:
            return None
        context = c.end()
    if rule.veto is not None and rule.veto.search(clause):
        return None
    return _Match(metric, phrase, adjacent, context)


def _phrase(m: regex.Match[str]) -> tuple[int, bool]:
    """The phrase's length without its gaps, and whether it had none."""
    gaps = m.captures("gap") if "gap" in m.re.groupindex else []
    return len(m["phrase"]) - sum(len(g) for g in gaps), not gaps


def _section(sections: list[Section], position: int) -> str | None:
    for s in reversed(sections):
        if s.span[0] <= position < s.span[1]:
            return s.key
    return None
