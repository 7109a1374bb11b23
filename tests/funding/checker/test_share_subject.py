"""A share whose own clause names an area inside the amount before it
("cả nước là 150 tỷ đồng, tỉnh Tuyên Quang chiếm 3%"): the area's part of
that amount, not the amount's part of a wider whole (sentences written for
these tests)."""

import pytest

from funding.checker import MATCH
from funding.models import Area
from tests.funding.checker.checking import KCDP, KCQG, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(reference_data, make_figure):
    province, nation = area("Tuyên Quang"), Area.objects.get(kind=Area.Kind.NATION)
    return [
        make_figure(nation, 2024, P, "150000000000", KCQG),
        make_figure(nation, 2024, P, "200000000000", KCDP),
        make_figure(province, 2024, P, "4500000000", KCQG),
    ]


def share_verdict(figures, rate):
    text = (
        "Năm 2024, kế hoạch khuyến công quốc gia cả nước là 150 tỷ đồng, "
        f"tỉnh Tuyên Quang chiếm {rate}."
    )
    return paragraph_verdicts(figures, text)[rate]


def test_the_area_named_before_chiem_is_the_part(figures):
    assert share_verdict(figures, "3%") == MATCH


def test_a_wrong_share_of_the_area_is_flagged(figures):
    assert share_verdict(figures, "3,5%") != MATCH
