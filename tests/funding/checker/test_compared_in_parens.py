"""A value in parentheses right after what a comparative compares with
("cao hơn năm 2023 (6,4 tỷ đồng)") is that year's figure, as after "so
với" (lines written for these tests)."""

import pytest

from funding.checker import MATCH, UNSURE
from tests.funding.checker.checking import E, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def cao_bang(reference_data, make_figure):
    """Cao Bằng: 6,4 tỷ đồng executed in 2023, 7,1 tỷ đồng in 2024."""
    province = area("Cao Bằng")
    return [
        make_figure(province, 2023, E, "6400000000"),
        make_figure(province, 2024, E, "7100000000"),
    ]


def test_the_value_after_a_compared_year_is_that_years(cao_bang):
    found = paragraph_verdicts(
        cao_bang,
        "Năm 2024 Cao Bằng giải ngân 7,1 tỷ đồng, cao hơn năm 2023 (6,4 tỷ đồng) "
        "10,94%.",
    )
    assert found == {"7,1 tỷ đồng": MATCH, "6,4 tỷ đồng": MATCH, "10,94%": MATCH}


def test_a_wrong_value_of_the_compared_year_is_flagged(cao_bang):
    found = paragraph_verdicts(
        cao_bang,
        "Năm 2024 Cao Bằng giải ngân 7,1 tỷ đồng, thấp hơn năm 2023 (7,6 tỷ đồng).",
    )
    assert found["7,6 tỷ đồng"] == UNSURE  # near it for no cause (``choose.UNCAUSED``)


def test_a_comparative_with_nothing_compared_keeps_the_year(cao_bang):
    found = paragraph_verdicts(
        cao_bang,
        "Năm 2024 kinh phí giải ngân của Cao Bằng cao hơn (7,1 tỷ đồng so với "
        "6,4 tỷ đồng của năm 2023).",
    )
    assert found["7,1 tỷ đồng"] == MATCH


def test_a_fall_with_the_compared_value_in_parens_keeps_its_direction(cao_bang):
    found = paragraph_verdicts(
        cao_bang,
        "Năm 2023 Cao Bằng giải ngân 6,4 tỷ đồng, thấp hơn năm 2024 "
        "(7,1 tỷ đồng) 9,86%.",
    )
    assert found == {"6,4 tỷ đồng": MATCH, "7,1 tỷ đồng": MATCH, "9,86%": MATCH}
