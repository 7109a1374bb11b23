"""What a table's column title says its cells are: money of a unit
("Kinh phí (triệu đồng)"), rates ("Tỷ lệ (%)"), counts of a noun ("Số đề
án"), differences ("Chênh lệch"), the rows' years ("Năm": no figures, but
each row's year) or no figures at all ("Ghi chú", "Xếp hạng"); and the
money units a number may be printed with."""

from __future__ import annotations

import re

from ..core.formatting import MONEY_UNITS
from ..core.units import unit_word as core_unit_word
from .places import names_a_place

UNIT_IN_HEADER = re.compile(
    r"(?P<money>(?:tỷ|tỉ|triệu|nghìn|ngàn)\s+đồng|đồng|tr\.\s?đ(?!\w)|tỷ\s?đ(?!\w))"
    r"|(?P<percent>%)",
    re.IGNORECASE,
)
# A money unit as printed after a number, on its line ("9.486\nTỷ lệ…" is a
# cell and the next row's label); "tỷ lệ", "tỷ trọng" are rates.
MONEY_WORDS = (
    r"(?:[tT]ỷ|[tT]ỉ)(?!\s+(?:lệ|trọng))(?:\s+đồng|\s?đ(?!\w))?|[tT]r\.\s?(?:đồng|đ)"
    r"|(?:[tT]riệu|[nN]ghìn|[nN]gàn)(?:\s+đồng)?|đồng|VNĐ|VND"
    # "3.650 trđ", "3.650.000.000đ", "3.650.000.000 đ": đồng shortened
    # (not "30 đ/a": đề án; not "đ)": a letter item)
    r"|[tT]r\s?đ(?![\w/])|đ(?![\w/])(?!\s*\))"
    # "350tr", "… 340tr.": triệu, as typed in a hurry ("tr. 15": a page)
    r"|tr(?!\w)(?!\.\w)(?!\.\s*\d)"
)


def unit_word(printed: str) -> str:
    """The key of ``MONEY_UNITS`` a printed unit stands for: ``"tr.đ"`` →
    ``"triệu đồng"``, ``"Tỷ  đồng"`` → ``"tỷ đồng"``."""
    unit = re.sub(r"\s+", " ", printed.lower()).strip()
    if unit in MONEY_UNITS:
        return unit
    if unit == "tr":
        return "triệu đồng"
    return core_unit_word(unit) or unit


FIGURE_COLUMN = re.compile(
    r"(?:19|20)\d{2}|kế hoạch|thực hiện|giải ngân|ước|dự toán|KCQG|KC[ĐD]P|khuyến công"
    r"|tháng|cả năm|quý|kinh phí|số tiền|lũy kế|luỹ kế|(?<!ngày )phát sinh|trong kỳ"
    # a tracker's shorthand: "KH năm", "TH 10 tháng", "ƯTH cả năm"
    r"|(?<!\w)(?:KH|TH|ƯTH)(?!\w)"
    # a column of the other columns added up: "Cộng", "Tổng cộng", "Tổng"
    r"|^\s*(?:cộng|tổng(?:\s+cộng|\s+số)?)\s*$",
    re.IGNORECASE,
)
#: a column of what one row's period added ("Giải ngân trong kỳ", "Phát
#: sinh trong tháng") beside the running total (``RUNNING_TOTAL``): each cell
#: is its row's total less the row's before, and no rate is worked from it;
#: with no running total beside it, the row's period's own figure
IN_PERIOD = re.compile(
    r"(?<!\w)(?:trong\s+(?:kỳ|tháng|quý)|phát\s+sinh)(?!\w)", re.IGNORECASE
)
RUNNING_TOTAL = re.compile(
    r"(?<!\w)(?:lũy kế|luỹ kế|cộng dồn|từ đầu năm|tổng số|đã giải ngân|đã thực hiện)"
    r"(?!\w)",
    re.IGNORECASE,
)
#: a column of rates, its unit said in the caption if at all: "Tỷ lệ"
_RATE_COLUMN = re.compile(r"\s*(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng)(?!\w)", re.IGNORECASE)
#: a column of differences between the columns before it ("Chênh lệch
#: (B − A)"): no figure of the data by itself
_DIFFERENCE_COLUMN = re.compile(r"\s*(?:chênh lệch|tăng\s*/\s*giảm)(?!\w)", re.I)


#: a column of scores, ranks, notes or codes ("Điểm chuẩn", "Tự chấm",
#: "Xếp hạng"): its numbers are no figures, whatever unit the row names
_NOFIGURE_COLUMN = re.compile(
    r"\s*(?:điểm(?!\s*(?:%|phần\s+trăm))|tự chấm|xếp hạng|thứ hạng|hạng(?!\s+mục)"
    r"|ghi chú|mã)(?!\w)",
    re.IGNORECASE,
)
OTHER = "other"  # a column of no figures (see above)


#: a column of the rows' years ("Năm", "Năm báo cáo"): no figures, but
#: each row's year (a CSV export's "1;Tuyên Quang;2025;11.500;…"); not
#: "Năm Thực hiện", a grouped title over a measure's column
_YEAR_TITLE = re.compile(
    r"\s*(?:năm(?:\s+(?:báo cáo|tài chính|ngân sách))?|kỳ báo cáo)\s*", re.IGNORECASE
)
YEAR = "year"  # a column of the rows' years (see above)


def header_kind(header: str, nouns: dict, default=(None, None)):
    """(kind, unit or indicator) a column's header gives its numbers; a
    header naming a year, a measure or a fund but no unit takes the
    caption's (``default``)."""
    unit = UNIT_IN_HEADER.search(header)
    if unit and unit["percent"]:
        return "percent", None
    if unit:
        return "amount", unit_word(unit["money"])
    lowered = header.lower()
    for noun, indicator in nouns.items():
        if noun in lowered:
            return "count", indicator
    if FIGURE_COLUMN.search(header) or names_a_place(header):
        return default
    return None, None


def title_kind(title: str, nouns: dict, default):
    """A column's (kind, unit): ``header_kind``, and a rate column with no unit
    of its own ("Tỷ lệ" under "… (tỷ lệ: % kế hoạch)") a percentage."""
    if _NOFIGURE_COLUMN.match(title):
        return OTHER, None
    if _YEAR_TITLE.fullmatch(title):
        return YEAR, None
    found = header_kind(title, nouns, default)
    if _DIFFERENCE_COLUMN.match(title) and found[0] != "percent":
        return "difference", None
    # "Tỷ lệ so với kế hoạch năm": a rate, whatever unit the caption gives
    # the other columns
    if (found[0] is None or found == default) and _RATE_COLUMN.match(title):
        return "percent", None
    return found
