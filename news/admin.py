from django.contrib import admin, messages
from django.db.models import Count
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from khuyencong.admin_fields import StrictFieldsAdmin
from khuyencong.admin_guards import GuardedAdmin, GuardedHistoryAdmin

from . import admin_blocks  # noqa: F401 - registers the data-block admin
from .admin_chosen import ChosenAtHandAdmin, OnceEmptyFormSet
from .admin_figures import FigureBindingAdminMixin, may_bind, render_panel
from .admin_submissions import OneSubmissionAdminMixin
from .forms import ArticleAdminForm, DataBlockForm
from .images import admin as images_admin  # noqa: F401 - the image library
from .models import Article, Category, Correction, DataBlock, Tag
from .public_record import was_public_record
from .review.admin import ReviewAdminMixin
from .review.services import record_published
from .services import (
    mark_figures_reviewed,
    publish_articles,
    record_quotes,
    withdraw_articles,
)
from .site import admin as site_admin  # noqa: F401 - registers the site's settings

PUBLISH_PERMISSION = Article.PUBLISH_PERMISSION


class VietnameseSlugMedia:
    # Listed after urlify.js so that Media keeps that order.
    js = ["admin/js/urlify.js", "admin_ext/vn_urlify.js"]


@admin.register(Category)
class CategoryAdmin(GuardedAdmin):
    Media = VietnameseSlugMedia
    list_display = ["name", "slug", "position", "article_count"]
    list_editable = ["position"]
    list_filter = ["created_at"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        # Meta.ordering does not apply to aggregated querysets: repeat it.
        return (
            super()
            .get_queryset(request)
            .annotate(num_articles=Count("articles"))
            .order_by(*Category._meta.ordering)
        )

    @admin.display(description=_("số bài"), ordering="num_articles")
    def article_count(self, obj):
        return obj.num_articles


@admin.register(Tag)
class TagAdmin(GuardedAdmin):
    Media = VietnameseSlugMedia
    list_display = ["name", "slug", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class DataBlockInline(ChosenAtHandAdmin, StrictFieldsAdmin, admin.StackedInline):
    model = DataBlock
    formset = OnceEmptyFormSet
    form = DataBlockForm
    extra = 0
    autocomplete_fields = ["indicators", "areas", "content", "sources"]
    readonly_fields = ["marker_code", "figure_count"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("title", "position"),
                    "indicators",
                    "areas",
                    ("year_from", "year_to", "period_kind"),
                    ("funds", "measures"),
                    ("content", "sources"),
                    ("display", "marker_code", "figure_count"),
                    "note",
                ]
            },
        )
    ]
    verbose_name_plural = _(
        "Bảng số liệu (hiển thị cuối bài, hoặc tại mã chèn đặt thành một đoạn riêng trong nội dung)"
    )

    def get_queryset(self, request):
        # Each form's initial values, its autocomplete widgets and its
        # figure count read the selection's relations: three queries for
        # all blocks, not per block.
        return (
            super()
            .get_queryset(request)
            .select_related("content")
            .prefetch_related("indicators", "areas", "sources")
        )

    @admin.display(description=_("mã chèn vào nội dung"))
    def marker_code(self, obj):
        if not obj or not obj.pk:
            return _("(có sau khi lưu)")
        return format_html("<code>{}</code>", obj.marker)

    @admin.display(description=_("số liệu khớp lựa chọn"))
    def figure_count(self, obj):
        return obj.figures().count() if obj and obj.pk else "—"


class CorrectionInline(StrictFieldsAdmin, admin.TabularInline):
    model = Correction
    formset = OnceEmptyFormSet
    extra = 0
    fields = ["published_at", "text"]
    verbose_name_plural = _("Đính chính (hiện ở đầu bài, kèm ngày giờ)")


class ArticleMedia:
    js = [*VietnameseSlugMedia.js, "news/figure_check.js", "news/figure_exit.js"]
    css = {"all": ["news/figure_check.css"]}


@admin.register(Article)
class ArticleAdmin(
    OneSubmissionAdminMixin,
    ReviewAdminMixin,
    FigureBindingAdminMixin,
    GuardedHistoryAdmin,
):
    Media = ArticleMedia
    form = ArticleAdminForm
    refusal_field = "confirm_mismatch"
    list_display = [
        "title",
        "category",
        "status",
        "visibility",
        "published_at",
        "author",
        "is_featured",
        "needs_figure_review",
    ]
    list_filter = [
        "status",
        "needs_figure_review",
        "category",
        "is_featured",
        "author",
        "published_at",
    ]
    list_select_related = ["category", "author"]
    search_fields = ["title", "lead", "slug"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["category", "author", "cover", "documents", "tags"]
    inlines = [DataBlockInline, CorrectionInline]
    actions = ["publish_selected", "withdraw_selected", "mark_reviewed"]
    readonly_fields = ["figure_check"]
    history_list_display = ["status"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "tags", "lead", "body"]}),
        (_("Video"), {"fields": ["video_url"]}),
        (
            _("Ảnh đại diện"),
            {"fields": ["cover"]},
        ),
        (_("Văn bản liên quan"), {"fields": ["documents"]}),
        (
            _("Kiểm tra số liệu"),
            {"fields": ["figure_check"]},
        ),
        (
            _("Xuất bản"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "unpublish_at",
                    "confirm_mismatch",
                    "is_featured",
                    "author",
                    "byline",
                ]
            },
        ),
    ]

    def can_publish(self, request) -> bool:
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_publish_permission(self, request) -> bool:
        return self.can_publish(request)

    def lock_allows(self, request, article) -> bool:
        """Whether ``article``'s state lets this user change it or what it
        shows (``Article.lock_allows``); None: a new article."""
        return article is None or article.lock_allows(request.user)

    def has_change_permission(self, request, obj=None):
        return self.lock_allows(request, obj) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return self.lock_allows(request, obj) and super().has_delete_permission(
            request, obj
        )

    def get_search_results(self, request, queryset, search_term):
        queryset, distinct = super().get_search_results(request, queryset, search_term)
        # Choosing the article a data block goes into: only those whose
        # blocks this user may change.
        choosing_for_block = (
            request.GET.get("app_label") == DataBlock._meta.app_label
            and request.GET.get("model_name") == DataBlock._meta.model_name
        )
        if choosing_for_block and not self.can_publish(request):
            queryset = queryset.exclude(status__in=Article.LOCKED_STATUSES)
        return queryset, distinct

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(
            form.__name__,
            (form,),
            {
                "can_publish": self.can_publish(request),
                "reverting": getattr(request, "_article_reverting", False),
            },
        )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request._article_reverting = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _slug_locked(self, obj) -> bool:
        if obj is None or obj.pk is None:
            return False
        if "_slug_locked" not in obj.__dict__:  # asked several times a view
            obj._slug_locked = obj.is_locked or was_public_record(obj)
        return obj._slug_locked

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self._slug_locked(obj):
            fields.append("slug")
        if not self.can_publish(request):
            # Whose article it is: changed only by those who manage others'.
            fields.append("author")
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if self._slug_locked(obj) else {"slug": ["title"]}

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
        for removal in form.body_removals:
            self.message_user(request, removal, messages.WARNING)
        if getattr(request, "_article_reverting", False):
            # Restoring from history saves no inlines: the article is whole.
            self._after_save(request, form, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        # A correction published with this save is the review's outcome.
        if article.needs_figure_review and any(
            formset.model is Correction and formset.new_objects for formset in formsets
        ):
            mark_figures_reviewed(articles=Article.objects.filter(pk=article.pk))
        self._after_save(request, form, article)

    def _after_save(self, request, form, article):
        """Once the article and its blocks are saved (in the save's
        transaction): place again the bindings whose words were edited,
        refuse a public mismatch not confirmed (the save is rolled back and
        the form shown again), then report the check."""
        report = self.check_saved(
            request, article, confirmed=form.cleaned_data.get("confirm_mismatch", False)
        )
        report = record_quotes(article=article, report=report)
        if report.findings:
            level = messages.WARNING if report.has_mismatch else messages.INFO
            self.message_user(
                request, _("Kiểm tra số liệu: %s") % report.summary(), level
            )
        if unsure := len(report.unsure):
            self.message_user(
                request,
                _(
                    "%(count)s số cần xác nhận: mở bài, bấm vào số đó ở phần “Kiểm "
                    "tra số liệu” và chọn cách đọc đúng (một lần là đủ)."
                )
                % {"count": unsure},
                messages.WARNING,
            )

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        if not request.user.has_perm("news.view_correction"):
            inlines.remove(CorrectionInline)
        return inlines

    @admin.display(description=_("Các số được trích trong bài"))
    def figure_check(self, obj):
        if obj is None or not obj.pk:
            return _("Lưu bài (và thêm bảng số liệu) để kiểm tra các số được trích.")
        return render_panel(obj, may_bind=may_bind(obj))

    @admin.display(description=_("hiển thị"))
    def visibility(self, obj):
        if obj.is_public:
            return _("Đang hiển thị")
        if obj.unpublish_at and obj.unpublish_at <= timezone.now():
            return _("Đã gỡ theo giờ")
        if obj.status == Article.Status.PUBLISHED:
            return _("Hẹn giờ")
        return _("Không hiển thị")

    @admin.action(description=_("Xuất bản các bài đã chọn"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        publication = publish_articles(articles=queryset, user=request.user)
        record_published(
            articles=publication.published,
            user=request.user,
            base_url=request.build_absolute_uri("/"),
        )
        if publication.held:
            # The explicit confirmation is in the article form only.
            self.message_user(
                request,
                _(
                    "Chưa xuất bản %(titles)s: có số không khớp với số liệu; hãy mở "
                    "bài để sửa hoặc xác nhận."
                )
                % {"titles": ", ".join(f"“{a.title}”" for a, _r in publication.held)},
                messages.WARNING,
            )
        for article, refusal in publication.too_far:
            self.message_user(
                request,
                _("Chưa xuất bản “%(title)s”: %(reason)s")
                % {"title": article.title, "reason": " ".join(refusal.messages)},
                messages.ERROR,
            )
        count = len(publication.published)
        self.message_user(
            request,
            ngettext("Đã xuất bản %d bài.", "Đã xuất bản %d bài.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Gỡ các bài đã chọn"), permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        count = withdraw_articles(articles=queryset, user=request.user)
        self.message_user(
            request,
            ngettext("Đã gỡ %d bài.", "Đã gỡ %d bài.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Đánh dấu đã rà soát số liệu"), permissions=["publish"])
    def mark_reviewed(self, request, queryset):
        count = mark_figures_reviewed(articles=queryset)
        self.message_user(
            request,
            ngettext(
                "Đã đánh dấu %d bài là đã rà soát số liệu.",
                "Đã đánh dấu %d bài là đã rà soát số liệu.",
                count,
            )
            % count,
            messages.SUCCESS,
        )
