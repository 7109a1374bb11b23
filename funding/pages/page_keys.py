"""What the figures pages show, in the page cache's dependency keys (the
vocabulary and what changes touch: ``funding.core.page_keys``), registered
from ``FundingConfig.ready()``."""

from __future__ import annotations

from ..core.models import Figure
from ..core.page_keys import EVERY_YEAR, WHICH_EXIST


# Pages and what they show, by URL name. The parameters as the view read
# them, validated (``khuyencong.params``), never the raw query: "vn " is
# the area "vn", and must be named so for a change to "vn" to reach it.
def _param(request, name: str):
    return getattr(request, "params", {}).get(name)


def _year(request) -> int | None:
    return _param(request, "year")


def overview(request, **_kwargs) -> set[str]:
    year, area = _year(request), _param(request, "area")
    if year is None or not area:
        return {EVERY_YEAR}
    return {f"figures:area={area}:year={year}", WHICH_EXIST}


def one_year(request, **_kwargs) -> set[str]:
    year = _year(request)
    return {EVERY_YEAR} if year is None else {f"figures:year={year}", WHICH_EXIST}


def region(request, slug, **_kwargs) -> set[str]:
    year = _year(request)
    if year is None:
        return {EVERY_YEAR}
    return {f"figures:place={slug}:year={year}", WHICH_EXIST}


def province(request, slug, **_kwargs) -> set[str]:
    # Its figures and its predecessors' (a change to those touches it).
    return {f"figures:place={slug}"}


def every_year(request, **_kwargs) -> set[str]:
    return {EVERY_YEAR}


def figure(request, pk, **_kwargs) -> set[str]:
    # Its siblings of the same area and year (the derived values), and the
    # articles showing it.
    found = Figure.objects.filter(pk=pk).values_list("area__code", "year").first()
    if found is None:
        return {EVERY_YEAR}
    return {f"figures:area={found[0]}:year={found[1]}", "articles"}


PAGES = {
    "funding:overview": overview,
    "funding:region": region,
    "funding:ranking": one_year,
    "funding:tilemap": one_year,
    "funding:province": province,
    "funding:series": every_year,
    "funding:source": every_year,
    "funding:open_data": every_year,
    "funding:open_data_csv": every_year,
    "funding:figure": figure,
}
