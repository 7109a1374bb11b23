"""Numbers about several provinces together (sentences written for these
tests): "Điện Biên, Sơn La và Lai Châu đã giải ngân …, tăng x%" is the
three together, and "chênh lệch giữa tỉnh cao nhất và thấp nhất" a gap
between two of them; one province's figure is then a guess, so a
difference from it is unsure, never a confident mismatch."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(reference_data, make_figure):
    figures = []
    for name, values in (
        ("Điện Biên", ("5000000000", "4500000000", "5200000000", "5100000000")),
        ("Sơn La", ("6000000000", "5700000000", "6100000000", "5400000000")),
        ("Lai Châu", ("4000000000", "3900000000", "4400000000", "4300000000")),
    ):
        here = area(name)
        plan23, done23, plan24, done24 = values
        figures += [
            make_figure(here, 2023, P, plan23),
            make_figure(here, 2023, E, done23),
            make_figure(here, 2024, P, plan24),
            make_figure(here, 2024, E, done24),
        ]
    return figures


def test_a_change_of_three_provinces_together_is_no_sure_mismatch(three):
    text = (
        "Năm 2024, Điện Biên, Sơn La và Lai Châu đã giải ngân 14,8 tỷ đồng, "
        "tăng 5,71% so với năm 2023."
    )
    found = dict(read(three, text))
    assert MISMATCH not in found.values()


def test_a_gap_between_the_highest_and_the_lowest_is_no_sure_mismatch(three):
    text = (
        "Năm 2024, Lai Châu giải ngân 4,3 tỷ đồng. Chênh lệch giữa tỉnh cao nhất "
        "và thấp nhất về tỷ lệ giải ngân là 9,56 điểm phần trăm."
    )
    found = dict(read(three, text))
    assert found["4,3 tỷ đồng"] == MATCH
    assert found["9,56 điểm phần trăm"] != MISMATCH


def test_each_province_respectively_is_still_checked(three):
    text = (
        "Năm 2024, Điện Biên và Lai Châu giải ngân lần lượt 5,1 tỷ đồng và 4,8 tỷ đồng."
    )
    assert read(three, text) == [("5,1 tỷ đồng", MATCH), ("4,8 tỷ đồng", MISMATCH)]
