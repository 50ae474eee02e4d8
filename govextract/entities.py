"""Named entities: a blank spaCy Chinese pipeline whose rules are the reviewed patterns/entities/*.yaml.

No trained Chinese pipeline can be installed offline, so the entities are rules: SpanRulers fed from
the label files, run in `RULERS` order so that later rules can build on earlier entities (a GOV_BODY
starts with a REGION, a PLATFORM with its owner), the longest match winning.  The written forms that
build on no other entity (`FORMS`: titles in 《》, document numbers, dates) are regexes over the text,
matched by one component: as a token ruler they were the slowest pass.  spaCy and jieba are imported
the first time entities are asked for; tables never pay for them.

Reports wrap lines inside names (淮安市洪\\n泽区人民政府) and space out digits (2023 年), so the
rulers read the text with such whitespace taken out; spans are mapped back to the original offsets and
`Entity.text` is the name as read, without the wrap.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from .data import load_yaml
from .dates import iso
from .divisions import divisions
from .load import MAX_TEXT_BYTES
from .normalize import blank
from .schema import Entity
from .segment import new_jieba

RULERS = ("region", "gov_body", "platform")
"""patterns/entities/<name>.yaml whose token `patterns` are SpanRulers, in the order they run (a tie goes
to the earlier ruler); each ruler is one more pass over the tokens."""

FORMS = ("law", "doc_no", "date")
"""patterns/entities/<name>.yaml whose `regexes` the forms component matches after the rulers (a tie
goes to the rulers: a gazette in 《》 is a PLATFORM)."""

_SPACE = regex.compile(r"\s+")
_ASCII_WORD = regex.compile(r"[A-Za-z0-9]")
_SENTENCE_END = "。！？；：!?;:"


@dataclass(frozen=True)
class _Compact:
    """The text with layout whitespace removed, and where each of its characters came from.

    Spaces go unless they stand between two Latin words.  A line break goes when the line before it
    is full (at least 80% of the median width of the report's lines, and not ended by a sentence):
    the line was wrapped.  Any other line break stays, one newline, so that a heading or a header
    field (发布机构: …) does not run into the next line.
    """

    text: str
    origin: list[int]

    @classmethod
    def of(cls, text: str) -> _Compact:
        full = 0.8 * _median_width(text)
        keep: list[int] = []
        pos = 0
        for m in _SPACE.finditer(text):
            keep.extend(range(pos, m.start()))
            before, after = text[m.start() - 1: m.start()], text[m.end(): m.end() + 1]
            if "\n" in m.group():
                line = text[text.rfind("\n", 0, m.start()) + 1: m.start()].strip()
                if len(line) < full or line.endswith(tuple(_SENTENCE_END)):
                    keep.append(m.start() + m.group().index("\n"))
            elif _ASCII_WORD.match(before) and _ASCII_WORD.match(after):
                keep.append(m.start())
            pos = m.end()
        keep.extend(range(pos, len(text)))
        return cls("".join(text[i] for i in keep), keep)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


def _median_width(text: str) -> float:
    widths = sorted(len(line.strip()) for line in text.split("\n") if len(line.strip()) >= 10)
    return widths[len(widths) // 2] if widths else 0.0


class _Segmenter:
    """spaCy tokenizer: jieba with the domain dictionary and the entity words, so names stay whole."""

    def __init__(self, vocab: Any, words: list[str]) -> None:
        self.vocab = vocab
        self.jieba = new_jieba()
        for word in words:
            self.jieba.add_word(word)

    def __call__(self, text: str) -> Any:
        from spacy.tokens import Doc

        words = [w for w, _, _ in self.jieba.tokenize(text, HMM=False)]
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


@dataclass(frozen=True)
class _Pipeline:
    nlp: Any
    alias_between: regex.Pattern[str]


@cache
def _pipeline() -> _Pipeline:
    import spacy
    from spacy.language import Language

    nlp = spacy.blank("zh")
    nlp.max_length = MAX_TEXT_BYTES
    rules = {name: load_yaml(f"entities/{name}.yaml") for name in RULERS + FORMS}
    region = rules["region"]
    places = _region_phrases(set(region["not_names"]))
    words = list(places) + [w for rule in rules.values() for w in rule.get("words", [])]
    nlp.tokenizer = _Segmenter(nlp.vocab, words)
    Language.component("govextract_short_forms", func=_confirm_short_forms)
    for name in RULERS:
        ruler = nlp.add_pipe("span_ruler", name=name,
                             config={"annotate_ents": True, "spans_key": None, "overwrite": False})
        patterns = [{"label": rules[name]["label"], "pattern": p} for p in rules[name]["patterns"]]
        if name == "region":
            patterns += [{"label": "REGION", "pattern": n, "id": kind} for n, kind in places.items()]
            patterns += [{"label": "REGION", "pattern": w, "id": "level"} for w in region["levels"]]
        ruler.add_patterns(patterns)
        if name == "region":
            nlp.add_pipe("govextract_short_forms")
    Language.component("govextract_forms", func=_add_forms)
    nlp.add_pipe("govextract_forms")
    return _Pipeline(nlp, regex.compile(rules["law"]["alias_between"]))


def _region_phrases(not_names: set[str]) -> dict[str, str]:
    """Every division name and short form → "name", or "short" for a county's short form."""
    out: dict[str, str] = {}
    for name, found in divisions().by_name.items():
        if name in not_names:
            continue
        county_short = all(d.level == "county" and d.short == name for d in found)
        out[name] = "short" if county_short else "name"
    return out


def _confirm_short_forms(doc: Any) -> Any:
    """Keep a county's short form (寿光) only where the report also names the county (寿光市) or a zone
    starting with it (平潭综合实验区)."""
    full = [e.text for e in doc.ents if e.label_ == "REGION" and e.id_ not in ("short", "level")]
    doc.ents = [e for e in doc.ents
                if e.id_ != "short" or any(f.startswith(e.text) and f != e.text for f in full)]
    return doc


@cache
def _forms() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """(label, compiled regex) for every form of the `FORMS` files."""
    rules = [load_yaml(f"entities/{name}.yaml") for name in FORMS]
    return tuple((rule["label"], regex.compile(r)) for rule in rules for r in rule["regexes"])


def _add_forms(doc: Any) -> Any:
    """Add the `FORMS` entities as a SpanRuler would: every match that starts and ends on a word boundary
    is a candidate, and among candidates and the entities already found the longest wins."""
    from spacy.util import filter_spans

    text = doc.text  # built from the tokens at each access
    found = [span for label, pattern in _forms() for m in pattern.finditer(text, overlapped=True)
             if (span := doc.char_span(m.start(), m.end(), label=label)) is not None]
    doc.ents = filter_spans(list(doc.ents) + found)
    return doc


def find_entities(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Entity]:
    """Entities of a normalised report text, in reading order, outside the `skip` spans (the statutory
    tables: numbers under fixed headers, no names, yet a large share of the text to tokenise)."""
    compact = _Compact.of(blank(text, skip))
    if not compact.text:
        return []
    pipeline = _pipeline()
    doc = pipeline.nlp(compact.text)
    aliases: dict[str, str] = {}
    previous_law: tuple[int, str] | None = None
    out = []
    for ent in doc.ents:
        if ent.label_ == "REGION" and ent.id_ == "level":
            continue  # a bare 市 or 区 standing for a place, for the rules only (region.yaml)
        normalized = None
        if ent.label_ == "LAW":
            title = ent.text[1:-1]
            if previous_law and pipeline.alias_between.match(compact.text[previous_law[0]:ent.start_char]):
                aliases[title] = previous_law[1]
            normalized = aliases.get(title, title)
            previous_law = (ent.end_char, normalized)
        elif ent.label_ == "DATE":
            normalized = iso(ent.text)
        out.append(Entity(label=ent.label_, text=ent.text, span=compact.span(ent.start_char, ent.end_char),
                          normalized=normalized))
    return out

