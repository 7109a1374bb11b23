"""Figures as tables show them: each cell a stored figure or a figure
derived from stored ones (``Cell``), found by its identity with every fund
triple completed (``FigureCells``).

An area made of others has, where it has no figure of its own, the sum of
its parts' (``FigureCells.add_sum``, with the parts ``funding.core.rollup``
names): a province created by the 2025 merger, for earlier periods, the
sum of those it replaced; a region, of its members then; the nation, of
every province then.

A province that reported KCQG and KCĐP but no "all sources" figure has its
total all the same, derived (``derived.complete_fund_triple``: any two of
all, KCQG and KCĐP give the third, with the interval their rounding
allows). The figure pages, the data blocks and their downloads all look
figures up here, so the total is shown, and marked as derived, wherever
the stored figures would be.
"""

from __future__ import annotations

from collections import defaultdict, namedtuple
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .derived import Derived, Quantity, complete_fund_triple, total
from .formatting import format_exact, format_plain
from .models import Figure
from .periods import Period

#: A figure's identity, ``Figure.key()`` with its fields named
#: (``indicator`` and the other foreign keys are ids).
FigureKey = namedtuple("FigureKey", Figure.KEY_FIELDS)


def key_of(figure: Figure) -> FigureKey:
    return FigureKey(*figure.key())


def in_period(key: FigureKey, period: Period) -> FigureKey:
    """The same figure for another period (of the same or another year)."""
    return key._replace(
        year=period.year, period_kind=period.kind, period_end=period.end
    )


@dataclass(frozen=True)
class Cell:
    """A figure as a table shows it: stored (``figure``), or derived from
    stored ones (``derived``, which says how).

    ``as_figure`` is the stored figure, or for a derived cell an unsaved
    ``Figure`` with its dimensions and value, never saved: for what lists
    figures (a block's rows and download), its ``rounding`` the width of the
    interval the inputs allow and its ``note`` the computation.
    """

    quantity: Quantity
    as_figure: Figure
    derived: Derived | None = None

    @classmethod
    def of(cls, figure: Figure) -> Cell:
        return cls(Quantity.of(figure), figure)

    @property
    def value(self) -> Decimal:
        return self.quantity.value

    @property
    def figure(self) -> Figure | None:
        """The stored figure; None for a derived cell."""
        return None if self.derived else self.as_figure

    @property
    def inputs(self) -> list[Figure]:
        """The stored figures it shows: itself, or those it is derived from."""
        if self.derived is None:
            return [self.as_figure]
        return [q.figure for q in self.derived.inputs if q.figure is not None]


def derive(
    function: Callable[..., Derived], *values: Cell | Quantity | None
) -> Derived | None:
    """``function`` (``derived.ratio``, ``share``…) of the values (cells, or
    plain sums), or None when one is missing or a whole is zero: the table
    says "—"."""
    if any(value is None for value in values):
        return None
    try:
        return function(*(v.quantity if isinstance(v, Cell) else v for v in values))
    except ZeroDivisionError:
        return None


def derived_note(derived: Derived) -> str:
    """What a derived amount is, in words and exact numbers, for downloads:
    "Số tính ra, không phải số công bố: 11.070.000.000 + 37.730.000.000,
    trong khoảng 48.790.000.000 – 48.810.000.000"."""
    text = _("Số tính ra, không phải số công bố: %(formula)s") % {
        "formula": derived.formula.format(
            *(format_exact(q.value) for q in derived.inputs)
        )
    }
    if derived.low != derived.high:
        text += _(", trong khoảng %(low)s – %(high)s") % {
            "low": format_exact(derived.low),
            "high": format_exact(derived.high),
        }
    return text


class FigureCells:
    """Stored figures by identity (``FigureKey``), with each fund triple
    completed: where two of all sources, KCQG and KCĐP are stored with the
    same other dimensions, the third is a derived cell.

    Built from the figures a table reads (one query); ``get`` then answers
    for any identity, stored, derived, or None.
    """

    def __init__(self, figures: Iterable[Figure]):
        self._cells: dict[FigureKey, Cell] = {}
        self._by_area: dict[int, list[FigureKey]] = defaultdict(list)
        triples: dict[FigureKey, dict[str, Figure]] = {}
        for figure in figures:
            key = key_of(figure)
            self._put(key, Cell.of(figure))
            triples.setdefault(key._replace(fund=None), {})[figure.fund] = figure
        for key, stored in triples.items():
            self._complete(key, stored)

    def _put(self, key: FigureKey, cell: Cell) -> None:
        if key not in self._cells:
            self._by_area[key.area].append(key)
        self._cells[key] = cell

    def add_sum(
        self,
        whole,
        parts_on: Callable[[FigureKey], Sequence[int]],
        candidates: Iterable[int],
    ) -> None:
        """Give ``whole`` (an area) the sum of its parts' cells for every
        identity it has no cell of: ``parts_on(key)`` names the parts for
        that identity's period (none: no sum), ``candidates`` every area
        that is a part in some period. A sum needs every part's cell: a
        region with a province missing has no total."""
        keys = {
            key._replace(area=whole.pk)
            for part in candidates
            for key in self._by_area.get(part, ())
        }
        for key in keys:
            parts = parts_on(key)
            if key in self._cells or not parts:
                continue
            cells = [self._cells.get(key._replace(area=part)) for part in parts]
            if all(cells):
                self._put(key, _sum_cell(whole, key, cells))

    def _complete(self, key: FigureKey, stored: dict[str, Figure]) -> None:
        triple = complete_fund_triple(
            **{
                fund: Quantity.of(stored[fund]) if fund in stored else None
                for fund in Figure.Fund.values
            }
        )
        if triple.derived is None:
            return
        derived = triple.get(triple.derived)
        like = next(iter(stored.values()))
        figure = Figure(
            indicator=like.indicator,
            area=like.area,
            fund=triple.derived,
            content=like.content,
            year=like.year,
            period_kind=like.period_kind,
            period_end=like.period_end,
            measure=like.measure,
            value=derived.value,
            rounding=derived.high - derived.low,
            note=derived_note(derived),
        )
        self._put(
            key._replace(fund=triple.derived),
            Cell(derived.as_quantity(), figure, derived),
        )

    def get(self, key: FigureKey) -> Cell | None:
        return self._cells.get(key)

    def __iter__(self):
        """Every cell, stored and derived."""
        return iter(self._cells.values())


def _sum_cell(whole, key: FigureKey, cells: list[Cell]) -> Cell:
    """``whole``'s cell of ``key`` as the sum of its parts' ``cells``: a
    derived cell, its unsaved figure ``whole``'s (see ``Cell``)."""
    summed = total(*(cell.quantity for cell in cells))
    like = cells[0].as_figure
    figure = Figure(
        indicator=like.indicator,
        area=whole,
        fund=key.fund,
        content=like.content,
        year=key.year,
        period_kind=key.period_kind,
        period_end=key.period_end,
        measure=key.measure,
        value=summed.value,
        rounding=summed.high - summed.low,
        note=derived_note(summed),
    )
    label = format_plain(summed.value, like.indicator)
    return Cell(summed.as_quantity(label), figure, summed)
