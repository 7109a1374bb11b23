"""The amounts a rate is worked from, beyond what its words name: what
was spent of the plan quoted before it ("được giao 2.100 triệu đồng, giải
ngân đạt 97,08%"), a table's column named in a rate column's title, the
year the amounts before it in its sentence share, and the amounts the text
printed ("gấp 1,53 lần" after two of them, "so với con số này")."""

from __future__ import annotations

import re

from ..core.derived import change, ratio
from ..core.models import Figure, Indicator
from . import idents
from .candidates import Candidate
from .choose import Option
from .columns import IN_PERIOD, RUNNING_TOTAL
from .idents import Computed

#: "giải ngân đạt", "thực hiện được": what was spent of the plan before it
_SPENT = re.compile(r"(?<!\w)(?:giải ngân|thực hiện)(?!\w)", re.IGNORECASE)
_NOT_SPENT = re.compile(
    r"(?<!\w)(?:chưa\s+(?:được\s+)?(?:giải ngân|thực hiện)|còn phải|còn lại)(?!\w)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:(]")


def spent_of(candidates, numerator: Candidate, between: str) -> Candidate:
    """ "Được giao 2.100 triệu đồng, giải ngân đạt 97,08%": a rate after a
    plan, the words between them saying it was spent, is of what was
    executed of it (then over that plan), not of the plan itself; after what
    is left of a plan, what was spent of it ("còn lại 5,1 tỷ, giải ngân đạt
    70%": the spent figure the remainder was worked from), unless the words
    say what was not spent ("tức là chưa giải ngân được 30%")."""
    if numerator.dims.get("measure") != Figure.Measure.PLAN or not _SPENT.search(
        between
    ):
        return numerator
    if numerator.node.op == "diff":
        # the rate's own clause: the amount's own "chưa giải ngân" before it
        # says nothing of the rate
        clause = _CLAUSE_BREAK.split(between)[-1]
        if not _SPENT.search(clause):
            return numerator
        spent = candidates.by_node.get(str(numerator.node.args[1]))
        unspent = _NOT_SPENT.search(clause)
        executed = spent is not None and spent.dims["measure"] != Figure.Measure.PLAN
        return spent if executed and not unspent else numerator
    spent = candidates.get(numerator.dims, measure=Figure.Measure.EXECUTED)
    return spent or numerator


def of_column(previous, quote, place):
    """A rate column of a table titled "A/B (%)" ("TH 11 tháng/KH (%)")
    divides the row's cell of column A, not the last one before it (an
    estimate for the year, in the next column); any other, after a
    period's own addition ("Lũy kế", "Giải ngân trong kỳ", "Tỷ lệ"), the
    running total's rate, unless its title says it is the period's."""
    numerator = quote.column.split("/")[0].strip().lower() if quote.column else ""
    row = place.in_sentence[: place.in_sentence.index(quote)]
    if "/" not in quote.column or not numerator:
        if _of_spent(quote.column) and _NOT_SPENT.search(previous.column or ""):
            # "Chưa giải ngân | Tỷ lệ giải ngân (%)": the rate of what was
            # spent, the column before it what was not
            spent = [o for o in row if o.kind == previous.kind and _of_spent(o.column)]
            return spent[-1] if spent else previous
        if not IN_PERIOD.search(previous.column) or IN_PERIOD.search(quote.column):
            return previous
        totals = [
            o for o in row if o.kind == previous.kind and RUNNING_TOTAL.search(o.column)
        ]
        return totals[-1] if totals else previous
    for other in reversed(row):
        if other.kind == previous.kind and other.column.lower().startswith(numerator):
            return other
    return previous


def _of_spent(title: str | None) -> bool:
    """A column titled by what was spent ("Đã giải ngân", "Tỷ lệ giải
    ngân"), not by what was not ("Chưa giải ngân")."""
    return bool(_SPENT.search(title or "")) and not _NOT_SPENT.search(title or "")


def read_year(quote, place, resolved) -> int | None:
    """ "…, nguồn địa phương 5,6 tỷ đồng, tỷ trọng KCQG 20%": the year the
    amounts before a rate in its sentence were read as (numbers near each
    other share their year), when they agree on one."""
    years = {
        candidate.dims.get("year")
        for other in place.in_sentence
        if place.clause_start <= other.start
        and other.end <= quote.start
        and not (other.in_parens or other.role == "old" or other.sign)
        and (candidate := resolved.get(id(other))) is not None
    }
    return years.pop() if len(years) == 1 else None


def times_earlier(listed, numerators) -> list[Option]:
    """ "6 tháng đầu năm chi 3,2 tỷ, còn nửa cuối năm 4,91 tỷ, gấp 1,53
    lần": a multiple with nothing after it, after two amounts of its
    sentence, is the larger one's over the other (as well supported by the
    words as the last one, its numerator)."""
    amounts = [c for c in listed if c is not None and of_money(c)]
    if len(amounts) < 2:
        return []
    support = max((s for n, s in numerators if n is amounts[-1]), default=None)
    top, base = sorted(amounts[-2:], key=lambda c: c.value, reverse=True)
    if support is None or not base.value:
        return []
    result = ratio(top.wide, base.wide)
    computed = Computed(result, top.figures + base.figures, "times")
    return [Option(idents.op("times", top.node, base.node), computed, support, 1)]


def change_against(numerator: Candidate, base: Candidate, support: float) -> Option:
    result = change(numerator.wide, base.wide)
    computed = Computed(result, numerator.figures + base.figures, "fraction")
    return Option(idents.op("change", numerator.node, base.node), computed, support, 1)


def of_money(candidate: Candidate) -> bool:
    return all(f.indicator.unit == Indicator.Unit.VND for f in candidate.figures)
