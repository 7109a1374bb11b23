"""Rates listed by area in a parenthesis after the rate of their sum
("tỷ lệ 97,05% (Tuyên Quang cũ 97,45%, Hà Giang 96,73%)"): each area's
own, not one of the amount before the parenthesis (sentences written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, P, area_before_merger, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_old_provinces(reference_data, make_figure):
    tuyen_quang = area_before_merger("Tuyên Quang")
    ha_giang = area_before_merger("Hà Giang")
    return [
        make_figure(tuyen_quang, 2024, P, "4500000000"),
        make_figure(tuyen_quang, 2024, E, "4385200000"),  # 97,45%
        make_figure(ha_giang, 2024, P, "5750000000"),
        make_figure(ha_giang, 2024, E, "5562000000"),  # 96,73%
    ]


TEXT = (
    "Năm 2024, hai tỉnh cũ có kế hoạch 10,25 tỷ đồng và giải ngân 9.947,2 triệu "
    "đồng, tỷ lệ 97,05% (Tuyên Quang cũ {}, Hà Giang 96,73%)."
)


def test_each_rate_in_the_parenthesis_is_its_areas(two_old_provinces):
    assert read(two_old_provinces, TEXT.format("97,45%")) == [
        ("10,25 tỷ đồng", MATCH),
        ("9.947,2 triệu đồng", MATCH),
        ("97,05%", MATCH),
        ("97,45%", MATCH),
        ("96,73%", MATCH),
    ]


def test_a_wrong_rate_of_one_area_is_flagged(two_old_provinces):
    found = dict(read(two_old_provinces, TEXT.format("93,45%")))
    assert found["93,45%"] in (MISMATCH, UNSURE)


def test_a_rate_in_parentheses_with_no_area_is_the_amounts(two_old_provinces):
    text = "Năm 2024, Hà Giang giải ngân 5.562 triệu đồng (đạt 96,73%)."
    assert read(two_old_provinces, text) == [
        ("5.562 triệu đồng", MATCH),
        ("96,73%", MATCH),
    ]
