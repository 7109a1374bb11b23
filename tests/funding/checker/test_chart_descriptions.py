"""Texts describing charts and reports pasted whole: an axis range and its
gridline step are no figures; a rise over "giai đoạn 2022–2024" is from
its first year; a difference named after "cao hơn <what> năm 2024"; a
share of the old provinces' money in a merged province's whole plan
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, UNSURE
from tests.funding.checker.checking import (
    KCQG,
    E,
    P,
    area,
    area_before_merger,
    figures_of,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def nghe_an(make_figure):
    """Nghệ An spent 4,6, 5,2 and 5,7 tỷ in 2022–2024; its 2024 plan was 8
    tỷ and its 2025 plan 6,5 tỷ."""
    return figures_of(
        make_figure,
        "Nghệ An",
        (2022, E, "4600000000"),
        (2023, E, "5200000000"),
        (2024, E, "5700000000"),
        (2024, P, "8000000000"),
        (2025, P, "6500000000"),
    )


def test_an_axis_range_and_step_are_no_figures(nghe_an):
    found = paragraph_verdicts(
        nghe_an,
        "Biểu đồ cột, kinh phí giải ngân của Nghệ An năm 2024. Trục tung tính "
        "bằng tỷ đồng, từ 0 đến 8 tỷ đồng, mỗi vạch 2 tỷ đồng. Cột năm 2024 "
        "cao 5,7 tỷ đồng.",
    )
    assert found == {"8 tỷ đồng": NO_DATA, "2 tỷ đồng": NO_DATA, "5,7 tỷ đồng": MATCH}


def test_a_line_drawn_at_a_figure_is_one(nghe_an):
    found = paragraph_verdicts(
        nghe_an,
        "Biểu đồ đường năm 2024 của Nghệ An. Đường nét đứt ở mức kế hoạch 8 tỷ "
        "đồng; lũy kế giải ngân cả năm 5,7 tỷ đồng.",
    )
    assert found == {"8 tỷ đồng": MATCH, "5,7 tỷ đồng": MATCH}


def test_a_rise_over_a_named_stretch_is_from_its_first_year(nghe_an):
    found = paragraph_verdicts(
        nghe_an, "Giai đoạn 2022–2024, kinh phí giải ngân của Nghệ An tăng 23,91%."
    )
    assert found == {"23,91%": MATCH}


def test_a_wrong_rise_over_a_stretch_is_flagged(nghe_an):
    found = paragraph_verdicts(
        nghe_an, "Giai đoạn 2022–2024, kinh phí giải ngân của Nghệ An tăng 9,62%."
    )
    assert found["9,62%"] in (MISMATCH, UNSURE)


def test_a_programme_stretch_leaves_the_year_before(nghe_an):
    found = paragraph_verdicts(
        nghe_an,
        "Thực hiện chương trình khuyến công giai đoạn 2021–2025, năm 2024 "
        "Nghệ An giải ngân tăng 9,62%.",
    )
    assert found == {"9,62%": MATCH}


def test_a_difference_after_what_it_is_compared_with_is_no_level(nghe_an):
    found = paragraph_verdicts(
        nghe_an,
        "Kế hoạch năm 2025 của Nghệ An cao hơn số đã giải ngân năm 2024 "
        "900 triệu đồng.",
    )
    assert found["900 triệu đồng"] != MISMATCH


def test_a_level_after_a_comma_stays_a_level(nghe_an):
    found = paragraph_verdicts(
        nghe_an, "Nghệ An có số đề án cao hơn, giải ngân năm 2024 5,7 tỷ đồng."
    )
    assert found == {"5,7 tỷ đồng": MATCH}


@pytest.fixture
def lao_cai(make_figure):
    """The new Lào Cai plans 12 tỷ for 2025; old Lào Cai 6,5 tỷ and Yên
    Bái 4,9 tỷ, of which KCQG 2 tỷ and 1,6 tỷ (3,6 tỷ together)."""
    return [
        make_figure(area("Lào Cai"), 2025, P, "12000000000"),
        make_figure(area_before_merger("Lào Cai"), 2025, P, "6500000000"),
        make_figure(area_before_merger("Yên Bái"), 2025, P, "4900000000"),
        make_figure(area_before_merger("Lào Cai"), 2025, P, "2000000000", KCQG),
        make_figure(area_before_merger("Yên Bái"), 2025, P, "1600000000", KCQG),
    ]


SHARE = (
    "Kế hoạch năm 2025 của tỉnh Lào Cai là 12 tỷ đồng. Trong đó, kinh phí "
    "khuyến công quốc gia do hai tỉnh cũ được giao là 3,6 tỷ đồng, chiếm {} "
    "tổng kế hoạch."
)


@pytest.mark.parametrize("share", ["30%", "31,58%"])
def test_old_money_may_be_a_share_of_the_merged_plan(lao_cai, share):
    found = paragraph_verdicts(lao_cai, SHARE.format(share))
    assert found[share] == MATCH


def test_a_share_fitting_neither_whole_is_doubtful(lao_cai):
    found = paragraph_verdicts(lao_cai, SHARE.format("35%"))
    assert found["35%"] in (MISMATCH, UNSURE)
