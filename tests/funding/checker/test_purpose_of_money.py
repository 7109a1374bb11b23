"""A purpose names no measure: "bố trí 18.200 triệu đồng để thực hiện 52 đề
án" plans the projects the money is for, "đã giải ngân … để thực hiện 49
đề án" spent it on those carried out: the verb before the purpose says
which (texts written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import KCDP, E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def dong_thap(reference_data, make_figure):
    """Đồng Tháp: 2026 KCĐP planned 18,2 tỷ đồng for 52 đề án; 2025 spent
    16,9 tỷ đồng on 53 đề án."""
    province = area("Đồng Tháp")
    projects = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(province, 2026, P, "18200000000", KCDP),
        make_figure(province, 2026, P, "52", KCDP, indicator=projects),
        make_figure(province, 2025, E, "16900000000"),
        make_figure(province, 2025, E, "53", indicator=projects),
    ]


@pytest.mark.parametrize("purpose", ["để thực hiện", "nhằm thực hiện"])
def test_money_allocated_for_projects_plans_them(dong_thap, purpose):
    found = paragraph_verdicts(
        dong_thap,
        "Năm 2026, Đồng Tháp bố trí kinh phí khuyến công địa phương 18.200 "
        f"triệu đồng {purpose} 52 đề án.",
    )
    assert found == {"18.200 triệu đồng": MATCH, "52 đề án": MATCH}


def test_a_planned_count_off_by_one_is_a_mismatch(dong_thap):
    found = paragraph_verdicts(
        dong_thap,
        "Năm 2026, Đồng Tháp bố trí kinh phí khuyến công địa phương 18.200 "
        "triệu đồng để thực hiện 53 đề án.",
    )
    assert found["53 đề án"] == MISMATCH  # of the 52 planned, not 2025's 53


def test_money_spent_on_projects_carried_out(dong_thap):
    found = paragraph_verdicts(
        dong_thap,
        "Năm 2025, Đồng Tháp đã giải ngân 16,9 tỷ đồng để thực hiện 53 đề án.",
    )
    assert found == {"16,9 tỷ đồng": MATCH, "53 đề án": MATCH}
    found = paragraph_verdicts(
        dong_thap,
        "Năm 2025, Đồng Tháp đã giải ngân 16,9 tỷ đồng để thực hiện 54 đề án.",
    )
    assert found["54 đề án"] in (MISMATCH, UNSURE)


def test_the_subject_of_a_report_names_no_measure(dong_thap):
    # "tình hình thực hiện 52 đề án": the report is of the projects planned
    found = paragraph_verdicts(
        dong_thap,
        "Phụ lục: Biểu tổng hợp tình hình thực hiện 52 đề án khuyến công địa "
        "phương năm 2026 của tỉnh Đồng Tháp.",
    )
    assert found["52 đề án"] == MATCH
