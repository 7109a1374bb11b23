"""A total right after the parts it adds up, in one sentence: "A 7,6 tỷ
đồng, B 8,2 tỷ đồng, C 6,8 tỷ đồng, tổng 22,6 tỷ đồng". Its reading is the
sum of the figures the parts were read as (the same but for the area),
whichever whole the data stores for their areas: the words before it name
only the last part's area."""

from __future__ import annotations

import re

from .candidates import candidate_computed
from .choose import Option
from .lists import sum_candidate
from .places import Place
from .report import Quote

#: the word right before the number ("…, tổng 22,6 tỷ đồng"); a bare
#: "cộng" only after a comma ("A 3,1 tỷ và B 2,4 tỷ, cộng 5,5 tỷ"): inside
#: a clause ("A và B cộng 340 triệu bổ sung") it adds one more part
_TOTAL = re.compile(
    r"(?:(?<!\w)(?:tổng|tổng cộng|cộng lại|gộp lại|tính chung)|,\s*cộng)"
    r"(?:\s+(?:là|đạt|có))?\s*:?\s*$",
    re.IGNORECASE,
)


def listed_total(
    options: list[Option], quote: Quote, place: Place, resolved, made: dict
) -> list[Option]:
    """The sum of the parts listed right before ``quote``, when the word
    before it says total: favoured over the readings the words allow, but
    not by so much that one of them giving the printed number loses."""
    if quote.kind not in ("amount", "count") or quote.sign or quote.role:
        return []
    offset = place.sentence[0]
    if not _TOTAL.search(place.sentence_text[: quote.start - offset]):
        return []
    parts = []
    for other in reversed(place.in_sentence):
        if other.start >= quote.start or other.kind != quote.kind:
            continue
        found = resolved.get(id(other))
        if other.in_parens or other.sign or other.role or found is None:
            break
        if parts and not _alike(found.dims, parts[-1].dims):
            break
        parts.append(found)
    areas = {p.dims["area"] for p in parts}
    if len(parts) < 2 or len(areas) < len(parts):
        return []
    total = sum_candidate(list(reversed(parts)))
    made[str(total.node)] = total
    top = max((o.words for o in options), default=0.0)
    return [Option(total.node, candidate_computed(total), top + 1, 1)]


def _alike(one: dict, other: dict) -> bool:
    return all(one[k] == other[k] for k in one if k != "area")
