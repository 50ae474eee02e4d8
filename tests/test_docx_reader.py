"""The DOCX reader: the dev documents against gold, body order, merged cells, Word markup that must not
double or invent text, and hostile files (other zips, bombs, truncation, random bytes)."""
from __future__ import annotations

import csv
import io
import random
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from test_corpus import gold, score

import govextract
from govextract.errors import GovextractError, InputTooLarge, UnreadableInput, UnsupportedFormat
from govextract.load import Source, source_from_bytes
from govextract.pipeline import build_report
from govextract.readers.docx import MAX_UNCOMPRESSED_BYTES, read_docx

CORPUS = Path(__file__).resolve().parent.parent / "corpora"
DOCX_CASES = [c for c in csv.DictReader((CORPUS / "cases.tsv").open(encoding="utf-8"), delimiter="\t")
              if c["rendition"] == "docx"]
TITLE = "某某县人民政府2023年政府信息公开工作年度报告"


def saved(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def at(source: Source, row: int, col: int, table: int = 0) -> str:
    (cell,) = [c for c in source.cells if (c.table, c.row, c.col) == (table, row, col)]
    return source.text[cell.start:cell.end]


# ---- the real reports ----------------------------------------------------------------------------

@pytest.mark.parametrize("case", DOCX_CASES, ids=[c["report_id"] for c in DOCX_CASES])
def test_dev_docx_cells_match_gold(case: dict) -> None:
    report = build_report(read_docx((CORPUS / case["path"]).read_bytes(), case["path"]))
    expected = gold(case["report_id"])
    s = score(expected, report.cells(), "docx")
    assert s.cells > 100
    assert s.right / s.cells >= 0.99, s.wrong[:10]
    assert s.spurious == [] and s.ambiguous_wrong == []
    assert (report.year, str(report.template)) == (expected["year"], expected["template"])


# ---- structure -----------------------------------------------------------------------------------

def test_paragraphs_and_tables_keep_their_order_and_merged_cells_are_written_once() -> None:
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("二、主动公开政府信息情况")
    table = document.add_table(rows=4, cols=4)
    for (r, c), text in {(0, 0): "项目", (0, 2): "自然人", (0, 3): "总计", (1, 0): "（三）不予公开",
                         (1, 1): "1.属于国家秘密", (1, 2): "2", (1, 3): "2", (2, 1): "2.其他", (2, 2): "0",
                         (2, 3): "0", (3, 0): "四、结转", (3, 2): "1", (3, 3): "1"}.items():
        table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(0, 1))  # gridSpan
    table.cell(1, 0).merge(table.cell(2, 0))  # vMerge: restart, continue
    table.cell(3, 0).merge(table.cell(3, 1))
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    source = read_docx(saved(document), None)
    assert source.text.splitlines() == [
        TITLE, "二、主动公开政府信息情况",
        "项目\t自然人\t总计",
        "（三）不予公开\t1.属于国家秘密\t2\t2",
        "2.其他\t0\t0",
        "四、结转\t1\t1",
        "三、收到和处理政府信息公开申请情况",
    ]
    assert (at(source, 0, 2), at(source, 1, 0), at(source, 2, 1), at(source, 3, 2)) == ("自然人", "（三）不予公开", "2.其他", "1")
    assert all(c.page is None and c.bbox is None for c in source.cells)


def test_a_cell_of_several_paragraphs_is_one_cell() -> None:
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "结果"
    table.cell(0, 0).add_paragraph("维持")
    table.cell(0, 1).text = "3"
    assert read_docx(saved(document), None).text.splitlines()[1] == "结果 维持\t3"


def test_tab_stops_text_box_fallbacks_and_content_controls() -> None:
    """A tab stop is layout, not a tab; a text box is stored twice (drawing and VML fallback) but shown
    once; a content control wraps body paragraphs that are text like any other."""
    document = docx.Document()
    paragraph = document.add_paragraph(TITLE)
    paragraph.paragraph_format.tab_stops.add_tab_stop(docx.shared.Cm(3))
    box = (f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
           '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框中文字</w:t>'
           '</w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>'
           '<w:t>框中文字</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    document.add_paragraph("正文").paragraph_format.element.append(parse_xml(box))
    control = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>控件中的段落</w:t></w:r></w:p>'
                        '</w:sdtContent></w:sdt>')
    document.element.body.insert(len(document.element.body) - 1, control)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "行政许可"
    tc = table.rows[0].cells[1]._tc  # the second cell inside a content control
    wrapper = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtContent/></w:sdt>')
    tc.addprevious(wrapper)
    wrapper[0].append(tc)
    tc.clear_content()
    tc.add_p().add_r().text = "12"
    assert read_docx(saved(document), None).text.splitlines() == [TITLE, "正文框中文字", "控件中的段落", "行政许可\t12"]


def test_a_docx_through_load_and_extract(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes((CORPUS / DOCX_CASES[0]["path"]).read_bytes())
    report = govextract.extract(path)
    assert report.source.kind == "docx" and report.cells()
    assert report.year == gold(DOCX_CASES[0]["report_id"])["year"]


# ---- documents that cannot be read as they are ---------------------------------------------------

def zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def test_a_zip_that_is_not_a_word_document_is_unsupported() -> None:
    for files in ({"data.csv": b"a,b\n1,2\n"}, {"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<Types/>"}):
        with pytest.raises(UnsupportedFormat, match="not a Word document"):
            source_from_bytes(zipped(files))


def test_a_decompression_bomb_is_refused_before_inflating() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z, \
            z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(MAX_UNCOMPRESSED_BYTES // len(chunk) + 1):
                f.write(chunk)
    data = out.getvalue()
    assert len(data) < 1_000_000
    with pytest.raises(InputTooLarge):
        read_docx(data, None)


def test_a_truncated_or_damaged_docx_is_unreadable() -> None:
    data = (CORPUS / DOCX_CASES[0]["path"]).read_bytes()
    for cut in (len(data) // 2, len(data) - 30, 10):
        with pytest.raises(UnreadableInput):
            read_docx(data[:cut], None)
    document = docx.Document()
    document.add_paragraph(TITLE)
    broken = zipped({name: (b"<w:document><w:body>" if name == "word/document.xml" else content)
                     for name, content in _parts(saved(document)).items()})
    with pytest.raises(UnreadableInput):
        read_docx(broken, None)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_pictures_without_text_need_ocr_and_an_empty_document_is_unreadable() -> None:
    document = docx.Document()
    document.add_paragraph("")
    with pytest.raises(UnreadableInput, match="no text"):
        read_docx(saved(document), None)
    scanned = _parts(saved(document))
    scanned["word/media/image1.png"] = b"\x89PNG\r\n\x1a\n"
    source = read_docx(zipped(scanned), "scan.docx")
    assert source.status == "needs_ocr" and source.text == "" and "OCR" in (source.message or "")


@pytest.mark.parametrize("seed", range(3))
def test_random_bytes_named_docx_are_refused_with_a_typed_error(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    noise = bytes(rng.randrange(256) for _ in range(5000))
    for data in (noise, b"PK\x03\x04" + noise):
        path = tmp_path / "report.docx"
        path.write_bytes(data)
        with pytest.raises(GovextractError):
            govextract.extract(path)
