"""A change printed after the number it is compared with: "So với năm 2023
(6,59 tỷ đồng), Bình Thuận tăng 6,89%"; "năm 2023 nội dung này dùng 948,5
triệu đồng, như vậy năm 2024 tăng 18,80%". The amount right before the
change is then its base, not what changed: what changed is the same figure
in the other year, the one named after the amount or else the one in force."""

from __future__ import annotations

import re

from .candidates import Candidate, Candidates, old_whole
from .choose import Option
from .cues import Cues
from .percents import against
from .places import Place
from .report import Quote

#: the words that make the amount after them the one compared with
_COMPARED_WITH = re.compile(r"(?<!\w)(?:so với|cùng kỳ)(?!\w)", re.IGNORECASE)
#: the words naming the time compared with, its year unsaid
_THEN = re.compile(r"(?<!\w)(?:cùng kỳ|năm trước|năm ngoái)(?!\w)", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d.,/])((?:19|20)\d{2})(?![\d.,/])")
_COMPARATIVE = re.compile(r"(?<!\w)(?:hơn|bằng|gấp)(?!\w)", re.IGNORECASE)
_KINDS = ("change", "times", "diff")


def over_compared_base(
    quote: Quote,
    place: Place,
    resolved: dict,
    candidates: Candidates,
    *,
    kinds: list[str],
    kept_year: int | None,
    options: list[Option],
    cues_of,
) -> list[Option]:
    """The readings of ``quote`` (of ``kinds``) over the amount before it
    when that amount is what it is compared with (see the module), as well
    supported as the best of ``options`` (the text's own shape names them);
    none ``options`` has already."""
    kinds = [kind for kind in kinds if kind in _KINDS]
    earlier = [q for q in place.in_sentence if q.end <= quote.start]
    if not kinds or not earlier or quote.kind == "count" and not quote.sign:
        return []
    compared = earlier[-1]
    base = resolved.get(id(compared))
    if base is None or not base.value:
        return []
    between = _between(place, compared, quote)
    if _names_another(cues_of(between), base):
        return []  # "(… năm 2022), kế hoạch năm nay gấp": another measure
    year = _other_year(place, compared, between, base.dims["year"], kept_year)
    if year is None:
        return []
    if year == base.dims["year"]:  # the year compared with is the one carried:
        later = (_same_figure_in(candidates, base, year + n) for n in (1, 2, 3))
        numerator = next((c for c in later if c is not None), None)  # the next
    else:
        numerator = _same_figure_in(candidates, base, year)
    if numerator is None:
        return []
    words = max((o.words for o in options), default=0.0)
    have = {str(o.node) for o in options}
    found = [Option(*against(kind, numerator, base), words, 1) for kind in kinds]
    return [o for o in found if str(o.node) not in have]


def _between(place: Place, compared: Quote, quote: Quote) -> str:
    start = place.sentence[0]
    return place.sentence_text[compared.end - start : quote.start - start]


def _names_another(cues: Cues, base: Candidate) -> bool:
    """The words between the compared amount and the change name another
    measure, fund or area than the amount's: what changed is not the same
    figure."""
    dims = base.dims
    area = dims["area"]
    areas = {area, old_whole(area)} if area < 0 else {area}
    return (
        (cues.measure is not None and cues.measure != dims["measure"])
        or (cues.fund is not None and cues.fund != dims["fund"])
        or bool(cues.areas and not cues.areas & areas)
    )


def _other_year(place: Place, compared: Quote, between: str, base_year, kept_year):
    """The year the change is of: one named between the compared amount and
    the change ("…, như vậy năm 2024 tăng"), else, when the words before
    the amount compare with it, the year in force (the amount's own when
    the comparison named it: then the next year that has the figure);
    None when nothing compares with the amount."""
    if _COMPARED_WITH.search(between) or _COMPARATIVE.search(between):
        return None  # "thấp hơn kế hoạch năm 2024 250 triệu": compared there
    start = place.sentence[0]
    named = [int(y) for y in _YEAR.findall(between) if int(y) != base_year]
    if named:
        return named[-1]
    window = place.sentence_text[: compared.start - start][-60:]
    if not _COMPARED_WITH.search(window):
        return None
    if kept_year and kept_year != base_year:
        return kept_year
    # "So với năm 2023 (…)": the comparison names the year; "so với Ninh
    # Thuận (…)" names another area of the same year
    return base_year if _THEN.search(window) or str(base_year) in window else None


def _same_figure_in(candidates: Candidates, base: Candidate, year: int):
    """The base's figure in ``year``; for the old provinces added up, the
    merged province's own."""
    found = candidates.get(base.dims, year=year)
    area = base.dims["area"]
    if found is None and area < 0:
        found = candidates.get(base.dims, year=year, area=old_whole(area))
    return found
