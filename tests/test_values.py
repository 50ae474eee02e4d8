"""The value rules of keys.md: on one cell's text, and through the table engine in a whole report."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from synthetic import SHAPES, Synthetic, make_report, row_readings

import govextract
from govextract.normalize import normalize
from govextract.schema import Report
from govextract.values import parse_cell, to_wan_yuan

CORPUS = Path(__file__).resolve().parent.parent / "corpora"


def read(text: str):
    return parse_cell(normalize(text))


# ---- one cell ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("+111", 111), ("-8", -8), ("—2", -2), ("－2", -2), ("0", 0), ("17", 17),
    ("１２３", 123), ("１，２３４", 1234), ("1,234", 1234), ("12,345,678", 12345678), (" 42 ", 42), ("7件", 7),
])
def test_numbers(text: str, value: int) -> None:
    parsed = read(text)
    assert parsed.marker == "number"
    assert parsed.value == value and type(parsed.value) is int


@pytest.mark.parametrize("text, marker", [
    ("", "blank"), ("   ", "blank"), ("-", "dash"), ("—", "dash"), ("－", "dash"), ("/", "slash"), ("／", "slash"),
    ("无", "none_text"), ("1,23", "text"), ("约12", "text"), ("见附件", "text"),
])
def test_markers_are_not_numbers(text: str, marker: str) -> None:
    parsed = read(text)
    assert (parsed.value, parsed.marker) == (None, marker)


@pytest.mark.parametrize("text, wan_yuan", [
    ("251000元", "25.1"), ("160.5964万元", "160.5964"), ("46.49亿元", "464900"), ("75394432.52元", "7539.443252"),
    ("0元", "0"), ("3亿元", "30000"),
])
def test_money_in_wan_yuan(text: str, wan_yuan: str) -> None:
    parsed = read(text)
    amount = to_wan_yuan(parsed.value, parsed.unit)
    assert isinstance(amount, Decimal)
    assert amount == Decimal(wan_yuan)
    assert format(amount, "f") == wan_yuan  # exact, and never in exponent notation


def test_no_money_unit_is_no_amount() -> None:
    assert to_wan_yuan(12, None) is None
    assert to_wan_yuan(12, "件") is None


# ---- through the table engine --------------------------------------------------------------------

def cell(report: Report, key: str):
    table, row, col = key.split(".")
    return getattr(getattr(getattr(report.tables, table), row), col)


def problems(report: Report, code: str, key: str) -> list:
    return [p for p in report.problems if p.code == code and key in p.keys]


def assert_read(s: Synthetic, report: Report, key: str) -> None:
    """The cell reads as printed; in run-together text a row with several readings may instead be left
    empty, flagged ambiguous."""
    keys, groups = next(row for row in s.record.rows if key in row[0])
    got = report.cells()[key]
    if len(row_readings([s.record.printed[k] for k in keys], groups)) > 1:
        assert got == s.truth[key] or (got is None and problems(report, "ambiguous_cell", key))
    else:
        assert got == s.truth[key]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("key, text, value", [
    ("art20_5.administrative_licensing.items_change", "+111", 111),
    ("art20_6.administrative_penalty.items_change", "-8", -8),
    ("art20_6.administrative_coercion.items_change", "—2", -2),
    ("art20_8.administrative_fees.items_change", "－2", -2),
    ("art20_1.normative_documents.total_published", "１２", 12),
])
def test_signed_and_full_width_in_a_report(shape: str, key: str, text: str, value: int) -> None:
    s = make_report(1, "2019", shape, markers=False, printed={key: (text, value)})
    report = govextract.extract_text(s.text)
    assert_read(s, report, key)
    if report.cells()[key] is not None:
        assert cell(report, key).raw == normalize(text)


@pytest.mark.parametrize("shape", [s for s in SHAPES if s != "text"])
def test_thousands_separator_in_a_report(shape: str) -> None:
    key = "art20_6.administrative_penalty.decisions"
    s = make_report(2, "2021", shape, markers=False, printed={key: ("12,345", 12345)})
    assert govextract.extract_text(s.text).cells()[key] == 12345


@pytest.mark.parametrize("shape", SHAPES)
def test_negative_count_is_a_problem(shape: str) -> None:
    key = "art20_5.administrative_licensing.decisions"
    s = make_report(4, "2019", shape, markers=False, printed={key: ("-3", -3)})
    report = govextract.extract_text(s.text)
    assert problems(report, "negative_count", key)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("text, wan_yuan", [("251000元", "25.1"), ("160.5964万元", "160.5964"), ("46.49亿元", "464900")])
def test_money_in_a_report(shape: str, text: str, wan_yuan: str) -> None:
    key = "art20_9.centralized_procurement.procurement_amount"
    items = "art20_9.centralized_procurement.procurement_items"
    # items 0 keeps the run-together row readable in one way only ("0" cannot lead a longer number)
    s = make_report(5, "2019", shape, markers=False, printed={key: (text, Decimal(wan_yuan)), items: ("0", 0)})
    report = govextract.extract_text(s.text)
    value = report.cells()[key]
    assert isinstance(value, Decimal) and value == Decimal(wan_yuan)
    assert cell(report, key).unit == "万元"


@pytest.mark.parametrize("shape", [s for s in SHAPES if s != "text"])
def test_bare_money_without_unit_is_flagged(shape: str) -> None:
    key = "art20_9.centralized_procurement.procurement_amount"
    s = make_report(6, "2019", shape, markers=False, printed={key: ("12345", Decimal(12345))})
    report = govextract.extract_text(s.text)
    assert problems(report, "unit_unknown", key)
    value = report.cells()[key]
    assert isinstance(value, Decimal) and value == 12345
    assert cell(report, key).unit is None


@pytest.mark.parametrize("shape", SHAPES)
def test_money_under_a_header_naming_the_unit(shape: str) -> None:
    key = "art20_8.administrative_fees.fee_amount"  # 本年收费金额（单位：万元）
    s = make_report(8, "2021", shape, markers=False, printed={key: ("5949.088667", Decimal("5949.088667"))})
    report = govextract.extract_text(s.text)
    assert report.cells()[key] == Decimal("5949.088667")
    assert not problems(report, "unit_unknown", key)


MARKERS = [("", "blank"), ("-", "dash"), ("—", "dash"), ("/", "slash"), ("无", "none_text")]


@pytest.mark.parametrize("shape, printed, marker", [  # pdftotext prints nothing for a blank cell
    (shape, printed, marker) for shape in SHAPES if shape != "text" for printed, marker in MARKERS
    if printed or shape != "layout"])
def test_markers_in_a_report(shape: str, printed: str, marker: str) -> None:
    keys = ["art20_5.administrative_licensing.decisions", "requests.granted.research_institution"]
    s = make_report(9, "2019", shape, markers=False, printed={k: (printed, None) for k in keys})
    report = govextract.extract_text(s.text)
    for key in keys:
        assert report.cells()[key] is None
        assert cell(report, key).marker == marker
        assert cell(report, key).raw == normalize(printed).strip()


def test_printed_zero_is_zero() -> None:
    key = "art20_5.administrative_licensing.decisions"
    s = make_report(9, "2019", "tabs", markers=False, printed={key: ("0", 0)})
    value = govextract.extract_text(s.text).cells()[key]
    assert value == 0 and value is not None


def _all_values() -> list[object]:
    values: list[object] = []
    for path in sorted((CORPUS / "files").glob("*/*.txt")) + sorted((CORPUS / "files").glob("*/*.md")):
        values += govextract.extract(path).cells().values()
    for form in ("2019", "2021"):
        for shape in SHAPES:
            values += govextract.extract_text(make_report(0, form, shape).text).cells().values()
    return values


def test_no_float_anywhere() -> None:
    values = _all_values()
    assert any(isinstance(v, Decimal) for v in values)
    assert not any(isinstance(v, float) for v in values)
    assert all(v is None or type(v) in (int, Decimal) for v in values)
