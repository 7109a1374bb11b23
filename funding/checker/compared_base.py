"""A change printed after the number it is compared with: "So với năm 2023
(6,59 tỷ đồng), Bình Thuận tăng 6,89%"; "năm 2023 nội dung này dùng 948,5
triệu đồng, như vậy năm 2024 tăng 18,80%". The amount right before the
change is then its base, not what changed: what changed is the same figure
in the year named between them, or, after a comparison naming the
amount's own time ("So với năm 2023 (…)"), the year in force (the next
year that has the figure when the comparison named the year in force: a
guess, so only unsure)."""

from __future__ import annotations

import re

from .candidates import Candidate, Candidates, old_whole
from .choose import Option
from .cues import Cues
from .percents import options_against
from .places import Place, words_between
from .report import Quote

#: words between the amount and the change that compare with something
#: else ("thấp hơn kế hoạch năm 2024 250 triệu": compared there)
_COMPARING = re.compile(r"(?<!\w)(?:so với|cùng kỳ|hơn|gấp)(?!\w)", re.IGNORECASE)
#: the change names its own base after it ("tăng 3,6% so với năm 2023")
_BASE_AFTER = re.compile(r"\s*(?:so với|so cùng kỳ|cùng kỳ)(?!\w)", re.IGNORECASE)
#: a comparison before the amount, and the words from it to the amount
_COMPARISON = re.compile(r"(?<!\w)(?:so với|cùng kỳ)(?P<said>[^;.!?]*)$", re.IGNORECASE)
#: the words naming the time compared with, its year unsaid
_THEN = re.compile(r"(?<!\w)(?:cùng kỳ|năm trước|năm ngoái)(?!\w)", re.IGNORECASE)
#: a year alone, not one end of a span ("2021-2024")
_YEAR = re.compile(r"(?<![\d.,/–-])((?:19|20)\d{2})(?![\d.,/–-])")
#: the readings worked over a compared amount
_OVER_BASE_KINDS = ("change", "times", "diff")


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
    kinds = [kind for kind in kinds if kind in _OVER_BASE_KINDS]
    earlier = [q for q in place.in_sentence if q.end <= quote.start]
    if not kinds or not earlier or _BASE_AFTER.match(place.after):
        return []
    compared = earlier[-1]
    base = resolved.get(id(compared))
    if compared.sign or compared.role or base is None or not base.value:
        return []  # a change itself, or one of a pair, is no base
    between = words_between(compared, quote, place)
    if _COMPARING.search(between) or _names_another(cues_of(between), base):
        return []  # "(… năm 2022), kế hoạch năm nay gấp": another measure
    year = _year_of_change(place, compared, between, base.dims["year"], kept_year)
    if year is None:
        return []
    guess = year == base.dims["year"]
    if guess:  # the comparison named the year in force: the years after it
        later = (_same_figure_in(candidates, base, year + n) for n in (1, 2, 3))
        numerator = next((c for c in later if c is not None), None)
    else:
        numerator = _same_figure_in(candidates, base, year)
    if numerator is None:
        return []
    words = max((o.words for o in options), default=0.0)
    found = options_against(kinds, numerator, base, words, options)
    for option in found:
        option.assumed = guess
    return found


def _names_another(cues: Cues, base: Candidate) -> bool:
    """The words between the compared amount and the change name another
    measure, fund, indicator, content or area than the amount's: what
    changed is not the same figure."""
    dims = base.dims
    area = dims["area"]
    areas = {area, old_whole(area)} if area < 0 else {area}
    indicator = cues.indicator.pk if cues.indicator is not None else None
    return (
        (cues.measure is not None and cues.measure != dims["measure"])
        or (cues.fund is not None and cues.fund != dims["fund"])
        or (indicator is not None and indicator != dims["indicator"])
        or (cues.content is not None and cues.content != dims["content"])
        or bool(cues.areas and not cues.areas & areas)
    )


def _year_of_change(place: Place, compared: Quote, between: str, base_year, kept_year):
    """The year the change is of: one named between the compared amount and
    the change ("…, như vậy năm 2024 tăng"), else, when the comparison
    before the amount names the amount's own time ("So với năm 2023 (…)",
    "cùng kỳ năm 2024, hai tỉnh cũ: …", "Cùng kỳ năm ngoái mình giải ngân
    …"), the year in force (or the amount's own year, when that is the one
    carried: the caller then guesses); None when nothing says the amount
    is what the change is compared with."""
    named = [int(y) for y in _YEAR.findall(between) if int(y) != base_year]
    if named:
        return named[-1]
    start = place.sentence[0]
    window = place.sentence_text[: compared.start - start][-80:]
    phrase = _COMPARISON.search(window)
    if phrase is None:
        return None
    # the comparison's own words, up to a comma: "So với năm 2020, năm 2021
    # Điện Biên giải ngân 5 tỷ" compares 2020, not the 2021 amount
    own = phrase["said"].split(",")[0]
    # or right after the amount: "so với mức 3 tỷ đồng của năm 2024, tăng"
    years = _YEAR.findall(own) or _YEAR.findall(between.split(",")[0])
    if not (int(years[0]) == base_year if years else _THEN.search(own)):
        return None
    return kept_year if kept_year and kept_year != base_year else base_year


def _same_figure_in(candidates: Candidates, base: Candidate, year: int):
    """The base's figure in ``year``; for the old provinces added up, the
    merged province's own."""
    found = candidates.get(base.dims, year=year)
    area = base.dims["area"]
    if found is None and area < 0:
        found = candidates.get(base.dims, year=year, area=old_whole(area))
    return found
