"""Where a report's issuer sits: its administrative level and the regions it belongs to.

The issuer's name starts with the regions it governs (淮安市洪泽区人民政府); they are matched against the
GB/T 2260 table (patterns/divisions.txt) and completed upward from their codes (江苏省, 淮安市, 洪泽区).
What is left of the name (人民政府, 科委, 镇人民政府) gives the level, by patterns/metadata.yaml.
"""
from __future__ import annotations

from functools import cache
from typing import Literal

import regex

from .data import load_yaml
from .divisions import Division, divisions

Level = Literal["province", "city", "county", "township", "department"]
_LONGEST_NAME = 12


@cache
def _level_patterns() -> dict[str, regex.Pattern[str]]:
    return {kind: regex.compile(p) for kind, p in load_yaml("metadata.yaml")["level"].items()}


def locate(issuer: str, text: str = "") -> tuple[Level | None, tuple[str, ...]]:
    """(level, regions top down) of the body named `issuer`; `text` settles a name several places share."""
    names, rest = _leading_regions(issuer)
    division = _resolve(names, text)
    regions = tuple(d.name for d in divisions().chain(division)) if division else tuple(names[-1:])
    patterns = _level_patterns()
    if patterns["government"].fullmatch(rest) and names:
        level: Level | None = division.level if division else _shared_level(names[-1])
    elif patterns["township"].fullmatch(rest):
        level = "township"
    elif patterns["department"].fullmatch(rest) and names:
        level = "department"
    else:
        level = None
    return level, regions


def _leading_regions(name: str) -> tuple[list[str], str]:
    """The division names (or short forms) the name starts with, longest first, and the rest."""
    found: list[str] = []
    table = divisions()
    while True:
        match = next((name[:n] for n in range(min(_LONGEST_NAME, len(name)), 1, -1) if table.lookup(name[:n])), None)
        if match is None:
            return found, name
        found.append(match)
        name = name[len(match):]


def _resolve(names: list[str], text: str) -> Division | None:
    """The division the last name means: the child of the one before it, the highest-level one when a
    name is a city's and a district's short form (淮安), or the one whose province and city the text names."""
    table = divisions()
    parent: Division | None = None
    for name in names:
        candidates = list(table.lookup(name))
        if parent is not None:
            prefix = parent.code[:2] if parent.level == "province" else parent.code[:4]
            candidates = [d for d in candidates if d.code.startswith(prefix)] or candidates
        top = min(_rank(d) for d in candidates)
        candidates = [d for d in candidates if _rank(d) == top]
        if len(candidates) > 1:
            scores = [sum(text.count(a.name) for a in table.chain(d)[:-1]) for d in candidates]
            best = max(scores)
            candidates = [d for d, s in zip(candidates, scores) if s == best]
        if len(candidates) != 1:
            return None
        parent = candidates[0]
    return parent


def _rank(d: Division) -> int:
    return ("province", "city", "county").index(d.level)


def _shared_level(name: str) -> Level | None:
    levels = {d.level for d in divisions().lookup(name)}
    return levels.pop() if len(levels) == 1 else None
