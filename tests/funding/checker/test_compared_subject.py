"""The words of a comparison ("so với cùng kỳ năm 2024 của hai tỉnh cũ cộng
lại (…)") name what a change is compared with, not what changed: the
amount in its parentheses is the base's, and the rate after it is of the
subject the clause names after the comparison ("kinh phí … năm nay")
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import (
    E,
    P,
    area,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lao_cai(make_figure):
    """The new Lào Cai spent 9,2 tỷ in the first 9 months of 2025; in the
    same months of 2024 old Lào Cai spent 4,6 tỷ and Yên Bái 3,4 tỷ; their
    plans for 2025 were 7 and 5 tỷ."""
    return [
        make_figure(area_before_merger("Lào Cai"), 2025, P, "7000000000"),
        make_figure(area_before_merger("Yên Bái"), 2025, P, "5000000000"),
        make_figure(area("Lào Cai"), 2025, E, "9200000000", months=9),
        make_figure(area_before_merger("Lào Cai"), 2024, E, "4600000000", months=9),
        make_figure(area_before_merger("Yên Bái"), 2024, E, "3400000000", months=9),
    ]


TEXT = (
    "Kế hoạch năm 2025 của hai tỉnh cũ là 12 tỷ đồng. "
    "Lào Cai sau hợp nhất đã giải ngân 9,2 tỷ đồng trong 9 tháng năm 2025. "
    "Riêng Yên Bái cũ có kế hoạch 5 tỷ đồng. "
    "So với cùng kỳ năm 2024 của hai tỉnh cũ cộng lại (8 tỷ đồng), kinh phí "
    "đã giải ngân 9 tháng năm nay {word} 15%."
)


def test_the_base_in_parentheses_and_the_change_after_it(lao_cai):
    found = paragraph_verdicts(lao_cai, TEXT.format(word="tăng"))
    assert found == {
        "12 tỷ đồng": MATCH,
        "9,2 tỷ đồng": MATCH,
        "5 tỷ đồng": MATCH,
        "8 tỷ đồng": MATCH,
        "15%": MATCH,
    }


def test_a_fall_written_for_a_rise_is_a_mismatch(lao_cai):
    found = paragraph_verdicts(lao_cai, TEXT.format(word="giảm"))
    assert found["15%"] == MISMATCH
