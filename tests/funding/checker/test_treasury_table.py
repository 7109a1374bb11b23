"""A treasury's reconciliation table (written for these tests; Kon Tum
2024, before the merger): "thanh toán" (paid) is what was spent; a row's
own date ("Đã thanh toán đến 30/6/2024") gives its months under a caption
naming the year; a caption naming two measures ("Dự toán và số đã thanh
toán") leaves each row its own. And "cho" a province owns an amount, but
not the first of a list ("cho A, B và C")."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import html_verdicts, read_html

pytestmark = pytest.mark.django_db

TABLE = (
    "<table><caption>Biểu 01: Dự toán và số đã thanh toán kinh phí khuyến công "
    "của Kon Tum năm 2024 (đơn vị tính: đồng)</caption>"
    "<tr><th>STT</th><th>Chỉ tiêu</th><th>Nguồn KCQG</th><th>Nguồn KCĐP</th>"
    "<th>Tổng cộng</th></tr>"
    "<tr><td>1</td><td>Dự toán được giao trong năm</td><td>2.500.000.000</td>"
    "<td>6.500.000.000</td><td>9.000.000.000</td></tr>"
    "<tr><td>2</td><td>Đã thanh toán đến 30/6/2024</td><td></td><td></td>"
    "<td>{six_months}</td></tr>"
    "<tr><td>3</td><td>Lũy kế thanh toán cả năm</td><td>2.380.000.000</td>"
    "<td>{kcdp}</td><td>8.640.000.000</td></tr></table>"
)


def test_a_treasury_table_reads_each_row_as_its_measure(kon_tum):
    found = read_html(
        kon_tum, TABLE.format(six_months="3.600.000.000", kcdp="6.260.000.000")
    )
    assert found == [
        ("2.500.000.000", MATCH),
        ("6.500.000.000", MATCH),
        ("9.000.000.000", MATCH),
        ("3.600.000.000", MATCH),
        ("2.380.000.000", MATCH),
        ("6.260.000.000", MATCH),
        ("8.640.000.000", MATCH),
    ]


def test_a_wrong_payment_is_flagged(kon_tum):
    found = html_verdicts(
        kon_tum, TABLE.format(six_months="3.060.000.000", kcdp="6.620.000.000")
    )
    assert found["3.060.000.000"] in (MISMATCH, UNSURE)
    assert found["6.620.000.000"] in (MISMATCH, UNSURE)


def test_an_amount_for_the_first_province_of_a_list_is_not_its_own(kon_tum):
    found = html_verdicts(
        kon_tum,
        "<p>Năm 2024, Bộ giao kế hoạch lần lượt 9 tỷ đồng và 10 tỷ đồng cho "
        "Kon Tum và Gia Lai.</p>",
    )
    assert found == {"9 tỷ đồng": MATCH, "10 tỷ đồng": MATCH}
