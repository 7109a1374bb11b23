"""The words that name a fund ("vốn quốc gia", "ngân sách tỉnh", "tổng
kinh phí"), and the fund a span names: the last one, but not one it sets
aside ("ngoài vốn quốc gia, …")."""

from __future__ import annotations

import re

from ..core.models import Figure

#: "(đã giao) (của) hai tỉnh", "các địa phương": areas counted
_COUNTED_AREAS = (
    r"(?:đã giao\s+)?(?:của\s+)?(?:cả\s+)?(?:hai|ba|bốn|năm|các|\d+)\s+"
    r"(?:tỉnh|thành phố|huyện|địa phương)(?!\w)"
)
#: "tổng kế hoạch của hai tỉnh cũ": a sum over areas, which names no fund
#: (the fund named before it in the clause holds)
_OF_AREAS = rf"(?!\s+{_COUNTED_AREAS})"
#: "… 4,75 tỷ đồng của hai tỉnh cũ", "… mà Bộ giao cho Đắk Lắk cũ và Phú Yên":
#: the words after an amount say it is over areas
OVER_AREAS = re.compile(
    rf"\s*(?:{_COUNTED_AREAS}|[^.;:\n]{{0,60}}?\s+cũ\s*(?:và|,)\s)", re.IGNORECASE
)
#: "quốc gia 2,38 + địa phương 6,26": a fund named by itself right before
#: its amount (not before a year: "Chương trình quốc gia 2021–2025")
_RIGHT_BEFORE_AMOUNT = r"(?=\s*(?:là\s*)?(?:\d|$))(?!\s*(?:19|20)\d{2}(?![\d.,]\d))"
FUND_WORDS = [
    # "kinh phí (gồm nguồn quốc gia và địa phương)": both funds, all of it
    # (first: its words would name one fund each; not "… lần lượt": each)
    (
        Figure.Fund.ALL,
        r"(?:khuyến công|nguồn|vốn|kinh phí|ngân sách)\s+(?:quốc gia|trung ương)\s+"
        r"(?:và|lẫn|cùng)\s+(?:(?:nguồn|vốn|khuyến công|ngân sách)\s+)?địa phương"
        r"(?![^.;:\n]{0,30}(?:lần lượt|tương ứng))",
    ),
    (
        Figure.Fund.KCQG,
        # (not the programme as what is carried out, "Thực hiện Chương trình
        # khuyến công quốc gia giai đoạn 2021-2025, …"; but the programme as
        # the spender, "Chương trình khuyến công quốc gia thực hiện 129 tỷ",
        # and "kinh phí (của) Chương trình khuyến công quốc gia")
        r"(?<!thực hiện chương trình )(?<!triển khai chương trình )"
        r"(?<!theo chương trình )khuyến công quốc gia"
        r"|(?:nguồn|kinh phí|vốn|ngân sách)(?:\s+(?:của|thuộc|từ))?\s+chương trình"
        r"\s+khuyến công quốc gia|\bKCQG\b|ngân sách trung ương|\bNSTW\b"
        # ("kế hoạch quốc gia về chuyển đổi số": another plan, no fund)
        r"|(?:nguồn|kinh phí|vốn) quốc gia|kế hoạch quốc gia(?!\s+về(?!\w))"
        r"|(?:kế hoạch|kinh phí|tiền|vốn|nguồn) trung ương|trung ương (?:giao|cấp|phân bổ)"
        rf"|(?<!\w)quốc gia{_RIGHT_BEFORE_AMOUNT}",
    ),
    (
        Figure.Fund.KCDP,
        r"khuyến công địa phương|\bKC[ĐD]P\b|ngân sách địa phương|\bNS[ĐD]P\b"
        r"|(?:nguồn|kinh phí|vốn|kế hoạch) địa phương|ngân sách (?:của\s+)?(?:tỉnh|thành phố)(?!\w)"
        r"|(?<!\w)(?:vốn|tiền) (?:của\s+)?tỉnh(?!\w)"  # "vốn tỉnh gấp 4 lần vốn trung ương"
        rf"|(?<!\w)địa phương{_RIGHT_BEFORE_AMOUNT}",
    ),
    # "tổng kế hoạch (của) hai tỉnh cũ" adds up areas, not funds: the fund
    # named before it (or none) holds; "tổng kế hoạch quốc gia" is one fund's
    (
        Figure.Fund.ALL,
        r"toàn vùng|(?:tổng(?:\s+\w+){0,2}\s+kinh phí|tổng kế hoạch(?!\s+(?:quốc|địa)))"
        + _OF_AREAS
        + r"|các nguồn|tổng nguồn|cả hai nguồn",
    ),
]


def alternation(patterns) -> re.Pattern:
    """One regex of ``(value, pattern)`` pairs, each whole words; the group
    ``g<i>`` that matched says which pair."""
    groups = "|".join(
        f"(?P<g{i}>(?<!\\w)(?:{p})(?!\\w))" for i, (_, p) in enumerate(patterns)
    )
    return re.compile(groups or "(?!x)x", re.IGNORECASE)


FUNDS = alternation(FUND_WORDS)
#: "nguồn này", "nguồn đó": the fund named last before it
THIS_FUND = re.compile(r"(?<!\w)nguồn(?:\s+vốn)?\s+(?:này|đó|ấy)(?!\w)", re.IGNORECASE)


#: "ngoài vốn quốc gia, tỉnh bố trí …", "không kể nguồn trung ương": a fund
#: set aside, which the amounts after it are not of
_SET_ASIDE = re.compile(
    r"(?<!\w)(?:ngoài|bên cạnh|không kể|không tính|chưa kể|chưa tính|trừ)"
    r"(?:\s+(?:phần|số|khoản))?\s*$",
    re.IGNORECASE,
)


def fund_named(span: str):
    """The last fund ``span`` names, but not one it sets aside ("ngoài vốn
    quốc gia"): every fund word goes through here."""
    found, since, added, named = None, 0, False, set()
    for match in FUNDS.finditer(span):
        before = max(0, match.start() - 30), match.start()
        if _SET_ASIDE.search(span, *before):
            continue
        total = _TOTAL_OF_ONE.match(match.group(0))
        of_this = total and _OF_THIS_FUND.match(span, match.end())
        of_one = (
            total
            and named == {found} <= set(_ONE_FUND)
            and not added
            and not _BETWEEN_NOT_ONE.search(span, since, match.start())
        )
        if not (of_this or of_one):
            found = _fund_of(match)
            named.add(found)
        since, added = match.end(), bool(_ADDED_TO.search(span, *before))
    return found


#: "nguồn khuyến công quốc gia, tổng kế hoạch 3,8 tỷ đồng …", "Kế hoạch vốn
#: quốc gia của tỉnh mới là tổng kế hoạch của …": a total after the one fund
#: named is that fund's, over areas; "tổng kế hoạch nguồn này" is the one
#: named before, maybe in another span
_TOTAL_OF_ONE = re.compile(r"tổng(?!\s+nguồn)", re.IGNORECASE)
_OF_THIS_FUND = re.compile(
    r"\s+(?:của\s+)?nguồn(?:\s+vốn)?\s+(?:này|đó|ấy)(?!\w)", re.IGNORECASE
)
_ONE_FUND = (Figure.Fund.KCQG, Figure.Fund.KCDP)
#: "Cùng với nguồn địa phương, tổng kinh phí …": a fund added, the total all
_ADDED_TO = re.compile(
    r"(?<!\w)(?:cùng với|cộng(?:\s+(?:cả|với|thêm))?|kể cả|tính cả|gồm cả|và"
    r"|bên cạnh|ngoài|thêm)\s+(?:cả\s+)?(?:(?:nguồn|vốn|phần|đề án)\s+)?$",
    re.IGNORECASE,
)
#: between the fund and the total: a number, or the total as the whole the
#: fund is part of ("chiếm tỷ trọng nhỏ trong tổng kế hoạch")
_BETWEEN_NOT_ONE = re.compile(r"\d|(?<!\w)(?:trong|chiếm|so với|trên)(?!\w)", re.I)


def _fund_of(match):
    """The fund a match of ``FUNDS`` names."""
    return FUND_WORDS[int(match.lastgroup[1:])][0]


def fund_referred(text: str, at: int):
    """The fund "nguồn này" at ``at`` in ``text`` stands for: the last one
    named before it, in its sentence or the one before."""
    return fund_named(text[max(0, at - 400) : at])


#: where a clause with a subject of its own starts: a contrast ("…, trong
#: khi nguồn địa phương đạt 96%"), a comma or "tức" ("…, tức nguồn quốc
#: gia chiếm 22,61%"); "và" too ("…, gấp 1,46 lần vốn quốc gia và chiếm
#: 59,4%": the fund there is what it is a multiple of, not a subject)
_OWN_SUBJECT = re.compile(
    r"(?<!\w)(?:trong khi|nhưng|còn|song|tức(?: là)?|và)(?!\w)|,(?!\d)", re.IGNORECASE
)


def other_subject_fund(between: str, fund):
    """The fund the clause of a rate names as its subject, when it is not
    ``fund`` (that of the amount before it): "giải ngân 1,9 tỷ đồng vốn
    quốc gia, đạt 92%, trong khi nguồn địa phương đạt 96%" — the 96% is the
    local fund's own rate, not one of the 1,9 tỷ; "…, đạt 92%" names none."""
    found = list(_OWN_SUBJECT.finditer(between))
    if not found:
        return None
    named = fund_named(between[found[-1].end() :])
    if named is None and len(found) > 1 and found[-1].group(0).lower() == "và":
        # "…, KCĐP chiếm 79,3% và gấp 3,8 lần KCQG": the subject of the
        # clause before "và", when it opens it, holds for both predicates
        # (a number blanked out before it: the fund is its object, "gấp
        # 2,63 lần nguồn quốc gia và")
        clause = between[found[-2].end() : found[-1].start()]
        start = len(clause) - len(clause.lstrip())
        opening = FUNDS.match(clause, start) if start <= 1 else None
        named = _fund_of(opening) if opening else None
    return named if named is not None and named != fund else None


def total_of_named_fund(place, fund, *, owned: bool = False):
    """ "kinh phí KCQG … gồm 08 đề án với tổng kinh phí 3,65 tỷ": a total
    right after a count is of the fund the clause named before it (that
    count alone: "8 đề án KCQG và 12 đề án khác, với tổng kinh phí …" is
    all the projects' money); a total right after the rate of what a fund
    spent ("đạt 97,93% tổng kế hoạch") may be that fund's plan or all funds'
    (a share): no fund, the printed value decides (unless ``owned``: the
    words after it say whose it is); else ``fund``."""
    if fund != Figure.Fund.ALL:
        return fund
    head = place.before_clause.removesuffix(place.own)
    rate = _TOTAL_AFTER_RATE.match(place.own) and _RATE_OF_SPENDING.search(head)
    if rate and not owned:
        named = fund_named(head)
        return None if named in _ONE_FUND else fund
    if not _TOTAL_AFTER_COUNT.match(place.own) or len(_NUMBERS.findall(head)) > 1:
        return fund
    return fund_named(head) or fund


#: a number, not a year's
_NUMBERS = re.compile(r"(?<![\d.,])(?!(?:19|20)\d{2}(?!\d))\d+(?:[.,]\d+)*")
#: "08 đề án với tổng kinh phí ", "12 đề án, tổng vốn ", "(5,4 tỷ đồng) là
#: tổng kế hoạch của …": the words since a count or the subject's amount,
#: a total and what it is of
_TOTAL_AFTER_COUNT = re.compile(
    r"\s*(?:là\s+|(?:(?:đề án|dự án|nhiệm vụ|mô hình(?:\s+trình diễn)?|cơ sở|lớp"
    r"|hội chợ)\s*)?(?:với\s+|,\s*)(?:có\s+)?)"
    r"tổng\s+(?:kinh phí|số vốn|vốn|kế hoạch)(?!\w)",
    re.IGNORECASE,
)
#: "vốn quốc gia giải ngân 3,4 tỷ đồng, đạt 97,93% (so với) tổng kế hoạch
#: 3,47 tỷ đồng …": the whole of a fund's rate, its plan or all funds' (not
#: only a share's: "chiếm 22% tổng kế hoạch" is all funds')
_TOTAL_AFTER_RATE = re.compile(r"\s*(?:so với\s+)?tổng\s+kế hoạch\s*$", re.I)
_RATE_OF_SPENDING = re.compile(
    r"^(?![^%]*(?:chiếm|tỷ trọng|cơ cấu))[^%]*(?<!\w)(?:đạt|bằng|là)\s+[\d.,]+\s*%\s*$",
    re.IGNORECASE,
)
