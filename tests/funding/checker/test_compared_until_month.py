"""A change over the months "hết tháng N" of the same year, named after it
with no year ("tăng 5 đề án so với hết tháng 8"): the same year's N months,
not the year before (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import E, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(make_figure):
    """Gia Lai's projects done in 2025: 31 after 8 months, 36 after 9; 30
    in the whole of 2024."""
    count = Indicator.objects.get(unit=Indicator.Unit.COUNT, count_noun="đề án")
    province = area("Gia Lai")

    def made(year, value, months=None):
        return make_figure(province, year, E, value, months=months, indicator=count)

    return [made(2025, "31", 8), made(2025, "36", 9), made(2024, "30")]


def test_a_change_over_the_months_named_after_it(projects):
    found = paragraph_verdicts(
        projects,
        "Năm 2025, đến hết tháng 9, Gia Lai hoàn thành 36 đề án, tăng 5 đề án so "
        "với hết tháng 8 (31 đề án).",
    )
    assert found == {"36 đề án": MATCH, "5 đề án": MATCH, "31 đề án": MATCH}


def test_a_wrong_direction_over_those_months_is_flagged(projects):
    found = paragraph_verdicts(
        projects,
        "Năm 2025, đến hết tháng 9, Gia Lai hoàn thành 36 đề án, giảm 5 đề án so "
        "với hết tháng 8.",
    )
    assert found["5 đề án"] == MISMATCH


def test_months_of_another_year_are_not_this_years(projects):
    """ "so với hết tháng 8 năm 2024": not this year's 8 months (36 − 31),
    and none of 2024 is stored."""
    found = paragraph_verdicts(
        projects,
        "Năm 2025, đến hết tháng 9, Gia Lai hoàn thành 36 đề án, tăng 5 đề án so "
        "với hết tháng 8 năm 2024.",
    )
    assert found["5 đề án"] != MATCH
