"""Amounts that are one figure less another: what is left of a plan
("chưa giải ngân", "còn lại": the plan less what was executed) and what
was added in a later period ("riêng tháng 7 đã giải ngân thêm …", "quý III
giải ngân thêm …": the figure of a longer period less that of a shorter
one of the same year); and what is left of a whole once the parts the
text named are taken ("Phần còn lại, 36 tỷ đồng": the whole less their
sum)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..core.derived import difference
from ..core.models import Figure
from . import idents
from .candidates import Candidate, Candidates, old_whole
from .choose import Option
from .columns import IN_PERIOD, RUNNING_TOTAL
from .idents import Computed
from .lists import sum_candidate
from .periods import PART_OF_YEAR, last_part, periods_in
from .places import Place
from .report import Quote

_MORE = re.compile(
    r"(?<!\w)thêm(?:\s+(?:được\s+)?(?:hơn|gần|khoảng|trên|xấp xỉ|chừng))?\s*$",
    re.IGNORECASE,
)


def is_increment(quote: Quote, place: Place) -> str:
    """ "Giải ngân thêm 1,53 tỷ đồng": an amount added, not a total ("more");
    "riêng quý IV giải ngân …": one of a part of the year ("part"), which a
    stored figure of that period may also be."""
    if quote.kind not in ("amount", "count") or quote.sign:
        return ""  # "quý IV hoàn thành thêm 8 đề án": counts are added too
    if _MORE.search(place.before_clause):
        return "more"
    part = last_part(place.before_clause)
    if part is None:
        # a table's column "Quý II" beside "Lũy kế 9 tháng": that quarter
        # alone; "Giải ngân trong kỳ" beside "Lũy kế": the row's period alone
        alone = PART_OF_YEAR.search(quote.header) or _beside_running_total(quote, place)
        return "part" if alone else ""
    # "riêng tháng 10 giải ngân 1,1 tỷ đồng (hết tháng 9: 9,9 tỷ đồng)", "…,
    # so với lũy kế 9 tháng là 17,4 tỷ đồng": a period named after the part
    # is this number's own, a level, not the part
    # ("Riêng tháng 10 năm 2025": a year alone only says whose the part is)
    later = place.before_clause[part.match.end() :] + " " + place.in_parens
    levels = [
        m for m, _, months in periods_in(later, compared=True) if _of_months(m, months)
    ]
    return "" if levels else "part"


def _beside_running_total(quote: Quote, place: Place) -> bool:
    """A table cell of a period's own addition ("Giải ngân trong kỳ") in a
    row that also holds the running total ("Lũy kế")."""
    return bool(IN_PERIOD.search(quote.column)) and any(
        RUNNING_TOTAL.search(other.column) for other in place.in_sentence
    )


def _of_months(match, months) -> bool:
    """A period that is more than a bare year: some months of it named."""
    return months is not None or "tháng" in match.group(0).lower()


#: "16 đề án còn lại đang lắp đặt thiết bị": the rest, named after the number
REST_AFTER = re.compile(
    r"\s*(?:"
    # "còn 5,1 tỷ đồng kinh phí khuyến công chưa giải ngân", "5,1 tỷ đồng
    # kinh phí còn lại sẽ giải ngân …": the money named between the number
    # and the words ("17 tỷ đồng vốn còn lại sau điều chỉnh": no remainder)
    r"(?:(?:kinh phí|vốn|ngân sách)(?:\s+(?:khuyến công|sự nghiệp))?"
    r"(?:\s+(?:quốc gia|địa phương|tỉnh|KCQG|KC[ĐD]P))?\s+)?"
    r"(?:chưa (?:được )?(?:giải ngân|thực hiện|hoàn thành|chi)"
    r"|còn lại(?=\s+(?:chưa|sẽ|phải|cần|đang|dự kiến)(?!\w)))"
    r"|còn lại"
    # "21/25 đề án; 4 đề án phải dừng", "… không thực hiện được": those of
    # the plan dropped, the plan less what was done
    r"|không (?:thực hiện|triển khai|hoàn thành) được|(?:phải|bị|xin) (?:dừng|hủy)"
    # "281,4 triệu đồng không sử dụng hết phải hủy dự toán": the plan unspent
    # (said to go back, and no amount given back: "2,2 tỷ không sử dụng hết,
    # phải trả lại 200 triệu" is the plan)
    r"|(?:không|chưa) (?:sử dụng|dùng|giải ngân|chi|tiêu) hết[,\s]+"
    r"(?:phải|bị|xin)\s+(?:hủy|hoàn trả|trả lại|nộp trả)(?![^.;]*\d)"
    r"|bị (?:dừng|hủy|loại))(?!\w)",
    re.IGNORECASE,
)
#: "sau hợp nhất, tỉnh bổ sung 400 triệu đồng": added to a whole on top of
#: the parts it was made of (the new plan less the old plans named before)
_ADDED = re.compile(
    r"(?<!\w)(?:được\s+)?(?:cấp\s+|bố trí\s+)?bổ sung(?:\s+thêm)?\s*$", re.IGNORECASE
)


#: "… và 500 triệu đồng bổ sung sau ngày 1/7": the same, said after it
#: with who added it between ("500 triệu đồng tỉnh bổ sung", "… do tỉnh
#: mới bổ sung"): up to three words, no number or stop
_ADDED_AFTER = re.compile(
    r"\s*(?:[^\W\d]+(?:\s+[^\W\d]+){0,2}?\s+)??(?:được\s+)?bổ sung(?!\w)",
    re.IGNORECASE,
)


def is_added(quote: Quote, place: Place) -> bool:
    return (
        quote.kind == "amount"
        and not quote.sign
        and bool(_ADDED.search(place.own) or _ADDED_AFTER.match(place.after))
    )


def left_of(
    candidates: Candidates, plans: list[Option], months=None, carried=None
) -> list[Option]:
    """Each plan (and the year's estimate beside it: "để về đích, quý IV
    còn phải giải ngân …") less what was executed: in the period the text
    names (``months``: None for the whole year), else in the plan's period,
    else in the longest part of it stored (only an assumed reading when
    the text named a period or several parts are stored: a figure of 6
    months must not be judged against 9 months'). A period carried from
    sentences before (``carried``: the figures read before in the sentence)
    is not in force when those were spent in another ("thực hiện 5,3/5,5
    tỷ đồng; còn 0,2 tỷ": the period of the 5,3), nor when none of it is
    stored for these plans: the whole year's."""
    options = []
    if carried is not None:
        months = _period_spent(carried, months)
    for option in plans:
        plan = candidates.by_node[str(option.node)]
        wholes = [plan, candidates.get(plan.dims, measure=Figure.Measure.ESTIMATE)]
        period = {} if months is None else {"months": months}
        done = candidates.get(plan.dims, measure=Figure.Measure.EXECUTED, **period)
        if done is None and carried is not None:
            done = candidates.get(plan.dims, measure=Figure.Measure.EXECUTED)
        guessed = False
        if done is None:
            parts = _shorter_parts(candidates, plan)
            done = max(parts, key=lambda item: item[0])[1] if parts else None
            guessed = bool(period) or len(parts) > 1
        if done is not None:
            options += [
                _less(w, done, option, guessed) for w in wholes if w is not None
            ]
        if wholes[1] is not None:  # "ước cả năm …; số còn lại": of the estimate
            options.append(_less(plan, wholes[1], option, assumed=True))
    return options


def _period_spent(read: list, months):
    """The one period of what was spent, read before in the sentence, else
    ``months``."""
    periods = {
        c.dims["months"]
        for c in read
        if c is not None and c.dims.get("measure") == Figure.Measure.EXECUTED
    }
    return periods.pop() if len(periods) == 1 else months


_MOVED = ("measure", "months")


def _shorter_parts(candidates: Candidates, plan: Candidate) -> list:
    """(months, candidate) executed in a shorter period of the plan's year."""
    whole = _length(plan.dims["months"])
    return [
        (length, c)
        for c in candidates.all()
        if c.dims["measure"] == Figure.Measure.EXECUTED
        and all(c.dims[k] == plan.dims[k] for k in plan.dims if k not in _MOVED)
        and (length := _length(c.dims["months"])) is not None
        and whole is not None
        and length < whole
    ]


def rest_of(
    candidates: Candidates, wholes: list[Option], parts, near=None
) -> list[Option]:
    """Each whole less the sum of the parts named before (at least two,
    alike but for an area inside the whole's). Parts not all ``near`` (in
    the quote's sentence) make it only an assumed reading: anything the
    text named earlier may be among them."""
    near_nodes = {str(p.node) for p in near or () if p is not None}
    options = []
    for option in wholes:
        whole = candidates.by_node.get(str(option.node))
        if whole is None:
            continue
        dims = whole.dims
        inside = {
            str(p.node): p
            for p in parts
            if p is not None
            and all(p.dims[k] == dims[k] for k in dims if k != "area")
            and candidates.contains(dims["area"], p.dims["area"], dims["year"])
        }
        # a total of parts read before ("A, B, tổng …") is no further part
        inside = {
            k: p
            for k, p in inside.items()
            if not any(
                q is not p and set(q.figures) < set(p.figures) for q in inside.values()
            )
        }
        if len(inside) >= 2:
            far = not set(inside) <= near_nodes
            rest = sum_candidate(list(inside.values()))
            options.append(_less(whole, rest, option, far))
        for part in _old_sums_of(whole, parts):
            # "gồm tổng kế hoạch hai tỉnh cũ 11,4 tỷ và 600 triệu bổ sung":
            # their sum printed as one number is all the parts
            far = str(part.node) not in near_nodes
            options.append(_less(whole, part, option, far))
    return options


def _old_sums_of(whole: Candidate, parts) -> list[Candidate]:
    """Among ``parts``, the old provinces of the merged ``whole`` added
    up, alike but for that."""
    dims = whole.dims
    return [
        p
        for p in {str(p.node): p for p in parts if p is not None}.values()
        if dims["area"] > 0
        and p.dims["area"] == old_whole(dims["area"])
        and all(p.dims[k] == dims[k] for k in dims if k != "area")
    ]


def increments(candidates: Candidates, totals: list[Option]) -> list[Option]:
    """Each figure of a period less the same figure of a shorter period of
    the same year (a whole year counts as 12 months)."""
    return [
        _less(whole, earlier, option)
        for option, whole, earlier, *_ in _pairs(candidates, totals)
    ]


def part_of_year(candidates: Candidates, totals: list[Option], place: Place):
    """Each figure itself (a table's quarter may be stored) and
    ``increments``; of the months named (``last_part``), the months up to
    the last less those before the first, when stored (else those up to the
    last less any shorter): then alone for the first number after them, if
    the first is not January (not "riêng tháng 10 giải ngân 1,26 tỷ …, số
    đề án tăng từ 24 lên 27")."""
    pairs = _pairs(candidates, totals)
    part = last_part(place.before_clause)
    if part is not None and part.months is not None:
        first, month = part.months
        tests = [lambda p: p[3:] == (month, first - 1), lambda p: p[3] == month]
        if part.ranged and not any(tests[0](p) for p in pairs):
            # "từ 1/10 đến 31/12" with no 9 months stored: nothing reads it
            return [replace(o, assumed=True) for o in totals]
        for fits in tests:
            if any(fits(p) for p in pairs):
                # the month named picks these: as well supported as any
                top = max(totals, key=lambda o: (o.words, o.evidence))
                lift = {"words": top.words, "evidence": top.evidence}
                pairs = [(replace(p[0], **lift), *p[1:]) for p in pairs if fits(p)]
                alone = first > 1 and PART_OF_YEAR.search(place.own)
                if alone and pairs[0][3:] == (month, first - 1):
                    totals = []
                break
    return totals + [
        _less(whole, earlier, option) for option, whole, earlier, *_ in pairs
    ]


def _pairs(candidates: Candidates, totals: list[Option]) -> list[tuple]:
    """(option, whole, earlier, months, shorter): each figure read and the
    same figure of a shorter period of its year."""
    pairs = []
    for option in totals:
        whole = candidates.by_node[str(option.node)]
        months = _length(whole.dims["months"])
        if months is None:
            continue
        for earlier in candidates.all():
            shorter = _length(earlier.dims["months"])
            same = all(
                earlier.dims[k] == whole.dims[k] for k in whole.dims if k != "months"
            )
            if same and shorter is not None and shorter < months:
                pairs.append((option, whole, earlier, months, shorter))
    return pairs


def year_increments(candidates: Candidates, totals: list[Option]) -> list[Option]:
    """ "Kế hoạch năm 2026 tăng 9,8%, tức thêm 1,6 tỷ đồng": each figure less
    the same figure of the year before; only an assumed reading (the text
    may add to anything), so never a confident mismatch."""
    options = []
    for option in totals:
        whole = candidates.by_node[str(option.node)]
        earlier = candidates.get(whole.dims, year=whole.dims["year"] - 1)
        if earlier is not None:
            options.append(_less(whole, earlier, option, assumed=True))
    return options


def derived_candidate(candidates: Candidates, ident: str) -> Candidate | None:
    """A difference or a sum read for a number ("diff:a-b", "sum:a+b"), as a
    candidate a later percentage or multiple can be of: with the first
    figure's dimensions (what was disbursed in the months since, in the
    longer period's; listed areas' together, in the first one's)."""
    if not ident.startswith(("diff:", "sum:")):
        return None
    try:
        node = idents.parse(ident)
    except idents.IdentError:
        return None
    parts = [candidates.by_node.get(str(a)) for a in node.args]
    if None in parts or len(parts) < 2:
        return None
    if node.op == "sum":
        return sum_candidate(parts)
    if len(parts) != 2:
        return None
    first, second = parts
    result = difference(first.quantity, second.quantity)
    wide = difference(first.wide or first.quantity, second.wide or second.quantity)
    return Candidate(
        dict(first.dims),
        result.as_quantity(),
        first.figures + second.figures,
        node,
        result,
        wide.as_quantity(),
    )


def _length(months) -> int | None:
    if months is None:
        return 12
    return months if isinstance(months, int) else None


def _less(first, second, option: Option, assumed: bool = False) -> Option:
    """first − second, as sure as ``option`` (first's reading) and no surer."""
    result = difference(first.quantity, second.quantity)
    computed = Computed(result, first.figures + second.figures, "value")
    node = idents.op("diff", first.node, second.node)
    return Option(
        node, computed, option.words, option.evidence, assumed=option.assumed or assumed
    )


def increment_whole(candidates: Candidates, part: Candidate) -> list[Candidate]:
    """What an increment ("riêng quý IV giải ngân 2,2 tỷ đồng": the year
    less its 9 months) is a share of ("chiếm 26,75% cả năm"): the longer
    period's figure it was taken from, of the same fund and area."""
    node = part.node
    if getattr(node, "op", None) != "diff" or len(node.args) != 2:
        return []
    longer, shorter = (candidates.by_node.get(str(a)) for a in node.args)
    if longer is None or shorter is None:
        return []
    same = all(longer.dims[k] == shorter.dims[k] for k in longer.dims if k != "months")
    return [longer] if same and longer.dims["months"] != shorter.dims["months"] else []
