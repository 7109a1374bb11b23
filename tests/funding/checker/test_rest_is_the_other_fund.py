"""What is left of a total once one fund is named, said to be the other
fund ("phần còn lại 20,48 tỷ đồng là kinh phí khuyến công địa phương"):
the other fund's figure (the total less the named fund's when only those
two are stored), not what is left unspent of the plan (sentences written
for this test)."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING, UNSURE
from tests.funding.checker.checking import (
    KCDP,
    KCQG,
    E,
    P,
    figures_of,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db
AGREE = (MATCH, ROUNDING)


@pytest.fixture
def lam_dong(reference_data, make_figure):
    # total plan 25,6 tỷ of which KCQG 5,12 (KCĐP not stored: 20,48);
    # spent 21,38 tỷ (so 4,22 tỷ left of the plan)
    return figures_of(
        make_figure,
        "Lâm Đồng",
        (2025, P, "25600000000"),
        (2025, P, "5120000000", KCQG),
        (2025, E, "21380000000"),
    )


LEAD = (
    "Năm 2025, tổng kế hoạch kinh phí khuyến công của tỉnh Lâm Đồng là 25,6 tỷ "
    "đồng, trong đó kinh phí khuyến công quốc gia 5,12 tỷ đồng; "
)


@pytest.mark.parametrize(
    "rest",
    [
        "phần còn lại 20,48 tỷ đồng là kinh phí khuyến công địa phương.",
        "phần còn lại, 20,48 tỷ đồng, là ngân sách tỉnh.",
        "còn lại 20,48 tỷ đồng là ngân sách địa phương.",
        "phần còn lại là khuyến công địa phương (20,48 tỷ đồng).",
        "phần ngân sách tỉnh còn lại 20,48 tỷ đồng.",
        "còn lại là nguồn khuyến công địa phương, 20,48 tỷ đồng.",
    ],
)
def test_the_rest_named_as_the_other_fund_is_that_funds_figure(lam_dong, rest):
    found = paragraph_verdicts(lam_dong, LEAD + rest)
    assert found["20,48 tỷ đồng"] in AGREE


def test_a_wrong_rest_of_the_other_fund_is_flagged(lam_dong):
    found = paragraph_verdicts(
        lam_dong,
        LEAD + "phần còn lại 20,84 tỷ đồng là kinh phí khuyến công địa phương.",
    )
    assert found["20,84 tỷ đồng"] in (MISMATCH, UNSURE)


def test_what_is_left_unspent_is_still_the_plan_less_the_spent(lam_dong):
    text = (
        "Năm 2025, tỉnh Lâm Đồng đã giải ngân 21,38 tỷ đồng kinh phí khuyến công; "
        "số kinh phí còn lại 4,22 tỷ đồng sẽ giải ngân trong tháng 12."
    )
    found = paragraph_verdicts(lam_dong, text)
    assert found["4,22 tỷ đồng"] in AGREE


def test_spent_other_fund_rest_reads_the_spent_figures(reference_data, make_figure):
    figures = figures_of(
        make_figure,
        "Lâm Đồng",
        (2025, E, "21380000000"),
        (2025, E, "4390000000", KCQG),
    )
    text = (
        "Năm 2025, tỉnh Lâm Đồng giải ngân 21,38 tỷ đồng kinh phí khuyến công, "
        "trong đó vốn khuyến công quốc gia 4,39 tỷ đồng, phần còn lại 16,99 tỷ đồng "
        "là vốn địa phương."
    )
    found = paragraph_verdicts(figures, text)
    assert found["16,99 tỷ đồng"] in AGREE


def test_one_funds_money_left_unspent_is_not_the_other_funds(
    reference_data, make_figure
):
    # no other fund named before: "còn lại" is what is left of the plan
    figures = figures_of(
        make_figure,
        "Lâm Đồng",
        (2025, P, "20480000000", KCDP),
        (2025, E, "17480000000", KCDP),
    )
    text = (
        "Năm 2025, tỉnh Lâm Đồng đã giải ngân 17,48 tỷ đồng; phần ngân sách tỉnh "
        "còn lại 3 tỷ đồng chưa giải ngân."
    )
    found = paragraph_verdicts(figures, text)
    assert found["3 tỷ đồng"] in AGREE
