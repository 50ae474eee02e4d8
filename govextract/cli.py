"""The command line, thin over the library API: `govextract extract FILE`, `govextract demo`."""
from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from importlib.resources import files

from . import GovextractError, Report, extract, extract_text


def cells_json(report: Report) -> str:
    """The flat cells plus report-level fields as JSON; Decimal money is written as an exact number."""
    fields = {"template": report.template, "year": report.year, "issuer": report.issuer}
    lines = [f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()]
    for key, value in report.cells().items():
        text = "null" if value is None else format(value, "f") if isinstance(value, Decimal) else str(value)
        lines.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(lines) + "\n}"


def summary(report: Report) -> str:
    """A readable page: who, which year, which tables, what looks wrong."""
    cells = report.cells()
    numbers = sum(1 for v in cells.values() if v is not None)
    out = [
        f"issuer    {report.issuer or '(not stated)'}",
        f"year      {report.year or '(not stated)'}",
        f"template  {report.template or '(no national table format)'}",
        f"shape     {report.source.shape or '-'}",
        f"sections  {', '.join(s.key for s in report.sections) or '-'}",
        f"cells     {numbers} numbers, {len(cells) - numbers} blank or unreadable",
    ]
    for name in type(report.tables).model_fields:
        table = getattr(report.tables, name)
        if table is not None:
            out.append(f"  {name:<18} form {table.form}")
    pick = [k for k in ("requests.new_received.total", "requests.total_processed.total",
                        "requests.carried_forward.total", "review_litigation.review.total",
                        "review_litigation.litigation_direct.total") if cells.get(k) is not None]
    for key in pick:
        out.append(f"  {key:<44} {cells[key]}")
    out.append(f"problems  {len(report.problems)}")
    for p in report.problems[:20]:
        out.append(f"  [{p.severity}] {p.code}: {p.message}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="govextract", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract one report and print JSON (exit 2: unreadable input; "
                                        "exit 3: read, but nothing could be extracted, e.g. a scan needing OCR)")
    ex.add_argument("file")
    ex.add_argument("--format", choices=["json", "cells", "summary"], default="json")
    sub.add_parser("demo", help="extract the bundled sample report and print a summary")
    args = parser.parse_args(argv)
    try:
        if args.command == "demo":
            text = files("govextract.sample").joinpath("shouguang_2019.txt").read_text(encoding="utf-8")
            print("govextract demo: the bundled sample report (寿光市 2019, web copy, cells one per line)\n")
            print(summary(extract_text(text)))
            return 0
        report = extract(args.file)
    except GovextractError as e:
        print(f"govextract: {args.__dict__.get('file', 'demo')}: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    if args.format == "cells":
        print(cells_json(report))
    elif args.format == "summary":
        print(summary(report))
    else:
        print(report.model_dump_json(indent=1))
    if report.status != "ok":
        print(f"govextract: {args.file}: {report.status}: {report.problems[0].message}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
