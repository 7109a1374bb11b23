"""The checker: each quote of a text read against the article's figures
(see the package for the rule), ranked readings, and the editor's
bindings winning over the guess."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import replace
from functools import partial

from ..core.models import Figure, Indicator
from .bound import apply_binding
from .calibrate import Weighed
from .candidates import Candidate, Candidates, candidate_computed, old_whole
from .choose import AGREE, Option, decide, settle
from .compared import COMPARED_IS, COMPARED_TAIL, YEAR_LEVEL
from .compared_rates import after_rates
from .cues import LEFT, Context, Cues
from .disowned import disown_repeats
from .given import neighbour_options, settle_given
from .glossary import defined_abbreviations
from .increments import (
    REST_AFTER,
    derived_candidate,
    increments,
    is_added,
    is_increment,
    left_of,
    part_of_year,
    rest_of,
    year_increments,
)
from .judge import judge
from .keys import quote_keys
from .lines import joined_lines
from .lists import respective
from .nearby import year_plan_meant
from .pairs import not_the_old, partner_cues
from .parts import (
    after_percent,
    all_funds_total_of,
    as_part,
    cell_cues,
    not_the_plan,
    one_fund,
    other_fund,
    share_in_total,
)
from .percents import assume_base, own_year
from .periods import compared_until, read_once
from .piped import piped_rows
from .places import Place, around, carried, kept_for, place_of
from .printed import total_of_column, widen_to_printed_parts
from .quotes import count_nouns, find_quotes, sentences
from .rated import pin_to_rates, rate_alone
from .rates import RateOptions
from .report import MISMATCH, NO_DATA, UNSURE, Finding, Quote, Report
from .sets import over_a_set
from .still import still_to_do
from .support import (
    agrees,
    carried_support,
    compared_cues,
    defaults,
    glossed_otherwise,
    label_cues,
    override,
    own_cues,
)
from .totals import listed_total
from .unaccented import (
    area_names,
    as_given,
    as_printed,
    composed,
    reading_copy,
    unsure_after_doubtful_words,
    with_short_nouns,
)
from .years import over_years

__all__ = ["Checker"]


class Checker(RateOptions, Weighed):
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
        self.context = Context(
            self.figures,
            self.candidates.successors.values(),
            self.candidates.wholes(),
            {
                old_whole(pk): frozenset(parts)
                for pk, parts in self.candidates.predecessors.items()
            },
        )
        self.all_content = self.candidates.all_content

    def check_parts(self, parts: list[tuple[str, str]]) -> Report:
        """``parts``: (name, plain text) pairs, e.g. title, lead, body."""
        with read_once():
            return self._check_parts(parts)

    def _check_parts(self, parts: list[tuple[str, str]]) -> Report:
        report = Report(bindings=dict(self.bindings))
        self.this_number = None
        nouns = with_short_nouns(count_nouns())
        names = (*nouns, *area_names())
        state = Cues()
        found = []
        composed_parts = [(part, given, *composed(given)) for part, given in parts]
        defined = defined_abbreviations(text for *_given, text, _w in composed_parts)
        for part, given, text, where in composed_parts:
            # see unaccented; pipe tables read as plain_text's rows (piped)
            read = joined_lines(piped_rows(reading_copy(text, names, defined)))
            found.append((text, read, find_quotes(read, part, nouns), given, where))
        disown_repeats(
            [quote for *_texts, quotes, _given, _at in found for quote in quotes]
        )
        for text, read, quotes, given, where in found:
            findings, state = self._check_text(read, quotes, state)
            unsure_after_doubtful_words(findings, getattr(read, "doubtful", ()))
            as_printed(quotes, read, text)
            keys = quote_keys(text, quotes)
            as_given(quotes, given, where)
            for finding, key in zip(findings, keys, strict=True):
                finding.key = key
                apply_binding(finding, report, self.bindings, self.by_pk)
        return report

    def _check_text(self, text: str, quotes: list[Quote], state: Cues):
        findings: list[Finding] = []
        self.text, self.base_fits = text, {}
        resolved: dict[int, Candidate | None] = {}
        made: dict[str, Candidate] = {}  # sums read from the text
        tried: dict[int, list[Option]] = {}  # each finding's options
        # In order (find_quotes): a sentence's quotes sliced, not scanned.
        starts = [q.start for q in quotes]
        for start, end in sentences(text):
            in_sentence = quotes[bisect_left(starts, start) : bisect_left(starts, end)]
            done = len(findings)
            for quote in in_sentence:
                place = place_of(text, (start, end), quote, in_sentence)
                kept = kept_for(state, place, quote, self.context.areas_in)
                finding = Finding(quote, NO_DATA)
                if not quote.blocked:
                    options = self._options(quote, place, kept, resolved)
                    options = as_part(quote, place, resolved, options, self.context)
                    options = over_a_set(options, place, self.context, self.candidates)
                    options = over_years(options, quote, place, self.candidates, made)
                    options += listed_total(options, quote, place, resolved, made)
                    options += after_rates(self, quote, findings[done:], options)
                    parts = [
                        (q, resolved.get(id(q)))
                        for q in in_sentence
                        if q.start < quote.start and resolved.get(id(q))
                    ]
                    widen_to_printed_parts(options, quote, parts, place)
                    options = self._none_agreeing(
                        quote, quotes, place, kept, made, resolved, options
                    )
                    verdict, readings, confidence = self.weighed(options, quote, place)
                    before = text[max(start, quote.start - 60) : quote.start]
                    if verdict in AGREE and glossed_otherwise(before):
                        verdict, confidence = UNSURE, 0.5  # which fund is it?
                    settle(finding, verdict, readings, confidence)
                    tried[id(finding)] = options
                    settle_given(
                        [*findings[done:], finding], tried, resolved, self._neighbours
                    )
                    if finding.verdict != NO_DATA and finding.readings:
                        ident = finding.readings[0].ident
                        resolved[id(quote)] = self.candidates.by_node.get(
                            ident, made.get(ident)
                        ) or derived_candidate(self.candidates, ident)
                finding.context = around(text, quote, start, end)
                findings.append(finding)
            settle_given(findings[done:], tried, resolved, self._neighbours)
            pair = (text, (start, end), in_sentence, state, resolved)
            self._settle_sentence(findings[done:], tried, pair)
            state = carried(
                state, text[start:end], in_sentence, start, self.context.areas_in
            )
            amounts = [resolved.get(id(q)) for q in in_sentence if q.kind == "amount"]
            self.this_number = next(
                (c for c in reversed(amounts) if c is not None), self.this_number
            )
        return findings, state

    def _none_agreeing(self, quote, quotes, place, kept, made, resolved, options):
        """Where no reading gives the number: a column's total, or a rate
        read through the other measure of the amount before it."""
        if any(judge(o.computed, quote)[0] in AGREE for o in options):
            return options
        options += total_of_column(quote, quotes, resolved, made)
        return rate_alone(
            quote,
            place,
            resolved,
            options,
            self.candidates,
            partial(self._options, quote, place, kept),
        )

    def _settle_sentence(self, findings, tried, pair) -> None:
        """What a sentence's numbers say of each other once all are read: a
        pair the wrong way round, an amount its rate is worked from."""
        self._swapped_pairs(findings, *pair)
        pin_to_rates(findings, tried, pair[0])

    def _swapped_pairs(self, findings, text, sentence, in_sentence, state, resolved):
        """ "Giải ngân 10 tháng: 21,5/16,42 tỷ đồng" where 16,42 is what was
        spent and 21,5 the plan: a pair written the wrong way round, each
        number a mismatch with the other's figure as its reading."""
        for first, second in zip(findings, findings[1:], strict=False):
            roles = (first.quote.role, second.quote.role)
            if roles != ("executed", "plan") or {first.verdict, second.verdict} & {
                *AGREE,
                MISMATCH,
            }:
                continue
            again = []
            for finding, role in ((first, "plan"), (second, "executed")):
                quote = replace(finding.quote, role=role)
                place = place_of(text, sentence, quote, in_sentence)
                kept = kept_for(state, place, quote, self.context.areas_in)
                options = self._options(quote, place, kept, resolved)
                verdict, readings, _sure = decide(options, quote)
                again.append(readings[0] if verdict in AGREE else None)
            if None not in again:
                for finding, reading in ((first, again[1]), (second, again[0])):
                    settle(finding, MISMATCH, [replace(reading, verdict=MISMATCH)], 0.8)

    def _neighbours(self, option: Option) -> list[Option]:
        return neighbour_options(self.candidates, option)

    def _explicit_cues(self, quote: Quote, place: Place) -> tuple[Cues, Cues]:
        """What the words around ``quote`` name (its clause, its table cell,
        a parenthesis), and what they favour without naming it."""
        explicit = self.context.cues(place.before_clause)
        if quote.kind in ("amount", "count") and not quote.sign:
            label_cues(self.context, place, explicit)
        favoured = Cues()
        if quote.header:  # a table cell: its caption and column say the rest
            row = place.sentence_text[: quote.start - place.sentence[0]]
            explicit = cell_cues(self.context, quote, explicit, row)
        elif quote.kind in ("amount", "count") and not quote.sign:
            rest = place.sentence_text[quote.end - place.sentence[0] :]
            explicit, favoured = own_cues(self.context, place, explicit, rest)
            respective(quote, place, self.context, explicit)
            if quote.in_parens and after_percent(quote, place):
                # "chiếm 20,86% tổng kinh phí KCQG (140 tỷ đồng)": the whole
                # the words before the parenthesis name, maybe a wider area
                explicit.areas = self.context.cues(place.own).areas
        # what it is compared with: "so với kế hoạch năm 2021 (51,23 tỷ đồng)",
        # "cao hơn năm 2024 (47,2 tỷ)", "so với kế hoạch năm 2024 là 7.200 triệu"
        tail = (
            COMPARED_TAIL.search(place.before_clause.rstrip())
            if quote.in_parens
            else COMPARED_IS.search(place.before_clause)
        )
        if tail and quote.kind in ("amount", "count"):
            override(explicit, compared_cues(self.context, tail.group(1), quote, place))
        if place.in_parens:
            override(explicit, self.context.cues(place.in_parens))
        return explicit, favoured

    def _options(self, quote, place: Place, kept: Cues, resolved) -> list[Option]:
        place = share_in_total(place)
        explicit, favoured = self._explicit_cues(quote, place)
        partner_cues(quote, place.in_sentence, resolved, explicit)
        if quote.kind in ("percent", "times", "points") or quote.sign:
            options = self._derived_options(quote, place, explicit, resolved, kept)
            return options + self._year_level(options, quote, place, kept, resolved)
        if explicit.same_period:  # "cùng kỳ năm 2023": the months in force
            explicit.months, explicit.period_named = kept.months, kept.period_named
        explicit.year = own_year(quote, place, kept) or explicit.year
        if quote.role == "old" and not explicit.period_named:
            # "so với cùng kỳ": the months in force; "so với hết tháng 10": those
            until = compared_until(place.after)
            named = (until, True) if until else (kept.months, kept.period_named)
            explicit.months, explicit.period_named = named
        if REST_AFTER.match(place.after) or still_to_do(quote, place):  # the rest
            explicit.measure = LEFT
        left = explicit.measure == LEFT and quote.role not in ("executed", "plan")
        if left:
            explicit.measure = Figure.Measure.PLAN
            named = explicit if explicit.period_named else kept
            left_months = named.months if named.period_named else None
            # the plan is the year's: the period named is what was spent
            explicit.months, explicit.period_named = None, False
            kept = replace(kept, months=None, period_named=False)
        since = is_increment(quote, place)
        if since:  # any period: the increment is one less an earlier one
            explicit.months, explicit.period_named = None, False
            kept = replace(kept, months=None, period_named=False)
        options = self._value_options(quote, explicit, favoured, kept)
        assume_base(options, quote, place, self.candidates, self.context)
        options = not_the_plan(options, quote, place, self.candidates)
        options = not_the_old(options, quote, place, resolved)
        options = self._one_fund_guesses(
            options, quote, place, (explicit, favoured, kept)
        )
        if is_added(quote, place):  # "bổ sung 400 triệu": the whole less its parts
            near = [resolved.get(id(q)) for q in place.in_sentence]
            # any whole the parts read before add up to (the clause may name
            # only the last part's area); the words name it as well as any
            top = max((o.words for o in options), default=0.0)
            wholes = [
                Option(c.node, candidate_computed(c), top, 1)
                for c in self.candidates.all()
            ]
            return options + rest_of(self.candidates, wholes, resolved.values(), near)
        if left:
            near = [resolved.get(id(q)) for q in place.in_sentence]
            rest = rest_of(self.candidates, options, resolved.values(), near)
            carried = None if named is explicit else near  # the period carried
            return left_of(self.candidates, options, left_months, carried) + rest
        if since == "part":
            return part_of_year(self.candidates, options, place)
        if since:
            more = increments(self.candidates, options)
            return more + year_increments(self.candidates, options)
        return options

    def _one_fund_guesses(self, options, quote, place: Place, cues) -> list[Option]:
        """ "tổng kinh phí" that left no reading giving the number (the only
        total of all funds another year's): one fund's, each a guess; one
        fund named that left no reading at all: the other fund's."""
        explicit, favoured, kept = cues
        if any(judge(o.computed, quote)[0] in AGREE for o in options) or (
            all_funds_total_of(options, explicit.year or kept.year)
        ):
            return options
        read = partial(self._value_options, quote, explicit, favoured, kept)
        guesses = one_fund([(explicit, place.own)], read)
        return guesses or options or other_fund(explicit, read)

    def _year_level(self, options, quote, place: Place, kept, resolved) -> list:
        """ "tăng so với năm 2023 là N": N is the difference, or year 2023's
        own figure; both readings as well supported by the words."""
        if quote.kind not in ("amount", "count") or not YEAR_LEVEL.search(
            place.sentence_text[: quote.start - place.sentence[0]]
        ):
            return []
        old = replace(quote, sign=0, role="old")
        levels = self._options(old, place, kept, resolved)
        top = max((o.words for o in levels), default=0.0)
        for option in options:
            option.words = max(option.words, top)
        return levels

    def _value_options(
        self, quote: Quote, explicit: Cues, favoured, kept
    ) -> list[Option]:
        money = quote.kind == "amount"
        if quote.indicator is not None:  # "59 dự án": the noun names it
            explicit.indicator = quote.indicator
        for cues in (explicit, favoured, kept):
            named = cues.indicator
            if named is not None and (named.unit == Indicator.Unit.VND) != money:
                cues.indicator = None  # "mô hình trình diễn" beside an amount
        if quote.role in ("executed", "plan"):
            explicit.measure = quote.role
        if year_plan_meant(self.candidates, quote, explicit):
            explicit.months, kept = None, replace(kept, months=None)
        unnamed_fund = all(c.fund is None for c in (explicit, favoured, kept))
        # no year named nor in force ("năm nay"): a mismatch is only unsure
        unnamed_year = explicit.year is None and kept.year is None
        options = []
        for candidate in self.candidates.all():
            if self.candidates.is_money(candidate) != money:
                continue
            hard = agrees(candidate.dims, explicit, hard=True)
            if hard is None:
                continue
            liked = agrees(candidate.dims, favoured, hard=False) or 0
            carried_over = carried_support(candidate.dims, kept)
            words = 2 * hard + 2 * liked + carried_over
            words += defaults(candidate.dims, explicit, kept, self.all_content)
            computed = candidate_computed(candidate)
            option = Option(candidate.node, computed, words, hard)
            option.cued = bool(hard or liked or carried_over)
            option.assumed = unnamed_year or (
                unnamed_fund and candidate.dims["fund"] != Figure.Fund.ALL
            )
            options.append(option)
        return options
