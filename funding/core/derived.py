"""Derived figures: every ratio, share, change and sum, computed in one place.

All arithmetic is ``Decimal``. A stored figure may itself be rounded (the
article prints 48,79 tỷ đồng, rounded to 0,01 tỷ); such an input is only
known to lie within half a rounding step either side. Every result carries
the interval its inputs allow, so a later check can tell a rounding
difference (77,32% printed, 77,33% computed) from a real error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .formatting import format_percent, format_plain, percent_points

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Quantity:
    """A value and the half-width of the interval it is known within."""

    value: Decimal
    error: Decimal = ZERO
    label: str = ""
    figure: object | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, figure) -> Quantity:
        """A stored figure as an input: its value and half its rounding step."""
        return cls(
            value=figure.value,
            error=(figure.rounding or ZERO) / 2,
            label=format_plain(figure.value, figure.indicator),
            figure=figure,
        )

    @property
    def low(self) -> Decimal:
        return self.value - self.error

    @property
    def high(self) -> Decimal:
        return self.value + self.error

    def __str__(self) -> str:
        return self.label or format_plain(self.value, None)


@dataclass(frozen=True)
class Derived:
    """A computed figure: its value, the interval its inputs allow, and how.

    ``value``, ``low`` and ``high`` are fractions for ratios, shares and
    changes (0.9524 is 95,24%) and amounts for sums and differences.
    """

    kind: str
    value: Decimal
    low: Decimal
    high: Decimal
    inputs: tuple[Quantity, ...]
    formula: str

    @property
    def is_fraction(self) -> bool:
        return self.kind in ("ratio", "share", "change")

    @property
    def percent(self) -> Decimal:
        return self.value * HUNDRED

    def rounded_percent(self, decimals: int = 2) -> Decimal:
        """The percentage as the pages print it: ``Decimal("95.24")``."""
        return percent_points(self.value, decimals)

    @property
    def explanation(self) -> str:
        """How it was computed, in the page's notation: "37,73 / 48,79"."""
        return self.formula.format(*(str(q) for q in self.inputs))

    @property
    def indicator(self):
        """The unit of an amount result: that of its first stored input."""
        figures = [q.figure for q in self.inputs if q.figure is not None]
        return figures[0].indicator if figures else None

    def __str__(self) -> str:
        if self.is_fraction:
            return format_percent(self.value)
        return format_plain(self.value, self.indicator)

    def as_quantity(self, label: str = "") -> Quantity:
        """This result as the input of a further computation."""
        return Quantity(
            value=self.value,
            error=max(self.high - self.value, self.value - self.low),
            label=label or str(self),
        )

    def check_printed(
        self, printed_percent: Decimal, decimals: int | None = None
    ) -> str:
        """Compare a printed percentage with this result.

        Returns ``"match"`` when the printed number is this result rounded to
        the printed decimals, ``"rounding"`` when it differs but lies within
        what the inputs' rounding allows (half a printed step either side of
        it overlaps [low, high]), and ``"mismatch"`` otherwise.
        """
        printed = Decimal(printed_percent)
        if decimals is None:
            decimals = max(0, -printed.as_tuple().exponent)
        step = Decimal(1).scaleb(-decimals)
        if percent_points(self.value, decimals) == printed:
            return "match"
        half = step / 2
        if (
            printed - half <= self.high * HUNDRED
            and printed + half >= self.low * HUNDRED
        ):
            return "rounding"
        return "mismatch"


def _divide(part: Quantity, whole: Quantity) -> tuple[Decimal, Decimal, Decimal]:
    if whole.value == 0:
        raise ZeroDivisionError("whole is zero")
    value = part.value / whole.value
    candidates = []
    for numerator in (part.low, part.high):
        for denominator in (whole.low, whole.high):
            if denominator != 0:
                candidates.append(numerator / denominator)
    if whole.low <= 0 <= whole.high:
        # The interval of the whole reaches zero: the ratio is unbounded.
        return value, Decimal("-Infinity"), Decimal("Infinity")
    return value, min(candidates), max(candidates)


def ratio(executed: Quantity, plan: Quantity) -> Derived:
    """Ratio to plan: thực hiện / kế hoạch."""
    value, low, high = _divide(executed, plan)
    return Derived("ratio", value, low, high, (executed, plan), "{} / {}")


def share(part: Quantity, whole: Quantity) -> Derived:
    """Share of a whole: a source in all sources, a region in the nation…"""
    value, low, high = _divide(part, whole)
    return Derived("share", value, low, high, (part, whole), "{} / {}")


def change(new: Quantity, old: Quantity) -> Derived:
    """Relative change against another period: new / old − 1."""
    value, low, high = _divide(new, old)
    return Derived(
        "change", value - ONE, low - ONE, high - ONE, (new, old), "{} / {} − 1"
    )


def total(*parts: Quantity) -> Derived:
    """The sum of parts (errors add up)."""
    value = sum((p.value for p in parts), ZERO)
    error = sum((p.error for p in parts), ZERO)
    formula = " + ".join("{}" for _ in parts)
    return Derived("sum", value, value - error, value + error, tuple(parts), formula)


def difference(whole: Quantity, part: Quantity) -> Derived:
    """What is left of a whole without a part (e.g. KCĐP = all − KCQG)."""
    value = whole.value - part.value
    error = whole.error + part.error
    return Derived(
        "difference", value, value - error, value + error, (whole, part), "{} − {}"
    )


def sum_against_total(parts: list[Quantity], stated: Quantity) -> dict:
    """Do the parts add up to the stated total, allowing for rounding?"""
    summed = total(*parts)
    gap = summed.value - stated.value
    allowed = (summed.high - summed.value) + stated.error
    return {
        "sum": summed,
        "stated": stated,
        "difference": gap,
        "consistent": abs(gap) <= allowed,
    }


@dataclass(frozen=True)
class FundTriple:
    """All sources, KCQG and KCĐP of one figure's other dimensions: each a
    stored ``Quantity``, a ``Derived`` completed from the other two, or
    None. ``derived`` names the one completed (``Figure.Fund`` values)."""

    all: Quantity | Derived | None
    kcqg: Quantity | Derived | None
    kcdp: Quantity | Derived | None
    derived: str | None = None

    def get(self, fund: str) -> Quantity | Derived | None:
        return getattr(self, fund)


def complete_fund_triple(
    *,
    all: Quantity | None,  # named as the fund is (Figure.Fund.ALL)
    kcqg: Quantity | None,
    kcdp: Quantity | None,
) -> FundTriple:
    """Any two of all sources, KCQG and KCĐP give the third (all = KCQG +
    KCĐP), with the interval the two allow; the one rule for pages, blocks
    and the checker. With fewer than two, or all three, nothing is added."""
    if [all, kcqg, kcdp].count(None) != 1:
        return FundTriple(all, kcqg, kcdp)
    if all is None:
        return FundTriple(total(kcqg, kcdp), kcqg, kcdp, derived="all")
    if kcqg is None:
        return FundTriple(all, difference(all, kcdp), kcdp, derived="kcqg")
    return FundTriple(all, kcqg, difference(all, kcqg), derived="kcdp")
