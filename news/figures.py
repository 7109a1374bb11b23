"""Figures in stories: the data blocks an article shows and the figures its
text quotes. They belong to the article; the figures themselves are
``funding``'s.

These models were ``funding``'s until the figures and the stories were told
apart: their tables keep the names they had (``funding_datablock``…), so
the move changed no row (``news`` migration 0005).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from funding.api import (
    NOT_A_FIGURE,
    YEAR_VALIDATORS,
    Area,
    BlockDisplay,
    Figure,
    Indicator,
    ProgrammeContent,
    Selection,
    SourceDocument,
    figures_for,
    showing,
    split_codes,
    years_in_range,
)
from khuyencong.models import TimeStampedModel


class DataBlockQuerySet(models.QuerySet):
    def showing(self, figure: Figure):
        """Blocks showing ``figure`` (as it is stored now) or a figure
        computed from it (a fund derived from it, a share of all sources)."""
        return self.filter(showing(figure)).distinct()


class DataBlock(TimeStampedModel):
    """A table of figures in a story: a selection, not a copy.

    The block names what it shows (indicators, areas, years, period, funding
    sources, measures, source documents); its table is computed from the
    figures when either changes (``news.snapshots``), so a corrected figure
    corrects every story that shows it, at once.
    The rule of what a selection names is ``funding``'s (``Selection``).
    """

    Display = BlockDisplay

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="data_blocks",
        verbose_name=_("bài viết"),
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    title = models.CharField(_("tiêu đề bảng"), max_length=200)
    indicators = models.ManyToManyField(
        Indicator, related_name="data_blocks", verbose_name=_("chỉ tiêu")
    )
    areas = models.ManyToManyField(
        Area, related_name="data_blocks", verbose_name=_("địa bàn")
    )
    year_from = models.PositiveSmallIntegerField(
        _("từ năm"), validators=YEAR_VALIDATORS
    )
    year_to = models.PositiveSmallIntegerField(_("đến năm"), validators=YEAR_VALIDATORS)
    period_kind = models.CharField(
        _("kỳ"),
        max_length=10,
        choices=Figure.PeriodKind.choices,
        blank=True,
        help_text=_("Để trống: mọi kỳ (cả năm và các tháng đầu năm)."),
    )
    # Comma-separated codes of Figure.Fund / Figure.Measure; empty means all.
    funds = models.CharField(_("nguồn kinh phí"), max_length=30, blank=True)
    measures = models.CharField(_("loại số liệu"), max_length=30, blank=True)
    content = models.ForeignKey(
        ProgrammeContent,
        on_delete=models.PROTECT,
        related_name="data_blocks",
        verbose_name=_("nội dung"),
    )
    sources = models.ManyToManyField(
        SourceDocument,
        blank=True,
        related_name="data_blocks",
        verbose_name=_("văn bản nguồn"),
        help_text=_("Để trống: mọi nguồn."),
    )
    display = models.CharField(
        _("cách hiển thị"),
        max_length=10,
        choices=BlockDisplay.choices,
        default=BlockDisplay.TABLE,
    )
    note = models.TextField(_("ghi chú"), blank=True)

    objects = DataBlockQuerySet.as_manager()

    class Meta:
        db_table = "funding_datablock"
        ordering = ["article", "position", "pk"]
        verbose_name = _("bảng số liệu")
        verbose_name_plural = _("bảng số liệu")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year_from__lte=models.F("year_to")),
                name="funding_datablock_years_in_order",
            ),
            models.CheckConstraint(
                condition=years_in_range("year_from", "year_to"),
                name="funding_datablock_years_known",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"bang-so-lieu-{self.pk}"

    @property
    def marker(self) -> str:
        """What an editor types in the body, on a line of its own, to place the block."""
        return f"[bang-so-lieu:{self.pk}]"

    @property
    def csv_url(self) -> str:
        """The block's figures as a CSV file (the import's long layout)."""
        return reverse("news:block_csv", kwargs={"pk": self.pk})

    @property
    def fund_list(self) -> list[str]:
        return split_codes(self.funds)

    @property
    def measure_list(self) -> list[str]:
        return split_codes(self.measures)

    def clean(self) -> None:
        super().clean()
        if self.year_from and self.year_to and self.year_from > self.year_to:
            raise ValidationError({"year_to": _("“Đến năm” phải từ “Từ năm” trở đi.")})

    @property
    def selection(self) -> Selection:
        """What the block names, read from its fields (and its prefetched
        relations, if any)."""
        return Selection.of(self)

    def figures(self, *, every_fund: bool = False):
        """The figures the selection names, as stored now; ``every_fund``:
        those the block reads (every fund of what it names, for the fund it
        shows derived and the shares of all sources)."""
        return self.selection.figures(every_fund=every_fund)

    @classmethod
    def figures_of(cls, blocks, *, every_fund: bool = False) -> dict[int, list[Figure]]:
        """Each block's figures, as ``figures()`` gives them, read in one
        query for all the blocks (an article's)."""
        return figures_for(
            {block.pk: block.selection for block in blocks}, every_fund=every_fund
        )


class FigureQuote(models.Model):
    """A figure an article's text quotes, directly or through a computed one
    (as the figure checker resolved it when the article was last saved)."""

    article = models.ForeignKey(
        "news.Article", on_delete=models.CASCADE, related_name="figure_quotes"
    )
    figure = models.ForeignKey(Figure, on_delete=models.CASCADE, related_name="quotes")
    quoted = models.CharField(_("trích"), max_length=100)

    class Meta:
        db_table = "funding_figurequote"
        ordering = ["article", "figure"]
        verbose_name = _("số liệu được trích")
        verbose_name_plural = _("số liệu được trích")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "figure", "quoted"], name="funding_quote_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article}: {self.quoted}"


class FigureBinding(models.Model):
    """An editor's word on what a quoted number is: one of the checker's
    readings (``"fig:123"``, ``"ratio:123/456"``…) or no figure at all.

    Kept by the quote's key (its words, not its position), so it survives
    edits elsewhere in the text, and handed to the checker, where it wins
    over the checker's own guess (``NOT_A_FIGURE``: the number is no figure
    of the data: a phone number, an age). ``needs_recheck``: a figure the binding
    reads changed since, and the reading no longer gives the printed
    number."""

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="figure_bindings",
        verbose_name=_("bài viết"),
    )
    key = models.CharField(_("khóa trích dẫn"), max_length=255)
    quoted = models.CharField(_("số được trích"), max_length=100)
    reading = models.CharField(_("cách đọc"), max_length=100)
    bound_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xác nhận"),
    )
    bound_at = models.DateTimeField(_("xác nhận lúc"), default=timezone.now)
    needs_recheck = models.BooleanField(_("cần xác nhận lại"), default=False)

    class Meta:
        ordering = ["article", "key"]
        verbose_name = _("xác nhận số liệu")
        verbose_name_plural = _("xác nhận số liệu")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "key"], name="news_binding_one_per_quote"
            ),
            models.CheckConstraint(
                condition=~models.Q(reading=""), name="news_binding_has_reading"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article}: {self.quoted} → {self.reading}"

    def get_absolute_url(self) -> str:
        return self.article.get_absolute_url()

    @property
    def not_a_figure(self) -> bool:
        return self.reading == NOT_A_FIGURE


class CheckedQuote(models.Model):
    """A number the article's text quotes, as last checked: where it is in
    the plain text of its part, what the checker (and the editor's binding)
    read it as, and the figure a reader's link leads to. Written when the
    article or what it shows is saved, read when its page is shown."""

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="checked_quotes",
        verbose_name=_("bài viết"),
    )
    part = models.CharField(_("phần"), max_length=10)
    start = models.PositiveIntegerField(_("vị trí"))
    end = models.PositiveIntegerField(_("đến"))
    text = models.CharField(_("số được trích"), max_length=100)
    key = models.CharField(_("khóa trích dẫn"), max_length=255)
    verdict = models.CharField(_("kết quả"), max_length=20)
    reading = models.CharField(_("cách đọc"), max_length=100, blank=True)
    expected = models.CharField(_("số liệu"), max_length=100, blank=True)
    explanation = models.CharField(_("cách tính"), max_length=255, blank=True)
    figure = models.ForeignKey(
        Figure,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("số liệu"),
    )

    class Meta:
        ordering = ["article", "part", "start"]
        verbose_name = _("số được kiểm tra")
        verbose_name_plural = _("số được kiểm tra")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__lt=models.F("end")),
                name="news_checked_quote_span",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article}: {self.text}"

    def get_absolute_url(self) -> str:
        return self.article.get_absolute_url()

    @property
    def derived(self) -> bool:
        return bool(self.explanation)
