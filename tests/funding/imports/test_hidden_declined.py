"""A hidden column the officer declined ("Cột không dùng") is not read, so
the preview does not warn that it is read."""

import pytest
from openpyxl import Workbook

from .test_hidden_parts import HEADER, saved
from .test_imports import plan

pytestmark = pytest.mark.django_db


def hidden_notes(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    sheet.column_dimensions["E"].hidden = True
    sheet.column_dimensions["F"].hidden = True
    return saved(book)


def test_a_declined_hidden_column_of_a_table_is_not_warned_of():
    data = hidden_notes(
        [HEADER + ["Ghi chú nội bộ"], ["Ninh Thuận", 2016, "KCĐP", "1", "2", "x"]]
    )
    assert [w.column for w in plan(data).warnings] == ["E, F"]
    p = plan(data, ignore_columns=frozenset("F"))
    assert [w.column for w in p.warnings] == ["E"]
    assert "cột E bị ẩn" in p.warnings[0].message
    assert plan(data, ignore_columns=frozenset("EF")).warnings == []


def test_a_declined_hidden_column_of_a_report_is_not_warned_of():
    data = hidden_notes(
        [
            ["BÁO CÁO KINH PHÍ KHUYẾN CÔNG NĂM 2016"],
            [
                "Tỉnh, thành phố",
                "Nguồn kinh phí",
                "Kế hoạch (tỷ đồng)",
                "",
                "Mã",
                "Ghi chú nội bộ",
            ],
            ["Ninh Thuận", "KCĐP", 1, None, "a", "x"],
        ]
    )
    before = plan(data, ignore_columns=frozenset("EF"))
    assert before.layout == "report"
    assert not any("bị ẩn" in w.message for w in before.warnings), before.warnings
    assert any("cột E, F bị ẩn" in w.message for w in plan(data).warnings)
