"""Which figures a data block names: the rule, written once.

A selection names figures by their dimensions: one or more indicators and
areas, a programme content and a range of years, and optionally a period
kind, funding sources, measures and source documents (none chosen: any).
The rule is the table ``CRITERIA``; from it come

- ``Selection.q()``: the figures it names, as a filter for the database;
- ``Selection.matches(figure)``: the same test on a figure already read
  (an article's blocks read their figures in one query and sort them here);
- ``showing(figure)``: the other way round, a filter on the model that
  stores selections (a data block) for the selections showing ``figure``
  or a figure computed from it.

A selection naming a province created by the 2025 merger names, for the
periods before it, the figures of the provinces it replaced too: the
province's figure of such a period is their sum (``Selection.cells``,
``funding.core.cells.FigureCells.add_sum``), when every one of them has
it. Pages, blocks and their downloads thus show it alike.

A block *reads* more than it names: every fund of what it names
(``every_fund=True``), so that a fund triple with two funds stored has its
third, derived (``funding.core.cells``), and a source's share of all
sources can be computed; it *shows* the funds it names (``shows_fund``).

A model storing a selection has these fields: ``indicators`` and ``areas``
(many-to-many to Indicator and Area), ``content`` (a foreign key to
ProgrammeContent), ``year_from`` and ``year_to``, ``period_kind`` ("" for
any), ``funds`` and ``measures`` (comma-separated codes, "" for any) and
``sources`` (many-to-many to SourceDocument, none for any). A code is
matched whole: "kcqg" is not in "kcqg2".
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count, F, OuterRef, Q, Subquery

from .cells import FigureCells
from .models import Area, AreaName, Figure

# How a selecting model stores a criterion.
MANY, ONE, CHOICE, CODES = "many", "one", "choice", "codes"


@dataclass(frozen=True)
class Criterion:
    """One dimension of the rule: the figure's field, the selecting model's
    field that names the values allowed, how it stores them, and whether
    naming none names no figure (``required``) or any."""

    dimension: str
    field: str
    stored: str
    required: bool

    @cached_property
    def attname(self) -> str:
        """The figure's attribute holding the value (``indicator_id``)."""
        return Figure._meta.get_field(self.dimension).attname

    def allowed(self, holder) -> frozenset:
        """The values ``holder`` (a selecting model instance) names."""
        if self.stored == MANY:
            # From the (prefetched) relation: plain ids, which the database
            # plans faster than subqueries.
            return frozenset(item.pk for item in getattr(holder, self.field).all())
        value = getattr(
            holder, f"{self.field}_id" if self.stored == ONE else self.field
        )
        if self.stored == CODES:
            return frozenset(split_codes(value))
        return frozenset([value]) if value else frozenset()

    def names(self, figure) -> Q:
        """The selecting models whose criterion allows ``figure``."""
        value = getattr(figure, self.attname)
        if self.stored == CODES:
            allowing, empty = _has_code(self.field, value), Q(**{self.field: ""})
        elif self.stored == MANY:
            allowing, empty = Q(**{self.field: value}), Q(**{self.field: None})
        else:
            allowing, empty = Q(**{self.field: value}), Q(**{self.field: ""})
        return allowing if self.required else empty | allowing


def _has_code(field: str, code: str) -> Q:
    """Comma-separated ``field`` holds ``code`` as one of its codes."""
    return (
        Q(**{field: code})
        | Q(**{f"{field}__startswith": f"{code},"})
        | Q(**{f"{field}__endswith": f",{code}"})
        | Q(**{f"{field}__contains": f",{code},"})
    )


FUND = Criterion("fund", "funds", CODES, required=False)
AREA = Criterion("area", "areas", MANY, required=True)
CRITERIA = (
    Criterion("indicator", "indicators", MANY, required=True),
    AREA,
    Criterion("content", "content", ONE, required=True),
    Criterion("period_kind", "period_kind", CHOICE, required=False),
    FUND,
    Criterion("measure", "measures", CODES, required=False),
    Criterion("source", "sources", MANY, required=False),
)

# Tables list indicators in their order, then regions, provinces, years;
# the rest makes the order total (the same in every query and download).
FIGURE_ORDER = (
    "indicator__position",
    "area__kind",
    "area__name",
    "year",
    "period_end",
    "fund",
    "measure",
    "pk",
)


def split_codes(text: str) -> list[str]:
    """The codes of a comma-separated field ("kcqg,kcdp"); "" is none."""
    return [code for code in text.split(",") if code]


@dataclass(frozen=True)
class Selection:
    """The values each criterion allows (in ``CRITERIA``'s order) and the
    years: what a data block names, read once from its fields."""

    allowed: tuple[frozenset, ...]
    year_from: int
    year_to: int

    @classmethod
    def of(cls, holder) -> Selection:
        """The selection a data block (or any selecting model) stores."""
        return cls(
            allowed=tuple(criterion.allowed(holder) for criterion in CRITERIA),
            year_from=holder.year_from,
            year_to=holder.year_to,
        )

    def _constraints(self, every_fund: bool):
        for criterion, values in zip(CRITERIA, self.allowed, strict=True):
            if every_fund and criterion is FUND:
                continue
            if values or criterion.required:
                yield criterion, values

    def q(self, *, every_fund: bool = False) -> Q:
        """The figures named (of any fund: those read), as a filter."""
        selection = Q(year__gte=self.year_from, year__lte=self.year_to)
        for criterion, values in self._constraints(every_fund):
            named = Q(**{f"{criterion.dimension}__in": sorted(values)})
            if criterion is AREA:
                # A merged province's predecessors, before the merger.
                named |= Q(
                    area__successor__in=sorted(values),
                    period_end__lte=F("area__valid_to"),
                )
            selection &= named
        return selection

    def matches(self, figure, *, every_fund: bool = False) -> bool:
        """Whether ``q()`` names ``figure``: the same rule, in Python."""
        return self.year_from <= figure.year <= self.year_to and all(
            getattr(figure, criterion.attname) in values
            or (criterion is AREA and _before_successor(figure, values))
            for criterion, values in self._constraints(every_fund)
        )

    def shows_area(self, area_id: int) -> bool:
        """Whether the area is one named (not a predecessor read to sum)."""
        return area_id in self.allowed[CRITERIA.index(AREA)]

    def cells(self, figures: list[Figure]) -> FigureCells:
        """The figures read (``figures()``, ``figures_for``) as cells, a named
        merged province having for the periods before the merger the sum of
        its predecessors' figures where it has none of its own and all of
        them have one."""
        cells = FigureCells(figures)
        named = self.allowed[CRITERIA.index(AREA)]
        parts: dict[int, set[int]] = {}
        successors = {}
        for figure in figures:
            successor = figure.area.successor_id
            if successor in named:
                parts.setdefault(successor, set()).add(figure.area_id)
                successors[successor] = (figure.area.successor, figure)
        for successor, (area, figure) in successors.items():
            found = parts[successor]
            if len(found) != getattr(figure, "successor_parts", None):
                continue  # a predecessor has no figure: no sum

            def parts_on(key, found=found, last_day=figure.area.valid_to):
                return sorted(found) if key.period_end <= last_day else []

            cells.add_sum(area, parts_on, found)
        return cells

    def shows_fund(self, fund: str) -> bool:
        """Whether figures of ``fund`` are named (none chosen: every fund)."""
        funds = self.allowed[CRITERIA.index(FUND)]
        return not funds or fund in funds

    def figures(self, *, every_fund: bool = False):
        """The figures named (of any fund: those read), as stored now, in
        table order."""
        return (
            read_figures().filter(self.q(every_fund=every_fund)).order_by(*FIGURE_ORDER)
        )


def _before_successor(figure, areas) -> bool:
    area = figure.area
    return area.successor_id in areas and figure.period_end <= area.valid_to


def read_figures():
    """Figures with their dimensions, their area's name then if it was
    renamed since (``area_as_named``) and, for a province the 2025 merger
    replaced, its successor and how many provinces it replaced
    (``successor_parts``), to sum them (``Selection.cells``): one query."""
    replaced = (
        Area.objects.filter(successor=OuterRef("area__successor"))
        .values("successor")
        .annotate(count=Count("pk"))
        .values("count")
    )
    former = AreaName.objects.filter(
        area=OuterRef("area"), used_until__gte=OuterRef("period_end")
    ).order_by("used_until")
    return (
        Figure.objects.with_dimensions()
        .select_related("area__successor")
        .annotate(
            successor_parts=Subquery(replaced),
            area_name_then=Subquery(former.values("name")[:1]),
            area_short_name_then=Subquery(former.values("short_name")[:1]),
        )
    )


def area_as_named(figure) -> Area:
    """The figure's area as it was named in the figure's period ("Thừa
    Thiên Huế" in 2022), from what ``read_figures`` read: the area, or an
    unsaved copy with the former name, for showing."""
    short_name = getattr(figure, "area_short_name_then", None)
    if not short_name:
        return figure.area
    named = copy.copy(figure.area)
    named.name, named.short_name = figure.area_name_then, short_name
    return named


def figures_for(selections: dict, *, every_fund: bool = False) -> dict:
    """Each selection's figures, as ``Selection.figures()`` gives them, read
    in one query for all (``selections``: any key to a selection)."""
    if not selections:
        return {}
    named = Q()
    for selection in selections.values():
        named |= selection.q(every_fund=every_fund)
    figures = list(read_figures().filter(named).order_by(*FIGURE_ORDER))
    return {
        key: [f for f in figures if selection.matches(f, every_fund=every_fund)]
        for key, selection in selections.items()
    }


def showing(figure) -> Q:
    """The selections showing ``figure`` (as it is stored now) or a figure
    computed from it, as a filter on the model storing them (use
    ``.distinct()``: it spans relations). Besides its own fund's: the funds
    in ``funds_using(figure)``."""
    selecting = Q(year_from__lte=figure.year, year_to__gte=figure.year)
    for criterion in CRITERIA:
        if criterion is AREA:
            selecting &= _areas_naming(figure)
        elif criterion is not FUND:
            selecting &= criterion.names(figure)
    using = Q(funds="")
    for fund in sorted(funds_using(figure)):
        using |= _has_code(FUND.field, fund)
    return selecting & using


def _areas_naming(figure) -> Q:
    """Selections naming the figure's area or, before the merger, its
    successor (which shows the sum of the provinces it replaced)."""
    naming = AREA.names(figure)
    area = figure.area
    if area.successor_id and figure.period_end <= area.valid_to:
        naming |= Q(areas=area.successor_id)
    return naming


def funds_using(figure) -> set[str]:
    """The funds whose rows show ``figure`` or a figure computed from it:
    its own; the third of its fund triple when only two are stored (derived
    from it, ``funding.core.cells``); and, when all sources is among them,
    KCQG and KCĐP (their share of all sources). One query."""
    others = {
        name: getattr(figure, Figure._meta.get_field(name).attname)
        for name in Figure.KEY_FIELDS
        if name != "fund"
    }
    stored = set(Figure.objects.filter(**others).values_list("fund", flat=True))
    stored.add(figure.fund)
    funds = {figure.fund}
    if len(stored) == 2:
        funds |= set(Figure.Fund.values) - stored
    if Figure.Fund.ALL in funds:
        funds |= {Figure.Fund.KCQG, Figure.Fund.KCDP}
    return funds


def areas_without_figures(areas, year_from: int, year_to: int) -> list[tuple]:
    """Of ``areas``, those with no figure in ``year_from``-``year_to`` (of
    their own or, for a province the 2025 merger created, of those it
    replaced), each with the areas of the same name that have some: a data
    block naming "Đà Nẵng (từ 01/07/2025)" for 2021-2022 shows nothing, "Đà
    Nẵng (đến 30/06/2025)" would. Two queries."""
    areas = list(areas)
    if not areas:
        return []
    in_years = Figure.objects.filter(year__gte=year_from, year__lte=year_to)
    names = {area.short_name for area in areas}
    with_figures = {
        area.pk: area
        for area in Area.objects.filter(short_name__in=names)
        .filter(
            Q(pk__in=in_years.values("area"))
            | Q(predecessors__in=in_years.values("area"))
        )
        .distinct()
    }
    return [
        (
            area,
            [
                other
                for other in with_figures.values()
                if other.short_name == area.short_name
            ],
        )
        for area in areas
        if area.pk not in with_figures
    ]
