"""A number over several years together ("Trong ba năm, …", "giai đoạn
2022–2024") is the sum of one figure over those years, and a rate of two
such sums their ratio; what was not spent ("không giải ngân hết") is the
plan less what was (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area, check, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def cao_bang(reference_data, make_figure):
    """Cao Bằng 2022–2024: plans 5, 5,5 and 6 tỷ; executed 4,6, 5,2 and
    5,7 tỷ (15,5 tỷ of 16,5 tỷ, 93,94%); projects 14, 15 and 16."""
    province = area("Cao Bằng")
    count = Indicator.objects.get(code="so-de-an")
    figures = []
    for year, plan, done, projects in (
        (2022, "5000000000", "4600000000", "14"),
        (2023, "5500000000", "5200000000", "15"),
        (2024, "6000000000", "5700000000", "16"),
    ):
        figures += [
            make_figure(province, year, P, plan),
            make_figure(province, year, E, done),
            make_figure(province, year, E, projects, indicator=count),
        ]
    return figures


def test_a_total_over_three_years_is_their_sum(cao_bang):
    found = paragraph_verdicts(
        cao_bang,
        "Trong ba năm, Cao Bằng được giao 16,5 tỷ đồng, đã giải ngân 15,5 tỷ "
        "đồng, đạt 93,94%.",
    )
    assert found == {"16,5 tỷ đồng": MATCH, "15,5 tỷ đồng": MATCH, "93,94%": MATCH}


def test_a_period_of_years_named_by_its_ends(cao_bang):
    found = paragraph_verdicts(
        cao_bang, "Giai đoạn 2023–2024, Cao Bằng thực hiện 31 đề án khuyến công."
    )
    assert found == {"31 đề án": MATCH}


def test_a_wrong_total_over_years_names_the_sum(cao_bang):
    report = check(cao_bang, "Hai năm qua, Cao Bằng đã thực hiện 32 đề án khuyến công.")
    finding = report.findings[0]
    assert finding.verdict in (MISMATCH, UNSURE)
    assert finding.readings[0].expected == "31 đề án"


def test_one_year_named_is_not_a_total(cao_bang):
    """ "năm 2024" names one year: no sum over years."""
    found = paragraph_verdicts(
        cao_bang, "Năm 2024, Cao Bằng đã thực hiện 29 đề án khuyến công."
    )
    assert found["29 đề án"] == UNSURE  # near it for no cause (``choose.UNCAUSED``)


def test_a_yearly_average_is_no_total(cao_bang):
    found = paragraph_verdicts(
        cao_bang,
        "Trong ba năm, bình quân mỗi năm Cao Bằng giải ngân 15,5 tỷ đồng.",
    )
    assert found["15,5 tỷ đồng"] != MATCH


def test_what_was_not_spent_is_the_plan_less_the_spending(cao_bang):
    found = paragraph_verdicts(
        cao_bang,
        "Số kinh phí năm 2024 không giải ngân hết là 300.000.000 đồng, "
        "đã nộp trả ngân sách.",
    )
    assert found == {"300.000.000 đồng": MATCH}
