"""The old provinces of a merged one, added up ("kế hoạch của hai tỉnh cũ",
"ba tỉnh cũ cộng lại"), even when the merged province stores its own
figure of the same kind (its plan adds a part to theirs): a share of them
is of their sum, not of the new plan (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, UNSURE
from tests.funding.checker.checking import (
    KCQG,
    E,
    P,
    area,
    area_before_merger,
    check,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lao_cai(make_figure):
    """The new Lào Cai (+ Yên Bái) plans 12 tỷ for 2025: old Lào Cai 6,5
    tỷ, Yên Bái 4,9 tỷ (11,4 tỷ together), 600 triệu added."""
    return [
        make_figure(area("Lào Cai"), 2025, P, "12000000000"),
        make_figure(area_before_merger("Lào Cai"), 2025, P, "6500000000"),
        make_figure(area_before_merger("Yên Bái"), 2025, P, "4900000000"),
    ]


def test_the_old_plans_together(lao_cai):
    found = paragraph_verdicts(
        lao_cai,
        "Kế hoạch năm 2025 của hai tỉnh cũ cộng lại là 11,4 tỷ đồng; tỉnh mới "
        "có kế hoạch 12 tỷ đồng.",
    )
    assert found == {"11,4 tỷ đồng": MATCH, "12 tỷ đồng": MATCH}


def test_a_share_of_the_old_plans_is_of_their_sum(lao_cai):
    found = paragraph_verdicts(
        lao_cai, "Năm 2025, riêng Yên Bái chiếm 42,98% kế hoạch của hai tỉnh cũ."
    )
    assert found == {"42,98%": MATCH}


def test_the_new_plan_is_not_read_as_the_old_ones(lao_cai):
    found = paragraph_verdicts(
        lao_cai, "Năm 2025, kế hoạch khuyến công của tỉnh Lào Cai là 12 tỷ đồng."
    )
    assert found == {"12 tỷ đồng": MATCH}


def test_the_old_provinces_without_their_figures_give_nothing(make_figure):
    """Only the new plan is stored: no sum of the old ones to read."""
    figures = [make_figure(area("Lào Cai"), 2025, P, "12000000000")]
    found = paragraph_verdicts(
        figures, "Kế hoạch năm 2025 của hai tỉnh cũ cộng lại là 11,4 tỷ đồng."
    )
    assert found["11,4 tỷ đồng"] in (NO_DATA, UNSURE)


def test_a_total_after_the_listed_old_plans_is_their_sum(lao_cai):
    found = paragraph_verdicts(
        lao_cai,
        "Kế hoạch năm 2025 của tỉnh được cộng từ kế hoạch đã giao đầu năm: "
        "Lào Cai cũ 6,5 tỷ đồng, Yên Bái 4,9 tỷ đồng, tổng 11,4 tỷ đồng; sau hợp "
        "nhất, tỉnh bổ sung 600 triệu đồng.",
    )
    assert found == {
        "6,5 tỷ đồng": MATCH,
        "4,9 tỷ đồng": MATCH,
        "11,4 tỷ đồng": MATCH,
        "600 triệu đồng": MATCH,
    }


def test_a_wrong_total_after_the_listed_parts_names_their_sum(lao_cai):
    report = check(
        lao_cai,
        "Kế hoạch năm 2025 đã giao đầu năm: Lào Cai cũ 6,5 tỷ đồng, Yên Bái "
        "4,9 tỷ đồng, tổng 11,9 tỷ đồng.",
    )
    total = report.findings[-1]
    assert total.verdict in (MISMATCH, UNSURE)
    assert total.readings[0].expected == "11,4 tỷ đồng"


def test_a_total_named_otherwise_is_not_the_listed_sum(lao_cai):
    """ "tổng kế hoạch của tỉnh" names the new plan, not the parts' sum."""
    found = paragraph_verdicts(
        lao_cai,
        "Năm 2025, Lào Cai cũ được giao 6,5 tỷ đồng, Yên Bái 4,9 tỷ đồng; tổng "
        "kế hoạch của tỉnh mới là 12 tỷ đồng.",
    )
    assert found["12 tỷ đồng"] == MATCH


def test_the_central_plan_of_the_old_provinces(make_figure):
    """ "kế hoạch trung ương giao" is the KCQG plan."""
    figures = [
        make_figure(area_before_merger("Lào Cai"), 2025, P, "1400000000", KCQG),
        make_figure(area_before_merger("Yên Bái"), 2025, P, "1100000000", KCQG),
        make_figure(area_before_merger("Lào Cai"), 2025, P, "6500000000"),
        make_figure(area_before_merger("Yên Bái"), 2025, P, "4900000000"),
    ]
    found = paragraph_verdicts(
        figures,
        "Năm 2025, tổng kế hoạch trung ương giao cho hai tỉnh cũ là 2,5 tỷ đồng.",
    )
    assert found == {"2,5 tỷ đồng": MATCH}


@pytest.fixture
def central_plans(make_figure):
    """Lào Cai after the merger spent 2,1 tỷ of KCQG in 9 months of 2025; no
    KCQG plan of its own, the old ones' are 1,4 and 1,1 tỷ (2,5 tỷ)."""
    return [
        make_figure(area("Lào Cai"), 2025, E, "2100000000", KCQG, months=9),
        make_figure(area_before_merger("Lào Cai"), 2025, P, "1400000000", KCQG),
        make_figure(area_before_merger("Yên Bái"), 2025, P, "1100000000", KCQG),
    ]


def test_a_rate_of_a_merged_province_over_its_old_plans(central_plans):
    found = paragraph_verdicts(
        central_plans,
        "Sau 9 tháng năm 2025, nguồn khuyến công quốc gia của Lào Cai giải ngân "
        "2,1 tỷ đồng, đạt 84%.",
    )
    assert found == {"2,1 tỷ đồng": MATCH, "84%": MATCH}


def test_a_wrong_rate_over_the_old_plans_is_flagged(central_plans):
    found = paragraph_verdicts(
        central_plans,
        "Sau 9 tháng năm 2025, nguồn khuyến công quốc gia của Lào Cai giải ngân "
        "2,1 tỷ đồng, đạt 48%.",
    )
    assert found["48%"] in (MISMATCH, UNSURE)


def test_the_local_plan_is_the_new_plan_less_the_old_central_ones(make_figure):
    """No KCQG plan of the new Lào Cai: the old ones' (2,5 tỷ) stand for it,
    so its KCĐP plan is 12 − 2,5 = 9,5 tỷ."""
    figures = [
        make_figure(area("Lào Cai"), 2025, P, "12000000000"),
        make_figure(area_before_merger("Lào Cai"), 2025, P, "1400000000", KCQG),
        make_figure(area_before_merger("Yên Bái"), 2025, P, "1100000000", KCQG),
    ]
    text = "Năm 2025, kế hoạch nguồn khuyến công địa phương của Lào Cai là {}."
    assert paragraph_verdicts(figures, text.format("9,5 tỷ đồng")) == {
        "9,5 tỷ đồng": MATCH
    }
    wrong = paragraph_verdicts(figures, text.format("9,8 tỷ đồng"))
    assert wrong["9,8 tỷ đồng"] in (MISMATCH, UNSURE)
