"""A province's rate against the region's ("cao hơn bình quân vùng 4,5
điểm phần trăm", sentences written for these tests): the region's own
rate, executed over plan, in the same year."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Area
from tests.funding.checker.checking import E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def north(reference_data, make_figure):
    region = Area.objects.get(short_name="Trung du và miền núi phía Bắc")
    here = area("Cao Bằng")
    return [
        make_figure(region, 2024, P, "90000000000"),
        make_figure(region, 2024, E, "81000000000"),
        make_figure(here, 2024, P, "5000000000"),
        make_figure(here, 2024, E, "4750000000"),
    ]


@pytest.mark.parametrize(
    ("word", "verdict"),
    [("cao hơn", MATCH), ("thấp hơn", MISMATCH)],
    ids=["up", "down"],
)
def test_points_against_the_regional_average(north, word, verdict):
    # 95% − 90% = 5 points
    text = (
        "Năm 2024, tỉnh Cao Bằng giải ngân 4,75 tỷ đồng, đạt 95%, "
        f"{word} bình quân vùng 5 điểm phần trăm."
    )
    assert dict(read(north, text))["5 điểm phần trăm"] == verdict
