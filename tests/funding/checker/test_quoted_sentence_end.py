"""A sentence that ends inside quotation marks (“… kế hoạch.”) ends there:
the year of the next sentence is not read into it (sentences written for
these tests)."""

import pytest

from funding.checker import MATCH
from funding.checker.quotes import sentences
from tests.funding.checker.checking import EST, E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


def test_a_closing_quotation_mark_ends_the_sentence():
    text = "Ông nói: “Năm nay đạt 90%.” Năm 2023 đạt 80%."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Ông nói: “Năm nay đạt 90%.”",
        "Năm 2023 đạt 80%.",
    ]


@pytest.fixture
def dien_bien(reference_data, make_figure):
    province = area("Điện Biên")
    return [
        make_figure(province, 2024, P, "6000000000"),
        make_figure(province, 2024, E, "5700000000"),
        make_figure(province, 2025, P, "7500000000"),
        make_figure(province, 2025, EST, "7200000000"),
    ]


def test_a_share_in_quoted_speech_keeps_its_own_year(dien_bien):
    found = paragraph_verdicts(
        dien_bien,
        "Năm 2025, Điện Biên được giao 7,5 tỷ đồng. Giám đốc Sở cho biết: "
        "“Ước cả năm, kinh phí thực hiện đạt khoảng 7,2 tỷ đồng, bằng 96% kế hoạch.” "
        "Năm 2024 tỉnh đã thực hiện 5,7 tỷ đồng.",
    )
    assert found["96%"] == MATCH
