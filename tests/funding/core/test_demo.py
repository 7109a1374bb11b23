"""The demo figures: every province and region, 2020-2025, synthetic and
marked as such, loaded fast by ``load_demo`` beside the seed's exact ones."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from funding.core.demo import DEMO_TITLE, load_demo_figures
from funding.models import Area, Figure, SourceDocument

pytestmark = pytest.mark.django_db


def test_load_demo_covers_every_region_2020_to_2025(settings):
    settings.DEBUG = False
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Demo figures (synthetic, marked as demo):" in out.getvalue()
    document = SourceDocument.objects.get(title=DEMO_TITLE)
    assert "demo" in document.title and "không phải số liệu" in document.note
    demo = Figure.objects.filter(source=document)
    assert set(demo.values_list("year", flat=True)) == set(range(2020, 2026))
    for region in Area.objects.filter(kind=Area.Kind.REGION):
        for year in range(2020, 2026):
            members = set(region.members(year))
            with_figures = {f.area for f in demo.filter(year=year, area__in=members)}
            assert members and with_figures == members, (region, year)
    # Whole đồng, and the same values each time (no randomness).
    assert all(
        value == value.to_integral_value()
        for value in demo.values_list("value", flat=True)
    )
    assert load_demo_figures() == 0


def test_the_seed_figures_stay_exact():
    call_command("load_demo", stdout=StringIO())
    region = Figure.objects.get(
        indicator__code="kinh-phi-khuyen-cong",
        area__code="mien-trung-tay-nguyen",
        year=2021,
        fund=Figure.Fund.ALL,
        measure=Figure.Measure.EXECUTED,
        period_kind=Figure.PeriodKind.YEAR,
    )
    assert region.value == Decimal("48790000000")
    assert region.source.title != DEMO_TITLE


def test_demo_figures_are_written_in_bulk():
    with CaptureQueriesContext(connection) as queries:
        created = load_demo_figures()
    # 63 provinces × 5 years + 34 in 2025, 4 figures each; 6 months' execution
    # of KCQG and KCĐP for the 63 each year.
    assert created == (63 * 5 + 34) * 4 + 63 * 6 * 2
    # A few reads, then INSERTs of many rows each (as many as the database
    # takes at once: 1000 on PostgreSQL, fewer on SQLite).
    assert len(queries) < created / 40
    merged = Area.objects.get(slug="gia-lai")
    assert not Figure.objects.filter(area=merged, period_end=date(2025, 6, 30))
