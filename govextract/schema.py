"""The typed report: pydantic models for every statutory table in both template forms.

The form (2019 or 2021) is a property of each table, not only of the report: real 2021-format
reports print （六）其他处理 as the single 2019 row.  `Report.cells()` gives the flat view of
../shared/spec/keys.md; `Report.model_dump_json()` the full model (Decimal values as strings, exact).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field

Marker = Literal["number", "blank", "dash", "slash", "none_text", "text", "ambiguous"]
Span = tuple[int, int]


class Where(BaseModel):
    """Where a cell sits in the original document (HTML/PDF/DOCX tables)."""

    model_config = ConfigDict(frozen=True)

    table: int = Field(description="0-based index of the table in the document")
    row: int
    col: int
    page: int | None = Field(None, description="1-based page number (PDF)")
    bbox: tuple[float, float, float, float] | None = Field(None, description="x0, top, x1, bottom in PDF points")


class Cell(BaseModel):
    """One printed cell. `value` is None unless a number was printed (blank, dash, 无 … are not 0)."""

    model_config = ConfigDict(frozen=True)

    value: int | Decimal | None = None
    marker: Marker = "blank"
    raw: str = ""
    span: Span | None = Field(None, description="character offsets into the source text")
    unit: str | None = Field(None, description="money only: 万元, or None when no unit was printed")
    where: Where | None = Field(None, description="table, row, column (and page, bbox) in the document")


class Row(BaseModel):
    """Base of the row models: each field is one column's cell (None when the row was not read)."""

    def cell_items(self) -> list[tuple[str, Cell | None]]:
        return [(name, getattr(self, name)) for name in type(self).model_fields]


# ---- 第二十条 rows ------------------------------------------------------------------------------

class Art20_1Row2019(Row):
    newly_made: Cell | None = None
    newly_published: Cell | None = None
    total_published: Cell | None = None


class Art20_1Row2021(Row):
    issued: Cell | None = None
    repealed: Cell | None = None
    in_force: Cell | None = None


class ItemsRow2019(Row):
    """2019 （五）（六）: the stock of item lists, its signed change, and decisions."""

    prev_year_items: Cell | None = None
    items_change: Cell | None = None
    decisions: Cell | None = None


class DecisionsRow2021(Row):
    decisions: Cell | None = None


class FeesRow2019(Row):
    prev_year_items: Cell | None = None
    items_change: Cell | None = None


class FeesRow2021(Row):
    fee_amount: Cell | None = Field(None, description="万元")


class ProcurementRow2019(Row):
    procurement_items: Cell | None = None
    procurement_amount: Cell | None = Field(None, description="万元 when a unit was printed")


class RequestsRow(Row):
    natural_person: Cell | None = None
    commercial_enterprise: Cell | None = None
    research_institution: Cell | None = None
    public_interest_org: Cell | None = None
    legal_service_org: Cell | None = None
    other_org: Cell | None = None
    total: Cell | None = None


class ReviewRow(Row):
    maintained: Cell | None = None
    corrected: Cell | None = None
    other: Cell | None = None
    pending: Cell | None = None
    total: Cell | None = None


# ---- tables -------------------------------------------------------------------------------------

class Table(BaseModel):
    """Base of the table models: `form` names the template version, other fields are rows."""

    form: str

    def row_items(self) -> list[tuple[str, Row | None]]:
        return [(name, getattr(self, name)) for name in type(self).model_fields if name != "form"]


class Art20_1_2019(Table):
    form: Literal["2019"] = "2019"
    regulations: Art20_1Row2019 | None = None
    normative_documents: Art20_1Row2019 | None = None


class Art20_1_2021(Table):
    form: Literal["2021"] = "2021"
    regulations: Art20_1Row2021 | None = None
    normative_documents: Art20_1Row2021 | None = None


class Art20_5_2019(Table):
    form: Literal["2019"] = "2019"
    administrative_licensing: ItemsRow2019 | None = None
    other_external_services: ItemsRow2019 | None = None


class Art20_5_2021(Table):
    form: Literal["2021"] = "2021"
    administrative_licensing: DecisionsRow2021 | None = None


class Art20_6_2019(Table):
    form: Literal["2019"] = "2019"
    administrative_penalty: ItemsRow2019 | None = None
    administrative_coercion: ItemsRow2019 | None = None


class Art20_6_2021(Table):
    form: Literal["2021"] = "2021"
    administrative_penalty: DecisionsRow2021 | None = None
    administrative_coercion: DecisionsRow2021 | None = None


class Art20_8_2019(Table):
    form: Literal["2019"] = "2019"
    administrative_fees: FeesRow2019 | None = None


class Art20_8_2021(Table):
    form: Literal["2021"] = "2021"
    administrative_fees: FeesRow2021 | None = None


class Art20_9_2019(Table):
    form: Literal["2019"] = "2019"
    centralized_procurement: ProcurementRow2019 | None = None


class _RequestsHead(Table):
    new_received: RequestsRow | None = None
    carried_over: RequestsRow | None = None
    granted: RequestsRow | None = None
    partially_granted: RequestsRow | None = None
    withheld_state_secret: RequestsRow | None = None
    withheld_prohibited_by_law: RequestsRow | None = None
    withheld_security_stability: RequestsRow | None = None
    withheld_third_party_rights: RequestsRow | None = None
    withheld_internal_affairs: RequestsRow | None = None
    withheld_process_info: RequestsRow | None = None
    withheld_enforcement_file: RequestsRow | None = None
    withheld_administrative_query: RequestsRow | None = None
    unable_not_held: RequestsRow | None = None
    unable_needs_creation: RequestsRow | None = None
    unable_unclear_after_correction: RequestsRow | None = None
    not_processed_complaint: RequestsRow | None = None
    not_processed_duplicate: RequestsRow | None = None
    not_processed_publication: RequestsRow | None = None
    not_processed_excessive: RequestsRow | None = None
    not_processed_confirmation: RequestsRow | None = None


class Requests2019(_RequestsHead):
    """三、收到和处理政府信息公开申请情况 with （六）其他处理 as one row."""

    form: Literal["2019"] = "2019"
    other_handling: RequestsRow | None = None
    total_processed: RequestsRow | None = None
    carried_forward: RequestsRow | None = None


class Requests2021(_RequestsHead):
    """三、收到和处理政府信息公开申请情况 with （六）其他处理 split into three rows."""

    form: Literal["2021"] = "2021"
    other_no_correction: RequestsRow | None = None
    other_fee_unpaid: RequestsRow | None = None
    other_other: RequestsRow | None = None
    total_processed: RequestsRow | None = None
    carried_forward: RequestsRow | None = None


class ReviewLitigation(Table):
    """四、政府信息公开行政复议、行政诉讼情况: the same in both forms."""

    form: Literal["any"] = "any"
    review: ReviewRow | None = None
    litigation_direct: ReviewRow | None = None
    litigation_after_review: ReviewRow | None = None


def _by_form(*models: type[Table]):
    return Annotated[Union[models], Field(discriminator="form")] | None  # noqa: UP007


TABLE_MODELS: dict[str, dict[str, type[Table]]] = {
    "art20_1": {"2019": Art20_1_2019, "2021": Art20_1_2021},
    "art20_5": {"2019": Art20_5_2019, "2021": Art20_5_2021},
    "art20_6": {"2019": Art20_6_2019, "2021": Art20_6_2021},
    "art20_8": {"2019": Art20_8_2019, "2021": Art20_8_2021},
    "art20_9": {"2019": Art20_9_2019},
    "requests": {"2019": Requests2019, "2021": Requests2021},
    "review_litigation": {"any": ReviewLitigation},
}


class Tables(BaseModel):
    """The statutory tables found; a table the report does not print is None."""

    art20_1: _by_form(Art20_1_2019, Art20_1_2021) = None
    art20_5: _by_form(Art20_5_2019, Art20_5_2021) = None
    art20_6: _by_form(Art20_6_2019, Art20_6_2021) = None
    art20_8: _by_form(Art20_8_2019, Art20_8_2021) = None
    art20_9: Art20_9_2019 | None = None
    requests: _by_form(Requests2019, Requests2021) = None
    review_litigation: ReviewLitigation | None = None


# ---- report -------------------------------------------------------------------------------------

Severity = Literal["info", "warning", "error"]


class Problem(BaseModel):
    """Something a user should know: a doubt, an inconsistency, a cell we would not guess."""

    code: str
    message: str
    severity: Severity = "warning"
    table: str | None = None
    keys: list[str] = Field(default_factory=list)
    span: Span | None = None
    candidates: list[dict[str, str]] = Field(default_factory=list,
                                             description="ambiguous_cell: the readings the digits allow")


class Section(BaseModel):
    key: str
    title: str
    span: Span


class SourceInfo(BaseModel):
    path: str | None = None
    kind: str = "text"
    encoding: str | None = None
    shape: str | None = Field(None, description="how the tables arrived: pipe, lines, tabs, md, layout, text")
    length: int = 0


class Figure(BaseModel):
    """A figure stated in the narrative (公开行政许可事项559项), with its meaning and where it was said."""

    metric: str = Field(description="stable English key of the metric (patterns/figures/*)")
    label: str = Field(description="the metric's Chinese label")
    value: int | Decimal = Field(description="as printed, 万 and 亿 multiplied in (1.3万余条 → 13000) except in a "
                                             "money unit: 46.49亿元 → 46.49 with unit 亿元")
    unit: str | None = None
    qualifier: str | None = Field(None, description="approximation as printed: 余, 多, 约, 近, 超过, 以上 …")
    range_to: int | Decimal | None = Field(
        None, description="a range's upper end (3万至5万: value 30000, range_to 50000)")
    value_wan_yuan: Decimal | None = Field(
        None, description="money only: the value in 万元, as keys.md fixes for cells")
    text: str = Field(description="the figure as printed")
    span: Span
    sentence: Span | None = None
    section: str | None = None


class Entity(BaseModel):
    """A named thing in the text: GOV_BODY, LAW, DOC_NO, DATE, PLATFORM, REGION."""

    label: str
    text: str
    span: Span
    normalized: str | None = Field(None, description="e.g. the full law title an alias 《条例》 stands for")


class Report(BaseModel):
    status: Literal["ok", "needs_ocr"] = Field("ok", description="needs_ocr: no text layer, nothing extracted")
    issuer: str | None = None
    year: int | None = None
    published: date | None = Field(None, description="the header's 发布时间, else the date the report closes with")
    level: Literal["province", "city", "county", "township", "department"] | None = None
    regions: list[str] = Field(default_factory=list, description="the issuer's regions, top down (GB/T 2260)")
    template: Literal["2019", "2021"] | None = None
    source: SourceInfo = Field(default_factory=SourceInfo)
    sections: list[Section] = Field(default_factory=list)
    tables: Tables = Field(default_factory=Tables)
    problems: list[Problem] = Field(default_factory=list)

    _text: str = PrivateAttr("")  # the normalised text; figures and entities are read from it on demand
    _table_spans: tuple[tuple[int, int], ...] = PrivateAttr(())  # where the tables sit: no figure, no entity

    @computed_field  # type: ignore[prop-decorator]
    @cached_property
    def figures(self) -> list[Figure]:
        """Narrative figures, found the first time they are asked for (tables never pay for this)."""
        from .figures import find_figures

        return find_figures(self._text, self.sections, skip=self._table_spans)

    @computed_field  # type: ignore[prop-decorator]
    @cached_property
    def entities(self) -> list[Entity]:
        """Named entities (spaCy, loaded the first time they are asked for)."""
        from .entities import find_entities

        return find_entities(self._text, skip=self._table_spans)

    def cells(self) -> dict[str, int | Decimal | None]:
        """The flat mapping of keys.md: every cell of every table found, None where no number was printed."""
        out: dict[str, int | Decimal | None] = {}
        for table_key in type(self.tables).model_fields:
            table = getattr(self.tables, table_key)
            if table is None:
                continue
            for row_key, row in table.row_items():
                model = type(table).model_fields[row_key].annotation
                names = _row_fields(model)
                for col in names:
                    cell = getattr(row, col) if row is not None else None
                    out[f"{table_key}.{row_key}.{col}"] = cell.value if cell is not None else None
        return out


def _row_fields(annotation) -> list[str]:
    row_model = next(a for a in getattr(annotation, "__args__", (annotation,)) if isinstance(a, type)
                     and issubclass(a, Row))
    return list(row_model.model_fields)
