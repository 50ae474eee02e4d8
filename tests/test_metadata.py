"""Report metadata: year, issuer, publication date, level and regions — on the corpus and on openings
built to be awkward (a title broken over lines, breadcrumbs first, no title at all)."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import govextract
from govextract.jurisdiction import locate
from govextract.metadata import read_metadata
from govextract.normalize import normalize

CORPUS = Path(__file__).resolve().parents[1] / "corpora"

# (file, publication date as the document prints it, level, regions).  Pingtan's pages print
# 发布时间/时间 in their header; the PDFs and the Shanghai report print no date; 平潭综合实验区 is a zone,
# not a division's government, so it has no level, and lies in 平潭县.
CORPUS_CASES = [
    ("files/pingtan_2011/text.txt", dt.date(2012, 4, 11), None, ["福建省", "福州市", "平潭县"]),
    ("files/pingtan_2019/md.txt", dt.date(2020, 1, 20), None, ["福建省", "福州市", "平潭县"]),
    ("files/pingtan_2021/pipe.txt", dt.date(2022, 2, 8), None, ["福建省", "福州市", "平潭县"]),
    ("files/pingtan_2025/text.txt", dt.date(2026, 3, 10), None, ["福建省", "福州市", "平潭县"]),
    ("files/huaian_hongzequ_2023/layout.txt", None, "county", ["江苏省", "淮安市", "洪泽区"]),
    ("files/huaian_shi_2024/layout.txt", None, "city", ["江苏省", "淮安市"]),
    ("files/shanghai_kewei_2024/md.md", None, "department", ["上海市"]),
    ("files/shouguang_2019/text.txt", None, "county", ["山东省", "潍坊市", "寿光市"]),
]


@pytest.mark.parametrize("path,published,level,regions", CORPUS_CASES)
def test_corpus_reports(path, published, level, regions):
    report = govextract.extract(CORPUS / path)
    assert (report.published, report.level, report.regions) == (published, level, regions)


def meta(text: str):
    return read_metadata(normalize(text))


def test_title_split_over_lines():
    m = meta("                洪泽区人民政府\n      2023 年政府信息公开工作年度报告\n\n"
             "   本报告由淮安市洪泽区人民政府办公室根据《中华人民共和\n国政府信息公开条例》要求编制此报告。")
    assert (m.year, m.issuer, m.level, m.regions) == (2023, "淮安市洪泽区人民政府", "county", ("江苏省", "淮安市", "洪泽区"))


def test_breadcrumbs_before_the_title():
    m = meta("当前位置： 首页 > 政务公开 > 政府信息公开年报\n来源：寿光市人民政府办公室 时间：2020-01-15 09:30\n"
             "寿光市2019年政府信息公开工作年度报告\n本报告根据《条例》编制。")
    assert (m.year, m.issuer, m.published, m.level) == (2019, "寿光市", dt.date(2020, 1, 15), "county")
    assert m.regions == ("山东省", "潍坊市", "寿光市")


@pytest.mark.parametrize("title, year, issuer", [
    ("某某县人民政府办公室关于2023年政府信息公开工作年度报告", 2023, "某某县人民政府办公室"),
    ("某某市生态环境局政府信息公开工作2022年度报告", 2022, "某某市生态环境局"),
    ("2023年度某某市交通运输局政府信息公开工作年度报告", 2023, "某某市交通运输局"),
])
def test_title_word_orders(title: str, year: int, issuer: str):
    m = meta(title + "\n根据《中华人民共和国政府信息公开条例》要求编制本报告。")
    assert (m.year, m.issuer) == (year, issuer)


def test_compiled_by_an_office_names_the_government():
    m = meta("本报告由上海市黄浦区人民政府办公室编制。本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。")
    assert (m.year, m.issuer, m.level, m.regions) == (2023, "上海市黄浦区人民政府", "county", ("上海市", "黄浦区"))


def test_no_title_at_all():
    text = ("本报告主要根据《中华人民共和国政府信息公开条例》以及各乡镇人民政府的年度报告编制，现公布2011年度政府信息公开年度报告。"
            "本报告所列数据的统计期限自2011年1月1日起至2011年12月31日。如有疑问，请与 长阳土家族自治县人民政府 联系。"
            " 长阳土家族自治县人民政府 主动公开信息425条。 常规化、日常化。 二○一二年二月二十日 附件1：统计表")
    m = meta(text)
    assert (m.year, m.issuer) == (2011, "长阳土家族自治县人民政府")
    assert (m.level, m.regions) == ("county", ("湖北省", "宜昌市", "长阳土家族自治县"))
    assert m.published == dt.date(2012, 2, 20)


def test_closing_date_after_the_signing_office():
    m = meta("淮安市人民政府\n2024 年政府信息公开工作年度报告\n统计期限自 2024 年 1 月 1 日\n起至 2024 年 12 月 31 日止。\n"
             "六、其他需要报告的事项\n无。\n淮安市人民政府办公室\n2025 年 1 月 20 日\n")
    assert m.published == dt.date(2025, 1, 20)


def test_dates_inside_sentences_are_not_the_publication_date():
    m = meta("淮安市人民政府\n2024 年政府信息公开工作年度报告\n报告中所列数据统计期限自 2024 年 1 月 1 日\n"
             "起至 2024 年 12 月 31 日止。2024年12月26日成功举办了专场招聘会。")
    assert m.published is None


def test_a_date_far_from_the_reporting_year_is_not_the_publication_date():
    m = meta("发布日期：2016-05-01\n淮安市人民政府\n2024 年政府信息公开工作年度报告\n正文。")
    assert m.published is None


def test_header_field_in_chinese_form():
    m = meta("发布日期：2024年1月20日\n福建省人民政府2023年政府信息公开工作年度报告\n")
    assert (m.published, m.level, m.regions) == (dt.date(2024, 1, 20), "province", ("福建省",))


@pytest.mark.parametrize("issuer,level,regions", [
    ("上海市科学技术委员会", "department", ("上海市",)),
    ("寿光市住房和城乡建设局", "department", ("山东省", "潍坊市", "寿光市")),
    ("淮安市淮安区人民政府", "county", ("江苏省", "淮安市", "淮安区")),
    ("新疆维吾尔自治区人民政府", "province", ("新疆维吾尔自治区",)),
    ("北京市人民政府", "province", ("北京市",)),
    ("上海市浦东新区人民政府", "county", ("上海市", "浦东新区")),
    ("洪泽区蒋坝镇人民政府", "township", ("江苏省", "淮安市", "洪泽区")),
    ("平潭综合实验区", None, ("福建省", "福州市", "平潭县")),
    ("某某研究院", None, ()),
])
def test_level_and_regions_from_the_issuer(issuer, level, regions):
    assert locate(issuer) == (level, regions)


def test_a_shared_district_name_is_settled_by_the_text():
    assert locate("鼓楼区人民政府", "南京市鼓楼区 江苏省")[1] == ("江苏省", "南京市", "鼓楼区")
    assert locate("鼓楼区人民政府", "福州市鼓楼区 福建省")[1] == ("福建省", "福州市", "鼓楼区")
    assert locate("鼓楼区人民政府", "") == ("county", ("鼓楼区",))


def test_import_reads_no_table_and_loads_no_nlp():
    code = ("import sys, govextract\n"
            "print(sorted(m for m in ('govextract.divisions', 'spacy', 'jieba') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
