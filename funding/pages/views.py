from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from khuyencong.params import QueryParametersMixin

from ..core import exports
from ..core.formatting import format_exact
from ..core.models import (
    Area,
    Figure,
    Indicator,
    ProgrammeContent,
    SourceDocument,
)
from ..core.usage import figure_users
from . import tables
from .charts import Bar, bar_chart
from .params import OverviewQuery, TableQuery

SOURCE_CHOICES = Figure.Fund.choices


class DownloadMixin(QueryParametersMixin):
    """``?format=csv`` or ``?format=xlsx`` returns the page's table as a file.

    Parameters are validated by ``query_form_class`` (``funding.pages.params``):
    a malformed one answers 400, an unknown one is ignored.
    """

    query_form_class = TableQuery

    def get(self, request, *args, **kwargs):
        fmt = self.params["format"]
        if fmt:
            headers, rows, filename = self.export()
            return exports.download(
                exports.dataset(headers, rows, filename), filename, fmt
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            csv_query=self.query_string(format="csv"),
            xlsx_query=self.query_string(format="xlsx"),
            **kwargs,
        )

    def query_string(self, **extra) -> str:
        """The page's own (validated) parameters, with ``extra``: unknown
        ones are not carried into the links."""
        params = {
            name: value
            for name, value in self.params.items()
            if value not in (None, "") and name != "format"
        }
        return urlencode({**params, **extra})


def _pct(derived_value):
    return derived_value.value if derived_value is not None else None


class OverviewView(DownloadMixin, TemplateView):
    """Plan against executed for a chosen area, year and source.

    ``area``: an area's code, default the first region with figures; an
    unknown code is 404. ``year``: default every year with data; a year
    without data for the area is 404. ``source``: default all sources.
    """

    template_name = "funding/overview.html"
    query_form_class = OverviewQuery

    @cached_property
    def areas(self):
        """The nation, the regions, and the provinces that have figures.

        ``Exists`` probes the figures' area index once per area instead of
        joining every figure, which matters with a million of them.
        """
        has_figures = Exists(Figure.objects.filter(area=OuterRef("pk")))
        return list(
            Area.objects.annotate(has_figures=has_figures)
            .filter(
                Q(kind__in=[Area.Kind.NATION, Area.Kind.REGION]) | Q(has_figures=True)
            )
            .order_by("kind", "short_name")
        )

    @cached_property
    def area(self) -> Area:
        code = self.params["area"]
        if code:
            return get_object_or_404(Area, code=code)
        with_data = [a for a in self.areas if a.has_figures]
        regions = [a for a in with_data if a.kind == Area.Kind.REGION]
        return (regions or with_data or self.areas)[0]

    @cached_property
    def years(self) -> list[int]:
        return list(
            Figure.objects.filter(area=self.area)
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )

    @cached_property
    def year(self) -> int | None:
        """The chosen year, or None for every year with data."""
        year = self.params["year"]
        if year is not None and year not in self.years:
            raise Http404(_("Không có số liệu cho năm này."))
        return year

    @cached_property
    def source(self) -> str:
        return self.params["source"]

    @cached_property
    def tables(self):
        return tables.overview_tables(
            area=self.area,
            years=[self.year] if self.year else self.years,
            sources=[self.source] if self.source else None,
        )

    def chart(self, table):
        if not table.rows:
            return ""
        bars = [
            Bar(
                label=f"{row.source_label} – {row.period_label}",
                plan=row.plan.value if row.plan else None,
                executed=row.executed.value if row.executed else None,
            )
            for row in table.rows
        ]
        title = _(
            "Kinh phí khuyến công %(area)s năm %(year)s: kế hoạch và thực hiện"
        ) % {
            "area": self.area.short_name,
            "year": table.year,
        }
        return bar_chart(bars, title, chart_id=f"chart-{table.year}")

    def get_context_data(self, **kwargs):
        for table in self.tables:
            table.chart = self.chart(table)
        return super().get_context_data(
            area=self.area,
            areas=self.areas,
            years=self.years,
            year=self.year,
            source=self.source,
            sources=SOURCE_CHOICES,
            tables=self.tables,
            **kwargs,
        )

    def export(self):
        headers = [
            _("Địa bàn"),
            _("Năm"),
            _("Kỳ"),
            _("Nguồn kinh phí"),
            _("Kế hoạch năm (đồng)"),
            _("Thực hiện (đồng)"),
            _("Tỷ lệ thực hiện/kế hoạch"),
            _("Tỷ trọng kế hoạch trong tổng nguồn"),
            _("Tỷ trọng thực hiện trong tổng nguồn"),
            _("Tỷ trọng kế hoạch so với cả nước"),
            _("Tỷ trọng thực hiện so với cả nước"),
            _("Kế hoạch so với năm trước"),
            _("Thực hiện so với cùng kỳ"),
        ]
        rows = []
        for table in self.tables:
            for row in table.rows:
                rows.append(
                    [
                        self.area.short_name,
                        table.year,
                        row.period_label,
                        row.source_label,
                        row.plan.value if row.plan else None,
                        row.executed.value if row.executed else None,
                        _pct(row.ratio),
                        _pct(row.share_plan),
                        _pct(row.share_executed),
                        _pct(row.nation_share_plan),
                        _pct(row.nation_share_executed),
                        _pct(row.change_plan),
                        _pct(row.change_executed),
                    ]
                )
        suffix = f"-{self.year}" if self.year else ""
        return headers, rows, f"kinh-phi-{self.area.code}{suffix}"


class RegionView(DownloadMixin, DetailView):
    """A region's provinces in one year, for one funding source.

    ``year``: default, and for a year the region has no membership in, its
    latest year. ``source``: default all sources.
    """

    template_name = "funding/region.html"
    context_object_name = "region"
    slug_field = slug_url_kwarg = "code"

    def get_queryset(self):
        return Area.objects.filter(kind=Area.Kind.REGION)

    @cached_property
    def years(self):
        return list(
            self.object.memberships.values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )

    def setup_filters(self):
        self.object = self.get_object()
        year = self.params["year"]
        self.year = (
            year if year in self.years else (self.years[0] if self.years else None)
        )
        self.source = self.params["source"] or Figure.Fund.ALL
        self.table = (
            tables.region_table(region=self.object, year=self.year, source=self.source)
            if self.year
            else {"rows": [], "members": []}
        )

    def get(self, request, *args, **kwargs):
        self.setup_filters()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        bars = [
            Bar(
                label=row["area"].short_name,
                plan=row["plan"].value if row["plan"] else None,
                executed=row["executed"].value if row["executed"] else None,
            )
            for row in self.table["rows"]
            if row["plan"] or row["executed"]
        ]
        title = _(
            "Kinh phí khuyến công các tỉnh, thành phố %(region)s năm %(year)s"
        ) % {
            "region": self.object.short_name,
            "year": self.year,
        }
        return super().get_context_data(
            years=self.years,
            year=self.year,
            source=self.source,
            sources=SOURCE_CHOICES,
            table=self.table,
            chart=bar_chart(bars, title, chart_id="region-chart") if bars else "",
            **kwargs,
        )

    def export(self):
        headers = [
            _("Tỉnh, thành phố"),
            _("Năm"),
            _("Nguồn kinh phí"),
            _("Kế hoạch (đồng)"),
            _("Thực hiện (đồng)"),
            _("Tỷ lệ thực hiện/kế hoạch"),
            _("Tỷ trọng trong khu vực"),
        ]
        label = Figure.Fund(self.source).label
        rows = [
            [
                row["area"].short_name,
                self.year,
                label,
                row["plan"].value if row["plan"] else None,
                row["executed"].value if row["executed"] else None,
                _pct(row["ratio"]),
                _pct(row["share"]),
            ]
            for row in self.table["rows"]
        ]
        return headers, rows, f"kinh-phi-{self.object.code}-{self.year}"


class ProvinceView(DownloadMixin, DetailView):
    """A province's figures over the years, and its programme contents in one.

    ``source``: default all sources. ``year`` (of the contents table):
    default, and for a year without data for that source, the latest year
    with data: the list of years changes with the source chosen in the same
    form, so a year kept from the previous choice must not be an error.
    """

    template_name = "funding/province.html"
    context_object_name = "province"
    slug_field = slug_url_kwarg = "code"

    def get_queryset(self):
        return Area.objects.filter(kind=Area.Kind.PROVINCE).select_related("successor")

    def setup_filters(self):
        self.object = self.get_object()
        self.source = self.params["source"] or Figure.Fund.ALL
        self.table = tables.province_table(province=self.object, source=self.source)
        years = [y["year"] for y in self.table["years"]]
        year = self.params["year"]
        self.year = year if year in years else (years[-1] if years else None)
        self.contents = (
            tables.contents_table(
                area_ids=self.table["area_ids"], year=self.year, source=self.source
            )
            if self.year
            else []
        )

    def get(self, request, *args, **kwargs):
        self.setup_filters()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        bars = [
            Bar(
                label=str(y["year"]),
                plan=y["plan"].value if y["plan"] else None,
                executed=y["executed"].value if y["executed"] else None,
            )
            for y in self.table["years"]
        ]
        title = _("Kinh phí khuyến công %(province)s qua các năm") % {
            "province": self.object.short_name
        }
        return super().get_context_data(
            source=self.source,
            sources=SOURCE_CHOICES,
            table=self.table,
            year=self.year,
            contents=self.contents,
            predecessors=self.object.predecessors.all(),
            chart=bar_chart(bars, title, chart_id="province-chart") if bars else "",
            **kwargs,
        )

    def export(self):
        headers = [
            _("Tỉnh, thành phố"),
            _("Năm"),
            _("Nguồn kinh phí"),
            _("Kế hoạch (đồng)"),
            _("Thực hiện (đồng)"),
            _("Tỷ lệ thực hiện/kế hoạch"),
        ]
        label = Figure.Fund(self.source).label
        rows = [
            [
                self.object.short_name,
                y["year"],
                label,
                y["plan"].value if y["plan"] else None,
                y["executed"].value if y["executed"] else None,
                _pct(y["ratio"]),
            ]
            for y in self.table["years"]
        ]
        return headers, rows, f"kinh-phi-{self.object.code}"


class FigureView(DetailView):
    template_name = "funding/figure.html"
    context_object_name = "figure"

    def get_queryset(self):
        return Figure.objects.with_dimensions()

    def get_context_data(self, **kwargs):
        figure = self.object
        return super().get_context_data(
            exact=format_exact(figure.value, figure.indicator),
            rounding=format_exact(figure.rounding, figure.indicator),
            # The published articles showing or quoting it (``news`` says).
            articles=figure_users(figure),
            **kwargs,
        )


class SourceView(DetailView):
    template_name = "funding/source.html"
    context_object_name = "document"

    def get_queryset(self):
        return SourceDocument.objects.select_related("article")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            figures=self.object.figures.with_dimensions(), **kwargs
        )


OPEN_DATA_COLUMNS = [
    ("id", _("Mã số liệu (ổn định, dùng để trích dẫn)")),
    ("chi_tieu", _("Chỉ tiêu (kinh phí khuyến công, doanh thu tư vấn…)")),
    ("don_vi", _("Đơn vị của giá trị: đồng, hoặc số lượng")),
    (
        "ma_dia_ban",
        _(
            "Mã địa bàn (mã tỉnh theo danh mục hành chính; tỉnh trước sáp nhập 2025 có hậu tố -truoc-2025)"
        ),
    ),
    ("dia_ban", _("Tên địa bàn")),
    ("loai_dia_ban", _("Cả nước, khu vực, hoặc tỉnh/thành phố")),
    (
        "nguon_kinh_phi",
        _("Tất cả nguồn, khuyến công quốc gia (KCQG) hoặc địa phương (KCĐP)"),
    ),
    ("noi_dung", _("Nội dung chương trình, hoặc tất cả nội dung")),
    ("nam", _("Năm")),
    ("ky", _("Kỳ: cả năm, các tháng đầu năm, hoặc đến ngày")),
    ("het_ky", _("Ngày cuối của kỳ (YYYY-MM-DD)")),
    ("loai_so_lieu", _("Kế hoạch, thực hiện hoặc ước thực hiện")),
    ("gia_tri", _("Giá trị chính xác, theo đơn vị")),
    ("lam_tron", _("Bước làm tròn khi công bố (0: chính xác)")),
    ("nguon", _("Văn bản/bài viết nguồn")),
    ("nguon_url", _("Đường dẫn đến nguồn")),
    ("ghi_chu", _("Ghi chú")),
]


class OpenDataView(TemplateView):
    template_name = "funding/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            columns=OPEN_DATA_COLUMNS, count=Figure.objects.count(), **kwargs
        )


def open_data_csv(request):
    """Every figure with its dimensions, streamed (constant memory).

    The dimensions are small tables: they are read once and joined here, so
    the database streams only the figures' own columns.
    """
    neutral = exports.neutralise
    units = {"vnd": "đồng", "count": "số lượng"}
    # Choice labels are lazy translations: turn each into text once, not
    # once per row.
    area_kinds = {k: str(v) for k, v in Area.Kind.choices}
    indicators = {
        pk: (neutral(name), units.get(unit, unit))
        for pk, name, unit in Indicator.objects.values_list("pk", "name", "unit")
    }
    areas = {
        pk: (neutral(code), neutral(name), area_kinds[kind])
        for pk, code, name, kind in Area.objects.values_list(
            "pk", "code", "short_name", "kind"
        )
    }
    contents = {
        pk: neutral(name)
        for pk, name in ProgrammeContent.objects.values_list("pk", "name")
    }
    documents = {
        pk: (neutral(title), neutral(url))
        for pk, title, url in SourceDocument.objects.values_list("pk", "title", "url")
    }
    sources = dict(Figure.Fund.choices)
    kinds = dict(Figure.PeriodKind.choices)
    measures = dict(Figure.Measure.choices)
    figures = (
        Figure.objects.order_by("pk")
        .values_list(
            "pk", *Figure.key_columns(), "value", "rounding", "source_id", "note"
        )
        .iterator(chunk_size=10000)
    )

    def rows():
        for (
            pk,
            ind,
            area,
            fund,
            content,
            year,
            kind,
            end,
            measure,
            value,
            rnd,
            doc,
            note,
        ) in figures:
            yield (
                pk, *indicators[ind], *areas[area], sources[fund], contents[content],
                year, kinds[kind], end.isoformat(), measures[measure],
                exports.plain_number(value), exports.plain_number(rnd),
                *documents[doc], neutral(note),
            )  # fmt: skip

    return exports.stream_csv(
        [c for c, _ in OPEN_DATA_COLUMNS], rows(), "so-lieu-khuyen-cong", prepared=True
    )
