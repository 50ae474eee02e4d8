"""The statutory table specs (patterns/templates/tables.yaml) as plain typed objects.

Label stems are compiled once; they are matched against label text with whitespace removed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from .data import load_yaml

FORMS = ("2019", "2021")


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    type: str = "count"  # count | signed | money
    unit: str | None = None  # the unit the template prints for the column (money only)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    stems: tuple[regex.Pattern[str], ...]
    forms: tuple[str, ...] = FORMS  # forms in which this is a data row
    group_in: tuple[str, ...] = ()  # forms in which the same label is only a group heading

    def find(self, compact: str, pos: int = 0) -> regex.Match[str] | None:
        """The earliest match of any stem at or after `pos`."""
        best = None
        for stem in self.stems:
            m = stem.search(compact, pos)
            if m and (best is None or m.start() < best.start()):
                best = m
        return best


@dataclass(frozen=True)
class Form:
    markers: tuple[str, ...]
    columns: tuple[Column, ...] = ()


@dataclass(frozen=True)
class Art20Table:
    key: str
    item: str
    rows: tuple[Row, ...]
    forms: dict[str, Form]

    def rows_in(self, form: str) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if form in r.forms)


@dataclass(frozen=True)
class Identity:
    name: str
    each: str  # "column": one check per column over rows; "row": one check per row over columns
    left: tuple[str, ...]
    right: tuple[str, ...]


@dataclass(frozen=True)
class GridTable:
    """A table with fixed rows and columns (requests, review_litigation)."""

    key: str
    start: tuple[regex.Pattern[str], ...]
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    forms: dict[str, Form] = field(default_factory=dict)
    identities: tuple[Identity, ...] = ()
    header_words: tuple[str, ...] = ()

    def rows_in(self, form: str) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if form in r.forms)

    def terms(self, identity: Identity, form: str | None) -> tuple[list[str], list[str]]:
        """The identity's left and right terms: row keys (each: column) or column keys (each: row).

        The template data names two term lists symbolically: `outcome_rows` (the rows between 上年结转
        and 总计 in the table's form) and `applicant_columns` (every column but the total).
        """
        rows = [r.key for r in (self.rows_in(form) if form else self.rows)]
        keys = rows if identity.each == "column" else [c.key for c in self.columns]

        def expand(names: tuple[str, ...]) -> list[str]:
            if names == ("outcome_rows",):
                return keys[keys.index("carried_over") + 1: keys.index("total_processed")]
            if names == ("applicant_columns",):
                return keys[:-1]
            return list(names)

        return expand(identity.left), expand(identity.right)


@dataclass(frozen=True)
class Captions:
    """How a 第二十条 caption that starts a table is told from one cited in prose."""

    pattern: regex.Pattern[str]
    followed_by: tuple[str, ...]
    lookahead: int
    label_continuation: int


@dataclass(frozen=True)
class Templates:
    art20_caption: Captions
    art20: tuple[Art20Table, ...]
    requests: GridTable
    review: GridTable
    sections: dict[str, tuple[str, ...]]  # report section key → the statutory tables it prints


def _row(d: dict) -> Row:
    return Row(
        key=d["key"],
        label=d["label"],
        stems=tuple(regex.compile(s) for s in d.get("stems", ())),
        forms=tuple(d.get("forms", FORMS)),
        group_in=tuple(d.get("group_in", ())),
    )


def _columns(items: list[dict]) -> tuple[Column, ...]:
    return tuple(Column(c["key"], c["label"], c.get("type", "count"), c.get("unit")) for c in items)


def _grid(d: dict) -> GridTable:
    return GridTable(
        key=d["key"],
        start=tuple(regex.compile(s) for s in d["start"]),
        rows=tuple(_row(r) for r in d["rows"]),
        columns=_columns(d["columns"]),
        forms={k: Form(tuple(v.get("markers", ()))) for k, v in d.get("forms", {}).items()},
        identities=tuple(
            Identity(i["name"], i["each"], tuple(_as_list(i["left"])), tuple(_as_list(i["right"])))
            for i in d.get("identities", ())
        ),
        header_words=tuple(d.get("header_words", ())),
    )


def _as_list(v: str | list[str]) -> list[str]:
    return [v] if isinstance(v, str) else list(v)


@cache
def templates() -> Templates:
    data = load_yaml("templates/tables.yaml")
    art20 = tuple(
        Art20Table(
            key=t["key"],
            item=t["item"],
            rows=tuple(_row(r) for r in t["rows"]),
            forms={k: Form(tuple(f["markers"]), _columns(f["columns"])) for k, f in t["forms"].items()},
        )
        for t in data["art20"]["tables"]
    )
    return Templates(
        art20_caption=Captions(
            pattern=regex.compile(data["art20"]["caption"]),
            followed_by=tuple(data["art20"]["caption_followed_by"]),
            lookahead=int(data["art20"]["caption_lookahead"]),
            label_continuation=int(data["art20"]["label_continuation"]),
        ),
        art20=art20,
        requests=_grid(data["requests"]),
        review=_grid(data["review_litigation"]),
        sections={
            data["art20"]["section"]: tuple(t.key for t in art20),
            data["requests"]["section"]: (data["requests"]["key"],),
            data["review_litigation"]["section"]: (data["review_litigation"]["key"],),
        },
    )
