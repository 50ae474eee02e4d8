"""Exact numbers in report prose: Arabic and Chinese numerals, 万/亿, percentages, ranges, qualifiers.

`find_quantities` scans a text once and returns every quantity with its character offsets; years,
dates, document numbers, contact numbers and ordinals are left out.  Values are `Decimal` arithmetic
turned into `int` when whole, so 16.4亿 is 1640000000 exactly.  The vocabulary is patterns/numbers.yaml.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from ..data import load_yaml
from ..values import Number

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass(frozen=True)
class Quantity:
    """A number as printed: value, unit, approximation qualifier, range end, and offsets."""

    value: Number
    unit: str | None
    qualifier: str | None
    range_to: Number | None
    start: int
    end: int


@dataclass(frozen=True)
class _Vocabulary:
    digits: dict[str, int]
    small: dict[str, int]
    large: dict[str, int]
    money_units: frozenset[str]
    quantity: regex.Pattern[str]
    token: regex.Pattern[str]
    ordinal_before: tuple[str, ...]
    not_after: tuple[str, ...]
    label: regex.Pattern[str]
    max_digits: int
    glued_before: regex.Pattern[str]
    glued_after: regex.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _vocabulary() -> _Vocabulary:
    d = load_yaml("numbers.yaml")
    digits, small, large = d["digits"], d["small_multipliers"], d["large_multipliers"]
    q, nq = d["qualifiers"], d["not_quantities"]
    cn_start = regex.escape("".join(digits) + "".join(small))
    cn_any = cn_start + regex.escape("".join(large))
    numeral = rf"(?:{_ARABIC}|[{cn_start}])(?:{_ARABIC}|[{cn_any}])*"
    quantity = (
        rf"(?:(?P<pre>{_alternation(q['before'])})\s*)?"  # not a bare \s*: quadratic over long blank runs
        rf"(?:(?P<percent>{regex.escape(d['percent_prefix'])})(?P<pct>{numeral})"
        rf"|(?P<num>{numeral})(?:\s*(?:{_alternation(d['range_joiners'])})\s*(?P<num2>{numeral}))?)"
        rf"(?:\s*(?P<mid>{_alternation(q['after_number'])}))?"
        rf"(?:\s*(?P<unit>{_alternation(d['units'])}))?"
        rf"(?P<post>{_alternation(q['after_unit'])})?"
    )
    neighbours = nq["identifier_neighbours"]
    return _Vocabulary(
        digits=digits, small=small, large=large,
        money_units=frozenset(d["money_units"]),
        quantity=regex.compile(quantity),
        token=regex.compile(rf"{_ARABIC}|.", regex.S),
        ordinal_before=tuple(nq["before"]),
        not_after=tuple(nq["after"]),
        max_digits=int(nq["max_digits"]),
        label=regex.compile(rf"(?:{_alternation(nq['labels'])})[^\n]{{0,{int(nq['label_reach'])}}}?:\s*\Z"),
        glued_before=regex.compile(rf"[{neighbours}]\.?\Z"),
        glued_after=regex.compile(rf"\.?[{neighbours}]"),
    )


def parse_number(numeral: str) -> Number:
    """The exact value of one numeral: 二十三 → 23, 1.3万 → 13000, 一万五千亿 → 1500000000000, 三千五 → 3500."""
    v = _vocabulary()
    tokens = v.token.findall(numeral.replace(",", ""))
    if not tokens:
        raise ValueError(f"not a numeral: {numeral!r}")
    total = section = Decimal(0)  # total: the 万/亿 groups done; section: the part below 万
    current: Decimal | None = None  # the digits not yet multiplied
    largest = 0  # the largest 万/亿 applied to `total`
    for i, tok in enumerate(tokens):
        previous = tokens[i - 1] if i else ""
        if tok[0].isdigit():
            current = Decimal(tok)
        elif tok in v.digits:
            if current is not None and previous in v.digits:  # a digit string: 二〇二三, 零五
                current = current * 10 + v.digits[tok]
            else:
                current = Decimal(v.digits[tok])
        elif tok in v.small:
            section += (1 if current is None else current) * v.small[tok]
            current = None
        elif tok in v.large:
            group = section + (current or 0)
            if group == 0 and total == 0:
                raise ValueError(f"not a numeral: {numeral!r}")
            mult = v.large[tok]
            total = (total + group) * mult if mult > largest else total + group * mult  # 一万五千亿, 三亿五千万
            largest = max(largest, mult)
            section, current = Decimal(0), None
        else:
            raise ValueError(f"not a numeral: {numeral!r}")
    if len(tokens) >= 2 and tokens[-1] in v.digits and tokens[-2] in v.small.keys() | v.large.keys():
        current = (current or Decimal(0)) * ({**v.small, **v.large}[tokens[-2]] // 10)  # 三千五 = 3500, 一万五 = 15000
    return _exact(total + section + (current or 0))


def _exact(value: Decimal) -> Number:
    return int(value) if value == value.to_integral_value() else value


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order, with offsets into `text`."""
    v = _vocabulary()
    out = []
    for m in v.quantity.finditer(text):
        q = _quantity(text, m, v)
        if q is not None:
            out.append(q)
    return out


def _quantity(text: str, m: regex.Match[str], v: _Vocabulary) -> Quantity | None:
    numeral = m["pct"] or m["num"]
    first = m.start("percent") if m["pct"] else m.start("num")
    unit = "%" if m["pct"] else m["unit"]
    before = text[max(0, first - 12):first].rstrip()
    if before.endswith(v.ordinal_before) or v.label.search(before) or v.glued_before.search(before):
        return None
    if any(_is_code(n) or sum(ch.isdigit() for ch in n) > v.max_digits for n in (numeral, m["num2"]) if n):
        return None
    if unit is None:
        after = text[m.end():m.end() + 3].lstrip()
        if after.startswith(v.not_after) or v.glued_after.match(after) or not numeral[0].isdigit():
            return None
    if unit in v.money_units and numeral[-1] in v.large:  # 46.49亿元: 亿 belongs to the unit
        unit, numeral = numeral[-1] + unit, numeral[:-1]
    try:
        value = parse_number(numeral)
        range_to = parse_number(m["num2"]) if m["num2"] else None
        if range_to is not None:
            value = _scaled_like(value, numeral, m["num2"], v)
    except ValueError:
        return None
    qualifier = "".join(x for x in (m["pre"], m["mid"], m["post"]) if x) or None
    start = m.start("pre") if m["pre"] else first
    return Quantity(value, unit, qualifier, range_to, start, m.end())


def _is_code(numeral: str) -> bool:
    """0591, 00: a leading zero marks a code, not a count (0 and 0.5 are counts)."""
    return len(numeral) > 1 and numeral[0] == "0" and numeral[1].isdigit()


def _scaled_like(value: Number, first: str, second: str, v: _Vocabulary) -> Number:
    """3-5万: the second number's trailing 万/亿 applies to a first number that has none."""
    if any(ch in v.large for ch in first):
        return value
    factor = 1
    for ch in reversed(second):
        if ch not in v.large:
            break
        factor *= v.large[ch]
    return _exact(Decimal(value) * factor)
