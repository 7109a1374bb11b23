"""Unit words, in one home (``funding.core.units``), for the import and
the checker."""

import pytest

from funding.core.units import unit_word
from funding.imports.context import unit_in_header
from funding.imports.words import unit_of


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("Trđ", "triệu đồng"),
        ("tr.đ", "triệu đồng"),
        ("Tỷ đ", "tỷ đồng"),
        ("1000đ", "nghìn đồng"),
        ("đ", "đồng"),
        ("VND", "đồng"),
        ("(triệu đồng)", "triệu đồng"),
        # letters naming columns, not đồng
        ("(D)", None),
        ("(d)", None),
        ("D", None),
    ],
)
def test_unit_words(written, unit):
    assert unit_word(written) == unit


def test_a_lettered_column_under_a_money_header_names_no_unit():
    """ "Tổng số (D)=(B)+(C)" under "Kế hoạch (triệu đồng)" would otherwise
    make its figures a million times too small."""
    assert unit_in_header("Tổng số (D)=(B)+(C)") is None
    assert unit_in_header("Cột (d)") is None


def test_a_plain_table_header_reads_short_units_as_the_rows_do():
    assert unit_of("Kế hoạch (Trđ)") == "triệu đồng"
    assert unit_of("Thực hiện (tỷ đồng)") == "tỷ đồng"
    assert unit_of("Tỷ lệ (%)") == "%"
