"""HTML reader speed on the dev corpus: median time per report, warm, against lxml's own parse.

    python benchmarks/bench_html.py [--repeats 20]

For each html case in corpora/cases.tsv it times, on the same bytes in the same run: lxml parsing
alone, `read_html` (decode, parse, walk, render), and the whole extraction (bytes → Report). The
ratio says how much of the cost is ours rather than the parser's. Target: ≤ 20 ms per report.
"""
from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from corpus import CORPUS, cases, median_ms
from lxml import etree

from govextract.load import source_from_bytes
from govextract.pipeline import build_report
from govextract.readers.html import read_html


def html_cases() -> list[tuple[str, Path]]:
    return [(row["case_id"], CORPUS / row["path"]) for row in cases({"html"})]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=20)
    args = ap.parse_args()
    print(f"{'case':<22}{'KB':>6}{'lxml ms':>9}{'read ms':>9}{'extract ms':>12}{'extract/lxml':>14}")
    extracts = []
    for case, path in html_cases():
        parse, read, extract = bench(path.read_bytes(), args.repeats)
        extracts.append(extract)
        print(f"{case:<22}{path.stat().st_size // 1024:>6}{parse:>9.2f}{read:>9.2f}{extract:>12.2f}"
              f"{extract / parse:>14.1f}")
    print(f"median extraction per report: {statistics.median(extracts):.2f} ms (target ≤ 20 ms)")


def bench(data: bytes, repeats: int) -> tuple[float, float, float]:
    """Median ms of lxml's parse, of read_html, and of the whole extraction, on the same bytes."""
    parse = median_ms(lambda: etree.fromstring(data, etree.HTMLParser(encoding="utf-8")), repeats)
    read = median_ms(lambda: read_html(data, None), repeats)
    extract = median_ms(lambda: build_report(source_from_bytes(data)), repeats)
    return parse, read, extract


if __name__ == "__main__":
    main()
