"""A document of the library (``SourceDocument``: the figures' sources are
documents too, so they kept their table, rows and links) and its files."""

from pathlib import PurePath
from uuid import uuid4

from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from khuyencong.models import TimeStampedModel
from khuyencong.text import fold, search_terms, vn_slugify

from .files import FileKind, detect_kind, validate_document_file

SLUG_LENGTH = 120


class DocumentQuerySet(models.QuerySet):
    def published(self):
        """Documents the public may see: published and due. Every public
        path (list, page, files, an article's list) goes through here."""
        return self.filter(is_published=True, published_at__lte=timezone.now())

    def with_public_page(self):
        """Documents with a public page: the published ones, and the sources
        of figures (the figures are public, and so is where they come
        from: the page of their figures, ``funding:source``)."""
        sourcing = SourceDocument.objects.filter(figures__isnull=False).values("pk")
        return self.filter(
            Q(is_published=True, published_at__lte=timezone.now()) | Q(pk__in=sourcing)
        )

    def next_publication(self):
        """When the next scheduled document goes public, or None."""
        return (
            self.filter(is_published=True, published_at__gt=timezone.now())
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )

    def search(self, query: str):
        """Documents matching every word of ``query``, ignoring case and
        Vietnamese diacritics: the query is folded as ``search_text`` was."""
        terms = search_terms(query)
        if not terms:
            return self.none()
        matches = Q()
        for term in terms:
            matches &= Q(search_text__contains=term)
        return self.filter(matches)


class SourceDocument(TimeStampedModel):
    """A document: a law, a decision, a plan, a report; where figures come
    from, and what articles cite."""

    class Kind(models.TextChoices):
        LAW = "luat", _("Luật")
        DECREE = "nghi-dinh", _("Nghị định")
        DECISION = "quyet-dinh", _("Quyết định")
        CIRCULAR = "thong-tu", _("Thông tư")
        RESOLUTION = "nghi-quyet", _("Nghị quyết")
        DIRECTIVE = "chi-thi", _("Chỉ thị")
        PLAN = "ke-hoach", _("Kế hoạch")
        OFFICIAL_LETTER = "cong-van", _("Công văn")
        REPORT = "bao-cao", _("Báo cáo")
        NOTICE = "thong-bao", _("Thông báo")
        GUIDANCE = "huong-dan", _("Hướng dẫn")
        OTHER = "khac", _("Khác")

    title = models.CharField(_("trích yếu"), max_length=300)
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    kind = models.CharField(
        _("loại văn bản"), max_length=20, choices=Kind.choices, default=Kind.OTHER
    )
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    effective_on = models.DateField(_("ngày hiệu lực"), null=True, blank=True)
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=SLUG_LENGTH,
        unique=True,
        blank=True,
        help_text=_("Tạo tự động từ số, ký hiệu và trích yếu nếu để trống."),
    )
    is_published = models.BooleanField(
        _("công khai"),
        default=False,
        help_text=_("Hiện trong thư viện văn bản /van-ban/ từ thời điểm công khai."),
    )
    published_at = models.DateTimeField(
        _("thời điểm công khai"),
        null=True,
        blank=True,
        help_text=_("Để trống: ngay khi lưu. Đặt thời điểm tương lai để hẹn giờ."),
    )
    url = models.URLField(_("đường dẫn ngoài"), max_length=500, blank=True)
    article = models.ForeignKey(
        "news.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_documents",
        verbose_name=_("bài viết trên cổng"),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    # Folded (lower-case, no diacritics) number, title, issuer and signer,
    # kept by save(): the search compares against it.
    search_text = models.TextField(editable=False, default="")

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "title"]
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_on__isnull=True)
                | Q(issued_on__isnull=True)
                | Q(effective_on__gte=F("issued_on")),
                name="funding_document_effective_after_issued",
                violation_error_message=_(
                    "Ngày hiệu lực không được trước ngày ban hành."
                ),
            ),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(published_at__isnull=False),
                name="funding_document_published_has_time",
                violation_error_message=_("Văn bản công khai cần thời điểm công khai."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} – {self.title}" if self.number else self.title

    def get_absolute_url(self) -> str:
        """Its page in the library once public; until then (a figure's
        source not published as a document) the page of its figures."""
        if self.is_public:
            return self.library_url
        return reverse("funding:source", kwargs={"pk": self.pk})

    @property
    def library_url(self) -> str:
        return reverse("documents:detail", kwargs={"slug": self.slug})

    @property
    def link(self) -> str:
        """Where a reader can read the source itself."""
        if self.article_id and self.article.is_public:
            return self.article.get_absolute_url()
        if self.is_public:
            return self.library_url
        return self.url

    @property
    def is_public(self) -> bool:
        return bool(
            self.is_published
            and self.published_at
            and self.published_at <= timezone.now()
        )

    def clean(self):
        # Before the constraints are checked: published now, if no time given.
        self._publish_now_if_untimed()

    def _publish_now_if_untimed(self) -> None:
        if self.is_published and not self.published_at:
            self.published_at = timezone.now()

    def save(self, *args, **kwargs):
        self._publish_now_if_untimed()
        if not self.slug:
            self.slug = self.free_slug()
        self.search_text = fold(
            " ".join([self.number, self.title, self.issuer, self.signer])
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {
                *update_fields,
                "search_text",
                "slug",
                "published_at",
            }
        super().save(*args, **kwargs)

    def free_slug(self) -> str:
        """A slug from the number and title not taken by another document
        ("quyet-dinh-123-qd-ubnd-...", then numbered)."""
        # "15/2026/QĐ-UBND" reads "15-2026-qd-ubnd", not "152026qd-ubnd".
        words = f"{self.number} {self.title}".replace("/", " ")
        base = vn_slugify(words, SLUG_LENGTH - 4) or "van-ban"
        taken = set(
            SourceDocument.objects.exclude(pk=self.pk)
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug


def document_upload_to(instance, filename: str) -> str:
    """An unguessable folder per file: files of a document not yet public
    are not found by trying names under /media/."""
    name = PurePath(filename).name
    stem, suffix = PurePath(name).stem, PurePath(name).suffix.lower()
    return f"van-ban/{uuid4().hex}/{vn_slugify(stem, 80) or 'tep'}{suffix}"


class DocumentFile(TimeStampedModel):
    """A file of a document (PDF, DOCX or XLSX, its type read from its
    content when it is uploaded)."""

    document = models.ForeignKey(
        SourceDocument,
        on_delete=models.CASCADE,
        related_name="files",
        verbose_name=_("văn bản"),
    )
    file = models.FileField(
        _("tệp"),
        upload_to=document_upload_to,
        max_length=255,
        validators=[validate_document_file],
        help_text=_("PDF, DOCX hoặc XLSX."),
    )
    label = models.CharField(
        _("tên hiển thị"),
        max_length=200,
        blank=True,
        help_text=_("Vd. “Toàn văn”, “Phụ lục kèm theo”. Để trống: tên tệp."),
    )
    kind = models.CharField(
        _("định dạng"), max_length=10, choices=FileKind.choices, editable=False
    )
    size = models.PositiveBigIntegerField(_("dung lượng"), default=0, editable=False)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["document", "position", "pk"]
        verbose_name = _("tệp văn bản")
        verbose_name_plural = _("tệp văn bản")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=FileKind.values),
                name="funding_documentfile_kind_known",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse(
            "documents:file", kwargs={"slug": self.document.slug, "pk": self.pk}
        )

    @property
    def filename(self) -> str:
        return PurePath(self.file.name).name

    @property
    def display_name(self) -> str:
        return self.label or self.filename

    def save(self, *args, **kwargs):
        # Read from the content of a new upload, whoever saves (the admin,
        # the demo).
        if self.file and (not self.file._committed or not self.kind):
            self.kind = detect_kind(self.file) or ""
            self.size = self.file.size
        super().save(*args, **kwargs)


@receiver(post_delete, sender=DocumentFile)
def _delete_stored_file(sender, instance, **kwargs):
    # Once the deletion is committed: a rolled-back one keeps its file.
    if instance.file:
        transaction.on_commit(lambda: instance.file.delete(save=False))
