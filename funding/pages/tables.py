"""The tables of the funding pages, built from stored figures in few queries.

Each builder fetches what it needs in one or two queries (aggregating in the
database where several rows fold into one), then computes every derived
figure through ``funding.core.derived``. A table is a plain structure the
templates, the chart and the CSV/XLSX exports all read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from ..core import derived
from ..core.derived import Derived, Quantity
from ..core.formatting import format_plain
from ..core.models import Area, Figure, Indicator, ProgrammeContent

MONEY = "kinh-phi-khuyen-cong"
SOURCES = [Figure.Fund.ALL, Figure.Fund.KCQG, Figure.Fund.KCDP]
OTHER_SOURCE = {
    Figure.Fund.KCQG: Figure.Fund.KCDP,
    Figure.Fund.KCDP: Figure.Fund.KCQG,
}


@dataclass
class Value:
    """A cell: a stored figure, or a figure derived from stored ones."""

    quantity: Quantity
    figure: Figure | None = None
    derived: Derived | None = None

    @property
    def value(self) -> Decimal:
        return self.quantity.value


def stored(figure: Figure | None) -> Value | None:
    return Value(Quantity.of(figure), figure=figure) if figure else None


def _safe(function, *values: Value | None) -> Derived | None:
    if any(v is None for v in values):
        return None
    try:
        return function(*(v.quantity for v in values))
    except ZeroDivisionError:
        return None


@dataclass
class Row:
    source: str
    period_label: str
    plan: Value | None
    executed: Value | None
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
    rows: list[Row] = field(default_factory=list)
    checks: list[dict] = field(default_factory=list)
    others: list[dict] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.rows and not self.others


class FigureIndex:
    """Stored figures looked up by their dimensions."""

    def __init__(self, figures):
        self.by_key = {
            (f.area_id, f.year, f.fund, f.period_end, f.measure): f for f in figures
        }

    def get(self, area, year, source, period_end, measure) -> Figure | None:
        return self.by_key.get((area.pk, year, source, period_end, measure))


def overview_tables(
    *, area: Area, years: list[int], sources: list[str] | None = None
) -> list[FundingTable]:
    """One ``overview_table`` per year, from a single query for all of them."""
    nation = Area.objects.get(kind=Area.Kind.NATION)
    figures = list(
        Figure.objects.with_dimensions().filter(
            area__in={area.pk, nation.pk},
            year__in={y for year in years for y in (year, year - 1)},
            content__code=ProgrammeContent.ALL,
        )
    )
    return [
        overview_table(
            area=area,
            year=year,
            sources=sources,
            nation=nation,
            figures=[f for f in figures if f.year in (year, year - 1)],
        )
        for year in years
    ]


def overview_table(
    *,
    area: Area,
    year: int,
    nation: Area,
    figures: list[Figure],
    sources: list[str] | None = None,
) -> FundingTable:
    """Plan against executed for one area and year, with every derived figure.

    ``figures`` are the area's and the nation's figures of all contents for
    the year and the year before. Periods are the whole year and any "first
    N months" or "to date" periods stored; a partial period is compared with
    the year's plan ("đạt 28,44% kế hoạch năm") and with the same period of
    the previous year.
    """
    sources = sources or SOURCES
    table = FundingTable(area=area, year=year, indicator=None)
    money = [f for f in figures if f.indicator.code == MONEY]
    if money:
        table.indicator = money[0].indicator
    index = FigureIndex(money)
    year_end = Figure.period_end_for(Figure.PeriodKind.YEAR, year)
    periods = sorted(
        {
            (f.period_end, f.period_kind)
            for f in money
            if f.area_id == area.pk and f.year == year
        },
        key=lambda p: p[0],
        reverse=True,
    )

    def plan_of(target_area, target_year, source) -> Value | None:
        end = Figure.period_end_for(Figure.PeriodKind.YEAR, target_year)
        found = stored(
            index.get(target_area, target_year, source, end, Figure.Measure.PLAN)
        )
        if found or source == Figure.Fund.ALL:
            return found
        # Not reported, but implied: all sources minus the other source.
        whole = stored(
            index.get(
                target_area, target_year, Figure.Fund.ALL, end, Figure.Measure.PLAN
            )
        )
        other = stored(
            index.get(
                target_area, target_year, OTHER_SOURCE[source], end, Figure.Measure.PLAN
            )
        )
        gap = _safe(derived.difference, whole, other)
        return Value(gap.as_quantity(), derived=gap) if gap else None

    for period_end, kind in periods:
        label = Figure(year=year, period_kind=kind, period_end=period_end).period_label
        executed_all = stored(
            index.get(area, year, Figure.Fund.ALL, period_end, Figure.Measure.EXECUTED)
        )
        plan_all = plan_of(area, year, Figure.Fund.ALL)
        for source in sources:
            plan = plan_of(area, year, source)
            executed = stored(
                index.get(area, year, source, period_end, Figure.Measure.EXECUTED)
            )
            is_year = period_end == year_end
            if not executed and not (is_year and plan):
                continue
            row = Row(source=source, period_label=label, plan=plan, executed=executed)
            row.ratio = _safe(derived.ratio, executed, plan)
            if source != Figure.Fund.ALL:
                if is_year:
                    row.share_plan = _safe(derived.share, plan, plan_all)
                row.share_executed = _safe(derived.share, executed, executed_all)
            if area.pk != nation.pk:
                if is_year:
                    row.nation_share_plan = _safe(
                        derived.share, plan, plan_of(nation, year, source)
                    )
                row.nation_share_executed = _safe(
                    derived.share,
                    executed,
                    stored(
                        index.get(
                            nation, year, source, period_end, Figure.Measure.EXECUTED
                        )
                    ),
                )
            if is_year:
                row.change_plan = _safe(
                    derived.change, plan, plan_of(area, year - 1, source)
                )
            previous_end = Figure.shift_period_end(kind, period_end, -1)
            row.change_executed = _safe(
                derived.change,
                executed,
                stored(
                    index.get(
                        area, year - 1, source, previous_end, Figure.Measure.EXECUTED
                    )
                ),
            )
            table.rows.append(row)
        for measure in (Figure.Measure.PLAN, Figure.Measure.EXECUTED):
            end = year_end if measure == Figure.Measure.PLAN else period_end
            if measure == Figure.Measure.PLAN and period_end != year_end:
                continue
            whole = index.get(area, year, Figure.Fund.ALL, end, measure)
            parts = [index.get(area, year, s, end, measure) for s in OTHER_SOURCE]
            if whole and all(parts):
                check = derived.sum_against_total(
                    [Quantity.of(p) for p in parts], Quantity.of(whole)
                )
                check.update(measure=Figure.Measure(measure).label, period=label)
                table.checks.append(check)

    others = [f for f in figures if f.indicator.code != MONEY and f.area_id == area.pk]
    previous = {
        (
            f.indicator_id,
            f.fund,
            Figure.shift_period_end(f.period_kind, f.period_end, 1),
            f.measure,
        ): f
        for f in others
        if f.year == year - 1
    }
    for f in sorted(
        others, key=lambda f: (f.indicator.position, f.period_end, f.measure)
    ):
        if f.year != year:
            continue
        before = previous.get((f.indicator_id, f.fund, f.period_end, f.measure))
        table.others.append(
            {
                "figure": f,
                "change": derived.change(Quantity.of(f), Quantity.of(before))
                if before
                else None,
            }
        )
    return table


def region_table(*, region: Area, year: int, source: str) -> dict:
    """A region's provinces side by side for one year (one aggregate query)."""
    members = list(region.members(year))
    year_end = Figure.period_end_for(Figure.PeriodKind.YEAR, year)
    sums = (
        Figure.objects.filter(
            indicator__code=MONEY,
            area__in=[m.pk for m in members] + [region.pk],
            year=year,
            fund=source,
            content__code=ProgrammeContent.ALL,
            period_end=year_end,
        )
        .values("area_id", "measure")
        .annotate(total=Sum("value"), rounding=Sum("rounding"))
    )
    totals = {(s["area_id"], s["measure"]): summed(s) for s in sums}

    def quantity(area_id, measure):
        return totals.get((area_id, measure))

    region_executed = quantity(region.pk, Figure.Measure.EXECUTED)
    rows = []
    for member in members:
        plan = quantity(member.pk, Figure.Measure.PLAN)
        executed = quantity(member.pk, Figure.Measure.EXECUTED)
        rows.append(
            {
                "area": member,
                "plan": plan,
                "executed": executed,
                "ratio": derived.ratio(executed, plan)
                if plan and executed and plan.value
                else None,
                "share": derived.share(executed, region_executed)
                if executed and region_executed and region_executed.value
                else None,
            }
        )
    return {
        "members": members,
        "rows": rows,
        "region_plan": quantity(region.pk, Figure.Measure.PLAN),
        "region_executed": region_executed,
    }


def province_table(*, province: Area, source: str) -> dict:
    """A province's years side by side, its predecessors' figures folded in.

    A province created by the 2025 merger shows, for earlier years, the sum
    of the provinces it replaced; the sum is done by the database.
    """
    area_ids = [province.pk, *province.predecessors.values_list("pk", flat=True)]
    sums = (
        Figure.objects.filter(
            indicator__code=MONEY,
            area__in=area_ids,
            fund=source,
            content__code=ProgrammeContent.ALL,
            period_kind=Figure.PeriodKind.YEAR,
        )
        .values("year", "measure")
        .annotate(total=Sum("value"), rounding=Sum("rounding"))
        .order_by("year")
    )
    by_year: dict[int, dict] = {}
    for s in sums:
        by_year.setdefault(s["year"], {})[s["measure"]] = summed(s)
    years = []
    for year, measures in sorted(by_year.items()):
        plan = measures.get(Figure.Measure.PLAN)
        executed = measures.get(Figure.Measure.EXECUTED)
        years.append(
            {
                "year": year,
                "plan": plan,
                "executed": executed,
                "ratio": derived.ratio(executed, plan)
                if plan and executed and plan.value
                else None,
            }
        )
    return {"years": years, "area_ids": area_ids}


def contents_table(*, area_ids: list[int], year: int, source: str) -> list[dict]:
    """Plan and executed by programme content for one year."""
    sums = (
        Figure.objects.filter(
            indicator__code=MONEY,
            area__in=area_ids,
            year=year,
            fund=source,
            period_kind=Figure.PeriodKind.YEAR,
        )
        .exclude(content__code=ProgrammeContent.ALL)
        .values("content__name", "content__position", "measure")
        .annotate(total=Sum("value"), rounding=Sum("rounding"))
        .order_by("content__position")
    )
    rows: dict[str, dict] = {}
    for s in sums:
        row = rows.setdefault(s["content__name"], {"content": s["content__name"]})
        row[s["measure"]] = summed(s)
    for row in rows.values():
        plan, executed = row.get("plan"), row.get("executed")
        row["ratio"] = (
            derived.ratio(executed, plan) if plan and executed and plan.value else None
        )
    return list(rows.values())


def summed(row: dict) -> Quantity:
    """A database sum as an input: the rounding of its parts adds up."""
    return Quantity(
        value=row["total"],
        error=(row["rounding"] or Decimal(0)) / 2,
        label=format_plain(row["total"], MONEY_INDICATOR),
    )


class _MoneyUnit:
    unit = Indicator.Unit.VND


MONEY_INDICATOR = _MoneyUnit()
