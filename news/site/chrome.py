"""What every public page shows around its content (the agency's details,
the menu, the footer's and social links), read from the database once per
site version (``shared``) in each process rather than on every page
rendered, with the page cache on or off.

A change to any of it (or to a category or article the menu names) bumps
the version (``news.apps``), so the next page reads it afresh; with the
cache out of reach it is read each time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings as django_settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from ..models import Article, Category
from .models import SiteLink, SiteSettings
from .shared import MAX_AGE_SECONDS, Kept


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    category_id: int | None = None


@dataclass(frozen=True)
class Chrome:
    settings: SiteSettings
    menu: list[Link] = field(default_factory=list)
    footer: list[Link] = field(default_factory=list)
    social: list[Link] = field(default_factory=list)


def _default_menu(categories) -> list[Link]:
    """The menu before staff set one: home, the categories, the figures and
    the documents."""
    kinds = SiteLink.Kind
    links = [SiteLink(kind=kinds.HOME, label=_("Trang chủ"))]
    links += [
        SiteLink(kind=kinds.CATEGORY, label=c.name, category=c) for c in categories
    ]
    links += [
        SiteLink(kind=kinds.FIGURES, label=_("Số liệu")),
        SiteLink(kind=kinds.DOCUMENTS, label=_("Văn bản")),
    ]
    return [_link(link) for link in links]


def _link(link: SiteLink) -> Link:
    return Link(link.label, link.get_absolute_url(), link.category_id)


def read() -> Chrome:
    """The chrome as the database has it now: one query when links are set
    (the settings joined to them), else the settings' and the categories'.
    A link to an article that is not public is left out."""
    links = list(
        SiteLink.objects.filter(
            # A link to an article shows only while the article is public
            # (a draft, a withdrawn one: no dead link on every page).
            ~Q(kind=SiteLink.Kind.ARTICLE) | Q(article__in=Article.objects.published())
        )
        .select_related("settings", "category", "article")
        .only(
            "place",
            "kind",
            "label",
            "url",
            "settings",
            "category__slug",
            "article__slug",
        )
    )
    site = links[0].settings if links else SiteSettings.objects.filter(pk=1).first()
    if site is None:
        site = SiteSettings(agency_name=django_settings.SITE_NAME)
    by_place = {place: [] for place in SiteLink.Place.values}
    for link in links:
        by_place[link.place].append(_link(link))
    menu = by_place["menu"] or _default_menu(Category.objects.all())
    return Chrome(site, menu, by_place["footer"], by_place["social"])


_kept = Kept(read, MAX_AGE_SECONDS)


def chrome() -> Chrome:
    """The chrome, read once per site version in each process."""
    return _kept.get()


def _render_footer() -> str:
    return render_to_string("includes/footer.html", {"site_chrome": chrome()})


# The footer shows the chrome alone (no reader, no page of its own): the
# same HTML on every page until the site version moves.
_kept_footer = Kept(_render_footer, MAX_AGE_SECONDS)


def footer() -> str:
    """The footer's HTML, rendered once per site version in each process."""
    return _kept_footer.get()


# The main menu differs from page to page only by which links are marked
# as the current page: each marking rendered once per site version.
_kept_menus = Kept(dict, MAX_AGE_SECONDS)


def menu(path: str | None, category_id: int | None) -> str:
    """The main menu's HTML, the links to ``path`` (or to the category
    ``category_id``) marked as the current page."""
    links = chrome().menu
    current = tuple(
        link.url == path
        or (category_id is not None and link.category_id == category_id)
        for link in links
    )
    menus = _kept_menus.get()
    html = menus.get(current)
    if html is None:
        context = {"links": list(zip(links, current, strict=True))}
        html = menus[current] = render_to_string("includes/main_menu.html", context)
    return html
