from datetime import UTC, datetime

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, TemplateView

from funding.api import long_layout_csv
from khuyencong.addresses import fixed
from khuyencong.pagecache import depends_on, gone
from khuyencong.params import PageQuery, QueryParametersMixin
from khuyencong.prepared import PreparedQuery

from . import search
from .blocks import block_download
from .images.renditions import picture_or_none
from .models import Article, Category, DataBlock, Tag
from .mostread import MOST_READ_COUNT, most_read
from .params import SearchQuery
from .related import related_cards
from .site.shared import Kept
from .snapshots import page_context
from .video import video_for

PAGE_SIZE = 12
#: How long each process shows the most-read list it read: the reads
#: counted meanwhile show after at most this; a change to an article in it
#: (its title, its being public) at once (``news.site.shared``), and an
#: article's set publication or withdrawal time at that time.
MOST_READ_REFRESH_SECONDS = 60


def crumbs(*pages) -> list[tuple[str, str]]:
    """The breadcrumb to a page: home, then ``pages`` as (name, address),
    the last being the page itself."""
    return [(_("Trang chủ"), fixed("news:home")), *pages]


def _read_most_read() -> list:
    return most_read(Article.objects.published().for_listing(), limit=MOST_READ_COUNT)


# A scheduled change coming due makes no save: the list ends with it.
_most_read = Kept(
    _read_most_read, MOST_READ_REFRESH_SECONDS, until=Article.objects.next_publication
)


def most_read_articles() -> list:
    return _most_read.get()


class HomeView(TemplateView):
    template_name = "news/home.html"
    featured_count = 3
    latest_count = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        public = Article.objects.published().for_listing()
        featured = list(public.filter(is_featured=True)[: self.featured_count])
        if not featured:
            featured = list(public[:1])
        latest = public.exclude(pk__in=[a.pk for a in featured])[: self.latest_count]
        context.update(featured=featured, latest=latest, most_read=most_read_articles())
        return context


class ArticleListView(QueryParametersMixin, ListView):
    """Published articles, newest first. ``page``: a malformed number is
    400, a page past the last is 404."""

    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    query_form_class = PageQuery

    def get_queryset(self):
        return Article.objects.published().for_listing()


class CategoryView(ArticleListView):
    template_name = "news/category.html"

    @cached_property
    def category(self) -> Category:
        return get_object_or_404(Category, slug=self.kwargs["slug"])

    def get_queryset(self):
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        category = self.category
        return super().get_context_data(
            category=category,
            breadcrumbs=crumbs((category.name, category.get_absolute_url())),
            **kwargs,
        )


class TagView(ArticleListView):
    """The published articles carrying a tag, newest first, paginated."""

    template_name = "news/tag.html"

    @cached_property
    def tag(self) -> Tag:
        return get_object_or_404(Tag, slug=self.kwargs["slug"])

    def get_queryset(self):
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        tag = self.tag
        return super().get_context_data(
            tag=tag, breadcrumbs=crumbs((tag.name, tag.get_absolute_url())), **kwargs
        )


#: What the article's page reads of its row and the rows joined to it (the
#: body only if its computed parts must be made again; never the author's
#: account beyond the name).
PAGE_COLUMNS = (
    *("title", "slug", "lead", "status", "byline", "video_url", "updated_at"),
    *("published_at", "unpublish_at", "category", "author", "cover"),
    *("category__name", "category__slug"),
    *("author__first_name", "author__last_name"),
    *("cover__file", "cover__width", "cover__height", "cover__alt_text"),
    *("cover__caption", "cover__credit", "cover__focal_x", "cover__focal_y"),
    *("cover__renditions_key", "snapshot"),
    # Not the editors' figure check (``snapshot.figure_check``): the form's alone.
    *("snapshot__generation", "snapshot__built", "snapshot__version"),
    "snapshot__parts",
)


def page_articles():
    """The article page's row and those joined to it. The page's computed
    parts come joined (``news.snapshots``); the body is read only if they
    must be computed again."""
    return Article.objects.select_related(
        "category", "author", "cover", "snapshot"
    ).only(*PAGE_COLUMNS)


#: A reader's article page, its SQL compiled once (``khuyencong.prepared``):
#: building and compiling the four joins cost more than the round trip.
PUBLIC_PAGE = PreparedQuery(
    lambda slug, now: page_articles().published(now).filter(slug=slug),
    stand_ins={"slug": "stand-in-a", "now": datetime(1901, 1, 1, tzinfo=UTC)},
    others={"slug": "stand-in-b", "now": datetime(1902, 2, 2, tzinfo=UTC)},
)


class ArticleDetailView(DetailView):
    template_name = "news/article_detail.html"
    context_object_name = "article"

    def can_preview(self) -> bool:
        user = self.request.user
        return user.is_active and user.is_staff and user.has_perm("news.change_article")

    def get_queryset(self):
        # Staff who may edit see drafts and scheduled articles at their
        # public address (a preview); everyone else sees published ones only.
        articles = page_articles()
        return articles if self.can_preview() else articles.published()

    def get_object(self, queryset=None):
        if queryset is not None or self.can_preview():
            return super().get_object(queryset)
        found = PUBLIC_PAGE.models(slug=self.kwargs["slug"], now=timezone.now())
        if not found:
            raise Http404(_("Không tìm thấy bài viết."))
        return found[0]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        # Each address and description the page repeats, worked out once.
        article_url = article.get_absolute_url()
        category_url = article.category.get_absolute_url()
        context["article_url"] = article_url
        context["category_url"] = category_url
        context["canonical_url"] = self.request.build_absolute_uri(article_url)
        context["related"] = related_cards(article)
        context["is_preview"] = not article.is_public
        context["most_read"] = most_read_articles()
        context["video"] = video_for(article.video_url)
        context["breadcrumbs"] = crumbs(
            (article.category.name, category_url), (article.title, article_url)
        )
        # Its date as the template's ``date:'c'`` and ``date:"d/m/Y"`` give it.
        published = article.published_at and localtime(article.published_at)
        context["published_iso"] = published and published.isoformat()
        context["published_day"] = published and published.strftime("%d/%m/%Y")
        # The linked text, the data blocks, the corrections, the tags, the
        # related documents and the descriptions, computed when what they
        # show last changed.
        context.update(page_context(article))
        context["jsonld"] = self.jsonld(article, context)
        return context

    def jsonld(self, article: Article, context) -> dict:
        build = self.request.build_absolute_uri
        published = context["published_iso"]
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title[:110],
            "description": context["plain_lead"],
            "mainEntityOfPage": context["canonical_url"],
            "articleSection": article.category.name,
            "inLanguage": "vi",
            "author": {"@type": "Organization", "name": article.author_name},
            "publisher": {"@type": "Organization", "name": settings.SITE_NAME},
            "dateModified": localtime(article.updated_at).isoformat(),
        }
        if published:
            data["datePublished"] = published
        if article.cover and (cover := picture_or_none(article.cover)):
            data["image"] = [build(cover.large)]
        return data


class SearchView(QueryParametersMixin, ListView):
    """``q``: the words sought (at most 200 characters, else 400; empty:
    the search form alone). ``page`` as on the news list."""

    template_name = "news/search.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    query_form_class = SearchQuery

    @cached_property
    def query(self) -> str:
        return self.params["q"]

    def get_queryset(self):
        return Article.objects.published().for_listing().search(self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        context["capped"] = context["paginator"].count >= search.SEARCH_CANDIDATES
        context["search_limit"] = search.SEARCH_CANDIDATES
        return context


class RobotsView(TemplateView):
    """robots.txt. It never names the admin, whose address (``ADMIN_URL``)
    may be kept secret: the admin's responses say ``noindex`` themselves
    (``khuyencong.hardening``)."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


@require_safe
def block_csv(request, pk: int):
    """A data block's figures in the long layout (the import's own), those
    it shows derived after the stored ones, their note saying how."""
    articles = Article.objects.all()
    user = request.user
    if not (user.is_active and user.is_staff and user.has_perm("news.change_article")):
        articles = articles.published()
    block = get_object_or_404(
        DataBlock.objects.prefetch_related("areas", "indicators", "sources"),
        pk=pk,
        article__in=articles,
    )
    # Its article's: withdrawn, the download goes with it.
    own = f"article:{block.article_id}"
    depends_on(request, own, gone(own))
    return long_layout_csv(
        block_download(block), title=block.title, filename=f"bang-so-lieu-{block.pk}"
    )
