""" "Còn 12 đề án và 2,25 tỷ đồng phải hoàn thành": two numbers joined by
"và" share the "còn" before the first and the "phải …" after the second,
so both are what is left of the plan (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def ha_tinh(reference_data, make_figure):
    """Hà Tĩnh's 2025: 40 projects and 8 tỷ planned; after 10 months 28
    projects and 5,75 tỷ done."""
    province = area("Hà Tĩnh")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(province, 2025, P, "40", indicator=count),
        make_figure(province, 2025, E, "28", months=10, indicator=count),
        make_figure(province, 2025, P, "8000000000"),
        make_figure(province, 2025, E, "5750000000", months=10),
    ]


TEXT = (
    "Hết tháng 10/2025, Hà Tĩnh đã nghiệm thu 28 đề án và giải ngân 5,75 tỷ "
    "đồng. Như vậy tỉnh còn {} và {} phải hoàn thành trong hai tháng cuối năm."
)


def test_both_numbers_are_left(ha_tinh):
    found = paragraph_verdicts(ha_tinh, TEXT.format("12 đề án", "2,25 tỷ đồng"))
    assert found["12 đề án"] == MATCH
    assert found["2,25 tỷ đồng"] == MATCH


@pytest.mark.parametrize(
    ("count", "amount", "wrong"),
    [
        ("11 đề án", "2,25 tỷ đồng", "11 đề án"),
        ("12 đề án", "2,35 tỷ đồng", "2,35 tỷ đồng"),
    ],
)
def test_either_wrong_is_a_mismatch(ha_tinh, count, amount, wrong):
    found = paragraph_verdicts(ha_tinh, TEXT.format(count, amount))
    assert found[wrong] == MISMATCH
