"""The template's identities over the cells a report printed → problems, with the cells involved.

Identities come from the template data (patterns/templates/tables.yaml); one is evaluated only when
every term is a printed number (blank is not zero).  Real reports break them; we report, never fix.
"""
from __future__ import annotations

from decimal import Decimal

from .schema import Problem, Report
from .templates import GridTable, templates

Cells = dict[str, int | Decimal | None]


def check(report: Report) -> list[Problem]:
    cells = report.cells()
    spec = templates()
    problems: list[Problem] = []
    if report.tables.requests is not None:
        problems += _grid(cells, spec.requests, report.tables.requests.form)
    if report.tables.review_litigation is not None:
        problems += _grid(cells, spec.review, None)
    return problems


def _grid(cells: Cells, table: GridTable, form: str | None) -> list[Problem]:
    rows = [r.key for r in (table.rows_in(form) if form else table.rows)]
    columns = [c.key for c in table.columns]
    problems = []
    for identity in table.identities:
        left, right = table.terms(identity, form)
        if identity.each == "column":
            for col in columns:
                problems += _compare(cells, table.key, f"{identity.name} [{col}]",
                                     [f"{table.key}.{r}.{col}" for r in left],
                                     [f"{table.key}.{r}.{col}" for r in right])
        else:
            for row in rows:
                problems += _compare(cells, table.key, f"{identity.name} [{row}]",
                                     [f"{table.key}.{row}.{c}" for c in left],
                                     [f"{table.key}.{row}.{c}" for c in right])
    return problems


def _compare(cells: Cells, table: str, name: str, left: list[str], right: list[str]) -> list[Problem]:
    values = [cells.get(k) for k in left + right]
    if any(v is None for v in values):
        return []
    lsum = sum(Decimal(cells[k]) for k in left)  # type: ignore[arg-type]
    rsum = sum(Decimal(cells[k]) for k in right)  # type: ignore[arg-type]
    if lsum == rsum:
        return []
    return [Problem(code="identity_failed", severity="warning", table=table, keys=left + right,
                    message=f"{table} {name}: {lsum} ≠ {rsum} as printed")]
