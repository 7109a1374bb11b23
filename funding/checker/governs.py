"""A request or an average that governs the numbers after it: what it
asks for or averages is no figure of the data, whatever measure follows."""

from __future__ import annotations

import re

from ..core.models import Figure
from .cues import NOT_MEASURED, periods_in

#: A request or an average that governs the number after it ("đề nghị hỗ
#: trợ 3 đề án với tổng kinh phí 2 tỷ đồng", "bình quân giai đoạn 2021-2025,
#: mỗi năm khoảng 5 tỷ đồng"): no figure of the data, whatever measure
#: follows. Not the noun ("theo đề nghị của …", "thực hiện kiến nghị …",
#: "trả lời kiến nghị cử tri"),
#: and not past a comma for a request ("theo đề nghị của Sở, tỉnh đã giải
#: ngân …") or, for an average, past a comma that names a year or "riêng"
#: ("…, riêng năm 2024 giải ngân 7,4 tỷ"): the clause then states figures.
#: An aim governs the same way ("phấn đấu thực hiện 25 đề án", "mục tiêu
#: giải ngân 100% kế hoạch"): the verb after it says what is aimed at.
_REQUEST = re.compile(
    r"(?<!\w)(?:đề xuất|đề nghị|kiến nghị|phấn đấu|mục tiêu)(?!\w)", re.I
)
_AVERAGE = re.compile(
    r"(?<!\w)(?:bình quân|trung bình)\s+(?:mỗi|một|hằng|hàng|giai đoạn)(?!\w)", re.I
)
_NOUN_BEFORE = re.compile(
    r"(?<!\w)(?:theo|thực hiện|trên cơ sở|tiếp thu|xem xét|tại|các|những"
    r"|trả lời|giải trình|giải quyết)\s*$",
    re.I,
)
#: an aim's next item, a bound with no "đã" ("phấn đấu giải ngân trên 95%,
#: hỗ trợ ít nhất 40 cơ sở", "…, hỗ trợ trên 40 cơ sở"): still aimed at,
#: past the comma
_AIMED_BOUND = re.compile(
    r"^(?!.*(?<!\w)đã(?!\w))[^.;:()]*(?<!\w)"
    r"(?:ít nhất|tối thiểu|không dưới|trên|hơn)\s*$",
    re.I,
)
#: an aim's list of actions ("phấn đấu giải ngân trên 95% kế hoạch, thực
#: hiện 30 đề án, hỗ trợ …"): each item a verb with no "đã", still aimed at
#: (not "mục tiêu năm 2024 là 60 đề án, thực hiện 58 đề án": no verb first)
_ACTION = r"\s*(?:thực hiện|hỗ trợ|giải ngân|đào tạo|tổ chức|xây dựng|hoàn thành)(?!\w)"
_AIMED_ITEM = re.compile(r"(?![^.;:()]*(?<!\w)đã(?!\w))" + _ACTION, re.I)
# "kiến nghị của …", "kiến nghị cử tri": the petition, a noun; "số đề nghị
# quyết toán": the settlement put up, what was spent (no request)
_NOUN_AFTER = re.compile(r"\s*(?:của|này|đó|trên|cử tri|quyết toán)(?!\w)", re.I)


#: what was inspected, surveyed or audited right before a number ("Sở đã
#: kiểm tra lại 19 cơ sở", "khảo sát 138 cơ sở"): a sample, no figure
#: ("…, trong đó 17 cơ sở": a part of that sample, no figure either)
_INSPECTED = re.compile(
    r"(?<!\w)(?:kiểm tra|khảo sát|rà soát|giám sát|thanh tra|phỏng vấn)"
    r"(?:\s+(?:lại|thực tế|trực tiếp|ngẫu nhiên))?\s*"
    r"(?:\d[\d.,]*\s+[^\W\d](?:[^\d;:()]|(?:19|20)\d\d(?!\d)){0,60}?,"
    r"\s*trong đó(?:\s+có)?\s*)?$",
    re.I,
)


#: "đã nghiệm thu, kiểm tra 30 đề án": the inspection one of the things done
_DONE_AND = re.compile(
    r"(?<!\w)(?:nghiệm thu|hoàn thành|thực hiện|hỗ trợ|giải ngân)\s*(?:,|và)\s*$", re.I
)


def governing(before: str):
    """The measure a request (what is asked for: a target, which the data
    rarely holds) or an average (no figure) in ``before`` (the words
    of the clause right before a number) governs that number, or None."""
    inspected = _INSPECTED.search(before)
    if inspected and not _DONE_AND.search(before[: inspected.start()]):
        return NOT_MEASURED
    governors = (
        (_REQUEST, Figure.Measure.TARGET, False),
        (_AVERAGE, NOT_MEASURED, True),
    )
    for words, measure, past_comma in governors:
        found = list(words.finditer(before))
        if not found or _NOUN_BEFORE.search(before[: found[-1].start()]):
            continue
        after = before[found[-1].end() :]
        if _NOUN_AFTER.match(after):
            continue
        if "," in after:
            rest = after[after.rindex(",") + 1 :]
            if any(periods_in(rest)) or "riêng" in rest.lower():
                continue
            listed = all(_AIMED_ITEM.match(item) for item in after.split(","))
            if not past_comma and not _AIMED_BOUND.search(rest) and not listed:
                continue
        return measure
    return None
