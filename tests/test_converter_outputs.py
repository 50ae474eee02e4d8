"""The dev reports as other tools turn them into text: every cell as gold, nothing silently wrong.

tests/fixtures/<report>__<tool>.txt: `w3m -dump` and `lynx -dump` of the report's HTML page (w3m
draws tables with box characters), html2text's markdown (tables without outer bars, site chrome
before the title); `pdftotext -raw`, pdfplumber's `extract_text()` and pypdfium2's text of its PDF;
pandoc (plain text and GitHub markdown) and docx2txt of its Word file.  Gold is corpora/gold/<report>.json.
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import govextract

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((Path(__file__).resolve().parent / "fixtures").glob("*__*.txt"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_converter_output_reads_like_the_original(path: Path) -> None:
    report_id = path.stem.split("__")[0]
    gold = json.loads((ROOT / "corpora" / "gold" / f"{report_id}.json").read_text(encoding="utf-8"))
    report = govextract.extract(path)
    cells = report.cells()
    assert (report.template, report.year) == (gold["template"], gold["year"])
    for key, want in gold["cells"].items():
        got = cells.get(key)
        assert (got is None) == (want is None), key
        if want is not None:
            assert Decimal(str(got)) == Decimal(str(want)), key


def test_a_table_the_converter_dropped_is_reported() -> None:
    """pandoc writes [TABLE] for tables it cannot draw in plain text: the sections are there, their
    tables are not, and the report says so instead of quietly returning fewer cells."""
    report = govextract.extract(Path(__file__).resolve().parent / "fixtures" / "pingtan_2021_pandoc_html_plain.txt")
    cells = report.cells()
    assert not any(k.startswith(("requests.", "review_litigation.")) for k in cells)
    assert cells["art20_1.normative_documents.in_force"] == 665
    missing = [p for p in report.problems if p.code == "table_not_found"]
    assert len(missing) == 2 and all(p.severity == "warning" for p in missing)
