"""HTML reader: a web page (often GBK, often Word-exported) → paragraphs and table grids → `Source`.

Text outside data tables becomes one paragraph per block element; each data table becomes a grid
whose rows hold the cells that start in them, so `grid.render` gives the tab-separated shape the
table engine reads. Tables used for page layout (they hold other tables or running paragraphs) are
walked like any other container. All traversal is iterative (lxml's `iterwalk`), so nesting depth
costs no Python stack.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ..errors import InputTooLarge, UnreadableInput
from ..load import Source, decode
from .grid import Block, GridCell, clean, render

MAX_HTML_BYTES = 5 * 1024 * 1024
"""Report pages are 0.1–0.5 MB and Word's own HTML export of a long report 1–3 MB. A parsed page
costs up to ~60 bytes of memory per byte (attribute-dense markup), so text's 20 MB would not stay
within a few hundred MB; 5 MB does (~350 MB, ~1 s)."""

MAX_HTML_TAGS = 500_000
"""Real pages spend 50–90 bytes per tag, so this only stops pages of bare tags (`<br>` × a million),
where every element also costs a Python string and a few µs of walking."""

MAX_GRID_SLOTS = 250_000
"""Rows × columns above which a table is not a report's data grid; its cells are read as lines.
Bounds the span bookkeeping on hostile colspan/rowspan values."""

MAX_DEPTH = 2048
"""Element nesting beyond this is refused, as libxml2 ≥ 2.13 itself does: walking very deep trees
slows down quadratically in older lxml/libxml2 (100k nested divs: minutes)."""

LAYOUT_CELL_CHARS = 200
"""A cell with this much text spread over several blocks holds running paragraphs: page layout."""

_CHARSET_PRESCAN = 8192
_CHARSET = re.compile(rb"""<(?:meta|\?xml)\b[^>]*?\b(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
                      re.IGNORECASE)

_DROPPED = frozenset({"head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
                      "select", "button", "textarea", "nav"})
"""Elements whose text is never report text: code, styling, embedded objects, form controls, menus."""

_CHROME_ROLES = frozenset({"navigation", "banner", "search", "contentinfo"})
"""ARIA roles that mark site chrome (menus, page header, search box, page footer)."""

_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "html", "legend", "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
"""Elements that end the paragraph before them and start a new one (and `br`, a line break)."""


def read_html(data: bytes, path: str | None) -> Source:
    """Decode, parse and flatten an HTML page. Raises UnreadableInput/InputTooLarge on pages with no text."""
    if not data.strip():
        raise UnreadableInput("the input is empty")
    if len(data) > MAX_HTML_BYTES:
        raise InputTooLarge(f"the page is {len(data)} bytes; the limit is {MAX_HTML_BYTES}")
    tags = data.count(b"<")
    if tags > MAX_HTML_TAGS:
        raise InputTooLarge(f"the page has {tags} tags; the limit is {MAX_HTML_TAGS}")
    text, encoding = decode(data, _declared_charset(data))
    root = _parse(text)
    title = _article_title(root)
    blocks: list[Block] = [title] if title else []
    blocks += _blocks(root)
    if not blocks:
        raise UnreadableInput("the page holds no text")
    rendered, cells = render(blocks)
    return Source(text=rendered, kind="html", encoding=encoding, path=path, cells=cells)


def _declared_charset(data: bytes) -> str | None:
    """The charset a `<meta>` tag or XML declaration near the top of the page names, if any."""
    m = _CHARSET.search(data[:_CHARSET_PRESCAN])
    return m.group(1).decode("ascii") if m else None


def _parse(text: str) -> etree._Element:
    """Parse without network access; a tree libxml2 gave up on (nesting deeper than it allows) is refused."""
    parser = etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True,
                              huge_tree=True, collect_ids=False, default_doctype=False)
    root = etree.fromstring(text.encode("utf-8"), parser)
    fatal = [e for e in parser.error_log if e.level == etree.ErrorLevels.FATAL]
    if fatal:
        raise UnreadableInput(f"the HTML cannot be parsed: {fatal[0].message}")
    if root is None:
        raise UnreadableInput("the page holds no HTML elements")
    return root


def _article_title(root: etree._Element) -> str | None:
    """The `<meta name="ArticleTitle">` Chinese government sites must carry (政府网站发展指引, 2017).

    Put first, it keeps the report's title in the opening that metadata reads, however long the
    site chrome before the article is."""
    for meta in root.iterfind("head/meta"):
        if (meta.get("name") or "").lower() == "articletitle":
            return clean(meta.get("content") or "") or None
    return None


def _tag(el: etree._Element) -> str:
    """The element's tag name; "" for the comments and entities lxml may still yield."""
    return el.tag if isinstance(el.tag, str) else ""


def _dropped(el: etree._Element, tag: str) -> bool:
    """Whether the element is code or site chrome; a header/footer inside an article is the article's own."""
    if tag in _DROPPED or el.get("role") in _CHROME_ROLES:
        return True
    return tag in ("header", "footer") and not any(_tag(a) in ("article", "main") for a in el.iterancestors())


class _Walk:
    """Start and end events of a subtree in document order (lxml's `iterwalk`), refusing trees
    nested deeper than MAX_DEPTH."""

    def __init__(self, el: etree._Element) -> None:
        self._walker = etree.iterwalk(el, events=("start", "end"))

    def __iter__(self) -> Iterator[tuple[str, etree._Element]]:
        depth = 0
        for event, el in self._walker:
            depth += 1 if event == "start" else -1
            if depth > MAX_DEPTH:
                raise UnreadableInput(f"the HTML nests elements more than {MAX_DEPTH} deep")
            yield event, el

    def skip_subtree(self) -> None:
        self._walker.skip_subtree()


class _Flow:
    """Collects the blocks of the page in reading order: paragraph lines and table grids."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._pending: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self._pending.append(text)

    def end_paragraph(self) -> None:
        line = clean("".join(self._pending))
        self._pending.clear()
        if line:
            self.blocks.append(line)

    def add_preformatted(self, text: str) -> None:
        """A `<pre>` block keeps its lines and spacing: a plain-text report pasted into a page."""
        self.end_paragraph()
        lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
        if any(lines):
            self.blocks.append("\n".join(lines).strip("\n"))

    def add_table(self, rows: list[list[GridCell]]) -> None:
        self.end_paragraph()
        if rows:
            self.blocks.append(rows)


def _blocks(root: etree._Element) -> list[Block]:
    """Walk the page once, start and end tags in document order, skipping dropped subtrees."""
    flow = _Flow()
    walker = _Walk(root)
    for event, el in walker:
        tag = _tag(el)
        if event == "start":
            if _dropped(el, tag):
                walker.skip_subtree()
                continue
            if tag in _BLOCKS or tag == "br":
                flow.end_paragraph()
            if tag == "pre":
                flow.add_preformatted("".join(el.itertext()))
                walker.skip_subtree()
                continue
            if tag == "table":
                rows = _grid(el)
                if rows is not None:
                    flow.add(_caption(el))
                    flow.add_table(rows)
                    walker.skip_subtree()
                    continue
            flow.add(el.text)
        else:
            if tag in _BLOCKS:
                flow.end_paragraph()
            if el is not root:
                flow.add(el.tail)
    flow.end_paragraph()
    return flow.blocks


def _caption(table: etree._Element) -> str | None:
    """A data table's `<caption>`, written as the paragraph before its rows."""
    caption = table.find("caption")
    return _cell_text(caption)[0] if caption is not None else None


def _grid(table: etree._Element) -> list[list[GridCell]] | None:
    """The table's rows of cells with spans placed, or None when the table is page layout or too large."""
    if next(_descendants(table, "table"), None) is not None:
        return None
    trs = list(_descendants(table, "tr"))
    busy_until: list[int] = []  # per grid column: the first row no rowspan from above covers
    rows: list[list[GridCell]] = []
    for r, tr in enumerate(trs):
        row: list[GridCell] = []
        col = 0
        for td in _descendants(tr, "td", "th"):
            while col < len(busy_until) and busy_until[col] > r:
                col += 1
            rowspan = _span(td.get("rowspan"), zero=len(trs) - r, limit=len(trs) - r)
            colspan = _span(td.get("colspan"), zero=1, limit=1000)
            if (col + colspan) * len(trs) > MAX_GRID_SLOTS:
                return None
            text, blocks = _cell_text(td)
            if blocks > 1 and len(text) >= LAYOUT_CELL_CHARS:
                return None
            row.append(GridCell(text, r, col, rowspan, colspan))
            busy_until.extend([0] * (col + colspan - len(busy_until)))
            busy_until[col:col + colspan] = [r + rowspan] * colspan
            col += colspan
        if any(cell.text for cell in row):  # Word ends its tables with an empty row that fixes column widths
            rows.append(row)
    return rows


def _descendants(el: etree._Element, *tags: str) -> Iterator[etree._Element]:
    """The elements below `el` with these tags, in document order (lxml's `iter` slows down
    quadratically on deeply nested trees; `iterwalk` does not)."""
    for _, found in etree.iterwalk(el, events=("start",), tag=tags):
        if found is not el:
            yield found


def _span(value: str | None, zero: int, limit: int) -> int:
    """A rowspan/colspan attribute as browsers read it: leading digits, absent or junk → 1, capped."""
    digits = re.match(r"\s*(\d{1,9})", value or "")
    n = int(digits.group(1)) if digits else 1
    return zero if n == 0 else min(n, limit)


def _cell_text(cell: etree._Element) -> tuple[str, int]:
    """(text, number of block elements inside): line breaks and blocks inside a cell become spaces."""
    parts: list[str] = []
    blocks = 0
    walker = _Walk(cell)
    for event, el in walker:
        tag = _tag(el)
        if event == "start":
            if _dropped(el, tag):
                walker.skip_subtree()
                continue
            if el is not cell and (tag in _BLOCKS or tag == "br"):
                parts.append(" ")
                blocks += tag != "br"
            parts.append(el.text or "")
        elif el is not cell:
            if tag in _BLOCKS:
                parts.append(" ")
            parts.append(el.tail or "")
    return clean("".join(parts)), blocks
