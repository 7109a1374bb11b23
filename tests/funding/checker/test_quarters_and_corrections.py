"""The first quarters to a year ("lũy kế đến hết quý III/2024"), a figure
the text says was written by mistake ("ghi nhầm … là 8,46 tỷ đồng"), a
caption naming both funds ("gồm nguồn quốc gia và địa phương": all of
it), and a fund after "gấp … lần", the base of a multiple, not the subject
of the rate after "và". Texts written for these tests."""

import pytest

from funding.checker import MATCH, NO_DATA
from tests.funding.checker.checking import (
    KCDP,
    KCQG,
    E,
    P,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def kon_tum(reference_data, make_figure):
    """Kon Tum 2024: planned 9 tỷ, spent 8,64 tỷ (KCQG 2,38, KCĐP 6,26),
    6,12 tỷ in the first nine months; 2025 planned 9,8 tỷ."""
    province = area_before_merger("Kon Tum")
    return [
        make_figure(province, 2024, P, "9000000000"),
        make_figure(province, 2024, E, "8640000000"),
        make_figure(province, 2024, E, "2380000000", KCQG),
        make_figure(province, 2024, E, "6260000000", KCDP),
        make_figure(province, 2024, E, "6120000000", months=9),
        make_figure(province, 2025, P, "9800000000"),
    ]


def test_until_the_third_quarter_of_a_year_is_its_first_nine_months(kon_tum):
    found = paragraph_verdicts(
        kon_tum,
        "Kon Tum: lũy kế đến hết quý III/2024 mới giải ngân 6,12 tỷ đồng, bằng 68% "
        "kế hoạch năm.",
    )
    assert found == {"6,12 tỷ đồng": MATCH, "68%": MATCH}


def test_a_figure_written_by_mistake_is_no_figure_and_the_correct_one_is(kon_tum):
    found = paragraph_verdicts(
        kon_tum,
        "Bản báo cáo trước ghi nhầm số giải ngân năm 2024 của Kon Tum là 8,46 tỷ đồng; "
        "số đúng là 8,64 tỷ đồng.",
    )
    assert found == {"8,46 tỷ đồng": NO_DATA, "8,64 tỷ đồng": MATCH}


def test_the_correct_figure_after_a_mistake_is_named_is_read(kon_tum):
    found = paragraph_verdicts(
        kon_tum,
        "Bản trước ghi nhầm, số đúng là: năm 2024 Kon Tum giải ngân 8,64 tỷ đồng.",
    )
    assert found == {"8,64 tỷ đồng": MATCH}


def test_a_caption_naming_both_funds_is_all_of_it(kon_tum):
    found = paragraph_verdicts(
        kon_tum,
        "Năm 2024, kinh phí khuyến công (gồm nguồn quốc gia và địa phương) của Kon "
        "Tum thực hiện 8,64 tỷ đồng.",
    )
    assert found == {"8,64 tỷ đồng": MATCH}


def test_the_base_of_a_multiple_is_not_the_subject_of_the_next_rate(kon_tum):
    found = paragraph_verdicts(
        kon_tum,
        "Năm 2024, nguồn địa phương của Kon Tum thực hiện 6,26 tỷ đồng, gấp 2,63 lần "
        "nguồn quốc gia và chiếm 72,45% tổng kinh phí thực hiện.",
    )
    assert found["72,45%"] == MATCH


def test_a_pairs_measure_labels_give_its_order(kon_tum):
    found = paragraph_verdicts(
        kon_tum,
        "Kon Tum năm 2024, thực hiện/KH: 8,64/9 tỷ đồng; KH/TH: 9/8,64 tỷ đồng.",
    )
    assert set(found.values()) == {MATCH}


def test_the_amount_after_so_voi_la_is_the_one_compared_with(kon_tum):
    found = paragraph_verdicts(
        kon_tum,
        "Kế hoạch năm 2025 của Kon Tum là 9,8 tỷ đồng, tăng 8,89% so với kế hoạch "
        "năm 2024 là 9 tỷ đồng.",
    )
    assert found == {"9,8 tỷ đồng": MATCH, "8,89%": MATCH, "9 tỷ đồng": MATCH}
