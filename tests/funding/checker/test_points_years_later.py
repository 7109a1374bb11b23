"""A change in points "sau một năm" after a year named ("Năm 2022, tỷ lệ
ấy là 75%; chỉ sau một năm đã cao hơn 5 điểm phần trăm"): of the year
after the one named, against the one named (sentences written for these
tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def dien_bien(reference_data, make_figure):
    province = area("Điện Biên")
    figures = []
    # 2021: 78%; 2022: 75%; 2023: 80%
    for year, executed in [
        (2021, "7800000000"),
        (2022, "7500000000"),
        (2023, "8000000000"),
    ]:
        figures.append(make_figure(province, year, P, "10000000000"))
        figures.append(make_figure(province, year, E, executed))
    return figures


def points_verdict(figures, points):
    found = paragraph_verdicts(
        figures,
        "Năm 2023, Điện Biên giải ngân 8 tỷ đồng trên kế hoạch 10 tỷ đồng, đạt "
        "80%. Năm 2022, tỷ lệ ấy là 75%; như vậy chỉ sau một năm đã cao hơn "
        f"{points} điểm phần trăm.",
    )
    return found[f"{points} điểm phần trăm"]


def test_points_after_one_year_match(dien_bien):
    assert points_verdict(dien_bien, "5") == MATCH


def test_wrong_points_after_one_year_are_flagged(dien_bien):
    assert points_verdict(dien_bien, "4") == MISMATCH
