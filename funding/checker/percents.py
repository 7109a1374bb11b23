"""What a derived number is of: a percentage as a ratio to plan ("đạt …
kế hoạch"), a share of a wider whole ("chiếm"), a change against another
period ("tăng", "cao hơn … so với năm X"); a multiple ("gấp 1,5 lần"); a
difference ("ít hơn 4 đề án"). The readings a numerator allows."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core.derived import change, difference, ratio, share
from ..core.models import Figure
from . import idents
from .candidates import Candidate, Candidates, holds_old
from .choose import Option
from .cues import Cues
from .idents import Computed, Node
from .increments import increment_whole
from .lists import sum_candidate
from .periods import compared_until, periods_in
from .places import LAST_YEAR, THIS_YEAR, Place
from .report import Quote
from .sides import (
    compared_elsewhere,
    compared_year,
    of_named,
    rate_named,
    year_after,
    year_before_new,
)
from .wholes import successor_wholes
from .years import HOW_MANY, period_start, years_spanned

KIND_WORDS = re.compile(
    r"chiếm|đạt|bằng|cao hơn|thấp hơn|tăng|giảm|vượt", re.IGNORECASE
)
#: "(so với) năm 2023", "cùng kỳ", "năm trước" right after a percentage
_OTHER_PERIOD = re.compile(
    r"\s*(?:so với\s+)?(?:(?:của\s+)?(?:năm|cùng kỳ)\b(?!\s+(?:kế hoạch|dự toán)))",
    re.IGNORECASE,
)
#: a rank ("hạng 2", "xếp thứ ba", "đứng đầu", "dẫn đầu"): a percentage
#: beside it, no other word saying what it is, is the rate areas are
#: ranked by, what was spent of the plan
RANKED = re.compile(
    r"(?<!\w)(?:hạng\s+(?:\d+|nhất|nhì|ba|tư|cuối)|(?:xếp|đứng)\s+thứ\s+\w+"
    r"|đứng đầu|dẫn đầu|đứng cuối|xếp cuối|cuối bảng)(?!\w)",
    re.IGNORECASE,
)
#: the whole a share is of, right after "bằng x%": "tổng …", "cả nước", and
#: with "của" or a counted noun before it ("của cả nước", "số đề án cả
#: nước"), or "cả năm" (a part of the year's own figure)
_WHOLE = re.compile(
    r"\s*(?:của\s+)?(?:số\s+[^\W\d]+(?:\s+[^\W\d]+)?\s+)?"
    r"(?:tổng|toàn bộ|toàn vùng|toàn quốc|cả nước|cả năm)(?!\w)",
    re.IGNORECASE,
)
#: "bằng 32,05% kinh phí cả năm": of the year's money, spent or planned
_YEAR_MONEY = re.compile(
    r"\s*(?:của\s+)?(?:kinh phí|vốn|số tiền)\s+(?:của\s+)?cả\s+năm(?!\w)", re.I
)
_TOTAL_PLAN = re.compile(r"\s*(?:của\s+)?tổng\s+(?:kế hoạch|dự toán)(?!\w)", re.I)
_FUNCTIONS = {
    "level": (ratio, "fraction"),
    "ratio": (ratio, "fraction"),
    "change": (change, "fraction"),
    "share": (share, "fraction"),
    "times": (ratio, "times"),
    "diff": (difference, "value"),
}


#: "tăng bình quân 8%/năm", "giảm trung bình 3% mỗi năm": an average yearly
#: rate, which no two figures give
_PER_YEAR = re.compile(r"\s*(?:/\s*năm|(?:mỗi|hằng|hàng)\s+năm)(?!\w)", re.IGNORECASE)
_AVERAGE = re.compile(r"(?:tăng|giảm)\s+(?:bình quân|trung bình)\s*$", re.IGNORECASE)


def percent_kinds(quote: Quote, place: Place) -> list[str]:
    if quote.kind == "times":
        return ["times"]
    if quote.kind == "points":
        return []
    if _PER_YEAR.match(place.after) or _AVERAGE.search(place.before_clause):
        return []
    if quote.kind in ("amount", "count"):
        return ["diff"]
    if quote.sign:
        return ["change"]
    if re.search(r"(?:lên|xuống|còn)\s*$", place.before_clause):
        return ["share", "ratio"]  # "tăng …, lên 44,33%": the new level
    header = quote.header.lower()
    if re.search(r"tỷ trọng|cơ cấu", header):
        return ["share"]
    if re.search(r"tỷ lệ|so với kế hoạch", header):
        return ["ratio"]
    named = rate_named(quote, place)
    if named:  # "cao hơn tỷ lệ chung của các tỉnh phía Bắc (74,03%)": its value
        return ["share"] if named[1].lower() != "tỷ lệ" else ["ratio"]
    words = _kind_words((place.before_clause + " " + place.in_parens)[-60:])
    last = words[-1].lower() if words else ""
    if last == "chiếm":
        return ["share"]
    if last in ("cao hơn", "thấp hơn", "tăng", "giảm", "vượt"):
        return ["change"]
    if last in ("đạt", "bằng") and _TOTAL_PLAN.match(place.after):
        # "giải ngân 4,2 tỷ, đạt 95% tổng kế hoạch của hai tỉnh cũ": of the
        # plan (a part of the plan: its share)
        return ["ratio", "share"]
    if last in ("đạt", "bằng") and _YEAR_MONEY.match(place.after):
        return ["share", "ratio"]
    if last in ("đạt", "bằng") and _WHOLE.match(place.after):
        # "bằng 0,98% tổng kinh phí … cả nước": a share; "bằng 104,2% tổng
        # kinh phí năm 2024": the same total in another year
        return ["share", "level"] if periods_of(place.after) else ["share"]
    if last in ("đạt", "bằng") and _OTHER_PERIOD.match(place.after):
        return ["level"]  # "bằng 118,4% năm 2023": of the same figure then
    if last == "bằng" and of_named(place.after):
        return ["level", "ratio"]  # "chỉ bằng 62,44% của Quảng Bình"
    if last in ("đạt", "bằng") or re.search(r"kế hoạch", place.after, re.IGNORECASE):
        return ["ratio"]
    if not last and re.search(r"tỷ trọng|cơ cấu", place.before_clause, re.I):
        return ["share"]  # "tỷ trọng … là 40,57%"
    if not last and RANKED.search(place.before_clause + " " + place.in_parens):
        return ["ratio"]  # "A xếp thứ ba (97,35%)", "vươn lên hạng 2 với 97,97%"
    return ["ratio", "share", "change"]


def periods_of(span: str) -> list:
    return [year for _m, year, _months in periods_in(span, compared=True) if year]


def _kind_words(span: str) -> list[str]:
    """The words saying what a percentage is, not inside a proper name
    ("Cao Bằng", "Đồng Bằng")."""
    found = []
    for match in KIND_WORDS.finditer(span):
        before = span[: match.start()].split()
        if match.group(0)[:1].isupper() and before and before[-1][:1].isupper():
            continue
        found.append(match.group(0))
    return found


def base_year(place: Place, kept: Cues) -> int | None:
    """The year a number is compared with: "so với năm 2023", else the
    year before the one in force."""
    if (compared := compared_year(place)) is not None:
        return compared
    if compared_until(place.after):  # "… so với hết tháng 10": the same year's
        return kept.year
    back = _YEARS_BACK.search(place.before_clause)
    if back and kept.year:  # "…, năm 2024 19,9 tỷ, tức hai năm tăng 20,69%"
        return kept.year - HOW_MANY[back["n"].lower()]
    # "Từ năm 2021 đến năm 2023, … tăng từ 31 lên 38": the span's first year
    span = _SPAN.search(place.before_sentence_plain)
    if span:
        return int(span.group(1))
    first = period_start(place.before_sentence_plain, kept.year)  # "giai đoạn"
    return first or (kept.year - 1 if kept.year else None)


#: "hai năm tăng", "sau 3 năm đã tăng": a change over that many years
_YEARS_BACK = re.compile(
    r"(?<!\w)(?P<n>hai|ba|bốn|[2-5])\s+năm(?:\s+qua)?\s+(?:đã\s+)?"
    r"(?:tăng|giảm)(?:\s+(?:thêm|được|tới|khoảng|gần|hơn))?\s*$",
    re.IGNORECASE,
)
_SPAN = re.compile(
    r"(?<!\w)từ\s+năm\s+((?:19|20)\d{2})\s+(?:đến|tới)\s+(?:năm\s+)?(?:19|20)\d{2}",
    re.IGNORECASE,
)


def own_year(quote, place: Place, kept: Cues) -> int | None:
    """The year of an amount or count itself: named right after it, or, for
    the first number of "từ … lên …", the year it is compared with (the
    year before the second number's own, when another number of the
    sentence holds the comparison named: ``sides``)."""
    old = quote.role == "old" and (
        (_before_new_holds(quote, place) and year_before_new(quote, place))
        or base_year(place, kept)
    )
    return year_after(place, quote) or old or None


def _before_new_holds(quote: Quote, place: Place) -> bool:
    """Whether the pair's first number is of the year before its second's:
    no year or span named as compared with, or the one named held by a
    later number (``compared_elsewhere``)."""
    named = compared_year(place) or years_spanned(place.before_sentence_plain)
    return not named or compared_elsewhere(quote, place)


def assume_base(options, quote: Quote, place: Place, candidates, context) -> None:
    """The first number of "từ … xuống/lên …" about a plan, read as a figure
    of the year before the one in force only because no year is named: a
    plan may be revised within its year ("điều chỉnh kế hoạch, giảm từ 7,5
    tỷ xuống 6,85 tỷ": the same year's plan before the adjustment), so that
    is a guess and a mismatch of it is only unsure. So is the year before
    the one carried from earlier sentences (which may be a target's: "Năm
    2025, Trung tâm phấn đấu …"): only a year of its own sentence says
    which year the rise is over."""
    if quote.role != "old" or year_after(place, quote) or compared_year(place):
        return
    if _SPAN.search(place.before_sentence_plain):
        return
    planned = context.cues(place.before_sentence_plain).measure == Figure.Measure.PLAN
    carried = not periods_of(place.sentence_text)
    for option in options:
        candidate = candidates.by_node.get(str(option.node))
        measure = candidate.dims["measure"] if candidate else None
        if planned or carried or measure == Figure.Measure.PLAN:
            option.assumed = True


def derive(
    candidates: Candidates,
    kind: str,
    numerator: Candidate,
    cues: Cues,
    place: Place,
    listed=(),
) -> Iterator[tuple[Node, Computed]]:
    """Each reading of ``kind`` with ``numerator`` on top; a share may also
    be of the parts ``listed`` before it in the sentence, added up."""
    if kind == "share":
        others = [
            w
            for w in candidates.all()
            if w is not numerator and _is_whole_of(candidates, w, numerator, cues)
        ]
        others += [w for w in [listed_whole(candidates, numerator, listed)] if w]
        others += increment_whole(candidates, numerator)  # "quý IV … cả năm"
        others += successor_wholes(candidates, numerator, cues, _is_whole_of)
        # a sum read before that adds it up ("…, trong đó A chiếm 67,79%")
        mine = str(numerator.node)
        others += [
            w
            for w in listed
            if w is not None
            and w.node.op == "sum"
            and any(str(part) == mine for part in w.node.args)
        ]
    else:
        others = _bases(candidates, kind, numerator, cues, place)
    for other in others:
        if not other.value or other is numerator or other.node == numerator.node:
            continue
        yield against(kind, numerator, other)


def against(kind: str, numerator: Candidate, base: Candidate) -> tuple[Node, Computed]:
    """The reading of ``kind`` of ``numerator`` over ``base``."""
    function, unit = _FUNCTIONS[kind]
    result = function(numerator.wide, base.wide)
    node = idents.op("ratio" if kind == "level" else kind, numerator.node, base.node)
    return node, Computed(result, numerator.figures + base.figures, unit)


def options_against(
    kinds, numerator: Candidate, base: Candidate, words: float, options: list[Option]
) -> list[Option]:
    """The readings of each of ``kinds`` of ``numerator`` over ``base``, with
    word support ``words``: a base the text's shape names beside those its
    words give, so none ``options`` has already."""
    have = {str(o.node) for o in options}
    found = [Option(*against(kind, numerator, base), words, 1) for kind in kinds]
    return [o for o in found if str(o.node) not in have]


def from_pair_base(quote: Quote, place: Place, resolved) -> Candidate | None:
    """ "tăng từ 1,85 tỷ đồng năm 2021 lên 2,64 tỷ đồng năm 2023, tức tăng
    42,7%": the first number of the pair before a change is its base,
    whatever years lie between; None when there is none read."""
    olds = [q for q in place.in_sentence if q.end <= quote.start and q.role == "old"]
    return resolved.get(id(olds[-1])) if olds else None


def listed_whole(
    candidates: Candidates, numerator: Candidate, parts
) -> Candidate | None:
    """ "13,2; 4,1 và 7,6 tỷ đồng cho A, B và C, tổng cộng 24,9 tỷ đồng; riêng
    C chiếm 30,5%": the numerator and the parts listed with it (alike but
    for the area, none inside another: a whole and its part are no list),
    added up."""
    alike = {
        str(p.node): p
        for p in parts
        if p is not None
        and all(p.dims[k] == numerator.dims[k] for k in p.dims if k != "area")
    }
    if str(numerator.node) not in alike or len(alike) < 2:
        return None
    areas = {p.dims["area"] for p in alike.values()}
    year = numerator.dims["year"]
    if len(areas) < len(alike) or any(
        a != b and candidates.contains(a, b, year) for a in areas for b in areas
    ):
        return None
    return sum_candidate(list(alike.values()))


def _bases(candidates, kind, numerator, cues: Cues, place: Place) -> list[Candidate]:
    """What a ratio, change, multiple or difference compares with: the
    numerator's figure with what the words after the number change (for a
    sum of figures, the sum of each one's)."""
    if numerator.parts and not cues.areas:  # "của tỉnh mới": one whole's
        each = [_bases(candidates, kind, p, cues, place) for p in numerator.parts]
        if all(len(found) == 1 for found in each):
            return [sum_candidate([found[0] for found in each])]
        return []
    dims = numerator.dims
    changes: dict = {}
    if kind == "ratio":
        changes = {"measure": Figure.Measure.PLAN, "months": None}
    if cues.year:
        changes["year"] = cues.year
    same_period = re.search(r"cùng kỳ", place.sentence_text, re.IGNORECASE)
    if cues.period_named and (not same_period or _months_first(place.after)):
        changes["months"] = cues.months
    for name in ("measure", "fund"):
        if getattr(cues, name):
            changes[name] = getattr(cues, name)
    other = any(changes.get(n, dims[n]) != dims[n] for n in ("measure", "fund")) or (
        cues.areas and dims["area"] not in cues.areas
    )
    years = [None]
    if kind != "ratio" and "year" not in changes and "months" not in changes:
        # the same year ("gấp 1,46 lần vốn quốc gia"), unless "năm trước" is said
        ahead = other and not LAST_YEAR.search(place.after)
        compared = base_year(place, Cues(year=dims["year"] + (1 if ahead else 0)))
        years = [compared or dims["year"] - 1]
    this_year = THIS_YEAR.search(place.sentence_text) and not _named_year(place)
    if kind != "ratio" and other and "year" not in changes and this_year:
        # "kế hoạch 2026 cao hơn ước thực hiện năm nay": another measure of
        # "this year", the same year's or, with none, the year before
        years.append((years[0] or dims["year"]) - 1)
    if (
        kind == "ratio"
        and dims["measure"] == changes.get("measure") == "plan"
        and numerator.node.op != "diff"  # what is left of a plan is no plan
    ):
        return []
    areas = cues.areas or {dims["area"]}
    for year in years:
        changed = changes if year is None else {**changes, "year": year}
        found = [candidates.get(dims, **changed, area=a) for a in areas]
        if any(found):
            break
    return [c for c in found if c is not None]


def _months_first(after: str) -> bool:
    """ "gấp 1,05 lần nửa đầu năm": the months named right after a rate are
    its base's, whatever "cùng kỳ" the sentence names elsewhere."""
    return any(m.start() < 12 and months for m, _y, months in periods_in(after))


def _named_year(place: Place) -> bool:
    return bool(compared_year(place) or _SPAN.search(place.before_sentence_plain))


_COMPARING = re.compile(
    r"(?<!\w)(?:cao hơn|thấp hơn|tăng|giảm|vượt)(?:\s+so với)?\s+(?P<base>[^\d,;]+?)\s*$",
    re.IGNORECASE,
)


def base_before(place: Place) -> str:
    """ "cao hơn ước thực hiện năm nay 12,6%": the words between the
    comparing word and the rate, which name what it is compared with."""
    found = _COMPARING.search(place.own)
    return found["base"] if found else ""


def _is_whole_of(
    candidates: Candidates, whole: Candidate, part: Candidate, cues: Cues
) -> bool:
    w, dims = whole.dims, part.dims
    if not all(w[k] == dims[k] for k in ("indicator", "year", "months")):
        return False
    if w["content"] != dims["content"] and w["content"] != candidates.all_content:
        return False
    if w["measure"] != (cues.measure or dims["measure"]):
        return False
    if cues.fund is not None and w["fund"] != cues.fund:
        return False
    if cues.areas and w["area"] not in cues.areas:
        return False
    if cues.year is not None and w["year"] != cues.year:
        return False
    if w["area"] == dims["area"]:
        wider_fund = w["fund"] == Figure.Fund.ALL and dims["fund"] != w["fund"]
        wider_content = w["content"] != dims["content"] and w["fund"] == dims["fund"]
        return wider_fund or wider_content
    inside = holds_old(whole, part) or candidates.contains(
        w["area"], dims["area"], dims["year"]
    )
    return inside and w["fund"] in (dims["fund"], Figure.Fund.ALL)
