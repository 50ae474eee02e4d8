"""Bad input gives a typed error or a report, never a crash, and never takes more than a second.

Hypothesis' per-example deadline (1000 ms) is the time bound; examples are kept few so the file runs fast.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govextract
from govextract.load import MAX_TEXT_BYTES
from govextract.schema import Report
from govextract.templates import templates

CORPUS = Path(__file__).resolve().parent.parent / "corpora"
REPORTS = sorted((CORPUS / "files").glob("*/*.txt")) + sorted((CORPUS / "files").glob("*/*.md"))
TEXTS = [p.read_text(encoding="utf-8") for p in REPORTS]
QUICK = settings(max_examples=100, deadline=1000, suppress_health_check=[HealthCheck.function_scoped_fixture])


def survives(call: Callable[[], Report]) -> Report | None:
    """Run `call`: a report whose flat view works, or one of the library's own errors (None)."""
    try:
        report = call()
    except govextract.GovextractError:
        return None
    assert isinstance(report, Report)
    assert all(v is None or type(v) in (int, Decimal) for v in report.cells().values())
    return report


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    """Patterns load and compile on the first call; the deadline is for each call after that."""
    govextract.extract_text(TEXTS[0])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("robustness")


# ---- random input ---------------------------------------------------------------------------

def _fragments() -> list[str]:
    """Pieces real tables are made of: labels, captions, numbers, markers and separators."""
    spec = templates()
    labels = [r.label for r in spec.requests.rows] + [c.label for c in spec.requests.columns]
    labels += [c.label for c in spec.review.columns] + ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"]
    for table in spec.art20:
        labels += [f"第二十条第（{table.item}）项", "信息内容"] + [r.label for r in table.rows]
        labels += [c.label for form in table.forms.values() for c in form.columns]
    labels += ["三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "（六）其他处理", "-3-"]
    numbers = ["0", "1", "7", "12", "365", "2019", "+111", "-8", "—2", "1,234", "46.49亿元", "251000元", "１２", "无", "/"]
    return labels + numbers + ["|", "\n|\n", "\t", "\n", " ", "   ", "| --- |", "年", "。"]


@QUICK
@given(st.text(max_size=3000))
def test_random_text(text: str) -> None:
    survives(lambda: govextract.extract_text(text))


@QUICK
@given(st.lists(st.sampled_from(_fragments()), min_size=50, max_size=600).map("".join))
def test_table_like_text(text: str) -> None:
    survives(lambda: govextract.extract_text(text))


MAGIC = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body><table><tr><td>", b"\xef\xbb\xbf", b"\xff\xfe",
         b"\xd0\xcf\x11\xe0", b"{\\rtf1"]


@QUICK
@given(prefix=st.sampled_from(MAGIC), body=st.binary(max_size=4096))
def test_random_bytes(scratch: Path, prefix: bytes, body: bytes) -> None:
    path = scratch / "random.bin"
    path.write_bytes(prefix + body)
    survives(lambda: govextract.extract(path))


# ---- real reports, damaged -----------------------------------------------------------------------

@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A corpus report with spans deleted, duplicated or swapped."""
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 6))):
        n = len(text)
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, min(n, a + 400)))
        op = draw(st.sampled_from(["delete", "duplicate", "swap"]))
        if op == "delete":
            text = text[:a] + text[b:]
        elif op == "duplicate":
            text = text[:b] + text[a:b] + text[b:]
        else:
            c = draw(st.integers(b, n))
            d = draw(st.integers(c, min(n, c + 400)))
            text = text[:a] + text[c:d] + text[b:c] + text[a:b] + text[d:]
    return text


@QUICK
@given(mutated())
def test_mutated_report_text(text: str) -> None:
    survives(lambda: govextract.extract_text(text))


@QUICK
@given(source=st.sampled_from(REPORTS), cut=st.floats(0, 1), encoding=st.sampled_from(["utf-8", "gbk"]))
def test_truncated_report_file(scratch: Path, source: Path, cut: float, encoding: str) -> None:
    data = source.read_text(encoding="utf-8").encode(encoding)
    path = scratch / "truncated.txt"
    path.write_bytes(data[: int(len(data) * cut)])  # may cut a character in half
    survives(lambda: govextract.extract(path))


# ---- particular bad inputs -------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b" \n\t \r\n  ", "\u3000\n".encode()],
                         ids=["empty", "spaces", "ideographic"])
def test_empty_input(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(govextract.UnreadableInput):
        govextract.extract(path)


def test_binary_input(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(govextract.UnreadableInput):
        govextract.extract(path)


REFERENCE = CORPUS / "files" / "pingtan_2021" / "pipe.txt"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-8-sig"])
def test_other_encodings_read_the_same(tmp_path: Path, encoding: str) -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    path = tmp_path / f"report.{encoding}.txt"
    path.write_bytes(text.encode(encoding))  # utf-16 and utf-8-sig start with a BOM
    if encoding == "utf-16":
        assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    want = govextract.extract(REFERENCE)
    got = govextract.extract(path)
    assert got.source.encoding is not None and got.source.encoding.replace("_", "-") != "utf-8"
    assert (got.template, got.year, got.issuer) == (want.template, want.year, want.issuer)
    assert got.cells() == want.cells()
    assert len(got.cells()) > 100


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(MAX_TEXT_BYTES + 1)  # sparse: nothing is written or read
    with pytest.raises(govextract.InputTooLarge):
        govextract.extract(path)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(govextract.GovextractError):
        govextract.extract(tmp_path)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(govextract.UnreadableInput):
        govextract.extract(tmp_path / "missing.txt")


def test_extract_text_refuses_bytes() -> None:
    with pytest.raises(TypeError):
        govextract.extract_text(b"bytes")  # type: ignore[arg-type]
