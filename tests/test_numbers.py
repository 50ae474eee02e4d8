"""Exact number parsing and the quantities found in prose, with their offsets."""
from __future__ import annotations

from decimal import Decimal

import pytest

from govextract.figures.numbers import Quantity, find_quantities, parse_number
from govextract.normalize import normalize
from govextract.values import to_wan_yuan


@pytest.mark.parametrize("numeral, value", [
    ("二十三", 23), ("两千", 2000), ("十一", 11), ("十", 10), ("一百零五", 105), ("一千零一十", 1010),
    ("二〇二三", 2023), ("三千五", 3500), ("一万五", 15000), ("三亿五千万", 350000000),
    ("一万五千亿", 1500000000000), ("1.3万", 13000), ("3万4000", 34000), ("16.4亿", 1640000000),
    ("1,234,567", 1234567), ("0", 0),
])
def test_parse_number_exact(numeral: str, value: int) -> None:
    parsed = parse_number(numeral)
    assert parsed == value and type(parsed) is int


def test_decimals_stay_decimal() -> None:
    assert parse_number("46.49") == Decimal("46.49") and isinstance(parse_number("46.49"), Decimal)
    assert parse_number("1.5万") == 15000
    assert parse_number("0.05") == Decimal("0.05")


def test_not_a_numeral() -> None:
    with pytest.raises(ValueError):
        parse_number("万")


def one(text: str) -> tuple[Quantity, str]:
    """The single quantity in `text` (normalised first, as the pipeline does) and its printed text."""
    folded = normalize(text)
    found = find_quantities(folded)
    assert len(found) == 1, found
    return found[0], folded[found[0].start:found[0].end]


@pytest.mark.parametrize("text, value, unit, qualifier, printed", [
    ("归集信用数据达到 1.3万余条。", 13000, "条", "余", "1.3万余条"),
    ("接收群众留言2万多条", 20000, "条", "多", "2万多条"),
    ("专兼职工作人员约130人", 130, "人", "约", "约130人"),
    ("开展培训十余次", 10, "次", "余", "十余次"),
    ("收到申请超过3000件", 3000, "件", "超过", "超过3000件"),
    ("公开信息逾5000条", 5000, "条", "逾", "逾5000条"),
    ("参训将近200人", 200, "人", "将近", "将近200人"),
    ("办理不足10件", 10, "件", "不足", "不足10件"),
    ("近3万条信息", 30000, "条", "近", "近3万条"),
    ("满意率95%以上", 95, "%", "以上", "95%以上"),
    ("培训130人左右", 130, "人", "左右", "130人左右"),
    ("主动公开率达95.6%", Decimal("95.6"), "%", None, "95.6%"),
    ("主动公开率达９５．６％", Decimal("95.6"), "%", None, "95.6%"),  # full width, folded by normalize
    ("办复率百分之九十五", 95, "%", None, "百分之九十五"),
    ("政务公开机构八十二个", 82, "个", None, "八十二个"),
    ("两千条", 2000, "条", None, "两千条"),
    ("访问量1,234,567人次", 1234567, "人次", None, "1,234,567人次"),
    ("访问量120万人次", 1200000, "人次", None, "120万人次"),
    ("收到3万4000件", 34000, "件", None, "3万4000件"),
    ("公开政府常务会议 7\n期", 7, "期", None, "7\n期"),  # pdftotext layout breaks the line
    ("主动公开各类政府信息 5500 余条", 5500, "条", "余", "5500 余条"),
])
def test_quantity_forms(text: str, value, unit: str, qualifier: str | None, printed: str) -> None:
    q, shown = one(text)
    assert (q.value, q.unit, q.qualifier, shown) == (value, unit, qualifier, printed)


def test_money_keeps_its_unit_and_converts_exactly() -> None:
    q, shown = one("采购总金额46.49亿元")
    assert (q.value, q.unit, shown) == (Decimal("46.49"), "亿元", "46.49亿元")
    assert to_wan_yuan(q.value, q.unit) == 464900
    assert to_wan_yuan(251000, "元") == Decimal("25.1")
    assert to_wan_yuan(Decimal("160.5964"), "万元") == Decimal("160.5964")
    assert to_wan_yuan(12, "件") is None
    q, _ = one("1.2万亿元")
    assert (q.value, q.unit) == (12000, "亿元")


def test_16_4_yi_is_exact() -> None:
    """cn2an reads 16.4亿 as 1639999999; Decimal arithmetic does not."""
    q, _ = one("资金16.4亿")
    assert q.value == 1640000000


@pytest.mark.parametrize("text, value, range_to, unit", [
    ("3万至5万", 30000, 50000, None),
    ("3-5万人", 30000, 50000, "人"),
    ("3至5家", 3, 5, "家"),
    ("2万到3万条", 20000, 30000, "条"),
])
def test_ranges(text: str, value: int, range_to: int, unit: str | None) -> None:
    q, shown = one(text)
    assert (q.value, q.range_to, q.unit, shown) == (value, range_to, unit, text)


@pytest.mark.parametrize("text", [
    "2023年", "2023 年", "二〇二三年", "12月31日", "〔2021〕30号", "国办公开办函〔2021〕30号", "(国令第 711 号)",
    "电话：24336243", "电话:0591-23165385", "邮编：350400", "0517-87222589", "24336243@163.com", "H5",
    "第三", "第三批", "第2场", "第十四个五年规划", "2024－2027 年", "一是", "统一", "进一步",
])
def test_not_quantities(text: str) -> None:
    assert find_quantities(normalize(text)) == []


def test_offsets_in_a_real_sentence() -> None:
    text = normalize("2019年，寿光公共信用信息平台归集信用数据达到 1.3万余条。"
                     "“信用寿光”网站已公示行政许可和行政处罚信息3000余条，公示信用“红黑名单”信息135条。")
    found = find_quantities(text)
    assert [text[q.start:q.end] for q in found] == ["1.3万余条", "3000余条", "135条"]
    assert [q.value for q in found] == [13000, 3000, 135]


def test_bare_numbers_are_quantities_without_unit() -> None:
    text = "粉丝数 54373；规章 0 0 0"
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(54373, None), (0, None), (0, None), (0, None)]


def test_garbage_is_not_a_number() -> None:
    assert find_quantities("1" * 5000) == []
    assert find_quantities("") == []
