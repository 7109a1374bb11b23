"""A report as JSON and back (``Report.as_json``, ``Report.from_json``),
as ``news`` keeps it with the article: every outcome, derived readings
with their inputs, alternatives, exact Decimals; and a report stored in
the form used before comes back the same."""

import json
from decimal import Decimal

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, ROUNDING, UNSURE, Report
from funding.checker.report import Finding, Quote, Reading, StoredFigure
from tests.funding.checker.checking import E, P, area, check

PLAN = StoredFigure(11, "Kinh phí – Điện Biên – 2024 – Kế hoạch", "/so-lieu/11/")
DONE = StoredFigure(12, "Kinh phí – Điện Biên – 2024 – Thực hiện", "/so-lieu/12/")


def quote(text, kind, value, decimals, step, **more):
    return Quote("body", 10, 10 + len(text), text, kind, value, decimals, step, **more)


def finding(verdict, printed, readings=(), **fields):
    return Finding(
        printed,
        verdict,
        readings[0].expected if readings else "",
        readings[0].explanation if readings else "",
        readings[0].figures if readings else (),
        ("Năm 2024, đạt ", printed.text, " kế hoạch."),
        tuple(readings),
        0.75,
        f"body:{printed.text}:1",
        **fields,
    )


def every_outcome() -> Report:
    rate = Reading("ratio:12/11", MATCH, "86,33%", "7,252 / 8,4", (DONE, PLAN), 3.5)
    spent = Reading("fig:12", MISMATCH, "7,252 tỷ đồng", "", (DONE,), 2.25)
    left = Reading("diff:11-12", UNSURE, "1,148 tỷ đồng", "8,4 − 7,252", (PLAN, DONE))
    percent = quote("86,33%", "percent", Decimal("86.33"), 2, Decimal("0.01"))
    about = quote("86,3%", "percent", Decimal("86.3"), 1, Decimal("0.1"), approx="gần")
    amount = quote("7,225 tỷ đồng", "amount", Decimal("7225000000"), 3, Decimal("1E6"))
    less = quote(
        "1,1 tỷ đồng", "amount", Decimal("1.1E9"), 1, Decimal("1E8"),
        sign=-1, role="new", in_parens=True,
    )  # fmt: skip
    count = quote("2 đề án", "count", Decimal(2), 0, Decimal(1))
    tenth = quote("0,1%", "percent", Decimal("0.1"), 1, Decimal("0.1"))
    return Report(
        findings=[
            finding(MATCH, percent, [rate, left]),
            finding(ROUNDING, about, [rate]),
            finding(MISMATCH, amount, [spent]),
            finding(UNSURE, less, [left, spent, rate]),
            finding(NO_DATA, count),
        ],
        not_figures=[finding(MATCH, tenth, [rate], bound=True)],
        bindings={"body:0,1%:1": "none"},
    )


def test_a_report_comes_back_from_its_json_as_it_was():
    report = every_outcome()
    stored = json.loads(json.dumps(report.as_json()))  # as a JSON column keeps it
    assert Report.from_json(stored, report.bindings) == report


def test_its_numbers_are_kept_exact_as_strings():
    stored = json.loads(json.dumps(every_outcome().as_json()))
    quotes = [f["quote"] + f["quote_more"] for f in stored["findings"]]
    assert [q[5] for q in quotes] == ["86.33", "86.3", "7225000000", "1.1E+9", "2"]
    assert [q[7] for q in quotes] == ["0.01", "0.1", "1E+6", "1E+8", "1"]
    loaded = Report.from_json(stored)
    assert loaded.findings[3].quote.value == Decimal("1100000000")
    assert str(loaded.not_figures[0].quote.value) == "0.1"  # no float's 0.1000…


def test_the_bindings_are_not_in_the_json_but_given_back():
    report = every_outcome()
    assert set(report.as_json()) == {"findings", "not_figures"}
    assert Report.from_json(report.as_json()).bindings == {}
    assert Report.from_json(report.as_json(), {"k": "fig:1"}).bindings == {"k": "fig:1"}


#: A finding as ``news`` stored it before the report had its own JSON.
STORED_BEFORE = {
    "quote": ["body", 52, 65, "37,73 tỷ đồng", "amount", "37730000000", 2],
    "quote_more": ["10000000", 0, "", False, ""],
    "verdict": "match",
    "expected": "37,73 tỷ đồng",
    "explanation": "",
    "figures": [{"pk": 7, "label": "Kinh phí – KCĐP", "url": "/so-lieu/7/"}],
    "context": ["thực hiện ", "37,73 tỷ đồng", ", đạt"],
    "readings": [
        {
            "ident": "fig:7",
            "verdict": "match",
            "expected": "37,73 tỷ đồng",
            "explanation": "",
            "figures": [{"pk": 7, "label": "Kinh phí – KCĐP", "url": "/so-lieu/7/"}],
            "score": 4.5,
        }
    ],
    "confidence": 0.93,
    "key": "body:37,73 tỷ đồng:1",
    "bound": False,
}


def test_a_report_stored_in_the_form_used_before_loads_and_stores_the_same():
    data = {"findings": [STORED_BEFORE], "not_figures": []}
    report = Report.from_json(data, {})
    (amount,) = report.findings
    assert amount.quote.value == Decimal("37730000000")
    assert amount.figures == (StoredFigure(7, "Kinh phí – KCĐP", "/so-lieu/7/"),)
    assert amount.reading.score == 4.5 and amount.confidence == 0.93
    assert report.as_json() == data


@pytest.mark.django_db
def test_the_figures_of_a_live_report_are_kept_by_label_and_address(
    reference_data, make_figure
):
    dien_bien = area("Điện Biên")
    figures = [
        make_figure(dien_bien, 2024, P, "8400000000"),
        make_figure(dien_bien, 2024, E, "7252000000"),
    ]
    live = check(
        figures, "Năm 2024, Điện Biên giải ngân 7,252 tỷ đồng, đạt 86,33% kế hoạch."
    )
    loaded = Report.from_json(json.loads(json.dumps(live.as_json())))
    assert [f.verdict for f in loaded.findings] == [MATCH, MATCH]
    rate = loaded.findings[1].reading
    assert rate.ident == live.findings[1].reading.ident
    assert [(f.pk, str(f), f.get_absolute_url()) for f in rate.figures] == [
        (f.pk, str(f), f.get_absolute_url()) for f in live.findings[1].reading.figures
    ]
    assert loaded.summary() == live.summary()
