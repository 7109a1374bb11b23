"""Cells whose value would be changed to fit: a year with a fraction and a
TRUE/FALSE cell in an amount column are refused, naming the cell, never
read as 2017 or 1."""

import pytest

from .test_imports import errors_of, plan, xlsx

pytestmark = pytest.mark.django_db

HEADER = ["Tỉnh, thành phố", "Năm", "Nguồn kinh phí", "Kế hoạch (tỷ đồng)"]


@pytest.mark.parametrize("year", [2017.9, "2017.9", 2017.5])
def test_a_year_with_a_fraction_is_refused(year):
    p = plan(xlsx([HEADER, ["Ninh Thuận", year, "KCĐP", "10"]]))
    assert not p.figures
    assert errors_of(p) == [(2, "Năm", "năm phải là số nguyên.")]


def test_a_whole_year_typed_as_a_float_is_read():
    p = plan(xlsx([HEADER, ["Ninh Thuận", 2017.0, "KCĐP", "10"]]))
    assert p.errors == [] and len(p.figures) == 1


@pytest.mark.parametrize("cell, shown", [(True, "TRUE"), (False, "FALSE")])
def test_a_true_false_cell_in_an_amount_column_is_refused(cell, shown):
    p = plan(xlsx([HEADER, ["Ninh Thuận", 2017, "KCĐP", cell]]))
    assert not p.figures
    [(row, column, message)] = errors_of(p)
    assert (row, column) == (2, "Kế hoạch (tỷ đồng)")
    assert message == f"ô chứa giá trị đúng/sai ({shown}), không phải số."
