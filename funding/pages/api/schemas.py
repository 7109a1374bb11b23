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
    page: int
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
