"""Tables whose values a converter separated from their labels: placed by template order only when the
template's identities confirm the placement, never guessed."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import govextract

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _gold(report_id: str) -> dict:
    return json.loads((ROOT / "corpora" / "gold" / f"{report_id}.json").read_text(encoding="utf-8"))


def _requests(cells: dict) -> dict:
    return {k: v for k, v in cells.items() if k.startswith("requests.")}


def test_plain_pdftotext_values_in_row_order_are_placed_and_confirmed() -> None:
    """Plain pdftotext prints each cell on a line of its own, the labels apart from the values; the
    values still come in row order here, and the balance, outcome and row totals confirm it."""
    report = govextract.extract(FIXTURES / "pingtan_2021_pdftotext_plain.txt")
    gold = _gold("pingtan_2021")
    got = _requests(report.cells())
    want = _requests(gold["cells"])
    assert got.keys() == want.keys()
    assert all(Decimal(str(got[k])) == Decimal(str(v)) for k, v in want.items())
    assert "rows_placed_by_order" in [p.code for p in report.problems]


def test_plain_pdftotext_values_out_of_row_order_are_left_empty() -> None:
    """Here the converter interleaved two rows' values: no placement adds up, so the requests table
    stays empty with a problem saying why; the other tables are still read."""
    report = govextract.extract(FIXTURES / "pingtan_2023_pdftotext_plain.txt")
    gold = _gold("pingtan_2023")
    cells = report.cells()
    assert all(v is None for v in _requests(cells).values())
    assert "rows_unconfirmed" in [p.code for p in report.problems]
    review = {k: v for k, v in cells.items() if k.startswith("review_litigation.")}
    assert review == {k: v for k, v in gold["cells"].items() if k.startswith("review_litigation.")}


def test_double_spaced_text_is_not_one_cell_per_line() -> None:
    """An empty line between every two lines is spacing, not an empty cell."""
    text = (FIXTURES / "pingtan_2021_pdftotext_plain.txt").read_text(encoding="utf-8")
    report = govextract.extract_text(text)
    assert report.source.shape == "layout"
    assert report.cells()["art20_1.normative_documents.issued"] == 69


def test_shuffled_review_values_are_left_empty() -> None:
    """Plain pdftotext scatters the review/litigation row over many lines in a shuffled order; values that
    stand on several lines and do not add up are not trusted."""
    report = govextract.extract(FIXTURES / "huaian_shi_2024_pdftotext_plain.txt")
    cells = report.cells()
    assert all(v is None for k, v in cells.items() if k.startswith("review_litigation."))
    assert "cells_out_of_order" in [p.code for p in report.problems]
    gold = _gold("huaian_shi_2024")["cells"]
    placed = _requests(cells)
    assert placed and all(Decimal(str(v)) == Decimal(str(gold[k])) for k, v in placed.items() if v is not None)
