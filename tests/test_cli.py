"""The command line: demo, extract --format cells, errors on stderr with exit status 2."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import govextract
from govextract.cli import main

CORPUS = Path(__file__).resolve().parent.parent / "corpora"
SAMPLE_GOLD = json.loads((CORPUS / "gold" / "shouguang_2019.json").read_text(encoding="utf-8"))
MONEY_REPORT = CORPUS / "files" / "pingtan_2021" / "pipe.txt"  # prints 本年收费金额 24252.311082 万元


def test_demo_prints_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert SAMPLE_GOLD["issuer"] in out
    assert str(SAMPLE_GOLD["year"]) in out
    assert "requests.new_received.total" in out


def test_extract_cells_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(MONEY_REPORT), "--format", "cells"]) == 0
    out = capsys.readouterr().out
    printed = json.loads(out, parse_float=Decimal)
    report = govextract.extract(MONEY_REPORT)
    cells = report.cells()
    assert set(printed) == set(cells) | {"template", "year", "issuer"}
    assert {k: printed[k] for k in cells} == cells
    money = printed["art20_8.administrative_fees.fee_amount"]
    assert isinstance(money, Decimal) and money == Decimal("24252.311082")
    assert all(not isinstance(v, float) for v in printed.values())
    assert (printed["template"], printed["year"], printed["issuer"]) == (report.template, report.year, report.issuer)


def test_extract_json_is_the_full_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(MONEY_REPORT)]) == 0
    dumped = json.loads(capsys.readouterr().out)
    assert dumped["tables"]["art20_8"]["administrative_fees"]["fee_amount"]["raw"] == "24252.311082"


@pytest.mark.parametrize("content", [b"", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, bytes(range(256)) * 8],
                         ids=["empty", "legacy-doc", "binary"])
def test_bad_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    assert main(["extract", str(path), "--format", "cells"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(path) in captured.err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "nope.txt" in captured.err


def test_console_script_runs() -> None:
    script = shutil.which("govextract") or str(Path(sys.executable).with_name("govextract"))
    done = subprocess.run([script, "demo"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert SAMPLE_GOLD["issuer"] in done.stdout
