from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords

# Migration 0001 names the validator as news.models.validate_image_size.
from khuyencong.images import IMAGE_VALIDATORS, validate_image_size  # noqa: F401
from khuyencong.models import TimeStampedModel
from khuyencong.text import clean_text_fields, fold, vn_slugify

# The models of figures in stories live in their own module.
from .figures import (  # noqa: F401
    CheckedQuote,
    DataBlock,
    FigureBinding,
    FigureQuote,
)
from .images.models import LibraryImage
from .mostread import ReadCount  # noqa: F401
from .public_record import was_public_record
from .querysets import ArticleQuerySet, holds, public_rule
from .review.models import DraftAutosave, ReviewNote  # noqa: F401
from .sanitize import BODY_EXTENSIONS, sanitize_html
from .scheduling import check_schedule
from .search import build_search_vector
from .site.models import SiteLink, SiteSettings  # noqa: F401
from .snapshots import ArticleSnapshot  # noqa: F401
from .submissions import ArticleSubmission  # noqa: F401
from .tags import Tag
from .uploads import BODY_IMAGE_FOLDER, COVER_FOLDER, generated_name
from .video import VideoURLField


def cover_upload_to(instance, filename: str) -> str:
    return generated_name(COVER_FOLDER, filename, instance.cover_image)


def body_image_upload_to(instance, filename: str) -> str:
    return generated_name(BODY_IMAGE_FOLDER, filename, instance.image)


class Category(TimeStampedModel):
    name = models.CharField(_("tên"), max_length=120, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=140, unique=True)
    description = models.TextField(_("mô tả"), blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:category", kwargs={"slug": self.slug})


class Article(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        REVIEW = "review", _("Chờ duyệt")
        PUBLISHED = "published", _("Đã xuất bản")
        WITHDRAWN = "withdrawn", _("Đã gỡ")

    #: Published (or scheduled) and withdrawn articles are public record:
    #: only those who may publish change them or what they show.
    LOCKED_STATUSES = (Status.PUBLISHED, Status.WITHDRAWN)
    #: What publishing, scheduling and withdrawing need.
    PUBLISH_PERMISSION = "news.publish_article"

    title = models.CharField(_("tiêu đề"), max_length=255)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Tạo tự động từ tiêu đề; không đổi được sau khi đã xuất bản."),
    )
    lead = models.TextField(_("sapo"), help_text=_("Đoạn tóm tắt đầu bài."))
    body = ProseEditorField(
        _("nội dung"),
        config={"extensions": BODY_EXTENSIONS},
        sanitize=sanitize_html,
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("chuyên mục"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("người viết"),
    )
    byline = models.CharField(
        _("tác giả hiển thị"),
        max_length=200,
        blank=True,
        help_text=_("Để trống để hiển thị tên người viết."),
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
    )
    published_at = models.DateTimeField(
        _("thời điểm xuất bản"),
        null=True,
        blank=True,
        help_text=_("Đặt một thời điểm trong tương lai để hẹn giờ xuất bản."),
    )
    unpublish_at = models.DateTimeField(
        _("gỡ lúc"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu bài không hết hạn; sau thời điểm này bài tự ẩn."),
    )
    is_featured = models.BooleanField(_("tin nổi bật"), default=False)
    # Set when a figure the article quotes or shows changes after it was
    # published; cleared when an editor has reviewed it (and, if need be,
    # published a correction).
    needs_figure_review = models.BooleanField(_("cần rà soát số liệu"), default=False)
    cover = models.ForeignKey(
        LibraryImage,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="covered_articles",
        verbose_name=_("ảnh đại diện"),
        help_text=_(
            "Chọn từ thư viện ảnh (gõ để tìm) hoặc bấm + để tải ảnh mới. Khi ảnh "
            "được cắt theo khung cố định, tâm điểm của ảnh được giữ lại."
        ),
    )
    # The covers before the image library (migration 0008 moved each into
    # it, as ``cover``); kept so no upload is lost, no longer shown.
    cover_image = models.ImageField(
        _("ảnh đại diện (cũ)"),
        upload_to=cover_upload_to,
        blank=True,
        validators=IMAGE_VALIDATORS,
        width_field="cover_width",
        height_field="cover_height",
    )
    # Stored so pages can reserve the image's space without opening the file.
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_alt = models.CharField(
        _("mô tả ảnh (alt)"),
        max_length=255,
        blank=True,
        help_text=_("Bắt buộc khi có ảnh: mô tả ảnh cho người không xem được ảnh."),
    )
    cover_caption = models.CharField(_("chú thích ảnh"), max_length=300, blank=True)
    documents = models.ManyToManyField(
        "funding.SourceDocument",
        blank=True,
        related_name="articles",
        verbose_name=_("văn bản liên quan"),
        help_text=_("Văn bản của thư viện /van-ban/ mà bài viết nhắc đến."),
    )
    tags = models.ManyToManyField(
        Tag, blank=True, related_name="articles", verbose_name=_("thẻ")
    )
    video_url = VideoURLField(_("video (YouTube, Facebook)"), blank=True)
    # Folded (lower-case, no diacritics) copies of the text, kept by save():
    # the search compares against these.
    search_title = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    # PostgreSQL only: the same, as a weighted tsvector under a GIN index
    # (migration 0003). Stored rather than indexed as an expression so that
    # ranking reads it instead of re-parsing every matching article.
    search_vector = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(
        excluded_fields=[
            "needs_figure_review",
            "search_title",
            "search_text",
            "search_vector",
            "created_at",
            "updated_at",
        ],
        verbose_name=_("lịch sử bài viết"),
        verbose_name_plural=_("lịch sử bài viết"),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        permissions = [("publish_article", _("Có thể xuất bản và gỡ bài viết"))]
        indexes = [
            models.Index(
                fields=["status", "-published_at"], name="news_article_pub_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="news_article_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(cover_image="") | ~Q(cover_alt=""),
                name="news_article_cover_has_alt",
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True)
                | Q(published_at__lt=models.F("unpublish_at")),
                name="news_article_unpublish_after_publish",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:article", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        """Whether the public can see the article right now: the rule
        ``Article.objects.published()`` queries."""
        return holds(public_rule(Article, timezone.now()), self)

    @property
    def is_locked(self) -> bool:
        """Whether the article is public record (see ``LOCKED_STATUSES``)."""
        return self.status in self.LOCKED_STATUSES

    def lock_allows(self, user) -> bool:
        """Whether the article's state lets ``user`` change it or what it
        shows (its data blocks, photos, corrections): a published or
        withdrawn article is public record, which only those who may
        publish (and change articles) touch. The one rule, asked by the
        article's admin and by the admins of what it shows."""
        return not self.is_locked or (
            user.has_perm(self.PUBLISH_PERMISSION)
            and user.has_perm("news.change_article")
        )

    @property
    def author_name(self) -> str:
        if self.byline:
            return self.byline
        if self.author_id and (name := self.author.get_full_name()):
            return name
        return str(_("Ban biên tập"))

    def _stored(self):
        if self.pk is None:
            return None
        return Article.objects.filter(pk=self.pk).values("slug", "status").first()

    def check_times(self) -> None:
        """Refuse a publication or withdrawal time out of the scheduling
        bounds (``news.scheduling``), as an error of its field."""
        for name in ("published_at", "unpublish_at"):
            check_schedule(
                getattr(self, name),
                field=name,
                label=str(self._meta.get_field(name).verbose_name),
            )

    def clean(self) -> None:
        """The slug is a public address: once published it never changes,
        not even after the article goes back to draft (links to it are out).
        Published without a time means published now."""
        super().clean()
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        self.check_times()
        if self.unpublish_at and not (
            self.published_at and self.published_at < self.unpublish_at
        ):
            message = _("Thời điểm gỡ phải sau thời điểm xuất bản.")
            raise ValidationError({"unpublish_at": message})
        if self.cover_image and not self.cover_alt.strip():
            raise ValidationError(
                {
                    "cover_alt": _(
                        "Hãy mô tả ảnh đại diện (alt) cho người đọc khiếm thị."
                    )
                }
            )
        stored = self._stored()
        if (
            stored
            and stored["slug"] != self.slug
            and (stored["status"] in self.LOCKED_STATUSES or was_public_record(self))
        ):
            raise ValidationError(
                {"slug": _("Bài đã xuất bản: không được đổi đường dẫn.")}
            )

    def _unique_slug(self) -> str:
        base = vn_slugify(self.title) or "bai-viet"
        slug, n = base, 2
        while Article.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug = f"{base[:190]}-{n}"
            n += 1
        return slug

    def save(self, *args, **kwargs):
        clean_text_fields(Article, self)  # before the search vector is built
        if not self.slug:
            self.slug = self._unique_slug()
        # Sanitised here as well as in the form, so no path (shell, import,
        # fixtures) can store unsafe HTML.
        self.body = sanitize_html(self.body)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        self.search_title = fold(self.title)
        self.search_text = fold(f"{self.lead} {strip_tags(self.body)}")
        if connection.vendor == "postgresql":
            self.search_vector = build_search_vector(
                self.search_title, self.search_text
            )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {
                *update_fields,
                "slug",
                "body",
                "published_at",
                "search_title",
                "search_text",
                "search_vector",
            }
        super().save(*args, **kwargs)
        if connection.vendor == "postgresql":
            # The expression was written by the query; the value is not needed.
            self.search_vector = None


class ArticleImage(TimeStampedModel):
    """A photo uploaded for use inside an article's body."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="images",
        verbose_name=_("bài viết"),
    )
    image = models.ImageField(
        _("ảnh"), upload_to=body_image_upload_to, validators=IMAGE_VALIDATORS
    )
    alt_text = models.CharField(_("mô tả ảnh (alt)"), max_length=255)
    caption = models.CharField(_("chú thích"), max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("ảnh trong bài")
        verbose_name_plural = _("ảnh trong bài")

    def __str__(self) -> str:
        return self.alt_text

    def get_absolute_url(self) -> str:
        return self.image.url


class Correction(TimeStampedModel):
    """A correction (đính chính) published at the top of an article, dated."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="corrections",
        verbose_name=_("bài viết"),
    )
    text = models.TextField(_("nội dung đính chính"))
    published_at = models.DateTimeField(_("thời điểm đính chính"), default=timezone.now)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("đính chính")
        verbose_name_plural = _("đính chính")

    def __str__(self) -> str:
        return f"{self.article}: {timezone.localtime(self.published_at):%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#dinh-chinh-{self.pk}"
