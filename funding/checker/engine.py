"""The checker's engine: find every number a text quotes, read the words
around it, and compare it with the stored and derived figures (see the
package for the rule)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import strip_tags

from ..core import derived as calc
from ..core.derived import Derived, Quantity, round_half_up
from ..core.formatting import MONEY_UNITS, format_number, format_percent, format_value
from ..core.models import Area, Figure, Indicator, RegionMembership
from ..core.numbers import NumberFormatError, parse_number
from .report import MATCH, MISMATCH, NO_DATA, ROUNDING, Finding, Quote, Report

# A number as printed: "48,79", "48.790.000.000", "12, 61" (a stray space
# after the comma, but not "năm 2021, 61").
_NUM_BODY = r"\d+(?:\.\d+)*(?:,\d+|(?<!\d{4}),\s\d{1,2}(?![\d.,]))?"
_NUM = rf"(?<![\w.,/]){_NUM_BODY}"
_MONEY = r"(?:[tT]ỷ|[tT]ỉ|[tT]riệu|[nN]ghìn|[nN]gàn)(?:\s+đồng)?|đồng|VNĐ|VND"
_PAIR_OR_AMOUNT = re.compile(
    rf"(?P<a>{_NUM})(?:\s*/\s*(?P<b>{_NUM_BODY}))?\s*(?P<unit>{_MONEY})(?![\w])"
)
_PERCENT = re.compile(rf"(?P<a>{_NUM})\s*%")
_YEAR = re.compile(
    r"(?:(?P<months>\d{1,2})\s+tháng(?:\s+đầu)?(?:\s+năm)?\s+|năm\s+|cùng kỳ\s+)"
    r"(?P<year>(?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:]")
_AFTER_END = re.compile(r";|\.(?:\s|$)|,\s+(?=\D)|\s+và\s+|\s+nhưng\s+|\n")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")

FUND_WORDS = [
    (Figure.Fund.KCQG, r"khuyến công quốc gia|\bKCQG\b|ngân sách trung ương"),
    (
        Figure.Fund.KCDP,
        r"khuyến công địa phương|\bKC[ĐD]P\b|ngân sách địa phương|kinh phí địa phương",
    ),
    (Figure.Fund.ALL, r"toàn vùng|tổng kinh phí|các nguồn|tổng nguồn"),
]
MEASURE_WORDS = [
    (Figure.Measure.PLAN, r"kế hoạch|được giao|giao theo|dự toán|được duyệt"),
    (Figure.Measure.ESTIMATE, r"ước thực hiện|ước đạt|ước tính"),
    (Figure.Measure.EXECUTED, r"thực hiện|giải ngân|triển khai|đã tư vấn|đạt được"),
]
NATION_WORDS = r"cả nước|toàn quốc"
CHANGE_UP = re.compile(
    r"(?:cao hơn|tăng|vượt|nhiều hơn)(?:\s+thêm)?\s*$", re.IGNORECASE
)
CHANGE_DOWN = re.compile(r"(?:thấp hơn|giảm|ít hơn|kém)\s*$", re.IGNORECASE)
KIND_WORDS = re.compile(
    r"chiếm|đạt|bằng|cao hơn|thấp hơn|tăng|giảm|vượt", re.IGNORECASE
)


@dataclass
class Candidate:
    """A stored figure, or one derived from stored ones, with its dimensions."""

    dims: dict
    quantity: Quantity
    figures: tuple[Figure, ...]
    derived: Derived | None = None

    @property
    def value(self) -> Decimal:
        return self.quantity.value


# --- Reading the text ----------------------------------------------------


def plain_text(body_html: str) -> str:
    """The words of a rich-text body, one line per paragraph."""
    text = re.sub(
        r"(?i)<br\s*/?>|</(?:p|li|h\d|blockquote|tr|figcaption)>", "\n", body_html
    )
    return html.unescape(strip_tags(text)).replace("\u00a0", " ")


def _count_nouns() -> dict[str, Indicator]:
    return {
        i.count_noun.lower(): i
        for i in Indicator.objects.filter(unit=Indicator.Unit.COUNT).exclude(
            count_noun=""
        )
    }


def find_quotes(text: str, part: str = "body", nouns=None) -> list[Quote]:
    """Every amount, percentage and count ``text`` quotes, in order."""
    nouns = _count_nouns() if nouns is None else nouns
    quotes: list[Quote] = []
    for match in _PAIR_OR_AMOUNT.finditer(text):
        unit = re.sub(r"\s+", " ", match["unit"].lower())
        numbers = [("a", "executed" if match["b"] else "")]
        if match["b"]:
            numbers.append(("b", "plan"))
        for group, role in numbers:
            quote = _number_quote(text, match, group, unit, part, role)
            if quote is not None:
                quotes.append(quote)
    for match in _PERCENT.finditer(text):
        try:
            parsed = parse_number(match["a"])
        except NumberFormatError:
            continue
        if parsed is None:
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        sign = (
            1 if CHANGE_UP.search(before) else -1 if CHANGE_DOWN.search(before) else 0
        )
        quotes.append(
            Quote(
                part,
                match.start(),
                match.end(),
                match.group(0),
                "percent",
                parsed.value,
                parsed.decimals,
                Decimal(1).scaleb(-parsed.decimals),
                sign=sign,
                in_parens=_in_parens(text, match.start()),
            )
        )
    if nouns:
        pattern = re.compile(
            rf"(?P<a>{_NUM})\s+(?P<noun>{'|'.join(re.escape(n) for n in nouns)})(?!\w)",
            re.IGNORECASE,
        )
        for match in pattern.finditer(text):
            try:
                parsed = parse_number(match["a"])
            except NumberFormatError:
                continue
            if parsed is None:
                continue
            quotes.append(
                Quote(
                    part,
                    match.start(),
                    match.end(),
                    match.group(0),
                    "count",
                    parsed.value,
                    parsed.decimals,
                    Decimal(1).scaleb(-parsed.decimals),
                    in_parens=_in_parens(text, match.start()),
                    indicator=nouns[match["noun"].lower()],
                )
            )
    quotes.sort(key=lambda q: q.start)
    return quotes


def _number_quote(text, match, group, unit, part, role) -> Quote | None:
    """One amount of a match; in a pair "11,07/11,14 tỷ đồng" each number is
    its own quote with the pair's unit."""
    try:
        parsed = parse_number(match[group], unit=unit)
    except NumberFormatError:
        return None
    if parsed is None or unit not in MONEY_UNITS:
        return None
    start = match.start(group)
    end = match.end("a") if group == "a" and match["b"] else match.end()
    return Quote(
        part,
        start,
        end,
        f"{match[group]} {match['unit']}",
        "amount",
        parsed.value,
        parsed.decimals,
        Decimal(1).scaleb(-parsed.decimals) * parsed.scale,
        role=role,
        in_parens=_in_parens(text, start),
    )


def _in_parens(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    return before.count("(") > before.count(")")


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


# --- Cues ------------------------------------------------------------------


@dataclass
class Cues:
    year: int | None = None
    months: int | None = None  # None: the whole year
    period_named: bool = False
    fund: str | None = None
    measure: str | None = None
    area: Area | None = None
    indicator: Indicator | None = None


def _last(patterns, span: str):
    best, position = None, -1
    for value, pattern in patterns:
        for match in re.finditer(pattern, span, re.IGNORECASE):
            if match.start() > position:
                best, position = value, match.start()
    return best


def _periods(span: str):
    for match in _YEAR.finditer(span):
        months = int(match["months"]) if match["months"] else None
        if months is not None and not 1 <= months <= 12:
            continue
        yield match, int(match["year"]), (None if months == 12 else months)


class _Context:
    """What the article names, read once: areas and indicators to look for."""

    def __init__(self, figures: list[Figure]):
        self.areas = {f.area_id: f.area for f in figures}
        self.area_words = []
        nation = None
        for area in self.areas.values():
            if area.kind == Area.Kind.NATION:
                nation = area
                continue
            names = {area.name, area.short_name, *area.aliases.splitlines()}
            if area.kind == Area.Kind.REGION:
                names |= {"toàn vùng", "khu vực"}
            pattern = "|".join(re.escape(n.strip()) for n in names if n.strip())
            self.area_words.append((area, pattern))
        if nation is not None:
            self.area_words.append((nation, NATION_WORDS))
        self.indicator_words = []
        for indicator in {f.indicator_id: f.indicator for f in figures}.values():
            words = indicator.name.split()
            if words and words[0].lower() == "số" and len(words) > 1:
                words = words[1:]
            self.indicator_words.append(
                (indicator, re.escape(" ".join(words[:2]).lower()))
            )

    def cues(self, span: str) -> Cues:
        cues = Cues()
        periods = list(_periods(span))
        if periods:
            _match, cues.year, cues.months = periods[-1]
            cues.period_named = True
        cues.fund = _last(FUND_WORDS, span)
        cues.measure = _last(MEASURE_WORDS, span)
        cues.area = _last(self.area_words, span)
        cues.indicator = _last(self.indicator_words, span)
        return cues


# --- Candidates --------------------------------------------------------------


def _dims(figure: Figure) -> dict:
    return {
        "indicator": figure.indicator_id,
        "area": figure.area_id,
        "fund": figure.fund,
        "content": figure.content_id,
        "year": figure.year,
        "months": None
        if figure.period_kind == Figure.PeriodKind.YEAR
        else figure.period_end.month,
        "measure": figure.measure,
    }


def _key(dims: dict) -> tuple:
    return tuple(
        dims[k]
        for k in ("indicator", "area", "fund", "content", "year", "months", "measure")
    )


class Candidates:
    """The article's figures and the sums and differences they imply."""

    def __init__(self, figures: list[Figure]):
        self.by_key: dict[tuple, Candidate] = {}
        self.indicators = {f.indicator_id: f.indicator for f in figures}
        self.areas = {f.area_id: f.area for f in figures}
        # Which province belonged to which region in which year: read once,
        # not per candidate share.
        self.memberships = (
            set(
                RegionMembership.objects.filter(region__in=self.areas).values_list(
                    "region_id", "province_id", "year"
                )
            )
            if self.areas
            else set()
        )
        for figure in figures:
            dims = _dims(figure)
            self.by_key[_key(dims)] = Candidate(dims, Quantity.of(figure), (figure,))
        # A missing source implied by the others: KCĐP = all − KCQG, all = KCQG + KCĐP.
        ALL, KCQG, KCDP = Figure.Fund.ALL, Figure.Fund.KCQG, Figure.Fund.KCDP
        for candidate in list(self.by_key.values()):
            dims = candidate.dims
            if dims["fund"] != ALL:
                continue
            for part, other in ((KCQG, KCDP), (KCDP, KCQG)):
                known = self.get(dims, fund=part)
                missing = {**dims, "fund": other}
                if known is not None and _key(missing) not in self.by_key:
                    result = calc.difference(candidate.quantity, known.quantity)
                    self.by_key[_key(missing)] = Candidate(
                        missing,
                        result.as_quantity(),
                        candidate.figures + known.figures,
                        result,
                    )
        for candidate in list(self.by_key.values()):
            dims = candidate.dims
            if dims["fund"] != KCQG:
                continue
            other = self.get(dims, fund=KCDP)
            whole = {**dims, "fund": ALL}
            if other is not None and _key(whole) not in self.by_key:
                result = calc.total(candidate.quantity, other.quantity)
                self.by_key[_key(whole)] = Candidate(
                    whole,
                    result.as_quantity(),
                    candidate.figures + other.figures,
                    result,
                )

    def get(self, dims: dict, **changes) -> Candidate | None:
        return self.by_key.get(_key({**dims, **changes}))

    def all(self) -> list[Candidate]:
        return list(self.by_key.values())

    def contains(self, whole_area: int, part_area: int, year: int) -> bool:
        whole, part = self.areas.get(whole_area), self.areas.get(part_area)
        if whole is None or part is None or whole == part:
            return False
        if whole.kind == Area.Kind.NATION:
            return True
        if whole.kind == Area.Kind.REGION and part.kind == Area.Kind.PROVINCE:
            return (whole_area, part_area, year) in self.memberships
        return False


# --- Checking ----------------------------------------------------------------


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


def _closeness(value: Decimal, printed: Decimal) -> Decimal:
    return abs(value - printed) / (abs(printed) + 1)


def _amount_verdict(candidate: Candidate, quote: Quote) -> str:
    half = quote.step / 2
    printed = quote.value
    if abs(candidate.value - printed) <= half and (
        round_half_up(candidate.value / (quote.step or 1), 0) * quote.step == printed
        or quote.step == 0
    ):
        return MATCH
    if quote.step == 0 and candidate.value == printed:
        return MATCH
    low, high = candidate.quantity.low, candidate.quantity.high
    if printed - half <= high and printed + half >= low:
        return ROUNDING
    return MISMATCH


def _shown(candidate: Candidate, quote: Quote) -> str:
    indicator = candidate.figures[0].indicator if candidate.figures else None
    if quote.kind == "amount" and quote.step:
        scale = quote.step * Decimal(10) ** quote.decimals
        unit = next(
            (u for u, s in MONEY_UNITS.items() if s == scale and " " in u), None
        )
        if unit:
            return f"{format_number(candidate.value / scale, quote.decimals, strip=False)} {unit}"
    return format_value(candidate.value, indicator)


class Checker:
    """Checks the quotes of one article against its data blocks' figures."""

    def __init__(self, figures: list[Figure]):
        self.figures = figures
        self.candidates = Candidates(figures)
        self.context = _Context(figures)

    def check_parts(self, parts: list[tuple[str, str]]) -> Report:
        """``parts``: (name, plain text) pairs, e.g. title, lead, body."""
        report = Report()
        nouns = _count_nouns()
        for part, text in parts:
            quotes = find_quotes(text, part, nouns)
            self._check_text(text, quotes, report)
        return report

    def _check_text(self, text: str, quotes: list[Quote], report: Report) -> None:
        state = Cues()
        resolved: dict[int, Candidate | None] = {}
        sentences = _sentences(text)
        for sentence_start, sentence_end in sentences:
            in_sentence = [
                q for q in quotes if sentence_start <= q.start < sentence_end
            ]
            for quote in in_sentence:
                clause_start = max(
                    [sentence_start]
                    + [
                        m.end() + sentence_start
                        for m in _CLAUSE_BREAK.finditer(
                            text[sentence_start : quote.start]
                        )
                    ]
                )
                before_clause = text[clause_start : quote.start]
                before_sentence = text[sentence_start : quote.start]
                after = text[quote.end : sentence_end]
                cut = _AFTER_END.search(after)
                after = after[: cut.start()] if cut else after
                explicit = self.context.cues(before_clause)
                carried = self._carried(state, text[:sentence_start], before_sentence)
                if quote.kind == "percent":
                    finding = self._check_percent(
                        quote,
                        explicit,
                        carried,
                        after,
                        before_clause,
                        in_sentence,
                        resolved,
                    )
                else:
                    finding = self._check_amount(quote, explicit, carried)
                    resolved[id(quote)] = (
                        finding.candidate if finding.verdict != NO_DATA else None
                    )
                finding.context = (
                    text[max(sentence_start, quote.start - 120) : quote.start],
                    text[quote.start : quote.end],
                    text[quote.end : min(sentence_end, quote.end + 120)],
                )
                report.findings.append(finding)
            state = self._carried(state, "", text[sentence_start:sentence_end])

    def _carried(self, state: Cues, earlier: str, span: str) -> Cues:
        """The year and period in force: the last named outside a "so với"."""
        result = Cues(
            year=state.year, months=state.months, period_named=state.period_named
        )
        for match, year, months in _periods(span):
            clause = _CLAUSE_BREAK.split(span[: match.start()])[-1]
            if re.search(r"so với", clause, re.IGNORECASE):
                continue
            result.year, result.months, result.period_named = year, months, True
        return result

    def _choose(self, pool, explicit: Cues, carried: Cues, printed, value_of):
        best, best_key = None, None
        for candidate in pool:
            hard = _agrees(candidate.dims, explicit, hard=True)
            if hard is None:
                continue
            soft = _agrees(candidate.dims, carried, hard=False) or 0
            value = value_of(candidate)
            if value is None:
                continue
            key = (-(hard * 2 + soft), _closeness(value, printed))
            if best_key is None or key < best_key:
                best, best_key = candidate, key
        return best

    def _check_amount(
        self, quote: Quote, explicit: Cues, carried: Cues
    ) -> _AmountFinding:
        money = quote.kind == "amount"
        if quote.indicator is not None:  # "59 dự án": the noun names it
            explicit.indicator = quote.indicator
        if quote.role:
            explicit.measure = quote.role
        pool = [
            c
            for c in self.candidates.all()
            if (
                self.candidates.indicators[c.dims["indicator"]].unit
                == Indicator.Unit.VND
            )
            == money
            and (quote.indicator is None or c.dims["indicator"] == quote.indicator.pk)
        ]
        chosen = self._choose(pool, explicit, carried, quote.value, lambda c: c.value)
        if chosen is None:
            return _AmountFinding(quote, NO_DATA)
        verdict = _amount_verdict(chosen, quote)
        return _AmountFinding(
            quote,
            verdict,
            expected=_shown(chosen, quote),
            explanation=chosen.derived.explanation if chosen.derived else "",
            figures=chosen.figures,
            candidate=chosen,
        )

    def _check_percent(
        self, quote, explicit, carried, after, before_clause, in_sentence, resolved
    ) -> Finding:
        # The figure the percentage is of: the amount it follows in the sentence.
        numerator_quote = None
        for other in in_sentence:
            if other.start >= quote.start:
                break
            if other.kind != "percent" and not other.in_parens and other.role != "plan":
                numerator_quote = other
        if numerator_quote is not None:
            numerator = resolved.get(id(numerator_quote))
            if numerator is None:
                return Finding(quote, NO_DATA)
            numerators = [numerator]
        else:
            # No amount before it: the words of its clause must say what it
            # is of, or it is not compared at all ("lãi suất 6%").
            named = [
                explicit.fund,
                explicit.measure,
                explicit.area,
                explicit.indicator,
                explicit.year,
            ]
            if sum(cue is not None for cue in named) < 2:
                return Finding(quote, NO_DATA)
            numerators = [
                c
                for c in self.candidates.all()
                if _agrees(c.dims, explicit, hard=True) is not None
            ]
        kinds = self._percent_kinds(quote, before_clause, after)
        whole_cues = self.context.cues(after)
        base_year = whole_cues.year
        if base_year is None:
            compared = re.search(r"so với(.*)$", before_clause, re.IGNORECASE)
            if compared:
                periods = list(_periods(compared.group(1)))
                base_year = periods[-1][1] if periods else None
        printed = quote.value * (quote.sign or 1) / 100
        options: list[tuple[Derived, tuple[Figure, ...]]] = []
        for numerator in numerators:
            for kind in kinds:
                for result, other in self._derive(
                    kind, numerator, whole_cues, base_year
                ):
                    options.append((result, numerator.figures + other.figures))
        if not options:
            return Finding(quote, NO_DATA)
        result, figures = min(options, key=lambda o: _closeness(o[0].value, printed))
        verdict = result.check_printed(printed * 100, quote.decimals)
        return Finding(
            quote,
            verdict,
            expected=("+" if result.kind == "change" and result.value > 0 else "")
            + format_percent(result.value, quote.decimals),
            explanation=result.explanation,
            figures=figures,
        )

    @staticmethod
    def _percent_kinds(quote: Quote, before_clause: str, after: str) -> list[str]:
        if quote.sign:
            return ["change"]
        words = KIND_WORDS.findall(before_clause[-60:])
        last = words[-1].lower() if words else ""
        if last == "chiếm":
            return ["share"]
        if last in ("cao hơn", "thấp hơn", "tăng", "giảm", "vượt"):
            return ["change"]
        if last in ("đạt", "bằng") or re.search(r"kế hoạch", after, re.IGNORECASE):
            return ["ratio"]
        return ["ratio", "share", "change"]

    def _derive(self, kind: str, numerator: Candidate, cues: Cues, base_year):
        dims = numerator.dims
        if kind == "ratio":
            if dims["measure"] == Figure.Measure.PLAN:
                return
            plan = self.candidates.get(dims, measure=Figure.Measure.PLAN, months=None)
            if plan is not None and plan.value:
                yield calc.ratio(numerator.quantity, plan.quantity), plan
        elif kind == "change":
            year = base_year or dims["year"] - 1
            if year == dims["year"]:
                return
            base = self.candidates.get(dims, year=year)
            if base is not None and base.value:
                yield calc.change(numerator.quantity, base.quantity), base
        elif kind == "share":
            for whole in self.candidates.all():
                w = whole.dims
                if whole is numerator or not whole.value:
                    continue
                same = all(
                    w[k] == dims[k] for k in ("indicator", "content", "year", "months")
                )
                if not same:
                    continue
                if cues.measure is not None and w["measure"] != cues.measure:
                    continue
                if cues.measure is None and w["measure"] != dims["measure"]:
                    continue
                if cues.fund is not None and w["fund"] != cues.fund:
                    continue
                if cues.area is not None and w["area"] != cues.area.pk:
                    continue
                if cues.year is not None and w["year"] != cues.year:
                    continue
                wider_fund = w["fund"] == Figure.Fund.ALL and dims["fund"] != w["fund"]
                if w["area"] == dims["area"]:
                    if not wider_fund:
                        continue
                elif not self.candidates.contains(
                    w["area"], dims["area"], dims["year"]
                ) or w["fund"] not in (dims["fund"], Figure.Fund.ALL):
                    continue
                yield calc.share(numerator.quantity, whole.quantity), whole


@dataclass
class _AmountFinding(Finding):
    candidate: Candidate | None = None
