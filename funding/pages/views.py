"""The figures pages at ``/so-lieu/``: plan against executed for an area
and year (``OverviewView``), a region's provinces, a province's years, a
figure and a source document. The tables are computed in ``tables`` and
``area_tables``, written as files by ``downloads``; the open data is in
``open_data``.
"""

from urllib.parse import urlencode

from django.db.models import Exists, F, Max, OuterRef, Q, prefetch_related_objects
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from khuyencong.text import vietnamese_sort_key

from ..core.formatting import format_exact
from ..core.models import Area, Figure, SourceDocument
from ..core.regions import AFTER_MERGER_RULE, MERGER_YEAR
from ..core.usage import figure_users
from . import area_tables, downloads, tables
from .charts import Bar, bar_chart
from .downloads import DownloadMixin
from .params import OverviewQuery

SOURCE_CHOICES = Figure.Fund.choices


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
        areas = Area.objects.annotate(has_figures=has_figures).filter(
            Q(kind__in=[Area.Kind.NATION, Area.Kind.REGION]) | Q(has_figures=True)
        )
        # In Vietnamese alphabetical order (no database collates it), a
        # name's former and present areas by their dates ("đến" < "từ").
        return sorted(areas, key=lambda a: (a.kind, vietnamese_sort_key(str(a))))

    @cached_property
    def area(self) -> Area:
        """The chosen area (with its former names, for the tables' years)."""
        code = self.params["area"]
        if code:
            area = get_object_or_404(Area, code=code)
        else:
            with_data = [a for a in self.areas if a.has_figures]
            regions = [a for a in with_data if a.kind == Area.Kind.REGION]
            area = (regions or with_data or self.areas)[0]
        prefetch_related_objects([area], "former_names")
        return area

    @cached_property
    def years(self) -> list[int]:
        """The years with a figure of the area or of an area it sums up (a
        region's members that year, a merged province's predecessors; for
        the nation, any)."""
        figures = Figure.objects.all()
        area = self.area
        if area.kind != Area.Kind.NATION:
            figures = figures.filter(
                Q(area=area)
                | Q(area__successor=area)
                | Q(
                    area__region_memberships__region=area,
                    area__region_memberships__year=F("year"),
                )
            )
        return list(figures.values_list("year", flat=True).distinct().order_by("-year"))

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
            "area": table.area_name,
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
            groupings=self.groupings(),
            breadcrumbs=[
                (_("Trang chủ"), reverse("news:home")),
                (_("Số liệu"), reverse("funding:overview")),
            ],
            **kwargs,
        )

    def groupings(self) -> list[tuple[str, list[Area]]]:
        """The regions by division of the country (khuyến công areas, then
        socio-economic regions), from the areas already read."""
        return [
            (label, [a for a in self.areas if a.grouping == value])
            for value, label in Area.Grouping.choices
            if any(a.grouping == value for a in self.areas)
        ]

    def export(self):
        return downloads.overview_export(self.area, self.year, self.tables)


class AreaPageMixin:
    """An area's page found by its readable slug (``/so-lieu/tinh/ninh-thuan/``);
    the address by code it had before (``/so-lieu/tinh/58-truoc-2025/``)
    redirects there for good, with its (validated) parameters."""

    kind = Area.Kind.PROVINCE

    def get_queryset(self):
        return Area.objects.filter(kind=self.kind)

    def get_object(self, queryset=None):
        if getattr(self, "object", None) is None:
            self.object = super().get_object(queryset)
        return self.object

    def get(self, request, *args, **kwargs):
        try:
            self.get_object()
        except Http404:
            area = get_object_or_404(self.get_queryset(), code=kwargs["slug"])
            # The page's own (validated) parameters go along.
            query = urlencode(
                {k: v for k, v in self.params.items() if v not in (None, "")}
            )
            url = area.get_absolute_url() + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(url)
        self.setup_filters()
        return super().get(request, *args, **kwargs)


class RegionView(AreaPageMixin, DownloadMixin, DetailView):
    """A region's provinces in one year, for one funding source.

    ``year``: default the latest year with members and figures (else with
    members); a year without members is said on the page, never replaced
    by another. ``source``: default all sources.
    """

    template_name = "funding/region.html"
    context_object_name = "region"
    kind = Area.Kind.REGION

    @cached_property
    def years(self):
        """The years the region has members in, latest first."""
        return list(
            self.object.memberships.values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )

    def default_year(self) -> int | None:
        """The latest year with members and a figure of the region or one of
        its members that year (one query), else the latest with members."""
        region = self.object
        latest = Figure.objects.filter(
            Q(area=region)
            | Q(
                area__region_memberships__region=region,
                area__region_memberships__year=F("year"),
            ),
            year__in=self.years,
        ).aggregate(latest=Max("year"))["latest"]
        return latest or (self.years[0] if self.years else None)

    def setup_filters(self):
        self.year = self.params["year"] or self.default_year()
        self.source = self.params["source"] or Figure.Fund.ALL
        self.has_members = self.year in self.years
        self.table = (
            area_tables.region_table(
                region=self.object, year=self.year, source=self.source
            )
            if self.has_members
            else {"rows": [], "members": [], "total": None}
        )

    def get_context_data(self, **kwargs):
        bars = [
            Bar(
                label=row["name"],
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
            has_members=self.has_members,
            source=self.source,
            sources=SOURCE_CHOICES,
            table=self.table,
            after_merger_rule=(
                AFTER_MERGER_RULE if (self.year or 0) >= MERGER_YEAR else ""
            ),
            chart=bar_chart(bars, title, chart_id="region-chart") if bars else "",
            **kwargs,
        )

    def export(self):
        return downloads.region_export(self.object, self.year, self.source, self.table)


class ProvinceView(AreaPageMixin, DownloadMixin, DetailView):
    """A province's figures over the years, and its programme contents in one.

    ``source``: default all sources. ``year`` (of the contents table):
    default, and for a year without data for that source, the latest year
    with data: the list of years changes with the source chosen in the same
    form, so a year kept from the previous choice must not be an error.
    """

    template_name = "funding/province.html"
    context_object_name = "province"

    def get_queryset(self):
        return (
            Area.objects.filter(kind=Area.Kind.PROVINCE)
            .select_related("successor")
            .prefetch_related("former_names")
        )

    def setup_filters(self):
        self.source = self.params["source"] or Figure.Fund.ALL
        cells = area_tables.province_cells(self.object)
        self.table = area_tables.province_table(
            province=self.object, cells=cells, source=self.source
        )
        years = [y["year"] for y in self.table["years"]]
        year = self.params["year"]
        self.year = year if year in years else (years[-1] if years else None)
        self.contents = self.periods = []
        if self.year:
            arguments = {
                "area": self.object,
                "cells": cells,
                "year": self.year,
                "source": self.source,
            }
            self.contents = area_tables.contents_table(**arguments)
            self.periods = area_tables.periods_table(**arguments)

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
            periods=self.periods,
            predecessors=self.object.predecessors.all(),
            chart=bar_chart(bars, title, chart_id="province-chart") if bars else "",
            **kwargs,
        )

    def export(self):
        return downloads.province_export(self.object, self.source, self.table)


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
        return SourceDocument.objects.with_public_page().select_related("article")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            figures=self.object.figures.with_dimensions(), **kwargs
        )
