"""Numbers that stand in a relation to the numbers just before them in
their sentence: a part of the whole named before it ("30/31 đề án, trong
đó 21 đề án đã hoàn thành": 21 is not the 30, and with nothing saying
which part it is, no figure of the data), and an amount with the count it
is for ("5,6 tỷ đồng cho 14 đề án, chiếm 3,5%": the percentage may be of
either); and "tổng kinh phí" of one fund when the data holds no total of
all funds ("kinh phí khuyến công quốc gia năm 2026 ... với tổng kinh phí
160 tỷ đồng"); "tỷ trọng A trong tổng kinh phí": A's share of the total.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..core.models import Figure
from .candidates import Candidate, Candidates
from .captions import caption_areas, caption_periods
from .choose import AGREE, Option
from .columns import RUNNING_TOTAL
from .cues import Context, Cues, periods_in
from .judge import judge
from .places import Place
from .report import Quote

_PART = re.compile(r"(?<!\w)(?:trong đó|bao gồm|gồm)(?:\s+(?:có|là))?\s*$", re.I)
#: a clause about districts or communes inside the province: "Riêng 6
#: huyện miền núi được bố trí …", "Tại huyện X, …", "Các xã biên giới có …"
_DISTRICTS = re.compile(
    r"\s*(?:(?:trong\s+)?năm\s+\d{4}\s*,\s*)?(?:(?:riêng|trong đó|tại|ở|còn)\s+)?"
    r"(?:(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|mỗi|từng)\s+)?"
    r"(?:huyện|thị xã|xã(?!\s+hội)|phường|thị trấn)(?!\w)",
    re.I,
)
#: "tổng kinh phí", "tổng kế hoạch": a total, of all funds or of the one
#: the text is about
_TOTAL = re.compile(r"tổng(?:\s+\w+){0,2}\s+kinh phí|tổng kế hoạch", re.I)
#: "tỷ trọng kinh phí KCQG trong tổng kinh phí năm 2024 là 40%": the words
#: naming the whole, inside those naming the part
_SHARE_IN = re.compile(
    r"(?<!\w)(?:tỷ trọng|cơ cấu)(?!\w).*?(?P<whole>\strong\s+(?:tổng|toàn bộ)"
    r"(?:\s+\w+){0,2}\s+kinh phí)(?!\w)",
    re.IGNORECASE,
)
#: ", bằng 96,12% kế hoạch" right after an amount: it is not the plan
_OF_PLAN = re.compile(
    r"\s*,?\s*(?:đạt|bằng)\s+(?:khoảng\s+|gần\s+|hơn\s+)?\d[\d.,]*\s*%\s*"
    r"(?:so với\s+)?(?:kế hoạch|dự toán)",
    re.IGNORECASE,
)
#: what joins an amount (and the words naming its fund) to the count it
#: pays for
_FOR = re.compile(
    r"[^\d,;.()%]{0,50}?(?<!\w)(?:cho|với|để thực hiện|thực hiện|hỗ trợ)\s*", re.I
)


def as_part(
    quote: Quote, place: Place, resolved, options: list[Option], context: Context
):
    """The readings left to a part of the whole before it: never the
    whole's; only one giving the printed number when its words (before
    and after it) name nothing that tells the part apart."""
    if quote.kind not in ("amount", "count"):
        return options
    if _DISTRICTS.match(place.before_clause):
        return []  # a district's or commune's figure: the data has none
    if not _PART.search(place.own):
        return options
    found = [resolved.get(id(q)) for q in place.in_sentence if q.start < quote.start]
    wholes = {str(whole.node) for whole in found if whole}
    options = [o for o in options if str(o.node) not in wholes]
    cues = context.cues(_PART.split(place.own)[-1] + " " + place.after)
    # "192 đề án, trong đó có 36 mô hình trình diễn": the part's own noun
    # names another indicator than its whole's
    if quote.indicator and all(
        whole.dims["indicator"] != quote.indicator.pk for whole in found if whole
    ):
        cues.indicator = quote.indicator
    named = (cues.fund, cues.measure, cues.content, cues.year, cues.indicator)
    if cues.areas or any(cue is not None for cue in named):
        return options
    return [o for o in options if judge(o.computed, quote)[0] in AGREE]


def paid_for(previous: Quote, place: Place) -> Quote | None:
    """The amount right before a count it pays for ("23 tỷ đồng cho 41 đề
    án"), or the count right before its amount ("41 đề án với 23 tỷ
    đồng"): a percentage after them may be of either."""
    earlier = [
        q
        for q in place.in_sentence
        if q.end <= previous.start
        and q.start >= place.clause_start
        and q.kind in ("amount", "count")
        and q.kind != previous.kind
        and not q.sign
        and not q.role
    ]
    if not earlier:
        return None
    offset = place.sentence[0]
    between = place.sentence_text[earlier[-1].end - offset : previous.start - offset]
    return earlier[-1] if _FOR.fullmatch(between) else None


def one_fund(named, read) -> list[Option]:
    """When "tổng kinh phí" (all funds) left no reading: the readings
    without that fund, each only assumed (a mismatch is then unsure: the
    total may be of all funds, which the data does not hold). ``named``:
    (cues, the words they were read from) pairs."""
    dropped = False
    for cues, words in named:
        if cues.fund == Figure.Fund.ALL and _TOTAL.search(words):
            cues.fund, dropped = None, True
    if not dropped:
        return []
    options = read()
    for option in options:
        option.assumed = True
    return options


_OTHER_FUND = {Figure.Fund.KCQG: Figure.Fund.KCDP, Figure.Fund.KCDP: Figure.Fund.KCQG}


def other_fund(cues, read) -> list[Option]:
    """One fund named ("nguồn khuyến công địa phương … 3,85 tỷ đồng") where
    the data holds none of that fund for what the words name: the other
    fund's readings, which agree only as "unsure" (the funds swapped, or
    a figure the data lacks) and a mismatch of which is unsure too."""
    other = _OTHER_FUND.get(cues.fund)
    if other is None:
        return []
    named, cues.fund = cues.fund, other
    options = list({str(o.node): o for o in read()}.values())
    cues.fund = named
    for option in options:
        option.assumed = option.against_words = True
    return options


def all_funds_total_of(options, year: int | None) -> bool:
    """Whether a reading is the total of all funds of ``year`` (then a
    number it does not give is wrong, not maybe one fund's)."""
    return any(
        figure.fund == Figure.Fund.ALL and (year is None or figure.year == year)
        for option in options
        for figure in option.computed.figures
    )


def share_in_total(place: Place) -> Place:
    """ "Tỷ trọng A trong tổng kinh phí năm X là p%": the words naming the
    whole moved after the number, where a share's whole is read; what is
    left before it names the part (A, in year X)."""
    found = _SHARE_IN.search(place.before_clause)
    if found is None:
        return place
    whole = found["whole"]

    def cut(text: str) -> str:
        return text.replace(whole, " " * len(whole))

    return replace(
        place,
        before_clause=cut(place.before_clause),
        before_sentence_plain=cut(place.before_sentence_plain),
        after=whole + place.after,
    )


def not_the_plan(
    options: list[Option], quote: Quote, place: Place, candidates: Candidates
):
    """An amount the text says is some percent of the plan ("đạt 318 tỷ
    đồng, bằng 96,12% kế hoạch") is not the plan itself."""
    offset = place.sentence[0]
    if quote.role or not _OF_PLAN.match(place.sentence_text, quote.end - offset):
        return options  # "18,91/19,25 tỷ đồng, đạt 98,22% kế hoạch": the pair's
    return [
        o
        for o in options
        if (found := candidates.by_node.get(str(o.node))) is None
        or found.dims["measure"] != Figure.Measure.PLAN
    ]


#: a row labelled by a measure, after its code: "Kế hoạch / Plan", "2.
#: Thực hiện 6 tháng", "Ước thực hiện cả năm"
_MEASURE_ROW = re.compile(
    r"^\s*(?:(?:[IVX]+|\d+|[a-zđ])[.)]?\s+)?(?:đã\s+)?(?:kế hoạch|thực hiện"
    r"|giải ngân|ước thực hiện|ước|dự toán)(?!\w)",
    re.IGNORECASE,
)
#: a table row led by its year, maybe with its period: "2025 (6 tháng)"
_ROW_YEAR = re.compile(
    r"^\s*(?:năm\s+)?(?P<year>(?:19|20)\d{2})(?:\s*\(\s*(?P<months>\d{1,2})\s+tháng"
    r"[^)]*\))?\s*(?:\t|$)",
    re.IGNORECASE,
)


def cell_cues(context: Context, quote: Quote, row: Cues, row_text: str = "") -> Cues:
    """A table cell's cues: its caption's and column's, with the area and
    content its row names."""
    cues = context.cues(quote.header)
    led = _ROW_YEAR.match(row_text.rsplit("\n", 1)[-1])
    if led and row.year is None:
        row.year = int(led["year"])
        months = int(led["months"]) if led["months"] else None
        row.months = months if months and months < 12 else None
        row.period_named = True
    cues.areas = row.areas or caption_areas(context, quote.header, row.year, cues.areas)
    cues.content = row.content or cues.content
    # a table with the measures or funds as rows ("Kế hoạch", "Thực hiện")
    cues.measure = cues.measure or row.measure
    column = quote.column or ""
    if (
        row.measure is not None
        and _MEASURE_ROW.match(row_text.rsplit("\n", 1)[-1])
        and context.cues(column).measure is None
    ):
        # the row's over the caption's ("Dự toán và số đã thanh toán", "Cột
        # 2025 là kế hoạch" above a row "Thực hiện"): the caption's is
        # every row's, the row's is its own; only a row labelled by its
        # measure ("Kinh phí thực hiện" under a plan's caption is the
        # plan's money, "Nâng cao năng lực tổ chức thực hiện" a content)
        cues.measure = row.measure
    cues.fund = cues.fund or row.fund
    _column_months(context, quote, column, cues)
    # a table with the years as rows ("2025 (6 tháng)"): the row's year and
    # period, unless the column names them or the caption does (not where
    # the row is led by its year: "Các năm 2021–2024 …, năm 2025 …" above it)
    if row.year is not None and (
        cues.year is None or (led and context.cues(column).year is None)
    ):
        # the caption's period for this row's year ("…, năm 2024 là số đến
        # hết tháng 9"), or for every year it does not name ("9 tháng")
        named = caption_periods(quote.header)
        cues.year = row.year
        if led and not led["months"] and row.year in named:
            cues.months, cues.period_named = named[row.year], True
        elif not cues.period_named or (
            # a row naming its own months ("Giải ngân quý I/2025") under a
            # caption's ("số liệu nửa đầu năm là của …"): the row's
            row.months is not None and not context.cues(column).period_named
        ):
            cues.months, cues.period_named = row.months, row.period_named
        if cues.measure == Figure.Measure.PLAN:
            cues.months = None  # a plan is the year's, whatever was spent by then
    elif (
        row.year in (None, cues.year)
        and row.months is not None
        and (cues.months is None or not context.cues(column).period_named)
    ):
        # the caption's year, and the months a row names ("Hết tháng 10",
        # "Đã thanh toán đến 30/6/2025")
        cues.months, cues.period_named = row.months, True
    return cues


#: a monthly tracker's caption: "Bảng theo dõi tiến độ …, tháng 10/2025"
_REPORT_MONTH = re.compile(r"(?<!\w)tháng\s+(\d{1,2})\s*/\s*((?:19|20)\d{2})(?!\d)")
#: "Lũy kế đến cuối tháng trước": the running total a month earlier
_MONTH_BEFORE = re.compile(r"(?<!\w)(?:cuối|hết)?\s*tháng\s+trước(?!\w)", re.I)


def _column_months(context: Context, quote: Quote, column: str, cues: Cues) -> None:
    """The months a column's cells are of: a tracker's (``_tracker_months``);
    none for a plan's column naming none ("KH năm" under "… đến hết tháng
    10": the year's plan, whatever was spent by then)."""
    _tracker_months(quote, column, cues)
    own = context.cues(column)
    if own.measure == Figure.Measure.PLAN and own.months is None:
        cues.months, cues.period_named = None, False


def _tracker_months(quote: Quote, column: str, cues: Cues) -> None:
    """A running total's column ("Lũy kế") under a caption of one month
    ("…, tháng 10/2025"): to the end of that month, or of the month before
    ("Lũy kế đến cuối tháng trước"); under a caption's "đến hết tháng 10"
    the month before is the ninth."""
    if not RUNNING_TOTAL.search(column):
        return
    before = bool(_MONTH_BEFORE.search(column))
    month = _REPORT_MONTH.search(quote.header.replace(column, ""))
    if cues.months is None and month is not None:
        last, year = int(month[1]), int(month[2])
    elif before and isinstance(cues.months, int) and not any(periods_in(column)):
        last, year = cues.months, None  # the caption's months, not the column's
    else:
        return
    months = last - before
    if 1 <= months <= 12:
        cues.year = cues.year or year
        cues.months, cues.period_named = (months if months < 12 else None), True


def after_percent(quote: Quote, place: Place) -> bool:
    """Does a percentage come right before ``quote`` in its sentence?"""
    before = [q for q in place.in_sentence if q.end <= quote.start]
    return bool(before) and before[-1].kind == "percent"


_PART_NAMED = re.compile(
    r"(?<!\w)(?:trong đó|riêng|tỷ trọng|cơ cấu)(?!\w)", re.IGNORECASE
)

#: the clause's own subject of "chiếm", after the amount's clause
_SHARE_SUBJECT = re.compile(r"[,;]\s*([^,;]+?)\s+chiếm\s*$", re.IGNORECASE)


#: "…, trong khi Sơn La đạt 95,44%": a subject of its own, set against
_WHILE = re.compile(
    r"(?<!\w)(?:trong khi|còn|ngược lại)\s+(?:cả\s+(?!nước))?(?:(?:tỉnh|thành phố|vùng)\s+)?"
    r"(?P<rest>[^,;]*)$",
    re.IGNORECASE,
)


def _another_subject(context: Context, between: str, whole: Candidate) -> bool:
    """ "Điện Biên thực hiện 7,28 tỷ đồng, đạt 95,85%, trong khi Sơn La đạt
    95,44%": the words after "trong khi" name another area, whose rate it is."""
    found = _WHILE.search(between)
    spans = context.area_spans(found["rest"]) if found else []
    if not spans or spans[0][0] != 0:  # the area right after ("còn nhiều hơn A")
        return False
    areas = context.cues(found["rest"]).areas
    return bool(areas) and whole.dims["area"] not in areas


def another_part(
    context: Context, between: str, whole: Candidate, contains=None
) -> bool:
    """ "290 tỷ đồng, trong đó nguồn quốc gia chiếm 40%": the words after
    "trong đó" name a fund or a content the amount before is not of, or an
    area inside its area ("kế hoạch cả nước 142 tỷ đồng, trong đó khu vực
    phía Bắc chiếm 35%": ``contains(whole area, area, year)``), so the
    percentage is of that part (of the amount as its whole), not of it; so
    do those after "tỷ trọng" ("nguồn địa phương 5,6 tỷ, tỷ trọng KCQG 20%")."""
    found = list(_PART_NAMED.finditer(between))
    subject = _SHARE_SUBJECT.search(between)
    if _another_subject(context, between, whole):
        return True
    if not found and subject is None:
        return False
    dims = whole.dims
    if not found:  # "cả nước là 135 tỷ đồng, khu vực phía Bắc chiếm 35%"
        named = context.cues(subject.group(1))
        return contains is not None and any(
            contains(dims["area"], area, dims["year"]) for area in named.areas
        )
    named = context.cues(between[found[-1].end() :])
    inside = contains is not None and any(
        contains(dims["area"], area, dims["year"]) for area in named.areas
    )
    return (
        inside
        or (named.fund is not None and named.fund != whole.dims["fund"])
        or (named.content is not None and named.content != whole.dims["content"])
        # "cộng cả hai tỉnh … 11,02 tỷ đồng, trong đó Long An chiếm": one of
        # the areas the amount adds up
        or (
            whole.node.op == "sum"
            and bool(named.areas)
            and whole.dims["area"] not in named.areas
        )
    )
