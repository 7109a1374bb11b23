"""A change said to be over several years ("năm 2022 … 16,49 tỷ, năm 2023
18,12 tỷ, năm 2024 19,9 tỷ, tức hai năm tăng 20,69%"): the last year's
figure over the one that many years before, not over the year before
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING, UNSURE
from tests.funding.checker.checking import E, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def ninh_binh(reference_data, make_figure):
    province = area("Ninh Bình")
    return [
        make_figure(province, 2022, E, "16485000000"),
        make_figure(province, 2023, E, "18117200000"),
        make_figure(province, 2024, E, "19895500000"),
    ]


TEXT = (
    "Kinh phí khuyến công tỉnh Ninh Bình tăng đều: năm 2022 thực hiện 16,49 tỷ "
    "đồng, năm 2023 18,12 tỷ đồng, năm 2024 19,9 tỷ đồng, tức {span} tăng {rate}."
)


@pytest.mark.parametrize("span", ["hai năm", "2 năm qua"])
def test_a_change_over_two_years_is_over_the_first(ninh_binh, span):
    # 19,8955 / 16,485 − 1 = 20,69%
    found = paragraph_verdicts(ninh_binh, TEXT.format(span=span, rate="20,69%"))
    assert found["20,69%"] in (MATCH, ROUNDING)


def test_the_one_years_change_there_is_flagged(ninh_binh):
    # 9,82% is 2024 over 2023: not what "hai năm" says
    found = paragraph_verdicts(ninh_binh, TEXT.format(span="hai năm", rate="9,82%"))
    assert found["9,82%"] in (MISMATCH, UNSURE)


def test_without_a_span_it_is_over_the_year_before(ninh_binh):
    text = TEXT.replace("tức {span} tăng", "tăng").format(rate="9,82%")
    assert paragraph_verdicts(ninh_binh, text)["9,82%"] in (MATCH, ROUNDING)


def test_each_of_two_years_is_no_span(ninh_binh):
    # "cả hai năm đều tăng": each year over the one before, not over two years
    text = (
        "Kinh phí khuyến công tỉnh Ninh Bình năm 2023 thực hiện 18,12 tỷ đồng, năm "
        "2024 19,9 tỷ đồng; cả hai năm đều tăng 9,82%."
    )
    assert paragraph_verdicts(ninh_binh, text)["9,82%"] in (MATCH, ROUNDING)
