"""A confident mismatch needs a cause the checker can name: a slip of the
pen (a digit changed, two swapped, one off in the last place, a unit a
thousand times off, a sign), or the value of the figure next to the one
the words name (the plan where they say executed, the other fund, the
year before), or, for a rate, of the same formula over such figures. A
printed number merely near its reading, for no such cause, is as likely
another quantity the words describe as well: "unsure", naming the reading,
so the editor settles it; it does not block publishing."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING, UNSURE
from tests.funding.checker.checking import (
    KCDP,
    KCQG,
    E,
    P,
    figures_of,
    read_with_report,
)

pytestmark = pytest.mark.django_db

FINE = {MATCH, ROUNDING}


@pytest.fixture
def quang_tri(reference_data, make_figure):
    """Quảng Trị: 2023 planned 8 tỷ, spent 7,2 tỷ (90%); 2024 planned 9 tỷ,
    spent 8,1 tỷ (90%), of which KCQG 3 tỷ planned, 2,7 tỷ spent."""
    return [
        *figures_of(
            make_figure,
            "Quảng Trị",
            (2023, P, "8000000000"),
            (2023, E, "7200000000"),
            (2024, P, "9000000000"),
            (2024, E, "8100000000"),
        ),
        *figures_of(
            make_figure,
            "Quảng Trị",
            (2024, P, "3000000000", KCQG),
            (2024, E, "2700000000", KCQG),
            (2024, P, "6000000000", KCDP),
            (2024, E, "5400000000", KCDP),
        ),
    ]


def verdict_of(figures, text, number):
    """The verdict of ``number`` in ``text`` and its finding."""
    found, report = read_with_report(figures, text)
    finding = next(f for f in report.findings if f.quote.text == number)
    assert (number, finding.verdict) in found
    return finding


def idents_of(finding):
    return [r.ident for r in finding.readings]


SPENT = "Năm 2024, Trung tâm Khuyến công Quảng Trị đã giải ngân {} đồng."


def test_the_right_amount_matches(quang_tri):
    assert verdict_of(quang_tri, SPENT.format("8,1 tỷ"), "8,1 tỷ đồng").verdict in FINE


@pytest.mark.parametrize(
    "printed",
    [
        "8,4 tỷ",  # a digit changed
        "8,01 tỷ",  # two digits swapped
        "8,1 triệu",  # a unit a thousand times off
    ],
)
def test_a_slip_of_the_pen_is_a_confident_mismatch(quang_tri, printed):
    finding = verdict_of(quang_tri, SPENT.format(printed), f"{printed} đồng")
    assert finding.verdict == MISMATCH
    assert [f.value for f in finding.figures] == [8_100_000_000]


def test_an_amount_near_its_reading_for_no_cause_is_unsure(quang_tri):
    """7,35 tỷ is no slip of 8,1 tỷ, nor any figure next to it: perhaps a
    part the text does not name, perhaps a wrong number; the editor says."""
    finding = verdict_of(quang_tri, SPENT.format("7,35 tỷ"), "7,35 tỷ đồng")
    assert finding.verdict == UNSURE
    executed_2024 = next(f for f in quang_tri if f.year == 2024 and f.measure == E)
    assert any(executed_2024.pk in {x.pk for x in r.figures} for r in finding.readings)


def test_the_plan_printed_for_what_was_spent_is_a_confident_mismatch(quang_tri):
    """9 tỷ is the plan next to the executed figure the words name: the
    cause is named (a swap), so it blocks."""
    finding = verdict_of(quang_tri, SPENT.format("9 tỷ"), "9 tỷ đồng")
    assert finding.verdict == MISMATCH


def test_the_other_fund_printed_is_a_confident_mismatch(quang_tri):
    finding = verdict_of(
        quang_tri,
        "Năm 2024, nguồn khuyến công quốc gia của Quảng Trị đã giải ngân 5,4 tỷ đồng.",
        "5,4 tỷ đồng",
    )
    assert finding.verdict == MISMATCH


RATE = "Năm 2024, Quảng Trị giải ngân khuyến công đạt {} kế hoạch năm."


def test_the_right_rate_matches(quang_tri):
    assert verdict_of(quang_tri, RATE.format("90%"), "90%").verdict in FINE


def test_a_rate_near_its_reading_for_no_cause_is_unsure(quang_tri):
    """86% is 4 points under 90%, no slip of the pen, and no formula over
    the figures next to these gives it."""
    finding = verdict_of(quang_tri, RATE.format("86%"), "86%")
    assert finding.verdict == UNSURE
    assert idents_of(finding)[0].startswith("ratio:")


def test_a_rate_with_a_digit_changed_is_a_confident_mismatch(quang_tri):
    finding = verdict_of(quang_tri, RATE.format("80%"), "80%")
    assert finding.verdict == MISMATCH


@pytest.fixture
def gia_lai(reference_data, make_figure):
    """Gia Lai's 2024: planned 12 tỷ, spent 10,5 tỷ (87,5%); KCQG planned
    4 tỷ of it (the rest KCĐP, 8 tỷ planned, 7 tỷ spent: 87,5%, KCQG 3,5
    tỷ spent: 87,5% too), so its shares differ by the base: KCQG's 3,5 tỷ
    is 33,33% of what was spent, 29,17% of the plan."""
    return [
        *figures_of(
            make_figure,
            "Gia Lai",
            (2024, P, "12000000000"),
            (2024, E, "10500000000"),
        ),
        *figures_of(
            make_figure,
            "Gia Lai",
            (2024, P, "4000000000", KCQG),
            (2024, E, "3500000000", KCQG),
        ),
    ]


def test_a_share_of_the_base_the_words_do_not_name_is_a_confident_mismatch(gia_lai):
    """ "chiếm 29,17% tổng kinh phí đã giải ngân": 29,17% is the share of
    the plan, the base the words do not name: the writer took the wrong
    base, a cause, so it blocks."""
    text = (
        "Năm 2024, nguồn khuyến công quốc gia của Gia Lai giải ngân 3,5 tỷ "
        "đồng, chiếm {} tổng kinh phí đã giải ngân của tỉnh."
    )
    assert verdict_of(gia_lai, text.format("33,33%"), "33,33%").verdict in FINE
    finding = verdict_of(gia_lai, text.format("29,17%"), "29,17%")
    assert finding.verdict == MISMATCH
