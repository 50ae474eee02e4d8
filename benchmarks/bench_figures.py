"""Narrative figures: throughput on one core, and precision/recall against the hand-checked annotations.

    python benchmarks/bench_figures.py [--repeats 5]

Throughput is `find_figures` alone (number scan, rules, sentences, sections) over the normalised text
of every text rendition in corpora/ (text, pipe, lines, tabs, md, layout), warm, in MB of UTF-8 report
text per CPU second.  As in `Report.figures`, the statutory tables are skipped: their spans come from
`read_tables`, outside the timed part, because a report always reads its tables anyway (the sections
are found beforehand for the same reason).
Targets: ≥ 0.5 MB/s; precision ≥ 97 %, recall ≥ 92 % on corpora/figures/*.json, values exact.
"""
from __future__ import annotations

import argparse
import time

from corpus import CORPUS
from corpus import texts as corpus_texts

from govextract.figures import find_figures
from govextract.figures.evaluate import score
from govextract.schema import Section
from govextract.segment import sections
from govextract.tables import read_tables


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    texts = corpus_texts()
    found_sections = [[Section(key=s.key, title=s.title, span=(s.start, s.end)) for s in sections(t)] for t in texts]
    skips = [read_tables(t).spans() for t in texts]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    find_figures(texts[0], found_sections[0])  # warm: rule files compiled once per process
    best = float("inf")
    figures = 0
    for _ in range(args.repeats):
        start = time.process_time()
        figures = sum(len(find_figures(t, s, k)) for t, s, k in zip(texts, found_sections, skips, strict=True))
        best = min(best, time.process_time() - start)
    print(f"{len(texts)} texts, {megabytes:.2f} MB, {figures} figures: {megabytes / best:.2f} MB/s "
          f"(best of {args.repeats}, one core; target ≥ 0.5 MB/s)")

    s = score(CORPUS)
    print(f"annotations: {s.true_positives + len(s.false_negatives)} figures; precision {s.precision:.1%} "
          f"(target ≥ 97%), recall {s.recall:.1%} (target ≥ 92%)")
    for report, key in s.false_positives:
        print(f"  false positive {report}: {key}")
    for report, key in s.false_negatives:
        print(f"  missed {report}: {key}")


if __name__ == "__main__":
    main()
