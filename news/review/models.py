from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ReviewNote(models.Model):
    """One step of an article's review, with what the person said: the
    author sending it for review, a publisher sending it back (the note
    required), publishing or scheduling it."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Gửi duyệt")
        SENT_BACK = "sent_back", _("Trả lại")
        PUBLISHED = "published", _("Xuất bản")
        SCHEDULED = "scheduled", _("Lên lịch")

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="review_notes",
        verbose_name=_("bài viết"),
    )
    kind = models.CharField(_("bước"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("ghi chú"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_notes",
        verbose_name=_("người thực hiện"),
    )
    created_at = models.DateTimeField(_("lúc"), default=timezone.now)

    history = HistoricalRecords(
        verbose_name=_("lịch sử ghi chú duyệt bài"),
        verbose_name_plural=_("lịch sử ghi chú duyệt bài"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("ghi chú duyệt bài")
        verbose_name_plural = _("ghi chú duyệt bài")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="sent_back") | ~models.Q(text=""),
                name="news_reviewnote_sent_back_has_text",
            ),
        ]

    def __str__(self) -> str:
        when = timezone.localtime(self.created_at)
        return f"{self.get_kind_display()} – {self.article} ({when:%d/%m/%Y %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("admin:news_article_change", args=[self.article_id])


class DraftAutosave(models.Model):
    """What one editor had typed in an article's form, every field of it,
    saved every few seconds without touching the article: offered back when
    the form is opened again. ``version`` is the version the form was
    opened at (``khuyencong.admin_versions``): an autosave of an older
    version is refused, and an older copy not offered."""

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="autosaves",
        verbose_name=_("bài viết"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="article_autosaves",
        verbose_name=_("người soạn"),
    )
    title = models.CharField(_("tiêu đề"), max_length=255, blank=True)
    lead = models.TextField(_("sapo"), blank=True)
    body = models.TextField(_("nội dung"), blank=True)
    # The form's other fields as its widgets sent them (category, tags,
    # cover, times…), by field name: see ``news.review.autosave``.
    fields = models.JSONField(_("các trường khác"), default=dict, blank=True)
    version = models.TextField(_("phiên bản bài lúc mở"), blank=True)
    saved_at = models.DateTimeField(_("lưu tự động lúc"), default=timezone.now)

    class Meta:
        ordering = ["-saved_at"]
        verbose_name = _("bản lưu tự động")
        verbose_name_plural = _("bản lưu tự động")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"], name="news_draftautosave_one_per_user"
            ),
        ]

    def __str__(self) -> str:
        when = timezone.localtime(self.saved_at)
        return f"{self.article} ({when:%d/%m/%Y %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("admin:news_article_change", args=[self.article_id])
