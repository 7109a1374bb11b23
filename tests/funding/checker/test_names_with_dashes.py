"""An area's name with a dash in it is the same name whatever dash is
printed: the reference data spells "Miền Trung - Tây Nguyên" with a hyphen,
a transcript "miền Trung – Tây Nguyên" with an en dash (figures written
for this test)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.core.models import Area
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions(reference_data, make_figure):
    central = Area.objects.get(code="mien-trung-tay-nguyen")
    nation = Area.objects.get(kind=Area.Kind.NATION)
    north = Area.objects.create(
        code="phia-bac-kc",
        name="Khu vực phía Bắc",
        short_name="Phía Bắc (khuyến công)",
        kind=Area.Kind.REGION,
    )
    return [
        make_figure(central, 2022, P, "22600000000"),
        make_figure(central, 2022, E, "21960000000"),
        make_figure(area("Nghệ An"), 2022, P, "9000000000"),
        make_figure(north, 2022, P, "49860000000"),
        make_figure(north, 2022, E, "48500000000"),
        make_figure(nation, 2022, P, "120000000000"),
        make_figure(nation, 2022, E, "115000000000"),
    ]


@pytest.mark.parametrize(
    "name",
    [
        "khu vực miền Trung – Tây Nguyên",
        "khu vực miền Trung — Tây Nguyên",
        "khu vực miền Trung-Tây Nguyên",
        "khu vực miền Trung - Tây Nguyên",
    ],
)
def test_the_regions_name_with_any_dash(regions, name):
    text = f"Năm 2022, {name} được giao 22,6 tỷ đồng, giải ngân 21,96 tỷ đồng."
    found = paragraph_verdicts(regions, text)
    assert (found["22,6 tỷ đồng"], found["21,96 tỷ đồng"]) == (MATCH, MATCH)


@pytest.mark.parametrize("dash", ["–", "—", "-"])
def test_a_wrong_figure_of_the_region_named_is_a_mismatch(regions, dash):
    # named, the region's own figure is the reading: a confident mismatch
    # (unnamed, any area's might be meant: only unsure)
    text = f"Năm 2022, khu vực miền Trung {dash} Tây Nguyên được giao 26,2 tỷ đồng."
    assert paragraph_verdicts(regions, text)["26,2 tỷ đồng"] == MISMATCH
