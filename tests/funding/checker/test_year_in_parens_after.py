"""A bare year in parentheses right after a number is that number's own
("7,25 tỷ (2024)"), as "năm 2024" after it is: a chain of yearly figures
is read year by year (lines written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def yearly(make_figure):
    province = area("Điện Biên")
    return [
        make_figure(province, year, E, value)
        for year, value in ((2022, "5610000000"), (2023, "6480000000"))
    ]


@pytest.mark.parametrize(("year", "verdict"), [("2023", MATCH), ("2022", MISMATCH)])
def test_a_year_in_parentheses_after_a_number_is_its_own(yearly, year, verdict):
    found = paragraph_verdicts(
        yearly,
        f"Điện Biên, kinh phí khuyến công đã giải ngân: 5,61 tỷ (2022), "
        f"6,48 tỷ ({year}).",
    )
    assert found == {"5,61 tỷ": MATCH, "6,48 tỷ": verdict}
