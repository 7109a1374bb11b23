"""The whole of a share whose part is the old provinces of a merged one
added up: "kinh phí khuyến công quốc gia do ba địa phương cũ được giao là
4,3 tỷ đồng, chiếm 18,3% tổng kế hoạch". The whole may be the old ones'
total, or the merged province's own plan, which may be more than theirs
added up (it adds its own money): both are readings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .candidates import Candidate, Candidates, old_whole
from .cues import Cues


def successor_wholes(
    candidates: Candidates,
    numerator: Candidate,
    cues: Cues,
    is_whole: Callable[[Candidates, Candidate, Candidate, Cues], bool],
) -> list[Candidate]:
    """Wholes of the merged province for a numerator of its old provinces
    together: each one that is a whole of the old ones' same figure."""
    area = numerator.dims["area"]
    if area is None or area >= 0:
        return []
    merged = old_whole(area)
    unnamed = replace(cues, areas=frozenset())
    together = [
        w
        for w in candidates.all()
        if w.dims["area"] == area and is_whole(candidates, w, numerator, unnamed)
    ]
    found = []
    for whole in candidates.all():
        if whole.dims["area"] != merged:
            continue
        moved = {**whole.dims, "area": area}
        if any(w.dims == moved for w in together):
            found.append(whole)
    return found
