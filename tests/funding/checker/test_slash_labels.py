"""Labels split by slashes before a colon go with the numbers after it,
in order ("KCQG / KCĐP: x / y"), as a list before "lần lượt" does; funds
listed before "lần lượt" too; and an amount after "chiếm x% <whole>,
trong đó" is the subject's, not the whole's (sentences written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Area
from tests.funding.checker.checking import KCDP, KCQG, E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def ha_tinh(reference_data, make_figure):
    p = area("Hà Tĩnh")
    nation = Area.objects.get(kind=Area.Kind.NATION)
    return [
        make_figure(p, 2024, P, "7000000000"),
        make_figure(p, 2024, E, "6200000000"),
        make_figure(p, 2023, E, "5100000000"),
        make_figure(p, 2024, P, "3000000000", KCQG),
        make_figure(p, 2024, E, "2700000000", KCQG),
        make_figure(p, 2024, P, "4000000000", KCDP),
        make_figure(p, 2024, E, "3500000000", KCDP),
        make_figure(nation, 2024, E, "155000000000"),
        make_figure(nation, 2024, E, "80000000000", KCQG),
    ]


def test_funds_split_by_slashes_take_the_amounts_in_order(ha_tinh):
    text = "Trong năm 2024, Hà Tĩnh đã chi nguồn KCQG / KCĐP: 2,7 tỷ / 3,5 tỷ đồng."
    assert read(ha_tinh, text) == [("2,7 tỷ", MATCH), ("3,5 tỷ đồng", MATCH)]


def test_a_wrong_amount_after_slashed_funds_is_its_funds_mismatch(ha_tinh):
    text = "Trong năm 2024, Hà Tĩnh đã chi nguồn KCQG / KCĐP: 2,7 tỷ / 3,9 tỷ đồng."
    assert read(ha_tinh, text) == [("2,7 tỷ", MATCH), ("3,9 tỷ đồng", MISMATCH)]


def test_years_split_by_slashes_take_the_amounts_in_order(ha_tinh):
    text = "Kinh phí Hà Tĩnh đã giải ngân năm 2024 / năm 2023: 6,2 tỷ / 5,1 tỷ đồng."
    assert read(ha_tinh, text) == [("6,2 tỷ", MATCH), ("5,1 tỷ đồng", MATCH)]


def test_funds_listed_before_lan_luot_take_the_amounts_in_order(ha_tinh):
    text = "Năm 2024, Hà Tĩnh chi vốn KCQG, KCĐP tương ứng 2,7 tỷ và 3,5 tỷ đồng."
    assert read(ha_tinh, text) == [("2,7 tỷ", MATCH), ("3,5 tỷ đồng", MATCH)]


def test_one_unit_after_slashed_values_is_each_ones(ha_tinh):
    text = "Năm 2024, Hà Tĩnh giải ngân KCQG / KCĐP: 2,7 / 3,5 tỷ đồng."
    assert [v for _q, v in read(ha_tinh, text)] == [MATCH, MATCH]


def test_an_amount_after_a_share_and_trong_do_is_the_subjects(ha_tinh):
    text = (
        "Năm 2024, Hà Tĩnh chiếm 4% số vốn cả nước đã giải ngân, trong đó "
        "nguồn khuyến công quốc gia 2,7 tỷ đồng."
    )
    assert read(ha_tinh, text)[-1] == ("2,7 tỷ đồng", MATCH)
