"""One report's way through: source → normalised text → sections, metadata, tables → Report → checks."""
from __future__ import annotations

from .checks import check
from .load import Source
from .metadata import read_metadata
from .normalize import normalize
from .schema import TABLE_MODELS, Cell, Problem, Report, Section, SourceInfo, Tables
from .segment import sections
from .tables import CellReading, TableReading, read_tables


def build_report(source: Source) -> Report:
    text = normalize(source.text)
    meta = read_metadata(text)
    found = read_tables(text, meta.year)
    problems: list[Problem] = []
    tables = Tables()
    for reading in found.tables:
        setattr(tables, reading.key, _table_model(reading))
        problems += [Problem(code=i.code, message=i.message, severity=i.severity, table=i.table,
                             keys=list(i.keys), span=i.span, candidates=list(i.candidates))
                     for i in reading.issues]
    report = Report(
        issuer=meta.issuer,
        year=meta.year,
        template=found.template,  # type: ignore[arg-type]
        source=SourceInfo(path=source.path, kind=source.kind, encoding=source.encoding, shape=found.shape,
                          length=len(source.text)),
        sections=[Section(key=s.key, title=s.title, span=(s.start, s.end)) for s in sections(text)],
        tables=tables,
        problems=problems,
    )
    report.problems += check(report)
    return report


def _table_model(reading: TableReading):
    model = TABLE_MODELS[reading.key][reading.form]
    rows = {}
    for row_key, cells in reading.cells.items():
        row_model = model.model_fields[row_key].annotation
        row_cls = next(a for a in row_model.__args__ if a is not type(None))
        rows[row_key] = row_cls(**{col: _cell(c) for col, c in cells.items()})
    return model(**rows)


def _cell(c: CellReading) -> Cell:
    return Cell(value=c.value, marker=c.marker, raw=c.raw, span=c.span, unit=c.unit)  # type: ignore[arg-type]
