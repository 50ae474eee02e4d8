"""The GB/T 2260 division table (patterns/divisions.txt): names, short forms, levels and parents.

Read on first use only; metadata asks it for the issuer's level and regions, entities for REGION names.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from .data import pattern_path

DivisionLevel = Literal["province", "city", "county"]


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short: str | None

    @property
    def level(self) -> DivisionLevel:
        if self.code.endswith("0000"):
            return "province"
        return "city" if self.code.endswith("00") else "county"


@dataclass(frozen=True)
class Divisions:
    by_code: dict[str, Division]
    by_name: dict[str, tuple[Division, ...]]  # full names and short forms; a few names repeat (鼓楼区)

    def lookup(self, name: str) -> tuple[Division, ...]:
        return self.by_name.get(name, ())

    def chain(self, division: Division) -> list[Division]:
        """Province, city and the division itself (those of them the table has), top down."""
        codes = [division.code[:2] + "0000", division.code[:4] + "00", division.code]
        return [self.by_code[c] for c in dict.fromkeys(codes) if c in self.by_code]


@cache
def divisions() -> Divisions:
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    for line in pattern_path("divisions.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, short = line.split("\t")
        d = Division(code, name, None if short == "-" else short)
        by_code[code] = d
        for key in (name, d.short):
            if key:
                by_name.setdefault(key, []).append(d)
    return Divisions(by_code, {k: tuple(v) for k, v in by_name.items()})
