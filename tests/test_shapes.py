"""Synthetic reports of both template forms in every text shape: every cell must come back as printed."""
from __future__ import annotations

from decimal import Decimal

import pytest
import regex
from synthetic import SHAPES, Synthetic, make_report, requests_values, row_readings

import govextract
from govextract.schema import Cell, Report

FORMS = ("2019", "2021")
SEEDS = range(4)
MARKER_KINDS = {"": "blank", "-": "dash", "—": "dash", "/": "slash", "无": "none_text"}


def model_cell(report: Report, key: str) -> Cell | None:
    table, row, col = key.split(".")
    return getattr(getattr(getattr(report.tables, table), row), col)


def ambiguous_keys(report: Report) -> set[str]:
    return {k for p in report.problems if p.code == "ambiguous_cell" for k in p.keys}


def assert_report_fields(s: Synthetic, report: Report) -> None:
    assert report.source.shape == s.shape
    assert report.template == s.form
    assert (report.year, report.issuer) == (s.year, s.issuer)
    assert report.tables.requests is not None and report.tables.requests.form == s.requests_form
    for name in ("art20_1", "art20_5", "art20_6", "art20_8"):
        assert getattr(report.tables, name).form == s.form
    assert (report.tables.art20_9 is not None) == (s.form == "2019")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", [s for s in SHAPES if s != "text"])
@pytest.mark.parametrize("form", FORMS)
def test_every_cell_as_printed(form: str, shape: str, seed: int) -> None:
    s = make_report(seed, form, shape, label_noise=seed % 2 == 1)
    if shape == "layout":
        assert regex.search(r"\n {5,}-\d+-\n", s.text)  # page numbers between rows
    report = govextract.extract_text(s.text)
    assert_report_fields(s, report)
    assert report.cells() == s.truth
    assert [p for p in report.problems if p.code == "identity_failed"] == []
    for key, value in s.truth.items():
        cell = model_cell(report, key)
        assert cell is not None
        if isinstance(value, Decimal):
            assert isinstance(cell.value, Decimal) and cell.unit == "万元"
        if value is None:  # the printed marker is kept in the model
            assert cell.marker == MARKER_KINDS[s.record.printed[key]], key
        else:
            assert cell.marker == "number"
            assert s.text[cell.span[0]:cell.span[1]] == s.record.printed[key]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("form", FORMS)
def test_run_together_text(form: str, seed: int) -> None:
    """Rows whose digits allow one reading are read; others are read right or left empty, never guessed."""
    s = make_report(seed, form, "text", label_noise=seed % 2 == 1)
    report = govextract.extract_text(s.text)
    assert_report_fields(s, report)
    cells = report.cells()
    assert set(cells) == set(s.truth)
    flagged = ambiguous_keys(report)
    for keys, groups in s.record.rows:
        unique = len(row_readings([s.record.printed[k] for k in keys], groups)) == 1
        for key in keys:
            if unique:
                assert cells[key] == s.truth[key], key
            else:
                assert cells[key] == s.truth[key] or (cells[key] is None and key in flagged), key


@pytest.mark.parametrize("shape", SHAPES)
def test_2021_report_printing_the_2019_other_handling_row(shape: str) -> None:
    """（六）其他处理 as one row in a 2021 report: the requests table is read in the 2019 form."""
    s = make_report(7, "2021", shape, requests_form="2019", markers=False)
    report = govextract.extract_text(s.text)
    assert_report_fields(s, report)
    cells = report.cells()
    assert "requests.other_handling.total" in cells and "requests.other_other.total" not in cells
    if shape != "text":
        assert cells == s.truth
    for key in (k for k in s.truth if k.startswith("requests.other_handling")):
        assert cells[key] in (s.truth[key], None)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("form", FORMS)
def test_label_typo(form: str, shape: str) -> None:
    s = make_report(3, form, shape, typo=True, markers=False)
    assert "2.其他法律行政止公开" in s.text
    report = govextract.extract_text(s.text)
    row = [k for k in s.truth if k.startswith("requests.withheld_prohibited_by_law.")]
    assert [report.cells()[k] for k in row] == [s.truth[k] for k in row]


@pytest.mark.parametrize("shape", SHAPES)
def test_stray_spaces_in_labels(shape: str) -> None:
    for seed in range(6):
        s = make_report(seed, "2021", shape, label_noise=True, markers=False)
        report = govextract.extract_text(s.text)
        cells = report.cells()
        flagged = ambiguous_keys(report)
        assert all(cells[k] == v or (shape == "text" and cells[k] is None and k in flagged)
                   for k, v in s.truth.items())
        assert report.tables.requests.form == "2021"


def test_md_row_of_blank_cells_under_repeated_spans() -> None:
    """| 行政处罚 |  |  |  | is a data row left blank, not a header: the row below still drops the copies
    a converter made of its one value (| 行政强制 | 5 | 5 | 5 |)."""
    blank, below = "art20_6.administrative_penalty.decisions", "art20_6.administrative_coercion.decisions"
    s = make_report(2, "2021", "md", markers=False, printed={blank: ("", None), below: ("5", 5)})
    assert "| 行政处罚 |  |  |  |" in s.text and "| 行政强制 | 5 | 5 | 5 |" in s.text
    report = govextract.extract_text(s.text)
    assert report.cells() == s.truth
    assert model_cell(report, blank).marker == "blank"


def test_label_numbering_glued_to_digits() -> None:
    """"…政府信息2200003252.没有现成信息…": the 2 numbers the next label, it is not part of the total."""
    columns = ("natural_person", "commercial_enterprise", "research_institution", "public_interest_org",
               "legal_service_org", "other_org", "total")
    row = [22, 0, 0, 0, 0, 3, 25]
    printed = {f"requests.unable_not_held.{c}": (str(v), v) for c, v in zip(columns, row)}
    s = make_report(11, "2021", "text", fixed={"unable_not_held": row[:6]}, printed=printed)
    assert "本机关不掌握相关政府信息2200003252.没有现成信息" in s.text
    cells = govextract.extract_text(s.text).cells()
    assert [cells[f"requests.unable_not_held.{c}"] for c in columns] == row


def test_generator_balances() -> None:
    """The generator's own promise, which every test above relies on."""
    import random

    for form in FORMS:
        for seed in range(20):
            table = requests_values(random.Random(seed), form)
            keys = list(table)
            outcomes = keys[keys.index("carried_over") + 1: keys.index("total_processed")]
            for c in range(7):
                assert sum(table[k][c] for k in outcomes) == table["total_processed"][c]
                assert (table["new_received"][c] + table["carried_over"][c]
                        == table["total_processed"][c] + table["carried_forward"][c])
            assert all(sum(v[:6]) == v[6] for v in table.values())
