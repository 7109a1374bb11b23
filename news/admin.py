from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from .models import Article, ArticleImage, Category
from .services import publish_articles, withdraw_articles

PUBLISH_PERMISSION = "news.publish_article"
LOCKED_STATUSES = (Article.Status.PUBLISHED, Article.Status.WITHDRAWN)


class VietnameseSlugMedia:
    # Listed after urlify.js so that Media keeps that order.
    js = ["admin/js/urlify.js", "admin_ext/vn_urlify.js"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
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


class ArticleImageInline(admin.TabularInline):
    model = ArticleImage
    extra = 0
    fields = ["image", "alt_text", "caption", "url"]
    readonly_fields = ["url"]
    verbose_name_plural = _(
        "Ảnh trong bài (tải ảnh lên đây, rồi chèn vào nội dung bằng đường dẫn)"
    )

    @admin.display(description=_("đường dẫn để chèn"))
    def url(self, obj):
        return format_html("<code>{}</code>", obj.image.url) if obj.image else "—"


class ArticleAdminForm(forms.ModelForm):
    """The article form, aware of who is using it.

    ``can_publish`` and ``reverting`` are set per request by
    ``ArticleAdmin.get_form``; the rules here hold for every route that saves
    through the admin (change form, add form, history restore).
    """

    can_publish = True
    reverting = False

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "category",
            "lead",
            "body",
            "cover_image",
            "cover_alt",
            "cover_caption",
            "status",
            "published_at",
            "is_featured",
            "author",
            "byline",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.can_publish and "status" in self.fields:
            self.fields["status"].choices = [
                (value, label)
                for value, label in Article.Status.choices
                if value not in LOCKED_STATUSES
            ]

    def clean(self):
        cleaned = super().clean()
        if self.reverting and self.instance.pk:
            # Restoring an old version brings back its words, never its
            # publication state: the article stays as public as it is now.
            current = (
                Article.objects.filter(pk=self.instance.pk)
                .values("status", "published_at", "slug")
                .first()
            )
            if current:
                cleaned.update(current)
                for name, value in current.items():
                    setattr(self.instance, name, value)
        if not self.can_publish and cleaned.get("status") in LOCKED_STATUSES:
            self.add_error(
                "status" if "status" in self.fields else None,
                _("Bạn không có quyền xuất bản hoặc gỡ bài viết."),
            )
        return cleaned


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    Media = VietnameseSlugMedia
    form = ArticleAdminForm
    list_display = [
        "title",
        "category",
        "status",
        "visibility",
        "published_at",
        "author",
        "is_featured",
    ]
    list_filter = ["status", "category", "is_featured", "author", "published_at"]
    list_select_related = ["category", "author"]
    search_fields = ["title", "lead", "slug"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["category", "author"]
    inlines = [ArticleImageInline]
    actions = ["publish_selected", "withdraw_selected"]
    history_list_display = ["status"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "lead", "body"]}),
        (
            _("Ảnh đại diện"),
            {"fields": ["cover_image", "cover_alt", "cover_caption"]},
        ),
        (
            _("Xuất bản"),
            {"fields": ["status", "published_at", "is_featured", "author", "byline"]},
        ),
    ]

    def can_publish(self, request) -> bool:
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_publish_permission(self, request) -> bool:
        return self.can_publish(request)

    def has_change_permission(self, request, obj=None):
        # A published or withdrawn article is public record: only those who
        # may publish may touch it; others see it read-only.
        if (
            obj is not None
            and obj.status in LOCKED_STATUSES
            and not self.can_publish(request)
        ):
            return False
        return super().has_change_permission(request, obj)

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
        return obj is not None and obj.status in LOCKED_STATUSES

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self._slug_locked(obj):
            fields.append("slug")
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if self._slug_locked(obj) else {"slug": ["title"]}

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("hiển thị"))
    def visibility(self, obj):
        if obj.is_public:
            return _("Đang hiển thị")
        if obj.status == Article.Status.PUBLISHED:
            return _("Hẹn giờ")
        return _("Không hiển thị")

    @admin.action(description=_("Xuất bản các bài đã chọn"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        count = publish_articles(articles=queryset, user=request.user)
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
