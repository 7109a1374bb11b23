"""What a change to figures touches, in the page cache's dependency keys
(``khuyencong.pagecache``; the pages' side: ``funding.pages.page_keys``),
connected from ``FundingConfig.ready()`` and told by the imports.

A page of one year compares it with the year before, and an area's figure
of a year may sum up others (a region's members that year, a merged
province's predecessors), so a change to a figure of area A in year Y
touches, for Y and Y + 1:

- ``figures:year=<Y>``: the pages of that year (ranking, map, a region's
  provinces);
- ``figures:area=<code>:year=<Y>`` and ``figures:place=<slug>:year=<Y>``:
  the pages of A, of the regions it was a member of, of the province it
  merged into and of the nation (the overview of one area and year, a
  figure's own page, a region's provinces that year);
- ``figures:place=<slug>``: the same areas' pages of every year (a
  province's years);

and ``figures`` (a page of every year: a province's years, a series, the
open data). The first figure of an area and year, or the last one removed,
also touches ``figures:set``: the years and areas that have figures (the
pickers of the pages of one year).
Reference data (areas, indicators, sources…) touches every page.
"""

from __future__ import annotations

from collections.abc import Iterable

from khuyencong.pagecache import changed

from .models import Area, Figure, RegionMembership

EVERY_YEAR = "figures"
WHICH_EXIST = "figures:set"


def pairs_of(figures) -> set[tuple[int, int]]:
    """The (area id, year) of ``figures``, a queryset, in one query."""
    return set(figures.values_list("area_id", "year").distinct())


def alone_in_their_pairs(figures) -> bool:
    """Whether some of ``figures`` (a queryset) are the only figures of
    their area and year: adding or removing them changes which years and
    areas have figures."""
    pairs = pairs_of(figures)
    if not pairs:
        return False
    others = Figure.objects.filter(
        area__in={area for area, _ in pairs}, year__in={year for _, year in pairs}
    ).exclude(pk__in=figures.values("pk"))
    return bool(pairs - pairs_of(others))


def change_keys(
    pairs: Iterable[tuple[int, int]], *, added_or_removed: bool
) -> set[str]:
    """The keys a change to figures of these (area id, year) touches: a few
    queries, whatever the number of figures."""
    pairs = set(pairs)
    keys = {EVERY_YEAR}
    if added_or_removed:
        keys.add(WHICH_EXIST)
    if not pairs:
        return keys
    area_ids = {area for area, _year in pairs}
    years = {year for _area, year in pairs} | {year + 1 for _area, year in pairs}
    successors = dict(
        Area.objects.filter(pk__in=area_ids, successor__isnull=False).values_list(
            "pk", "successor_id"
        )
    )
    members = set(area_ids) | set(successors.values())
    regions: dict[tuple[int, int], set[int]] = {}
    for province, year, region in RegionMembership.objects.filter(
        province__in=members, year__in=years
    ).values_list("province_id", "year", "region_id"):
        regions.setdefault((province, year), set()).add(region)
    nations = set(
        Area.objects.filter(kind=Area.Kind.NATION).values_list("pk", flat=True)
    )
    touched: set[tuple[int, int]] = set()
    for area, year in pairs:
        for shown in (year, year + 1):
            keys.add(f"figures:year={shown}")
            for one in {area, successors.get(area)} - {None}:
                touched.add((one, shown))
                touched.update(
                    (region, shown) for region in regions.get((one, shown), ())
                )
            touched.update((nation, shown) for nation in nations)
    names = {
        pk: (code, slug)
        for pk, code, slug in Area.objects.filter(
            pk__in={area for area, _ in touched}
        ).values_list("pk", "code", "slug")
    }
    for area, year in touched:
        code, slug = names[area]
        keys.add(f"figures:area={code}:year={year}")
        keys.add(f"figures:place={slug}:year={year}")
        keys.add(f"figures:place={slug}")
    return keys


def remember_place(sender, instance, raw=False, **_kwargs) -> None:
    """pre_save of a figure: its area and year as stored, for
    ``figure_keys`` (a figure moved in the admin leaves the pages of the
    place it had)."""
    if instance.pk and not raw:
        instance._place_before = (
            Figure.objects.filter(pk=instance.pk).values_list("area_id", "year").first()
        )


def _empty(area_id: int, year: int, *, but: int | None = None) -> bool:
    return (
        not Figure.objects.filter(area_id=area_id, year=year).exclude(pk=but).exists()
    )


def figure_keys(figure, *, added_or_removed: bool = True) -> set[str]:
    """A figure saved or deleted alone (the admin, a script): the pages of
    its area and year, and of those it had if it moved. Whether it is its
    place's only figure (it is still stored: keys are read after a save and
    before a deletion) and whether it left its old place empty decide if
    the years and areas that have figures changed."""
    place = (figure.area_id, figure.year)
    before = getattr(figure, "_place_before", None) or place
    moved = before != place
    which_changed = (added_or_removed or moved) and _empty(*place, but=figure.pk)
    which_changed = which_changed or (moved and _empty(*before))
    return change_keys({place, before}, added_or_removed=which_changed)


def place_emptied(sender, instance, **_kwargs) -> None:
    """post_delete of a figure: whether its area and year have any figure
    left decides if the pickers change. Read after the row is gone, since
    a bulk deletion sends every pre_delete first (each saw the others)."""
    if _empty(instance.area_id, instance.year):
        changed(keys={WHICH_EXIST})
