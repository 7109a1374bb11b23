from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from funding.models import Area, Figure, RegionMembership

pytestmark = pytest.mark.django_db


def test_legacy_and_current_provinces_are_loaded():
    provinces = Area.objects.filter(kind=Area.Kind.PROVINCE)
    assert provinces.current().count() == 34
    assert provinces.valid_in(2022).count() == 63
    assert provinces.valid_in(2026).count() == 34
    assert Area.objects.filter(kind=Area.Kind.NATION).count() == 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Ninh Thuận", "Khánh Hòa"),
        ("Khánh Hòa", "Khánh Hòa"),
        ("Đắk Nông", "Lâm Đồng"),
        ("Bình Thuận", "Lâm Đồng"),
        ("Bình Phước", "Đồng Nai"),
        ("Đồng Nai", "Đồng Nai"),
        ("Quảng Nam", "Đà Nẵng"),
        ("Bình Dương", "Hồ Chí Minh"),
    ],
)
def test_merged_provinces_point_to_their_successor(old, new):
    legacy = Area.objects.get(short_name=old, valid_to__isnull=False)
    assert legacy.valid_to == date(2025, 6, 30)
    assert legacy.successor.short_name == new
    assert legacy.successor.valid_from == date(2025, 7, 1)
    assert legacy in legacy.successor.predecessors.all()


def test_unchanged_provinces_are_one_area():
    hanoi = Area.objects.get(short_name="Hà Nội")
    assert hanoi.valid_from is None and hanoi.valid_to is None
    assert hanoi.successor is None and not hanoi.predecessors.exists()
    hue = Area.objects.get(short_name="Huế")
    assert "Thừa Thiên Huế" in hue.aliases.splitlines()


def test_region_membership_is_stored_per_year():
    region = Area.objects.get(code="mien-trung-tay-nguyen")
    for year in (2021, 2022):
        members = region.members(year)
        assert members.count() == 15
        assert {"Ninh Thuận", "Đắk Nông", "Lâm Đồng"} <= {m.short_name for m in members}
    # Members from 2015 on (funding.core.regions), none before.
    assert region.members(2015).count() == 15
    assert not region.members(2014).exists()
    assert RegionMembership.objects.filter(region=region, year=2022).count() == 15


def test_the_same_figure_cannot_be_stored_twice(make_figure):
    make_figure("mien-trung-tay-nguyen", 2021, Figure.Measure.PLAN, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_figure("mien-trung-tay-nguyen", 2021, Figure.Measure.PLAN, 2)


def test_database_refuses_negative_values(make_figure):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_figure("vn", 2021, Figure.Measure.PLAN, -5)


def test_period_end_is_derived_from_the_period(make_figure):
    year = make_figure("vn", 2022, Figure.Measure.PLAN, 1)
    assert year.period_end == date(2022, 12, 31)
    months = make_figure("vn", 2022, Figure.Measure.EXECUTED, 1, months=7)
    assert months.period_end == date(2022, 7, 31)
    assert months.period_label == "7 tháng đầu năm 2022"
    assert year.period_label == "Năm 2022"


def test_figure_history_keeps_old_values(make_figure):
    figure = make_figure("vn", 2021, Figure.Measure.PLAN, 100)
    figure.value = Decimal(120)
    figure.save()
    assert [h.value for h in figure.history.order_by("history_date")] == [100, 120]


def test_reference_data_in_use_cannot_be_deleted(make_figure):
    from django.db.models import ProtectedError

    figure = make_figure("vn", 2021, Figure.Measure.PLAN, 1)
    for obj in (figure.area, figure.indicator, figure.content, figure.source):
        with pytest.raises(ProtectedError), transaction.atomic():
            obj.delete()


def test_same_period_of_another_year_handles_leap_days():
    shift = Figure.shift_period_end
    assert shift("months", date(2016, 2, 29), -1) == date(2015, 2, 28)
    assert shift("months", date(2015, 2, 28), 1) == date(2016, 2, 29)
    assert shift("year", date(2022, 12, 31), -1) == date(2021, 12, 31)
    assert shift("to_date", date(2024, 2, 29), -1) == date(2023, 2, 28)
    assert shift("to_date", date(2023, 6, 15), -1) == date(2022, 6, 15)


def test_overview_compares_leap_year_months(client, make_figure):
    make_figure("vn", 2016, Figure.Measure.EXECUTED, 20, months=2)
    make_figure("vn", 2015, Figure.Measure.EXECUTED, 10, months=2)
    response = client.get("/so-lieu/", {"area": "vn", "year": 2016})
    assert response.status_code == 200
    assert "+100,00%" in response.content.decode()
