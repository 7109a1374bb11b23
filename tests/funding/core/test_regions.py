"""The regions of both divisions, their members over time (the 2025
merger on 1/7), areas' former names and readable slugs, as migration
0012 made them (``funding.core.regions``)."""

from collections import Counter
from datetime import date

import pytest
from django.apps import apps

from funding.core import regions
from funding.models import Area, AreaName, RegionMembership

pytestmark = pytest.mark.django_db

SOCIO_ECONOMIC = {
    "trung-du-va-mien-nui-phia-bac": 14,
    "dong-bang-song-hong": 11,
    "bac-trung-bo-va-duyen-hai-mien-trung": 14,
    "tay-nguyen": 5,
    "dong-nam-bo": 6,
    "dong-bang-song-cuu-long": 13,
}
KHUYEN_CONG = {
    "khuyen-cong-phia-bac": 28,
    "mien-trung-tay-nguyen": 15,
    "khuyen-cong-phia-nam": 20,
}


def members_on(grouping: str, year: int, day: date) -> Counter:
    """How many regions of ``grouping`` each province is in on ``day``."""
    counts = Counter()
    for region in Area.objects.filter(kind=Area.Kind.REGION, grouping=grouping):
        counts.update(region.members(year, on=day))
    return counts


@pytest.mark.parametrize("grouping", [Area.Grouping.KHUYEN_CONG, "kinh-te-xa-hoi"])
@pytest.mark.parametrize("year", range(regions.FIRST_YEAR, regions.LAST_YEAR + 1))
def test_each_division_puts_every_province_in_one_region_each_year(grouping, year):
    for day in (date(year, 1, 1), date(year, 12, 31)):
        existing = set(Area.objects.filter(kind=Area.Kind.PROVINCE).valid_on(day))
        counts = members_on(grouping, year, day)
        assert set(counts) == existing, (year, day)
        assert set(counts.values()) == {1}
        assert len(existing) == (63 if day < regions.MERGER_DAY else 34)


def test_the_regions_have_the_sizes_their_sources_give_before_the_merger():
    for code, size in {**SOCIO_ECONOMIC, **KHUYEN_CONG}.items():
        region = Area.objects.get(code=code)
        assert region.members(2024).count() == size, code
        assert region.get_absolute_url() == f"/so-lieu/khu-vuc/{code}/"
    # Every region names the document its members come from.
    assert all(source for *_rest, source in regions.REGIONS)


def test_in_2025_members_change_on_1_july():
    highlands = Area.objects.get(code="tay-nguyen")
    before = highlands.members(2025, on=date(2025, 6, 30))
    after = highlands.members(2025)
    assert sorted(a.short_name for a in before) == [
        "Gia Lai",
        "Kon Tum",
        "Lâm Đồng",
        "Đắk Lắk",
        "Đắk Nông",
    ]
    assert all(a.valid_to == date(2025, 6, 30) for a in before)
    assert sorted(a.short_name for a in after) == ["Gia Lai", "Lâm Đồng", "Đắk Lắk"]
    assert all(a.valid_from == date(2025, 7, 1) for a in after)
    # Kon Tum went to Quảng Ngãi, which keeps its region.
    assert "Quảng Ngãi" in {
        a.short_name
        for a in Area.objects.get(code="bac-trung-bo-va-duyen-hai-mien-trung").members(
            2025
        )
    }


def test_a_year_after_the_last_has_no_members():
    assert not Area.objects.get(code="tay-nguyen").members(regions.LAST_YEAR + 1)


def test_loading_again_changes_nothing():
    counts = (RegionMembership.objects.count(), AreaName.objects.count())
    slugs = dict(Area.objects.values_list("pk", "slug"))
    regions.load_regions(apps)
    assert (RegionMembership.objects.count(), AreaName.objects.count()) == counts
    assert dict(Area.objects.values_list("pk", "slug")) == slugs


def test_slugs_are_readable_and_say_which_da_nang():
    slugs = dict(Area.objects.values_list("slug", "code"))
    assert slugs["ninh-thuan"] == "58-truoc-2025"
    assert slugs["da-nang"] == "48"
    assert slugs["da-nang-den-2025"] == "48-truoc-2025"
    assert slugs["ca-nuoc"] == "vn"
    assert slugs["ho-chi-minh"] == "79"
    assert len(slugs) == Area.objects.count()


def test_an_area_saved_without_a_slug_gets_a_free_one():
    area = Area.objects.create(
        code="thu", name="Tỉnh Ninh Thuận", short_name="Ninh Thuận", kind="province"
    )
    assert area.slug == "ninh-thuan-2"


def test_an_area_is_named_as_it_was_in_a_year():
    hue = Area.objects.get(slug="hue")
    assert hue.short_name_in(2022) == "Thừa Thiên Huế"
    assert hue.short_name_in(2024) == "Thừa Thiên Huế"
    assert hue.short_name_in(2025) == "Huế"


def test_an_area_says_when_it_existed():
    assert str(Area.objects.get(slug="da-nang")) == "Đà Nẵng (từ 01/07/2025)"
    assert str(Area.objects.get(slug="da-nang-den-2025")) == "Đà Nẵng (đến 30/06/2025)"
    assert str(Area.objects.get(slug="hue")) == "Huế"
