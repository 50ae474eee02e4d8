"""Whitespace-free views of text, with a map back to offsets, for matching label stems.

Labels arrive broken by spaces and line breaks ("结 果 维 持", "只计这一情\\n形"); stems are matched on
the text with every whitespace character removed.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .shapes import Token

_RUN = re.compile(r"\S+")  # the standard library's engine is the faster one for this plain pattern


@dataclass(frozen=True)
class CompactText:
    """The text without whitespace, kept as runs so that a 20 000-character report costs a few hundred entries."""

    text: str
    run_compact: list[int]  # where each non-space run starts in `text`
    run_source: list[int]  # where the same run starts in the source

    @classmethod
    def of(cls, source: str) -> CompactText:
        parts: list[str] = []
        run_compact: list[int] = []
        run_source: list[int] = []
        length = 0
        for m in _RUN.finditer(source):
            run_compact.append(length)
            run_source.append(m.start())
            parts.append(m.group())
            length += m.end() - m.start()
        return cls("".join(parts), run_compact, run_source)

    def source_of(self, index: int) -> int:
        """The source offset of compact character `index`."""
        run = bisect_right(self.run_compact, index) - 1
        return self.run_source[run] + index - self.run_compact[run]

    def index_at(self, offset: int) -> int:
        """The first compact index whose source offset is at or after `offset`."""
        run = bisect_right(self.run_source, offset) - 1
        if run < 0:
            return 0
        inside = offset - self.run_source[run]
        run_length = (self.run_compact[run + 1] if run + 1 < len(self.run_compact) else len(self.text)) \
            - self.run_compact[run]
        return self.run_compact[run] + min(inside, run_length)


@dataclass(frozen=True)
class Compact:
    """Text tokens run together without whitespace; `source[i]` is the token index of character i."""

    text: str
    source: list[int]

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

    def index_of_token(self, token_index: int) -> int:
        """The first compact index belonging to token `token_index` or a later one."""
        return bisect_left(self.source, token_index)
