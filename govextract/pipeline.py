"""One report's way through: source → normalised text → sections, metadata, tables → Report → checks."""
from __future__ import annotations

from bisect import bisect_right

from .checks import check
from .errors import UnreadableInput
from .load import CellPosition, Source
from .metadata import read_metadata
from .normalize import normalize
from .schema import TABLE_MODELS, Cell, Problem, Report, Section, SourceInfo, Tables, Where
from .segment import SectionSpan, sections
from .tables import CellReading, TableReading, read_tables
from .templates import templates

FIRST_TEMPLATE_YEAR = 2019
"""Reports for 2019 onwards follow a national table format (国办公开办函〔2019〕60号)."""


def build_report(source: Source) -> Report:
    info = SourceInfo(path=source.path, kind=source.kind, encoding=source.encoding, length=len(source.text))
    if source.status != "ok":
        return Report(status=source.status, source=info,  # type: ignore[arg-type]
                      problems=[Problem(code=source.status, severity="error",
                                        message=source.message or "the document has no readable text")])
    text = normalize(source.text)
    if not text.strip():
        raise UnreadableInput("the input holds no text")
    meta = read_metadata(text)
    found = read_tables(text, meta.year)
    found_sections = sections(text)
    problems = [_no_tables(meta.year)] if not found.tables else _tables_missing(found_sections, found.tables)
    tables = Tables()
    where = _Positions(source.cells)
    for reading in found.tables:
        setattr(tables, reading.key, _table_model(reading, where))
        problems += [Problem(code=i.code, message=i.message, severity=i.severity, table=i.table,
                             keys=list(i.keys), span=i.span, candidates=list(i.candidates))
                     for i in reading.issues]
    report = Report(
        issuer=meta.issuer,
        year=meta.year,
        published=meta.published,
        level=meta.level,
        regions=list(meta.regions),
        template=found.template,  # type: ignore[arg-type]
        source=info.model_copy(update={"shape": found.shape}),
        sections=[Section(key=s.key, title=s.title, span=(s.start, s.end)) for s in found_sections],
        tables=tables,
        problems=problems,
    )
    report._text = text
    report._table_spans = found.spans()
    report.problems += check(report)
    return report


def _tables_missing(found_sections: list[SectionSpan], tables: list[TableReading]) -> list[Problem]:
    """A section of a national-format report whose statutory table was not found (an image, a
    converter that dropped it): say so rather than return silently fewer cells."""
    read = {t.key for t in tables}
    out = []
    for section in found_sections:
        expected = templates().sections.get(section.key, ())
        if expected and not read & set(expected):
            out.append(Problem(code="table_not_found", severity="warning", span=(section.start, section.end),
                               message=f"section {section.title!r} prints no statutory table that could be read "
                                       f"(expected {', '.join(expected)})"))
    return out


def _no_tables(year: int | None) -> Problem:
    """Say why a report has no cells: old reports predate the national tables, others lost them."""
    if year is not None and year < FIRST_TEMPLATE_YEAR:
        return Problem(code="no_statutory_tables", severity="info",
                       message=f"a {year} report predates the national table format ({FIRST_TEMPLATE_YEAR})")
    return Problem(code="no_statutory_tables", severity="warning",
                   message="no statutory table (第二十条 items, requests, review/litigation) was found in the text")


class _Positions:
    """Look up the document cell (table, row, column, page) that holds a text span."""

    def __init__(self, cells: tuple[CellPosition, ...]) -> None:
        self.cells = cells
        self.starts = [c.start for c in cells]

    def at(self, span: tuple[int, int] | None) -> Where | None:
        if span is None or not self.cells:
            return None
        i = bisect_right(self.starts, span[0]) - 1
        if i < 0 or span[1] > self.cells[i].end:
            return None
        c = self.cells[i]
        return Where(table=c.table, row=c.row, col=c.col, page=c.page, bbox=c.bbox)


def _table_model(reading: TableReading, where: _Positions):
    model = TABLE_MODELS[reading.key][reading.form]
    rows = {}
    for row_key, cells in reading.cells.items():
        row_model = model.model_fields[row_key].annotation
        row_cls = next(a for a in row_model.__args__ if a is not type(None))
        rows[row_key] = row_cls(**{col: _cell(c, where) for col, c in cells.items()})
    return model(**rows)


def _cell(c: CellReading, where: _Positions) -> Cell:
    return Cell(value=c.value, marker=c.marker, raw=c.raw, span=c.span, unit=c.unit,  # type: ignore[arg-type]
                where=where.at(c.span))
