"""The second half of a year ("nửa cuối năm": the year less its first six
months), and a multiple naming no base after two amounts ("…, gấp 1,4
lần": the last over the one before) (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, UNSURE
from tests.funding.checker.checking import E, area_before_merger, read_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def kon_tum(reference_data, make_figure):
    """Kon Tum's 2024: 8,64 tỷ spent, 3,6 tỷ of it in the first half."""
    province = area_before_merger("Kon Tum")
    return [
        make_figure(province, 2024, E, "8640000000"),
        make_figure(province, 2024, E, "3600000000", months=6),
        make_figure(province, 2023, E, "7000000000"),
    ]


TEXT = (
    "<p>Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng. Sáu tháng đầu năm chỉ giải ngân "
    "3,6 tỷ đồng, còn nửa cuối năm giải ngân 5,04 tỷ đồng, gấp {} lần.</p>"
)


def test_the_second_half_and_a_multiple_of_the_first(kon_tum):
    found = dict(read_html(kon_tum, TEXT.format("1,4")))
    assert found["5,04 tỷ đồng"] == MATCH
    assert found["gấp 1,4 lần"] == MATCH


def test_a_wrong_multiple_of_the_first_half_is_flagged(kon_tum):
    report_found = dict(read_html(kon_tum, TEXT.format("1,8")))
    assert report_found["gấp 1,8 lần"] in (UNSURE, "mismatch")


def test_a_multiple_after_two_amounts_is_the_larger_over_the_smaller(
    kon_tum, make_figure
):
    gia_lai = make_figure(area_before_merger("Gia Lai"), 2024, E, "6912000000")
    found = dict(
        read_html(
            [*kon_tum, gia_lai],
            "<p>Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng, trong khi Gia Lai giải ngân "
            "6,912 tỷ đồng, tức Kon Tum cao gấp 1,25 lần.</p>",
        )
    )
    assert found["gấp 1,25 lần"] == MATCH
