"""The checker: each quote of a text read against the article's figures
(see the package for the rule), ranked readings, and the editor's
bindings winning over the guess."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from ..core.models import Figure
from . import idents
from .candidates import Candidate, Candidates
from .cues import Context, Cues, periods_in
from .idents import Computed, IdentError, Node
from .judge import judge
from .percents import derive, percent_kinds
from .quotes import (
    AFTER_END,
    CLAUSE_BREAK,
    count_nouns,
    find_quotes,
    quote_keys,
    sentences,
)
from .report import NO_DATA, NOT_A_FIGURE, UNSURE, Finding, Quote, Reading, Report

__all__ = ["Checker"]


def _agrees(dims: dict, cues: Cues, hard: bool) -> int | None:
    """How many cues the candidate agrees with; None if a hard cue fails."""
    score = 0
    checks = [
        ("year", cues.year),
        ("fund", cues.fund),
        ("measure", cues.measure),
        ("area", cues.area.pk if cues.area else None),
        ("indicator", cues.indicator.pk if cues.indicator else None),
    ]
    if cues.period_named:
        checks.append(("months", cues.months))
    for name, wanted in checks:
        if wanted is None and name != "months":
            continue
        if dims[name] == wanted:
            score += 1
        elif hard:
            return None
    return score


def _closeness(value: Decimal, printed: Decimal) -> float:
    return float(abs(value - printed) / (abs(printed) + 1))


def _nearness(value: Decimal, printed: Decimal) -> float:
    """0..1: 1 when equal, falling as the values part."""
    return 1 / (1 + 100 * _closeness(value, printed))


def _reading(node: Node, computed: Computed, quote: Quote, score: float) -> Reading:
    verdict, expected = judge(computed, quote)
    return Reading(
        ident=str(node),
        verdict=verdict,
        expected=expected,
        explanation=computed.explanation,
        figures=computed.figures,
        score=score,
    )


def _candidate_computed(candidate: Candidate) -> Computed:
    return Computed(candidate.derived or candidate.quantity, candidate.figures, "value")


def _confidence(readings: list[Reading]) -> float:
    if not readings:
        return 0.0
    if len(readings) == 1:
        return 1.0
    best, second = readings[0].score, readings[1].score
    return best / (best + second) if best + second > 0 else 0.5


@dataclass
class _Place:
    """Where a quote stands: its sentence and the words around it."""

    text: str
    sentence: tuple[int, int]
    before_clause: str
    before_sentence: str
    after: str
    in_sentence: list[Quote] = field(default_factory=list)


class Checker:
    """Checks the quotes of one article against its data blocks' figures.

    ``bindings`` map a quote's key (``Finding.key``) to a reading's ident,
    or to ``NOT_A_FIGURE``: the editor's choice wins over the guess."""

    def __init__(
        self, figures: list[Figure], *, bindings: Mapping[str, str] | None = None
    ):
        self.figures = list(figures)
        self.by_pk = {f.pk: f for f in self.figures}
        self.bindings = dict(bindings or {})
        self.candidates = Candidates(self.figures)
        self.context = Context(self.figures)

    def check_parts(self, parts: list[tuple[str, str]]) -> Report:
        """``parts``: (name, plain text) pairs, e.g. title, lead, body."""
        report = Report()
        nouns = count_nouns()
        for part, text in parts:
            quotes = find_quotes(text, part, nouns)
            findings = self._check_text(text, quotes)
            for finding, key in zip(findings, quote_keys(text, quotes), strict=True):
                finding.key = key
                self._apply_binding(finding, report)
        return report

    def _apply_binding(self, finding: Finding, report: Report) -> None:
        ident = self.bindings.get(finding.key)
        if ident is None:
            report.findings.append(finding)
            return
        finding.bound = True
        if ident == NOT_A_FIGURE:
            report.not_figures.append(finding)
            return
        report.findings.append(finding)
        try:
            node = idents.parse(ident)
            computed = idents.evaluate(node, self.by_pk)
        except IdentError as error:
            finding.verdict, finding.confidence = UNSURE, 0.0
            finding.expected, finding.figures = "", ()
            finding.explanation = str(error)
            return
        bound = _reading(node, computed, finding.quote, 1.0)
        others = [r for r in finding.readings if r.ident != bound.ident]
        _settle(finding, [bound, *others])
        finding.confidence = 1.0

    def _check_text(self, text: str, quotes: list[Quote]) -> list[Finding]:
        findings: list[Finding] = []
        state = Cues()
        resolved: dict[int, Candidate | None] = {}
        for start, end in sentences(text):
            in_sentence = [q for q in quotes if start <= q.start < end]
            for quote in in_sentence:
                place = _place(text, (start, end), quote, in_sentence)
                explicit = self.context.cues(place.before_clause)
                carried = _carried(state, place.before_sentence)
                if quote.kind == "percent":
                    readings = self._percent_readings(quote, place, explicit, resolved)
                else:
                    ranked = self._rank_amount(quote, explicit, carried)
                    resolved[id(quote)] = ranked[0][1] if ranked else None
                    readings = [
                        _reading(c.node, _candidate_computed(c), quote, score)
                        for score, c in ranked[:3]
                    ]
                finding = Finding(quote, NO_DATA)
                _settle(finding, readings)
                finding.context = (
                    text[max(start, quote.start - 120) : quote.start],
                    text[quote.start : quote.end],
                    text[quote.end : min(end, quote.end + 120)],
                )
                findings.append(finding)
            state = _carried(state, text[start:end])
        return findings

    def _rank_amount(
        self, quote: Quote, explicit: Cues, carried: Cues
    ) -> list[tuple[float, Candidate]]:
        money = quote.kind == "amount"
        if quote.indicator is not None:  # "59 dự án": the noun names it
            explicit.indicator = quote.indicator
        if quote.role:
            explicit.measure = quote.role
        ranked = []
        for candidate in self.candidates.all():
            if self.candidates.is_money(candidate) != money:
                continue
            if quote.indicator and candidate.dims["indicator"] != quote.indicator.pk:
                continue
            hard = _agrees(candidate.dims, explicit, hard=True)
            if hard is None:
                continue
            soft = _agrees(candidate.dims, carried, hard=False) or 0
            score = hard * 2 + soft + _nearness(candidate.value, quote.value)
            ranked.append((score, candidate))
        ranked.sort(key=lambda item: -item[0])
        return ranked

    def _percent_readings(self, quote, place, explicit, resolved) -> list[Reading]:
        numerators = self._numerators(quote, place, explicit, resolved)
        kinds = percent_kinds(quote, place.before_clause, place.after)
        whole_cues = self.context.cues(place.after)
        base_year = whole_cues.year
        if base_year is None:
            compared = re.search(r"so với(.*)$", place.before_clause, re.IGNORECASE)
            if compared:
                found = list(periods_in(compared.group(1)))
                base_year = found[-1][1] if found else None
        printed = quote.value * (quote.sign or 1) / 100
        options = []
        for numerator in numerators:
            for kind in kinds:
                for node, computed in derive(
                    self.candidates, kind, numerator, whole_cues, base_year
                ):
                    score = _nearness(computed.value, printed)
                    options.append(_reading(node, computed, quote, score))
        options.sort(key=lambda r: -r.score)
        return options[:3]

    def _numerators(self, quote, place, explicit, resolved) -> list[Candidate]:
        """The figure the percentage is of: the amount it follows in the
        sentence; else one its clause's words name (or none: "lãi suất 6%")."""
        numerator_quote = None
        for other in place.in_sentence:
            if other.start >= quote.start:
                break
            if other.kind != "percent" and not other.in_parens and other.role != "plan":
                numerator_quote = other
        if numerator_quote is not None:
            numerator = resolved.get(id(numerator_quote))
            return [numerator] if numerator is not None else []
        named = [
            explicit.fund,
            explicit.measure,
            explicit.area,
            explicit.indicator,
            explicit.year,
        ]
        if sum(cue is not None for cue in named) < 2:
            return []
        return [
            c
            for c in self.candidates.all()
            if _agrees(c.dims, explicit, hard=True) is not None
        ]


def _settle(finding: Finding, readings: list[Reading]) -> None:
    """The finding takes its best reading's verdict, or no data."""
    finding.readings = tuple(readings)
    finding.confidence = _confidence(readings)
    if not readings:
        finding.verdict = NO_DATA
        return
    best = readings[0]
    finding.verdict, finding.expected = best.verdict, best.expected
    finding.explanation, finding.figures = best.explanation, best.figures


def _place(text, sentence, quote, in_sentence) -> _Place:
    start, end = sentence
    clause_start = max(
        [start]
        + [m.end() + start for m in CLAUSE_BREAK.finditer(text[start : quote.start])]
    )
    after = text[quote.end : end]
    cut = AFTER_END.search(after)
    return _Place(
        text=text,
        sentence=sentence,
        before_clause=text[clause_start : quote.start],
        before_sentence=text[start : quote.start],
        after=after[: cut.start()] if cut else after,
        in_sentence=in_sentence,
    )


def _carried(state: Cues, span: str) -> Cues:
    """The year and period in force: the last named outside a "so với"."""
    result = Cues(year=state.year, months=state.months, period_named=state.period_named)
    for match, year, months in periods_in(span):
        clause = CLAUSE_BREAK.split(span[: match.start()])[-1]
        if re.search(r"so với", clause, re.IGNORECASE):
            continue
        result.year, result.months, result.period_named = year, months, True
    return result
