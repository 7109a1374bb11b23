"""Slips a report makes with the parts of a whole (sentences written for
these tests): the share of the other fund printed for this one (its
complement to 100%), and a count done of a plan after an amount left
unspent ("còn 0,9 tỷ đồng chưa giải ngân và mới hoàn thành 16/19 đề án":
the 16 is done, not left), and a pair done over plan written in two
units ("4.100 triệu đồng/5 tỷ đồng")."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import KCQG, E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def kon_tum(reference_data, make_figure):
    here = area("Điện Biên")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(here, 2024, P, "5000000000"),
        make_figure(here, 2024, E, "4100000000"),
        make_figure(here, 2024, E, "1230000000", source=KCQG),
        make_figure(here, 2024, E, "16", indicator=count),
        make_figure(here, 2024, P, "19", indicator=count),
    ]


@pytest.mark.parametrize(("printed", "verdict"), [("30%", MATCH), ("70%", MISMATCH)])
def test_the_other_funds_share_is_a_slip(kon_tum, printed, verdict):
    text = (
        "Năm 2024, nguồn khuyến công quốc gia hỗ trợ tỉnh Điện Biên 1,23 tỷ "
        f"đồng, chiếm {printed} tổng kinh phí thực hiện 4,1 tỷ đồng."
    )
    assert dict(read(kon_tum, text))[printed] == verdict


@pytest.mark.parametrize(("printed", "verdict"), [("16", MATCH), ("15", MISMATCH)])
def test_a_count_done_after_an_amount_left(kon_tum, printed, verdict):
    text = (
        "Năm 2024, tỉnh Điện Biên còn 0,9 tỷ đồng chưa giải ngân và mới hoàn "
        f"thành {printed}/19 đề án."
    )
    found = dict(read(kon_tum, text))
    assert found["0,9 tỷ đồng"] == MATCH
    assert found[printed] == verdict


@pytest.mark.parametrize(("printed", "verdict"), [("900", MATCH), ("800", MISMATCH)])
def test_a_shortfall_is_the_plan_less_what_was_spent(kon_tum, printed, verdict):
    text = (
        "Năm 2024, tỉnh Điện Biên được giao 5 tỷ đồng nhưng chỉ giải ngân 4,1 "
        f"tỷ đồng, hụt {printed} triệu đồng so với kế hoạch."
    )
    assert dict(read(kon_tum, text))[f"{printed} triệu đồng"] == verdict


@pytest.mark.parametrize(
    ("printed", "verdict"), [("4.100", MATCH), ("4.010", MISMATCH)]
)
def test_a_pair_done_over_plan_in_two_units(kon_tum, printed, verdict):
    text = (
        f"Năm 2024, tỉnh Điện Biên giải ngân {printed} triệu đồng/5 tỷ đồng, "
        "đạt 82% kế hoạch."
    )
    assert read(kon_tum, text)[:2] == [
        (f"{printed} triệu đồng", verdict),
        ("5 tỷ đồng", MATCH),
    ]
