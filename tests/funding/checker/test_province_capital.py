"""The local fund named by its capital: "vốn địa phương", "vốn tỉnh",
"tiền của tỉnh" (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import (
    KCDP,
    KCQG,
    E,
    area,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def nghe_an(make_figure):
    """Nghệ An 2024: 1 tỷ spent of the national fund, 4 tỷ of the local one,
    5 tỷ in all."""
    place = area("Nghệ An")
    return [
        make_figure(place, 2024, E, "1000000000", source=KCQG),
        make_figure(place, 2024, E, "4000000000", source=KCDP),
        make_figure(place, 2024, E, "5000000000"),
    ]


def test_the_province_capital_is_a_multiple_of_the_national(nghe_an):
    text = "Năm 2024, vốn tỉnh gấp 4 lần vốn trung ương."
    assert paragraph_verdicts(nghe_an, text) == {"gấp 4 lần": MATCH}


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("gấp 4 lần", (MATCH,)), ("gấp 5 lần", (MISMATCH, UNSURE))],
    ids=["right", "wrong"],
)
def test_the_province_s_money_in_plain_words(nghe_an, printed, verdicts):
    text = f"Năm 2024, tiền của tỉnh nhiều {printed} tiền trung ương."
    assert paragraph_verdicts(nghe_an, text)[printed] in verdicts


@pytest.mark.parametrize(
    "fund,share,verdict",
    [
        ("địa phương", "80%", MATCH),
        ("địa phương", "20%", MISMATCH),
        ("trung ương", "80%", MISMATCH),
    ],
)
def test_the_share_of_local_capital(nghe_an, fund, share, verdict):
    text = f"Năm 2024, vốn {fund} chiếm {share} tổng giải ngân."
    found = paragraph_verdicts(nghe_an, text)[share]
    assert found == verdict or (verdict == MISMATCH and found == UNSURE)
