"""A multiple with months named right after it ("gấp 1,34 lần nửa đầu
năm") is over those months of the same year, even when the sentence
compares something else with "cùng kỳ" a year before (lines written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def halves(make_figure):
    province = area("Điện Biên")
    return [
        make_figure(province, 2023, E, "2800000000", months=6),
        make_figure(province, 2023, E, "6480000000"),
        make_figure(province, 2024, E, "3100000000", months=6),
        make_figure(province, 2024, E, "7252000000"),
    ]


@pytest.mark.parametrize(
    ("times", "verdicts"), [("1,34", {MATCH}), ("1,2", {MISMATCH, UNSURE})]
)
def test_the_months_after_a_multiple_are_its_base(halves, times, verdicts):
    found = paragraph_verdicts(
        halves,
        "Năm 2024, sáu tháng đầu năm Điện Biên giải ngân 3,1 tỷ đồng, tăng "
        "10,71% so với cùng kỳ năm 2023 (2,8 tỷ đồng); nửa cuối năm giải ngân "
        f"thêm 4,15 tỷ đồng, gấp {times} lần nửa đầu năm.",
    )
    assert found[f"gấp {times} lần"] in verdicts
