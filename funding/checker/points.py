"""Changes in percentage points ("giảm 1,41 điểm phần trăm"): a rate of
the year, area or fund in force less the same rate of the one it is
compared with."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..core.derived import difference
from . import idents
from .candidates import Candidate, Candidates
from .cues import Cues
from .funds_compared import fund_bases, fund_moved
from .idents import Computed, Node
from .percents import base_year, derive
from .periods import periods_in
from .places import Place
from .sides import compared_year

#: "Năm 2023, tỷ lệ ấy là 94%; chỉ sau một năm đã cao hơn 2 điểm phần
#: trăm": the change is of the year that many years after the one named
_YEARS_AFTER = re.compile(r"(?<!\w)sau\s+(một|hai|ba|\d)\s+năm(?!\w)", re.I)
_SMALL = {"một": 1, "hai": 2, "ba": 3}


def years_later(place: Place) -> int:
    """How many years after the year named the change is of (0: none)."""
    found = _YEARS_AFTER.search(place.before_clause)
    if found is None:
        return 0
    word = found.group(1).lower()
    return _SMALL.get(word) or int(word)


def points_kinds(place: Place) -> list[str]:
    """What a change in points is a change of: a share ("tỷ trọng") or a
    ratio to plan ("tỷ lệ giải ngân")."""
    words = place.before_clause.lower()
    if re.search(r"tỷ trọng|chiếm|cơ cấu", words):
        return ["share"]
    if re.search(r"tỷ lệ|kế hoạch|giải ngân", words):
        return ["ratio"]
    return ["ratio", "share"]


def points(
    candidates: Candidates, numerator: Candidate, kind: str, cues: Cues, place: Place
) -> Iterator[tuple[Node, Computed]]:
    """ "Giảm 1,41 điểm phần trăm": a percentage of the year in force less
    the same percentage of the year it is compared with; "thấp hơn 6,08
    điểm phần trăm so với bình quân toàn vùng": less the same percentage
    of the area it is compared with, in the same year."""
    dims = numerator.dims
    areas = sorted(a for a in cues.areas if a != dims["area"])
    funds = fund_bases(candidates, dims, place)
    if funds:  # "nguồn quốc gia cao hơn nguồn địa phương 0,2 điểm phần trăm"
        numerator, bases = funds
    elif areas:
        cues = replace(cues, areas=frozenset())
        bases = [candidates.get(dims, area=a) for a in areas]
    else:
        # "năm 2021 … đạt 95,8%; đến năm 2024 tỷ lệ này đạt 98,5%, cao hơn
        # 2,7 điểm phần trăm": the year the sentence named before, not the
        # year before the one in force (assumed only when none is named)
        named = [] if compared_year(place) else _years_before(place, dims["year"])
        years = named or [base_year(place, Cues(year=dims["year"])) or dims["year"] - 1]
        bases = [candidates.get(dims, year=y) for y in dict.fromkeys(years)]
    for earlier in bases:
        # a rate is no change against itself (the year compared with is
        # the one in force): no reading of the points
        if earlier is not None and earlier.node != numerator.node:
            yield from _points_against(
                candidates, numerator, earlier, kind, cues, place
            )


def _years_before(place: Place, year: int) -> list[int]:
    """The other years the sentence names before the quote, latest first."""
    found = [
        y for _m, y, _n in periods_in(place.before_sentence_plain) if y and y != year
    ]
    return found[::-1]


def _points_against(candidates, numerator, earlier, kind, cues, place):
    # the numerator's whole, moved to the year (or area) compared with
    moved = {"year": earlier.dims["year"], **fund_moved(numerator, earlier)}
    if earlier.dims["area"] != numerator.dims["area"]:
        moved["area"] = (numerator.dims["area"], earlier.dims["area"])
    before = {
        _whole_key(candidates, node): (node, computed)
        for node, computed in derive(candidates, kind, earlier, cues, place)
    }
    for node, computed in derive(candidates, kind, numerator, cues, place):
        match = before.get(_whole_key(candidates, node, moved))
        if match is None:
            continue
        result = difference(computed.as_quantity(), match[1].as_quantity())
        figures = computed.figures + match[1].figures
        yield idents.op("points", node, match[0]), Computed(result, figures, "points")


def _whole_key(candidates: Candidates, node: Node, moved: dict | None = None):
    whole = candidates.by_node.get(str(node.args[1]))
    if whole is None:
        return None
    dims = dict(whole.dims)
    # the old provinces of a merged one together are the merged one's whole
    # of a year before the merger (one sum, two keys: ``old_whole``)
    dims["area"] = abs(dims["area"])
    for name, value in (moved or {}).items():
        if name == "area":  # (from, to): only a whole in the numerator's area
            value = value[1] if dims["area"] == value[0] else dims["area"]
        dims[name] = value
    return tuple(sorted((k, str(v)) for k, v in dims.items()))
