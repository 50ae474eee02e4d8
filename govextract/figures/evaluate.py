"""Precision and recall of the figures against hand-checked annotations (corpora/figures/*.json).

An annotation file names a report, the rendition read (a path relative to the corpus folder) and
its figures: metric, value (a string, exact), unit, qualifier, text and span.  A figure found counts
as right only if metric, span, value and unit all agree.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .. import extract

FigureKey = tuple[str, tuple[int, int], Decimal, str | None]


@dataclass
class Score:
    true_positives: int = 0
    false_positives: list[tuple[str, FigureKey]] = field(default_factory=list)
    false_negatives: list[tuple[str, FigureKey]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + len(self.false_positives)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + len(self.false_negatives)
        return self.true_positives / expected if expected else 1.0


def annotation_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "figures").glob("*.json"))


def score(corpus: Path) -> Score:
    """Extract every annotated rendition and compare its figures with the annotations."""
    result = Score()
    for path in annotation_files(corpus):
        annotation = json.loads(path.read_text(encoding="utf-8"))
        report = extract(corpus / annotation["rendition"])
        found = {_key(f.metric, f.span, f.value, f.unit) for f in report.figures}
        gold = {_key(f["metric"], f["span"], f["value"], f["unit"]) for f in annotation["figures"]}
        result.true_positives += len(found & gold)
        result.false_positives += [(annotation["report"], k) for k in sorted(found - gold, key=str)]
        result.false_negatives += [(annotation["report"], k) for k in sorted(gold - found, key=str)]
    return result


def _key(metric: str, span, value, unit: str | None) -> FigureKey:
    return metric, (int(span[0]), int(span[1])), Decimal(str(value)), unit
