"""A derived number's readings: what it is a rate of, and of what (``percents``)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..core.models import Figure, Indicator
from .candidates import Candidate, old_whole
from .choose import Option
from .compared_base import over_compared_base
from .compared_rates import base_words
from .cues import Cues
from .doubted import fits_another_base, fitting_readings
from .funds import THIS_FUND, fund_referred, other_subject_fund
from .funds_compared import compared_again
from .governs import governing
from .lists import RESPECTIVELY, respective_area, sum_candidate, summed
from .numerators import (
    change_against,
    of_column,
    of_money,
    read_year,
    spent_of,
    times_earlier,
)
from .parts import another_part, one_fund, paid_for
from .percents import (
    RANKED,
    base_before,
    derive,
    from_pair_base,
    options_against,
    percent_kinds,
    periods_of,
)
from .periods import compared_until
from .places import THIS_YEAR, previous_value, words_between
from .points import points, points_kinds, years_later
from .reached import after_a_rate_of_plan, no_source
from .sets import compared_area
from .sides import rate_named
from .support import BASE_WORDS, agrees, defaults, fill

__all__ = ["RateOptions"]

#: "so với con số này", "so với mức này": the amount quoted just before
_THIS_NUMBER = re.compile(
    r"(?<!\w)so với\s+(?:con số|số liệu|số|mức|con số đó)\s+(?:này|đó|trên)(?!\w)",
    re.IGNORECASE,
)
#: the words right after a multiple, where its base is named
_BASE_AFTER = re.compile(r"\s*(?:so với\s+|của\s+)?([^,.;:()]{0,30})", re.IGNORECASE)
_COMPARED = re.compile(r"\s(?:so với|do|vì|nhờ|khi)\s", re.IGNORECASE)
_OF_PLAN = re.compile(r"\s*kế hoạch(?!\w)", re.IGNORECASE)  # what reaches it is spent
#: nothing named after a multiple: "…, gấp 1,53 lần."
_NOTHING_AFTER = re.compile(r"\s*(?:[.,;:)]|$)")
#: "đạt 88% kế hoạch vốn": a rate of money, whatever count came before
_OF_MONEY = re.compile(
    r"\s*(?:của\s+)?(?:kế hoạch|dự toán)\s+(?:vốn|kinh phí|tiền)(?!\w)", re.IGNORECASE
)


class RateOptions:
    """The options of a derived quote (see the module)."""

    #: the last amount read before the sentence in hand ("con số này")
    this_number: Candidate | None = None
    text: str = ""  # the text in hand
    base_fits: dict  # quote id → readings over another reading of its base that fit

    def _derived_options(self, quote, place, explicit, resolved, kept) -> list[Option]:
        whole_cues = self.context.cues(base_words(place.after))
        if quote.kind == "percent" and whole_cues == Cues():
            whole_cues = self.context.cues(base_before(place))
        whole_cues.areas = whole_cues.areas or compared_area(place, self.context)
        # "tăng 4% so với hết tháng 9", "So với hết tháng 9, … tăng 4%"
        months = quote.sign and (
            compared_until(place.after) or compared_until(place.before_clause)
        )
        if months and not whole_cues.period_named:
            whole_cues.months, whole_cues.period_named = months, True
        args = (quote, place, explicit, resolved, kept, whole_cues)
        options = self._derived_with(*args) or one_fund(
            [(explicit, place.before_clause), (whole_cues, place.after)],
            lambda: self._derived_with(*args),
        )
        if options or explicit.year or not kept.year or periods_of(place.sentence_text):
            return options
        # "So với năm trước, … tăng 4,36%": the year carried in (from a list's
        # last item, say) gives nothing to compare: any year's, each a guess
        kept = replace(kept, year=None, months=None, period_named=False)
        options = self._derived_with(quote, place, explicit, resolved, kept, whole_cues)
        for option in options:
            option.assumed = True
        return options

    def _derived_with(self, quote, place, explicit, resolved, kept, whole_cues):
        if quote.kind == "points":
            return self._points_options(place, explicit, kept, whole_cues)
        self.whole_year_ids, self.yearless_ids, self.bases_doubted = set(), set(), {}
        self.bases_printed = {}
        numerators = self._numerators(quote, place, explicit, resolved, kept)
        if _OF_MONEY.match(place.after):
            numerators = [(n, s) for n, s in numerators if of_money(n)]
        kinds = percent_kinds(quote, place)
        listed = [
            resolved.get(id(q)) for q in place.in_sentence if q.end <= quote.start
        ]
        options = []
        named = quote.kind == "times" and self._base_named(place)
        for numerator, support in numerators:
            derive_with = (whole_cues, place, listed)
            doubted = fits_another_base(self, quote, numerator, kinds, derive_with)
            for kind in kinds:
                derived = derive(self.candidates, kind, numerator, *derive_with)
                for node, computed in derived:
                    option = Option(node, computed, support, 1, base_named=named)
                    option.whole_year = id(numerator) in self.whole_year_ids
                    option.assumed = id(numerator) in self.yearless_ids or doubted
                    options.append(option)
            if doubted:  # named among its readings when it is unsure
                fits = fitting_readings(self, quote, numerator, kinds, derive_with)
                self.base_fits.setdefault(id(quote), []).extend(fits)
        options += _over_pair_base(quote, place, resolved, numerators, kinds, options)
        options += over_compared_base(
            quote,
            place,
            resolved,
            self.candidates,
            kinds=kinds,
            kept_year=kept.year,
            options=options,
            cues_of=self.context.cues,
        )
        base = self.this_number if _THIS_NUMBER.search(place.before_clause) else None
        if base is not None and base.value and "change" in kinds:
            # "So với con số này, … tăng 9,8%": against the amount last read
            options = [change_against(n, base, s) for n, s in numerators] or options
        if quote.kind == "times" and _NOTHING_AFTER.match(place.after):
            options += times_earlier(listed, numerators)
        return options

    def _base_named(self, place) -> bool:
        """A year or an area named right after a multiple ("gấp 3 lần năm
        2023", "gấp 2 lần Nghệ An"): its base."""
        head = _BASE_AFTER.match(place.after).group(1)
        cues = self.context.cues(head)
        return cues.year is not None or bool(cues.areas)

    def _points_options(self, place, explicit, kept, whole_cues) -> list[Option]:
        cues = replace(explicit)
        carried = None
        if cues.year is None:
            cues.year, cues.months = kept.year, kept.months
            cues.period_named = kept.period_named
            carried = cues.months
        if cues.year is not None:  # "năm 2023 …; sau một năm đã cao hơn …"
            cues.year += years_later(place)
        cues.fund = compared_again(place.before_clause) or cues.fund
        own = kept.areas - whole_cues.areas
        rated = own or any(q.kind == "percent" for q in place.in_sentence)
        if rated and cues.areas and cues.areas <= whole_cues.areas:
            # "(vùng) … là 96,69%, cao hơn Đắk Lắk cũ 1,33 điểm phần trăm"
            cues.areas = own
        else:
            cues.areas = cues.areas or kept.areas
        options = self._points_of(place, cues, carried, whole_cues)
        if options or explicit.year is not None or kept.year is None:
            return options
        # the year in force (an aim's, maybe) has no such rate: any year's,
        # each a guess (a mismatch of it only unsure)
        cues = replace(cues, year=None, months=None, period_named=False)
        options = self._points_of(place, cues, None, whole_cues)
        for option in options:
            option.assumed = True
        return options

    def _points_of(self, place, cues, carried, whole_cues) -> list[Option]:
        options = []
        for kind in points_kinds(place):
            if kind == "ratio" and cues.measure in (None, Figure.Measure.PLAN):
                cues.measure = Figure.Measure.EXECUTED
            named = self._named(cues) + self._whole_year(cues, carried)
            for numerator, support in named:
                for node, computed in points(
                    self.candidates, numerator, kind, whole_cues, place
                ):
                    options.append(Option(node, computed, support, 1))
        return options

    def _numerators(self, quote, place, explicit, resolved, kept):
        """The figure a percentage (or a change) is of, with its word
        support: the amount it follows in the sentence, unless the words
        between them name another indicator; else one the words name (or
        none: "lãi suất 6%")."""
        parts = [resolved.get(id(q)) for q in summed(quote, place)]
        if parts and None not in parts:  # "x và y, cộng lại chiếm z%"
            return [(sum_candidate(parts), 0.0)]
        each = quote.kind == "percent" and RESPECTIVELY.search(place.before_clause)
        each = each and respective_area(quote, place, self.context.areas_listed)
        if each:  # "A và B … tỷ lệ lần lượt là x% và y%": in its own clause
            return self._named(
                replace(explicit, areas=each, year=explicit.year or kept.year)
            )
        whole = self.context.cues(_COMPARED.split(place.after)[0]).indicator
        money = None if whole is None else whole.unit == Indicator.Unit.VND
        if quote.kind in ("amount", "count"):  # "nhiều hơn 5 đề án": of counts
            money = quote.kind == "amount"
        previous = previous_value(quote, place, money)
        if previous is not None and _an_area_s_own(quote, previous, place, self):
            previous = None
        if previous is not None and quote.header:
            previous = of_column(previous, quote, place)
        if previous is not None:
            numerator = resolved.get(id(previous))
            between = words_between(previous, quote, place)
            named = self.context.cues(between).indicator
            if numerator is None:
                return []
            if other_subject_fund(between, numerator.dims["fund"]):
                previous = None  # its own subject: read from the words
        if previous is not None:
            numerator = spent_of(self.candidates, numerator, between)
            self.bases_doubted[id(numerator)] = previous.doubted  # its other readings
            self.bases_printed[id(numerator)] = previous  # the amount as printed
            own = named if quote.indicator is None else quote.indicator  # its noun
            if (
                own is None or own.pk == numerator.dims["indicator"]
            ) and not another_part(
                self.context, between, numerator, self.candidates.contains
            ):
                partner = paid_for(previous, place)
                other = resolved.get(id(partner)) if partner else None
                return [(numerator, 0.0)] + ([(other, 0.0)] if other else [])
        for span, at in (
            (place.before_clause, place.clause_start),
            (place.before_sentence_plain, place.sentence[0]),
        ):
            cues = self._rate_cues(quote, place, (span, at), explicit)
            named = [cues.fund, cues.measure, cues.indicator, cues.content]
            carried = self._year_in_force(quote, place, cues, resolved, kept)
            unsaid = cues.year is None and THIS_YEAR.search(span)
            if unsaid:  # "kế hoạch năm nay": the area in force, any year
                cues.areas = cues.areas or kept.areas
            named += [cues.areas or None, cues.year or unsaid or None]
            if sum(cue is not None for cue in named) >= 2:
                found = self._named(cues) + self._whole_year(cues, carried)
                return found or self._yearless(cues, kept, span)
        return []

    def _year_in_force(self, quote, place, cues: Cues, resolved, kept: Cues):
        """A rate naming what it is of but no year: that of the numbers read before
        it in the sentence, else the year (and, outside a table, the period) in
        force; also a change of the area alone its clause names ("So với năm 2023
        (…), tỉnh A tăng 6%")."""
        named = [cues.fund, cues.measure, cues.indicator, cues.content]
        subject = quote.sign and cues.areas
        if cues.year is not None or not (subject or any(c is not None for c in named)):
            return None
        cues.year = read_year(quote, place, resolved) or kept.year
        if cues.period_named:
            return None
        cues.months, cues.period_named = kept.months, kept.period_named
        return None if quote.header else cues.months

    def _subject_cues(self, explicit: Cues, span: str, subject: Cues) -> Cues:
        """What the clause names of a rate's subject: not the year and area
        its comparison names ("So với cùng kỳ năm 2024 của hai tỉnh cũ (…),
        kinh phí giải ngân năm nay tăng 4,6%": 2024 and the old provinces
        together are the base's; "năm nay" and the merged province are the
        subject's)."""
        compared = BASE_WORDS.findall(span)
        if not compared:
            return explicit
        base = self.context.cues(" ".join(compared), compared=True)
        own = replace(explicit)
        if subject.year is None and base.year == explicit.year:
            own.year, own.months, own.period_named = None, None, False
        if not subject.areas and base.areas == explicit.areas:
            # the old provinces together: the merged one is what changed
            olds = {old_whole(area) for area in base.areas if area < 0}
            own.areas = frozenset(olds) if olds else explicit.areas
        return own

    def _yearless(self, cues: Cues, kept: Cues, span: str):
        """The year in force (carried from sentences before, maybe an aim's:
        "Năm 2025, Trung tâm phấn đấu …") has no figure the words name: any
        year's, each a guess (a mismatch of it only unsure)."""
        if cues.year is None or cues.year != kept.year or periods_of(span):
            return []
        found = self._named(replace(cues, year=None, months=None))
        top = max((score for _c, score in found), default=0.0)
        found = [(c, score) for c, score in found if score >= top]  # best only
        self.yearless_ids = {id(c) for c, _score in found}
        return found

    def _rate_cues(self, quote, place, spanned: tuple[str, int], explicit: Cues):
        """What ``span`` (before a rate; starting at ``at`` in the text)
        names its numerator by."""
        span, at = spanned
        cues = self.context.cues(no_source(BASE_WORDS.sub(" ", span)))
        this = THIS_FUND.search(span)
        if cues.fund is None and this:  # "Nguồn này chiếm 31%"
            cues.fund = fund_referred(self.text, at + this.start())
        cues.measure = (span is place.before_clause and governing(span)) or cues.measure
        kinds = percent_kinds(quote, place)
        # "A đạt 96,9% kế hoạch, B đạt 96,5%": what B spent, whatever the
        # base of A's rate ("kế hoạch") before it
        after_a_rate = cues.areas and after_a_rate_of_plan(place, span, self.text)
        if cues.measure is None and kinds == ["ratio"] and after_a_rate:
            cues.measure = Figure.Measure.EXECUTED
        fill(cues, self._subject_cues(explicit, span, cues))
        rate = span is place.before_clause and rate_named(quote, place)
        if rate:  # "thấp hơn tỷ lệ chung của Kiên Giang (97,3%)": the rate's fund
            cues.fund = self.context.cues(span[rate.start() :]).fund
        inside = quote.in_parens and self.context.cues(place.in_parens).areas
        cues.areas = inside or cues.areas  # "(Tuyên Quang cũ 97,45%, …)"
        if kinds == ["share"]:
            _as_the_whole(cues, self.context.cues(place.after))
        cues.measure = cues.measure or _unnamed_measure(quote, place)
        return cues

    def _whole_year(self, cues: Cues, carried) -> list[tuple[Candidate, float]]:
        """A part of the year carried from a sentence before ("trong 9
        tháng đầu năm là …. Nguồn địa phương chiếm 73% tổng kinh phí") may
        have ended there: the whole year's figures too, a little less
        supported, so that one giving the printed number is not outranked."""
        if carried is None:
            return []
        part = self._named(cues)
        best = max((score for _c, score in part), default=0.0)
        year = replace(cues, months=None, period_named=False)
        found = [(c, best - 1.0) for c, _score in self._named(year)]
        self.whole_year_ids = {id(c) for c, _ in found} - {id(c) for c, _ in part}
        return found

    def _named(self, cues: Cues) -> list[tuple[Candidate, float]]:
        """The candidates the words name best (ties kept)."""
        found = []
        for candidate in self.candidates.all():
            hard = agrees(candidate.dims, cues, hard=True)
            if hard is not None:
                extra = defaults(candidate.dims, cues, Cues(), self.all_content)
                found.append((candidate, hard * 2 + extra))
        top = max((score for _c, score in found), default=0)
        return [(c, score) for c, score in found if score >= top - 0.5]


def _as_the_whole(cues: Cues, whole: Cues) -> None:
    """ "Trong 6 tháng, khu vực chiếm 35% số giải ngân của cả nước": a part
    is of the indicator, measure, fund and period of the whole named after
    the share, unless its own words say otherwise (not of its area: the
    part is a smaller one)."""
    for name in ("indicator", "measure", "fund", "year"):
        if getattr(cues, name) is None:
            setattr(cues, name, getattr(whole, name))
    if whole.period_named and not cues.period_named:
        cues.months, cues.period_named = whole.months, True


def _unnamed_measure(quote, place):
    """The measure a rate is of when its words name none: "A xếp thứ ba
    (97,35%)", the rate it is ranked by; "A: đạt 96% kế hoạch", what A
    spent; "A chiếm 32% kế hoạch", A's plan."""
    ranked = RANKED.search(place.before_clause + " " + place.in_parens)
    if ranked and quote.kind == "percent":
        return Figure.Measure.EXECUTED
    if _OF_PLAN.match(place.after):
        share = percent_kinds(quote, place) == ["share"]
        return Figure.Measure.PLAN if share else Figure.Measure.EXECUTED
    return None


def _over_pair_base(quote, place, resolved, numerators, kinds, options) -> list[Option]:
    """A change or multiple after "từ … lên …" over the pair's first number
    (see ``from_pair_base``), beside the bases the words give; none it
    already has."""
    base = from_pair_base(quote, place, resolved)
    if base is None:
        return []
    kinds = [kind for kind in kinds if kind in ("change", "times")]
    found = []
    for numerator, support in numerators:
        if numerator is base or numerator.dims["indicator"] != base.dims["indicator"]:
            continue
        found += options_against(kinds, numerator, base, support, options)
    return found


def _an_area_s_own(quote, previous, place, options: RateOptions) -> bool:
    """A percentage in a parenthesis after an area of its own, the amount
    before it outside ("tỷ lệ 97,13% (Tuyên Quang cũ 97,45%, …)"), or
    after a rate named with its area ("… cao hơn tỷ lệ chung của các tỉnh
    phía Bắc (74,03%)"): that area's rate, not one of the amount."""
    if quote.kind != "percent" or not quote.in_parens or previous.in_parens:
        return False
    rate = rate_named(quote, place)
    named = place.before_clause[rate.start() :] if rate else place.in_parens
    return bool(options.context.cues(named).areas)
