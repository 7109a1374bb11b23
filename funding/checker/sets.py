"""Numbers about a set of areas: "An Giang, Đồng Tháp, Vĩnh Long và Cà Mau
đã giải ngân 32,05 tỷ đồng, tăng 11,08%" (the four together), "khoảng
cách giữa tỉnh cao nhất và thấp nhất … 14,47 điểm phần trăm" (two of
them, by rank). A reading of one area's figure is then a guess: a
mismatch of it is only unsure (unless "lần lượt" gives each its own).
And the area a number is compared with, named before it ("so với tỉnh
B, A giải ngân nhiều hơn 530 triệu đồng", "thấp hơn B 1,3 tỷ đồng")."""

from __future__ import annotations

import re

from .candidates import Candidate, Candidates, candidate_computed
from .choose import Option
from .cues import Context
from .lists import RESPECTIVELY, sum_candidate
from .places import Place

#: what joins the names of a list of areas: "A, B và C", "A và B"
#: ("Cà Mau cũ và Bạc Liêu": an old province's "cũ" after its name)
_JOIN = re.compile(
    r"\s*(?:\(?cũ\)?\s*)?(?:,\s*(?:và\s+)?|và\s+|cùng\s+)", re.IGNORECASE
)
#: the words before the area a number is compared with
_AGAINST = re.compile(
    r"(?:so với|hơn|kém|gấp\s+(?:hơn\s+|gần\s+)?[\d,.]+\s+lần)\s+"
    r"(?:(?:tỉnh|thành phố)\s+)?$",
    re.IGNORECASE,
)
#: a gap between members of a set named by rank or pair, no area named
_GAP = re.compile(
    r"(?<!\w)(?:(?:khoảng cách|chênh lệch|cách biệt)\s+giữa"
    r"|cao nhất\s+(?:và|với)\s+(?:tỉnh\s+)?thấp nhất"
    r"|thấp nhất\s+(?:và|với)\s+(?:tỉnh\s+)?cao nhất)(?!\w)",
    re.IGNORECASE,
)


def over_a_set(
    options: list[Option], place: Place, context: Context, candidates: Candidates
) -> list[Option]:
    """``options``, each only a guess when the number's clause is about a
    list of areas together or a gap between two of a set; and the listed
    areas' figures added up (``listed_sum``)."""
    clause = place.before_clause
    if RESPECTIVELY.search(clause) or RESPECTIVELY.search(place.after):
        return options
    if _listed(clause, context) or _GAP.search(clause):
        for option in options:
            option.assumed = True
        return options + _listed_sum(options, clause, context, candidates)
    return options


#: the listed areas' numbers added up: "cộng lại", "gộp lại", "tổng cộng"
_ADDED_UP = re.compile(
    r"(?<!\w)(?:cộng lại|gộp lại|tổng cộng|cộng chung|tính chung)(?!\w)", re.I
)


def _listed_sum(options, clause: str, context: Context, candidates) -> list[Option]:
    """ "Kon Tum và Đắk Nông cộng lại chỉ có 7,7 tỷ đồng": where the clause's
    subject is a list of areas, each figure read of one of them is also
    read of them all, added up (when each has it); a guess, too, unless
    the words add them up."""
    listed = context.subject_list(clause)
    sums = {}
    for option in options:
        read = candidates.by_node.get(str(option.node))
        if read is None or not any(read.dims["area"] in names for names in listed):
            continue
        parts = [_of_one(candidates, read, names) for names in listed]
        if None in parts:
            continue
        added = sum_candidate(parts)
        if str(added.node) not in sums:  # the first option read of it: its words
            sums[str(added.node)] = Option(
                added.node,
                candidate_computed(added),
                option.words,
                option.evidence,
                assumed=not _ADDED_UP.search(clause),
            )
    return list(sums.values())


def _of_one(candidates: Candidates, read: Candidate, names: frozenset):
    """``read``'s figure of the area a listed name stands for (its own
    area first, when the name is also one of others)."""
    for area in sorted(names, key=lambda area: area != read.dims["area"]):
        found = candidates.get(read.dims, area=area)
        if found is not None:
            return found
    return None


def _listed(clause: str, context: Context) -> bool:
    """The clause names two or more areas one after the other ("A, B và
    C"), as the subject of what it says."""
    spans = context.area_spans(clause)
    return any(
        _JOIN.fullmatch(clause[first[1] : second[0]])
        for first, second in zip(spans, spans[1:], strict=False)
    )


def compared_area(place: Place, context: Context) -> frozenset:
    """The area the clause compares with, named before the number (since
    the number before it: that one's "so với" is its own): the last one
    right after "so với", "hơn", "gấp … lần"."""
    clause = place.own
    for start, end in reversed(context.area_spans(clause)):
        if _AGAINST.search(clause[:start]):
            return context.areas_in(clause[start:end])
    return _common_area(place, context)


#: "(phía Bắc) cao hơn mức chung": the whole the sentence named before
_COMMON = re.compile(
    r"(?:hơn|so với|kém)\s+(?:mức|tỷ lệ|bình quân|trung bình)(?:\s+chung)?\s*$"
    r"|(?<!\w)(?:mức|tỷ lệ|bình quân) chung\b[^;.]*[,:]\s*[^,;:.]+(?:cao|thấp) hơn\s*$",
    re.IGNORECASE,
)


def _common_area(place: Place, context: Context) -> frozenset:
    """ "Cả nước … đạt 71,38%: phía Bắc cao hơn mức chung 2,65 điểm phần
    trăm, phía Nam thấp hơn 1,91 điểm phần trăm": the area named before the
    clause (the rate of all), not the one the clause is about."""
    sentence = place.before_sentence_plain
    if not _COMMON.search(sentence):
        return frozenset()
    earlier = sentence[: len(sentence) - len(place.own)]
    own = context.areas_in(place.own)
    named = [area for area in context.areas_listed(earlier) if not area & own]
    return named[0] if own and named else frozenset()
