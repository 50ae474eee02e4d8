"""The HTML reader: charsets, table grids, Word markup, page chrome, hostile pages, the real pages."""
from __future__ import annotations

import csv
import json
import random
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from govextract.errors import GovextractError, InputTooLarge, UnreadableInput
from govextract.load import Source, sniff, source_from_bytes
from govextract.pipeline import build_report
from govextract.readers.html import MAX_HTML_BYTES, MAX_HTML_TAGS, read_html

CORPUS = Path(__file__).resolve().parent.parent / "corpora"
CASES = list(csv.DictReader((CORPUS / "cases.tsv").open(encoding="utf-8"), delimiter="\t"))
HTML_CASES = [c for c in CASES if c["rendition"] == "html"]
TEXT_FILES = [c for c in CASES if c["path"].endswith((".txt", ".md"))]


def page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def lines(source: Source) -> list[str]:
    return source.text.splitlines()


def at(source: Source, table: int, row: int, col: int) -> str:
    """The rendered text of the document cell at (table, row, col)."""
    (cell,) = [c for c in source.cells if (c.table, c.row, c.col) == (table, row, col)]
    return source.text[cell.start:cell.end]


# ---- table grids ---------------------------------------------------------------------------------

SPANNED = """<table>
<tr><td rowspan="2" colspan="2">A</td><td colspan="2">B</td></tr>
<tr><td>C</td><td>D</td></tr>
<tr><td rowspan="2">E</td><td>F</td><td>G</td><td>H</td></tr>
<tr><td>I</td><td>J</td><td>K</td></tr>
</table>"""


def test_a_spanning_cell_is_written_once_where_it_starts() -> None:
    source = read_html(page(SPANNED), None)
    assert lines(source) == ["A\tB", "C\tD", "E\tF\tG\tH", "I\tJ\tK"]
    expected = {"A": (0, 0), "B": (0, 2), "C": (1, 2), "D": (1, 3), "E": (2, 0), "F": (2, 1), "I": (3, 1),
                "K": (3, 3)}
    for text, (row, col) in expected.items():
        assert at(source, 0, row, col) == text


def test_header_and_body_colspans_that_disagree_keep_their_order() -> None:
    html = """<table><tr><td>信息内容</td><td colspan="2">本年增/减</td><td>处理决定数量</td></tr>
    <tr><td>行政许可</td><td colspan="2">12</td><td>-3</td><td>40</td></tr></table>"""
    source = read_html(page(html), None)
    assert lines(source) == ["信息内容\t本年增/减\t处理决定数量", "行政许可\t12\t-3\t40"]
    assert at(source, 0, 1, 3) == "-3" and at(source, 0, 1, 4) == "40"


def test_empty_rows_are_not_written() -> None:
    spacer = '<tr height="0"><td width="80"></td><td width="60">&nbsp;</td><td></td><td></td></tr>'
    source = read_html(page(SPANNED.replace("</table>", spacer + "</table>")), None)
    assert lines(source) == ["A\tB", "C\tD", "E\tF\tG\tH", "I\tJ\tK"]


def test_a_long_rowspan_covers_the_rows_below() -> None:
    rows = "".join(f"<tr><td>r{i}</td><td>{i}</td></tr>" for i in range(1, 22))
    html = f'<table><tr><td rowspan="22">三、本年度办理结果</td><td>r0</td><td>0</td></tr>{rows}</table>'
    source = read_html(page(html), None)
    assert all(at(source, 0, i, 1) == f"r{i}" and at(source, 0, i, 2) == str(i) for i in range(22))


def test_hostile_span_values_are_capped() -> None:
    html = """<table><tr><td rowspan="0" colspan="99999999999999999999">x</td><td colspan="junk">y</td></tr>
    <tr><td>z</td></tr></table>"""
    source = read_html(page(html), None)
    assert at(source, 0, 0, 0) == "x" and at(source, 0, 1, 1000) == "z"


def test_a_grid_too_large_for_a_report_is_read_as_lines() -> None:
    rows = '<tr><td colspan="1000" rowspan="65534">x</td></tr>' * 300
    source = read_html(page(f"<table>{rows}</table>"), None)
    assert source.cells == () and lines(source) == ["x"] * 300


# ---- charsets ------------------------------------------------------------------------------------

TITLE = "平潭综合实验区2021年度政府信息公开工作年度报告"


@pytest.mark.parametrize("meta", ['<meta charset="gbk">',
                                  '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'])
def test_a_gbk_page_is_decoded_by_its_meta_charset(meta: str) -> None:
    data = f"<html><head>{meta}</head><body><p>{TITLE}</p></body></html>".encode("gbk")
    source = read_html(data, None)
    assert lines(source) == [TITLE] and source.encoding in ("gbk", "gb2312")


def test_a_page_declaring_gbk_but_written_in_utf8_is_read_as_utf8() -> None:
    source = read_html(page(f"<p>{TITLE}</p>", '<meta charset="gbk">'), None)
    assert lines(source) == [TITLE] and source.encoding == "utf-8"


def test_an_undeclared_gbk_page_is_detected() -> None:
    source = read_html(f"<html><body><p>{TITLE}</p></body></html>".encode("gbk"), None)
    assert lines(source) == [TITLE] and source.encoding == "gb18030"


def test_a_declared_charset_other_than_gbk_is_honoured() -> None:
    title = "平潭綜合實驗區政府資訊公開年報"
    source = read_html(f'<html><head><meta charset="big5"></head><body><p>{title}</p></body></html>'
                       .encode("big5"), None)
    assert lines(source) == [title]


# ---- Word markup and text flow -------------------------------------------------------------------

def test_word_per_character_spans_join_and_cell_breaks_become_spaces() -> None:
    spans = "".join(f"<span style='font-family:仿宋_GB2312;mso-bidi-font-size:16pt'>{ch}</span>" for ch in TITLE)
    cell = ("<td><p class=MsoNormal><span>本</span><span>年</span><br><span>新</span></p>"
            "<p class=MsoNormal><span>收</span><o:p>&nbsp;</o:p></p></td><td><p><span>6</span></p></td>")
    source = read_html(page(f"<p class=MsoNormal>{spans}<o:p></o:p></p><table><tr>{cell}</tr></table>"), None)
    assert lines(source) == [TITLE, "本年 新 收\t6"]


def test_block_elements_make_paragraphs_and_br_breaks_a_line() -> None:
    source = read_html(page("<div>一、总体情况<p>第一段<b>加粗</b>。</p>尾<br>第二行</div>"), None)
    assert lines(source) == ["一、总体情况", "第一段加粗。", "尾", "第二行"]


def test_preformatted_text_keeps_its_lines_and_spacing() -> None:
    pre = "<pre>\n三、收到和处理政府信息公开申请情况\n  自然人    法人   \r\n  12        3\n\n</pre>"
    source = read_html(page(f"<p>前言</p>{pre}<p>四、复议</p>"), None)
    assert lines(source) == ["前言", "三、收到和处理政府信息公开申请情况", "  自然人    法人", "  12        3", "四、复议"]


def test_a_layout_table_is_walked_and_its_data_table_kept() -> None:
    html = f"""<table><tr><td>首页 政务公开</td></tr>
    <tr><td><h1>{TITLE}</h1><p>一、总体情况</p>{SPANNED}<p>五、存在的主要问题</p></td></tr></table>"""
    source = read_html(page(html), None)
    assert lines(source)[:3] == ["首页 政务公开", TITLE, "一、总体情况"]
    assert lines(source)[-1] == "五、存在的主要问题"
    assert at(source, 0, 3, 3) == "K"  # the data table is the first (and only) grid


def test_a_single_cell_wrapping_running_paragraphs_is_layout() -> None:
    paragraphs = "".join(f"<p>第{i}段：" + "政府信息公开" * 20 + "</p>" for i in range(3))
    source = read_html(page(f"<table><tr><td>{paragraphs}</td></tr></table>"), None)
    assert source.cells == () and len(lines(source)) == 3


def test_script_style_and_site_chrome_are_dropped() -> None:
    body = """<header><a>网站首页</a></header><nav>导航</nav><ul role="navigation"><li>菜单</li></ul>
    <script>var t = "2018年报";</script><style>p { color: red }</style><noscript>请启用脚本</noscript>
    <!-- 注释 --><article><header><h1>标题</h1></header><p>正文</p></article>
    <select><option>某市人民政府</option></select><footer>版权所有</footer>"""
    assert lines(read_html(page(body, "<title>页面标题</title>"), None)) == ["标题", "正文"]


def test_the_article_title_meta_leads_the_text_however_long_the_chrome() -> None:
    chrome = "<div>" + " ".join(f"<a>栏目{i}</a>" for i in range(600)) + "</div>"
    data = page(f"{chrome}<p>本报告由平潭综合实验区管委会办公室编制。</p>",
                f'<meta name="ArticleTitle" content="{TITLE}">')
    source = read_html(data, None)
    assert lines(source)[0] == TITLE
    report = build_report(source)
    assert (report.year, report.issuer) == (2021, "平潭综合实验区")


# ---- hostile and broken input --------------------------------------------------------------------

@pytest.mark.parametrize("opening", [b"", b"<table><tr><td>"])
def test_nesting_deeper_than_allowed_is_a_typed_error(opening: bytes) -> None:
    with pytest.raises(UnreadableInput):
        read_html(b"<html><body>" + opening + b"<div>" * 100_000 + b"x", None)


def test_deep_but_allowed_nesting_is_read() -> None:
    source = read_html(page("<div>" * 1500 + "正文" + "</div>" * 1500), None)
    assert lines(source) == ["正文"]


@pytest.mark.parametrize("data", [b"", b"  \n\t", b"<html><body></body></html>", b"<html><script>x</script>"])
def test_a_page_without_text_is_unreadable(data: bytes) -> None:
    with pytest.raises(UnreadableInput):
        read_html(data, None)


def test_random_bytes_are_refused() -> None:
    noise = random.Random(0).randbytes(50_000)
    with pytest.raises(GovextractError):
        source_from_bytes(noise, "noise.html")
    with pytest.raises(UnreadableInput):
        read_html(b"<html><body>" + noise, None)


def test_oversized_pages_are_refused_before_parsing() -> None:
    with pytest.raises(InputTooLarge):
        read_html(b"<p>" + b"x" * MAX_HTML_BYTES, None)
    with pytest.raises(InputTooLarge):
        read_html(b"<br>" * (MAX_HTML_TAGS + 1), None)


@pytest.mark.parametrize("case", HTML_CASES, ids=[c["case_id"] for c in HTML_CASES])
def test_a_truncated_page_reads_what_arrived(case: dict) -> None:
    data = (CORPUS / case["path"]).read_bytes()
    cut = data.index("政府信息公开".encode()) + 4  # inside a three-byte character
    source = read_html(data[:cut + 20_000], None)
    assert source.encoding == "utf-8" and "平潭综合实验区" in source.text


# ---- sniffing ------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf<!DOCTYPE html><html>",
    b"\n\n  <!-- saved from url=(0040)http://www.example.gov.cn/ -->\n<html>",
    b"<!--[if IE]><![endif]-->\r\n<HTML><HEAD>",
    "<html><body>平潭</body></html>".encode("utf-16"),
    "<meta http-equiv=Content-Type content='text/html; charset=gbk'>平潭".encode("gbk"),
    b"<table border=1><tr><td>x</td></tr></table>",
])
def test_pages_are_sniffed_as_html(data: bytes) -> None:
    assert sniff(data) == "html"


@pytest.mark.parametrize("case", TEXT_FILES, ids=[c["case_id"] for c in TEXT_FILES])
def test_text_reports_are_not_sniffed_as_html(case: dict) -> None:
    assert sniff((CORPUS / case["path"]).read_bytes()) is None


# ---- the real pages ------------------------------------------------------------------------------

def gold_accuracy(report_id: str, cells: dict) -> float:
    gold = json.loads((CORPUS / "gold" / f"{report_id}.json").read_text(encoding="utf-8"))
    ambiguous = set(gold.get("ambiguous", [])) | set(gold.get("ambiguous_by_rendition", {}).get("html", []))
    keys = [k for k in gold["cells"] if k not in ambiguous]
    assert len(keys) > 100
    return sum(as_decimal(cells.get(k)) == as_decimal(gold["cells"][k]) for k in keys) / len(keys)


def as_decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@pytest.mark.parametrize("case", HTML_CASES, ids=[c["case_id"] for c in HTML_CASES])
def test_a_real_page_saved_as_gbk_gives_the_gold_cells(case: dict) -> None:
    text = (CORPUS / case["path"]).read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="gbk"')
    source = source_from_bytes(text.encode("gbk", errors="xmlcharrefreplace"), case["path"])
    assert source.kind == "html" and source.encoding == "gbk"
    assert gold_accuracy(case["report_id"], build_report(source).cells()) >= 0.99


def expanded_tables(data: bytes) -> list[dict[tuple[int, int], str]]:
    """Every table of a page as {(row, col): text}, spans filled in cell by cell (the naive way)."""
    tables = []
    for table in etree.fromstring(data, etree.HTMLParser(encoding="utf-8")).iter("table"):
        grid: dict[tuple[int, int], str] = {}
        for r, tr in enumerate(table.iter("tr")):
            c = 0
            for td in tr.iter("td", "th"):
                while (r, c) in grid:
                    c += 1
                text = "".join("".join(td.itertext()).split())
                for dr in range(int(td.get("rowspan", 1))):
                    for dc in range(int(td.get("colspan", 1))):
                        grid[(r + dr, c + dc)] = text
                c += int(td.get("colspan", 1))
        tables.append(grid)
    return tables


@pytest.mark.parametrize("case", HTML_CASES, ids=[c["case_id"] for c in HTML_CASES])
def test_each_value_says_which_document_cell_it_came_from(case: dict) -> None:
    data = (CORPUS / case["path"]).read_bytes()
    tables = expanded_tables(data)
    report = build_report(source_from_bytes(data, case["path"]))
    checked = 0
    for table_key in type(report.tables).model_fields:
        table = getattr(report.tables, table_key)
        for _, row in table.row_items() if table is not None else ():
            for _, cell in row.cell_items() if row is not None else ():
                if cell is None or cell.value is None:
                    continue
                assert cell.where is not None
                assert tables[cell.where.table][(cell.where.row, cell.where.col)] == cell.raw
                checked += 1
    assert checked > 150
