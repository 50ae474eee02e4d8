"""Label deviations seen in real reports (templates.md §10): the same cells must come out.

Each test edits a real corpus report the way another government's copy prints it and checks that
every cell equals the unedited report's, with no new problem.
"""
from __future__ import annotations

from pathlib import Path

import govextract

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "files"


def _same_cells(original: str, edited: str) -> None:
    assert edited != original
    want = govextract.extract_text(original)
    got = govextract.extract_text(edited)
    assert got.cells() == want.cells()
    assert [p.code for p in got.problems] == [p.code for p in want.problems]


def test_hubei_augmented_2019_labels() -> None:
    """Definitions in row labels, year notes and a sample negative in column headers, an extra 第二十条（一）
    row, a unit in a row label and 合计 for 总计 (Wuhan 生态环境局 2020, a Hubei augmentation)."""
    text = (CORPUS / "pingtan_2019" / "tabs.txt").read_text(encoding="utf-8")
    edited = (text
              .replace("规章\t0\t0\t0", "规章（设区的市、自治州人民政府应提供相关数据）\t0\t0\t0")
              .replace("规范性文件\t89\t89\t89",
                       "规范性文件（指除政府规章外，行政机关依照法定权限、程序制定并公开发布的公文）\t89\t89\t89\n"
                       "其他主动公开文件（除规章和规范性文件外的其他文件）\t12\t12\t40")
              .replace("信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
                       "信息内容\t上一年项目数量（指2019年事项数）\t本年增/减（减用负值表示，如-8）\t处理决定数量（指2020年办件量）")
              .replace("一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量（件）")
              .replace("（七）总计", "（七）合计"))
    _same_cells(text, edited)


def test_row_label_wrapped_around_its_values_in_layout() -> None:
    """pdftotext prints a long row label over three lines with the values beside the middle one."""
    text = (CORPUS / "huaian_shi_2024" / "layout.txt").read_text(encoding="utf-8")
    row = "行政规范性文件       8          26       66"
    assert row in text
    edited = text.replace(row, "行政规范性文件（指除政府规章外，行政机关依照法定权限、\n"
                               "程序制定并公开发布，涉及公民、法人和其他组织权利义务，       8          26       66\n"
                               "具有普遍约束力，在一定期限内反复适用的公文）")
    _same_cells(text, edited)


def test_2021_other_handling_labels_joined_with_a_comma() -> None:
    """The 2021 （六） sub-row labels are printed with ， instead of 、 by some sites."""
    text = (CORPUS / "pingtan_2023" / "tabs.txt").read_text(encoding="utf-8")
    edited = text.replace("逾期不补正、行政机关", "逾期不补正，行政机关").replace("缴纳费用、行政机关", "缴纳费用，行政机关")
    _same_cells(text, edited)
