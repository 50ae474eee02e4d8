"""Entities: each label on real sentences of the corpus, the alias of a law, the hand-checked spans."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govextract import extract_text
from govextract.entities import find_entities
from govextract.normalize import normalize

CORPUS = Path(__file__).resolve().parents[1] / "corpora"


def entities(text: str) -> list[tuple[str, str]]:
    return [(e.label, e.text) for e in find_entities(normalize(text))]


def test_gov_body_with_its_region_and_office():
    text = "本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》编制。"
    assert ("GOV_BODY", "淮安市洪泽区人民政府办公室") in entities(text)


def test_a_bare_level_stands_for_the_place_but_is_no_entity():
    assert entities("市科委编制了本报告,区农业农村局紧紧围绕目标。") == [("GOV_BODY", "市科委"), ("GOV_BODY", "区农业农村局")]
    assert entities("全市各级行政机关,市、区两级。") == []


def test_gov_bodies_by_level_and_department():
    found = entities("按照国务院和省政府有关政府信息公开工作要求。区综合执法与应急管理局严格按照"
                     "国务院安委会办公室关于加强生产安全事故信息公开工作的意见要求。")
    assert [t for label, t in found if label == "GOV_BODY"] == ["国务院", "省政府", "区综合执法与应急管理局",
                                                                "国务院安委会办公室"]


def test_generic_references_are_not_bodies():
    found = entities("各单位信息公开工作均由办公室人员兼职经办,组织政府部门按季度公开全市便民利民实事项目,服务大局。")
    assert found == []


def test_law_alias_resolves_to_the_title_the_report_defined():
    text = ("本报告由淮安市洪泽区人民政府办公室根据《中华人民共和\n国政府信息公开条例》（国令第 711 号）（以下简称《条例》）\n"
            "要求编制此报告。全面贯彻落实《条例》相关规范要求。")
    laws = [e for e in find_entities(normalize(text)) if e.label == "LAW"]
    assert [e.text for e in laws] == ["《中华人民共和国政府信息公开条例》", "《条例》", "《条例》"]
    assert {e.normalized for e in laws} == {"中华人民共和国政府信息公开条例"}


def test_an_undefined_short_title_keeps_its_own_name():
    laws = [e for e in find_entities(normalize("严格执行新出台的《条例》,进一步规范政府信息公开申请办理工作。"))]
    assert [(e.label, e.normalized) for e in laws] == [("LAW", "条例")]


def test_two_aliases_each_find_their_title():
    text = ("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）、《福建省政府信息公开办法》（以下简称《办法》）"
            "要求。我区认真贯彻落实新修订的《条例》和《办法》。")
    laws = {e.text: e.normalized for e in find_entities(normalize(text)) if e.label == "LAW"}
    assert laws == {"《中华人民共和国政府信息公开条例》": "中华人民共和国政府信息公开条例",
                    "《条例》": "中华人民共和国政府信息公开条例",
                    "《福建省政府信息公开办法》": "福建省政府信息公开办法", "《办法》": "福建省政府信息公开办法"}


def test_doc_numbers():
    text = ("根据《山东省人民政府办公厅关于做好人大代表建议和政协提案办理结果公开工作的通知》(鲁政办字〔2016〕63号)等文件要求。"
            "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
            "（国办公开办函〔2021〕30号）")
    assert [t for label, t in entities(text) if label == "DOC_NO"] == ["鲁政办字〔2016〕63号", "国办公开办函〔2021〕30号"]


def test_dates_and_their_normal_form():
    text = ("2019年7月,印发了实施方案。截至2019年11月份,已对政务公开工作人员轮训了一遍。"
            "统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。 二○一四年一月十日 发布时间: 2012-04-11 00:00")
    dates = [(e.text, e.normalized) for e in find_entities(normalize(text)) if e.label == "DATE"]
    assert dates == [("2019年7月", "2019-07"), ("截至2019年11月份", "2019-11"), ("2023年1月1日", "2023-01-01"),
                     ("2023年12月31日", "2023-12-31"), ("二○一四年一月十日", "2014-01-10"), ("2012-04-11", "2012-04-11")]


def test_platforms():
    text = ("将检查处置结果全部通过国家企业信用信息公示系统(山东)和“信用寿光”网站公示。"
            "以“寿光教育”微信公众号为依托。2019年,通过寿光政府门户网站、《寿光市人民政府公报》等平台主动公开。")
    assert [t for label, t in entities(text) if label == "PLATFORM"] == [
        "国家企业信用信息公示系统", "“信用寿光”网站", "“寿光教育”微信公众号", "寿光政府门户网站", "《寿光市人民政府公报》"]


def test_regions_and_short_forms():
    found = entities("2023 年，洪泽区政府信息公开工作取得一定的成效。为科创中心建设和上海科技创新事业发展营造良好环境。")
    assert [t for label, t in found if label == "REGION"] == ["洪泽区", "上海"]


def test_a_county_short_form_needs_the_county_named_in_full():
    assert entities("加大文化惠民活动信息公开力度。") == []  # 惠民 is 惠民县's short form, and a word
    found = entities("寿光市人民政府。2019年,寿光公共信用信息平台归集信用数据。寿光发展迅速。")
    assert ("REGION", "寿光") in found


def test_spans_point_at_the_printed_entity():
    text = (CORPUS / "files/huaian_hongzequ_2023/layout.txt").read_text(encoding="utf-8")
    found = find_entities(normalize(text))
    assert len(found) > 20
    for e in found:
        assert "".join(text[e.span[0]:e.span[1]].split()) == e.text


def test_empty_and_blank_text():
    assert find_entities("") == []
    assert find_entities(" \n\t ") == []


def test_report_entities_on_demand():
    report = extract_text("洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告由淮安市洪泽区人民政府办公室编制。")
    assert ("GOV_BODY", "淮安市洪泽区人民政府办公室") in [(e.label, e.text) for e in report.entities]


def _annotated() -> list[tuple[set, set]]:
    out = []
    for path in sorted((CORPUS / "entities").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (CORPUS / gold["path"]).read_text(encoding="utf-8")
        found = {(e.label, *e.span) for e in find_entities(normalize(text))}
        out.append(({(e["label"], e["start"], e["end"]) for e in gold["entities"]}, found))
    return out


def test_precision_and_recall_on_the_hand_checked_reports():
    pairs = _annotated()
    assert len(pairs) >= 8
    gold = sum(len(g) for g, _ in pairs)
    found = sum(len(f) for _, f in pairs)
    right = sum(len(g & f) for g, f in pairs)
    assert gold >= 400
    assert right / found >= 0.90
    assert right / gold >= 0.85


@pytest.mark.parametrize("path", ["files/pingtan_2021/pipe.txt", "files/huaian_shi_2024/layout.txt"])
def test_tables_never_import_spacy(path):
    code = ("import sys, govextract\n"
            f"r = govextract.extract({str(CORPUS / path)!r})\n"
            "assert r.cells(), 'no cells'\n"
            "print(sorted(m for m in ('spacy', 'thinc', 'jieba') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
