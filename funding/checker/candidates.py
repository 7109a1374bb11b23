"""What a quoted number can be: the article's stored figures, and the
figures they imply (the third of a fund triple, through
``complete_fund_triple``), each with its dimensions and its ident."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from ..core.derived import Derived, Quantity, complete_fund_triple, total
from ..core.models import Area, Figure, Indicator
from ..core.rollup import Composition
from . import idents
from .idents import Computed, Node

SWAPPABLE = ("area", "fund", "content", "year", "months", "measure")
DIMENSIONS = ("indicator", "area", "fund", "content", "year", "months", "measure")


@dataclass
class Candidate:
    """A stored figure, or one derived from stored ones, with its dimensions."""

    dims: dict
    quantity: Quantity
    figures: tuple[Figure, ...]
    node: Node
    derived: Derived | None = None
    #: The value as an input of a derived figure, known only to what an
    #: article prints of it (see ``widened``).
    wide: Quantity | None = None
    #: the candidates a sum read from the text adds up (a table's total row)
    parts: tuple = ()

    @property
    def value(self) -> Decimal:
        return self.quantity.value


BILLION_TENTH = Decimal(100_000_000)


def widened(quantity: Quantity, money: bool) -> Quantity:
    """An input as an article prints it: to 0,01 tỷ (0,1 tỷ and over) or to
    1 triệu, so a percentage computed from printed figures is within
    rounding; a count is exact."""
    if not money:
        return quantity
    step = (
        Decimal(10_000_000)
        if abs(quantity.value) >= BILLION_TENTH
        else Decimal(1_000_000)
    )
    return Quantity(
        quantity.value, max(quantity.error, step / 2), quantity.label, quantity.figure
    )


def dims_of(figure: Figure) -> dict:
    return {
        "indicator": figure.indicator_id,
        "area": figure.area_id,
        "fund": figure.fund,
        "content": figure.content_id,
        "year": figure.year,
        "months": _months(figure),
        "measure": figure.measure,
    }


def _months(figure: Figure):
    """The period as cues name it: None for the year, the number of first
    months, "M-D" up to a day, "qN" for a quarter on its own."""
    kind, end = figure.period_kind, figure.period_end
    if kind == Figure.PeriodKind.YEAR:
        return None
    if kind == Figure.PeriodKind.TO_DATE:
        return f"{end.month}-{end.day}"
    if kind == Figure.PeriodKind.QUARTER:
        return f"q{(end.month + 2) // 3}"
    return end.month


def key_of(dims: dict) -> tuple:
    return tuple(dims[k] for k in DIMENSIONS)


class Candidates:
    """The article's figures and the ones they imply."""

    def __init__(self, figures: list[Figure]):
        self.by_key: dict[tuple, Candidate] = {}
        self.indicators = {f.indicator_id: f.indicator for f in figures}
        self.areas = {f.area_id: f.area for f in figures}
        # Which areas a whole is the sum of, on which day: the provinces
        # the 2025 merger made and the regions (``funding.core.rollup``,
        # the rule the pages and the API follow). Read once.
        regions = [a for a in self.areas.values() if a.kind == Area.Kind.REGION]
        self.composition = Composition(regions, {f.year for f in figures})
        successors = {a.successor_id for a in self.areas.values() if a.successor_id}
        self.successors = {
            pk: area
            for pk, area in self.composition.successors.items()
            if pk in successors
        }
        self.predecessors: dict[int, list[int]] = {
            pk: [part for part, _end in self.composition.predecessors[pk]]
            for pk in self.successors
        }
        self.areas.update(self.successors)
        self.memberships = {
            (region, province, year)
            for region, rows in self.composition.members.items()
            for province, year, _start, _end in rows
        }
        for figure in figures:
            dims = dims_of(figure)
            quantity = Quantity.of(figure)
            money = figure.indicator.unit == Indicator.Unit.VND
            self.by_key[key_of(dims)] = Candidate(
                dims,
                quantity,
                (figure,),
                idents.fig(figure.pk),
                None,
                widened(quantity, money),
            )
        self._sum_parts()
        self._old_sums()
        self._complete_fund_triples()
        self.by_node = {str(c.node): c for c in self.by_key.values()}
        self.all_content = next(
            (f.content_id for f in figures if f.content.code == "tat-ca"), None
        )

    def _complete_fund_triples(self) -> None:
        """The fund a triple lacks, from the other two (one rule, in
        ``funding.core.derived``)."""
        funds = [f.value for f in Figure.Fund]
        seen = set()
        for candidate in list(self.by_key.values()):
            base = key_of({**candidate.dims, "fund": None})
            if base in seen:
                continue
            seen.add(base)
            known = {f: self.get(candidate.dims, fund=f) for f in funds}
            triple = complete_fund_triple(
                **{f: (c.quantity if c else None) for f, c in known.items()}
            )
            if triple.derived is None:
                continue
            result = triple.get(triple.derived)
            others = [known[f] for f in funds if f != triple.derived]
            if triple.derived == Figure.Fund.ALL:
                node = idents.op("sum", *(c.node for c in others))
            else:
                whole = known[Figure.Fund.ALL]
                part = next(c for f, c in known.items() if c and f != Figure.Fund.ALL)
                node = idents.op("diff", whole.node, part.node)
                others = [whole, part]
            dims = {**candidate.dims, "fund": triple.derived}
            wide = complete_fund_triple(
                **{f: (c.wide if c else None) for f, c in known.items()}
            ).get(triple.derived)
            self.by_key[key_of(dims)] = Candidate(
                dims,
                result.as_quantity(),
                tuple(f for c in others for f in c.figures),
                node,
                result,
                wide.as_quantity(),
            )

    def _sum_parts(self) -> None:
        """A merged province before the merger (the sum of the provinces it
        was made of) and a region (the sum of its members on the period's
        last day), when the whole is not stored and every part is; which
        areas are the parts, ``Composition.parts`` says."""
        wholes = [
            *self.successors.values(),
            *(a for a in self.areas.values() if a.kind == Area.Kind.REGION),
        ]
        for whole in wholes:
            self._sum_of(whole, self.composition.candidates_of(whole))

    def _sum_of(self, whole: Area, candidates: set[int]) -> None:
        for candidate in list(self.by_key.values()):
            dims = candidate.dims
            if dims["area"] not in candidates:
                continue
            stored = candidate.figures[0]
            parts = self.composition.parts(whole, stored.period_end, stored.year)
            if not parts or dims["area"] != min(parts):
                continue
            if self.get(dims, area=whole.pk) is not None:
                continue
            self._add_sum(dims, whole.pk, sorted(parts))

    def _add_sum(self, dims: dict, area: int, parts: list[int]) -> None:
        found = [self.get(dims, area=p) for p in parts]
        if None in found:
            return
        result = total(*(c.quantity for c in found))
        self.by_key[key_of({**dims, "area": area})] = Candidate(
            {**dims, "area": area},
            result.as_quantity(),
            tuple(f for c in found for f in c.figures),
            idents.op("sum", *(c.node for c in found)),
            result,
            total(*(c.wide for c in found)).as_quantity(),
        )

    def _old_sums(self) -> None:
        """ "Kế hoạch của ba tỉnh cũ": the provinces a merged one was made
        of, added up, whatever the merged one stores of its own (its plan
        may add to theirs), under the area ``old_whole(pk)``; and, when the
        merged one has no such figure at all (its KCQG plan, set for the old
        provinces before the merger), as its own too."""
        for whole, parts in self.predecessors.items():
            first = min(parts)
            for candidate in list(self.by_key.values()):
                if candidate.dims["area"] != first:
                    continue
                if self.get(candidate.dims, area=whole) is None:
                    # a plan set before the merger: theirs
                    self._add_sum(candidate.dims, whole, sorted(parts))
                self._add_sum(candidate.dims, old_whole(whole), sorted(parts))

    # Maps read once, after the candidates are all made (``calibrate``).
    @cached_property
    def stored(self) -> dict[int, Figure]:
        """The stored figures, by primary key."""
        return {pk: c.figures[0] for pk, c in self._stored_candidates.items()}

    @cached_property
    def printed(self) -> dict[int, Quantity]:
        """The stored figures as inputs an article prints (``widened``)."""
        return {pk: c.wide or c.quantity for pk, c in self._stored_candidates.items()}

    @cached_property
    def dims_by_pk(self) -> dict[int, dict]:
        """The dimensions of each stored figure, by primary key."""
        return {pk: c.dims for pk, c in self._stored_candidates.items()}

    @cached_property
    def values_of(self) -> dict[str, set]:
        """Each dimension's values among the candidates."""
        return {
            d: {key[DIMENSIONS.index(d)] for key in self.by_key} for d in DIMENSIONS
        }

    @cached_property
    def _stored_candidates(self) -> dict[int, Candidate]:
        return {c.node.args[0]: c for c in self.by_key.values() if c.node.op == "fig"}

    def wholes(self) -> set[int]:
        """Areas made of others: merged provinces and regions."""
        return set(self.predecessors) | {r for r, _p, _y in self.memberships}

    def neighbours(self, candidate: Candidate) -> list[Candidate]:
        """The figures that differ from ``candidate`` in one dimension only
        (the fund, the measure, the area, the year, the period or the
        content): where a number copied from the next line or column of a
        report comes from."""
        dims = candidate.dims
        found = []
        for other in self.by_key.values():
            differ = [k for k in SWAPPABLE if other.dims[k] != dims[k]]
            if len(differ) == 1 and other.dims["indicator"] == dims["indicator"]:
                found.append(other)
        return found

    def get(self, dims: dict, **changes) -> Candidate | None:
        return self.by_key.get(key_of({**dims, **changes}))

    def all(self) -> list[Candidate]:
        return list(self.by_key.values())

    def is_money(self, candidate: Candidate) -> bool:
        indicator = self.indicators[candidate.dims["indicator"]]
        return indicator.unit == Indicator.Unit.VND

    @cached_property
    def part_year_plans(self) -> bool:
        """Whether a plan of part of a year is stored (most are the year's)."""
        return any(
            c.dims["measure"] == Figure.Measure.PLAN and c.dims["months"] is not None
            for c in self.by_key.values()
        )

    def contains(self, whole_area: int, part_area: int, year: int) -> bool:
        if whole_area < 0:  # the old provinces of a merged one, together
            return part_area in self.predecessors.get(old_whole(whole_area), ())
        whole, part = self.areas.get(whole_area), self.areas.get(part_area)
        if whole is None or part is None or whole == part:
            return False
        if whole.kind == Area.Kind.NATION:
            return True
        if part_area in self.predecessors.get(whole_area, ()):
            return True
        if whole.kind == Area.Kind.REGION and part.kind == Area.Kind.PROVINCE:
            return (whole_area, part_area, year) in self.memberships
        return False


def old_whole(area: int) -> int:
    """The area key of a merged province's predecessors added up (and
    back): the negated key of the merged province."""
    return -area


def candidate_computed(candidate: Candidate) -> Computed:
    return Computed(candidate.derived or candidate.quantity, candidate.figures, "value")


def holds_old(whole: Candidate, part: Candidate) -> bool:
    """A merged province's own figure holds its old provinces' together
    ("3,8 tỷ do Trung ương giao cho hai tỉnh cũ, chiếm 22% kế hoạch" of
    the new province), not its own copy of their sum."""
    area = part.dims["area"]
    return (
        area < 0
        and whole.dims["area"] == old_whole(area)
        and str(whole.node) != str(part.node)
    )
