"""The metric families of patterns/figures/*.yaml, compiled once into `regex` patterns.

No metric knowledge lives here: this module only turns the reviewed data into patterns (see the
format described in patterns/figures/_common.yaml).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from ..data import load_yaml, pattern_path

_GAP = "…"
_CLAUSE_BREAKS = ",;:。!?"  # a … never crosses these (the text is normalised: ，；：！？ are ASCII)
_RULE_FIELDS = {"units", "before", "after", "context", "veto"}


@dataclass(frozen=True)
class Rule:
    """One way a metric is stated; see patterns/figures/_common.yaml."""

    units: frozenset[str | None]
    before: regex.Pattern[str] | None  # reverse-searched on the text left of the number
    after: regex.Pattern[str] | None  # matched on the text right of the quantity
    context: regex.Pattern[str] | None  # reverse-searched on the sentence left of the phrase
    veto: regex.Pattern[str] | None  # searched in the number's own clause


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    family: str
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class RuleBook:
    metrics: tuple[Metric, ...]
    by_unit: dict[str | None, tuple[tuple[Metric, Rule], ...]]
    blocker: regex.Pattern[str]
    gap: int
    sentence_reach: int


@dataclass(frozen=True)
class Example:
    family: str
    text: str
    expect: tuple[tuple[str, str], ...]  # (metric, value as written in the file)


def family_names() -> list[str]:
    """The family files, in the order their metrics are tried (ties go to the earlier one)."""
    return sorted(p.name[:-5] for p in pattern_path("figures").iterdir()
                  if p.name.endswith(".yaml") and not p.name.startswith("_"))


def _family(name: str) -> dict[str, Any]:
    return load_yaml(f"figures/{name}.yaml")


def _phrase(text: str, gap: int) -> str:
    lazy_gap = f"(?P<gap>[^{regex.escape(_CLAUSE_BREAKS)}]{{0,{gap}}}?)"
    return lazy_gap.join(regex.escape(part) for part in text.split(_GAP))


def _alternation(phrases: list[str], gap: int) -> str:
    ordered = sorted(phrases, key=lambda p: len(p.replace(_GAP, "")), reverse=True)
    return "|".join(_phrase(p, gap) for p in ordered)


def _rule(spec: dict[str, Any], connectors: str, gap: int, where: str) -> Rule:
    unknown = set(spec) - _RULE_FIELDS
    if unknown or not spec.get("units"):
        raise ValueError(f"{where}: a rule needs units and may have {sorted(_RULE_FIELDS)}; got {sorted(spec)}")
    if not (spec.get("before") or spec.get("after") or spec.get("context")):
        raise ValueError(f"{where}: a rule without phrases needs a context")

    def compiled(field: str, template: str) -> regex.Pattern[str] | None:
        words = spec.get(field)
        return regex.compile(template.format(_alternation(words, gap))) if words else None

    return Rule(
        units=frozenset(spec["units"]),
        before=compiled("before", "(?r)(?P<phrase>{})(?:" + connectors + ")*\\Z"),
        after=compiled("after", "(?P<phrase>{})"),
        context=compiled("context", "(?r)(?:{})"),
        veto=compiled("veto", "(?:{})"),
    )


@cache
def rule_book() -> RuleBook:
    common = load_yaml("figures/_common.yaml")
    gap = int(common["gap"])
    connectors = "|".join(regex.escape(c) for c in sorted(common["connectors"], key=len, reverse=True))
    metrics: list[Metric] = []
    seen: set[str] = set()
    for name in family_names():
        for m in _family(name)["metrics"]:
            if m["key"] in seen:
                raise ValueError(f"figures/{name}.yaml: metric {m['key']} is defined twice")
            seen.add(m["key"])
            rules = tuple(_rule(r, connectors, gap, f"figures/{name}.yaml {m['key']}") for r in m["rules"])
            metrics.append(Metric(m["key"], m["label"], name, rules))
    by_unit: dict[str | None, list[tuple[Metric, Rule]]] = {}
    for metric in metrics:
        for rule in metric.rules:
            for unit in rule.units:
                by_unit.setdefault(unit, []).append((metric, rule))
    blockers = "|".join(regex.escape(b) for b in common["blockers"])
    return RuleBook(tuple(metrics), {u: tuple(v) for u, v in by_unit.items()},
                    regex.compile(f"(?r)(?:{blockers})\\Z"), gap, int(common["sentence_reach"]))


def examples() -> list[Example]:
    """The example sentences kept beside the rules, for the tests."""
    out = []
    for name in family_names():
        for e in _family(name).get("examples", []):
            expect = tuple((str(metric), str(value)) for metric, value in e["expect"])
            out.append(Example(name, e["text"], expect))
    return out
