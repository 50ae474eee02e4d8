"""Run-together digits: read when the identities leave one reading, never guessed when they leave several."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from synthetic import make_report, row_readings

import govextract
from govextract.schema import Report
from govextract.templates import templates

REQUEST_COLUMNS = [c.key for c in templates().requests.columns]


def flagged(report: Report, code: str = "ambiguous_cell") -> dict[str, list[dict[str, str]]]:
    """key → the candidate readings of the problems of `code` naming it."""
    out: dict[str, list[dict[str, str]]] = {}
    for p in report.problems:
        if p.code == code:
            for k in p.keys:
                out.setdefault(k, []).extend(p.candidates)
    return out


def test_several_readings_stay_empty_with_candidates() -> None:
    """第二十条（一） 行政规范性文件 693665: 69|3|665, 6|93|665, 693|6|65 … all fit; none may be chosen."""
    keys = ["art20_1.normative_documents.issued", "art20_1.normative_documents.repealed",
            "art20_1.normative_documents.in_force"]
    truth = dict(zip(keys, (69, 3, 665)))
    s = make_report(0, "2021", "text", printed={k: (str(v), v) for k, v in truth.items()})
    assert "规范性文件693665" in s.text
    report = govextract.extract_text(s.text)
    cells = report.cells()
    assert [cells[k] for k in keys] == [None, None, None]
    assert {cell.marker for cell in (getattr(report.tables.art20_1.normative_documents, k.split(".")[-1])
                                     for k in keys)} == {"ambiguous"}
    candidates = flagged(report)
    assert set(keys) <= set(candidates)
    readings = [{k: c[k] for k in keys} for c in candidates[keys[0]]]
    assert {k: str(v) for k, v in truth.items()} in readings
    assert len({tuple(r.values()) for r in readings}) > 1


def test_same_digits_with_separators_are_read() -> None:
    keys = ["art20_1.normative_documents.issued", "art20_1.normative_documents.repealed",
            "art20_1.normative_documents.in_force"]
    s = make_report(0, "2021", "tabs", printed={k: (str(v), v) for k, v in zip(keys, (69, 3, 665))})
    assert [govextract.extract_text(s.text).cells()[k] for k in keys] == [69, 3, 665]


def test_column_identities_decide_a_row_its_own_total_cannot() -> None:
    """本年新收 and （七）总计 print 101000011: 10|1|0|0|0|0|11 or 1|0|10|0|0|0|11 by the row alone.
    予以公开 6 and 不掌握 4 in the 自然人 column add up to 10, so only the first reading balances."""
    outcomes = [r.key for r in templates().requests.rows_in("2021")][2:-2]
    fixed = {k: [0] * 6 for k in outcomes + ["carried_over", "carried_forward"]}
    fixed["granted"] = [6, 1, 0, 0, 0, 0]
    fixed["unable_not_held"] = [4, 0, 0, 0, 0, 0]
    plain = {f"requests.{r}.{c}": (str(v), v) for r, vs in
             (("new_received", [10, 1, 0, 0, 0, 0, 11]), ("total_processed", [10, 1, 0, 0, 0, 0, 11]))
             for c, v in zip(REQUEST_COLUMNS, vs)}
    s = make_report(0, "2021", "text", fixed=fixed, printed=plain)
    for row in ("new_received", "total_processed"):
        keys = [f"requests.{row}.{c}" for c in REQUEST_COLUMNS]
        assert len(row_readings([s.record.printed[k] for k in keys], 1)) == 2  # the row alone cannot decide
    report = govextract.extract_text(s.text)
    cells = report.cells()
    requests = {k: v for k, v in s.truth.items() if k.startswith("requests.")}
    assert {k: cells[k] for k in requests} == requests
    assert not [k for k in flagged(report) if k.startswith("requests.")]


def test_digits_no_reading_fits_leave_the_row_empty() -> None:
    """1234567 for seven cells: the only cut gives 1+2+…+6 = 21, not 7."""
    keys = [f"requests.granted.{c}" for c in REQUEST_COLUMNS]
    s = make_report(0, "2021", "text", printed={k: (str(i + 1), i + 1) for i, k in enumerate(keys)})
    at = s.text.index("予以公开1234567") + len("予以公开")
    report = govextract.extract_text(s.text)
    assert [report.cells()[k] for k in keys] == [None] * 7
    found = [p for p in report.problems if p.table == "requests" and p.severity == "error"
             and p.span is not None and p.span[0] <= at < p.span[1]]
    assert found, [p.model_dump() for p in report.problems]


# ---- the core promise -----------------------------------------------------------------------------

COUNT = st.one_of(st.just(0), st.just(0), st.integers(1, 9), st.integers(10, 400))
ROW = st.lists(COUNT, min_size=6, max_size=6)


@settings(max_examples=40, deadline=1000)
@given(form=st.sampled_from(["2019", "2021"]), seed=st.integers(0, 10_000), data=st.data())
def test_run_together_never_silently_wrong(form: str, seed: int, data: st.DataObject) -> None:
    """Random identity-consistent tables printed run-together: every value read is the printed one."""
    keys = [r.key for r in templates().requests.rows_in(form)]
    outcomes = keys[keys.index("carried_over") + 1: keys.index("total_processed")]
    fixed = {k: data.draw(ROW, label=k) for k in outcomes + ["carried_forward"]}
    processed = [sum(fixed[k][c] for k in outcomes) + fixed["carried_forward"][c] for c in range(6)]
    fixed["carried_over"] = [data.draw(st.integers(0, limit)) for limit in processed]
    s = make_report(seed, form, "text", fixed=fixed, markers=False)
    report = govextract.extract_text(s.text)
    cells = report.cells()
    named = {k for p in report.problems for k in p.keys}
    for key, truth in s.truth.items():
        assert cells[key] == truth or (cells[key] is None and key in named), key
