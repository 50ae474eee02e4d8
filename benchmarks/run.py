#!/usr/bin/env python3
"""Benchmarks of the core: warm extraction time per report, import time, and what extraction imports.

    python benchmarks/run.py                 # all three, results in benchmarks/results/
    python benchmarks/run.py --repeats 50 --imports 10

Targets (issue 2): median warm extraction ≤ 5 ms per report; `import govextract` ≤ 0.3 s; table
extraction never imports jieba or spaCy.  Numbers are reported, never asserted (see README.md).
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from corpus import CORPUS, TEXT_RENDITIONS, cases

ROOT = CORPUS.parent
RESULTS = Path(__file__).resolve().parent / "results"
EXTRACT_TARGET_MS = 5.0
IMPORT_TARGET_S = 0.3
HEAVY = ("jieba", "spacy")


def text_cases() -> list[dict[str, str]]:
    return cases(TEXT_RENDITIONS)


def time_extraction(repeats: int) -> list[dict[str, object]]:
    """Median milliseconds of `govextract.extract(path)` per case, after one warm-up call each."""
    import govextract

    out = []
    for case in text_cases():
        path = CORPUS / case["path"]
        cells = len(govextract.extract(path).cells())  # warm: patterns loaded, regexes compiled, file cached
        samples = []
        for _ in range(repeats):
            start = time.perf_counter()
            govextract.extract(path)
            samples.append((time.perf_counter() - start) * 1000)
        out.append({"case": case["case_id"], "rendition": case["rendition"], "median_ms": statistics.median(samples),
                    "min_ms": min(samples), "max_ms": max(samples), "repeats": repeats, "cells": cells})
    return out


def _python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return done.stdout.strip()


def _wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, cwd=ROOT)
    return time.perf_counter() - start


def time_imports(runs: int) -> dict[str, float]:
    """Seconds, median of `runs` fresh interpreters: the import alone (timed inside the process), and the
    whole process for `import govextract` against `pass`."""
    inside = [float(_python("import time; t = time.perf_counter(); import govextract; "
                            "print(time.perf_counter() - t)")) for _ in range(runs)]
    with_import = [_wall("import govextract") for _ in range(runs)]
    baseline = [_wall("pass") for _ in range(runs)]
    return {
        "import_s": statistics.median(inside),
        "process_import_s": statistics.median(with_import),
        "process_pass_s": statistics.median(baseline),
        "process_ratio": statistics.median(with_import) / statistics.median(baseline),
        "runs": runs,
    }


def modules_after_extraction() -> dict[str, list[str]]:
    """Which heavy modules a fresh process holds after `import govextract` and after extracting tables."""
    sample = CORPUS / text_cases()[0]["path"]
    code = ("import json, sys, govextract\n"
            f"heavy = {HEAVY!r}\n"
            "loaded = lambda: sorted(m for m in heavy if m in sys.modules)\n"
            "after_import = loaded()\n"
            f"govextract.extract({str(sample)!r}).cells()\n"
            "print(json.dumps({'after_import': after_import, 'after_extract': loaded()}))")
    return json.loads(_python(code))


def report(extraction: list[dict[str, object]], imports: dict[str, float], modules: dict[str, list[str]]) -> str:
    medians = [float(r["median_ms"]) for r in extraction]  # type: ignore[arg-type]
    overall = statistics.median(medians)
    with_tables = [float(r["median_ms"]) for r in extraction if r["cells"]]  # type: ignore[arg-type]
    lines = [f"{'case':<34}{'shape':<8}{'median ms':>10}{'min':>8}{'max':>8}"]
    for r in extraction:
        lines.append(f"{r['case']:<34}{r['rendition']:<8}{r['median_ms']:>10.2f}{r['min_ms']:>8.2f}{r['max_ms']:>8.2f}")
    by_shape = {}
    for r in extraction:
        by_shape.setdefault(str(r["rendition"]), []).append(float(r["median_ms"]))  # type: ignore[arg-type]
    lines += [
        "",
        "by shape (median of case medians): "
        + "  ".join(f"{s} {statistics.median(v):.2f}" for s, v in sorted(by_shape.items())),
        f"extraction  median {overall:.2f} ms over {len(medians)} reports, slowest {max(medians):.2f} ms "
        f"(target ≤ {EXTRACT_TARGET_MS:.0f} ms: {'met' if overall <= EXTRACT_TARGET_MS else 'MISSED'}); "
        f"{statistics.median(with_tables):.2f} ms over the {len(with_tables)} with statutory tables",
        f"import      {imports['import_s']:.3f} s inside a fresh interpreter "
        f"(target ≤ {IMPORT_TARGET_S} s: {'met' if imports['import_s'] <= IMPORT_TARGET_S else 'MISSED'})",
        f"process     python -c 'import govextract' {imports['process_import_s']:.3f} s vs python -c pass "
        f"{imports['process_pass_s']:.3f} s: ratio {imports['process_ratio']:.1f}",
        f"modules     after import {modules['after_import'] or 'none'} of {list(HEAVY)}; "
        f"after extracting tables {modules['after_extract'] or 'none'} "
        f"({'ok' if not modules['after_extract'] else 'PROBLEM: table extraction imports them'})",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=25, help="timed extractions per report (default 25)")
    parser.add_argument("--imports", type=int, default=7, help="fresh interpreters per import figure (default 7)")
    args = parser.parse_args()
    if args.repeats < 20 or args.imports < 5:
        parser.error("use at least 20 repeats and 5 import runs")
    extraction = time_extraction(args.repeats)
    imports = time_imports(args.imports)
    modules = modules_after_extraction()
    print(report(extraction, imports, modules))
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"core-{stamp}.json"
    medians = [float(r["median_ms"]) for r in extraction]  # type: ignore[arg-type]
    out.write_text(json.dumps({
        "when": stamp, "python": platform.python_version(), "machine": platform.machine(),
        "extraction": {"overall_median_ms": statistics.median(medians), "target_ms": EXTRACT_TARGET_MS,
                       "cases": extraction},
        "imports": imports | {"target_s": IMPORT_TARGET_S},
        "modules": modules,
    }, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\nresults written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
