"""Areas listed as a clause's subject, added up: "Nghệ An và Hà Tĩnh cộng
lại được giao 23,5 tỷ đồng" is the two provinces' plans together, though
no stored figure or region is of them both (provinces the 2025 merger left
as they were; figures written for this test)."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING, UNSURE
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db
AGREE = (MATCH, ROUNDING)


@pytest.fixture
def north_central(reference_data, make_figure):
    figures = []
    for name, plan, spent in (
        ("Thanh Hóa", "12000000000", "11400000000"),
        ("Nghệ An", "15000000000", "14250000000"),
        ("Hà Tĩnh", "8500000000", "8330000000"),
    ):
        figures += [
            make_figure(area(name), 2025, P, plan),
            make_figure(area(name), 2025, E, spent),
        ]
    return figures


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2025, Nghệ An và Hà Tĩnh cộng lại được giao {} kinh phí khuyến công.",
        "Kế hoạch năm 2025 của Nghệ An và Hà Tĩnh gộp lại là {}.",
        "Năm 2025, Hà Tĩnh và Nghệ An được giao tổng cộng {} kinh phí khuyến công.",
    ],
)
def test_two_provinces_listed_together_are_their_sum(north_central, sentence):
    found = paragraph_verdicts(north_central, sentence.format("23,5 tỷ đồng"))
    assert found["23,5 tỷ đồng"] in AGREE


def test_three_listed_are_the_three_added_up(north_central):
    text = "Năm 2025, Thanh Hóa, Nghệ An và Hà Tĩnh cộng lại giải ngân 33,98 tỷ đồng."
    assert paragraph_verdicts(north_central, text)["33,98 tỷ đồng"] in AGREE


def test_a_wrong_sum_is_not_read_as_right(north_central):
    text = "Năm 2025, Nghệ An và Hà Tĩnh cộng lại được giao 25,3 tỷ đồng."
    assert paragraph_verdicts(north_central, text)["25,3 tỷ đồng"] in (
        MISMATCH,
        UNSURE,
    )


def test_a_multiple_of_the_sum_is_worked_from_it(north_central):
    text = (
        "Năm 2025, Nghệ An và Hà Tĩnh cộng lại được giao 23,5 tỷ đồng, "
        "gấp 1,96 lần Thanh Hóa."
    )
    found = paragraph_verdicts(north_central, text)
    assert (found["23,5 tỷ đồng"], found["gấp 1,96 lần"]) in [
        (a, b) for a in AGREE for b in AGREE
    ]


def test_each_its_own_is_no_sum(north_central):
    text = (
        "Năm 2025, Nghệ An và Hà Tĩnh được giao lần lượt 15 tỷ đồng và "
        "8,5 tỷ đồng kinh phí khuyến công."
    )
    found = paragraph_verdicts(north_central, text)
    assert (found["15 tỷ đồng"], found["8,5 tỷ đồng"]) == (MATCH, MATCH)


def test_one_province_after_a_list_compared_with_is_its_own(north_central):
    text = "So với Nghệ An và Hà Tĩnh, năm 2025 Thanh Hóa được giao 12 tỷ đồng."
    assert paragraph_verdicts(north_central, text)["12 tỷ đồng"] == MATCH
