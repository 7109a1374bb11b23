"""One period, one identity: the same months named two ways are one figure."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction

from funding.core.periods import MONTHS, QUARTER, TO_DATE, YEAR, Period
from funding.models import Figure


@pytest.mark.parametrize(
    ("named", "identity"),
    [
        (Period.up_to(date(2025, 9, 30)), Period(MONTHS, date(2025, 9, 30))),
        (Period.first_months(2025, 9), Period(MONTHS, date(2025, 9, 30))),
        (Period.quarter_of(2024, 1), Period(MONTHS, date(2024, 3, 31))),
        (Period.first_months(2024, 3), Period(MONTHS, date(2024, 3, 31))),
        (Period.first_months(2024, 12), Period(YEAR, date(2024, 12, 31))),
        (Period.up_to(date(2024, 12, 31)), Period(YEAR, date(2024, 12, 31))),
        (Period(MONTHS, date(2024, 2, 10)), Period(MONTHS, date(2024, 2, 29))),
        (Period(QUARTER, date(2024, 5, 3)), Period(QUARTER, date(2024, 6, 30))),
        (Period.quarter_of(2024, 4), Period(QUARTER, date(2024, 12, 31))),
        (Period.up_to(date(2024, 10, 15)), Period(TO_DATE, date(2024, 10, 15))),
    ],
)
def test_each_period_has_one_identity(named, identity):
    assert named.normalised() == identity
    assert identity.normalised() == identity


def test_labels_and_the_same_period_a_year_before():
    assert Period.first_months(2022, 7).label == "7 tháng đầu năm 2022"
    assert Period.quarter_of(2024, 2).label == "Quý II năm 2024"
    assert Period.up_to(date(2023, 10, 15)).label == "Đến 15/10/2023"
    assert Period.whole_year(2021).label == "Năm 2021"
    assert Period.first_months(2016, 2).shifted(-1).end == date(2015, 2, 28)
    assert Period.quarter_of(2025, 3).shifted(-1) == Period.quarter_of(2024, 3)
    assert Period.up_to(date(2024, 2, 29)).shifted(1) == Period.first_months(2025, 2)
    assert Period.quarter_of(2024, 3).start == date(2024, 7, 1)
    assert Period.quarter_of(2024, 3).months == 3


def test_a_figure_named_up_to_a_month_end_is_the_first_months(make_figure):
    nine_months = make_figure("mien-trung-tay-nguyen", 2025, "executed", 10, months=9)
    up_to = Figure(
        indicator=nine_months.indicator,
        area=nine_months.area,
        fund=nine_months.fund,
        content=nine_months.content,
        year=2025,
        period_kind=Figure.PeriodKind.TO_DATE,
        period_end=date(2025, 9, 30),
        measure="executed",
        value=11,
        source=nine_months.source,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        up_to.save()  # the same period: the same figure, stored once
    assert (up_to.period_kind, up_to.period_label) == ("months", "9 tháng đầu năm 2025")


def test_the_upgrade_stores_old_periods_under_their_identity(make_figure):
    migration = importlib.import_module(
        "funding.migrations.0009_period_identity_and_targets"
    )
    to_date = make_figure("mien-trung-tay-nguyen", 2024, "executed", 5, months=6)
    twin = make_figure("mien-trung-tay-nguyen", 2024, "plan", 7, months=6)
    make_figure("mien-trung-tay-nguyen", 2024, "plan", 8)  # the year, for twin
    Figure.objects.filter(pk=to_date.pk).update(period_kind="to_date")
    Figure.objects.filter(pk=twin.pk).update(
        period_kind="months", period_end=date(2024, 12, 31)
    )
    migration.one_identity(apps, None)
    to_date.refresh_from_db()
    twin.refresh_from_db()
    assert (to_date.period_kind, to_date.period_end) == ("months", date(2024, 6, 30))
    # Its other name is stored already: kept as it was, not merged silently.
    assert twin.period_kind == "months"
