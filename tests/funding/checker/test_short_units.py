"""Amounts with their unit shortened as reports type it: "3.650 trđ",
"3.650.000.000đ", "3.650.000.000 đ" (sentences written for this test)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def nghe_an(reference_data, make_figure):
    return [make_figure(area("Nghệ An"), 2025, P, "3650000000")]


TEXT = "Năm 2025, kế hoạch kinh phí khuyến công của Nghệ An là {}."


@pytest.mark.parametrize(
    "printed",
    ["3.650 trđ", "3.650 Trđ", "3.650 tr đ", "3.650.000.000đ", "3.650.000.000 đ"],
)
def test_a_shortened_unit_is_read(nghe_an, printed):
    # (one number read, matched; its text as the checker shows it)
    assert list(paragraph_verdicts(nghe_an, TEXT.format(printed)).values()) == [MATCH]


def test_a_wrong_amount_with_a_shortened_unit_is_flagged(nghe_an):
    found = paragraph_verdicts(nghe_an, TEXT.format("3.560.000.000đ"))
    assert list(found.values()) in ([MISMATCH], [UNSURE])


def test_a_letter_item_is_no_unit(nghe_an):
    text = (
        "Theo điểm 2 đ) của hướng dẫn, năm 2025 kế hoạch của Nghệ An là 3,65 tỷ đồng."
    )
    assert paragraph_verdicts(nghe_an, text) == {"3,65 tỷ đồng": MATCH}
