"""The real reports in corpora/ against their gold, scored by the rules of ../shared/eval/score.py.

The scoring is restated here (small, and CI must not depend on the folder beside the clone).  A gold
number must be matched exactly (money as decimals); a gold null by null or absence; cells gold marks
ambiguous for a rendition may be right or abstained, never silently wrong.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

import govextract

CORPUS = Path(__file__).resolve().parent.parent / "corpora"
TEXT_SHAPES = ("text", "pipe", "lines", "tabs", "md", "layout")
DOCUMENTS = ("html", "pdf", "docx")
MIN_ACCURACY = 0.99

CASES = list(csv.DictReader((CORPUS / "cases.tsv").open(encoding="utf-8"), delimiter="\t"))
TEXT_CASES = [c for c in CASES if c["rendition"] in TEXT_SHAPES]
DOCUMENT_CASES = [c for c in CASES if c["rendition"] in DOCUMENTS]


@dataclass
class Score:
    cells: int = 0
    right: int = 0
    wrong: list[tuple[str, object, object]] = field(default_factory=list)  # (key, gold, got)
    spurious: list[tuple[str, object]] = field(default_factory=list)
    ambiguous_wrong: list[tuple[str, object, object]] = field(default_factory=list)


def _dec(v: object) -> object:
    return None if v is None else Decimal(str(v))


def score(gold: dict, cells: dict, rendition: str) -> Score:
    ambiguous = set(gold.get("ambiguous", [])) | set(gold.get("ambiguous_by_rendition", {}).get(rendition, []))
    s = Score()
    for key, want in gold["cells"].items():
        got = cells.get(key)
        if key in ambiguous:
            if got is not None and _dec(got) != _dec(want):
                s.ambiguous_wrong.append((key, want, got))
            continue
        s.cells += 1
        if _dec(got) == _dec(want):
            s.right += 1
        else:
            s.wrong.append((key, want, got))
    if not gold.get("partial"):
        s.spurious = [(k, v) for k, v in cells.items() if k not in gold["cells"] and v is not None]
    return s


def _issuer(s: object) -> str:
    return "".join(str(s or "").split()).replace("（", "(").replace("）", ")")


@cache
def gold(report_id: str) -> dict:
    return json.loads((CORPUS / "gold" / f"{report_id}.json").read_text(encoding="utf-8"))


@cache
def extracted(case_id: str) -> govextract.Report:
    """Each case is extracted once per test session (several tests read the same report)."""
    case = next(c for c in CASES if c["case_id"] == case_id)
    return govextract.extract(CORPUS / case["path"])


def _assert_report_fields(case: dict) -> Score:
    g = gold(case["report_id"])
    report = extracted(case["case_id"])
    cells = report.cells()
    assert not any(isinstance(v, float) for v in cells.values())
    assert str(report.template) == str(g["template"])
    assert report.year == g["year"]
    if g.get("issuer"):
        assert _issuer(report.issuer) == _issuer(g["issuer"])
    if g["template"] is None:  # a free-form report from before the national tables
        assert cells == {}
    s = score(g, cells, case["rendition"])
    assert s.ambiguous_wrong == [], "silently wrong cells where the source allows several readings"
    assert s.spurious == []
    return s


@pytest.mark.parametrize("case", TEXT_CASES, ids=[c["case_id"] for c in TEXT_CASES])
def test_text_case(case: dict) -> None:
    _assert_report_fields(case)


def test_text_cell_accuracy() -> None:
    total = right = 0
    wrong = []
    for case in TEXT_CASES:
        s = score(gold(case["report_id"]), extracted(case["case_id"]).cells(), case["rendition"])
        total, right = total + s.cells, right + s.right
        wrong += [(case["case_id"], *w) for w in s.wrong]
    assert total > 1000  # the corpus is really being scored
    assert right / total >= MIN_ACCURACY, wrong[:20]


def _document(case: dict) -> govextract.Report:
    try:
        return extracted(case["case_id"])
    except govextract.UnsupportedFormat as e:
        pytest.skip(f"{case['rendition']} reader not available yet: {e}")


@pytest.mark.parametrize("case", DOCUMENT_CASES, ids=[c["case_id"] for c in DOCUMENT_CASES])
def test_document_case(case: dict) -> None:
    """HTML/PDF/DOCX readers land in parallel; once a case is readable it must meet the text bar."""
    _document(case)
    s = _assert_report_fields(case)
    assert s.right / max(s.cells, 1) >= MIN_ACCURACY, s.wrong[:20]
