"""How well a reading agrees with the words around a number: the cues it
holds (a cue of the number's own clause must hold, a carried one only
counts in favour) and what a text means when it does not say."""

from __future__ import annotations

from ..core.models import Figure
from .cues import Cues


def agrees(dims: dict, cues: Cues, hard: bool) -> int | None:
    """How many cues the candidate agrees with; None if a hard cue fails."""
    score = 0
    checks = [
        ("year", cues.year),
        ("fund", cues.fund),
        ("measure", cues.measure),
        ("indicator", cues.indicator.pk if cues.indicator else None),
    ]
    if cues.period_named:
        checks.append(("months", cues.months))
    for name, wanted in checks:
        if wanted is None and name != "months":
            continue
        if dims[name] == wanted:
            score += 1
        elif hard:
            return None
    if cues.areas:
        if dims["area"] in cues.areas:
            score += 1
        elif hard:
            return None
    if cues.content is not None and dims["content"] == cues.content:
        score += 1  # a content's words are common: they count, never exclude
    return score


def defaults(dims: dict, explicit: Cues, kept: Cues, all_content: int | None) -> float:
    """Half a point for what a text means when it does not say: all
    sources, all contents, the whole year."""
    score = 0.0
    if explicit.fund is None and kept.fund is None and dims["fund"] == Figure.Fund.ALL:
        score += 0.5
    if explicit.content is None and dims["content"] == all_content:
        score += 0.5
    if not explicit.period_named and not kept.period_named and dims["months"] is None:
        score += 0.5
    return score


def override(cues: Cues, inner: Cues) -> None:
    for name in ("year", "months", "fund", "measure", "indicator", "content"):
        value = getattr(inner, name)
        if value is not None:
            setattr(cues, name, value)
    if inner.period_named:
        cues.period_named = True
    if inner.areas:
        cues.areas = inner.areas


def fill(cues: Cues, more: Cues) -> None:
    for name in ("year", "months", "fund", "measure", "indicator", "content"):
        if getattr(cues, name) is None and getattr(more, name) is not None:
            setattr(cues, name, getattr(more, name))
    cues.period_named = cues.period_named or more.period_named
    cues.areas = cues.areas or more.areas
