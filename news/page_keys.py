"""What the news pages show and what a change to news touches, in the page
cache's dependency keys (``khuyencong.pagecache``), connected from
``NewsConfig.ready()``.

- ``article:<pk>``: an article's page (its text, images, corrections, data
  blocks and the figures they show or its text quotes).
- ``category:<pk>``: what lists a category's articles (an article's related
  articles).
- ``articles``: every list of articles (home, news list, categories,
  search, feeds, the sitemap) and the figure pages naming their articles.
- ``most-read``: the most-read list ("Tin đọc nhiều", beside every article).
  Only a change to an article that ranks in it or may enter it touches it,
  not every save (see ``_may_be_most_read``).
- A category's change touches every page: its name is in the menu; so
  does an article's that a site link names, when the link's address or its
  showing at all changes.
"""

from __future__ import annotations

from khuyencong.pagecache import gone

from .figure_check import articles_using
from .models import Article, SiteLink
from .mostread import MOST_READ_COUNT, most_read

# What a site link to an article shows of it: its address, and whether it
# shows at all (``news.site.chrome.read``: only while the article is public).
LINK_FIELDS = ("slug", "status", "published_at", "unpublish_at")


def article_keys(article, **_change) -> set[str] | None:
    """An article's page and the lists of it; every page (None) when the
    change shows in the chrome: a site link names the article and its
    address or its being public changed (the menu and the footer are on
    every page). Other changes to such an article, and any change to an
    article no link names, end only the pages showing it (issue 18)."""
    if _link_changed(article):
        return None
    keys = {f"article:{article.pk}", "articles", f"category:{article.category_id}"}
    # A move to another category changes the related articles of both.
    before = getattr(article, "_category_before", None)
    if before is not None:
        keys.add(f"category:{before}")
    # Its page gone from its address (withdrawn, deleted, a new slug): no
    # previous copy of it stands in while it renders as a 404.
    moved = getattr(article, "_slug_before", article.slug) != article.slug
    if moved or getattr(article, "_deleting", False) or not article.is_public:
        keys.add(gone(f"article:{article.pk}"))
    if _public_before_or_after(article) and _may_be_most_read(article):
        keys.add("most-read")
    return keys


def _link_changed(article) -> bool:
    before = getattr(article, "_link_before", None)
    return (
        before is not None
        and before != _link_shows(article)
        and SiteLink.objects.filter(article=article.pk).exists()
    )


def _link_shows(article) -> tuple[bool, str | None]:
    """What a site link shows of the article now: whether it is there and
    its address. A draft's new slug or a scheduled time moved shows
    nothing (the time itself ends the cache's generation and the chrome's
    copy when it comes)."""
    public = article.is_public
    return public, article.slug if public else None


def remember_before(sender, instance, raw=False, **_kwargs) -> None:
    """pre_save of an article: the category it had and what a site link
    shows of it, for ``article_keys``."""
    instance._category_before = instance._link_before = None
    if instance.pk and not raw:
        stored = (
            Article.objects.filter(pk=instance.pk)
            .values_list("category_id", *LINK_FIELDS)
            .first()
        )
        if stored is not None:
            instance._category_before, *link = stored
            instance._slug_before = link[0]
            as_stored = Article(**dict(zip(LINK_FIELDS, link, strict=True)))
            instance._link_before = _link_shows(as_stored)


def _public_before_or_after(article) -> bool:
    """The most-read list shows public articles only: one public neither
    before nor after the change (a draft) is in it neither time."""
    before = getattr(article, "_link_before", None)
    return article.is_public or before is None or before[0]


def _may_be_most_read(article) -> bool:
    """Whether the most-read list may show ``article`` before or after its
    change: it ranks among the most read of every article, public or not
    (an article only enters the list by its reads; with a margin for those
    ranked above it that are not public). The reads counted since show
    when the list is read again (``PAGE_CACHE_SECONDS`` at most), as
    before: they change no key."""
    ranked = most_read(Article.objects.only("pk"), limit=MOST_READ_COUNT * 3)
    return any(entry.pk == article.pk for entry in ranked)


def remember_deletion(sender, instance, **_kwargs) -> None:
    """pre_delete of an article, before the page cache's: it leaves."""
    instance._deleting = True


def part_keys(part, **_change) -> set[str]:
    """An image, a correction or a data block: its article's page."""
    return {f"article:{part.article_id}"}


def block_keys(block, **_change) -> set[str]:
    return {f"article:{block.article_id}", f"block:{block.pk}"}


def articles_keys(article_ids) -> set[str]:
    """The pages of the articles ``article_ids``."""
    return {f"article:{pk}" for pk in article_ids}


def remember_users(sender, instance, raw=False, **_kwargs) -> None:
    """pre_save of a figure: when it moves (its area, year… edited), the
    published articles that showed or quoted it where it was, for
    ``figure_keys``."""
    instance._articles_before = set()
    if not instance.pk or raw:
        return
    stored = type(instance).objects.filter(pk=instance.pk).first()
    if stored is not None and stored.key() != instance.key():
        instance._articles_before = set(
            articles_using(stored).values_list("pk", flat=True)
        )


def figure_keys(figure, **_change) -> set[str]:
    """A figure saved or deleted alone: the pages of the published articles
    showing or quoting it, where it is and where it was (bulk changes:
    ``services.flag_articles_for_review``)."""
    using = set(articles_using(figure).values_list("pk", flat=True))
    return articles_keys(using | getattr(figure, "_articles_before", set()))


# Pages and what they show, by URL name.
def lists(request, **_kwargs) -> set[str]:
    return {"articles"}


def block_download(request, pk, **_kwargs) -> set[str]:
    return {f"block:{pk}", "figures"}


def robots(request, **_kwargs) -> set[str]:
    return {"robots"}  # the settings alone: only a new generation changes it


PAGES = {
    "news:home": lists,
    "news:list": lists,
    "news:category": lists,
    "news:search": lists,
    "news:feed": lists,
    "news:category_feed": lists,
    "news:block_csv": block_download,
    "django.contrib.sitemaps.views.sitemap": lists,
    "robots": robots,
}
