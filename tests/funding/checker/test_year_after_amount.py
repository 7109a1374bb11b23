"""A year written right after an amount is that amount's year, also for
the second number of "từ … lên …" (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def son_la(reference_data, make_figure):
    province = area("Sơn La")
    return [
        make_figure(province, 2021, E, "5100000000"),
        make_figure(province, 2022, E, "5730000000"),
        make_figure(province, 2023, E, "6480000000"),
    ]


def test_the_year_after_the_new_value_of_a_rise_is_its_own(son_la):
    found = paragraph_verdicts(
        son_la,
        "Kinh phí khuyến công Sơn La tăng đều, từ 5,1 tỷ đồng năm 2021 "
        "lên 6,48 tỷ đồng năm 2023.",
    )
    assert found == {"5,1 tỷ đồng": MATCH, "6,48 tỷ đồng": MATCH}


def test_a_wrong_value_with_its_year_after_it_is_flagged(son_la):
    found = paragraph_verdicts(
        son_la,
        "Kinh phí khuyến công Sơn La tăng đều, từ 5,1 tỷ đồng năm 2021 "
        "lên 6,84 tỷ đồng năm 2023.",
    )
    assert found["6,84 tỷ đồng"] == MISMATCH
