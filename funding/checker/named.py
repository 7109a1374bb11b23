"""The names the checker knows things by: an area's names (its aliases; the
nation's and a region's common words), an indicator's first words, and the
pairs of words only one programme content's name has."""

from __future__ import annotations

import re

from ..core.models import Area, Indicator, ProgrammeContent

NATION_WORDS = ["cả nước", "toàn quốc"]
REGION_WORDS = ["toàn vùng", "khu vực", "các tỉnh trong vùng", "toàn khu vực"]
REGION_WORDS += ["bình quân vùng", "bình quân của vùng", "bình quân chung của vùng"]
#: Words for a whole made of parts named before: a merged province, a region.

# Words of programme contents too common to tell one from another.
_COMMON = {
    "công nghiệp",
    "nông thôn",
    "khuyến công",
    "thực hiện",
    "hỗ trợ",
    "phát triển",
}


_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


def area_names(area: Area) -> set[str]:
    if area.kind == Area.Kind.NATION:
        return set(NATION_WORDS)
    names = {area.name, area.short_name, *area.aliases.splitlines()}
    if area.kind == Area.Kind.REGION:
        names |= set(REGION_WORDS)
        # "Phía Bắc (khuyến công)" is called "khu vực phía Bắc", or "phía
        # Bắc" alone in a text about it (its figures given)
        bare = _QUALIFIER.sub("", area.short_name).strip()
        if bare and bare != area.short_name.strip():
            names |= {f"khu vực {bare}", bare}
    return {n.strip() for n in names if n.strip()}


def indicator_pattern(indicator: Indicator) -> str:
    words = indicator.name.split()
    if words and words[0].lower() == "số" and len(words) > 1:
        words = words[1:]
    return re.escape(" ".join(words[:2]).lower())


def _bigrams(name: str) -> set[str]:
    tokens = re.findall(r"[^\W\d_]+", name.lower())
    return {f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)}


def content_words(contents, indicators) -> list[tuple[int, str]]:
    """Each content (not "all") with the pairs of words only its name has."""
    named = [c for c in contents if c.code != ProgrammeContent.ALL]
    pairs = {c.pk: _bigrams(c.name) for c in named}
    taken = set(_COMMON)
    for indicator in indicators:
        taken |= _bigrams(indicator.name)
    seen: dict[str, int] = {}
    for words in pairs.values():
        for pair in words:
            seen[pair] = seen.get(pair, 0) + 1
    result = []
    for pk, words in pairs.items():
        own = sorted(w for w in words if seen[w] == 1 and w not in taken)
        if own:
            pattern = "|".join(re.escape(w).replace(r"\ ", r"[\s,]+") for w in own)
            result.append((pk, pattern))
    return result
