"""The rate of what is left of a plan, right after the amount left: "còn
phải giải ngân 5,1 tỷ đồng, tương đương 29,97% kế hoạch" is the plan less
what was spent, over the plan (figures written for this test)."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING, UNSURE
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def nghe_an(reference_data, make_figure):
    province = area("Nghệ An")
    return [
        make_figure(province, 2024, P, "17000000000"),
        make_figure(province, 2024, E, "11905000000", months=9),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hết tháng 9/2024, Nghệ An còn 5,1 tỷ đồng kinh phí khuyến công chưa giải "
        "ngân, tương đương {} kế hoạch.",
        "Kinh phí còn phải giải ngân trong quý IV năm 2024 là 5,1 tỷ đồng, tức là "
        "tỉnh chưa giải ngân được {} kế hoạch năm.",
    ],
)
def test_the_rate_of_what_is_left_is_over_the_plan(nghe_an, sentence):
    found = paragraph_verdicts(nghe_an, sentence.format("29,97%"))
    assert (found["5,1 tỷ đồng"], found["29,97%"]) in [
        (a, b) for a in (MATCH, ROUNDING) for b in (MATCH, ROUNDING)
    ]


def test_a_wrong_rate_of_what_is_left_is_flagged(nghe_an):
    text = (
        "Hết tháng 9/2024, Nghệ An còn 5,1 tỷ đồng kinh phí khuyến công chưa giải "
        "ngân, tương đương 32,97% kế hoạch."
    )
    assert paragraph_verdicts(nghe_an, text)["32,97%"] in (MISMATCH, UNSURE)
