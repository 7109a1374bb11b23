"""A figure another number of the same sentence already gives.

When one number of a sentence gives a reading exactly (match or within
rounding) and another number of that sentence, printed differently, is
read as the same reading, the second is far more likely another quantity
(the plan before an adjustment in "giảm từ 7,5 tỷ xuống 6,85 tỷ", the rate
against an original plan beside the rate against the adjusted one, the
other fund of a split whose words were borrowed from its neighbour) than a
wrong copy of a figure the sentence prints right. So the reading is taken:
the number is read again among its other readings (value agreement then
wins as usual; a mismatch of another reading stays one). With none left,
it is only "unsure" when it looks like a slip of the pen of the taken
reading (a digit changed, a unit a thousand times off), otherwise "no
data"; never a confident mismatch of a reading the sentence prints right."""

from __future__ import annotations

from ..core.models import Figure
from . import idents, sureness
from .candidates import candidate_computed
from .choose import AGREE, UNCAUSED, Option, decide, settle
from .idents import IdentError, Node
from .judge import judge
from .report import MISMATCH, NO_DATA, UNSURE, Finding
from .slips import typo, unit_slip

#: How sure the checker is of an "unsure" it was talked down to.
DOUBT = 0.4
#: … and of one of several numbers read as one figure (``repeated_mismatches``)
REPEATED = 0.45


def given_elsewhere(finding: Finding, others: list[Finding]) -> bool:
    """``finding`` is a mismatch of a reading that another number of
    ``others`` (its sentence) gives, printed otherwise."""
    if finding.verdict != MISMATCH or not finding.readings:
        return False
    ident = finding.readings[0].ident
    return any(
        other is not finding
        and other.verdict in AGREE
        and other.readings
        and other.readings[0].ident == ident
        and other.quote.value != finding.quote.value
        for other in others
    )


def settle_given(findings: list[Finding], options: dict, resolved: dict, neighbours):
    """Talk down each mismatch of a sentence's ``findings`` whose reading
    another of them gives; one talked down to "no data" is no longer a
    figure later numbers can be worked from (``resolved``). ``options``:
    each finding's ``choose.Option`` list, by ``id``; ``neighbours``: the
    options differing from one in a single dimension.

    Not when the printed number is, as printed, a neighbour's value (the
    other fund, the other province of the pair): that is what a swap of
    words looks like ("KCĐP 3,2 tỷ, KCĐP 10,95 tỷ" where 3,2 tỷ is the
    KCQG figure), and the mismatch stays; nor when the sentence holds such
    a mismatch that stays (a rate worked from a swapped amount is as wrong
    as the amount).

    Several numbers of the sentence, printed differently, each a mismatch
    of one reading (a table row's three years read as one figure): they
    cannot all be wrong copies of it; each is "unsure"."""
    repeated_mismatches(findings)
    doubtful = []
    for finding in findings:
        if not given_elsewhere(finding, findings):
            continue
        ident = finding.readings[0].ident
        option = next(
            (o for o in options.get(id(finding), ()) if str(o.node) == ident), None
        )
        if option is not None and not any(
            judge(other.computed, finding.quote)[0] in AGREE
            for other in (*neighbours(option), *_rate_neighbours(option, neighbours))
        ):
            doubtful.append((finding, option))
    talked = {id(finding) for finding, _option in doubtful}
    if any(f.verdict == MISMATCH and id(f) not in talked for f in findings):
        return  # a swap (``choose.swapped`` found it, or it is one)
    for finding, option in doubtful:
        rest = [o for o in options[id(finding)] if o is not option]
        talk_down(finding, option, rest)
        resolved.pop(id(finding.quote), None)  # read again (the engine re-adds)


def repeated_mismatches(findings: list[Finding]) -> None:
    """Mismatches of one stored figure by numbers printed differently:
    unsure (one already talked down by this rule still counts); of two,
    not when one is a slip of the pen of it (that one confirms the
    reading); three or more (a table row) cannot all be copies of it."""
    groups: dict[str, list] = {}
    for finding in findings:
        # one already talked down by this rule, or left unsure for want of a
        # cause (``choose.UNCAUSED``): read as that figure all the same
        was = finding.verdict == UNSURE and finding.confidence in (REPEATED, UNCAUSED)
        reading = finding.readings[0] if finding.readings else None
        one = reading and reading.ident.startswith("fig:") and len(reading.figures) == 1
        if one and (finding.verdict == MISMATCH or was):
            groups.setdefault(reading.ident, []).append(finding)
    for group in groups.values():
        values = len({f.quote.value for f in group})
        if values < 2 or (values < 3 and any(map(_slipped, group))):
            continue
        for finding in group:
            if finding.verdict == MISMATCH:
                finding.verdict, finding.confidence = UNSURE, REPEATED
                finding.expected, finding.explanation = "", ""
                finding.figures = ()


def _slipped(finding: Finding) -> bool:
    quote, value = finding.quote, finding.readings[0].figures[0].value
    return typo(quote.value * (quote.sign or 1), value, quote)


def talk_down(finding: Finding, option, rest: list) -> str:
    """Read a mismatch of a reading given elsewhere (``option``) again among
    its other options (``rest``; a mismatch of another reading is weighed
    by ``sureness`` as the first was); with none that fits, "unsure" (a
    slip of the pen of the taken reading) or "no data". The new verdict."""
    quote, readings = finding.quote, list(finding.readings)
    decided = decide(rest, quote)
    if decided[0] in (*AGREE, MISMATCH):
        # another reading fits, or is wrong: that one, a mismatch weighed as
        # the first was (one ``sureness`` makes "unsure" is settled too)
        verdict, again, confidence = sureness.confident(rest, quote, decided)
        settle(finding, verdict, again, confidence)
        return verdict
    printed = quote.value * (quote.sign or 1)
    value = option.computed.value
    if option.computed.kind in ("fraction", "points"):
        value *= 100
    slip = typo(printed, value, quote) or unit_slip(option.computed, quote)
    verdict = UNSURE if slip else NO_DATA
    settle(finding, verdict, readings if slip else [], DOUBT if slip else 0.0)
    return verdict


def neighbour_options(candidates, option: Option) -> list[Option]:
    """The figures next to ``option``'s (a swap to test): of an old
    provinces' sum, theirs, and (no own figure) the merged one's."""
    node = str(option.node)
    found = {}
    for candidate in candidates.all():
        if str(candidate.node) == node:
            for c in candidates.neighbours(candidate):
                found.setdefault(str(c.node), c)
    return [Option(c.node, candidate_computed(c), 0.0, 0) for c in found.values()]


#: what a stored figure is (its period by its end: the kind goes with it)
_WHAT = tuple(column for column in Figure.key_columns() if column != "period_kind")


def _rate_neighbours(option: Option, neighbours) -> list[Option]:
    """A rate of two stored figures worked for the figures next to both in
    the same dimension (the other province's rate: "Riêng B đạt 96,08%"
    where 96,08% is A's rate, a swap of names); ``neighbours`` as given to
    ``settle_given``."""
    node = option.node
    args = [a if isinstance(a, Node) else idents.fig(a) for a in node.args]
    if node.op != "ratio" or any(a.op != "fig" for a in args):
        return []
    top, bottom = option.computed.figures
    found = []
    for over in neighbours(Option(args[0], option.computed, 0.0, 0)):
        moved = _moved(top, over)
        for under in neighbours(Option(args[1], option.computed, 0.0, 0)):
            if moved and moved == _moved(bottom, under):
                figures = {
                    f.pk: f for f in (*over.computed.figures, *under.computed.figures)
                }
                rate = idents.op("ratio", over.node, under.node)
                try:
                    computed = idents.evaluate(rate, figures)
                except IdentError:  # a plan of 0
                    continue
                found.append(Option(rate, computed, 0.0, 0))
    return found


def _moved(figure, other: Option) -> dict | None:
    """What ``other`` (one stored figure) changes of ``figure``."""
    if len(other.computed.figures) != 1:
        return None
    there = other.computed.figures[0]
    return {
        k: getattr(there, k) for k in _WHAT if getattr(there, k) != getattr(figure, k)
    }
