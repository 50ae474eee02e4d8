"""Sections 一…六, sentences, and words (jieba with the domain dictionary, loaded only when asked)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from .data import load_yaml, pattern_path

_SENTENCE_END = regex.compile(r"[。!?;！？；]+|\n+")


@dataclass(frozen=True)
class SectionSpan:
    key: str
    title: str
    start: int  # of the heading
    end: int  # where the next section starts


@cache
def _heading_patterns() -> list[tuple[str, regex.Pattern[str]]]:
    d = load_yaml("sections.yaml")
    number, gap = d["heading_number"], int(d["max_gap"])
    return [(s["key"], regex.compile(number + rf"[^。\n]{{0,{gap}}}?(?:{'|'.join(s['stems'])})"))
            for s in d["sections"]]


def sections(text: str) -> list[SectionSpan]:
    """The sections found, in order; a section whose heading is missing is simply absent."""
    found: list[tuple[str, int, int]] = []
    pos = 0
    for key, pattern in _heading_patterns():
        m = pattern.search(text, pos)
        if m is None:
            continue
        found.append((key, m.start(), m.end()))
        pos = m.end()
    out = []
    for i, (key, start, end) in enumerate(found):
        stop = found[i + 1][1] if i + 1 < len(found) else len(text)
        title_end = _title_end(text, end, stop)
        out.append(SectionSpan(key, text[start:title_end].strip(), start, stop))
    return out


_TITLE_TAIL = regex.compile(r"[\p{Han}、,()]{0,16}?(?:情况|事项|措施)")


def _title_end(text: str, start: int, stop: int) -> int:
    """A heading ends at the 情况/事项 that closes it, else at the end of a short line, else just past
    the matched words (text that ran together has no line ends)."""
    tail = _TITLE_TAIL.match(text, start, stop)
    if tail:
        return tail.end()
    newline = text.find("\n", start, stop)
    return newline if newline != -1 and newline - start <= 30 else start


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] (split at 。！？； and line breaks)."""
    end = len(text) if end is None else end
    spans = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if text[pos:m.end()].strip():
            spans.append((pos, m.end()))
        pos = m.end()
    if text[pos:end].strip():
        spans.append((pos, end))
    return spans


def new_jieba() -> Any:
    """A jieba tokenizer with the domain dictionary (patterns/dict/), its start-up chatter silenced.

    jieba is imported here, on first use, so table extraction never pays for it.
    """
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    with pattern_path("dict/govextract.txt").open("r", encoding="utf-8") as f:
        tokenizer.load_userdict(f)
    return tokenizer


@cache
def _tokenizer() -> Any:
    return new_jieba()


def words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word of `text`, segmented by jieba with the domain dictionary."""
    return [(w, s, e) for w, s, e in _tokenizer().tokenize(text)]
