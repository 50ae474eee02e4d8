"""The PDF reader: the real dev PDFs against gold, tables with and without rules, tables continued over
pages, provenance, scans, and hostile files (encrypted, truncated, bombs, random bytes)."""
from __future__ import annotations

import csv
import io
import random
from decimal import Decimal
from functools import cache
from pathlib import Path

import pdfplumber
import pytest
from pdf_maker import HEIGHT, Page, make_pdf
from synthetic import make_report
from test_corpus import gold, score

import govextract
from govextract.errors import EncryptedDocument, GovextractError, InputTooLarge, UnreadableInput
from govextract.load import Source, source_from_bytes
from govextract.pipeline import build_report
from govextract.readers.pdf import MAX_PAGES, read_pdf
from govextract.readers.pdf_limits import MAX_FONT_BYTES, MAX_PAGE_CONTENT_BYTES, MAX_PAGE_TEXT_BYTES
from govextract.readers.pdf_page import figure

CORPUS = Path(__file__).resolve().parent.parent / "corpora"
PDF_CASES = [c for c in csv.DictReader((CORPUS / "cases.tsv").open(encoding="utf-8"), delimiter="\t")
             if c["rendition"] == "pdf"]


def pdf_source(case: dict) -> Source:
    return _read(case["path"])


@cache
def _read(path: str) -> Source:
    """Each dev PDF is read once per session (several tests look at the same report)."""
    return read_pdf((CORPUS / path).read_bytes(), path)


def rows_of(source: Source) -> list[list[str]]:
    return [line.split("\t") for line in source.text.splitlines() if "\t" in line]


# ---- the real reports ----------------------------------------------------------------------------

@pytest.mark.parametrize("case", PDF_CASES, ids=[c["report_id"] for c in PDF_CASES])
def test_dev_pdf_cells_match_gold(case: dict) -> None:
    source = pdf_source(case)
    report = build_report(source)
    expected = gold(case["report_id"])
    s = score(expected, report.cells(), "pdf")
    assert s.cells > 100
    assert s.right / s.cells >= 0.99, s.wrong[:10]
    assert s.spurious == [] and s.ambiguous_wrong == []
    assert (report.year, str(report.template)) == (expected["year"], expected["template"])
    assert str(expected["year"]) in source.text[:300]  # the title comes first


@pytest.mark.parametrize("case", PDF_CASES[:3], ids=[c["report_id"] for c in PDF_CASES[:3]])
def test_each_figure_points_at_the_box_on_the_page_that_prints_it(case: dict) -> None:
    report = build_report(pdf_source(case))
    tables = [getattr(report.tables, key) for key in type(report.tables).model_fields]
    figures = [cell for table in tables if table is not None for _, row in table.row_items() if row is not None
               for _, cell in row.cell_items() if cell is not None and cell.value is not None]
    assert len(figures) > 100
    with pdfplumber.open(CORPUS / case["path"]) as pdf:
        for cell in random.Random(7).sample(figures, 25):
            assert cell.where is not None and cell.where.page is not None and cell.where.bbox is not None
            page = pdf.pages[cell.where.page - 1]
            printed = page.crop(cell.where.bbox, strict=False).extract_text()
            assert cell.raw in "".join(printed.split())


def test_a_table_cut_by_a_page_break_is_one_table() -> None:
    """huaian reports split the requests table over two pages with no rule where the page ends."""
    case = next(c for c in PDF_CASES if c["report_id"] == "huaian_hongzequ_2023")
    source = pdf_source(case)
    requests = [c for c in source.cells if source.text[c.start:c.end] == "一、本年新收政府信息公开申请数量"]
    total = [c for c in source.cells if source.text[c.start:c.end] == "四、结转下年度继续办理"]
    assert len(requests) == len(total) == 1
    assert requests[0].table == total[0].table and requests[0].page == total[0].page - 1
    assert ["三、本年度办理结果", "（一）予以公开", "0", "0", "0", "0", "0", "0", "0"] in rows_of(source)


def test_vertical_and_wrapped_labels_are_one_line() -> None:
    case = next(c for c in PDF_CASES if c["report_id"] == "huaian_hongzequ_2023")
    rows = rows_of(pdf_source(case))
    assert any(row[0] == "三、本年度办理结果" for row in rows)
    assert ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"] in rows


# ---- generated documents -------------------------------------------------------------------------

def laid_out(text: str, ruled: bool) -> bytes:
    """A tabs-shaped report printed on A4 pages, each tab-separated row of a table in columns.

    Ruled tables wrap cell text at CELL_CHARS characters (cells of several lines); tables without
    rules keep each cell on one line, in a small font so the widest row fits the page, with the cells
    of a row of figures set flush right so the figures stand in their columns.
    """
    size = 7.0 if ruled else 4.0
    pitch = 2 * size if ruled else 3 * size  # wide line spacing spreads the small print over two pages
    pages = [Page()]
    top = 40.0

    def room(height: float) -> None:
        nonlocal top
        if top + height > HEIGHT - 50:
            pages.append(Page())
            top = 40.0

    lines = text.split("\n")
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        if j == i:
            for k in range(0, max(len(lines[i]), 1), 60):
                room(pitch)
                pages[-1].text(30, top, lines[i][k:k + 60], size)
                top += pitch
            i += 1
            continue
        rows = [[_wrapped(cell, CELL_CHARS if ruled else None) for cell in line.split("\t")] for line in lines[i:j]]
        n = max(map(len, rows))
        # without rules the figures must stand in their columns: a row of figures is set flush right
        starts = [n - len(r) if not ruled and figure(r[-1][0]) else 0 for r in rows]
        widths = [max([(max(map(len, r[c - k])) + 2) * size for r, k in zip(rows, starts) if 0 <= c - k < len(r)],
                      default=size) for c in range(n)]
        xs = [30.0]
        for w in widths:
            xs.append(xs[-1] + w)
        for row, k in zip(rows, starts):
            height = (max(map(len, row)) - 1) * 1.3 * size + pitch
            room(height)
            for c, cell in enumerate(row, k):
                right = xs[c + 1] if c < k + len(row) - 1 else xs[-1]
                if ruled:
                    for edge in ((xs[c], top, right, top), (xs[c], top + height, right, top + height),
                                 (xs[c], top, xs[c], top + height), (right, top, right, top + height)):
                        pages[-1].rule(*edge)
                for n, part in enumerate(cell):
                    pages[-1].text(xs[c] + size, top + (0.35 + 1.3 * n) * size, part, size)
            top += height
        i = j
    return make_pdf(pages)


CELL_CHARS = 12


def _wrapped(cell: str, width: int | None) -> list[str]:
    if not cell or width is None:
        return [cell]
    return [cell[k:k + width] for k in range(0, len(cell), width)]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize("seed", [1, 2])
def test_generated_reports_over_several_pages_read_back(seed: int, ruled: bool) -> None:
    """A whole synthetic report laid out over pages; tables without rules are found by alignment."""
    synthetic = make_report(seed, "2021" if seed % 2 else "2019", "tabs", markers=False)
    prose = "全年主动公开政府信息，做好政策解读和回应关切工作。" * 2
    text = synthetic.text.replace("一、总体情况\n", "一、总体情况\n" + (prose + "\n") * (10 + 15 * seed), 1)
    data = laid_out(text, ruled)
    source = read_pdf(data, None)
    assert source.text.count("\n") > 40
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 2
    report = build_report(source)
    want = {k: v for k, v in synthetic.truth.items() if v is not None}
    got = report.cells()
    assert {k: got.get(k) for k in want} == want
    assert (report.year, report.issuer) == (synthetic.year, synthetic.issuer)
    assert all(c.page is not None and c.bbox is not None for c in source.cells)


def split_table() -> bytes:
    """A ruled table over two pages: the header repeated on page 2, a row cut in two by the break (its
    label goes on, its figures stand above), and a group label whose merged cell goes on over the break."""
    xs = [60, 150, 250, 320, 390]
    first, second = Page(), Page()
    first.text(60, 40, "某某县人民政府2023年政府信息公开工作年度报告", 14)
    ys = [700, 720, 740, 760, 780, 800]
    header = [(0, 0, 1, 2, "项目"), (0, 2, 1, 1, "自然人"), (0, 3, 1, 1, "法人")]
    first.grid(xs, ys, header + [
        (1, 0, 1, 2, "一、本年新收"), (1, 2, 1, 1, "5"), (1, 3, 1, 1, "1"),
        (2, 0, 3, 1, "（三）不予公开"), (2, 1, 1, 1, "1.属于国家秘密"), (2, 2, 1, 1, "2"), (2, 3, 1, 1, "0"),
        (3, 1, 1, 1, "2.其他法律"), (3, 2, 1, 1, "1"), (3, 3, 1, 1, "3"),
        (4, 1, 1, 1, "3.危及“三安全"), (4, 2, 1, 1, "4"), (4, 3, 1, 1, "2"),
    ])
    first.rules = [r for r in first.rules if not r[1] == r[3] == 800]  # no rule where the break cuts
    ys2 = [60, 80, 100, 120, 140]
    second.grid(xs, ys2, header + [
        (1, 0, 2, 1, ""), (1, 1, 1, 1, "一稳定”"), (1, 2, 1, 1, ""), (1, 3, 1, 1, ""),
        (2, 1, 1, 1, "4.保护第三方"), (2, 2, 1, 1, "7"), (2, 3, 1, 1, "8"),
        (3, 0, 1, 2, "四、结转下年度"), (3, 2, 1, 1, "9"), (3, 3, 1, 1, "6"),
    ])
    second.text(60, 160, "五、存在的主要问题及改进情况")
    return make_pdf([first, second])


def test_a_split_table_keeps_one_header_joins_the_cut_row_and_extends_the_merged_label() -> None:
    source = read_pdf(split_table(), None)
    assert rows_of(source) == [
        ["项目", "自然人", "法人"],
        ["一、本年新收", "5", "1"],
        ["（三）不予公开", "1.属于国家秘密", "2", "0"],
        ["2.其他法律", "1", "3"],
        ["3.危及“三安全一稳定”", "4", "2"],
        ["4.保护第三方", "7", "8"],
        ["四、结转下年度", "9", "6"],
    ]
    label = next(c for c in source.cells if source.text[c.start:c.end] == "（三）不予公开")
    assert {c.table for c in source.cells} == {0}
    assert label.page == 1 and (label.row, label.col) == (2, 0)
    moved = next(c for c in source.cells if source.text[c.start:c.end] == "4.保护第三方")
    assert (moved.page, moved.row, moved.col) == (2, 5, 1)


def test_a_figure_wrapped_in_a_narrow_cell_is_one_number_and_wrapped_words_keep_their_space() -> None:
    page = Page()
    page.text(60, 40, "某某县人民政府2023年政府信息公开工作年度报告", 14)
    page.grid([60, 260, 360], [100, 140], [(0, 0, 1, 1, ""), (0, 1, 1, 1, "")])
    for n, (left, right) in enumerate([("行政事业性收费", "24252.3"), ("（单位：万元）", "11082")]):
        page.text(62, 104 + 14 * n, left)
        page.text(262, 104 + 14 * n, right)
    page.grid([60, 260, 360], [160, 200], [(0, 0, 1, 1, ""), (0, 1, 1, 1, "3")])
    page.text(62, 164, "Open Government")
    page.text(62, 178, "Data")
    source = read_pdf(make_pdf([page]), None)
    assert rows_of(source) == [["行政事业性收费（单位：万元）", "24252.311082"], ["Open Government Data", "3"]]


def test_white_boxes_behind_text_are_not_tables() -> None:
    """Word exports paint a white box behind every paragraph line; body text stays text."""
    page = Page()
    page.text(60, 40, "某某县人民政府2023年政府信息公开工作年度报告", 14)
    for k in range(12):
        top = 80 + 24 * k
        page.fill(60, top, 535, top + 24)
        page.text(60, top + 6, f"第{k}行正文，本行文字在白色底框之中，不是表格，也不该被读成表格的单元格。")
    source = read_pdf(make_pdf([page]), None)
    assert source.cells == () and "\t" not in source.text
    assert "第0行正文" in source.text and "第11行正文" in source.text


def test_text_printed_twice_for_bold_is_read_once() -> None:
    page = Page()
    for dx in (0, 0.4):
        page.text(60 + dx, 40, "某某县人民政府2023年政府信息公开工作年度报告", 14)
        page.grid([60, 200, 260], [100, 120], [(0, 0, 1, 1, "四、结转下年度继续办理"), (0, 1, 1, 1, "12")])
    page.text(60, 140, "本报告由某某县人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。")
    source = read_pdf(make_pdf([page]), None)
    assert source.text.splitlines()[:2] == ["某某县人民政府2023年政府信息公开工作年度报告", "四、结转下年度继续办理\t12"]


def test_running_page_numbers_are_dropped_and_a_paragraph_goes_on_over_the_page() -> None:
    pages = [Page(), Page()]
    pages[0].text(60, 40, "某某县人民政府2023年政府信息公开工作年度报告", 14)
    sentence = "这是一段很长的正文，它从第一页的最后一行开始，一直写到了版心的右边，然后转到下一页，"
    pages[0].text(60, 760, sentence)
    pages[1].text(60, 60, "在第二页的第一行结束。")
    for n, page in enumerate(pages, 1):
        page.text(290, 800, f"- {n} -")
    text = read_pdf(make_pdf(pages), None).text
    assert "- 1 -" not in text and "- 2 -" not in text
    assert sentence + "在第二页的第一行结束。" in text


# ---- documents that cannot be read as they are ---------------------------------------------------

def test_a_scanned_pdf_needs_ocr() -> None:
    pages = [Page(image=True), Page(image=True)]
    pages[0].text(500, 800, "1/2")  # a page number is all the text a scan carries
    source = read_pdf(make_pdf(pages), "scan.pdf")
    assert (source.status, source.text, source.cells) == ("needs_ocr", "", ())
    assert "OCR" in (source.message or "")
    report = build_report(source)
    assert report.status == "needs_ocr" and report.cells() == {}


def test_glyphs_that_name_no_characters_need_ocr() -> None:
    page = Page()
    page.text(60, 40, "某某县人民政府2023年政府信息公开工作年度报告", 14)
    page.text(60, 80, "本报告由某某县人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。")
    source = read_pdf(make_pdf([page], unmapped=True), None)
    assert source.status == "needs_ocr" and "ToUnicode" in (source.message or "")
    assert read_pdf(make_pdf([page]), None).status == "ok"


def test_a_password_protected_pdf_is_a_typed_error() -> None:
    page = Page()
    page.text(60, 40, "某某县人民政府2023年政府信息公开工作年度报告", 14)
    page.text(60, 80, "本报告由某某县人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。")
    with pytest.raises(EncryptedDocument, match="password"):
        read_pdf(make_pdf([page], user_password="secret"), None)
    # restrictions with an empty open password (common in published reports) do not stop reading
    assert "年度报告" in read_pdf(make_pdf([page], user_password=""), None).text


def test_a_truncated_pdf_is_unreadable() -> None:
    data = (CORPUS / PDF_CASES[0]["path"]).read_bytes()
    for cut in (len(data) // 2, len(data) - 100, 40):
        with pytest.raises(UnreadableInput):
            read_pdf(data[:cut], None)


def test_a_broken_page_tree_is_recovered_and_a_pdf_without_objects_is_unreadable() -> None:
    page = Page()
    page.text(60, 40, "某某县人民政府2023年政府信息公开工作年度报告", 14)
    page.text(60, 80, "本报告由某某县人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。")
    data = make_pdf([page])
    lost_tree = data.replace(b"/Pages 2 0 R", b"/Pages 9 0 R")  # the pages are found by scanning the objects
    assert "年度报告" in read_pdf(lost_tree, None).text
    with pytest.raises(UnreadableInput):
        read_pdf(data.replace(b" obj\n", b" jbo\n"), None)


@pytest.mark.parametrize("seed", range(3))
def test_random_bytes_named_pdf_are_refused_with_a_typed_error(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    noise = bytes(rng.randrange(256) for _ in range(5000))
    for data in (noise, b"%PDF-1.7\n" + noise, b"%PDF-1.7\n" + noise + b"\n%%EOF\n"):
        path = tmp_path / "report.pdf"
        path.write_bytes(data)
        with pytest.raises(GovextractError):
            govextract.extract(path)


def test_too_many_pages_is_refused_before_reading() -> None:
    with pytest.raises(InputTooLarge, match="pages"):
        read_pdf(make_pdf([Page() for _ in range(MAX_PAGES + 1)]), None)


def test_a_content_stream_bomb_is_refused() -> None:
    page = Page(padding=MAX_PAGE_CONTENT_BYTES + 1)  # a few KB that inflate past the page budget
    page.text(60, 40, "某某县人民政府2023年政府信息公开工作年度报告", 14)
    data = make_pdf([page])
    assert len(data) < 100_000
    with pytest.raises(InputTooLarge, match="inflates"):
        read_pdf(data, None)


def test_a_font_program_bomb_is_refused() -> None:
    page = Page()
    page.text(60, 40, "某某县人民政府2023年政府信息公开工作年度报告", 14)
    page.text(60, 80, "本报告由某某县人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。")
    assert "年度报告" in read_pdf(make_pdf([page], font_program=1000), None).text
    data = make_pdf([page], font_program=MAX_FONT_BYTES + 1)
    assert len(data) < 200_000
    with pytest.raises(InputTooLarge, match="font"):
        read_pdf(data, None)


def test_a_page_drawing_too_many_characters_is_refused_before_it_is_interpreted() -> None:
    page = Page()
    page.text(60, 40, "某" * (MAX_PAGE_TEXT_BYTES // 2 + 1), 1)  # two bytes a character in this font
    with pytest.raises(InputTooLarge, match="characters"):
        read_pdf(make_pdf([page]), None)


@pytest.mark.parametrize("seed", range(4))
def test_damaged_bytes_give_a_source_or_a_typed_error(seed: int) -> None:
    rng = random.Random(seed)
    data = bytearray((CORPUS / PDF_CASES[seed % len(PDF_CASES)]["path"]).read_bytes())
    for _ in range(rng.choice([3, 30, 300])):
        data[rng.randrange(len(data) - 2048)] = rng.randrange(256)
    try:
        source = read_pdf(bytes(data), None)
    except GovextractError:
        return
    assert source.status in ("ok", "needs_ocr") and (source.text or source.status == "needs_ocr")


def test_the_pdf_path_through_load_and_extract(tmp_path: Path) -> None:
    synthetic = make_report(5, "2021", "tabs", markers=False)
    path = tmp_path / "r.pdf"
    path.write_bytes(laid_out(synthetic.text, ruled=True))
    report = govextract.extract(path)
    assert report.source.kind == "pdf"
    assert report.cells()["requests.new_received.total"] == synthetic.truth["requests.new_received.total"]
    assert source_from_bytes(path.read_bytes()).kind == "pdf"
    assert isinstance(report.cells()["requests.new_received.total"], (int, Decimal))


def test_the_cli_says_a_scan_needs_ocr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from govextract.cli import main

    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([Page(image=True)]))
    assert main(["extract", str(path)]) == 3
    out, err = capsys.readouterr()
    assert '"status": "needs_ocr"' in out
    assert "needs_ocr" in err and "OCR" in err
