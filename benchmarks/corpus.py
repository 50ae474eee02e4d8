"""What every benchmark shares: the dev corpus in corpora/ and a warm median timer."""
from __future__ import annotations

import csv
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from govextract.normalize import normalize

CORPUS = Path(__file__).resolve().parent.parent / "corpora"
TEXT_RENDITIONS = frozenset({"text", "pipe", "lines", "tabs", "md", "layout"})


def cases(renditions: frozenset[str] | set[str]) -> list[dict[str, str]]:
    """Rows of corpora/cases.tsv (case_id, report_id, rendition, path) for these renditions."""
    with (CORPUS / "cases.tsv").open(encoding="utf-8") as f:
        return [row for row in csv.DictReader(f, delimiter="\t") if row["rendition"] in renditions]


def texts(renditions: frozenset[str] | set[str] = TEXT_RENDITIONS) -> list[str]:
    """The normalised text of every case of these (text) renditions."""
    return [normalize((CORPUS / row["path"]).read_text(encoding="utf-8")) for row in cases(renditions)]


def median_ms(run: Callable[[], object], repeats: int) -> float:
    """Median wall time of `run` in ms, after one warm-up call (caches, lazily loaded data)."""
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000
