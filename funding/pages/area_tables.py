"""The tables of a region's page (its provinces side by side) and of a
province's page (its years, and its programme contents in one year), each
from one query.

Figures are looked up through ``funding.core.cells``, so an area with two
of the three funds stored shows the third, derived, whichever is asked for.
An area made of others has, where it has no figure of its own, the sum of
its parts' (``funding.core.rollup.completed_cells``, the one rule for the
pages, the downloads, the API and the checker): a province created by the
2025 merger, for the periods before it, those it replaced; a region, its
members then. Each area's triple is completed first, then the areas are
added up.
"""

from __future__ import annotations

from ..core import derived
from ..core.cells import FigureCells, derive
from ..core.models import Area, Figure, ProgrammeContent
from ..core.periods import Period
from ..core.rollup import completed_cells
from .tables import MONEY

PLAN, EXECUTED = Figure.Measure.PLAN, Figure.Measure.EXECUTED


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
    cells = completed_cells(
        [region, *members], [year - 1, year], indicator__code=MONEY,
        period_kind=Figure.PeriodKind.YEAR, content__code=ProgrammeContent.ALL,
    )  # fmt: skip
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


def _amounts(
    cells: FigureCells, area: Area, source: str, *dimensions: str, **only
) -> dict:
    """``area``'s cells of ``source`` (stored, derived or summed) whose
    figure has the values ``only`` names, by the figure's ``dimensions``."""
    return {
        tuple(getattr(cell.as_figure, name) for name in dimensions): cell
        for cell in cells
        if cell.as_figure.area_id == area.pk
        and cell.as_figure.fund == source
        and all(getattr(cell.as_figure, k) == v for k, v in only.items())
    }


def province_cells(province: Area) -> FigureCells:
    """Every money figure of a province (its pages' three tables), with
    the sums of those it replaced before the merger: two queries."""
    return completed_cells([province], None, indicator__code=MONEY)


def province_table(*, province: Area, cells: FigureCells, source: str) -> dict:
    """A province's years side by side; a province made by the 2025 merger
    has, for the years before, the sum of those it replaced
    (``funding.core.rollup``, as everywhere). ``cells``: ``province_cells``."""
    amounts = {
        (year, measure): cell
        for (content, year, measure), cell in _amounts(
            cells, province, source, "content", "year", "measure",
            period_kind=Figure.PeriodKind.YEAR,
        ).items()
        if content.code == ProgrammeContent.ALL
    }  # fmt: skip
    years = []
    for year in sorted({year for year, _measure in amounts}):
        plan = amounts.get((year, PLAN))
        executed = amounts.get((year, EXECUTED))
        before = amounts.get((year - 1, EXECUTED))
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
    return {"years": years, "area": province}


def periods_table(
    *, area: Area, cells: FigureCells, year: int, source: str
) -> list[dict]:
    """The periods of ``year`` shorter than the year (quarters, first N
    months, up to a day) with their executed amount and that of the same
    period of the year before ("so với cùng kỳ")."""
    by_period = {
        (kind, end): cell
        for (content, kind, end), cell in _amounts(
            cells, area, source, "content", "period_kind", "period_end",
            measure=EXECUTED,
        ).items()
        if content.code == ProgrammeContent.ALL and kind != Figure.PeriodKind.YEAR
    }  # fmt: skip
    rows = []
    for kind, end in sorted(by_period, key=lambda k: (k[1], k[0])):
        if end.year != year:
            continue
        period = Period(kind, end)
        earlier = period.shifted(-1)
        executed = by_period[kind, end]
        before = by_period.get((earlier.kind, earlier.end))
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


def contents_table(
    *, area: Area, cells: FigureCells, year: int, source: str
) -> list[dict]:
    """Plan and executed by programme content for one year."""
    by_content = _amounts(
        cells, area, source, "content", "measure",
        year=year, period_kind=Figure.PeriodKind.YEAR,
    )  # fmt: skip
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
        plan = by_content.get((content, PLAN))
        executed = by_content.get((content, EXECUTED))
        rows.append(
            {
                "content": content.name,
                "plan": plan,
                "executed": executed,
                "ratio": derive(derived.ratio, executed, plan),
            }
        )
    return rows
