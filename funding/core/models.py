"""Figures: one number with its dimensions and its source, stored exactly
(``Figure``), and the record of spreadsheet imports. The dimensions
themselves live in ``funding.core.dimensions`` and are re-exported here."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from khuyencong.models import TimeStampedModel

from . import periods
from .dimensions import (
    Area,
    AreaName,
    AreaQuerySet,
    Indicator,
    ProgrammeContent,
    RegionMembership,
    SourceDocument,
)
from .formatting import format_number
from .periods import Period

__all__ = [
    "Area",
    "AreaName",
    "AreaQuerySet",
    "Figure",
    "FigureQuerySet",
    "ImportChange",
    "ImportRecord",
    "Indicator",
    "ProgrammeContent",
    "RegionMembership",
    "SourceDocument",
    "period_label",
]


class FigureQuerySet(models.QuerySet):
    def with_dimensions(self):
        """Figures with every dimension and the source joined (one query)."""
        return self.select_related("indicator", "area", "content", "source")

    def money(self):
        return self.filter(indicator__unit=Indicator.Unit.VND)


#: What tells one figure from another: its dimensions (see ``Figure``).
FIGURE_KEY_FIELDS = (
    "indicator",
    "area",
    "fund",
    "content",
    "year",
    "period_kind",
    "period_end",
    "measure",
)


class Figure(TimeStampedModel):
    """One number with its dimensions and its source, stored exactly.

    ``KEY_FIELDS`` are its identity: the unique constraint, the admin form,
    imports, exports and the checker all name a figure by them (and by
    ``key_columns()``, the same fields as database columns).
    """

    KEY_FIELDS = FIGURE_KEY_FIELDS

    class Fund(models.TextChoices):
        ALL = "all", _("Tất cả nguồn")
        KCQG = "kcqg", _("Khuyến công quốc gia")
        KCDP = "kcdp", _("Khuyến công địa phương")

    class PeriodKind(models.TextChoices):
        """See ``funding.core.periods``: one identity per period."""

        YEAR = periods.YEAR, _("Cả năm")
        MONTHS = periods.MONTHS, _("Các tháng đầu năm")
        QUARTER = periods.QUARTER, _("Một quý (II, III, IV)")
        TO_DATE = periods.TO_DATE, _("Đến ngày")

    class Measure(models.TextChoices):
        PLAN = "plan", _("Kế hoạch")
        EXECUTED = "executed", _("Thực hiện")
        ESTIMATE = "estimate", _("Ước thực hiện")
        TARGET = "target", _("Mục tiêu")

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
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=periods.YEAR_VALIDATORS
    )
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
        excluded_fields=["created_at", "updated_at"],
        verbose_name=_("lịch sử số liệu"),
        verbose_name_plural=_("lịch sử số liệu"),
    )

    objects = FigureQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "area", "year", "period_end", "fund", "measure"]
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")
        permissions = [("import_figure", _("Có thể nhập số liệu từ tệp và hoàn tác"))]
        constraints = [
            models.UniqueConstraint(
                fields=FIGURE_KEY_FIELDS,
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
            models.CheckConstraint(
                condition=periods.years_in_range("year"),
                name="funding_figure_year_known",
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

    @classmethod
    def key_columns(cls) -> tuple[str, ...]:
        """``KEY_FIELDS`` as attribute names (``indicator_id``…), for
        ``values_list`` and bulk writes."""
        return tuple(cls._meta.get_field(name).attname for name in cls.KEY_FIELDS)

    def key(self) -> tuple:
        """This figure's identity, as ``key_columns()`` reads it."""
        return tuple(getattr(self, column) for column in self.key_columns())

    @property
    def period(self) -> Period:
        return Period(self.period_kind, self.period_end)

    @property
    def months(self) -> int:
        """How many months of the year the period covers (12 for the year)."""
        return self.period.months if self.period_end else 12

    @property
    def period_label(self) -> str:
        return period_label(self.period_kind, self.period_end, self.year)

    @staticmethod
    def period_end_for(kind: str, year: int, months: int | None = None) -> date:
        """The last day of a whole-year or first-N-months period."""
        if kind == Figure.PeriodKind.YEAR:
            return Period.whole_year(year).end
        return Period.first_months(year, months or 12).end

    @staticmethod
    def shift_period_end(kind: str, period_end: date, years: int) -> date:
        """The end of the same period ``years`` later (or earlier)."""
        return Period(kind, period_end).shifted(years).end

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
        if not periods.is_known_year(self.year):
            pass  # the year's own message says what is wrong
        elif self.period_end is None:
            errors["period_end"] = _("Hãy nhập ngày hết kỳ.")
        elif self.period_end.year != self.year:
            errors["period_end"] = _("Ngày hết kỳ phải nằm trong năm %(year)s.") % {
                "year": self.year
            }
        if errors:
            raise ValidationError(errors)

    def _normalise_period(self) -> None:
        # One period, one identity (funding.core.periods): a whole year ends
        # on 31/12, "first N months" on the last day of month N whatever day
        # was typed, "up to 30/9" is the first 9 months, quarter I the
        # first 3 months.
        if not periods.is_known_year(self.year):
            return  # refused by the year's validators; no date to make of it
        if self.period_kind == self.PeriodKind.YEAR:
            self.period_end = Period.whole_year(self.year).end
        elif self.period_end:
            period = Period(self.period_kind, self.period_end).normalised()
            self.period_kind, self.period_end = period.kind, period.end

    def save(self, *args, **kwargs):
        self._normalise_period()
        super().save(*args, **kwargs)


def period_label(kind: str, period_end: date | None, year: int) -> str:
    """ "Năm 2021", "7 tháng đầu năm 2022", "Quý II năm 2024", "Đến 15/10/2023"."""
    if kind == Figure.PeriodKind.YEAR or period_end is None:
        return Period.whole_year(year).label
    return Period(kind, period_end).label


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
        return (
            f"{self.file_name} ({timezone.localtime(self.created_at):%d/%m/%Y %H:%M})"
        )


class ImportChange(models.Model):
    """What one import did to one figure, so the import can be undone."""

    record = models.ForeignKey(
        ImportRecord,
        on_delete=models.CASCADE,
        related_name="changes",
        verbose_name=_("lần nhập"),
    )
    figure = models.ForeignKey(
        Figure,
        on_delete=models.SET_NULL,
        null=True,
        related_name="import_changes",
        verbose_name=_("số liệu"),
    )
    old_value = models.DecimalField(
        _("giá trị cũ"), max_digits=22, decimal_places=2, null=True
    )
    new_value = models.DecimalField(_("giá trị mới"), max_digits=22, decimal_places=2)

    class Meta:
        ordering = ["id"]
        verbose_name = _("thay đổi do nhập số liệu")
        verbose_name_plural = _("thay đổi do nhập số liệu")

    def __str__(self) -> str:
        old = "—" if self.old_value is None else format_number(self.old_value)
        return f"{self.record}: {old} → {format_number(self.new_value)}"
