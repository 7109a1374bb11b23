"""The second number of "từ a lên b" is named by the words that named a:
"giải ngân tăng từ x lên y, trong khi kế hoạch chỉ tăng từ a lên b" reads
b as a plan, not as what the sentence's subject (the spending) is (lines
written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import (
    E,
    P,
    area,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_years(make_figure):
    province = area("Điện Biên")
    return [
        make_figure(province, 2022, P, "4200000000"),
        make_figure(province, 2022, E, "3950000000"),
        make_figure(province, 2023, P, "4650000000"),
        make_figure(province, 2023, E, "4480000000"),
    ]


@pytest.mark.parametrize(("printed", "verdict"), [("4,65", MATCH), ("4,48", MISMATCH)])
def test_the_second_of_a_pair_is_what_the_first_is(two_years, printed, verdict):
    found = paragraph_verdicts(
        two_years,
        "So với năm 2022, năm 2023 giải ngân của Điện Biên tăng từ 3,95 lên 4,48 "
        f"tỷ đồng, trong khi kế hoạch chỉ tăng từ 4,2 tỷ đồng lên {printed} tỷ đồng.",
    )
    assert found[f"{printed} tỷ đồng"] == verdict


@pytest.fixture
def projects_across_the_merger(reference_data, make_figure):
    count = Indicator.objects.get(code="so-de-an")
    olds = [area_before_merger("An Giang"), area_before_merger("Kiên Giang")]
    return [
        make_figure(olds[0], 2024, E, "24", indicator=count),
        make_figure(olds[1], 2024, E, "20", indicator=count),
        make_figure(area("An Giang"), 2025, E, "50", indicator=count),
    ]


def test_the_second_of_a_pair_is_not_the_figure_of_the_first(
    projects_across_the_merger,
):
    # 44 is the old provinces' 2024 sum; 50 cannot be that figure too
    found = paragraph_verdicts(
        projects_across_the_merger,
        "Năm 2025, so với năm 2024, số đề án của hai tỉnh cũ cộng lại tăng từ 44 "
        "lên 50 đề án.",
    )
    assert found["44"] == MATCH
    assert found["50 đề án"] != MISMATCH
