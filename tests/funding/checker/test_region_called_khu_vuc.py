""" "Khu vực phía Bắc", "khu vực phía Nam": a khuyến công region called by
its short name without the words in parentheses, after "khu vực", is that
region, not whichever region is in force (sentences written for these
tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Area
from tests.funding.checker.checking import KCQG, P, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions(reference_data, make_figure):
    """The 2024 KCQG plans of the northern (41,2 tỷ) and the southern
    (28,6 tỷ) khuyến công regions."""
    north = Area.objects.get(short_name="Phía Bắc (khuyến công)")
    south = Area.objects.get(short_name="Phía Nam (khuyến công)")
    return [
        make_figure(north, 2024, P, "41200000000", KCQG),
        make_figure(south, 2024, P, "28600000000", KCQG),
    ]


TEXT = (
    "Tại hội nghị các tỉnh phía Nam, đại diện Bộ cho biết: năm 2024, Bộ giao "
    "cho khu vực {} {} kinh phí khuyến công quốc gia."
)


@pytest.mark.parametrize(
    ("region", "amount", "verdicts"),
    [
        ("phía Bắc", "41,2 tỷ đồng", {MATCH}),
        ("phía Nam", "28,6 tỷ đồng", {MATCH}),
        ("phía Bắc", "28,6 tỷ đồng", {MISMATCH, UNSURE}),
    ],
)
def test_the_region_named(regions, region, amount, verdicts):
    assert paragraph_verdicts(regions, TEXT.format(region, amount))[amount] in verdicts
