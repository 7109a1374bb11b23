"""The data-block admin ("Tin tức → Bảng số liệu"), where data staff
attach figures to stories.

A block is part of what its article shows, so it follows the article's
rules: adding, changing or deleting a block of a published or withdrawn
article needs what changing that article needs (``Article.lock_allows``),
and a published article must still pass the figure check afterwards
(``news.services.check_publication``).

Data blocks were ``funding``'s, in the admin at ``…/funding/datablock/``:
those addresses redirect here for good.
"""

from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from funding.api import areas_without_figures
from khuyencong.admin_guards import GuardedAdmin

from .forms import DataBlockAdminForm, DataBlockForm
from .models import DataBlock
from .services import check_publication, record_quotes

admin.site.redirect_moved_model("funding", "datablock", DataBlock)


@admin.register(DataBlock)
class DataBlockAdmin(GuardedAdmin):
    """Data staff attach figures to stories here without editing their text."""

    form = DataBlockAdminForm
    refusal_field = "confirm_mismatch"
    lock_parents = ["article"]
    list_display = ["title", "article", "display", "year_from", "year_to", "position"]
    list_filter = ["display", "year_to", "indicators"]
    list_select_related = ["article"]
    search_fields = ["title", "article__title", "note"]
    autocomplete_fields = ["article", "indicators", "areas", "content", "sources"]
    date_hierarchy = "created_at"
    fields = ["article", *DataBlockForm.Meta.fields, "confirm_mismatch"]

    def _article_allows(self, request, article) -> bool:
        return article.lock_allows(request.user)

    @staticmethod
    def _confirm_publishable(request, article, *, confirmed: bool) -> None:
        """After a change to what ``article`` shows: raises to refuse; else
        keeps what its text now quotes (for the review list and readers)."""
        report = check_publication(
            article=article, confirmed=confirmed, user=request.user, just_saved=False
        )
        record_quotes(article=article, report=report)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or self._article_allows(request, obj.article)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or self._article_allows(request, obj.article)
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        allowed = partial(self._article_allows, request)
        return type(form.__name__, (form,), {"article_allowed": allowed})

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._warn_areas_without_figures(request, form.instance)
        confirmed = form.cleaned_data.get("confirm_mismatch", False)
        articles = [form.instance.article]
        moved_from = form.initial.get("article")
        if change and moved_from and moved_from != form.instance.article_id:
            # The article the block left shows less now.
            articles.append(type(form.instance.article).objects.get(pk=moved_from))
        for article in articles:
            self._confirm_publishable(request, article, confirmed=confirmed)

    @staticmethod
    def _warn_areas_without_figures(request, block) -> None:
        """Say which areas chosen have no figure in the block's years (the
        table drops them), and the area of that name that has."""
        for area, others in areas_without_figures(
            block.areas.all(), block.year_from, block.year_to
        ):
            text = _("“%(area)s” không có số liệu năm %(start)s–%(end)s.") % {
                "area": area,
                "start": block.year_from,
                "end": block.year_to,
            }
            if others:
                text += " " + _("Có số liệu: %(others)s.") % {
                    "others": ", ".join(f"“{other}”" for other in others)
                }
            messages.warning(request, text)

    def delete_model(self, request, obj):
        article = obj.article
        super().delete_model(request, obj)
        self._check_after_deleting(request, [article])

    def delete_queryset(self, request, queryset):
        articles = {block.article for block in queryset.select_related("article")}
        super().delete_queryset(request, queryset)
        self._check_after_deleting(request, articles)

    def _check_after_deleting(self, request, articles):
        # A deletion has no confirmation box: the article form has one.
        for article in articles:
            try:
                self._confirm_publishable(request, article, confirmed=False)
            except ValidationError as refusal:
                raise ValidationError(
                    _(
                        "Chưa xóa: %(reason)s Để vẫn xóa, hãy xóa bảng trong trang sửa "
                        "bài “%(title)s” và xác nhận ở đó."
                    )
                    % {"reason": " ".join(refusal.messages), "title": article}
                ) from refusal
