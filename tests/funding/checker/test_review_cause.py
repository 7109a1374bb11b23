"""Review of "a confident mismatch needs a cause" (``choose.UNCAUSED``) on
sentences of another province, Thanh Hóa, written for this review: what
holds, and where the rule and its ratio windows disagree (strict xfail)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, ROUNDING, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import KCDP, KCQG, E, P, figures_of, read

pytestmark = pytest.mark.django_db

FINE = {MATCH, ROUNDING}


@pytest.fixture
def thanh_hoa(reference_data, make_figure):
    """Thanh Hóa: 2023 planned 15 tỷ, spent 13,5; 2024 planned 16 tỷ, spent
    14,4 (90% both years); 2024 KCQG 5,04 planned, 4,63 spent, KCĐP 10,96
    planned, 9,77 spent; 35 projects in 2023, 38 of 40 planned in 2024."""
    count = Indicator.objects.get(code="so-de-an")
    return [
        *figures_of(
            make_figure,
            "Thanh Hóa",
            (2023, P, "15000000000"),
            (2023, E, "13500000000"),
            (2024, P, "16000000000"),
            (2024, E, "14400000000"),
        ),
        *figures_of(
            make_figure,
            "Thanh Hóa",
            (2024, P, "5040000000", KCQG),
            (2024, E, "4630000000", KCQG),
            (2024, P, "10960000000", KCDP),
            (2024, E, "9770000000", KCDP),
        ),
        *figures_of(
            make_figure,
            "Thanh Hóa",
            (2023, E, "35"),
            (2024, P, "40"),
            (2024, E, "38"),
            indicator=count,
        ),
    ]


def verdict(figures, text, number):
    return dict(read(figures, text))[number]


SPENT = "Năm 2024, kinh phí khuyến công quốc gia Thanh Hóa giải ngân {} đồng."


@pytest.mark.parametrize("printed", ["4,36 tỷ", "4,93 tỷ", "4,62 tỷ", "4.630 triệu"])
def test_slips_of_an_amount_block(thanh_hoa, printed):
    expected = MATCH if printed == "4.630 triệu" else MISMATCH
    assert verdict(thanh_hoa, SPENT.format(printed), f"{printed} đồng") == expected


@pytest.mark.parametrize(
    "text, number",
    [
        # other quantities, one digit from a figure: never a confident mismatch
        (
            "Năm 2024, kinh phí khuyến công quốc gia Thanh Hóa giải ngân 4,63 tỷ "
            "đồng, trong đó 4,33 tỷ đồng cho các đề án điểm.",
            "4,33 tỷ đồng",
        ),
        (
            "Năm 2024, Thanh Hóa giải ngân 14,4 tỷ đồng, thu hút 14,1 tỷ đồng vốn "
            "đối ứng của doanh nghiệp.",
            "14,1 tỷ đồng",
        ),
        ("Năm 2024, Thanh Hóa có 48 đề án khuyến công đăng ký.", "48 đề án"),
        (
            "Năm 2024, Thanh Hóa thực hiện 38 đề án khuyến công, trong đó có 28 "
            "đề án hỗ trợ ứng dụng máy móc thiết bị.",
            "28 đề án",
        ),
        (
            "Năm 2024, Thanh Hóa giải ngân 14,4 tỷ đồng; năm 2022 là 13,4 tỷ đồng.",
            "13,4 tỷ đồng",
        ),
        # a wrong number with no cause: for the editor, not blocking
        ("Năm 2024, Thanh Hóa đã giải ngân 12,9 tỷ đồng.", "12,9 tỷ đồng"),
    ],
)
def test_no_cause_no_block(thanh_hoa, text, number):
    assert verdict(thanh_hoa, text, number) in (UNSURE, NO_DATA)


@pytest.mark.parametrize(
    "text, number",
    [
        # the year before's amount for this year's: a swap, a cause
        ("Năm 2024, Thanh Hóa đã giải ngân 13,5 tỷ đồng.", "13,5 tỷ đồng"),
        # the plan's count for what was done
        ("Năm 2024, Thanh Hóa thực hiện 40 đề án khuyến công.", "40 đề án"),
        # "giảm" for "tăng": a sign
        (
            "Năm 2024, Thanh Hóa giải ngân 14,4 tỷ đồng, giảm 0,9 tỷ đồng so với "
            "năm 2023.",
            "0,9 tỷ đồng",
        ),
        # two digits swapped in a change, a multiple
        (
            "Kinh phí khuyến công Thanh Hóa giải ngân năm 2024 tăng 7,6% so với "
            "năm 2023.",
            "7,6%",
        ),
        (
            "Năm 2024, kinh phí giải ngân của Thanh Hóa gấp 1,3 lần kinh phí "
            "khuyến công quốc gia.",
            "gấp 1,3 lần",
        ),
        (
            "Năm 2024, Thanh Hóa giải ngân 14,4 triệu đồng kinh phí khuyến công.",
            "14,4 triệu đồng",
        ),
    ],
)
def test_a_named_cause_blocks(thanh_hoa, text, number):
    assert verdict(thanh_hoa, text, number) == MISMATCH


def test_leading_digits_swapped_is_a_confident_mismatch(thanh_hoa):
    text = "Năm 2024, Thanh Hóa giải ngân 41,4 tỷ đồng kinh phí khuyến công."
    assert verdict(thanh_hoa, text, "41,4 tỷ đồng") == MISMATCH


@pytest.mark.xfail(
    strict=True,
    reason="design: for a rate the 'close' (no cause, unsure) band reaches "
    "from 0 to twice the reading: 13,9% printed for a 32,2% share is not "
    "'near' it, yet is only unsure (it blocked before UNCAUSED)",
)
def test_a_share_less_than_half_its_reading_is_not_merely_near(thanh_hoa):
    text = (
        "Năm 2024, kinh phí khuyến công quốc gia chiếm 13,9% tổng kinh phí "
        "khuyến công đã giải ngân của Thanh Hóa."
    )
    assert verdict(thanh_hoa, text, "13,9%") == MISMATCH
