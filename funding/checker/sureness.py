"""How sure a mismatch is, from the support of the readings it beat.

A confident mismatch blocks publishing, and the false ones seen on new
text are one kind: a correct number read as another figure, when the
figure it really is (one that gives the printed number) was among the
readings but the words favoured another a little more (a carried year, a
default fund). So a mismatch is weighed against its competitors: the
best-supported reading of another value that gives the printed number
(match or within rounding), and the best-supported reading of another
value at all, each with the margin of word support the chosen reading has
over it (``Support``). The mismatch is confident only when no reading
that gives the printed number comes within ``SURE_GAP`` of the chosen
one; otherwise it is "unsure" naming the chosen reading first, then the
one that fits, then the next likeliest (an editor settles it in a click).

Which mismatches are weighed, each against the options it was chosen
among: a number's own (``calibrate.Weighed.weighed``), including a swap
``choose.swapped`` found (the neighbour it is swapped with is no option,
so no competitor); and one read again because another number of its
sentence gives its first reading (``given.talk_down``). Not weighed: a
pair written the wrong way round (``engine.Checker._swapped_pairs``),
where each number is exactly the figure of the other's role, so the
reading that "fits" is the swap itself, not a competitor of it.

The threshold was chosen on the corpus articles 01-86
(``bench/mismatch_support.py``) and validated once on 87-94; see
``SURE_GAP``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .choose import AGREE, Option
from .report import MISMATCH, UNSURE, Quote

#: Word support (a cue of the number's own clause counts 2, a carried one
#: or a default 1 or 0.5) by which the chosen reading must beat every
#: reading that gives the printed number for a mismatch to be confident.
#: On articles 01-86, 5 of the 562 mismatches of injected errors had such a
#: reading, each 2 behind (one cue of the clause: the figure the error was
#: swapped from, so "unsure" still names it); any threshold from 2.5 up
#: makes those same 5 unsure, none below. 3: a competitor behind by a cue
#: and a default is contested, one behind by a cue and a carried word
#: (two things the text says) is not.
SURE_GAP = 3.0
#: How sure the checker is of a mismatch so talked down.
CONTESTED = 0.5
INFINITE = float("inf")


@dataclass(frozen=True)
class Support:
    """The chosen reading of a mismatch and the readings it beat."""

    chosen: Option
    #: the best-supported reading of another value that gives the printed number
    fitting: Option | None
    #: the best-supported reading of another value, whatever it gives
    runner_up: Option | None

    @property
    def fit_margin(self) -> float:
        """How much better the words support the chosen reading than one
        that would make the printed number right (infinite: none does)."""
        return _margin(self.chosen, self.fitting)

    @property
    def margin(self) -> float:
        """How much better the words support it than the runner-up."""
        return _margin(self.chosen, self.runner_up)


def _margin(chosen: Option, other: Option | None) -> float:
    return INFINITE if other is None else chosen.words - other.words


def support_of(options: list[Option], readings: list) -> Support | None:
    """The support of a verdict's first reading among ``options`` (each
    judged by ``choose.decide``); None when it is none of them."""
    if not readings:
        return None
    chosen = next((o for o in options if o.reading is readings[0]), None)
    if chosen is None:
        return None
    others = [
        o
        for o in options
        if o is not chosen
        and o.reading is not None
        and o.computed.value != chosen.computed.value
    ]
    fitting = [o for o in others if o.reading.verdict in AGREE]
    return Support(
        chosen,
        max(fitting, key=lambda o: o.words, default=None),
        max(others, key=lambda o: o.words, default=None),
    )


def confident(options: list[Option], quote: Quote, decided: tuple) -> tuple:
    """``decided`` (verdict, readings, confidence), a mismatch made
    "unsure" when a reading giving the printed number is within
    ``SURE_GAP`` of the chosen one (the chosen, the fitting and the next
    likeliest reading, in that order)."""
    verdict, readings, _confidence = decided
    if verdict != MISMATCH:
        return decided
    support = support_of(options, readings)
    if support is None or support.fit_margin >= SURE_GAP:
        return decided
    named = [support.chosen.reading, support.fitting.reading]
    rest = [r for r in readings[1:] if r.ident not in {n.ident for n in named}]
    return UNSURE, [*named, *rest[:1]], CONTESTED
