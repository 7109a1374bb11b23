"""The read-only JSON API (``/api/v1/``), with django-ninja: figures,
areas, indicators and source documents, each a listing (filtered,
paginated) and one object by its identifier.

Each answer costs a fixed number of queries whatever the data's size:
a listing two (its count and its page, every relation joined), an
object one.
"""

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError

from ...core.models import Area, Figure, Indicator, SourceDocument
from ...core.rollup import completed_cells
from . import http, schemas


class API(NinjaAPI):
    def get_root_path(self, path_params) -> str:
        # The API's root is its examples page (``urls``).
        return reverse("api:examples")


api = API(
    title="Khuyến công – số liệu (API)",
    version="1",
    description=(
        "Số liệu kinh phí khuyến công, chỉ đọc. Giá trị là chuỗi số chính xác "
        "(đồng, hoặc số lượng). Ví dụ: /api/v1/ (trang hướng dẫn)."
    ),
    openapi_url="/openapi.json",
    docs_url=None,
    urls_namespace="api",
    renderer=http.Renderer(),
)
api.add_exception_handler(
    ValidationError, lambda r, e: http.validation_error(r, e, api)
)
api.add_exception_handler(Http404, lambda r, e: http.not_found(r, e, api))

ERRORS = {400: schemas.ErrorOut, 404: schemas.ErrorOut}
FIGURE_FILTERS = {
    "indicator": "indicator__code",
    "area": "area__code",
    "area_kind": "area__kind",
    "fund": "fund",
    "content": "content__code",
    "year": "year",
    "period_kind": "period_kind",
    "measure": "measure",
    "document": "source_id",
}


def _filtered(queryset, params: dict, lookups: dict):
    return queryset.filter(**_lookups(params, lookups))


def _in_region(queryset, code: str, year: int | None):
    """Figures of the region's provinces in ``year`` and of the region itself."""
    if year is None:
        raise ValidationError(
            [{"loc": ("query", "region"),
              "message": _("cần kèm year: thành viên của khu vực thay đổi theo năm")}]
        )  # fmt: skip
    region = get_object_or_404(Area, code=code, kind=Area.Kind.REGION)
    return queryset.filter(Q(area__in=region.members(year)) | Q(area=region))


def _one(response: HttpResponse, queryset, **lookup):
    obj = get_object_or_404(queryset, **lookup)
    http.set_last_modified(response, [obj])
    return obj


@api.get(
    "/figures",
    response={200: schemas.FigurePage, **ERRORS},
    url_name="figures",
    operation_id="figures",
    summary="Số liệu (lọc như tệp CSV của trang số liệu)",
)
def figures(request, response: HttpResponse, filters: Query[schemas.FigureFilter]):
    params = filters.dict()
    queryset = _filtered(Figure.objects.with_dimensions(), params, FIGURE_FILTERS)
    if params["region"] is not None:
        queryset = _in_region(queryset, params["region"], params["year"])
    return http.keyset_paginate(request, response, queryset.order_by("pk"), params)


@api.get(
    "/figures/{int:pk}",
    response={200: schemas.FigureOut, **ERRORS},
    url_name="figure",
    operation_id="figure",
    summary="Một số liệu",
)
def figure(request, response: HttpResponse, pk: int):
    return _one(response, Figure.objects.with_dimensions(), pk=pk)


@api.get(
    "/areas",
    response={200: schemas.AreaPage, **ERRORS},
    url_name="areas",
    operation_id="areas",
    summary="Địa bàn: cả nước, khu vực, tỉnh/thành phố (cả trước sáp nhập 2025)",
)
def areas(request, response: HttpResponse, filters: Query[schemas.AreaFilter]):
    params = filters.dict()
    queryset = _filtered(
        Area.objects.select_related("successor"), params, {"kind": "kind"}
    )
    if params["year"] is not None:
        queryset = queryset.valid_in(params["year"])
    return http.paginate(
        request, response, queryset.order_by("kind", "position", "code"), params
    )


@api.get(
    "/areas/{slug:code}",
    response={200: schemas.AreaOut, **ERRORS},
    url_name="area",
    operation_id="area",
    summary="Một địa bàn",
)
def area(request, response: HttpResponse, code: str):
    return _one(response, Area.objects.select_related("successor"), code=code)


AREA_FIGURE_FILTERS = {
    "indicator": "indicator__code",
    "fund": "fund",
    "content": "content__code",
    "period_kind": "period_kind",
    "measure": "measure",
}


@api.get(
    "/areas/{slug:code}/figures",
    response={200: schemas.AreaCells, **ERRORS},
    url_name="area_figures",
    operation_id="area_figures",
    summary=(
        "Số liệu của một địa bàn trong một năm như các trang số liệu hiển thị: "
        "số lưu và số tính ra (nguồn còn thiếu của bộ ba nguồn, tổng các tỉnh "
        "trước sáp nhập, tổng của khu vực, cả nước), mỗi số tính ra ghi cách tính"
    ),
)
def area_figures(
    request, response: HttpResponse, code: str,
    filters: Query[schemas.AreaFigureFilter],
):  # fmt: skip
    """The cells the pages read (``funding.core.rollup.completed_cells``:
    one rule for pages, downloads and the API), of this area only."""
    area = get_object_or_404(Area.objects.prefetch_related("former_names"), code=code)
    params = filters.dict()
    year = params["year"]
    cells = completed_cells([area], [year], **_lookups(params, AREA_FIGURE_FILTERS))
    items = sorted(
        (cell for cell in cells if cell.as_figure.area_id == area.pk),
        key=lambda cell: _cell_order(cell.as_figure),
    )
    page = http.paginate_list(request, items, params)
    for cell in page["items"]:
        cell.as_figure.area = area  # its former names read once
    http.set_last_modified(
        response, [figure for cell in page["items"] for figure in cell.inputs]
    )
    return {"area": area.code, "year": year, **page}


def _lookups(params: dict, lookups: dict) -> dict:
    return {
        lookup: params[name]
        for name, lookup in lookups.items()
        if params.get(name) is not None
    }


def _cell_order(figure: Figure) -> tuple:
    return (
        figure.indicator.position, figure.content.position, figure.period_end,
        figure.period_kind, figure.measure, figure.fund,
    )  # fmt: skip


@api.get(
    "/indicators",
    response={200: schemas.IndicatorPage, **ERRORS},
    url_name="indicators",
    operation_id="indicators",
    summary="Chỉ tiêu và đơn vị của chúng",
)
def indicators(request, response: HttpResponse, paging: Query[schemas.Paging]):
    params = paging.dict()
    return http.paginate(
        request, response, Indicator.objects.order_by("position", "code"), params
    )


@api.get(
    "/indicators/{slug:code}",
    response={200: schemas.IndicatorOut, **ERRORS},
    url_name="indicator",
    operation_id="indicator",
    summary="Một chỉ tiêu",
)
def indicator(request, response: HttpResponse, code: str):
    return _one(response, Indicator.objects.all(), code=code)


@api.get(
    "/sources",
    response={200: schemas.DocumentPage, **ERRORS},
    url_name="sources",
    operation_id="sources",
    summary="Văn bản nguồn của số liệu",
)
def sources(request, response: HttpResponse, paging: Query[schemas.Paging]):
    params = paging.dict()
    queryset = (
        SourceDocument.objects.with_public_page()
        .select_related("article")
        .order_by("pk")
    )
    return http.paginate(request, response, queryset, params)


@api.get(
    "/sources/{int:pk}",
    response={200: schemas.DocumentOut, **ERRORS},
    url_name="source",
    operation_id="source",
    summary="Một văn bản nguồn",
)
def source(request, response: HttpResponse, pk: int):
    documents = SourceDocument.objects.with_public_page().select_related("article")
    return _one(response, documents, pk=pk)
