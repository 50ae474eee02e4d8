"""Entities: throughput on one core, the one-time cost of loading spaCy, and the annotation scores.

    python benchmarks/bench_entities.py [--repeats 5]

Throughput is `find_entities` alone (layout whitespace taken out, jieba, the rulers, aliases and
dates) over the normalised text of every text rendition in corpora/ (text, pipe, lines, tabs, md,
layout), warm, in MB of UTF-8 report text per CPU second (`time.process_time`, best of the repeats).
Target: figures and entities together ≥ 0.5 MB/s, so entities alone well above it.  Loading the
pipeline (spaCy, jieba's dictionary, the rulers) is paid once per process and is reported apart.
The scores are those of benchmarks/score_entities.py (precision target ≥ 90 %).
"""
from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import time
from pathlib import Path

from govextract.entities import find_entities
from govextract.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora"
TEXT_RENDITIONS = {"text", "pipe", "lines", "tabs", "md", "layout"}


def corpus_texts() -> list[str]:
    with open(CORPUS / "cases.tsv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["rendition"] in TEXT_RENDITIONS]
    return [normalize((CORPUS / r["path"]).read_text(encoding="utf-8")) for r in rows]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    texts = corpus_texts()
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    start = time.perf_counter()
    find_entities(texts[0])
    load = time.perf_counter() - start

    best = float("inf")
    found = 0
    for _ in range(args.repeats):
        start = time.process_time()
        found = sum(len(find_entities(t)) for t in texts)
        best = min(best, time.process_time() - start)
    print(f"{len(texts)} texts, {megabytes:.2f} MB, {found} entities: {megabytes / best:.2f} MB/s "
          f"(best of {args.repeats}, one core); first call, loading the pipeline: {load:.1f} s")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "score_entities.py")], check=True)


if __name__ == "__main__":
    main()
