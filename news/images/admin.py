"""The image library in the admin: thumbnails, search, a drop zone for
many files at once, and the two routes the rich-text editor's image dialog
uses (``admin_views``)."""

from django.contrib import admin
from django.db.models import Count
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from khuyencong.admin_guards import GuardedAdmin

from ..models import Article
from .admin_views import picker_view, upload_view
from .forms import LibraryImageForm
from .models import LibraryImage
from .renditions import picture_or_none
from .services import save_library_image


class LibraryMedia:
    js = ["news/library_upload.js", "news/focal_point.js"]
    css = {"all": ["news/library.css"]}


@admin.register(LibraryImage)
class LibraryImageAdmin(GuardedAdmin):
    Media = LibraryMedia
    form = LibraryImageForm
    change_list_template = "admin/news/libraryimage/change_list.html"
    list_display = [
        "thumbnail",
        "alt_text",
        "caption",
        "credit",
        "dimensions",
        "uses",
        "uploaded_by",
        "created_at",
    ]
    list_display_links = ["thumbnail", "alt_text"]
    list_filter = ["created_at", "uploaded_by"]
    search_fields = ["alt_text", "caption", "credit"]
    list_select_related = ["uploaded_by"]
    date_hierarchy = "created_at"
    list_per_page = 40
    readonly_fields = ["preview", "dimensions", "uploaded_by"]
    fields = [
        "file",
        "preview",
        ("focal_x", "focal_y"),
        "alt_text",
        "caption",
        "credit",
        ("dimensions", "uploaded_by"),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(num_covers=Count("covered_articles"))
            .order_by(*LibraryImage._meta.ordering)
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("tai-len/", view(upload_view), name="news_libraryimage_upload"),
            path("chon/", view(self.picker), name="news_libraryimage_picker"),
            *super().get_urls(),
        ]

    def get_deleted_objects(self, objs, request):
        # A photo placed in a body is kept while an article shows it (the
        # cover's foreign key protects covers): readers would otherwise be
        # sent the original file.
        deleted, counts, perms, protected = super().get_deleted_objects(objs, request)
        for image in objs:
            for article in Article.objects.filter(
                body__contains=f'data-file="{image.pk}"'
            ).only("title"):
                protected.append(
                    _("Bài viết có ảnh này trong nội dung: %(title)s")
                    % {"title": article.title}
                )
        return deleted, counts, perms, protected

    def picker(self, request):
        return picker_view(request, site=self.admin_site)

    def save_model(self, request, obj, form, change):
        save_library_image(image=obj, user=request.user)

    @admin.display(description=_("ảnh"))
    def thumbnail(self, obj):
        shown = picture_or_none(obj, "16x9", small_only=True)
        if shown is None:
            return "—"
        return format_html(
            '<img class="library-thumb" src="{}" alt="" width="120" height="68">',
            shown.small,
        )

    @admin.display(description=_("xem ảnh và chọn tâm điểm"))
    def preview(self, obj):
        shown = picture_or_none(obj) if obj and obj.pk else None
        if shown is None:
            return _("(có sau khi lưu)")
        return format_html(
            '<div class="focal-picker" data-focal-x="{}" data-focal-y="{}">'
            '<img src="{}" alt="{}" width="{}" height="{}">'
            '<span class="focal-mark" aria-hidden="true"></span></div>'
            '<p class="help">{}</p>',
            obj.focal_x,
            obj.focal_y,
            shown.src,
            obj.alt_text,
            shown.width,
            shown.height,
            _("Bấm vào ảnh để đặt tâm điểm: phần được giữ khi ảnh bị cắt."),
        )

    @admin.display(description=_("kích thước"))
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height}" if obj and obj.width else "—"

    @admin.display(description=_("làm ảnh đại diện"), ordering="num_covers")
    def uses(self, obj):
        return getattr(obj, "num_covers", 0)
