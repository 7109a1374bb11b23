"""How sure a mismatch of a derived number is (a rate, a change, points).

A confident mismatch blocks publishing, so before one is reported the
reading is tried again with its inputs moved a little: the same formula
over the figures of the year before or after, another measure (plan for
executed), another fund or period, one operand at a time or all together,
and, when it sets an earlier year against a later one, its two operands
the other way round ("cao hơn" is of the later year over the earlier); a
dimension the number's own clause or the words after it name is not
moved (there the writer said it: "chiếm 20% tổng kinh phí thực hiện" is
of the executed total, and a number that fits the plan is wrong). When
such a neighbouring formula gives the printed number, the words probably
meant it (the year carried from the clause
before was the base of the comparison, not its subject; the base was the
executed figure, not the plan) as likely as the writer slipped: the
number is "unsure", its reading first and the one that gives it next, so
an editor settles it in one click. A reading whose two operands are one
and the same (a rate less itself) names nothing, and is unsure as well.

A printed number that is no neighbour's stays a mismatch: a changed digit
is rarely, by chance, another formula's exact value.
"""

from __future__ import annotations

import re

from . import sureness
from .candidates import Candidates, key_of
from .choose import AGREE, UNCAUSED, decide, swapped, total_unnamed
from .funds import THIS_FUND, fund_named
from .idents import IdentError, Node, evaluate, fig, parse
from .judge import judge
from .places import OTHER_CLAUSE_WORDS
from .report import MISMATCH, NO_DATA, UNSURE, Quote, Reading

#: The dimensions a neighbouring formula may move (an area is not: a
#: region's dozens of provinces would give some rate by chance).
MOVED = ("year", "measure", "fund", "months", "content")
#: Operations whose operands the other way round are another reading.
ORDERED = ("points", "change", "times", "diff")
#: "… giảm 2% so với năm 2022 trong khi kế hoạch lại tăng": the words
#: after a contrast are another clause's, not what the number is of
_OTHER_CLAUSE = re.compile(rf"\s(?:{'|'.join(OTHER_CLAUSE_WORDS)})\s", re.I)
#: the last sentence of a stretch of text (the one before a number's)
_LAST_SENTENCE = re.compile(r"[^.!?\n]*[.!?\n]?\s*$")
#: How sure the checker is of a mismatch talked down to "unsure".
DOUBT = 0.5
#: How sure the checker is of a mismatch whose inputs it found.
CAUSED = 0.8
#: What a number can be swapped with: a neighbouring figure of its kind.
SWAPPABLE = ("amount", "count")


class Weighed:
    """A mixin of the ``engine.Checker``: it reads ``candidates``,
    ``context`` and ``_neighbours``."""

    def weighed(self, options: list, quote: Quote, place) -> tuple:
        """``choose.decide``'s verdict, readings and confidence of
        ``options``, the derived ones talked down (``_derived_doubt``), a
        number without a sure reading tried as a swap (``choose.swapped``),
        and a mismatch kept only when no other reading is nearly as well
        supported (``sureness.confident``)."""
        decided = self._derived_doubt(decide(options, quote), quote, place)
        earlier = self.text[max(0, place.sentence[0] - 300) : place.sentence[0]]
        decided = _total_doubt(decided, options, quote, place, earlier)
        if decided[0] in (NO_DATA, UNSURE) and quote.kind in SWAPPABLE:
            decided = swapped(options, quote, self._neighbours) or decided
        verdict, readings, sure = sureness.confident(options, quote, decided)
        fits = self.base_fits.get(id(quote))
        if verdict == UNSURE and fits and readings:
            # a rate of an unsure base: the reading that makes it right next
            others = [r for r in readings[1:] if r.ident != fits[0].ident]
            readings = [readings[0], fits[0], *others[:1]]
        return verdict, readings, sure

    def _derived_doubt(self, decided: tuple, quote: Quote, place) -> tuple:
        """A mismatch of a derived reading, or one near its reading for no
        cause ``choose.decide`` could name (``UNCAUSED``): "unsure" when a
        neighbouring formula gives the printed number, moved only in what
        the number's own clause and the words after it leave unsaid, or
        when its operands are the same; a mismatch when the same formula
        over the figures next to its own in a dimension the words name
        (the plan where they say executed, the other fund, the year
        before) gives it: the writer took the wrong inputs, a cause."""
        verdict, readings, confidence = decided
        uncaused = verdict == UNSURE and confidence == UNCAUSED
        if not (verdict == MISMATCH or uncaused) or not readings:
            return decided
        try:
            node = parse(readings[0].ident)
        except IdentError:
            return decided
        if node.op == "fig":
            return decided
        if _same_operands(node):
            return UNSURE, readings, DOUBT
        unsaid = _unsaid(self._named_near(place))
        fits = _neighbour_fits(node, quote, self.candidates, unsaid)
        if fits:
            return UNSURE, [readings[0], fits[0], *readings[1:2]], DOUBT
        named = tuple(d for d in MOVED if d not in unsaid)
        fits = _neighbour_fits(node, quote, self.candidates, named)
        if not uncaused or not fits:
            return decided
        return MISMATCH, [readings[0], fits[0], *readings[1:2]], CAUSED

    def _named_near(self, place):
        """The cues of the number's own clause and of the words after it (up
        to another clause)."""
        after = _OTHER_CLAUSE.split(place.after)[0]
        return self.context.cues(f"{place.before_clause} {after}")


def _total_doubt(decided: tuple, options, quote: Quote, place, earlier: str) -> tuple:
    """An amount read as one fund's though neither its sentence (up to it)
    nor the one before (the end of ``earlier``) names a fund, where the
    total of all funds is as well named: unsure, the total among its
    readings (``total_unnamed``)."""
    verdict, readings, _confidence = decided
    if verdict not in AGREE or quote.kind != "amount" or not readings:
        return decided
    before = place.sentence_text[: quote.start - place.sentence[0]]
    previous = _LAST_SENTENCE.search(earlier)
    said = f"{previous.group(0) if previous else ''} {before}"
    if fund_named(said) or THIS_FUND.search(said):
        return decided
    total = total_unnamed(options, readings[0])
    if total is None:
        return decided
    others = [r for r in readings[1:] if r.ident != total.reading.ident]
    return UNSURE, [readings[0], total.reading, *others[:1]], DOUBT


def _unsaid(named) -> tuple:
    """The dimensions the words near the number leave unsaid."""
    said = {
        "year": named.year is not None,
        "measure": named.measure is not None,
        "fund": named.fund is not None,
        "months": named.period_named or named.months is not None,
        "content": named.content is not None,
    }
    return tuple(d for d in MOVED if not said[d])


def _same_operands(node: Node) -> bool:
    """A binary formula over the same operand twice ("a rate less itself")."""
    return len(node.args) == 2 and str(_arg(node.args[0])) == str(_arg(node.args[1]))


def _arg(arg) -> Node:
    return arg if isinstance(arg, Node) else fig(arg)


def _neighbour_fits(node: Node, quote: Quote, candidates: Candidates, moved) -> list:
    """The readings next to ``node`` (see the module) that give the printed
    number, as ``Reading`` s."""
    found = []
    seen = {str(node)}
    for other in _neighbours(node, candidates, moved):
        ident = str(other)
        if ident in seen or _same_operands(other):
            continue
        seen.add(ident)
        computed = _computed(other, candidates)
        if computed is None:
            continue
        verdict, expected = judge(computed, quote)
        if verdict != MISMATCH:
            found.append(
                Reading(
                    ident, verdict, expected, computed.explanation, computed.figures
                )
            )
    return found


def _neighbours(node: Node, candidates: Candidates, moved: tuple):
    """``node`` with its operands the other way round when it sets an
    earlier year against a later one, and with the figures of the whole
    formula, or of one operand, moved in one of the dimensions ``moved``."""
    if node.op in ORDERED and len(node.args) == 2:
        first, second = (_year(_arg(a), candidates) for a in node.args)
        if None not in (first, second) and first < second:
            yield Node(node.op, (node.args[1], node.args[0]))
    for part in [None, *range(len(node.args))]:
        leaves = _leaves(node if part is None else _arg(node.args[part]))
        for moves in _moves(leaves, candidates, moved):
            yield _moved(node, moves, part)


def _year(node: Node, candidates: Candidates):
    years = [candidates.dims_by_pk.get(pk, {}).get("year") for pk in _leaves(node)]
    return None if None in years or not years else max(years)


def _leaves(node: Node) -> list[int]:
    if node.op == "fig":
        return [node.args[0]]
    return [pk for a in node.args for pk in _leaves(_arg(a))]


def _moves(leaves: list[int], candidates: Candidates, moved: tuple):
    """Maps of figure primary keys to neighbouring candidates' nodes."""
    by_pk = candidates.dims_by_pk
    dims = [by_pk.get(pk) for pk in leaves]
    if None in dims:
        return
    for dimension in moved:
        present = {d[dimension] for d in dims}
        for old in present:
            for new in _values(candidates, dimension, old):
                moves = {}
                for pk, d in zip(leaves, dims, strict=True):
                    if d[dimension] != old and dimension != "year":
                        continue
                    value = d[dimension] + new - old if dimension == "year" else new
                    target = candidates.by_key.get(key_of({**d, dimension: value}))
                    if target is None:
                        break
                    moves[pk] = target.node
                else:
                    if moves:
                        yield moves


def _values(candidates: Candidates, dimension: str, old) -> set:
    if dimension == "year":
        return {old - 1, old + 1}
    return candidates.values_of[dimension] - {old}


def _moved(node: Node, moves: dict, part) -> Node:
    """``node`` with the figures of ``moves`` replaced (only in operand
    ``part`` when given)."""
    if part is not None:
        args = list(node.args)
        args[part] = _moved(_arg(args[part]), moves, None)
        return Node(node.op, tuple(_plain(a) for a in args))
    if node.op == "fig":
        return moves.get(node.args[0], node)
    args = tuple(_plain(_moved(_arg(a), moves, None)) for a in node.args)
    return Node(node.op, args)


def _plain(arg):
    """An operand as idents write it: a bare primary key for a figure."""
    if isinstance(arg, Node) and arg.op == "fig":
        return arg.args[0]
    return arg


def _computed(node: Node, candidates: Candidates):
    """What ``node`` gives from the inputs as articles print them (the
    candidates' widened quantities), or None."""
    try:
        return evaluate(node, candidates.stored, candidates.printed)
    except IdentError:
        return None
