"""The khuyến công regions "Phía Bắc (khuyến công)" and "Phía Nam (khuyến
công)" are called "phía Bắc" and "phía Nam" in a text about them (their
figures given); "Trung du và miền núi phía Bắc" stays the socio-economic
region (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Area
from tests.funding.checker.checking import KCQG, E, P, paragraph_verdicts

pytestmark = pytest.mark.django_db

FLAGGED = (MISMATCH, UNSURE)


@pytest.fixture
def regions(reference_data, make_figure):
    """2025 KCQG plans: the northern khuyến công region 49,86 tỷ, the
    southern 32,25 tỷ, the northern midlands and mountains 30 tỷ."""
    return [
        make_figure(Area.objects.get(code=code), 2025, P, value, KCQG)
        for code, value in (
            ("khuyen-cong-phia-bac", "49860000000"),
            ("khuyen-cong-phia-nam", "32250000000"),
            ("trung-du-va-mien-nui-phia-bac", "30000000000"),
        )
    ]


@pytest.mark.parametrize(
    ("north", "verdicts"),
    [("49,86 tỷ đồng", (MATCH,)), ("32,25 tỷ đồng", FLAGGED)],
    ids=["right", "swapped"],
)
def test_the_regions_by_their_short_names(regions, north, verdicts):
    text = (
        "Năm 2025, vốn khuyến công quốc gia giao cho phía Bắc là "
        f"{north}, phía Nam 33,25 tỷ đồng; riêng vùng Trung du và miền núi phía "
        "Bắc 30 tỷ đồng."
    )
    found = paragraph_verdicts(regions, text)
    assert found[north] in verdicts
    assert found["33,25 tỷ đồng"] in FLAGGED
    assert found["30 tỷ đồng"] == MATCH


@pytest.fixture
def ten_months(reference_data, make_figure):
    """2025 KCQG, plan and ten months spent: the nation 142 and 101,3584
    tỷ (71,38%), the northern region 49,86 and 36,9127 (74,03%), the
    southern 32,25 and 22,4038 (69,47%)."""
    figures = []
    for here, plan, spent in (
        (Area.objects.get(kind=Area.Kind.NATION), "142000000000", "101358400000"),
        (Area.objects.get(code="khuyen-cong-phia-bac"), "49860000000", "36912700000"),
        (Area.objects.get(code="khuyen-cong-phia-nam"), "32250000000", "22403800000"),
    ):
        figures.append(make_figure(here, 2025, P, plan, KCQG))
        figures.append(make_figure(here, 2025, E, spent, KCQG, months=10))
    return figures


@pytest.mark.parametrize(
    ("south", "verdicts"),
    [("thấp hơn", (MATCH,)), ("cao hơn", (MISMATCH,))],
    ids=["right", "wrong-direction"],
)
def test_points_against_the_rate_of_all(ten_months, south, verdicts):
    text = (
        "Cả nước 10 tháng năm 2025 giải ngân 101,36 tỷ đồng vốn khuyến công quốc "
        "gia, đạt 71,38%: phía Bắc cao hơn mức chung 2,65 điểm phần trăm, phía Nam "
        f"{south} 1,91 điểm phần trăm."
    )
    found = paragraph_verdicts(ten_months, text)
    assert found["71,38%"] == MATCH
    assert found["2,65 điểm phần trăm"] == MATCH
    assert found["1,91 điểm phần trăm"] in verdicts
