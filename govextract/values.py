"""One table cell's text → a value: a number (int, or Decimal 万元 for money) or the marker printed.

The vocabulary (markers, units) lives in patterns/values.yaml.  Floats never appear: money is exact.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

import regex

from .data import load_yaml

Number = int | Decimal


@dataclass(frozen=True)
class ParsedCell:
    """What a cell's text says: a number, or which non-number marker was printed."""

    value: Number | None
    marker: str  # number | blank | dash | slash | none_text | text
    unit: str | None = None  # the unit printed in the cell (元, 万元, 件 …), if any


@dataclass(frozen=True)
class _Vocabulary:
    markers: dict[str, str]  # printed text -> marker kind
    money_units: dict[str, Decimal]
    header_units: dict[str, tuple[str, ...]]
    count_units: tuple[str, ...]
    number: regex.Pattern[str]


@cache
def vocabulary() -> _Vocabulary:
    data = load_yaml("values.yaml")
    markers = {text: kind for kind, texts in data["markers"].items() for text in texts}
    money = {unit: Decimal(factor) for unit, factor in data["money_units"].items()}
    units = sorted(list(money) + list(data["count_units"]), key=len, reverse=True)
    number = regex.compile(
        r"(?P<sign>[+-])?\s*(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?\s*(?P<unit>"
        + "|".join(regex.escape(u) for u in units)
        + r")?"
    )
    header_units = {unit: tuple(words) for unit, words in data["header_units"].items()}
    return _Vocabulary(markers, money, header_units, tuple(data["count_units"]), number)


@lru_cache(maxsize=4096)
def parse_cell(text: str) -> ParsedCell:
    """Read a normalised cell text (see normalize.py): '+111' → 111, '-2' → -2, '46.49亿元' → 46.49 亿元."""
    stripped = "".join(text.split())
    if not stripped:
        return ParsedCell(None, "blank")
    vocab = vocabulary()
    if stripped in vocab.markers:
        return ParsedCell(None, vocab.markers[stripped])
    m = vocab.number.fullmatch(stripped)
    if m is None:
        return ParsedCell(None, "text")
    digits = m["digits"].replace(",", "")
    if m["frac"]:
        value: Number = Decimal(digits + m["frac"])
    else:
        value = int(digits)
    if m["sign"] == "-":
        value = -value
    return ParsedCell(value, "number", m["unit"])


def unit_in_header(header: str) -> str | None:
    """The money unit a column header names for its bare numbers (normalised text), if any."""
    for unit, words in vocabulary().header_units.items():
        if any(w in header for w in words):
            return unit
    return None


def to_wan_yuan(value: Number, unit: str | None) -> Decimal | None:
    """A money amount in 万元, or None when the unit is not a money unit."""
    factor = vocabulary().money_units.get(unit or "")
    if factor is None:
        return None
    return _exact(Decimal(value) * factor)


def _exact(d: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (25.1000 → 25.1, 464900 stays)."""
    try:
        normal = d.normalize()
    except InvalidOperation:
        return d
    sign, digits, exponent = normal.as_tuple()
    if isinstance(exponent, int) and exponent > 0:
        return normal.quantize(Decimal(1))
    return normal
