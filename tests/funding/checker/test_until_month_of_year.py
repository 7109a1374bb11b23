""" "Đến hết tháng 9 năm 2025": the first nine months of 2025, as "hết
tháng 9/2025" is (not the whole of 2025). Texts written for these tests
(Điện Biên: 5 tỷ đồng spent in the first nine months of 2024, 5,5 in
those of 2025; 8 and 8,8 tỷ đồng planned)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def dien_bien(reference_data, make_figure):
    place = area("Điện Biên")
    return [
        make_figure(place, 2024, E, "5000000000", months=9),
        make_figure(place, 2025, E, "5500000000", months=9),
        make_figure(place, 2024, P, "8000000000"),
        make_figure(place, 2025, P, "8800000000"),
    ]


@pytest.mark.parametrize(
    "until",
    ["Đến hết tháng 9 năm 2025", "Tính đến hết tháng 9 năm 2025", "Hết tháng 9/2025"],
)
def test_the_months_until_a_month_of_a_named_year(dien_bien, until):
    text = f"{until}, Điện Biên giải ngân 5,5 tỷ đồng, đạt 62,5% kế hoạch năm."
    assert read(dien_bien, text) == [("5,5 tỷ đồng", MATCH), ("62,5%", MATCH)]


def test_a_change_on_the_same_months_of_the_year_before(dien_bien):
    text = (
        "Đến hết tháng 9 năm 2025, Điện Biên giải ngân 5,5 tỷ đồng. So với cùng kỳ"
        " năm 2024, số giải ngân tăng 10%."
    )
    assert read(dien_bien, text) == [("5,5 tỷ đồng", MATCH), ("10%", MATCH)]


def test_another_months_amount_is_a_mismatch(dien_bien):
    text = "Đến hết tháng 9 năm 2025, Điện Biên giải ngân 5,8 tỷ đồng."
    assert read(dien_bien, text) == [("5,8 tỷ đồng", MISMATCH)]
