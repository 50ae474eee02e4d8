"""Entities: throughput on one core, alone and together with the narrative figures, the one-time cost of
loading spaCy, and the annotation scores.

    python benchmarks/bench_entities.py [--repeats 5]

Throughput is in MB of UTF-8 report text per CPU second (`time.process_time`, best of the repeats, warm)
over the normalised text of every text rendition in corpora/ (text, pipe, lines, tabs, md, layout):
`find_entities` alone (layout whitespace taken out, jieba, the rulers, aliases and dates), then
`find_figures` and `find_entities` on each text in one run — issue 4's target is ≥ 0.5 MB/s for the two
together.  As in `Report.figures` and `Report.entities`, the statutory tables are skipped: their spans
come from `read_tables` and, like the sections the figures take as input, are found outside the timed
part, because a report always reads its tables anyway (tables-only extraction pays none of this).
Loading the pipeline (spaCy, jieba's dictionary, the rulers) is paid once per process and is reported
apart.  The scores are those of benchmarks/score_entities.py (precision target ≥ 90 %).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from corpus import texts as corpus_texts

from govextract.entities import find_entities
from govextract.figures import find_figures
from govextract.schema import Section
from govextract.segment import sections
from govextract.tables import read_tables


def best_seconds(work: Callable[[], object], repeats: int) -> float:
    """The least CPU time of `repeats` runs of `work`."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    texts = corpus_texts()
    found_sections = [[Section(key=s.key, title=s.title, span=(s.start, s.end)) for s in sections(t)] for t in texts]
    skips = [read_tables(t).spans() for t in texts]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    start = time.perf_counter()
    find_entities(texts[0])
    load = time.perf_counter() - start
    find_figures(texts[0], found_sections[0])  # warm: rule files compiled once per process

    def both() -> None:
        for text, found, skip in zip(texts, found_sections, skips, strict=True):
            find_figures(text, found, skip)
            find_entities(text, skip)

    alone = best_seconds(lambda: [find_entities(t, k) for t, k in zip(texts, skips, strict=True)], args.repeats)
    together = best_seconds(both, args.repeats)
    found = sum(len(find_entities(t, k)) for t, k in zip(texts, skips, strict=True))
    print(f"{len(texts)} texts, {megabytes:.2f} MB, {found} entities (best of {args.repeats}, one core):\n"
          f"  entities alone        {megabytes / alone:.2f} MB/s\n"
          f"  figures and entities  {megabytes / together:.2f} MB/s (target ≥ 0.5 MB/s)\n"
          f"  first call, loading the pipeline: {load:.1f} s")
    subprocess.run([sys.executable, str(Path(__file__).with_name("score_entities.py"))], check=True)


if __name__ == "__main__":
    main()
