"""A word of manner between a change and its number ("giảm nhẹ 1,52 điểm
phần trăm", "tăng mạnh 25%") keeps the change's direction (lines written
for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def lang_son(reference_data, make_figure):
    """Lạng Sơn: 97,6% of its plan spent in 2023, 96,08% in 2024 (+25% money)."""
    province = area("Lạng Sơn")
    return [
        make_figure(province, 2023, P, "5000000000"),
        make_figure(province, 2023, E, "4880000000"),
        make_figure(province, 2024, P, "6350000000"),
        make_figure(province, 2024, E, "6101000000"),
    ]


def test_a_slight_fall_in_points_is_a_fall(lang_son):
    found = paragraph_verdicts(
        lang_son,
        "Tỷ lệ giải ngân của Lạng Sơn năm 2023 là 97,6%, năm 2024 giảm nhẹ "
        "1,52 điểm phần trăm.",
    )
    assert found["1,52 điểm phần trăm"] == MATCH


def test_a_strong_rise_is_a_rise(lang_son):
    found = paragraph_verdicts(
        lang_son,
        "Năm 2024 Lạng Sơn giải ngân 6,1 tỷ đồng, tăng mạnh 25,02% so với năm 2023.",
    )
    assert found["25,02%"] == MATCH


def test_the_manner_word_does_not_turn_a_rise_into_a_fall(lang_son):
    found = paragraph_verdicts(
        lang_son,
        "Tỷ lệ giải ngân của Lạng Sơn năm 2023 là 97,6%, năm 2024 tăng nhẹ "
        "1,52 điểm phần trăm.",
    )
    assert found["1,52 điểm phần trăm"] == MISMATCH
