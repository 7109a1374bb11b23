"""A total said right after one fund ("nguồn khuyến công quốc gia, tổng kế
hoạch 3,8 tỷ đồng …") or of "nguồn này" is that fund's, added over areas;
a total after a number of one fund is still all funds'."""

import pytest

from funding.checker import MATCH
from funding.checker.funds import fund_named
from funding.models import Figure
from tests.funding.checker.checking import P, area, area_before_merger, read

pytestmark = pytest.mark.django_db
KCQG, KCDP, ALL = Figure.Fund.KCQG, Figure.Fund.KCDP, Figure.Fund.ALL


@pytest.fixture
def an_giang(reference_data, make_figure):
    new, old = area("An Giang"), area_before_merger("An Giang")
    kien_giang = area_before_merger("Kiên Giang")
    return [
        make_figure(new, 2025, P, "17300000000"),
        make_figure(old, 2025, P, "9600000000"),
        make_figure(kien_giang, 2025, P, "7700000000"),
        make_figure(old, 2025, P, "2200000000", source=KCQG),
        make_figure(kien_giang, 2025, P, "6100000000", source=KCDP),
    ]


@pytest.mark.parametrize(
    "span, fund",
    [
        ("Theo nguồn vốn, nguồn khuyến công quốc gia, tổng kế hoạch", KCQG),
        ("Vốn khuyến công địa phương: tổng kinh phí", KCDP),
        ("Kế hoạch vốn quốc gia của tỉnh mới là tổng kế hoạch", KCQG),
        ("nguồn quốc gia được giao 3,8 tỷ đồng, bằng tổng kế hoạch nguồn này", KCQG),
        ("(cũ) …, đúng bằng tổng kế hoạch nguồn này", None),  # named before it
        ("nguồn khuyến công quốc gia 2,2 tỷ đồng, tổng kế hoạch", ALL),
        ("nguồn khuyến công quốc gia, tổng nguồn", ALL),
        ("Tổng kế hoạch", ALL),
        # a fund added to the other: all of them
        ("Cùng với nguồn ngân sách địa phương, tổng kinh phí", ALL),
        ("Cộng cả nguồn địa phương, tổng kinh phí khuyến công", ALL),
        ("bên cạnh nguồn khuyến công quốc gia, tổng kinh phí", ALL),
        # not right after it, or after both funds
        ("nguồn quốc gia chỉ chiếm tỷ trọng nhỏ trong tổng kế hoạch", ALL),
        ("8 đề án KCĐP, 3 đề án KCQG, tổng kinh phí", ALL),
    ],
)
def test_the_fund_a_total_after_one_fund_names(span, fund):
    assert fund_named(span) == fund


def test_the_parts_of_one_funds_total_are_that_funds(an_giang):
    # Kiên Giang's KCQG is not stored: its plan less its KCĐP, 7,7 − 6,1
    text = (
        "Năm 2025, nguồn khuyến công quốc gia được giao 3,8 tỷ đồng, đúng bằng "
        "tổng kế hoạch nguồn này của hai tỉnh cũ (An Giang 2,2 tỷ, Kiên Giang "
        "1,6 tỷ đồng)."
    )
    found = dict(read(an_giang, text))
    assert found["2,2 tỷ"] == MATCH
    assert found["1,6 tỷ đồng"] == MATCH
