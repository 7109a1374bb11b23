"""Which areas an area is the sum of, on a day (``funding.core.rollup``),
and the sums a ``FigureCells`` gains from them."""

from datetime import date
from decimal import Decimal

import pytest

from funding.core.cells import FigureCells
from funding.core.rollup import Composition, area_filter
from funding.models import Area, Figure

pytestmark = pytest.mark.django_db

BILLION = 10**9


def test_the_parts_change_on_the_merger_day():
    nation = Area.objects.get(kind=Area.Kind.NATION)
    highlands = Area.objects.get(code="tay-nguyen")
    gia_lai = Area.objects.get(slug="gia-lai")
    composition = Composition([nation, highlands, gia_lai], [2025])
    assert len(composition.parts(nation, date(2025, 6, 30), 2025)) == 63
    assert len(composition.parts(nation, date(2025, 12, 31), 2025)) == 34
    assert len(composition.parts(highlands, date(2025, 6, 30), 2025)) == 5
    assert len(composition.parts(highlands, date(2025, 7, 1), 2025)) == 3
    predecessors = {
        Area.objects.get(pk=pk).slug
        for pk in composition.parts(gia_lai, date(2024, 12, 31), 2024)
    }
    assert predecessors == {"gia-lai-den-2025", "binh-dinh"}
    assert not composition.parts(gia_lai, date(2025, 12, 31), 2025)


def test_a_sum_is_derived_only_with_every_part_and_never_over_a_stored_figure(
    make_figure,
):
    highlands = Area.objects.get(code="tay-nguyen")
    members = list(highlands.members(2023))
    for member in members:
        make_figure(member, 2023, Figure.Measure.PLAN, BILLION)
    for member in members[:-1]:
        make_figure(member, 2023, Figure.Measure.EXECUTED, BILLION)
    make_figure(highlands, 2023, Figure.Measure.PLAN, 9 * BILLION, source="kcqg")
    composition = Composition([highlands], [2023])
    cells = composition.complete(
        FigureCells(Figure.objects.with_dimensions().filter(area_filter(composition)))
    )
    region = [c for c in cells if c.as_figure.area_id == highlands.pk]
    by_identity = {(c.as_figure.fund, c.as_figure.measure): c for c in region}
    plan = by_identity["all", "plan"]
    assert plan.derived is not None and plan.value == Decimal(5 * BILLION)
    assert plan.as_figure.area == highlands
    # A member without an executed figure: no executed total.
    assert ("all", "executed") not in by_identity
    # The stored KCQG plan stays as stored.
    assert by_identity["kcqg", "plan"].derived is None
