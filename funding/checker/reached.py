"""A rate named by its area alone after another rate: "Hai tỉnh cũ giải
ngân … trên kế hoạch …, đạt 96,1%. Lào Cai cũ đạt 97,5%; Yên Bái đạt
94%": what each area spent of its plan, as the rate before it."""

from __future__ import annotations

import re

from .funds import FUNDS

#: "A đạt 96,9% kế hoạch, …": a rate to plan before, in the same words
_RATE_OF_PLAN = re.compile(r"\d\s*%\s*(?:kế hoạch|KH)(?!\w)", re.IGNORECASE)
#: "A giải ngân … trên kế hoạch …, đạt 96,1%. B đạt 97,5%": an area that
#: "đạt" a percentage right after a sentence (or clause) ending on a rate
_REACHED = re.compile(r"(?<!\w)đạt\s*$", re.IGNORECASE)
_A_RATE = re.compile(r"(?<!\w)đạt\s+\d+(?:,\d+)?\s*%", re.IGNORECASE)


def after_a_rate_of_plan(place, span: str, text: str) -> bool:
    """ "A đạt 96,9% kế hoạch, B đạt 96,5%" (the rate in ``span``), or "B
    đạt" after a rate in the sentence before, in the same paragraph, or in
    this one before the clause."""
    if _RATE_OF_PLAN.search(span):
        return True
    start = place.sentence[0]
    before = text[max(0, start - 300) : place.clause_start].rsplit("\n", 1)[-1]
    return bool(_REACHED.search(span) and _A_RATE.search(before))


#: "… và 600 triệu đồng bổ sung từ ngân sách tỉnh; riêng A chiếm 40%": the
#: fund an added amount came from is that amount's, not what the sentence
#: (and a rate after it) is about
_ADDED_FROM = re.compile(
    rf"(?<!\w)bổ sung(?:\s+thêm)?\s+từ\s+(?:nguồn\s+)?(?P<blank>{FUNDS.pattern})",
    re.IGNORECASE,
)


#: "… là 27,2 tỷ đồng với 72 đề án": the count an amount is for goes with
#: it; the sentence (and a rate after it) is about the amount
_FOR_COUNT = re.compile(
    r"(?<!\w)đồng\s+(?:với|cho)\s+(?P<blank>\d[\d.]*\s+[^\W\d]+(?:\s+[^\W\d]+)?)",
    re.IGNORECASE,
)


def no_source(span: str) -> str:
    """``span`` with the fund an added amount came from, and the count an
    amount is for, blanked."""
    for pattern in (_ADDED_FROM, _FOR_COUNT):
        span = pattern.sub(_blanked, span)
    return span


def _blanked(match: re.Match) -> str:
    kept = match.group(0)[: match.start("blank") - match.start()]
    return kept + " " * len(match.group("blank"))
