"""The overview table of the funding pages (``/so-lieu/``), built from
stored figures in one query.

Figures are looked up through ``funding.core.cells`` (a fund triple with
two of three funds stored has its third, derived) and every derived figure
is computed by ``funding.core.derived``. A table is a plain structure the
template, the chart and the CSV/XLSX exports all read. The region's and
the province's tables are in ``area_tables``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core import derived
from ..core.cells import Cell, FigureCells, FigureKey, derive, in_period, key_of
from ..core.derived import Derived
from ..core.formatting import amount_unit
from ..core.models import Area, Figure, Indicator, ProgrammeContent
from ..core.periods import Period
from ..core.rollup import completed_cells

MONEY = "kinh-phi-khuyen-cong"
ALL, KCQG, KCDP = Figure.Fund.ALL, Figure.Fund.KCQG, Figure.Fund.KCDP
PLAN, EXECUTED = Figure.Measure.PLAN, Figure.Measure.EXECUTED


@dataclass
class OverviewRow:
    """One funding source in one period: plan and executed, and what
    follows from them."""

    source: str
    period_label: str
    plan: Cell | None
    executed: Cell | None
    ratio: Derived | None = None
    share_plan: Derived | None = None
    share_executed: Derived | None = None
    nation_share_plan: Derived | None = None
    nation_share_executed: Derived | None = None
    change_plan: Derived | None = None
    change_executed: Derived | None = None

    @property
    def source_label(self) -> str:
        return Figure.Fund(self.source).label


@dataclass
class FundingTable:
    area: Area
    year: int
    indicator: Indicator | None
    rows: list[OverviewRow] = field(default_factory=list)
    checks: list[dict] = field(default_factory=list)
    others: list[dict] = field(default_factory=list)

    @property
    def area_name(self) -> str:
        """The area's name in the table's year ("Thừa Thiên Huế" in 2022)."""
        return self.area.short_name_in(self.year)

    @property
    def is_empty(self) -> bool:
        return not self.rows and not self.others


def overview_tables(
    *, area: Area, years: list[int], sources: list[str] | None = None
) -> list[FundingTable]:
    """One ``overview_table`` per year, from a single query for all of them.

    The area and the nation without a figure of their own have the sum of
    their parts' (``funding.core.rollup``): a figure imported for a province
    shows at once in its regions' and the nation's tables."""
    nation = Area.objects.get(kind=Area.Kind.NATION)
    every_year = {y for year in years for y in (year, year - 1)}
    cells = completed_cells(
        [area, nation], every_year, content__code=ProgrammeContent.ALL
    )
    return [
        overview_table(
            area=area, year=year, nation=nation, cells=cells, sources=sources
        )
        for year in years
    ]


def overview_table(
    *,
    area: Area,
    year: int,
    nation: Area,
    cells: FigureCells,
    sources: list[str] | None = None,
) -> FundingTable:
    """Plan against executed for one area and year, with every derived figure.

    ``cells`` holds the area's and the nation's figures of all contents for
    the year and the year before. Periods are the whole year and any other
    period stored; a partial period is compared with the year's plan ("đạt
    28,44% kế hoạch năm") and with the same period of the previous year.
    """
    table = FundingTable(area=area, year=year, indicator=None)
    money = [
        cell
        for cell in cells
        if cell.as_figure.indicator.code == MONEY and cell.as_figure.area_id == area.pk
    ]
    if money:
        table.indicator = money[0].as_figure.indicator
    for key in _period_keys(money, year):
        for source in sources or [ALL, KCQG, KCDP]:
            row = _overview_row(cells, key._replace(fund=source), nation)
            if row is not None:
                table.rows.append(row)
        table.checks.extend(_sum_checks(cells, key))
    table.others = _other_indicators(cells, area, year)
    return table


def _period_keys(money: list[Cell], year: int) -> list[FigureKey]:
    """The executed figure's identity in each period the area has money
    figures for in ``year``, latest first (fund to be set)."""
    keys = {
        key_of(cell.as_figure)._replace(fund=None, measure=EXECUTED)
        for cell in money
        if cell.as_figure.year == year
    }
    return sorted(keys, key=lambda k: (k.period_end, k.period_kind), reverse=True)


def _overview_row(cells: FigureCells, key: FigureKey, nation: Area):
    """The row of ``key``'s source and period (``key``: its executed
    figure), or None when there is nothing to show."""
    period = Period(key.period_kind, key.period_end)
    is_year = period.kind == Figure.PeriodKind.YEAR
    plan_key = in_period(key, Period.whole_year(key.year))._replace(measure=PLAN)
    plan, executed = cells.get(plan_key), cells.get(key)
    if not executed and not (is_year and plan):
        return None
    row = OverviewRow(key.fund, period.label, plan, executed)
    row.ratio = derive(derived.ratio, executed, plan)
    if key.fund != ALL:
        if is_year:
            row.share_plan = derive(
                derived.share, plan, cells.get(plan_key._replace(fund=ALL))
            )
        row.share_executed = derive(
            derived.share, executed, cells.get(key._replace(fund=ALL))
        )
    if key.area != nation.pk:
        if is_year:
            row.nation_share_plan = derive(
                derived.share, plan, cells.get(plan_key._replace(area=nation.pk))
            )
        row.nation_share_executed = derive(
            derived.share, executed, cells.get(key._replace(area=nation.pk))
        )
    if is_year:
        row.change_plan = derive(
            derived.change,
            plan,
            cells.get(in_period(plan_key, Period.whole_year(key.year - 1))),
        )
    row.change_executed = derive(
        derived.change, executed, cells.get(in_period(key, period.shifted(-1)))
    )
    return row


def _sum_checks(cells: FigureCells, key: FigureKey) -> list[dict]:
    """Do the stated KCQG and KCĐP add up to the stated all-sources figure
    (of ``key``'s period, and of the year's plan with the year)?"""
    period = Period(key.period_kind, key.period_end)
    keys = [key]
    if period.kind == Figure.PeriodKind.YEAR:
        keys.insert(0, key._replace(measure=PLAN))
    checks = []
    for measured in keys:
        whole, *parts = (
            cells.get(measured._replace(fund=fund)) for fund in (ALL, KCQG, KCDP)
        )
        if all(cell is not None and cell.figure for cell in (whole, *parts)):
            check = derived.sum_against_total(
                [part.quantity for part in parts], whole.quantity
            )
            check.update(
                measure=Figure.Measure(measured.measure).label, period=period.label
            )
            checks.append(check)
    return checks


def _other_indicators(cells: FigureCells, area: Area, year: int) -> list[dict]:
    """The area's figures of other indicators in ``year``, each with its
    change on the same period of the year before."""
    others = sorted(
        (
            cell
            for cell in cells
            if cell.as_figure.indicator.code != MONEY
            and cell.as_figure.area_id == area.pk
            and cell.as_figure.year == year
        ),
        key=_others_order,
    )
    items = []
    for cell in others:
        key = key_of(cell.as_figure)
        period = Period(key.period_kind, key.period_end)
        before = cells.get(in_period(key, period.shifted(-1)))
        items.append(
            {
                "cell": cell,
                "figure": cell.as_figure,
                "change": derive(derived.change, cell, before),
                "money": _unit_of(cell),
            }
        )
    return items


def _unit_of(cell: Cell) -> dict | None:
    """An amount's unit, said in its row's header; None for a count (its
    noun follows the number)."""
    if cell.as_figure.indicator.unit != Indicator.Unit.VND:
        return None
    unit, scale = amount_unit(abs(cell.value))
    return {"unit": unit, "scale": scale}


def _others_order(cell: Cell) -> tuple:
    figure = cell.as_figure
    # Grouped by indicator (the page heads each group with its name).
    return (
        figure.indicator.position,
        figure.indicator.name,
        figure.period_end,
        figure.measure,
        [ALL, KCQG, KCDP].index(figure.fund),
        figure.period_kind,
    )
