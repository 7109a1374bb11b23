"""A pair "done/plan" written the wrong way round ("9,5/7,6 tỷ đồng" where
7,6 tỷ was spent of 9,5 planned): each number is the other's figure, so
both are mismatches, each naming the figure it should be (sentences
written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area, check

pytestmark = pytest.mark.django_db


@pytest.fixture
def lang_son(reference_data, make_figure):
    """Lạng Sơn 2025: 7,6 of 9,5 tỷ spent after 10 months; 30 of 38 projects."""
    province = area("Lạng Sơn")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(province, 2025, P, "9500000000"),
        make_figure(province, 2025, E, "7600000000", months=10),
        make_figure(province, 2025, P, "38", indicator=count),
        make_figure(province, 2025, E, "30", months=10, indicator=count),
    ]


def test_a_pair_in_the_right_order_matches(lang_son):
    report = check(lang_son, "Lạng Sơn, 10 tháng năm 2025: giải ngân 7,6/9,5 tỷ đồng.")
    assert [f.verdict for f in report.findings] == [MATCH, MATCH]


def test_a_pair_the_wrong_way_round_is_two_mismatches(lang_son):
    report = check(lang_son, "Lạng Sơn, 10 tháng năm 2025: giải ngân 9,5/7,6 tỷ đồng.")
    assert [f.verdict for f in report.findings] == [MISMATCH, MISMATCH]
    assert [f.expected for f in report.findings] == ["7,6 tỷ đồng", "9,5 tỷ đồng"]


def test_a_count_pair_the_wrong_way_round(lang_son):
    report = check(
        lang_son, "Hết 10 tháng năm 2025, Lạng Sơn đã nghiệm thu 38/30 đề án."
    )
    assert [f.verdict for f in report.findings] == [MISMATCH, MISMATCH]
