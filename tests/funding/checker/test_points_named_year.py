"""Points compared with a year the sentence names before ("Năm 2021 … ;
năm 2024 …, cao hơn … điểm phần trăm") are against that year, never
against the unnamed year before the one in force (sentences written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def dien_bien(reference_data, make_figure):
    province = area("Điện Biên")
    figures = []
    # 2021: 92%; 2023: 95%; 2024: 98%
    for year, plan, executed in [
        (2021, "5000000000", "4600000000"),
        (2023, "6000000000", "5700000000"),
        (2024, "8000000000", "7840000000"),
    ]:
        figures.append(make_figure(province, year, P, plan))
        figures.append(make_figure(province, year, E, executed))
    return figures


def points_verdict(figures, points):
    found = paragraph_verdicts(
        figures,
        "Năm 2021 Điện Biên giải ngân 92% kế hoạch khuyến công; năm 2024 "
        f"đạt 98%, cao hơn {points} điểm phần trăm.",
    )
    return found[f"{points} điểm phần trăm"]


def test_points_against_the_year_named_match(dien_bien):
    assert points_verdict(dien_bien, "6") == MATCH


def test_points_against_an_unnamed_year_are_flagged(dien_bien):
    # 98% − 95% of 2023, a year the sentence never names
    assert points_verdict(dien_bien, "3") == MISMATCH
