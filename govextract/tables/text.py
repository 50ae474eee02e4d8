"""Whitespace-free views of text, with a map back to offsets, for matching label stems.

Labels arrive broken by spaces and line breaks ("结 果 维 持", "只计这一情\\n形"); stems are matched on
the text with every whitespace character removed.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from .shapes import Token


@dataclass(frozen=True)
class Compact:
    text: str
    source: list[int]  # source[i]: offset (or token index) of text[i]

    @classmethod
    def of_text(cls, text: str) -> Compact:
        chars: list[str] = []
        source: list[int] = []
        for i, ch in enumerate(text):
            if not ch.isspace():
                chars.append(ch)
                source.append(i)
        return cls("".join(chars), source)

    @classmethod
    def of_tokens(cls, tokens: Sequence[Token], kinds: tuple[str, ...] = ("text",)) -> Compact:
        """The text tokens run together; `source` holds the token index of each character."""
        chars: list[str] = []
        source: list[int] = []
        for index, tok in enumerate(tokens):
            if tok.kind in kinds:
                body = "".join(tok.text.split())
                chars.append(body)
                source.extend([index] * len(body))
        return cls("".join(chars), source)

    def index_at(self, offset: int) -> int:
        """The first compact index whose source is at or after `offset`."""
        return bisect_left(self.source, offset)
