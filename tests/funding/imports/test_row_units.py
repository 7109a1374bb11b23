"""A row's "Đơn vị"/"ĐVT" in the short forms reports print ("Trđ",
"Tr.đồng", "Tỷ đ", "1000đ") is read as the unit it stands for: it agrees
with a header of the same scale and conflicts with one of another scale;
a row counting things under a money header is no conflict of units."""

from decimal import Decimal

import pytest

from .test_import_columns import ROW, TEMPLATE, csv_bytes, report
from .test_imports import plan

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "printed, scale",
    [
        ("Trđ", 1_000_000),
        ("Tr.đồng", 1_000_000),
        ("tr.đ", 1_000_000),
        ("Triệu đồng", 1_000_000),
    ],
)
def test_a_short_unit_in_a_report_row_agrees_with_the_header(printed, scale):
    p = report(
        [
            "STT",
            "Tỉnh, thành phố",
            "Kế hoạch (triệu đồng)",
            "Thực hiện (triệu đồng)",
            "ĐVT",
        ],
        ["1", "Thanh Hóa", "2076,3", "1990,7", printed],
    )
    assert p.errors == []
    assert sorted(f.value for f in p.figures) == [
        Decimal("1990.7") * scale,
        Decimal("2076.3") * scale,
    ]


@pytest.mark.parametrize("printed", ["Tỷ đ", "Nghìn đồng", "1000đ"])
def test_a_short_unit_of_another_scale_is_still_a_conflict(printed):
    p = report(
        ["STT", "Tỉnh, thành phố", "Kế hoạch (triệu đồng)", "ĐVT"],
        ["1", "Thanh Hóa", "2076,3", printed],
    )
    assert not p.figures
    assert [e.message for e in p.errors] == [
        f"cột D “ĐVT” ghi “{printed}” nhưng tiêu đề cột C “Kế hoạch (triệu đồng)” "
        "ghi “triệu đồng”: không biết dùng đơn vị nào. Hãy sửa một trong hai cho khớp."
    ]


def test_a_count_row_under_a_money_header_keeps_its_count_unit():
    rows = [
        ["BÁO CÁO KẾT QUẢ THỰC HIỆN KHUYẾN CÔNG TỈNH THANH HÓA NĂM 2024"],
        ["", "", "", "Đơn vị tính: triệu đồng"],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch (triệu đồng)", "Thực hiện (triệu đồng)"],
        ["1", "Số đề án", "Đề án", "12", "10"],
        ["2", "Kinh phí khuyến công", "Trđ", "2076,3", "1990,7"],
    ]
    p = plan(csv_bytes(rows), name="bao-cao.csv", confirmed=True)
    assert p.errors == []
    assert [(f.row, f.value) for f in p.figures] == [
        (4, Decimal("12")),
        (4, Decimal("10")),
        (5, Decimal("2076.3e6")),
        (5, Decimal("1990.7e6")),
    ]
    assert p.figures[0].label.startswith("Số đề án khuyến công – Thanh Hóa")


def test_a_short_unit_in_a_plain_table_row_is_read():
    t = [h.replace(" (tỷ đồng)", "") for h in TEMPLATE]
    p = plan(
        csv_bytes([[*t, "Đơn vị"], [*ROW, "1,5", "1,2", "Tỷ đ"]]),
        name="a.csv",
        confirmed=True,
    )
    assert p.errors == []
    assert sorted(f.value for f in p.figures) == [Decimal("1.2e9"), Decimal("1.5e9")]
