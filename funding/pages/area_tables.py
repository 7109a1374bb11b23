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
from ..core.periods import Period
from ..core.rollup import Composition, area_filter
from .tables import MONEY

PLAN, EXECUTED = Figure.Measure.PLAN, Figure.Measure.EXECUTED


class _MoneyUnit:
    unit = Indicator.Unit.VND


MONEY_INDICATOR = _MoneyUnit()


def yearly_money(*conditions, **filters) -> FigureCells:
    """The money figures of whole years that ``filters`` name, every fund
    (to complete the triples), in one query."""
    return FigureCells(
        Figure.objects.with_dimensions().filter(
            *conditions,
            indicator__code=MONEY,
            period_kind=Figure.PeriodKind.YEAR,
            **filters,
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
    """A region's provinces side by side for one year (its members on the
    year's last day), each named as it was then, with the year before
    ("so với cùng kỳ"); the region's total is its own figure or, without
    one, the sum of its members' (``funding.core.rollup``)."""
    members = list(
        region.members(year)
        .select_related("successor")
        .prefetch_related("former_names")
    )
    composition = Composition([region, *members], [year - 1, year])
    cells = composition.complete(
        yearly_money(
            area_filter(composition),
            year__in=[year - 1, year],
            content__code=ProgrammeContent.ALL,
        )
    )
    amounts = {
        (cell.as_figure.area_id, cell.as_figure.year, cell.as_figure.measure): cell
        for cell in cells
        if cell.as_figure.fund == source
    }

    def row(area: Area, name: str) -> dict:
        plan, executed = (
            amounts.get((area.pk, year, PLAN)),
            amounts.get((area.pk, year, EXECUTED)),
        )
        before = amounts.get((area.pk, year - 1, EXECUTED))
        return {
            "area": area,
            "name": name,
            "plan": plan,
            "executed": executed,
            "before": before,
            "ratio": derive(derived.ratio, executed, plan),
            "change": derive(derived.change, executed, before),
        }

    total = row(region, region.short_name)
    rows = [row(member, member.short_name_in(year)) for member in members]
    for member_row in rows:
        member_row["share"] = derive(
            derived.share, member_row["executed"], total["executed"]
        )
    return {
        "members": members,
        "rows": rows,
        "total": total,
        "region_plan": total["plan"],
        "region_executed": total["executed"],
        "reported": sum(1 for r in rows if r["executed"] or r["plan"]),
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
        before = fold(by_year.get((year - 1, EXECUTED), []))
        years.append(
            {
                "year": year,
                "name": province.short_name_in(year),
                "plan": plan,
                "executed": executed,
                "ratio": derive(derived.ratio, executed, plan),
                "change": derive(derived.change, executed, before),
            }
        )
    return {"years": years, "area_ids": area_ids}


def periods_table(*, area_ids: list[int], year: int, source: str) -> list[dict]:
    """The periods of ``year`` shorter than the year (quarters, first N
    months, up to a day) with their executed amount and that of the same
    period of the year before ("so với cùng kỳ"), in one query."""
    cells = FigureCells(
        Figure.objects.with_dimensions()
        .filter(
            area__in=area_ids,
            indicator__code=MONEY,
            content__code=ProgrammeContent.ALL,
            measure=EXECUTED,
            year__in=[year - 1, year],
        )
        .exclude(period_kind=Figure.PeriodKind.YEAR)
    )
    by_period = _by(cells, source, "period_kind", "period_end")
    rows = []
    for kind, end in sorted(by_period, key=lambda k: (k[1], k[0])):
        if end.year != year:
            continue
        period = Period(kind, end)
        earlier = period.shifted(-1)
        executed = fold(by_period[kind, end])
        before = fold(by_period.get((earlier.kind, earlier.end), []))
        rows.append(
            {
                "period": period.label,
                "earlier": earlier.label,
                "executed": executed,
                "before": before,
                "change": derive(derived.change, executed, before),
            }
        )
    return rows


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
