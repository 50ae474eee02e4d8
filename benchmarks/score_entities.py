"""Precision and recall of the entity rules against the hand-checked spans in corpora/entities/.

    python benchmarks/score_entities.py            # every annotated report, by label and by report

A found entity is right when its label and span equal an annotated one exactly; `overlap` also
counts a found entity of the right label that overlaps an annotated one (a boundary slip).
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from govextract.entities import find_entities
from govextract.normalize import normalize
from govextract.tables import read_tables

ROOT = Path(__file__).resolve().parents[1]

HELD_OUT = {"pingtan_2011", "pingtan_2015", "pingtan_2023", "pingtan_2025", "huaian_shi_2024"}
"""Annotated after the rules were written, without changing them: the honest part of the measure."""


def score(report: str) -> tuple[Counter, list[tuple], list[tuple]]:
    gold_file = json.loads((ROOT / "corpora" / "entities" / f"{report}.json").read_text(encoding="utf-8"))
    text = (ROOT / "corpora" / gold_file["path"]).read_text(encoding="utf-8")
    gold = {(e["label"], e["start"], e["end"]) for e in gold_file["entities"]}
    normalized = normalize(text)
    skip = read_tables(normalized).spans()  # as Report.entities: the tables are skipped
    found = {(e.label, e.span[0], e.span[1]) for e in find_entities(normalized, skip)}
    c: Counter = Counter()
    for label in {g[0] for g in gold | found}:
        g = {x for x in gold if x[0] == label}
        f = {x for x in found if x[0] == label}
        c[label, "gold"] += len(g)
        c[label, "found"] += len(f)
        c[label, "right"] += len(g & f)
        c[label, "overlap"] += sum(1 for x in f if any(y[1] < x[2] and x[1] < y[2] for y in g))
    wrong = sorted((x[0], text[x[1]:x[2]]) for x in found - gold)
    missed = sorted((x[0], text[x[1]:x[2]]) for x in gold - found)
    return c, wrong, missed


def line(name: str, c: Counter, labels: list[str]) -> str:
    g = sum(c[lb, "gold"] for lb in labels)
    f = sum(c[lb, "found"] for lb in labels)
    r = sum(c[lb, "right"] for lb in labels)
    o = sum(c[lb, "overlap"] for lb in labels)
    return (f"{name:24} gold {g:4}  found {f:4}  precision {r / max(f, 1):.3f}  recall {r / max(g, 1):.3f}"
            f"  (overlap precision {o / max(f, 1):.3f})")


def main() -> None:
    reports = sorted(p.stem for p in (ROOT / "corpora" / "entities").glob("*.json"))
    parts = {"dev": Counter(), "held-out": Counter(), "all": Counter()}
    verbose = "-v" in sys.argv
    for report in reports:
        c, wrong, missed = score(report)
        parts["held-out" if report in HELD_OUT else "dev"].update(c)
        parts["all"].update(c)
        print(line(report, c, sorted({k[0] for k in c})))
        if verbose:
            for label, text in wrong:
                print(f"    wrong   {label:9} {text!r}")
            for label, text in missed:
                print(f"    missed  {label:9} {text!r}")
    labels = sorted({k[0] for k in parts["all"]})
    print()
    for label in labels:
        print(line(label, parts["all"], [label]))
    print()
    for name, c in parts.items():
        print(line(name, c, labels))


if __name__ == "__main__":
    main()
