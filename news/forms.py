from django import forms
from django.utils.translation import gettext_lazy as _

from khuyencong.images import BoundedImageField

from .models import Article
from .sanitize import removed_content


class ArticleAdminForm(forms.ModelForm):
    """The article form, aware of who is using it.

    ``can_publish`` and ``reverting`` are set per request by
    ``ArticleAdmin.get_form``; the rules here hold for every route that saves
    through the admin (change form, add form, history restore). The figure
    rule needs the data blocks as saved: ``news.services.check_publication``
    runs after the save, and a refusal comes back to this form's
    ``confirm_mismatch``.
    """

    can_publish = True
    reverting = False
    #: What sanitising the submitted body removed, said after saving.
    body_removals: tuple[str, ...] | list[str] = ()

    confirm_mismatch = forms.BooleanField(
        label=_("Tôi đã xem các số không khớp và vẫn xuất bản"),
        required=False,
        help_text=_(
            "Chỉ cần khi bộ kiểm tra số liệu báo có số không khớp; việc xác nhận "
            "được ghi vào lịch sử bài viết."
        ),
    )

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
        field_classes = {"cover_image": BoundedImageField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.can_publish and "status" in self.fields:
            self.fields["status"].choices = [
                (value, label)
                for value, label in Article.Status.choices
                if value not in Article.LOCKED_STATUSES
            ]

    def clean_body(self):
        body = self.cleaned_data["body"]
        self.body_removals = removed_content(body)
        return body

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
        if not self.can_publish and cleaned.get("status") in Article.LOCKED_STATUSES:
            self.add_error(
                "status" if "status" in self.fields else None,
                _("Bạn không có quyền xuất bản hoặc gỡ bài viết."),
            )
        return cleaned
