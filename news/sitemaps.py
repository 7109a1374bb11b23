from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from funding.api import SourceDocument

from .models import Article, Category, Tag


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-id")

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Category.objects.all()


class DocumentSitemap(Sitemap):
    """The documents library's pages (``funding``'s documents)."""

    changefreq = "monthly"
    priority = 0.6
    limit = 5000

    def items(self):
        return (
            SourceDocument.objects.published()
            .only("slug", "updated_at", "is_published", "published_at")
            .order_by("-id")
        )

    def lastmod(self, item):
        return item.updated_at


class TagSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return Tag.objects.filter(articles__in=Article.objects.published()).distinct()


class StaticSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return ["news:home", "news:list", "documents:list"]

    def location(self, item):
        return reverse(item)


sitemaps = {
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "documents": DocumentSitemap,
    "tags": TagSitemap,
    "pages": StaticSitemap,
}
