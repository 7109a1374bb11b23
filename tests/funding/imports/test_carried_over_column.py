"""A report's column of funds carried over from the year before ("Kinh phí
năm trước chuyển sang") is part of the report year's money, not another
year's figure, but no fund or measure the portal stores: read as the year's
"Thực hiện" it would replace the whole by a part. It refuses the file with
the way through (map or decline the column), and declined, the rest of the
report is imported."""

from decimal import Decimal

import pytest

from .test_import_columns import REPORT_TOP, csv_bytes
from .test_imports import plan

pytestmark = pytest.mark.django_db

CARRIED = "Thực hiện kinh phí năm trước chuyển sang"
HEADERS = ["STT", "Tỉnh, thành phố", "Kế hoạch", "Thực hiện", CARRIED, "Ghi chú"]
ROW = ["1", "Thanh Hóa", "2076,3", "1990,7", "120", ""]


def report(**kwargs):
    rows = [*REPORT_TOP, HEADERS, ROW]
    return plan(csv_bytes(rows), name="bao-cao.csv", confirmed=True, **kwargs)


def test_a_carried_over_column_asks_to_be_mapped_or_declined():
    p = report()
    assert not p.can_apply and not p.figures
    [error] = p.errors
    assert error.column == "E"
    assert f"“{CARRIED}”" in error.message
    assert "“Cột không dùng”" in error.message


def test_declined_the_rest_of_the_report_is_imported():
    p = report(ignore_columns=frozenset({"E"}))
    assert p.errors == []
    assert sorted(f.value for f in p.figures) == [
        Decimal("1990.7e6"),
        Decimal("2076.3e6"),
    ]
