"""How well a reading agrees with the words around a number: the cues it
holds (a cue of the number's own clause must hold, a carried one only
counts in favour) and what a text means when it does not say; the cues
a value quote's own clause sets (``own_cues``)."""

from __future__ import annotations

import re

from ..core.models import Figure
from .area_cues import WHOLE_WORDS
from .cues import LEFT, Context, Cues
from .funds import FUNDS, OVER_AREAS, fund_named, total_of_named_fund
from .governs import governing
from .periods import months_after

#: "đạt 97,78% kế hoạch", "so với năm 2022": words about a base, not the subject
# "đạt 97,78% kế hoạch" (or "97,78 phần trăm"), "so với năm 2022": words
# about a base
BASE_WORDS = re.compile(r"(?:%|(?<=\d)\s*phần trăm|so với)[^,;]*", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"\s*(?:(?:từ\s+)?(?:vốn|nguồn|kinh phí|ngân sách)\s+|thuộc\s+)?(?:"
    r"khuyến công (?:quốc gia|địa phương)|KCQG|KC[ĐD]P|NSTW|NS[ĐD]P)(?!\w)"
    # "8,9 tỷ đồng ngân sách tỉnh", "2 tỷ đồng nguồn địa phương": the budget
    # that pays it, right after the amount, is its fund
    r"|\s*(?:từ\s+)?(?:(?:vốn|nguồn|kinh phí)\s+)?ngân sách\s+(?:của\s+)?"
    r"(?:tỉnh|thành phố|địa phương|trung ương)(?!\w)"
    r"|\s*(?:từ\s+)?(?:vốn|nguồn|kinh phí)\s+(?:quốc gia|địa phương)(?!\w)",
    re.IGNORECASE,
)


def agrees(dims: dict, cues: Cues, hard: bool) -> int | None:
    """How many cues the candidate agrees with; None if a hard cue fails."""
    score = 0
    checks = [
        ("year", cues.year),
        ("fund", cues.fund),
        ("measure", cues.measure),
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
    if cues.areas:
        if dims["area"] in cues.areas:
            score += 1
        elif hard:
            return None
    if cues.content is not None and dims["content"] == cues.content:
        score += 1  # a content's words are common: they count, never exclude
    return score


def carried_support(dims: dict, kept: Cues) -> int:
    """How many carried cues the candidate agrees with, the whole year
    not counting apart from the year: "Về năm 2024" names the year, and the
    whole year only by that same word (a carried word must not outrank a
    reading that gives the printed number, nor favour another year's
    whole-year figure)."""
    score = agrees(dims, kept, hard=False) or 0
    if (
        kept.period_named
        and kept.months is None
        and kept.year is not None
        and dims["months"] is None
    ):
        score -= 1
    return score


def defaults(dims: dict, explicit: Cues, kept: Cues, all_content: int | None) -> float:
    """Half a point for what a text means when it does not say: all
    sources, all contents, the whole year."""
    score = 0.0
    if explicit.fund is None and kept.fund is None and dims["fund"] == Figure.Fund.ALL:
        score += 0.5
    if explicit.content is None and dims["content"] == all_content:
        score += 0.5
    if not explicit.period_named and not kept.period_named and dims["months"] is None:
        score += 0.5
    return score


def override(cues: Cues, inner: Cues) -> None:
    for name in ("year", "months", "fund", "measure", "indicator", "content"):
        value = getattr(inner, name)
        if value is not None:
            setattr(cues, name, value)
    if inner.period_named:
        cues.period_named = True
    if inner.areas:
        cues.areas = inner.areas


def compared_cues(context: Context, tail: str, quote, place) -> Cues:
    """What the words a number is compared with name ("so với tổng kế hoạch
    "); a total the words after the number say is over areas ("… 4,75 tỷ
    đồng của hai tỉnh cũ") names no fund: the clause's holds, if any."""
    cues = context.cues(tail, compared=True)
    if cues.fund == Figure.Fund.ALL and OVER_AREAS.match(place.after):
        cues.fund = None
    return cues


def fill(cues: Cues, more: Cues) -> None:
    for name in ("year", "months", "fund", "measure", "indicator", "content"):
        if getattr(cues, name) is None and getattr(more, name) is not None:
            setattr(cues, name, getattr(more, name))
    cues.period_named = cues.period_named or more.period_named
    cues.areas = cues.areas or more.areas


def _owner(place, rest: str):
    """The words after a number that say whose it is ("của A", "giao cho
    B"), if any; the owner's year may follow them ("con số 6,49 tỷ đồng của
    năm tỉnh Tây Nguyên cũ năm 2024": ``_OWNERS_YEAR``)."""
    owner = _OWNER.match(rest)
    if owner is None and _GIVING.search(place.before_clause):
        owner = _GIVEN_TO.match(rest)
    return owner


def own_cues(
    context: Context, place, clause: Cues, rest: str = ""
) -> tuple[Cues, Cues]:
    """The cues a value quote must hold: the period and area of its
    clause, and what the words since the number before it name (or the
    area whose it is, said after it in ``rest``, the sentence after the
    number: "gồm 5,6 tỷ đồng của A (cũ) và 15,2 tỷ đồng của B"); and what
    the clause named before that number (weighing as much, but not
    excluding)."""
    own_text, clause_areas = place.own, clause.areas
    if (part := _part_of_subject(place)) is not None:
        own_text, subject_clause = part
        clause_areas = context.cues(subject_clause).areas
    own_text = _first_of_pair(place) or own_text
    own = context.cues(own_text)
    owner = _owner(place, rest)
    # "… của Quảng Nam" says whose; "của hai tỉnh cũ", "của A cũ và B" over which
    whose = owner is not None and not WHOLE_WORDS.search(owner.group(0))
    whose = whose and not OVER_AREAS.match(rest)
    own.fund = total_of_named_fund(place, own.fund, owned=whose)
    owned = context.cues(owner.group(0)).areas if owner else None
    own.areas = owned or own.areas
    # "4 đề án khuyến công quốc gia", "2 tỷ đồng vốn khuyến công địa
    # phương": the fund that qualifies the noun right after the number
    qualifier = _QUALIFIER.match(place.after)
    if qualifier:
        own.fund = context.cues(qualifier.group(0)).fund
    # "đạt 97,78% kế hoạch", "so với năm 2022": words about a base, not
    # about the subject of the clause
    subject_text = BASE_WORDS.sub(" ", place.before_clause)
    subject = context.cues(subject_text)
    subject.measure = governing(place.before_clause) or context.subject_measure(
        subject_text
    )
    explicit = Cues(
        year=clause.year,
        months=clause.months,
        period_named=clause.period_named,
        areas=own.areas or clause_areas,
        fund=own.fund,
        # "đề nghị hỗ trợ 3 đề án với tổng kinh phí dự kiến …": a request
        # or an average governs the numbers after it in its clause
        measure=governing(place.before_clause) or _left_after(place) or own.measure,
        indicator=own.indicator,
        content=own.content or clause.content,
    )
    if owner is not None and (year := _OWNERS_YEAR.match(rest, owner.end())):
        explicit.year = int(year["year"])
    if explicit.months is None and (months := months_after(rest)):
        explicit.months, explicit.period_named = months, True
    if _THE_NUMBER.search(place.own):
        _the_number_is(context, rest, explicit)
    favoured = Cues(
        content=None if explicit.content else context.cues(place.after).content,
        fund=subject.fund if own.fund is None else None,
        measure=subject.measure if own.measure is None else None,
        indicator=subject.indicator if own.indicator is None else None,
    )
    _rest_of_other_fund(context, place, rest, explicit, favoured)
    return explicit, favoured


#: "phần còn lại 20,48 tỷ đồng", "còn lại là khuyến công địa phương (",
#: "phần ngân sách tỉnh còn lại": the rest, right before the number, with
#: the fund it is maybe named between
_REST_BEFORE = re.compile(
    r"(?<!\w)(?:(?:phần|số|nguồn)\s+(?P<before>[^\W\d][^,;:.\d]{0,40}?)\s+)?"
    r"còn lại(?:\s+(?:là|thuộc)\s+(?P<between>[^,;:.\d()]{1,50}?))?\s*[,:(]?\s*$",
    re.IGNORECASE,
)
#: "…, là ngân sách tỉnh", "là kinh phí khuyến công địa phương": the fund
#: the rest is said to be, after the number
_REST_IS = re.compile(r"\s*[,)]?\s*(?:là|thuộc)\s+(?P<fund>[^,;:.\d()]{1,50})", re.I)


def _rest_of_other_fund(context, place, rest, explicit, favoured) -> None:
    """The rest of a whole once one fund is taken: the other fund's figure
    of that whole, not what is left unspent."""
    if (fund := rest_of_other_fund(context, place, rest)) is not None:
        explicit.fund, favoured.fund = fund, None
        for cues in (explicit, favoured):
            cues.measure = None if cues.measure == LEFT else cues.measure


def rest_of_other_fund(context: Context, place, rest: str):
    """The fund the rest is of, when the words say what remains of a whole
    is one fund ("trong đó KCQG 5,12 tỷ đồng; phần còn lại 20,48 tỷ đồng là
    KCĐP") and the other fund was named before it in the sentence; else
    None (what is left unspent: "còn lại 2 tỷ đồng chưa giải ngân"; and
    when areas are named after the other fund: "KCQG là tổng của hai tỉnh
    cũ, phần ngân sách tỉnh còn lại …" may be the part's or the whole's)."""
    found = _REST_BEFORE.search(place.own)
    if found is None:
        return None
    said = found["between"] or found["before"]
    if said is None and (is_ := _REST_IS.match(rest)) is not None:
        said = is_["fund"]
    fund = fund_named(said or "")
    if fund not in (Figure.Fund.KCQG, Figure.Fund.KCDP):
        return None
    # the other fund, named before the rest (and before "phần <fund>")
    head = place.sentence_text[: len(place.sentence_text) - len(rest)]
    head = head[: head.lower().rfind("còn lại")]
    if found["before"]:
        head = head[: head.lower().rfind(found["before"].lower())]
    other = fund_named(head)
    if other in (None, fund):
        return None
    since = [m.end() for m in FUNDS.finditer(head)][-1]
    return None if context.cues(head[since:]).areas else fund


#: "… trong khi dự toán tăng từ 5,4 tỷ đồng lên ": the second number of a
#: "từ … lên/xuống …" pair, with nothing of its own before it
_PAIR_SECOND = re.compile(
    r"(?<!\w)từ\s+\d[\d.,]*[^\W\d]*(?:\s+(?:tỷ|triệu|nghìn)?\s*đồng)?\s+"
    r"(?:lên|xuống|còn)\s*$",
    re.IGNORECASE,
)
_PAIR_WORDS = re.compile(r"(?<!\w)(?:lên|xuống|còn)(?!\w)", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]")


def _first_of_pair(place) -> str | None:
    """The words that named the first number of "từ a lên b", for b: the
    pair is one figure before and after, so the measure, area and fund
    named for a ("trong khi dự toán chỉ tăng từ a") are b's too, not the
    subject's of the sentence ("giải ngân … tăng từ x lên y, trong khi dự
    toán chỉ tăng từ a lên b")."""
    if _LETTERS.search(_PAIR_WORDS.sub("", place.own)):
        return None  # b has words of its own
    tail = place.before_clause[-80:]  # a pair is short: no quadratic scans
    pair = _PAIR_SECOND.search(tail)
    if not pair:
        return None
    head = place.before_clause[: len(place.before_clause) - len(tail) + pair.start()]
    return head.rpartition(",")[2]


#: "A chiếm 5% tổng giải ngân cả nước, trong đó vốn KCQG 3,6 tỷ đồng":
#: after a share, the words up to "trong đó" name the share's whole; the
#: amount after it is a part of what the subject has, not of that whole
_SHARE_BEFORE = re.compile(
    r"(?<!\w)chiếm\s+(?:khoảng\s+|gần\s+|hơn\s+)?\d[\d.,]*\s*%(?=[^\d%;:()]*$)",
    re.IGNORECASE,
)
_PART_OF = re.compile(r"(?<!\w)trong đó(?!\w)", re.IGNORECASE)


def _part_of_subject(place) -> tuple[str, str] | None:
    """The words naming an amount after "chiếm x% <whole>, trong đó", and
    its clause without the whole's words; None for any other amount."""
    parts = list(_PART_OF.finditer(place.own))
    head = place.before_clause[: len(place.before_clause) - len(place.own)]
    if not parts or not place.before_clause.endswith(place.own):
        return None
    if (share := _SHARE_BEFORE.search(head)) is None:
        return None
    own = place.own[parts[-1].end() :]
    return own, head[: share.end()] + " " + own


#: "Con số X (mà bạn đọc dẫn) là <what it is>": the words after "là" say
#: what the number is, as those before a number do
def _the_number_is(context: Context, rest: str, explicit: Cues) -> None:
    """What the words after "con số …" say the number is."""
    defined = _DEFINED.match(rest)
    if defined:  # "Con số 3,55 tỷ đồng mà bạn đọc dẫn là kinh phí … năm 2024"
        override(explicit, context.cues(defined["what"]))
    elif said := _SAID_BY.match(rest):
        # "con số 12,9 tỷ đồng mà Sở Công Thương ước tính hồi cuối tháng 11":
        # the measure of the one who gave it (its time is not the figure's)
        explicit.measure = context.cues(said["what"]).measure or explicit.measure


_THE_NUMBER = re.compile(r"(?<!\w)(?:con số|số liệu)\s*[“\"]?\s*$", re.IGNORECASE)
_DEFINED = re.compile(
    r"\s*[”\"]?\s*(?:mà\s+[^,;.]{0,40}?\s+)?(?:chỉ\s+|thực chất\s+)*là\s+(?P<what>[^,;.]+)",
    re.IGNORECASE,
)
#: "mà Sở Công Thương ước tính": who gave the number, and how
_SAID_BY = re.compile(
    # not "mà không/chưa/vẫn …": "but", not "that"
    r"\s*[”\"]?\s*mà\s+(?!(?:không|chưa|vẫn|lại|còn)(?!\w))(?P<what>[^,;.()]{1,60})",
    re.IGNORECASE,
)
#: "15,2 tỷ đồng của Quảng Nam": whose the amount is (a name, not a clause);
#: "4,8 tỷ đồng đã giao cho tỉnh B": the area it was given to is its owner;
#: "23 cơ sở ở Cà Mau cũ", "tại tỉnh Gia Lai": a province's name right after
#: "ở"/"tại"/"cho" ("7,2 tỷ đồng cho Kiên Giang"; not "tại hội chợ ở Đà Nẵng")
_PROVINCE = (
    r"(?:(?:tỉnh|thành phố|TP\.?)\s*)?(?>(?-i:[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){0,3})"
    r"(?:\s+(?:cũ|mới)(?!\w)|\s*\((?:cũ|mới)\))?)"
)
_OWNER = re.compile(
    r"\s*(?:(?:của|(?:(?:đã|được)\s+)?(?:giao|phân bổ|bố trí|cấp)\s+cho)\s+"
    # "của A cũ và B": both; not "của A và 15,2 tỷ của B", "của tỉnh và năm …"
    r"(?:(?!\s+(?:được|đã|là|với|trong|cho|để)\s|\s+và\s+(?!(?-i:[A-ZĐ]))"
    r"|\s+và\s+[^,;.:\d]*(?!(?:19|20)\d{2}(?!\d))\d)[^,;.:\d]){1,40}"
    rf"|(?:ở|tại)\s+{_PROVINCE}"
    # "cho" one province, not the first of a list ("cho A, B và C")
    rf"|cho\s+{_PROVINCE}(?!\s*(?:,|và)\s*(?-i:[A-ZĐ])))",
    re.IGNORECASE,
)
_OWNERS_YEAR = re.compile(
    r"(?:(?<=năm\s)|\s*(?:trong\s+)?năm\s+)(?P<year>(?:19|20)\d{2})(?![\d/.,]\d)",
    re.IGNORECASE,
)
#: "phân bổ 3,8 tỷ đồng (kinh phí khuyến công) cho tỉnh B": after a verb of
#: giving right before the amount, the area it is given to is its owner
_GIVING = re.compile(
    r"(?<!\w)(?:giao|phân bổ|bố trí|cấp|phân)(?:\s+(?:thêm|tổng cộng|khoảng|hơn|gần))?"
    r"\s*$",
    re.IGNORECASE,
)
_GIVEN_TO = re.compile(
    r"\s*(?:(?:kinh phí|vốn|nguồn|ngân sách)(?:\s+(?!cho(?!\w))[^\W\d]+){0,5}\s+)?"
    r"cho\s+(?:(?!\s+(?:và|được|đã|là|với|trong|cho|để)\s)[^,;.:\d]){1,40}",
    re.IGNORECASE,
)
#: "còn 1,2 tỷ đồng (kế hoạch) chưa giải ngân", "còn 3 tỷ đồng phải giải
#: ngân": what is left, said after the number
_LEFT_AFTER = re.compile(
    r"\s*(?:(?:kinh phí|kế hoạch|vốn)\s+)?(?:chưa\s+(?:được\s+)?(?P<not>giải ngân|thực hiện"
    r"|sử dụng)|phải\s+(?P<must>giải ngân|thực hiện))(?!\w)",
    re.IGNORECASE,
)
_STILL = re.compile(r"(?<!\w)còn\s*$", re.IGNORECASE)


def _left_after(place) -> str | None:
    found = _LEFT_AFTER.match(place.after)
    if found and (found["not"] or _STILL.search(place.own)):
        return LEFT
    return None


#: "Nguồn quốc gia (KCĐP): …", "phần Trung ương cấp (nguồn khuyến công địa
#: phương) là …": a fund glossed by the other fund's name
_GLOSS = r"(?:\s+\w+){0,2}\s*\(\s*(?:(?:nguồn|vốn|kinh phí)\s+)?(?:khuyến công\s+)?"
_GLOSSED_OTHERWISE = re.compile(
    rf"(?:quốc gia|trung ương){_GLOSS}(?:KCĐP|KCDP|địa phương)\s*\)"
    rf"|địa phương{_GLOSS}(?:KCQG|quốc gia|trung ương)\s*\)",
    re.IGNORECASE,
)


def glossed_otherwise(before: str) -> bool:
    """The label before a number names one fund and glosses it with the
    other's name: the number may be of either, so not a sure match."""
    return bool(_GLOSSED_OTHERWISE.search(before))


#: a sentence's label before its colon ("1. Kon Tum năm 2024: kế hoạch
#: 9.000; thực hiện 8.640", "a) Nguồn KCQG: …"), list numbers aside
#: (a short one: a long "…: " is a sentence's lead-in, not a label)
_LABEL = re.compile(
    r"\s*(?:[\dIVXa-z]{1,3}(?:\.\d{1,2})*[.)]\s+)?(?P<label>[^:;\n]{2,40}?):\s"
)


def label_cues(context: Context, place, explicit: Cues) -> None:
    """What a sentence's label names holds for every amount or count in
    the clauses after its colon ("…: kế hoạch 9.000; thực hiện 8.640"),
    where the clause names no such thing itself; a clause with the label in
    it reads it already. (Not for a rate: "Cùng kỳ năm 2024 (hai tỉnh cũ
    cộng lại): 8.658,1 triệu đồng; năm nay cao hơn 5,41%" labels its base.)"""
    label = _LABEL.match(place.sentence_text)
    if label is None or place.clause_start < place.sentence[0] + label.end():
        return
    fill(explicit, context.cues(label["label"]))
