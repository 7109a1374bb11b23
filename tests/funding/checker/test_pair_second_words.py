"""The second number of "từ a lên b" is named by the words that named a:
"giải ngân tăng từ x lên y, trong khi kế hoạch chỉ tăng từ a lên b" reads
b as a plan, not as what the sentence's subject (the spending) is (lines
written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

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
