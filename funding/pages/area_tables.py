"""The tables of a region's page (its provinces side by side) and of a
province's page (its years, and its programme contents in one year), each
from one query.

Figures are looked up through ``funding.core.cells``, so an area with two
of the three funds stored shows the third, derived, whichever is asked for.
A province created by the 2025 merger shows, for earlier years, the sum of
the provinces it replaced (``fold``): each area's triple is completed first,
then the areas are added up.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ..core import derived
from ..core.cells import Cell, FigureCells, derive
from ..core.derived import Quantity
from ..core.formatting import format_plain
from ..core.models import Area, Figure, Indicator, ProgrammeContent
from .tables import MONEY

PLAN, EXECUTED = Figure.Measure.PLAN, Figure.Measure.EXECUTED


class _MoneyUnit:
    unit = Indicator.Unit.VND


MONEY_INDICATOR = _MoneyUnit()


def yearly_money(**filters) -> FigureCells:
    """The money figures of whole years that ``filters`` name, every fund
    (to complete the triples), in one query."""
    return FigureCells(
        Figure.objects.with_dimensions().filter(
            indicator__code=MONEY, period_kind=Figure.PeriodKind.YEAR, **filters
        )
    )


def fold(cells: list[Cell]) -> Quantity | Cell | None:
    """Several areas' figures as one: their sum, the rounding of the parts
    adding up. Stored figures alone give a plain sum, as the database would;
    if any part is derived, so is the sum (a ``Cell`` with its formula)."""
    if not cells:
        return None
    if any(cell.derived for cell in cells):
        if len(cells) == 1:
            return cells[0]
        summed = derived.total(*(cell.quantity for cell in cells))
        # Its figure is the first part's, for the unit: a sum of areas is
        # listed nowhere as a figure.
        return Cell(summed.as_quantity(), cells[0].as_figure, summed)
    value = sum((cell.value for cell in cells), Decimal(0))
    error = sum((cell.quantity.error for cell in cells), Decimal(0))
    return Quantity(
        value=value, error=error, label=format_plain(value, MONEY_INDICATOR)
    )


def _by(cells: FigureCells, source: str, *dimensions: str) -> dict[tuple, list[Cell]]:
    """``source``'s cells grouped by the figure's ``dimensions``."""
    groups = defaultdict(list)
    for cell in cells:
        figure = cell.as_figure
        if figure.fund == source:
            groups[tuple(getattr(figure, name) for name in dimensions)].append(cell)
    return groups


def region_table(*, region: Area, year: int, source: str) -> dict:
    """A region's provinces side by side for one year."""
    members = list(region.members(year))
    cells = yearly_money(
        area__in=[m.pk for m in members] + [region.pk],
        year=year,
        content__code=ProgrammeContent.ALL,
    )
    by_area = _by(cells, source, "area_id", "measure")

    def amount(area_id, measure):
        return fold(by_area.get((area_id, measure), []))

    region_executed = amount(region.pk, EXECUTED)
    rows = []
    for member in members:
        plan, executed = amount(member.pk, PLAN), amount(member.pk, EXECUTED)
        rows.append(
            {
                "area": member,
                "plan": plan,
                "executed": executed,
                "ratio": derive(derived.ratio, executed, plan),
                "share": derive(derived.share, executed, region_executed),
            }
        )
    return {
        "members": members,
        "rows": rows,
        "region_plan": amount(region.pk, PLAN),
        "region_executed": region_executed,
    }


def province_table(*, province: Area, source: str) -> dict:
    """A province's years side by side, its predecessors' figures folded in."""
    area_ids = [province.pk, *province.predecessors.values_list("pk", flat=True)]
    cells = yearly_money(area__in=area_ids, content__code=ProgrammeContent.ALL)
    by_year = _by(cells, source, "year", "measure")
    years = []
    for year in sorted({year for year, _measure in by_year}):
        plan = fold(by_year.get((year, PLAN), []))
        executed = fold(by_year.get((year, EXECUTED), []))
        years.append(
            {
                "year": year,
                "plan": plan,
                "executed": executed,
                "ratio": derive(derived.ratio, executed, plan),
            }
        )
    return {"years": years, "area_ids": area_ids}


def contents_table(*, area_ids: list[int], year: int, source: str) -> list[dict]:
    """Plan and executed by programme content for one year."""
    cells = yearly_money(area__in=area_ids, year=year)
    by_content = _by(cells, source, "content", "measure")
    contents = sorted(
        {
            content
            for content, _measure in by_content
            if content.code != ProgrammeContent.ALL
        },
        key=lambda content: (content.position, content.name),
    )
    rows = []
    for content in contents:
        plan = fold(by_content.get((content, PLAN), []))
        executed = fold(by_content.get((content, EXECUTED), []))
        rows.append(
            {
                "content": content.name,
                "plan": plan,
                "executed": executed,
                "ratio": derive(derived.ratio, executed, plan),
            }
        )
    return rows
