"""What a percentage is of: a ratio to plan ("đạt … kế hoạch"), a share of
a wider whole ("chiếm"), or a change against another period ("tăng",
"cao hơn … so với năm X"); the options a numerator allows."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core.derived import change, ratio, share
from ..core.models import Figure
from . import idents
from .candidates import Candidate, Candidates
from .cues import Cues
from .idents import Computed, Node
from .report import Quote

KIND_WORDS = re.compile(
    r"chiếm|đạt|bằng|cao hơn|thấp hơn|tăng|giảm|vượt", re.IGNORECASE
)


def percent_kinds(quote: Quote, before_clause: str, after: str) -> list[str]:
    if quote.sign:
        return ["change"]
    words = KIND_WORDS.findall(before_clause[-60:])
    last = words[-1].lower() if words else ""
    if last == "chiếm":
        return ["share"]
    if last in ("cao hơn", "thấp hơn", "tăng", "giảm", "vượt"):
        return ["change"]
    if last in ("đạt", "bằng") or re.search(r"kế hoạch", after, re.IGNORECASE):
        return ["ratio"]
    return ["ratio", "share", "change"]


def derive(
    candidates: Candidates, kind: str, numerator: Candidate, cues: Cues, base_year
) -> Iterator[tuple[Node, Computed]]:
    """Each reading of ``kind`` with ``numerator`` on top."""
    dims = numerator.dims
    others: list[Candidate] = []
    function = {"ratio": ratio, "change": change, "share": share}[kind]
    if kind == "ratio" and dims["measure"] != Figure.Measure.PLAN:
        plan = candidates.get(dims, measure=Figure.Measure.PLAN, months=None)
        others = [plan] if plan is not None else []
    elif kind == "change":
        year = base_year or dims["year"] - 1
        base = candidates.get(dims, year=year) if year != dims["year"] else None
        others = [base] if base is not None else []
    elif kind == "share":
        others = [
            w
            for w in candidates.all()
            if w is not numerator and _is_whole_of(candidates, w, numerator, cues)
        ]
    for other in others:
        if not other.value:
            continue
        result = function(numerator.quantity, other.quantity)
        node = idents.op(kind, numerator.node, other.node)
        yield node, Computed(result, numerator.figures + other.figures, "fraction")


def _is_whole_of(
    candidates: Candidates, whole: Candidate, part: Candidate, cues: Cues
) -> bool:
    w, dims = whole.dims, part.dims
    if not all(w[k] == dims[k] for k in ("indicator", "content", "year", "months")):
        return False
    if w["measure"] != (cues.measure or dims["measure"]):
        return False
    if cues.fund is not None and w["fund"] != cues.fund:
        return False
    if cues.area is not None and w["area"] != cues.area.pk:
        return False
    if cues.year is not None and w["year"] != cues.year:
        return False
    if w["area"] == dims["area"]:
        return w["fund"] == Figure.Fund.ALL and dims["fund"] != w["fund"]
    return candidates.contains(w["area"], dims["area"], dims["year"]) and w["fund"] in (
        dims["fund"],
        Figure.Fund.ALL,
    )
