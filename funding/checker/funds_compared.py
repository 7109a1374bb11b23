"""Two funds compared in points: "tỷ lệ giải ngân nguồn quốc gia cao hơn
nguồn địa phương 0,2 điểm phần trăm" is the first fund's rate less the
second's, of the same area and year."""

from __future__ import annotations

import re

from ..core.models import Figure
from .funds import FUND_WORDS

#: the words of one fund each (not of both, not of all)
_ONE_FUND = [
    (fund, pattern)
    for fund, pattern in FUND_WORDS
    if fund in (Figure.Fund.KCQG, Figure.Fund.KCDP)
]
#: "(thấp hơn) (tỷ lệ của) nguồn vốn KCĐP": the words for money before a fund's
_SOURCE = (
    r"(?:tỷ lệ\s+(?:của\s+)?)?(?:(?:nguồn|vốn|kinh phí)\s+(?:vốn\s+|kinh phí\s+)?)?"
)
_FUND = "|".join(f"(?:{pattern})" for _fund, pattern in _ONE_FUND)
_COMPARED = re.compile(
    rf"(?P<a>{_FUND})[^,;.()]{{0,40}}?(?:cao|thấp) hơn\s+(?:so với\s+)?{_SOURCE}"
    rf"(?P<b>{_FUND})\s*(?:là\s*)?$",
    re.IGNORECASE,
)


#: "vốn KCQG thấp hơn vốn KCĐP 9,29 điểm phần trăm và thấp hơn …": the
#: second comparison is the first fund's again, not the fund compared with
_AGAIN = re.compile(
    rf"(?P<a>{_FUND})[^,;.()]{{0,40}}?(?:cao|thấp) hơn\s+(?:so với\s+)?{_SOURCE}"
    rf"(?:{_FUND})\s+\d[\d.,]*\s*(?:điểm phần trăm|điểm|%)\s*,?\s*"
    r"và\s+(?:cũng\s+)?(?:cao|thấp) hơn\s*$",
    re.IGNORECASE,
)


def compared_again(before_clause: str):
    """The fund of a second comparison of the same subject, or None."""
    found = _AGAIN.search(before_clause)
    return _fund_of(found["a"]) if found else None


def _fund_of(words: str):
    for fund, pattern in _ONE_FUND:
        if re.fullmatch(pattern, words, re.IGNORECASE):
            return fund
    return None


#: the words after the last comma are only the comparative and the fund
#: compared with ("…, đạt 67%, thấp hơn nguồn quốc gia"): the first fund is
#: the one the sentence named before
_AGAINST = re.compile(
    rf"^\W*(?:và\s+)?(?:cao|thấp) hơn\s+(?:so với\s+)?{_SOURCE}(?P<b>{_FUND})\s*(?:là\s*)?$",
    re.IGNORECASE,
)
_ANY_FUND = re.compile(_FUND, re.IGNORECASE)


def compared_funds(before_clause: str, before_sentence: str = ""):
    """(the fund whose rate it is, the fund it is compared with), or None."""
    found = _COMPARED.search(before_clause)
    if found is not None:
        first, second = _fund_of(found["a"]), _fund_of(found["b"])
    else:
        last = before_clause.split(",")[-1]
        found = _AGAINST.search(last)
        if found is None:
            return None
        second = _fund_of(found["b"])
        earlier = before_sentence[: len(before_sentence) - len(last)]
        named = [_fund_of(m.group(0)) for m in _ANY_FUND.finditer(earlier)]
        first = next((f for f in reversed(named) if f and f != second), None)
    return (first, second) if first and second and first != second else None


def fund_bases(candidates, dims: dict, place):
    """(the first fund's figure, [the second's]) when the clause before the
    quote (``place``) compares two funds, else None."""
    funds = compared_funds(place.before_clause, place.before_sentence_plain)
    numerator = candidates.get(dims, fund=funds[0]) if funds else None
    if numerator is None:
        return None
    return numerator, [candidates.get(dims, fund=funds[1])]


def fund_moved(numerator, earlier) -> dict:
    """The numerator's whole moved to the fund compared with, if another."""
    fund = earlier.dims["fund"]
    return {"fund": fund} if fund != numerator.dims["fund"] else {}
