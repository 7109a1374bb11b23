"""A period named as "hết 9 tháng" (the first 9 months, the year left to
the context), and what is left of a plan when a period is carried from
sentences before: the period of what the sentence says was spent, and the
year's when the period has no figure of that plan's fund (sentences
written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import (
    KCDP,
    KCQG,
    E,
    P,
    area,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def nghe_an(make_figure):
    """Nghệ An 2024: the national fund planned 2 tỷ, spent 0,8 tỷ in 6 months,
    1,2 tỷ in 9 and 1,9 tỷ in the year; the local fund planned 5 tỷ and
    spent 4,8 tỷ."""
    place = area("Nghệ An")
    return [
        make_figure(place, 2024, P, "2000000000", source=KCQG),
        make_figure(place, 2024, E, "800000000", source=KCQG, months=6),
        make_figure(place, 2024, E, "1200000000", source=KCQG, months=9),
        make_figure(place, 2024, E, "1900000000", source=KCQG),
        make_figure(place, 2024, P, "5000000000", source=KCDP),
        make_figure(place, 2024, E, "4800000000", source=KCDP),
    ]


TEXT = (
    "Năm 2024, nguồn khuyến công quốc gia giải ngân 1,9 tỷ đồng. Đến hết "
    "{months} tháng, nguồn này mới giải ngân 1,2 tỷ đồng."
)


def test_until_the_ninth_month(nghe_an):
    assert paragraph_verdicts(nghe_an, TEXT.format(months=9))["1,2 tỷ đồng"] == MATCH


def test_a_wrong_number_of_months_is_flagged(nghe_an):
    found = paragraph_verdicts(nghe_an, TEXT.format(months=6))
    assert found["1,2 tỷ đồng"] in (MISMATCH, UNSURE)


def test_left_of_a_plan_with_no_figure_of_the_period_carried(nghe_an):
    text = TEXT.format(months=9) + (
        " Nguồn khuyến công địa phương còn 200 triệu đồng chưa sử dụng."
    )
    assert paragraph_verdicts(nghe_an, text)["200 triệu đồng"] == MATCH


def test_left_of_a_plan_in_the_period_of_what_was_spent(nghe_an, make_figure):
    nghe_an.append(make_figure(area("Nghệ An"), 2024, E, "3000000000", KCDP, 9))
    text = TEXT.format(months=9) + (
        " Nguồn khuyến công địa phương thực hiện 4,8/5 tỷ đồng, đạt 96%, cao "
        "hơn nguồn quốc gia 1 điểm phần trăm; còn 200 triệu đồng chưa sử dụng."
    )
    assert paragraph_verdicts(nghe_an, text)["200 triệu đồng"] == MATCH
