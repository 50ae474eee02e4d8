"""Sections 一…六, sentences, and words with the domain dictionary; jieba stays out of table extraction."""
from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from synthetic import SHAPES, make_report

from govextract.data import pattern_path
from govextract.normalize import normalize
from govextract.segment import sections, sentences, words

CORPUS = Path(__file__).resolve().parent.parent / "corpora"
TEXT_CASES = [c for c in csv.DictReader((CORPUS / "cases.tsv").open(encoding="utf-8"), delimiter="\t")
              if c["rendition"] in ("text", "pipe", "lines", "tabs", "md", "layout")]
HEADINGS = {  # the national template's exact headings (templates.md §3)
    "overview": "一、总体情况",
    "active_disclosure": "二、主动公开政府信息情况",
    "requests": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
    "problems_improvements": "五、存在的主要问题及改进情况",
    "other_matters": "六、其他需要报告的事项",
}
KEYS = list(HEADINGS)


def _check_sections(text: str) -> list[str]:
    """Sections are in template order, tile the text from the first heading, and every exact template
    heading the text prints starts its section.  Returns the keys found."""
    found = sections(text)
    keys = [s.key for s in found]
    assert keys == sorted(keys, key=KEYS.index)
    for a, b in zip(found, found[1:]):
        assert a.end == b.start
    if found:
        assert found[-1].end == len(text)
    by_key = {s.key: s for s in found}
    for key, heading in HEADINGS.items():
        at = text.find(heading)
        if at != -1:
            assert key in by_key, f"{heading} not found as a section"
            assert by_key[key].start == at
            assert by_key[key].title == heading
    return keys


@pytest.mark.parametrize("case", TEXT_CASES, ids=[c["case_id"] for c in TEXT_CASES])
def test_corpus_sections(case: dict) -> None:
    _check_sections(normalize((CORPUS / case["path"]).read_text(encoding="utf-8")))


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("form", ["2019", "2021"])
def test_synthetic_sections_all_six(form: str, shape: str) -> None:
    for seed in range(3):
        report = make_report(seed, form, shape)
        assert _check_sections(normalize(report.text)) == KEYS


def test_sentences() -> None:
    text = "第一句。第二句！\n第三句；第四句"
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == ["第一句。", "第二句！", "第三句；", "第四句"]
    assert sentences("   \n\n  ") == []


@pytest.mark.parametrize("path", ["pingtan_2021/text.txt", "pingtan_2021/lines.txt"])
def test_corpus_sentences_tile_the_section(path: str) -> None:
    text = normalize((CORPUS / "files" / path).read_text(encoding="utf-8"))
    overview = next(s for s in sections(text) if s.key == "overview")
    spans = sentences(text, overview.start, overview.end)
    assert len(spans) > 5
    assert spans[0][0] >= overview.start and spans[-1][1] <= overview.end
    for (s1, e1), (s2, _) in zip(spans, spans[1:]):
        assert s1 < e1 <= s2
        assert text[e1 - 1] in "。!?;！？；\n"
    assert all(text[s:e].strip() for s, e in spans)


def test_words_use_the_domain_dictionary() -> None:
    text = "本机关政府信息公开工作"
    found = words(text)
    assert ("政府信息公开", 3, 9) in found
    assert "".join(w for w, _, _ in found) == text


def test_every_dictionary_entry_is_one_word() -> None:
    lines = pattern_path("dict/govextract.txt").read_text(encoding="utf-8").splitlines()
    entries = [line.split()[0] for line in lines if line.strip() and not line.startswith("#")]
    assert entries
    for entry in entries:
        assert entry in [w for w, _, _ in words(f"本机关{entry}工作")], entry


_PROBE = """
import sys, govextract
govextract.extract_text(open(sys.argv[1], encoding="utf-8").read())
print(sorted(m for m in ("jieba", "spacy") if m in sys.modules))
from govextract.segment import words
words("政府信息公开")
print("jieba" in sys.modules)
"""


def test_table_extraction_does_not_import_jieba() -> None:
    done = subprocess.run([sys.executable, "-c", _PROBE, str(CORPUS / "files" / "pingtan_2021" / "text.txt")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    before, after = done.stdout.strip().splitlines()
    assert before == "[]"
    assert after == "True"  # the probe itself can see jieba once words are asked for
