"""What the JSON API answers and reads: one schema per kind of object,
and the filters of each listing (their names as the CSV's pages use them).

Values are exact: an amount is a string of whole đồng ("48790000000"), a
count a string of digits; never a float.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema
from pydantic import BeforeValidator

from khuyencong.params import MAX_PAGE

from ...core import exports
from ...core.models import Area, Figure
from ...core.periods import FIRST_YEAR, LAST_YEAR
from .http import MAX_PAGE_SIZE


def _empty_is_none(value):
    # The site's rule (khuyencong.params): an empty value is no value.
    return None if value == "" else value


def _choices(choices) -> type:
    return Literal[tuple(choices.values)]


Blank = BeforeValidator(_empty_is_none)
SLUG = r"^[-a-zA-Z0-9_]+$"


def slug(description: str, max_length: int):
    # The constraints on the value, not on None.
    value = Annotated[str, Field(max_length=max_length, pattern=SLUG)]
    return Annotated[value | None, Blank, Field(None, description=description)]


def choice(description: str, choices):
    return Annotated[
        _choices(choices) | None, Blank, Field(None, description=description)
    ]


def integer(description: str, low: int, high: int):
    value = Annotated[int, Field(ge=low, le=high)]
    return Annotated[value | None, Blank, Field(None, description=description)]


class Paging(Schema):
    page: integer(str(_("Trang, từ 1")), 1, MAX_PAGE)
    page_size: integer(str(_("Số mục mỗi trang (mặc định 100)")), 1, MAX_PAGE_SIZE)


class FigureFilter(Paging):
    cursor: integer(
        str(_("Trang sau số liệu có id này (lấy từ next; nhanh như trang đầu)")),
        0, 2**63 - 1,
    )  # fmt: skip
    before: integer(
        str(_("Trang trước số liệu có id này (lấy từ previous)")), 1, 2**63 - 1
    )
    indicator: slug(str(_("Mã chỉ tiêu")), 60)
    area: slug(str(_("Mã địa bàn")), 40)
    region: slug(
        str(
            _(
                "Mã khu vực: các tỉnh, thành phố của khu vực trong năm (cần year) và chính khu vực"
            )
        ),
        40,
    )
    area_kind: choice(str(_("Loại địa bàn")), Area.Kind)
    fund: choice(str(_("Nguồn kinh phí")), Figure.Fund)
    content: slug(str(_("Mã nội dung chương trình")), 60)
    year: integer(str(_("Năm")), FIRST_YEAR, LAST_YEAR)
    period_kind: choice(str(_("Loại kỳ")), Figure.PeriodKind)
    measure: choice(str(_("Loại số liệu")), Figure.Measure)
    document: integer(str(_("Mã văn bản nguồn")), 1, 2**31 - 1)


class AreaFigureFilter(Paging):
    year: Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR, description=str(_("Năm")))]
    indicator: slug(str(_("Mã chỉ tiêu")), 60)
    fund: choice(str(_("Nguồn kinh phí")), Figure.Fund)
    content: slug(str(_("Mã nội dung chương trình")), 60)
    period_kind: choice(str(_("Loại kỳ")), Figure.PeriodKind)
    measure: choice(str(_("Loại số liệu")), Figure.Measure)


class AreaFilter(Paging):
    kind: choice(str(_("Loại địa bàn")), Area.Kind)
    year: integer(str(_("Chỉ những địa bàn có trong năm này")), FIRST_YEAR, LAST_YEAR)


class FigureOut(Schema):
    id: int
    indicator: str = Field(description="Mã chỉ tiêu")
    unit: str = Field(description="vnd: đồng; count: số lượng")
    area: str = Field(description="Mã địa bàn")
    area_name: str
    fund: str
    content: str = Field(description="Mã nội dung chương trình")
    year: int
    period_kind: str
    period_end: date
    period: str = Field(description="Kỳ, bằng chữ")
    measure: str
    value: str = Field(description="Giá trị chính xác (đồng, hoặc số lượng)")
    rounding: str = Field(description="Bước làm tròn khi công bố; 0: chính xác")
    document: int = Field(description="Mã văn bản nguồn (/sources/{id})")
    url: str = Field(description="Trang của số liệu trên cổng")
    note: str
    derived: bool = Field(
        description=(
            "Luôn false: danh sách này chỉ có số lưu; số tính ra ở "
            "/areas/{code}/figures"
        )
    )

    @staticmethod
    def resolve_derived(figure) -> bool:
        return False

    @staticmethod
    def resolve_indicator(figure) -> str:
        return figure.indicator.code

    @staticmethod
    def resolve_unit(figure) -> str:
        return figure.indicator.unit

    @staticmethod
    def resolve_area(figure) -> str:
        return figure.area.code

    @staticmethod
    def resolve_area_name(figure) -> str:
        return figure.area.short_name

    @staticmethod
    def resolve_content(figure) -> str:
        return figure.content.code

    @staticmethod
    def resolve_period(figure) -> str:
        return figure.period_label

    @staticmethod
    def resolve_value(figure) -> str:
        return str(exports.plain_number(figure.value))

    @staticmethod
    def resolve_rounding(figure) -> str:
        return str(exports.plain_number(figure.rounding))

    @staticmethod
    def resolve_document(figure) -> int:
        return figure.source_id

    @staticmethod
    def resolve_url(figure) -> str:
        return figure.get_absolute_url()


class InputOut(Schema):
    figure: int | None = Field(description="Mã số liệu lưu; null: số tính ra")
    value: str


def _of_figure(name: str):
    """A resolver reading the cell's figure (stored, or derived unsaved)."""
    return staticmethod(lambda cell: getattr(cell.as_figure, name))


class CellOut(Schema):
    """A figure as the pages show it: stored, or derived from stored ones
    (a fund triple's third, a sum of areas), said how."""

    id: int | None = Field(description="Mã số liệu lưu; null: số tính ra")
    derived: bool = Field(description="true: số tính ra, không phải số công bố")
    kind: str = Field(description="stored, sum (cộng các phần) hoặc difference")
    formula: str = Field(description="Cách tính, bằng các giá trị đầu vào")
    inputs: list[InputOut] = Field(description="Các giá trị đầu vào, theo thứ tự")
    indicator: str
    unit: str
    area: str
    area_name: str = Field(description="Tên địa bàn trong năm của số liệu")
    fund: str
    content: str
    year: int
    period_kind: str
    period_end: date
    period: str
    measure: str
    value: str
    low: str = Field(description="Cận dưới mà làm tròn cho phép")
    high: str = Field(description="Cận trên mà làm tròn cho phép")
    document: int | None = Field(description="Mã văn bản nguồn; null: số tính ra")
    url: str | None = Field(description="Trang của số liệu lưu")
    note: str

    resolve_fund = _of_figure("fund")
    resolve_year = _of_figure("year")
    resolve_period_kind = _of_figure("period_kind")
    resolve_period_end = _of_figure("period_end")
    resolve_measure = _of_figure("measure")
    resolve_period = _of_figure("period_label")
    resolve_note = _of_figure("note")

    @staticmethod
    def resolve_id(cell) -> int | None:
        return cell.figure.pk if cell.figure else None

    @staticmethod
    def resolve_derived(cell) -> bool:
        return cell.derived is not None

    @staticmethod
    def resolve_kind(cell) -> str:
        return cell.derived.kind if cell.derived else "stored"

    @staticmethod
    def resolve_formula(cell) -> str:
        if cell.derived is None:
            return ""
        return cell.derived.formula.format(
            *(_exact(q.value) for q in cell.derived.inputs)
        )

    @staticmethod
    def resolve_inputs(cell) -> list[dict]:
        if cell.derived is None:
            return []
        return [
            {"figure": getattr(q.figure, "pk", None), "value": _exact(q.value)}
            for q in cell.derived.inputs
        ]

    @staticmethod
    def resolve_area_name(cell) -> str:
        figure = cell.as_figure
        return figure.area.short_name_in(figure.year)

    @staticmethod
    def resolve_indicator(cell) -> str:
        return cell.as_figure.indicator.code

    @staticmethod
    def resolve_unit(cell) -> str:
        return cell.as_figure.indicator.unit

    @staticmethod
    def resolve_area(cell) -> str:
        return cell.as_figure.area.code

    @staticmethod
    def resolve_content(cell) -> str:
        return cell.as_figure.content.code

    @staticmethod
    def resolve_value(cell) -> str:
        return _exact(cell.value)

    @staticmethod
    def resolve_low(cell) -> str:
        return _exact(cell.quantity.low)

    @staticmethod
    def resolve_high(cell) -> str:
        return _exact(cell.quantity.high)

    @staticmethod
    def resolve_document(cell) -> int | None:
        return cell.figure.source_id if cell.figure else None

    @staticmethod
    def resolve_url(cell) -> str | None:
        return cell.figure.get_absolute_url() if cell.figure else None


def _exact(value) -> str:
    return str(exports.plain_number(value))


class AreaOut(Schema):
    code: str
    name: str
    short_name: str
    kind: str
    valid_from: date | None
    valid_to: date | None
    successor: str | None = Field(description="Mã địa bàn kế thừa (sáp nhập)")
    url: str

    @staticmethod
    def resolve_successor(area) -> str | None:
        return area.successor.code if area.successor_id else None

    @staticmethod
    def resolve_url(area) -> str:
        return area.get_absolute_url()


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str = Field(description="vnd: đồng; count: số lượng")
    count_noun: str
    description: str


class DocumentOut(Schema):
    id: int
    title: str
    number: str
    issuer: str
    issued_on: date | None
    link: str = Field(
        description="Nơi đọc văn bản (bài viết trên cổng hoặc địa chỉ gốc)"
    )
    url: str = Field(description="Trang của văn bản trên cổng")

    @staticmethod
    def resolve_url(document) -> str:
        return document.get_absolute_url()


class ProblemOut(Schema):
    name: str
    message: str


class ErrorOut(Schema):
    detail: str
    problems: list[ProblemOut] = []


class PageOut(Schema):
    count: int = Field(description="Số mục khớp bộ lọc")
    page: int | None = Field(description="Số trang; null khi đi theo cursor")
    pages: int
    next: str | None
    previous: str | None


class FigurePage(PageOut):
    items: list[FigureOut]


class AreaPage(PageOut):
    items: list[AreaOut]


class IndicatorPage(PageOut):
    items: list[IndicatorOut]


class DocumentPage(PageOut):
    items: list[DocumentOut]


class AreaCells(PageOut):
    area: str
    year: int
    items: list[CellOut]
