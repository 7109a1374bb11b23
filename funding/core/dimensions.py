"""The dimensions a figure is told apart by: what it counts (indicator),
where (area, with regions' members over time and the names it had), which
programme content, and where it comes from (source document).
``funding.core.models`` re-exports them beside the figures.

Membership, succession and names take effect on a date: the 2025 merger
replaced provinces on 1/7/2025, so in 2025 a region has the old provinces
up to 30/6 and the new ones from 1/7 (``RegionMembership.valid_from`` and
``valid_to``, empty for the whole year).
"""

import copy
from datetime import date

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from khuyencong.models import TimeStampedModel
from khuyencong.text import vn_slugify

from ..documents.models import SourceDocument  # noqa: F401 (re-exported)
from .regions import free_slug


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

    def valid_on(self, day: date):
        """Areas that existed on ``day``."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
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

    class Grouping(models.TextChoices):
        """Which division of the country a region belongs to."""

        KHUYEN_CONG = "khuyen-cong", _("Khu vực khuyến công")
        SOCIO_ECONOMIC = "kinh-te-xa-hoi", _("Vùng kinh tế - xã hội")

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=80,
        unique=True,
        help_text=_("Phần cuối địa chỉ trang, vd. “ninh-thuan”."),
    )
    grouping = models.CharField(
        _("cách chia vùng"),
        max_length=20,
        choices=Grouping.choices,
        blank=True,
        help_text=_("Với khu vực: thuộc cách chia nào."),
    )
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
        """The short name and, for an area that did not always exist, when
        it did: "Đà Nẵng (đến 30/06/2025)", "Đà Nẵng (từ 01/07/2025)"."""
        validity = self.validity
        return f"{self.short_name} ({validity})" if validity else self.short_name

    @property
    def validity(self) -> str:
        """ "từ 01/07/2025", "đến 30/06/2025", or "" for always."""
        if self.valid_from and self.valid_to:
            return _("%(start)s – %(end)s") % {
                "start": f"{self.valid_from:%d/%m/%Y}",
                "end": f"{self.valid_to:%d/%m/%Y}",
            }
        if self.valid_to:
            return _("đến %(day)s") % {"day": f"{self.valid_to:%d/%m/%Y}"}
        if self.valid_from:
            return _("từ %(day)s") % {"day": f"{self.valid_from:%d/%m/%Y}"}
        return ""

    def save(self, *args, **kwargs):
        if not self.slug:
            others = Area.objects.exclude(pk=self.pk).filter(
                slug__startswith=vn_slugify(self.short_name)[:20] or "ca-nuoc"
            )
            self.slug = free_slug(self, set(others.values_list("slug", flat=True)))
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        if self.kind == self.Kind.REGION:
            return reverse("funding:region", kwargs={"slug": self.slug})
        if self.kind == self.Kind.PROVINCE:
            return reverse("funding:province", kwargs={"slug": self.slug})
        return reverse("funding:overview")

    def existed_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def existed_in(self, year: int) -> bool:
        """As ``AreaQuerySet.valid_in``, for an area already read."""
        return (self.valid_from is None or self.valid_from.year <= year) and (
            self.valid_to is None or self.valid_to.year >= year
        )

    def short_name_in(self, year: int) -> str:
        """The short name the area had at the end of ``year`` ("Thừa Thiên
        Huế" in 2022), from its ``former_names`` (prefetch them to list many
        areas)."""
        return self.short_name_on(date(year, 12, 31))

    def short_name_on(self, day: date) -> str:
        return self.named_on(day).short_name

    def named_on(self, day: date) -> "Area":
        """This area as it was named on ``day``: itself, or an unsaved copy
        with its former name and short name (for showing, never saving)."""
        for former in sorted(self.former_names.all(), key=lambda n: n.used_until):
            if day <= former.used_until:
                named = copy.copy(self)
                named.name, named.short_name = former.name, former.short_name
                return named
        return self

    def members(self, year: int, on: date | None = None):
        """The provinces of this region in ``year``, on the day ``on`` of it
        (default its last day: after the 2025 merger, the new provinces)."""
        on = on or date(year, 12, 31)
        return Area.objects.filter(
            Q(region_memberships__valid_from__isnull=True)
            | Q(region_memberships__valid_from__lte=on),
            Q(region_memberships__valid_to__isnull=True)
            | Q(region_memberships__valid_to__gte=on),
            region_memberships__region=self,
            region_memberships__year=year,
        ).order_by("position", "short_name")


class AreaName(models.Model):
    """A name an area had before it was renamed ("Thừa Thiên Huế", used
    until 31/12/2024): pages show a figure's area with the name of its year."""

    area = models.ForeignKey(
        Area,
        on_delete=models.CASCADE,
        related_name="former_names",
        verbose_name=_("địa bàn"),
    )
    name = models.CharField(_("tên đầy đủ"), max_length=120)
    short_name = models.CharField(_("tên ngắn"), max_length=80)
    used_until = models.DateField(_("dùng đến ngày"))
    source = models.CharField(_("văn bản đổi tên"), max_length=200, blank=True)

    class Meta:
        ordering = ["area", "used_until"]
        verbose_name = _("tên cũ của địa bàn")
        verbose_name_plural = _("tên cũ của địa bàn")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "used_until"], name="funding_areaname_unique"
            ),
        ]

    def __str__(self) -> str:
        return _("%(name)s (đến %(day)s)") % {
            "name": self.short_name,
            "day": f"{self.used_until:%d/%m/%Y}",
        }


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
    valid_from = models.DateField(
        _("từ ngày"), null=True, blank=True, help_text=_("Trống: từ đầu năm.")
    )
    valid_to = models.DateField(
        _("đến ngày"), null=True, blank=True, help_text=_("Trống: đến hết năm.")
    )

    class Meta:
        ordering = ["region", "year", "province"]
        verbose_name = _("thành viên khu vực")
        verbose_name_plural = _("thành viên khu vực")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "province", "year"], name="funding_membership_unique"
            ),
            models.CheckConstraint(
                condition=(Q(valid_from__isnull=True) | Q(valid_from__year=F("year")))
                & (Q(valid_to__isnull=True) | Q(valid_to__year=F("year"))),
                name="funding_membership_dates_in_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.province} – {self.region} ({self.year})"
