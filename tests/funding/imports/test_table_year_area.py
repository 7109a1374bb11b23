"""The year and area set on the import form hold for plain tables (wide
and long) as for reports: a row saying another year or area is an error
naming its row and column, and a table without the column takes the one
set."""

import pytest

from funding.models import Area

from .test_imports import errors_of, plan, xlsx

pytestmark = pytest.mark.django_db

WIDE = ["Tỉnh, thành phố", "Năm", "Nguồn kinh phí", "Kế hoạch (tỷ đồng)"]
LONG = ["Tỉnh, thành phố", "Năm", "Nguồn kinh phí", "Loại số liệu", "Giá trị", "Đơn vị"]


def province(name):
    """The province as it was in 2016 (before the 2025 merger)."""
    return Area.objects.filter(short_name=name, kind="province").order_by("valid_from")[
        0
    ]


def test_a_wide_row_of_another_year_is_an_error_naming_row_and_column():
    data = xlsx(
        [WIDE, ["Ninh Thuận", 2016, "KCĐP", "1"], ["Ninh Thuận", 2020, "", "2"]]
    )
    p = plan(data, year=2020)
    assert [str(e) for e in p.errors] == [
        "Dòng 2, cột “Năm” (giá trị “2016”): tệp ghi năm 2016, khác năm đã chọn "
        "2020. (ô B2)"
    ]
    assert p.figures == []
    assert plan(data, year=2016).errors != []  # the other row now
    assert errors_of(plan(data)) == []


def test_a_long_row_of_another_year_or_area_is_an_error():
    data = xlsx([LONG, ["Ninh Thuận", 2016, "KCĐP", "Kế hoạch", "5", "tỷ đồng"]])
    assert errors_of(plan(data, year=2020)) == [
        (2, "Năm", "tệp ghi năm 2016, khác năm đã chọn 2020.")
    ]
    assert errors_of(plan(data, area=province("Bình Thuận"))) == [
        (
            2,
            "Tỉnh, thành phố",
            "tệp ghi địa bàn Ninh Thuận, khác địa bàn đã chọn Bình Thuận.",
        )
    ]
    agreed = plan(data, year=2016, area=province("Ninh Thuận"))
    assert agreed.errors == [] and len(agreed.figures) == 1


def test_a_table_without_the_column_takes_the_year_and_area_set():
    data = xlsx([LONG[1:], [2016, "KCĐP", "Kế hoạch", "5", "tỷ đồng"]])
    assert [e.column for e in plan(data).errors] == ["Tỉnh, thành phố"]
    p = plan(data, area=province("Ninh Thuận"))
    assert p.errors == [] and [f.key[4] for f in p.figures] == [2016]
    no_year = xlsx(
        [
            [h for h in LONG if h != "Năm"],
            ["Ninh Thuận", "KCĐP", "Kế hoạch", "5", "tỷ đồng"],
        ]
    )
    p = plan(no_year, year=2020)
    assert p.errors == [] and [f.key[4] for f in p.figures] == [2020]
