"""Narrative figures: the rule files' examples, real corpus sentences, and the hand-checked annotations."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

import govextract
from govextract.figures import find_figures
from govextract.figures.evaluate import annotation_files, score
from govextract.figures.rules import examples, family_names, rule_book
from govextract.normalize import normalize

CORPUS = Path(__file__).resolve().parent.parent / "corpora"
EXAMPLES = examples()


def found(text: str) -> Counter[tuple[str, Decimal]]:
    return Counter((f.metric, Decimal(str(f.value))) for f in find_figures(normalize(text), []))


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.family}-{i}" for i, e in enumerate(EXAMPLES)])
def test_rule_file_examples(example) -> None:
    assert found(example.text) == Counter((m, Decimal(v)) for m, v in example.expect)


def test_every_metric_has_a_positive_example_and_every_family_a_file_of_examples() -> None:
    expected = {m for e in EXAMPLES for m, _ in e.expect}
    assert {m.key for m in rule_book().metrics} <= expected
    assert {e.family for e in EXAMPLES} == set(family_names())


def test_required_families_are_covered() -> None:
    keys = {m.key for m in rule_book().metrics}
    assert {"information_disclosed", "policy_interpretations", "press_conferences", "requests_received",
            "requests_answered", "requests_carried_over", "administrative_reviews", "administrative_lawsuits",
            "licensing_items", "licensing_decisions", "penalty_items", "penalty_decisions",
            "procurement_projects", "procurement_amount", "npc_suggestions", "cppcc_proposals",
            "npc_suggestions_rate", "cppcc_proposals_rate", "opinion_responses", "messages_received",
            "gazette_issues", "disclosure_staff", "disclosure_bodies", "training_sessions",
            "disclosure_rate"} <= keys


def test_a_real_report_figure_by_figure() -> None:
    """shouguang_2019: number forms (万余, 万多, 约, 亿元, %) with their exact spans, sentences and values."""
    report = govextract.extract(CORPUS / "files/shouguang_2019/text.txt")
    text = normalize((CORPUS / "files/shouguang_2019/text.txt").read_text(encoding="utf-8"))
    by_text = {(f.metric, f.text): f for f in report.figures}
    credit = by_text["credit_records_collected", "1.3万余条"]
    assert (credit.value, credit.unit, credit.qualifier) == (13000, "条", "余")
    assert text[credit.span[0]:credit.span[1]] == "1.3万余条"
    assert credit.sentence is not None and credit.sentence[0] <= credit.span[0] < credit.span[1] <= credit.sentence[1]
    messages = by_text["messages_received", "2万多条"]
    assert (messages.value, messages.qualifier) == (20000, "多")
    staff = by_text["disclosure_staff", "约130人"]
    assert (staff.value, staff.qualifier) == (130, "约")
    money = by_text["procurement_amount", "46.49亿元"]
    assert (money.value, money.unit, money.value_wan_yuan) == (Decimal("46.49"), "亿元", Decimal(464900))
    rate = by_text["disclosure_rate", "95.6%"]
    assert rate.value == Decimal("95.6")
    # the 46.49亿元 printed again in the statutory table is a table cell, not a narrative figure
    assert sum(f.metric == "procurement_amount" for f in report.figures) == 1


def test_figures_carry_their_section() -> None:
    report = govextract.extract(CORPUS / "files/huaian_shi_2024/layout.txt")
    sections = {f.metric: f.section for f in report.figures}
    assert sections["press_conferences"] == "overview"
    assert sections["processing_fees"] == "other_matters"


def test_layout_text_broken_across_lines() -> None:
    """pdftotext breaks 政府信息公开行政复议 351 / 件 over two lines; the figure is still read."""
    report = govextract.extract(CORPUS / "files/huaian_shi_2024/layout.txt")
    reviews = [f for f in report.figures if f.metric == "administrative_reviews"]
    assert [(f.value, f.text) for f in reviews] == [(351, "351\n件")]


def test_renditions_of_one_report_give_the_same_figures() -> None:
    def figures(name: str) -> Counter[tuple[str, str]]:
        text = normalize((CORPUS / "files/pingtan_2023" / name).read_text(encoding="utf-8"))
        return Counter((f.metric, str(f.value)) for f in find_figures(text, []))

    assert figures("text.txt") == figures("md.txt") == figures("pipe.txt") == figures("tabs.txt")


def test_annotations_point_at_what_they_say() -> None:
    files = annotation_files(CORPUS)
    assert len(files) >= 8
    total = 0
    for path in files:
        annotation = json.loads(path.read_text(encoding="utf-8"))
        text = normalize((CORPUS / annotation["rendition"]).read_text(encoding="utf-8"))
        for f in annotation["figures"]:
            assert text[f["span"][0]:f["span"][1]] == f["text"]
            Decimal(f["value"])
        total += len(annotation["figures"])
    assert total >= 200


def test_precision_and_recall_on_the_annotations() -> None:
    s = score(CORPUS)
    assert s.precision >= 0.97, s.false_positives
    assert s.recall >= 0.92, s.false_negatives


def test_tables_only_extraction_computes_no_figures() -> None:
    report = govextract.extract(CORPUS / "files/shouguang_2019/text.txt")
    assert report.cells() and "figures" not in report.__dict__
    assert report.figures and "figures" in report.__dict__


def test_tables_only_extraction_does_not_load_the_figures_engine() -> None:
    code = ("import sys, govextract; r = govextract.extract(sys.argv[1]); r.cells(); "
            "print('govextract.figures.engine' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(CORPUS / "files/pingtan_2023/text.txt")],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("text", ["", "\x00\x01\x02", "第三次会议于2023年12月31日召开(电话:0591-23165385)。"])
def test_no_figures_in_text_without_any(text: str) -> None:
    assert find_figures(text, []) == []
