"""The dimensions a figure is told apart by: what it counts (indicator),
where (area, with regions' members over time), which programme content,
and where it comes from (source document). ``funding.core.models``
re-exports them beside the figures."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from khuyencong.models import TimeStampedModel


class Indicator(TimeStampedModel):
    """What a figure counts, and in which unit."""

    class Unit(models.TextChoices):
        VND = "vnd", _("đồng")
        COUNT = "count", _("số lượng")

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=200, unique=True)
    unit = models.CharField(_("đơn vị"), max_length=10, choices=Unit.choices)
    count_noun = models.CharField(
        _("danh từ đếm"),
        max_length=40,
        blank=True,
        help_text=_("Với chỉ tiêu đếm: “dự án”, “cơ sở”…"),
    )
    description = models.TextField(_("mô tả"), blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self) -> str:
        return self.name


class ProgrammeContent(TimeStampedModel):
    """A content (nội dung) of the khuyến công programme, or "all contents"."""

    ALL = "tat-ca"

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên nội dung"), max_length=500, unique=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("nội dung chương trình")
        verbose_name_plural = _("nội dung chương trình")

    def __str__(self) -> str:
        return self.name


class AreaQuerySet(models.QuerySet):
    def valid_in(self, year: int):
        """Areas that existed at some point of ``year``."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__year__lte=year),
            Q(valid_to__isnull=True) | Q(valid_to__year__gte=year),
        )

    def current(self):
        """Areas that exist today (not replaced by a merger)."""
        return self.filter(valid_to__isnull=True)


class Area(TimeStampedModel):
    """The nation, a khuyến công region, or a province as it was in its time.

    A province replaced in the 2025 merger keeps its figures and points to
    its ``successor``; views aggregate old figures into today's provinces by
    following those links.
    """

    class Kind(models.TextChoices):
        NATION = "nation", _("Cả nước")
        REGION = "region", _("Khu vực")
        PROVINCE = "province", _("Tỉnh, thành phố")

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên đầy đủ"), max_length=120)
    short_name = models.CharField(_("tên ngắn"), max_length=80)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    aliases = models.TextField(
        _("tên gọi khác"),
        blank=True,
        help_text=_("Mỗi dòng một tên (dùng khi nhập dữ liệu)."),
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("đơn vị kế thừa"),
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "position", "short_name"]
        verbose_name = _("địa bàn")
        verbose_name_plural = _("địa bàn")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lte=models.F("valid_to")),
                name="funding_area_valid_range",
            ),
        ]

    def __str__(self) -> str:
        if self.valid_to:
            return _("%(name)s (đến %(year)s)") % {
                "name": self.short_name,
                "year": self.valid_to.year,
            }
        return self.short_name

    def get_absolute_url(self) -> str:
        if self.kind == self.Kind.REGION:
            return reverse("funding:region", kwargs={"code": self.code})
        if self.kind == self.Kind.PROVINCE:
            return reverse("funding:province", kwargs={"code": self.code})
        return reverse("funding:overview")

    def members(self, year: int):
        """The provinces of this region in ``year``."""
        return Area.objects.filter(
            region_memberships__region=self, region_memberships__year=year
        ).order_by("position", "short_name")


class RegionMembership(models.Model):
    """A province belongs to a region for a given year (membership changes)."""

    region = models.ForeignKey(
        Area,
        on_delete=models.CASCADE,
        related_name="memberships",
        limit_choices_to={"kind": Area.Kind.REGION},
        verbose_name=_("khu vực"),
    )
    province = models.ForeignKey(
        Area,
        on_delete=models.CASCADE,
        related_name="region_memberships",
        limit_choices_to={"kind": Area.Kind.PROVINCE},
        verbose_name=_("tỉnh, thành phố"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))

    class Meta:
        ordering = ["region", "year", "province"]
        verbose_name = _("thành viên khu vực")
        verbose_name_plural = _("thành viên khu vực")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "province", "year"], name="funding_membership_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.province} – {self.region} ({self.year})"


class SourceDocument(TimeStampedModel):
    """Where figures come from: a report, a decision, a news article."""

    title = models.CharField(_("tiêu đề"), max_length=300)
    number = models.CharField(_("số hiệu"), max_length=100, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    url = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    article = models.ForeignKey(
        "news.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_documents",
        verbose_name=_("bài viết trên cổng"),
    )
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["-issued_on", "title"]
        verbose_name = _("nguồn số liệu")
        verbose_name_plural = _("nguồn số liệu")

    def __str__(self) -> str:
        return f"{self.number} – {self.title}" if self.number else self.title

    def get_absolute_url(self) -> str:
        return reverse("funding:source", kwargs={"pk": self.pk})

    @property
    def link(self) -> str:
        """Where a reader can read the source itself."""
        if self.article_id and self.article.is_public:
            return self.article.get_absolute_url()
        return self.url
