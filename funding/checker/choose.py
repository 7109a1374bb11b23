"""Choosing among the readings of one quote, and how sure to be.

Each option carries how well the words agree with it (``words``: a cue
named in the number's own clause counts twice, one carried over or a
default once) and what it gives for the printed number. The rule:

1. A reading that gives the printed number (match or within rounding) and
   that the words support nearly as well as the best wins: value agreement
   is strong evidence, and a carried word must not outrank it. So does
   one whose own clause names it as well as the best-supported one's
   names that (only carried words and defaults preferred the other).
2. Otherwise the best-supported reading is a **mismatch** when the words
   single it out and the printed number is a plausible slip of it (close,
   a unit slip ×1000, a sign slip); **unsure** when another reading with
   another value is supported about as well; and **no data** when the
   printed number is nothing like any reading (a sub-count, an income, a
   figure the data does not hold).
3. A slip is only sure when it looks like one (a digit changed or two
   swapped, one off in the last printed place, a unit or a sign): a
   percentage within 1.5% of its reading (94,61% where the reading gives
   94,2%) is as likely the same rate worked from printed or other inputs,
   and an amount 1.3 times its reading with little in its own clause
   naming that reading is another figure as likely as a wrong one: both
   are unsure, with the readings, not a mismatch that blocks publishing.
4. A confident mismatch needs a cause: a slip of the pen (3), or the
   value of the figure next to the reading (``swapped``) or of its formula
   over such figures (``calibrate``). A number merely near its reading
   (8,1 tỷ printed 7,35 tỷ; 90% printed 86%) is "unsure" (``UNCAUSED``)
   until one of those names a cause.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..core.formatting import round_half_up
from ..core.models import Figure
from .idents import Computed, Node
from .judge import judge
from .report import (
    MATCH,
    MISMATCH,
    NO_DATA,
    ROUNDING,
    UNSURE,
    Finding,
    Quote,
    Reading,
)
from .slips import (
    printed_and_value,
    transposed,
    typo,
    typo_of,
    unit_slip,
)

AGREE = (MATCH, ROUNDING)
#: How much less word support a reading giving the printed number may have
#: than the best-supported one and still win (a carried cue, not one of
#: its own sentence).
MARGIN = 1.5
#: Two readings whose word support differs by less than this are a tie.
TIE = 0.5
#: A derived rate (a percentage, points, times) this close to its reading,
#: relatively, without being a slip of the pen, is unsure, not a mismatch.
CLOSE_RATE = Decimal("0.015")
#: How a printed number can be a wrong copy of a reading, surest first:
#: "near" a slip of the pen (a digit, two swapped, one off in the last
#: place, a unit ×1000, a sign), "close" near its value for no cause the
#: checker can name, "far" possible only.
SLIPS = ("near", "close", "far")
#: How sure the checker is of a mismatch it cannot name a cause for: a
#: number within reach of its reading that is no slip of the pen is as
#: likely another quantity the words describe as well (first sight of new
#: text: most false mismatches were such) as a wrong copy; unsure, until a
#: cause is found (the value of the figure next to it: ``swapped``; of a
#: formula over the figures the words name: ``calibrate``).
UNCAUSED = 0.55


@dataclass
class Option:
    node: Node
    computed: Computed
    words: float  # word support
    evidence: int  # cues named in the number's own clause that agree
    reading: Reading | None = None
    #: a dimension the text leaves unsaid has other than its usual value
    #: (a fund when none is named): a mismatch is then only "unsure"
    assumed: bool = False
    #: a multiple whose base the text names right after it ("gấp 3 lần năm
    #: 2023"): a far one is wrong, not some other ratio
    base_named: bool = False
    #: some cue of the words (its own clause's, a favoured or a carried one)
    #: agrees with it: not only the defaults of what a text leaves unsaid
    cued: bool = True
    #: the whole year tried where the text carries only a part of it: if
    #: the part reads otherwise, agreeing of it is only "unsure"
    whole_year: bool = False
    #: read with the fund the words did not name (``parts.other_fund``):
    #: agreeing of it is only "unsure"
    against_words: bool = False


def decide(options: list[Option], quote: Quote) -> tuple[str, list[Reading], float]:
    """The verdict, the readings best first, and the confidence (0..1)."""
    if not options:
        return NO_DATA, [], 0.0
    for option in options:
        verdict, expected = judge(option.computed, quote)
        option.reading = Reading(
            ident=str(option.node),
            verdict=verdict,
            expected=expected,
            explanation=option.computed.explanation,
            figures=option.computed.figures,
            score=option.words + _nearness(option.computed, quote),
        )
    options.sort(key=lambda o: -o.reading.score)
    best_words = max(o.words for o in options)
    agreeing = [
        o
        for o in options
        if o.reading.verdict in AGREE and o.words >= best_words - MARGIN
    ]
    if agreeing:
        chosen = agreeing[0]
        rest = [o.reading for o in options if o is not chosen]
        if (
            chosen.against_words
            or _value_only(chosen, options)
            or _part_reads_otherwise(chosen, options)
        ):
            return UNSURE, [chosen.reading, *rest[:2]], 0.4
        confidence = 0.95 if chosen.words >= best_words else 0.75
        return chosen.reading.verdict, [chosen.reading, *rest[:2]], confidence
    top_words = max(o.words for o in options)
    tied = [o for o in options if o.words > top_words - TIE]
    slipped = [(o, _slip(o, quote)) for o in tied]
    slipped = [(o, slip) for o, slip in slipped if slip is not None]
    if not slipped:
        # "4,06 triệu" where a less-supported reading gives 4,06 tỷ: a unit
        # slip is too exact to be chance, but the words did not pick it
        units = [o for o in options if unit_slip(o.computed, quote)]
        if units:
            rest = [o.reading for o in options if o is not units[0]]
            return UNSURE, [units[0].reading, *rest[:2]], 0.3
        return NO_DATA, [o.reading for o in options[:3]], 0.0
    top, slip = min(slipped, key=lambda item: SLIPS.index(item[1]))
    rest = [o.reading for o in options if o is not top]
    readings = [top.reading, *rest[:2]]
    # readings as well supported that print another number: which one is
    # meant matters (two that print the same are wrong alike)
    rivals = [o for o in tied if o.reading.expected != top.reading.expected]
    if rivals or slip == "far" or top.assumed or _value_only(top, options):
        return UNSURE, readings, 0.5
    fitting = _fitting_instead(top, options, rest)
    if fitting is not None:
        return fitting
    if slip == "close":  # a mismatch only with a cause: a slip of the pen
        return UNSURE, readings, UNCAUSED
    return MISMATCH, readings, 0.9


def _fitting_instead(top: Option, options: list[Option], rest: list) -> tuple | None:
    """A reading giving the printed number that its own clause names as
    well as the best one's (``top``): only carried words or defaults
    preferred the other, and they must not outrank agreement of value;
    None when there is none."""
    fits = [
        o for o in options if o.reading.verdict in AGREE and o.evidence >= top.evidence
    ]
    if not fits:
        return None
    fit = fits[0]
    if _dimensions_apart(fit, top) in (1, None):
        return fit.reading.verdict, [fit.reading, top.reading, *rest[:1]], 0.6
    return UNSURE, [top.reading, fit.reading, *rest[:1]], 0.5


def swapped(options: list[Option], quote: Quote, neighbours):
    """A number the words give to one figure but that is, as printed, the
    value of a figure differing from it in one dimension only (the other
    fund, the plan for the executed, the year before, the next province):
    a swap, so a mismatch (unsure when the best readings disagree); None
    when the printed number is no neighbour's either."""
    if not options:
        return None
    top_words = max(o.words for o in options)
    tied = [o for o in options if o.words > top_words - TIE]
    # then the readings an agreeing value would have been taken from (within
    # the margin): a swap found there is only unsure
    near = [o for o in options if top_words - MARGIN <= o.words <= top_words - TIE]
    for option, in_tie in [(o, True) for o in tied] + [(o, False) for o in near]:
        for other in neighbours(option):
            source = judged(other, quote)
            if source.verdict not in AGREE:
                continue
            rest = [o.reading for o in tied if o is not option]
            readings = [option.reading, *rest[:1], source]
            values = {o.computed.value for o in tied}
            if len(values) > 1 or option.assumed or not in_tie:
                return UNSURE, readings, 0.5
            return MISMATCH, readings, 0.8
    return None


def _value_only(chosen: Option, options: list[Option]) -> bool:
    """No word of the text names the reading (only what a text means when
    it does not say), and a reading of another value is as well supported:
    its value alone chose it, which an editor confirms."""
    if chosen.cued:
        return False
    value = chosen.computed.value
    return any(
        o.words >= chosen.words and o.computed.value != value
        for o in options
        if o is not chosen
    )


def total_unnamed(options: list[Option], first: Reading) -> Option | None:
    """The total of all funds, better supported, where the reading ``first``
    (of ``options``, decided) is one fund's figure no word named (its value
    alone chose it): a text without a fund word means the total, so one
    fund's number printed there is as likely the total misprinted."""
    chosen = next((o for o in options if o.reading is first), None)
    if chosen is None or not chosen.assumed or len(chosen.computed.figures) != 1:
        return None
    if chosen.computed.figures[0].fund == Figure.Fund.ALL:
        return None
    for option in options:
        if option.words <= chosen.words or len(option.computed.figures) != 1:
            continue
        whole = option.computed.figures[0]
        if whole.fund == Figure.Fund.ALL and _dimensions_apart(option, chosen) == 1:
            return option
    return None


#: what tells one stored figure from another, as attributes
_DIMENSIONS = Figure.key_columns()


def _dimensions_apart(one: Option, other: Option) -> int | None:
    """In how many dimensions two stored figures differ (None: a formula)."""
    if len(one.computed.figures) != 1 or len(other.computed.figures) != 1:
        return None
    a, b = one.computed.figures[0], other.computed.figures[0]
    return sum(getattr(a, d) != getattr(b, d) for d in _DIMENSIONS)


def _nearness(computed: Computed, quote: Quote) -> float:
    printed, value = printed_and_value(computed, quote)
    gap = abs(value - printed) / (abs(printed) + 1)
    return float(1 / (1 + 100 * gap))


def _slip(option: Option, quote: Quote) -> str | None:
    """Is the printed number a believable slip of this reading's value?
    "near" (a typo, a unit ×1000, a sign: a cause), "close" (near its
    value, its own clause naming it well, but no cause), "far" (possible,
    when the words name it well) or None (no: it is some other number)."""
    printed, value = printed_and_value(option.computed, quote)
    if option.computed.kind != "value":
        if round_half_up(value, quote.decimals) == -printed:
            return "near"  # tăng for giảm
        # the other part's share (69,04% for 30,96%: across the half); the
        # rate spent for the rate left ("tương đương 70,03%" for 29,97% left)
        across = (printed - 50) * (value - 50) < 0
        share = str(option.node).startswith("share:")
        if across and share and typo(printed, 100 - value, quote):
            return "near"
        left = str(option.node).startswith("ratio:(diff:")
        if across and left and round_half_up(100 - value, quote.decimals) == printed:
            return "near"
        gap = abs(printed - value)
        # a slip of a rate is within 15 points; of a multiple, within 0,15
        times = option.computed.kind == "times" and not option.base_named
        floor = Decimal("0.15") if times else Decimal(15)
        if gap <= max(abs(value), floor):
            if typo_of(printed, option.computed, quote):
                return "near"
            # within a point or so of its reading and no slip of the pen: the
            # same rate worked from other inputs (printed, rounded, another
            # base) as likely as a wrong one; farther, no cause either
            return "close" if gap > CLOSE_RATE * abs(value) else "far"
        return "far" if option.evidence >= 2 else None
    if quote.step and round_half_up(value / quote.step, 0) * quote.step == -printed:
        return "near"  # "nhiều hơn" for "ít hơn"
    if printed < 0 and value < 0:  # "thấp hơn … 1,9 tỷ" for 0,9 tỷ less: the size
        printed, value = -printed, -value
    if not value or printed <= 0:
        return None
    ratio = printed / value
    if _within(ratio, Decimal(1000)):
        return "near"  # tỷ for triệu, triệu for nghìn
    for limit, needed, verdict in ((1.6, 0, "near"), (2.5, 2, "near"), (5, 2, "far")):
        if option.evidence >= needed and 1 / Decimal(limit) <= ratio <= Decimal(limit):
            if typo_of(printed, option.computed, quote):
                # two digits swapped is a cause however far it moves the value
                swap = transposed(printed, value, quote)
                return "near" if swap else verdict
            # close, but no slip of the pen: with little in its own clause
            # naming the reading, another figure as likely; with much, a
            # wrong number whose cause is unknown
            return "close" if verdict == "near" and option.evidence >= 2 else "far"
    return None


def _within(ratio: Decimal, factor: Decimal) -> bool:
    return any(
        abs(ratio - f) <= f * Decimal("0.02") for f in (factor, Decimal(1) / factor)
    )


def judged(option: Option, quote: Quote) -> Reading:
    """``option`` as a reading of ``quote``, with the verdict it gives."""
    verdict, expected = judge(option.computed, quote)
    computed = option.computed
    return Reading(
        str(option.node), verdict, expected, computed.explanation, computed.figures
    )


def settle(finding: Finding, verdict: str, readings: list[Reading], confidence):
    """The finding takes the verdict and its best reading's figures."""
    finding.readings = tuple(readings)
    finding.confidence = confidence
    finding.verdict = verdict
    finding.quote.doubted = (
        tuple(r.ident for r in readings[1:]) if verdict == UNSURE else ()
    )
    if verdict == NO_DATA or not readings:
        finding.expected, finding.explanation, finding.figures = "", "", ()
        return
    best = readings[0]
    if verdict == UNSURE:
        finding.expected, finding.explanation, finding.figures = "", "", ()
        return
    finding.expected = best.expected
    finding.explanation, finding.figures = best.explanation, best.figures
    if verdict not in (*AGREE, MISMATCH):
        raise ValueError(f"not an outcome of a reading: {verdict!r}")


def _part_reads_otherwise(chosen: Option, options: list[Option]) -> bool:
    """``chosen`` is the whole year where a part of it was carried, and a
    reading of that part gives another value: the text may mean either."""
    value = chosen.computed.value
    return chosen.whole_year and any(
        not o.whole_year and o.words > chosen.words and o.computed.value != value
        for o in options
    )
