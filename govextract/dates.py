"""Read a printed date (2024年1月20日, 2012-04-11, 二○一四年一月十日) into year, month and day.

Entities normalise DATE spans with it and metadata reads the publication date with it, so both agree.
"""
from __future__ import annotations

import datetime as dt

import regex

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0}
_PARTS = regex.compile(
    r"(?P<year>[0-9]{4}|[〇○零O一二三四五六七八九]{4})\s*[年./-]"
    r"(?:\s*(?P<month>[0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*(?:月份?|[./-])"
    r"(?:\s*(?P<day>[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]?)?)?")


def _number(s: str) -> int:
    """12, or a Chinese numeral up to 三十一: 十二 is 12, 二十 is 20; 二〇一四 (a year) reads digit by digit."""
    if s.isdigit():
        return int(s)
    if "十" not in s:
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    tens, _, units = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def date_parts(text: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of the first date in `text` that names its year; None when there is none."""
    m = _PARTS.search(text)
    if m is None:
        return None
    year = _number(m["year"])
    month = _number(m["month"]) if m["month"] else None
    day = _number(m["day"]) if m["day"] and month else None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    return year, month, day


def iso(text: str) -> str | None:
    """2019, 2019-07 or 2019-07-15 for the date in `text`."""
    parts = date_parts(text)
    if parts is None:
        return None
    year, month, day = parts
    return "-".join([f"{year:04d}"] + [f"{p:02d}" for p in (month, day) if p is not None])


def full_date(text: str) -> dt.date | None:
    """A complete calendar date (the day included and valid), or None."""
    parts = date_parts(text)
    if parts is None or parts[1] is None or parts[2] is None:
        return None
    try:
        return dt.date(*parts)  # type: ignore[arg-type]
    except ValueError:
        return None
