"""The area a sentence is about holds for all its numbers, and a year named
as the side compared with ("so mỗi tỉnh mới với các tỉnh cũ năm 2024") is
not the year in force (sentences written for these tests: two provinces
merged in 2025, each compared with its old provinces added up)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import (
    E,
    P,
    area,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_merged(reference_data, make_figure):
    """2025, Hải Phòng: 19,5 of 20 tỷ spent (97,5%); 2024, old Hải Phòng and
    Hải Dương: 11,5 + 9,6 of 12 + 10 tỷ (95,91%). 2025, Hưng Yên: 29,4 of
    30 tỷ (98%); 2024, old Hưng Yên and Thái Bình: 14,1 + 11,7 of 15 + 12
    tỷ (95,56%)."""
    rows = [
        (area("Hải Phòng"), 2025, "20000000000", "19500000000"),
        (area_before_merger("Hải Phòng"), 2024, "12000000000", "11500000000"),
        (area_before_merger("Hải Dương"), 2024, "10000000000", "9600000000"),
        (area("Hưng Yên"), 2025, "30000000000", "29400000000"),
        (area_before_merger("Hưng Yên"), 2024, "15000000000", "14100000000"),
        (area_before_merger("Thái Bình"), 2024, "12000000000", "11700000000"),
    ]
    figures = []
    for place, year, planned, spent in rows:
        figures.append(make_figure(place, year, P, planned))
        figures.append(make_figure(place, year, E, spent))
    return figures


OPENING = "Năm 2025, tôi thử so mỗi tỉnh mới với các tỉnh cũ hợp thành nó năm 2024. "
HUNG_YEN = (
    "Hưng Yên (gộp Thái Bình) tăng số thực chi 13,95%, tỷ lệ giải ngân nhích "
    "2,44 điểm phần trăm. "
)


def test_the_year_compared_with_is_not_the_year_in_force(two_merged):
    found = paragraph_verdicts(
        two_merged,
        OPENING + "Hải Phòng (gộp Hải Dương) thì số thực chi giảm 7,58%, vì kế "
        "hoạch năm 2025 thấp hơn tổng kế hoạch của hai địa phương cũ.",
    )
    assert found == {"7,58%": MATCH}


def test_a_later_clause_is_of_the_sentence_s_area(two_merged):
    found = paragraph_verdicts(
        two_merged,
        OPENING + HUNG_YEN + "Hải Phòng (gộp Hải Dương) thì số thực chi giảm "
        "7,58%; tỷ lệ giải ngân vẫn tăng 1,59 điểm phần trăm.",
    )
    assert found == {
        "13,95%": MATCH,
        "2,44 điểm phần trăm": MATCH,
        "7,58%": MATCH,
        "1,59 điểm phần trăm": MATCH,
    }


def test_the_other_area_s_points_there_are_flagged(two_merged):
    # Hưng Yên's 2,44 points printed in Hải Phòng's sentence
    found = paragraph_verdicts(
        two_merged,
        OPENING + HUNG_YEN + "Hải Phòng (gộp Hải Dương) thì số thực chi giảm "
        "7,58%; tỷ lệ giải ngân vẫn tăng 2,44 điểm phần trăm.",
    )
    assert found["2,44 điểm phần trăm"] in (MISMATCH, UNSURE)


def test_an_area_named_in_contrast_is_not_the_subject(two_merged):
    found = paragraph_verdicts(
        two_merged,
        OPENING + HUNG_YEN + "Khác với Hải Phòng, tỉnh tăng số thực chi 13,95%; "
        "tỷ lệ giải ngân nhích 2,44 điểm phần trăm.",
    )
    assert found["2,44 điểm phần trăm"] == MATCH  # Hưng Yên's, not Hải Phòng's


def test_years_compared_in_their_order(two_merged):
    # "so sánh A năm 2024 với năm 2025": no old province, the later year
    found = paragraph_verdicts(
        two_merged,
        "So sánh số liệu của Hưng Yên năm 2024 với năm 2025, số thực chi tăng 13,95%.",
    )
    assert found["13,95%"] in (MATCH, UNSURE)
