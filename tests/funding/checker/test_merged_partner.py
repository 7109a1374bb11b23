"""The province a subject was merged with is its partner, not what the
numbers after it are of ("Sở Công Thương Hải Phòng … năm đầu hợp nhất với
Hải Dương: đã nghiệm thu 7/8 đề án, giải ngân 3,4 tỷ đồng"), and a total
after one fund named with only counts between is that fund's ("kinh phí
khuyến công quốc gia … gồm 08 đề án với tổng kinh phí 3,65 tỷ đồng")
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import (
    KCQG,
    E,
    P,
    area,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hai_phong(reference_data, make_figure):
    """The merged Hải Phòng's KCQG 2025: 8 projects planned, 3,65 tỷ;
    after eleven months 7 done, 3,402 tỷ spent. All its funds: 19,45 tỷ
    planned; Hải Dương (old) had 3 KCQG projects and 1,6 tỷ."""
    city, old = area("Hải Phòng"), area_before_merger("Hải Dương")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(city, 2025, P, "8", KCQG, indicator=count),
        make_figure(city, 2025, E, "7", KCQG, months=11, indicator=count),
        make_figure(city, 2025, P, "3650000000", KCQG),
        make_figure(city, 2025, E, "3402000000", KCQG, months=11),
        make_figure(city, 2025, P, "19450000000"),
        make_figure(old, 2025, P, "3", KCQG, indicator=count),
        make_figure(old, 2025, P, "1600000000", KCQG),
    ]


LEAD = (
    "Sở Công Thương thành phố Hải Phòng báo cáo các đề án khuyến công quốc gia "
    "năm đầu {merged} Hải Dương: đến ngày 30/11/2025 đã nghiệm thu {done}/{planned} "
    "đề án, giải ngân 3.402.000.000 đồng."
)


@pytest.mark.parametrize("merged", ["hợp nhất với", "sáp nhập với tỉnh"])
def test_the_partner_merged_in_is_not_the_subject(hai_phong, merged):
    found = paragraph_verdicts(hai_phong, LEAD.format(merged=merged, done=7, planned=8))
    assert [found[n] for n in ("7", "8 đề án", "3.402.000.000 đồng")] == [MATCH] * 3


def test_a_pair_off_by_one_is_still_flagged(hai_phong):
    found = paragraph_verdicts(
        hai_phong, LEAD.format(merged="hợp nhất với", done=7, planned=9)
    )
    assert found["9 đề án"] in (MISMATCH, UNSURE)


def test_the_partner_alone_is_still_its_own_subject(hai_phong):
    text = "Năm 2025, Hải Dương (cũ) được giao 3 đề án khuyến công quốc gia."
    assert paragraph_verdicts(hai_phong, text)["3 đề án"] == MATCH


TOTAL = (
    "Năm 2025, Bộ Công Thương giao kế hoạch kinh phí khuyến công quốc gia cho "
    "thành phố Hải Phòng gồm 08 đề án với tổng kinh phí {} đồng."
)


def test_a_total_after_one_fund_and_a_count_is_that_funds(hai_phong):
    assert (
        paragraph_verdicts(hai_phong, TOTAL.format("3.650.000.000"))[
            "3.650.000.000 đồng"
        ]
        == MATCH
    )


def test_a_total_after_one_funds_amount_is_all_funds(hai_phong):
    text = (
        "Năm 2025, thành phố Hải Phòng được giao kinh phí khuyến công quốc gia "
        "3,65 tỷ đồng, tổng kinh phí khuyến công 19,45 tỷ đồng."
    )
    assert paragraph_verdicts(hai_phong, text)["19,45 tỷ đồng"] == MATCH


def test_a_fund_said_to_be_the_total_of_old_plans(reference_data, make_figure):
    # "vốn quốc gia (5,4 tỷ) là tổng kế hoạch của A 3 tỷ và B 2,4 tỷ": the
    # old provinces' plans of that fund, not of all funds
    thai_nguyen = area_before_merger("Thái Nguyên")
    bac_kan = area_before_merger("Bắc Kạn")
    figures = [
        make_figure(area("Thái Nguyên"), 2025, P, "5400000000", KCQG),
        make_figure(thai_nguyen, 2025, P, "3000000000", KCQG),
        make_figure(thai_nguyen, 2025, P, "11000000000"),
        make_figure(bac_kan, 2025, P, "2400000000", KCQG),
        make_figure(bac_kan, 2025, P, "7000000000"),
    ]
    text = (
        "Năm 2025, kế hoạch vốn quốc gia của tỉnh Thái Nguyên mới (5,4 tỷ đồng) là "
        "tổng kế hoạch của Thái Nguyên cũ 3 tỷ đồng và Bắc Kạn 2,4 tỷ đồng."
    )
    found = paragraph_verdicts(figures, text)
    assert (found["3 tỷ đồng"], found["2,4 tỷ đồng"]) == (MATCH, MATCH)


def test_an_old_province_merged_into_one_that_goes_on(reference_data, make_figure):
    # the partner goes on (today's Hải Phòng): what follows is of it
    figures = [
        make_figure(area("Hải Phòng"), 2025, E, "19024800000"),
        make_figure(area_before_merger("Hải Dương"), 2025, E, "3520000000", months=6),
    ]
    text = (
        "Năm 2025, tỉnh Hải Dương cũ hợp nhất với thành phố Hải Phòng; cả năm giải "
        "ngân 19.024,8 triệu đồng kinh phí khuyến công."
    )
    assert paragraph_verdicts(figures, text)["19.024,8 triệu đồng"] == MATCH


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2025, năm đầu tiên Hải Dương hợp nhất với Hải Phòng, thành phố được "
        "giao 3,65 tỷ đồng kinh phí khuyến công quốc gia.",
        "Sau khi Hải Dương sáp nhập với Hải Phòng, kế hoạch kinh phí khuyến công "
        "quốc gia năm 2025 của thành phố mới là 3,65 tỷ đồng.",
    ],
)
def test_the_province_merged_into_is_what_follows(hai_phong, text):
    assert paragraph_verdicts(hai_phong, text)["3,65 tỷ đồng"] == MATCH


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2025, Hải Phòng được giao 8 đề án khuyến công quốc gia và 12 đề án "
        "khác, với tổng kinh phí 19,45 tỷ đồng.",
        "Năm 2025, kinh phí khuyến công quốc gia giao cho Hải Phòng tăng, cả năm "
        "2025 tổng kinh phí khuyến công của thành phố là 19,45 tỷ đồng.",
    ],
)
def test_a_total_after_other_words_is_all_funds(hai_phong, text):
    assert paragraph_verdicts(hai_phong, text)["19,45 tỷ đồng"] == MATCH
