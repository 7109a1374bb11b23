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


DEMO_RATE = (
    "Năm 2024, Sơn La giải ngân cho mô hình trình diễn kỹ thuật 6,79 tỷ đồng, "
    "đạt {} kế hoạch."
)


def test_a_rate_wrong_under_every_reading_of_its_base_stays_flagged(son_la_demo):
    # 6,79 tỷ is unsure (the content's 6,2 tỷ, or the province's 6,79 tỷ);
    # 70% is neither 95,4% (6,2/6,5) nor 84,9% (6,79/8)
    found = paragraph_verdicts(son_la_demo, DEMO_RATE.format("70%"))
    assert found["6,79 tỷ đồng"] == UNSURE
    assert found["70%"] == UNSURE  # near it for no cause (``choose.UNCAUSED``)


@pytest.mark.parametrize("rate", ["84,9%", "85%"])
def test_a_rate_right_for_another_reading_of_its_base_is_unsure(son_la_demo, rate):
    found = paragraph_verdicts(son_la_demo, DEMO_RATE.format(rate))
    assert found["6,79 tỷ đồng"] == UNSURE
    assert found[rate] == UNSURE
