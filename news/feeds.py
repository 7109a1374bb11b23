from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from khuyencong.text import without_control_characters

from .models import Article, Category

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    """The latest articles as RSS.

    Readers render every ``<description>`` as HTML, while the sapo and a
    category's description are plain text: they are HTML-escaped first, so
    "<5%" reads "<5%" (the XML then escapes that once more, as for any text).
    """

    def description(self, obj=None):
        return escape(_("Tin mới nhất về hoạt động khuyến công."))

    def title(self, obj=None):
        return settings.SITE_NAME

    def link(self, obj=None):
        return reverse("news:list")

    def items(self, obj=None):
        return Article.objects.published().for_listing()[:FEED_SIZE]

    def item_title(self, item):
        return _xml_text(item.title)

    def item_description(self, item):
        return escape(_xml_text(item.lead))

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return _xml_text(item.author_name)

    def item_categories(self, item):
        return [_xml_text(item.category.name)]


def _xml_text(text: str) -> str:
    """XML 1.0 holds no control character: every save drops them
    (``khuyencong.text.clean_text_fields``), but one stored some other way
    (raw SQL, a restored backup) must not make the feed a 500."""
    return without_control_characters(text or "", multiline=False)


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj=None):
        return f"{_xml_text(obj.name)} – {settings.SITE_NAME}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def description(self, obj=None):
        return escape(_xml_text(obj.description or obj.name))

    def items(self, obj=None):
        return (
            Article.objects.published().for_listing().filter(category=obj)[:FEED_SIZE]
        )
