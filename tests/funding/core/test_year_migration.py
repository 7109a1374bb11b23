"""The migration bounding figures' years (funding 0017) stops with the rows
to correct when a figure has a year outside them (the form accepted any
year before), not with the constraint's bare IntegrityError."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.db import connection

from funding.models import Figure

MIGRATION = importlib.import_module("funding.migrations.0017_years_known")


def test_a_year_out_of_range_stops_the_migration_naming_the_figure(
    postgres_only, make_figure
):
    with connection.cursor() as cursor:  # as stored before the constraint
        cursor.execute(
            "ALTER TABLE funding_figure DROP CONSTRAINT funding_figure_year_known"
        )
    figure = make_figure("vn", 2021, Figure.Measure.PLAN, 1)
    Figure.objects.filter(pk=figure.pk).update(year=1, period_end=date(1, 12, 31))
    with pytest.raises(RuntimeError, match=rf"id {figure.pk} \(năm 1\)"):
        MIGRATION.refuse_years_out_of_range(apps, None)


def test_years_in_range_pass(make_figure):
    make_figure("vn", 1990, Figure.Measure.PLAN, 1)
    make_figure("vn", 2100, Figure.Measure.PLAN, 1)
    MIGRATION.refuse_years_out_of_range(apps, None)
