"""The query parameters of the news pages (rule: ``khuyencong.params``)."""

from django.utils.translation import gettext_lazy as _

from khuyencong.params import PageQuery, TextParameter


class SearchQuery(PageQuery):
    q = TextParameter(_("Từ khóa tìm kiếm"))
