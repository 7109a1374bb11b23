"""An approximate rate ("khoảng 27%") of an amount read "unsure" is unsure
too when it is right of the amount as printed (a figure the data does not
hold) or of another reading of it; wrong of all of them, it is a mismatch
(lines written for these tests)."""

import pytest

from funding.checker import MISMATCH, UNSURE
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db

LINES = (
    "Năm 2024, Điện Biên giải ngân 9,6 tỷ đồng. Theo báo cáo của các xã, "
    "ba xã vùng cao được hỗ trợ 2.592,3 triệu đồng, khoảng {} số giải ngân "
    "của tỉnh, dù chỉ có 7 đề án."
)


@pytest.fixture
def province_year(make_figure):
    province = area("Điện Biên")
    return [
        make_figure(province, 2024, E, "9600000000"),
        make_figure(province, 2024, P, "11000000000"),
        make_figure(province, 2024, E, "2650000000", months=5),
        make_figure(province, 2024, E, "5200000000", months=6),
    ]


def test_an_approximate_rate_of_the_printed_amount_is_unsure(province_year):
    # 2.592,3 triệu / 9,6 tỷ = 27,0%; 2,65 / 9,6 = 27,6% (not "khoảng 27%")
    found = paragraph_verdicts(province_year, LINES.format("27%"))
    assert found["2.592,3 triệu đồng"] == UNSURE
    assert found["27%"] != MISMATCH


def test_an_approximate_rate_wrong_of_every_reading_is_flagged(province_year):
    # 45% is neither 27,0% (as printed), 27,6% (2,65 / 9,6) nor 54,2% (5,2 / 9,6)
    found = paragraph_verdicts(province_year, LINES.format("45%"))
    assert found["2.592,3 triệu đồng"] == UNSURE
    assert found["45%"] == UNSURE  # near it for no cause (``choose.UNCAUSED``)
