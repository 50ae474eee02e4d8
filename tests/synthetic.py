"""Synthetic reports for the tests: random but identity-consistent tables, printed in every text shape.

`make_report` draws values for every statutory table of a template form (the requests table balances,
every total is the sum of its parts), prints the report in one of the shapes real copies arrive in
(see govextract/tables/shapes.py) and returns the text with the flat cells `Report.cells()` must give.
Labels, columns and rows come from the template data, so the tests follow the templates, not a copy.
"""
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import regex

from govextract.normalize import normalize
from govextract.templates import templates

SHAPES = ("pipe", "lines", "tabs", "md", "layout", "text")
Value = int | Decimal | None

REQUEST_GROUPS = {  # group headings of the requests table (templates.md §5): printed, never keyed
    "withheld_": "（三）不予公开",
    "unable_": "（四）无法提供",
    "not_processed_": "（五）不予处理",
    "other_no_correction": "（六）其他处理",
    "other_fee_unpaid": "（六）其他处理",
    "other_other": "（六）其他处理",
}
OUTCOMES = "三、本年度办理结果"
REQUESTS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
ISSUERS = ("临海市人民政府", "上海市规划和自然资源局", "武汉市生态环境局", "雄县人民政府", "深圳市龙岗区人民政府")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
MARKERS = ("", "-", "—", "/", "无")  # printed non-numbers: the flat view gives None


@dataclass
class PrintedRow:
    """One data row: the label columns as a converter fills them (spans repeated), and the value texts."""

    path: tuple[str, str, str]  # (level 1, level 2, row label) with spanned levels repeated
    values: list[str]


@dataclass
class Block:
    """One printed table."""

    caption: str | None  # 第二十条第（一）项, printed as the table's first row
    header: list[list[str]]  # header rows, each cell once where it starts
    md_header: list[list[str]]  # the same rows as a markdown converter repeats spans
    rows: list[PrintedRow]
    label_columns: int  # how many label columns the grid has


@dataclass
class Record:
    """What was printed: each cell's text and true value, and the printed rows (for run-together checks)."""

    overrides: dict[str, tuple[str, Value]] = field(default_factory=dict)  # key -> (text, value) to print
    truth: dict[str, Value] = field(default_factory=dict)  # the flat view the extractor must give
    printed: dict[str, str] = field(default_factory=dict)
    rows: list[tuple[tuple[str, ...], int]] = field(default_factory=list)  # (cell keys, groups with a total)

    def cell(self, key: str, text: str, value: Value) -> str:
        text, value = self.overrides.get(key, (text, value))
        self.truth[key], self.printed[key] = value, text
        return text


@dataclass
class Synthetic:
    text: str
    record: Record
    form: str  # 第二十条 form (the report's template)
    requests_form: str
    year: int
    issuer: str
    shape: str

    @property
    def truth(self) -> dict[str, Value]:
        return self.record.truth


# ---- values -----------------------------------------------------------------------------------

def small(rng: random.Random, big: int = 300) -> int:
    """Counts as reports print them: mostly 0, often one digit, sometimes large."""
    roll = rng.random()
    if roll < 0.55:
        return 0
    if roll < 0.85:
        return rng.randint(1, 9)
    return rng.randint(10, big)


def requests_values(rng: random.Random, form: str, fixed: dict[str, Sequence[int]] | None = None
                    ) -> dict[str, list[int]]:
    """Row → 7 counts (6 applicant columns, then the total) that satisfy every requests identity.

    `fixed` pins the applicant columns of outcome rows (or carried_over / carried_forward).
    """
    fixed = fixed or {}
    keys = [r.key for r in templates().requests.rows_in(form)]
    outcomes = keys[keys.index("carried_over") + 1: keys.index("total_processed")]
    table: dict[str, list[int]] = {}
    for key in outcomes + ["carried_over", "carried_forward"]:
        table[key] = list(fixed.get(key) or [small(rng, 300 if c == 0 else 30) for c in range(6)])
    table["total_processed"] = [sum(table[k][c] for k in outcomes) for c in range(6)]
    for c in range(6):  # carried over can only be what was processed or carried forward
        limit = table["total_processed"][c] + table["carried_forward"][c]
        if table["carried_over"][c] > limit and "carried_over" not in fixed:
            table["carried_over"][c] = rng.randint(0, limit)
    table["new_received"] = [table["total_processed"][c] + table["carried_forward"][c] - table["carried_over"][c]
                             for c in range(6)]
    assert all(v >= 0 for v in table["new_received"]), "fixed values do not balance"
    return {k: table[k] + [sum(table[k])] for k in keys}


def review_values(rng: random.Random) -> list[int]:
    """15 counts: three groups of 结果维持, 结果纠正, 其他结果, 尚未审结 and their 总计."""
    out = []
    for _ in range(3):
        parts = [small(rng, 20) for _ in range(4)]
        out += parts + [sum(parts)]
    return out


# ---- printing one value ---------------------------------------------------------------------

def print_count(v: int, rng: random.Random, shape: str) -> str:
    text = str(v)
    if shape != "text" and v >= 1000 and rng.random() < 0.5:
        text = f"{v:,}"
    if rng.random() < 0.1:
        text = text.translate(FULL_WIDTH)
    return text


def print_signed(v: int, rng: random.Random) -> str:
    if v > 0:
        return rng.choice(["+", ""]) + str(v)
    if v < 0:
        return rng.choice(["-", "—", "－"]) + str(-v)
    return "0"


def money(rng: random.Random) -> tuple[str, Decimal]:
    """A 采购总金额 as printed with its unit, and its value in 万元."""
    unit, factor = rng.choice([("元", Decimal("0.0001")), ("万元", Decimal(1)), ("亿元", Decimal(10000))])
    cents = rng.choice([0, rng.randint(1, 99)])
    whole = rng.randint(0, 10 ** rng.randint(1, 9))
    printed = f"{whole}.{cents:02d}" if cents else str(whole)
    return printed + unit, Decimal(printed) * factor


def marked(rng: random.Random, shape: str, markers: bool) -> str | None:
    """A printed non-number for this cell, or None to print the number."""
    if not markers or shape == "text" or rng.random() > 0.08:
        return None
    allowed = [m for m in MARKERS if m or shape != "layout"]  # pdftotext prints nothing for a blank
    return rng.choice(allowed)


# ---- tables -----------------------------------------------------------------------------------

def art20_blocks(rng: random.Random, form: str, shape: str, markers: bool, record: Record) -> dict[str, Block]:
    blocks = {}
    for table in templates().art20:
        if form not in table.forms:
            continue
        columns = table.forms[form].columns
        rows = []
        for row in table.rows_in(form):
            printed = []
            keys = tuple(f"{table.key}.{row.key}.{col.key}" for col in columns)
            for key, col in zip(keys, columns):
                mark = marked(rng, shape, markers)
                if mark is not None:
                    text, v = mark, None
                elif col.type == "signed":
                    v = rng.choice([0, 0, rng.randint(1, 300), -rng.randint(1, 50)])
                    text = print_signed(v, rng)
                elif col.type == "money" and col.unit:  # the header names the unit (万元)
                    v = Decimal(rng.randint(0, 10 ** 7)) / Decimal(10 ** rng.randint(0, 6))
                    text = str(v)
                elif col.type == "money":
                    text, v = money(rng)
                else:
                    v = small(rng, 5000)
                    text = print_count(v, rng, shape)
                printed.append(record.cell(key, text, v))
            record.rows.append((keys, 0))
            rows.append(PrintedRow((row.label, row.label, row.label), printed))
        labels = [c.label for c in columns]
        md_labels = labels + [labels[-1]] * (3 - len(labels))  # converters pad to the widest block
        blocks[table.key] = Block(f"第二十条第（{table.item}）项", [["信息内容"] + labels],
                                  [["信息内容"] + md_labels], rows, 1)
    return blocks


def requests_block(rng: random.Random, form: str, shape: str, markers: bool, record: Record,
                   fixed: dict[str, Sequence[int]] | None = None, typo: bool = False) -> Block:
    spec = templates().requests
    values = requests_values(rng, form, fixed)
    columns = [c.label for c in spec.columns]
    rows = []
    for row in spec.rows_in(form):
        label = row.label
        if typo and row.key == "withheld_prohibited_by_law":
            label = "2.其他法律行政止公开"
        group = next((g for prefix, g in REQUEST_GROUPS.items() if row.key.startswith(prefix)), None)
        if row.key in ("new_received", "carried_over", "carried_forward"):
            path = (label, label, label)
        elif group is None:
            path = (OUTCOMES, label, label)
        else:
            path = (OUTCOMES, group, label)
        printed = []
        keys = tuple(f"requests.{row.key}.{col.key}" for col in spec.columns)
        for key, v in zip(keys, values[row.key]):
            mark = marked(rng, shape, markers)
            printed.append(record.cell(key, mark, None) if mark is not None else
                           record.cell(key, print_count(v, rng, shape), v))
        record.rows.append((keys, 1))
        rows.append(PrintedRow(path, printed))
    header = [[REQUESTS_NOTE, "申请人情况"], ["自然人", "法人或其他组织", "总计"], columns[1:6]]
    md_header = [[REQUESTS_NOTE] * 3 + ["申请人情况"] * 7,
                 [REQUESTS_NOTE] * 3 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"],
                 [REQUESTS_NOTE] * 3 + columns]
    return Block(None, header, md_header, rows, 3)


def review_block(rng: random.Random, shape: str, record: Record) -> Block:
    spec = templates().review
    values = review_values(rng)
    labels = [c.label for c in spec.columns]
    keys = tuple(f"review_litigation.{row.key}.{col.key}" for row in spec.rows for col in spec.columns)
    printed = [record.cell(key, print_count(v, rng, shape), v) for key, v in zip(keys, values)]
    record.rows.append((keys, len(spec.rows)))
    header = [["行政复议", "行政诉讼"], labels + ["未经复议直接起诉", "复议后起诉"], labels * 2]
    md_header = [["行政复议"] * 5 + ["行政诉讼"] * 10,
                 labels + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5,
                 labels * 3]
    return Block(None, header, md_header, [PrintedRow(("", "", ""), printed)], 0)


# ---- label noise ------------------------------------------------------------------------------

def spaced(label: str, rng: random.Random) -> str:
    """A label with a stray space inside, as PDF and web copies print them ("商业 企业", "结 果 维 持").

    Numbering stays whole ("2.重复申请" never becomes "2 . 重复申请")."""
    if len(label) < 4 or rng.random() < 0.5:
        return label
    if rng.random() < 0.3 and len(label) <= 6 and not any(ch.isdigit() for ch in label):
        return " ".join(label)
    cut = rng.randint(2, len(label) - 2)
    return label[:cut] + " " + label[cut:]


def add_label_noise(block: Block, rng: random.Random) -> None:
    """The same stray spaces wherever a label repeats (a converter copies a spanning cell as it is)."""
    noisy: dict[str, str] = {}

    def noise(label: str) -> str:
        return noisy.setdefault(label, spaced(label, rng)) if label else label

    block.header = [[noise(h) for h in row] for row in block.header]
    block.md_header = [[noise(h) for h in row] for row in block.md_header]
    for row in block.rows:
        row.path = tuple(noise(p) for p in row.path)  # type: ignore[assignment]


# ---- shapes -------------------------------------------------------------------------------------

def printed_cells(block: Block) -> list[list[str]]:
    """Rows of cells, each spanning cell once where it starts (how HTML copies read in order)."""
    out: list[list[str]] = []
    if block.caption:
        out.append([block.caption])
    out += [list(r) for r in block.header]
    previous: tuple[str, ...] = ()
    for row in block.rows:
        labels = list(dict.fromkeys(p for p in row.path[:block.label_columns]))  # spans once
        starts = [p for i, p in enumerate(labels) if i == len(labels) - 1 or p not in previous]
        out.append(starts + row.values)
        previous = row.path
    return out


def render_block(block: Block, shape: str, rng: random.Random) -> str:
    if shape == "pipe":
        cells = [c for row in printed_cells(block) for c in row]
        return "\n|\n".join(cells) + " |"
    if shape == "lines":
        return "\n".join(c for row in printed_cells(block) for c in row)
    if shape == "tabs":
        return "\n".join("\t".join(row) for row in printed_cells(block))
    if shape == "text":
        return "".join(c for row in printed_cells(block) for c in row)
    if shape == "md":
        return render_md(block)
    return render_layout(block, rng)


def render_md(block: Block) -> str:
    lines = []
    width = len(block.md_header[-1])
    if block.caption:
        lines.append([block.caption] * width)
    lines += block.md_header
    for row in block.rows:  # a value under a padded column is repeated, like the header above it
        values = row.values + [row.values[-1]] * (width - block.label_columns - len(row.values))
        lines.append(list(row.path[:block.label_columns]) + values)
    out = ["| " + " | ".join(lines[0]) + " |", "|" + "---|" * len(lines[0])]
    out += ["| " + " | ".join(cells) + " |" for cells in lines[1:]]
    return "\n".join(out)


def render_layout(block: Block, rng: random.Random) -> str:
    """pdftotext -layout: cells apart by runs of spaces, group labels on their own line mid-group,
    page-number lines ("-3-") and blank lines between rows."""
    def gap() -> str:
        return " " * rng.randint(2, 9)

    out = []
    if block.caption:
        out += [" " * 14 + block.caption, "", ""]
    for row in block.header:
        out.append(" " * rng.randint(0, 12) + gap().join(row))
    out.append("")
    groups_done: set[str] = set()
    page_end = rng.randrange(len(block.rows))  # every table crosses a page at least once
    for i, row in enumerate(block.rows):
        group = row.path[1] if block.label_columns == 3 and row.path[1] != row.path[2] else None
        if group and group not in groups_done and rng.random() < 0.5:
            out.append(" " * 18 + group)  # printed beside the middle of its rows, on a line of its own
            groups_done.add(group)
        label = row.path[-1] if block.label_columns else ""
        out.append(" " * rng.randint(0, 8) + label + gap() + gap().join(row.values))
        if i == page_end or rng.random() < 0.05:
            out += ["", " " * rng.randint(5, 70) + f"-{rng.randint(2, 40)}-", ""]
        elif rng.random() < 0.3:
            out.append("")
    return "\n".join(out)


# ---- the report ---------------------------------------------------------------------------------

def make_report(seed: int, form: str, shape: str, *, requests_form: str | None = None, markers: bool = True,
                label_noise: bool = False, typo: bool = False, fixed: dict[str, Sequence[int]] | None = None,
                printed: dict[str, tuple[str, Value]] | None = None) -> Synthetic:
    """A whole report: title and preamble naming issuer and year, sections 一…六, the tables of `form`.

    `fixed` pins requests rows (the totals follow); `printed` prints given cells as (text, true value).
    """
    rng = random.Random(seed)
    requests_form = requests_form or form
    year = rng.randint(2019, 2020) if form == "2019" else rng.randint(2021, 2025)
    issuer = rng.choice(ISSUERS)
    record = Record(dict(printed or {}))
    blocks = art20_blocks(rng, form, shape, markers, record)
    blocks["requests"] = requests_block(rng, requests_form, shape, markers, record, fixed, typo)
    blocks["review_litigation"] = review_block(rng, shape, record)
    if label_noise:
        for block in blocks.values():
            add_label_noise(block, rng)
    art20 = [render_block(b, shape, rng) for k, b in blocks.items() if k.startswith("art20")]
    if shape == "pipe":  # the 第二十条 blocks are one HTML table: the closing bar comes once
        art20 = ["\n|\n".join(a[:-2] for a in art20) + " |"]
    parts = [
        f"{issuer}{year}年政府信息公开工作年度报告",
        f"本报告由{issuer}办公室根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自{year}年"
        f"1月1日起至{year}年12月31日止。",
        "一、总体情况",
        f"{year}年，全年主动公开政府信息{rng.randint(100, 9999)}条，办理政府信息公开申请若干件。",
        "二、主动公开政府信息情况",
        *art20,
        "三、收到和处理政府信息公开申请情况",
        render_block(blocks["requests"], shape, rng),
        "四、政府信息公开行政复议、行政诉讼情况",
        render_block(blocks["review_litigation"], shape, rng),
        "五、存在的主要问题及改进情况",
        "一是政策解读形式不够丰富。二是加强重点领域信息公开。",
        "六、其他需要报告的事项",
        f"{year}年，无收取信息处理费情况。",
    ]
    sep = "" if shape == "text" else "\n"
    text = parts[0] + "\n" + sep.join(parts[1:]) + "\n"
    return Synthetic(text, record, form, requests_form, year, issuer, shape)


# ---- an independent reading of run-together digits ---------------------------------------------

_PIECE = regex.compile(r"[+-]?(?:0|[1-9]\d*)(?:\.\d+)?(?:元|万元|亿元)?")


def splits(printed: str, cells: int) -> list[list[str]]:
    """Every way to cut a run of printed cells into `cells` pieces that each read as one cell."""
    if cells == 0:
        return [[]] if not printed else []
    out = []
    for end in range(1, len(printed) - cells + 2):
        head = printed[:end]
        if _PIECE.fullmatch(head):
            out += [[head] + rest for rest in splits(printed[end:], cells - 1)]
    return out


def row_readings(printed: Sequence[str], groups: int) -> list[list[str]]:
    """The readings of a run-together row (cells `printed`) that respect its totals: with `groups` > 0
    the row is that many equal groups, each ending in the total of the cells before it."""
    found = splits(normalize("".join(printed)), len(printed))
    if not groups:
        return found
    width = len(printed) // groups

    def balanced(cut: list[str]) -> bool:
        return all(int(cut[g * width + width - 1]) == sum(int(p) for p in cut[g * width: g * width + width - 1])
                   for g in range(groups))

    return [cut for cut in found if balanced(cut)]
