"""Which areas an area is made of, on a given day, and the figures of an
area summed from them where it has none of its own.

- A province created by the 2025 merger is, up to the day its
  predecessors ended (30/6/2025), the sum of those it replaced.
- A region is, on a day, the sum of its members that day
  (``RegionMembership``: by year, and from or to a day in the merger's
  year).
- The nation is, on a day, the sum of the provinces existing that day.

``Composition`` reads these once for the areas a page shows (three
queries whatever their number) and completes a ``FigureCells`` with the
sums, provinces first, then regions, then the nation, so a figure imported
for a province rolls up at once. ``area_ids`` are the areas whose figures
the sums need, to read with the rest; ``completed_cells`` reads them.

The one home of these rules: the pages, their downloads, the data blocks
and the API read ``completed_cells`` (or ``Composition.complete``), and the
checker (``funding.checker.candidates``) asks ``Composition.parts`` which
areas a quoted whole is the sum of.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Q

from .cells import FigureCells, FigureKey
from .models import Area, Figure, RegionMembership

ANY_DAY = (None, None)


def _within(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


class Composition:
    """The parts of ``wholes`` (areas) in ``years``: see the module."""

    def __init__(self, wholes: Iterable[Area], years: Iterable[int] | None):
        """``years``: those whose region memberships to read; None: all."""
        self.wholes = list(wholes)
        years = None if years is None else sorted(set(years))
        regions = [a.pk for a in self.wholes if a.kind == Area.Kind.REGION]
        with_nation = any(a.kind == Area.Kind.NATION for a in self.wholes)
        # Every province the merger replaced, with its successor.
        self.predecessors: dict[int, list[tuple[int, date]]] = defaultdict(list)
        self.successors: dict[int, Area] = {}
        replaced = Area.objects.filter(successor__isnull=False).select_related(
            "successor"
        )
        for area in replaced:
            self.predecessors[area.successor_id].append((area.pk, area.valid_to))
            self.successors[area.successor_id] = area.successor
        self.members: dict[int, list[tuple]] = defaultdict(list)
        if regions and years != []:
            memberships = RegionMembership.objects.filter(region__in=regions)
            if years is not None:
                memberships = memberships.filter(year__in=years)
            for row in memberships.values_list(
                "region_id", "province_id", "year", "valid_from", "valid_to"
            ):
                self.members[row[0]].append(row[1:])
        self.provinces: list[tuple[int, date | None, date | None]] = []
        if with_nation:
            self.provinces = list(
                Area.objects.filter(kind=Area.Kind.PROVINCE).values_list(
                    "pk", "valid_from", "valid_to"
                )
            )

    @property
    def area_ids(self) -> set[int]:
        """Every area a sum may need the figures of (the wholes too)."""
        ids = {a.pk for a in self.wholes}
        for rows in self.members.values():
            ids |= {row[0] for row in rows}
        ids |= {row[0] for row in self.provinces}
        for successor in list(ids):
            ids |= {pk for pk, _end in self.predecessors.get(successor, ())}
        return ids

    def parts(self, whole: Area, day: date, year: int) -> list[int]:
        """The areas ``whole`` is the sum of on ``day`` (of ``year``)."""
        if whole.kind == Area.Kind.NATION:
            return [pk for pk, start, end in self.provinces if _within(day, start, end)]
        if whole.kind == Area.Kind.REGION:
            return [
                province
                for province, member_year, start, end in self.members[whole.pk]
                if member_year == year and _within(day, start, end)
            ]
        return [pk for pk, end in self.predecessors.get(whole.pk, ()) if day <= end]

    def complete(self, cells: FigureCells) -> FigureCells:
        """``cells`` with every sum added: successors of the merger first
        (a region's member or the nation's province may be one), then
        regions, then the nation."""
        order = {Area.Kind.REGION: 0, Area.Kind.NATION: 1}
        wholes = list(self.successors.values()) + sorted(
            (a for a in self.wholes if a.kind in order), key=lambda a: order[a.kind]
        )
        for whole in wholes:
            cells.add_sum(whole, self._parts_on(whole), self.candidates_of(whole))
        return cells

    def _parts_on(self, whole: Area):
        def parts_on(key: FigureKey) -> list[int]:
            return self.parts(whole, key.period_end, key.year)

        return parts_on

    def candidates_of(self, whole: Area) -> set[int]:
        """Every area that is a part of ``whole`` on some day."""
        if whole.kind == Area.Kind.NATION:
            return {row[0] for row in self.provinces}
        if whole.kind == Area.Kind.REGION:
            return {row[0] for row in self.members[whole.pk]}
        return {pk for pk, _end in self.predecessors.get(whole.pk, ())}


def area_filter(composition: Composition) -> Q:
    """The figures a page with ``composition`` reads, by area."""
    return Q(area__in=sorted(composition.area_ids))


def completed_cells(
    wholes: Iterable[Area], years: Iterable[int] | None, *conditions, **filters
) -> FigureCells:
    """The figures of ``wholes`` in ``years`` (None: every year) and of
    their parts that ``conditions`` and ``filters`` select, every fund
    triple completed and every sum added: what the pages, the downloads and
    the API show, from four queries at most whatever the areas and years."""
    composition = Composition(wholes, years)
    figures = Figure.objects.with_dimensions().filter(
        area_filter(composition), *conditions, **filters
    )
    if years is not None:
        figures = figures.filter(year__in=sorted(set(years)))
    return composition.complete(FigureCells(figures))
