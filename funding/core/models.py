import calendar
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from khuyencong.models import TimeStampedModel

#: The day the 2025 provincial merger took effect (Resolution 202/2025/QH15).
MERGER_DATE = date(2025, 7, 1)


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


class FigureQuerySet(models.QuerySet):
    def with_dimensions(self):
        """Figures with every dimension and the source joined (one query)."""
        return self.select_related("indicator", "area", "content", "source")

    def money(self):
        return self.filter(indicator__unit=Indicator.Unit.VND)


class Figure(TimeStampedModel):
    """One number with its dimensions and its source, stored exactly."""

    class Fund(models.TextChoices):
        ALL = "all", _("Tất cả nguồn")
        KCQG = "kcqg", _("Khuyến công quốc gia")
        KCDP = "kcdp", _("Khuyến công địa phương")

    class PeriodKind(models.TextChoices):
        YEAR = "year", _("Cả năm")
        MONTHS = "months", _("Các tháng đầu năm")
        TO_DATE = "to_date", _("Đến ngày")

    class Measure(models.TextChoices):
        PLAN = "plan", _("Kế hoạch")
        EXECUTED = "executed", _("Thực hiện")
        ESTIMATE = "estimate", _("Ước thực hiện")

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        related_name="figures",
        verbose_name=_("chỉ tiêu"),
    )
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        related_name="figures",
        verbose_name=_("địa bàn"),
    )
    fund = models.CharField(
        _("nguồn kinh phí"), max_length=10, choices=Fund.choices, default=Fund.ALL
    )
    content = models.ForeignKey(
        ProgrammeContent,
        on_delete=models.PROTECT,
        related_name="figures",
        verbose_name=_("nội dung"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    period_kind = models.CharField(
        _("kỳ"), max_length=10, choices=PeriodKind.choices, default=PeriodKind.YEAR
    )
    period_end = models.DateField(
        _("hết kỳ"),
        help_text=_("Tự tính cho cả năm và N tháng đầu năm; nhập khi là “đến ngày”."),
        blank=True,
    )
    measure = models.CharField(
        _("loại số liệu"), max_length=10, choices=Measure.choices
    )
    value = models.DecimalField(
        _("giá trị"),
        max_digits=22,
        decimal_places=2,
        help_text=_("Theo đơn vị của chỉ tiêu (đồng, hoặc số lượng), chính xác."),
    )
    rounding = models.DecimalField(
        _("làm tròn đến"),
        max_digits=22,
        decimal_places=2,
        default=Decimal(0),
        help_text=_(
            "Bước làm tròn của con số khi công bố (0 nếu chính xác); "
            "vd. 48,79 tỷ đồng được làm tròn đến 10.000.000 đồng."
        ),
    )
    source = models.ForeignKey(
        SourceDocument,
        on_delete=models.PROTECT,
        related_name="figures",
        verbose_name=_("nguồn"),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    last_import = models.ForeignKey(
        "ImportRecord",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="figures",
        verbose_name=_("lần nhập gần nhất"),
    )

    history = HistoricalRecords(
        excluded_fields=["created_at", "updated_at"], verbose_name=_("lịch sử số liệu")
    )

    objects = FigureQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "area", "year", "period_end", "fund", "measure"]
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")
        permissions = [("import_figure", _("Có thể nhập số liệu từ tệp và hoàn tác"))]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "indicator",
                    "area",
                    "fund",
                    "content",
                    "year",
                    "period_kind",
                    "period_end",
                    "measure",
                ],
                name="funding_figure_unique_dimensions",
                violation_error_message=_(
                    "Số liệu này đã có (cùng chỉ tiêu, địa bàn, nguồn, nội dung, "
                    "năm, kỳ và loại số liệu)."
                ),
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0), name="funding_figure_value_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(rounding__gte=0),
                name="funding_figure_rounding_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(period_end__year=models.F("year")),
                name="funding_figure_period_in_year",
            ),
        ]
        indexes = [
            models.Index(fields=["area", "year"], name="funding_fig_area_year_idx"),
            models.Index(fields=["year", "indicator"], name="funding_fig_year_ind_idx"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.indicator} – {self.area} – {self.get_fund_display()} – "
            f"{self.period_label} – {self.get_measure_display()}"
        )

    def get_absolute_url(self) -> str:
        return reverse("funding:figure", kwargs={"pk": self.pk})

    @property
    def months(self) -> int:
        """How many months of the year the period covers (12 for the year)."""
        return self.period_end.month if self.period_end else 12

    @property
    def period_label(self) -> str:
        return period_label(self.period_kind, self.period_end, self.year)

    @staticmethod
    def period_end_for(kind: str, year: int, months: int | None = None) -> date:
        """The last day of a whole-year or first-N-months period."""
        if kind == Figure.PeriodKind.YEAR:
            return date(year, 12, 31)
        months = months or 12
        return date(year, months, calendar.monthrange(year, months)[1])

    @staticmethod
    def shift_period_end(kind: str, period_end: date, years: int) -> date:
        """The end of the same period ``years`` later (or earlier).

        "First 2 months" of 2016 ends on 29/02; of 2015, on 28/02.
        """
        year = period_end.year + years
        if kind in (Figure.PeriodKind.YEAR, Figure.PeriodKind.MONTHS):
            return Figure.period_end_for(kind, year, period_end.month)
        last_day = calendar.monthrange(year, period_end.month)[1]
        return date(year, period_end.month, min(period_end.day, last_day))

    def clean(self) -> None:
        """Rules a person can break in a form; the database enforces them too."""
        super().clean()
        errors = {}
        if self.value is not None and self.value < 0:
            errors["value"] = _("Giá trị không được âm.")
        if (
            self.indicator_id
            and self.value is not None
            and self.indicator.unit == Indicator.Unit.COUNT
            and self.value != self.value.to_integral_value()
        ):
            errors["value"] = _("Chỉ tiêu đếm phải là số nguyên.")
        self._normalise_period()
        if self.period_end is None:
            errors["period_end"] = _("Hãy nhập ngày hết kỳ.")
        elif self.year and self.period_end.year != self.year:
            errors["period_end"] = _("Ngày hết kỳ phải nằm trong năm %(year)s.") % {
                "year": self.year
            }
        if errors:
            raise ValidationError(errors)

    def _normalise_period(self) -> None:
        # A whole year ends on 31/12; "first N months" ends on the last day
        # of month N, whatever day of that month was typed.
        if self.period_kind == self.PeriodKind.YEAR and self.year:
            self.period_end = self.period_end_for(self.PeriodKind.YEAR, self.year)
        elif self.period_kind == self.PeriodKind.MONTHS and self.period_end:
            self.period_end = self.period_end_for(
                self.PeriodKind.MONTHS, self.period_end.year, self.period_end.month
            )

    def save(self, *args, **kwargs):
        self._normalise_period()
        super().save(*args, **kwargs)


def period_label(kind: str, period_end: date | None, year: int) -> str:
    """ "Năm 2021", "7 tháng đầu năm 2022", "Đến 30/06/2023"."""
    if kind == Figure.PeriodKind.YEAR or period_end is None:
        return _("Năm %(year)s") % {"year": year}
    if kind == Figure.PeriodKind.MONTHS:
        return _("%(months)s tháng đầu năm %(year)s") % {
            "months": period_end.month,
            "year": year,
        }
    return _("Đến %(date)s") % {"date": period_end.strftime("%d/%m/%Y")}


class ImportRecord(models.Model):
    """One import of a spreadsheet: what, by whom, when, and what it did."""

    file_name = models.CharField(_("tên tệp"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    sheet = models.CharField(_("trang"), max_length=100, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="figure_imports",
        verbose_name=_("người nhập"),
    )
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)
    created_count = models.PositiveIntegerField(_("mới"), default=0)
    changed_count = models.PositiveIntegerField(_("thay đổi"), default=0)
    unchanged_count = models.PositiveIntegerField(_("không đổi"), default=0)
    undone_at = models.DateTimeField(_("hoàn tác lúc"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người hoàn tác"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("lần nhập số liệu")
        verbose_name_plural = _("lần nhập số liệu")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created_at:%d/%m/%Y %H:%M})"


class ImportChange(models.Model):
    """What one import did to one figure, so the import can be undone."""

    record = models.ForeignKey(
        ImportRecord, on_delete=models.CASCADE, related_name="changes"
    )
    figure = models.ForeignKey(
        Figure, on_delete=models.SET_NULL, null=True, related_name="import_changes"
    )
    old_value = models.DecimalField(max_digits=22, decimal_places=2, null=True)
    new_value = models.DecimalField(max_digits=22, decimal_places=2)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.record}: {self.old_value} → {self.new_value}"
