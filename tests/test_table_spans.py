"""The statutory tables' spans, which the figures and entities skip: they hold every cell read, none of
the hand-checked figures or entities, and stop where the tables stop, not at the end of their region."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import govextract
from govextract.entities import find_entities
from govextract.figures import find_figures
from govextract.normalize import blank, normalize
from govextract.tables import read_tables

CORPUS = Path(__file__).resolve().parents[1] / "corpora"
TEXT_SHAPES = ("text", "pipe", "lines", "tabs", "md", "layout")
TEXT_CASES = [c["path"] for c in csv.DictReader((CORPUS / "cases.tsv").open(encoding="utf-8"), delimiter="\t")
              if c["rendition"] in TEXT_SHAPES]


def _text(path: str) -> str:
    return normalize((CORPUS / path).read_text(encoding="utf-8"))


def _inside(span: tuple[int, int], spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


def _overlaps(span: tuple[int, int], spans: tuple[tuple[int, int], ...]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def test_blank_keeps_length_and_line_breaks() -> None:
    assert blank("ab|1|2|\n|3|cd", [(2, 11)]) == "ab     \n   cd"
    assert blank("abc", []) == "abc"


@pytest.mark.parametrize("path", TEXT_CASES)
def test_every_cell_read_lies_in_its_tables_span(path: str) -> None:
    found = read_tables(_text(path))
    for table in found.tables:
        spans = [c.span for row in table.cells.values() for c in row.values() if c.span]
        assert table.span is not None or not spans
        for span in spans:
            assert _inside(span, (table.span,)), (table.key, span, table.span)


def test_the_review_table_ends_at_its_last_value_not_at_the_end_of_the_text() -> None:
    text = _text("files/pingtan_2023/pipe.txt")
    review = next(t for t in read_tables(text).tables if t.key == "review_litigation")
    assert review.span is not None
    assert "五、存在的主要问题及改进情况" in text[review.span[1]:]


@pytest.mark.parametrize("kind", ["figures", "entities"])
def test_no_hand_checked_figure_or_entity_lies_in_a_table(kind: str) -> None:
    checked = 0
    for path in sorted((CORPUS / kind).glob("*.json")):
        annotation = json.loads(path.read_text(encoding="utf-8"))
        rendition = annotation.get("rendition") or annotation["path"]
        skip = read_tables(_text(rendition)).spans()
        items = annotation[kind]
        spans = [tuple(f["span"]) for f in items] if kind == "figures" else [(e["start"], e["end"]) for e in items]
        assert not [s for s in spans if _overlaps(s, skip)], path.name
        checked += bool(skip)
    assert checked >= 5  # most annotated reports do have tables


def test_skipped_spans_give_nothing_and_keep_the_other_offsets() -> None:
    text = "寿光市人民政府办公室召开新闻发布会12场。\n寿光市人民政府召开新闻发布会5场。\n全年召开新闻发布会3场。"
    middle = (text.index("\n") + 1, text.rindex("\n"))
    assert len(find_entities(text)) == 2 and len(find_figures(text, [])) == 3  # all found when not skipped
    assert [(e.text, e.span) for e in find_entities(text, [middle])] == [("寿光市人民政府办公室", (0, 10))]
    figures = find_figures(text, [], [middle])
    assert [(f.text, text[f.span[0]:f.span[1]]) for f in figures] == [("12场", "12场"), ("3场", "3场")]


def test_a_report_skips_its_tables_for_figures_and_entities() -> None:
    report = govextract.extract(CORPUS / "files/pingtan_2023/md.txt")
    skip = read_tables(_text("files/pingtan_2023/md.txt")).spans()
    assert skip and report._table_spans == skip
    assert not [f for f in report.figures if _overlaps(f.span, skip)]
    assert not [e for e in report.entities if _overlaps(e.span, skip)]
