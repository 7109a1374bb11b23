"""A percentage of the amount printed right before it ("nhận 3.024,3 triệu đồng,
khoảng 42% số giải ngân của tỉnh") is only as sure as that amount's
reading: when the amount is unsure (a sub-amount the data may not hold),
a rate built on it is unsure too, never a confident mismatch (lines
written for these tests)."""

import pytest

from funding.checker import MISMATCH, UNSURE
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_and_half(make_figure):
    province = area("Điện Biên")
    return [
        make_figure(province, 2024, E, "7252000000"),
        make_figure(province, 2024, P, "8400000000"),
        make_figure(province, 2024, E, "3105000000", months=5),
        make_figure(province, 2024, E, "3900000000", months=6),
    ]


def test_a_rate_of_an_unsure_amount_is_unsure(year_and_half):
    found = paragraph_verdicts(
        year_and_half,
        "Năm 2024, Điện Biên giải ngân 7,25 tỷ đồng. Theo bảng trên, hai huyện "
        "đứng đầu nhận 3.024,3 triệu đồng, khoảng 42% số giải ngân của tỉnh, "
        "dù chỉ có 9 đề án.",
    )
    assert found["3.024,3 triệu đồng"] == UNSURE
    assert found["42%"] != MISMATCH
