"""Two ways a report says whose and of when an amount is, after it
(texts written for these tests; Kon Tum and Gia Lai 2024, before the
merger): the first months right after the amount ("giải ngân 3,6 tỷ đồng
sau 6 tháng"), and the province it is for ("9 tỷ đồng cho Kon Tum"). And a
count of what was inspected or surveyed ("kiểm tra lại 19 cơ sở") is no
figure."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, UNSURE
from funding.checker.periods import months_after
from funding.models import Indicator
from tests.funding.checker.checking import (
    E,
    area_before_merger,
    kon_tum_and_gia_lai_2024,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("after", "months"),
    [
        (" sau 6 tháng, bằng 40% kế hoạch", 6),
        (" sau sáu tháng", 6),
        (" trong 9 tháng đầu năm", 9),
        (" trong 2 tháng cuối năm", None),  # a span, not the first months
        (" sau 12 tháng", None),  # the whole year
        (", sau 6 tháng", None),  # not right after the amount
    ],
)
def test_the_first_months_right_after_an_amount(after, months):
    assert months_after(after) == months


def test_an_amount_after_its_first_months_reads_them(kon_tum):
    found = paragraph_verdicts(
        kon_tum,
        "Kiểm toán nhận xét năm 2024 Kon Tum mới giải ngân 3,6 tỷ đồng sau 6 "
        "tháng, bằng 40% dự toán.",
    )
    assert found == {"3,6 tỷ đồng": MATCH, "40%": MATCH}


def test_the_province_an_amount_is_for(kon_tum):
    found = paragraph_verdicts(
        kon_tum,
        "Kế hoạch kinh phí khuyến công năm 2024 gồm 9 tỷ đồng cho Kon Tum và "
        "10 tỷ đồng cho Gia Lai.",
    )
    assert found == {"9 tỷ đồng": MATCH, "10 tỷ đồng": MATCH}


def test_an_amount_given_to_the_wrong_province_is_flagged(kon_tum):
    found = paragraph_verdicts(
        kon_tum,
        "Kế hoạch kinh phí khuyến công năm 2024 gồm 12 tỷ đồng cho Kon Tum và "
        "10 tỷ đồng cho Gia Lai.",
    )
    assert found["12 tỷ đồng"] in (MISMATCH, UNSURE)
    assert found["10 tỷ đồng"] == MATCH


@pytest.fixture
def establishments(reference_data, make_figure):
    count = Indicator.objects.get(code="so-co-so-cnnt")
    return kon_tum_and_gia_lai_2024(make_figure) + [
        make_figure(area_before_merger("Kon Tum"), 2024, E, "16", indicator=count)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2024, Kon Tum hỗ trợ 16 cơ sở; Sở đã kiểm tra lại 19 cơ sở theo kiến nghị.",
        "Năm 2024, Kon Tum hỗ trợ 16 cơ sở; đoàn công tác khảo sát 19 cơ sở.",
    ],
)
def test_a_count_inspected_or_surveyed_is_no_figure(establishments, text):
    assert paragraph_verdicts(establishments, text) == {
        "16 cơ sở": MATCH,
        "19 cơ sở": NO_DATA,
    }


def test_months_after_an_amount_that_are_a_delay_are_no_period(kon_tum):
    found = paragraph_verdicts(
        kon_tum,
        "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng sau 6 tháng kể từ ngày nghiệm "
        "thu đề án.",
    )
    assert found == {"8,64 tỷ đồng": MATCH}


def test_a_count_inspected_among_things_done_is_the_datas(establishments):
    count = Indicator.objects.get(code="so-de-an")
    found = paragraph_verdicts(
        [f for f in establishments if f.indicator == count],
        "Năm 2024, Sở Công Thương Kon Tum đã nghiệm thu, kiểm tra 30 đề án.",
    )
    assert found == {"30 đề án": MATCH}


@pytest.mark.parametrize("what", ["theo kiến nghị", "được hỗ trợ năm 2024"])
def test_a_part_of_a_count_inspected_is_no_figure_either(establishments, what):
    found = paragraph_verdicts(
        establishments,
        f"Năm 2024, Kon Tum hỗ trợ 16 cơ sở; Sở đã kiểm tra lại 19 cơ sở {what}, "
        "trong đó 17 cơ sở vận hành thiết bị đúng mục đích.",
    )
    assert found == {"16 cơ sở": MATCH, "19 cơ sở": NO_DATA, "17 cơ sở": NO_DATA}
