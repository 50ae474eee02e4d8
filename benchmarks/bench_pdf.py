"""PDF reader speed on the dev corpus: time per report against pdfplumber extracting the same tables.

    python benchmarks/bench_pdf.py [--repeats 5]

For each pdf case in corpora/cases.tsv it times, on the same bytes in the same run (one warm-up
call, then the median of --repeats): pdfplumber alone (open, then `page.extract_tables()` on every
page), `read_pdf` (bytes → Source), and the whole extraction (bytes → Report).  pdfminer's page
interpretation is most of all three, so the ratio says what the reader and the pipeline add on top
of merely getting the tables out.  Target: extraction / pdfplumber ≤ 1.2.
"""
from __future__ import annotations

import argparse
import io
import statistics
from pathlib import Path

import pdfplumber
from corpus import CORPUS, cases, median_ms

from govextract.load import source_from_bytes
from govextract.pipeline import build_report
from govextract.readers.pdf import read_pdf

TARGET = 1.2


def pdf_cases() -> list[tuple[str, Path]]:
    return [(row["report_id"], CORPUS / row["path"]) for row in cases({"pdf"})]


def pdfplumber_tables(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def bench(data: bytes, repeats: int) -> tuple[float, float, float]:
    """Median ms of pdfplumber's tables, of read_pdf, and of the whole extraction, on the same bytes."""
    plumber = median_ms(lambda: pdfplumber_tables(data), repeats)
    read = median_ms(lambda: read_pdf(data, None), repeats)
    extract = median_ms(lambda: build_report(source_from_bytes(data)), repeats)
    return plumber, read, extract


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    print(f"{'report':<22}{'pages':>6}{'pdfplumber ms':>15}{'read_pdf ms':>13}{'extract ms':>12}{'ratio':>7}")
    ratios = []
    for report, path in pdf_cases():
        data = path.read_bytes()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        plumber, read, extract = bench(data, args.repeats)
        ratios.append(extract / plumber)
        print(f"{report:<22}{pages:>6}{plumber:>15.0f}{read:>13.0f}{extract:>12.0f}{extract / plumber:>7.2f}")
    print(f"ratio extract / pdfplumber: median {statistics.median(ratios):.2f}, max {max(ratios):.2f} "
          f"(target ≤ {TARGET})")


if __name__ == "__main__":
    main()
