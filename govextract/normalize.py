"""Fold the character variants reports mix (full/half width, dash kinds, odd spaces, box-drawing table
borders) into one form.

Every replacement is one character for one character, so an offset into the normalised text is the
same offset into the source text: provenance spans need no mapping table.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import regex

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_NOT_BREAK = regex.compile(r"[^\n]")


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block -> ASCII
        table[code] = chr(code - 0xFEE0)
    for ch in _DASHES:
        table[ord(ch)] = "-"
    for ch in _SPACES + _INVISIBLE:
        table[ord(ch)] = " "
    for code in range(0x2500, 0x2580):  # box drawing (w3m/lynx table borders) only separates cells
        table[code] = " "
    # CJK compatibility radicals that Type 3 PDF fonts emit instead of the ideograph (⼀ for 一).
    for code in list(range(0x2F00, 0x2FD6)) + list(range(0x2E80, 0x2EF4)):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and folded != chr(code):
            table[code] = folded
    return table


_TABLE = _build_table()


def normalize(text: str) -> str:
    """Normalised text of exactly the same length as `text`."""
    out = text.translate(_TABLE)
    if "\r" in out:
        out = out.replace("\r\n", " \n").replace("\r", "\n")
    return out


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with each span's characters turned to spaces, line breaks kept: parts a reader must skip
    (the statutory tables, for the figures and entities) vanish while every offset stays valid."""
    out = text
    for start, end in spans:
        out = out[:start] + _NOT_BREAK.sub(" ", out[start:end]) + out[end:]
    return out
