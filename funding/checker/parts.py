"""Numbers that stand in a relation to the numbers just before them in
their sentence: a part of the whole named before it ("30/31 đề án, trong
đó 21 đề án đã hoàn thành": 21 is not the 30, and with nothing saying
which part it is, no figure of the data), and an amount with the count it
is for ("5,6 tỷ đồng cho 14 đề án, chiếm 3,5%": the percentage may be of
either); and "tổng kinh phí" of one fund when the data holds no total of
all funds ("kinh phí khuyến công quốc gia năm 2026 ... với tổng kinh phí
160 tỷ đồng")."""

from __future__ import annotations

import re

from ..core.models import Figure
from .choose import AGREE, Option
from .cues import Context
from .judge import judge
from .places import Place
from .report import Quote

_PART = re.compile(r"(?<!\w)(?:trong đó|bao gồm|gồm)(?:\s+(?:có|là))?\s*$", re.I)
#: "tổng kinh phí", "tổng kế hoạch": a total, of all funds or of the one
#: the text is about
_TOTAL = re.compile(r"tổng(?:\s+\w+){0,2}\s+kinh phí|tổng kế hoạch", re.I)
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
    if quote.kind not in ("amount", "count") or not _PART.search(place.own):
        return options
    wholes = {
        str(found.node)
        for other in place.in_sentence
        if other.start < quote.start and (found := resolved.get(id(other)))
    }
    options = [o for o in options if str(o.node) not in wholes]
    cues = context.cues(_PART.split(place.own)[-1] + " " + place.after)
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
