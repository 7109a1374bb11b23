"""What every public page shows around its content (the agency's details,
the menu, the footer's and social links), read from the database once per
site version (``shared``) in each process rather than on every page
rendered, with the page cache on or off.

A change to any of it (or to a category or article the menu names) bumps
the version (``news.apps``), so the next page reads it afresh; with the
cache out of reach it is read each time. A linked article going public or
withdrawn at its set time makes no save: the copy ends at that time
(``next_link_change``), as the related articles' do (``news.related``).
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
    # The footer's and the menus' HTML rendered from this chrome, kept with
    # it so that they end with it.
    rendered: dict = field(default_factory=dict, compare=False)


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


def next_link_change():
    """When an article a site link names next goes public or is withdrawn
    at its time, or None."""
    linked = SiteLink.objects.filter(kind=SiteLink.Kind.ARTICLE).values("article")
    return Article.objects.filter(pk__in=linked).next_publication()


# A linked article's set time comes with no save: the copy ends with it.
_kept = Kept(read, MAX_AGE_SECONDS, until=next_link_change)


def chrome() -> Chrome:
    """The chrome, read once per site version in each process."""
    return _kept.get()


def footer() -> str:
    """The footer's HTML, rendered once per chrome read: the chrome alone
    (no reader, no page of its own), the same on every page."""
    site_chrome = chrome()
    html = site_chrome.rendered.get("footer")
    if html is None:
        context = {"site_chrome": site_chrome}
        html = site_chrome.rendered["footer"] = render_to_string(
            "includes/footer.html", context
        )
    return html


def menu(path: str | None, category_id: int | None) -> str:
    """The main menu's HTML, the links to ``path`` (or to the category
    ``category_id``) marked as the current page. Pages differ only by
    which links are marked: each marking rendered once per chrome read."""
    site_chrome = chrome()
    links = site_chrome.menu
    current = tuple(
        link.url == path
        or (category_id is not None and link.category_id == category_id)
        for link in links
    )
    html = site_chrome.rendered.get(current)
    if html is None:
        context = {"links": list(zip(links, current, strict=True))}
        html = site_chrome.rendered[current] = render_to_string(
            "includes/main_menu.html", context
        )
    return html
