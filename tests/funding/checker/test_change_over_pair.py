"""A change or multiple after "từ … lên …" is over the pair's first
number, whatever years lie between them. Texts written for these tests
(Điện Biên spent 5 tỷ đồng in 2021, 6 in 2022, 7 in 2023)."""

import pytest

from funding.checker import MATCH, UNSURE
from tests.funding.checker.checking import read

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("change", ["tức tăng 40%", "gấp 1,4 lần"])
def test_a_change_over_two_years_apart(dien_bien_2021_to_2024, change):
    text = (
        "Kinh phí khuyến công Điện Biên thực hiện tăng từ 5 tỷ đồng năm 2021"
        f" lên 7 tỷ đồng năm 2023, {change}."
    )
    assert [verdict for _, verdict in read(dien_bien_2021_to_2024, text)] == [MATCH] * 3


def test_a_wrong_change_over_the_pair_is_flagged(dien_bien_2021_to_2024):
    text = (
        "Kinh phí khuyến công Điện Biên thực hiện tăng từ 5 tỷ đồng năm 2021"
        " lên 7 tỷ đồng năm 2023, tức tăng 45%."
    )
    # no slip of the pen of 40%: flagged, only not sure enough to block
    assert read(dien_bien_2021_to_2024, text)[-1] == ("45%", UNSURE)


def test_the_year_before_stays_the_base_without_a_pair(dien_bien_2021_to_2024):
    text = "Năm 2023, Điện Biên thực hiện 7 tỷ đồng, tăng 16,67%."
    assert read(dien_bien_2021_to_2024, text) == [
        ("7 tỷ đồng", MATCH),
        ("16,67%", MATCH),
    ]
