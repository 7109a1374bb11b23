"""Money units in their short forms ("tr.đ", "tỷ đ") and a unit given by a
table row's label, not its columns (sentences and tables written for these
tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, area, read_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def dien_bien(dien_bien_2024, make_figure):
    """Điện Biên's 2024, and its first half: 3,13 tỷ đồng executed."""
    half = make_figure(area("Điện Biên"), 2024, E, "3130000000", months=6)
    return [*dien_bien_2024, half]


def test_an_amount_in_tr_d_or_ty_d_is_read_in_that_unit(dien_bien):
    found = read_html(
        dien_bien,
        "<p>Năm 2024, tỉnh Điện Biên giải ngân 7.252 tr.đ khuyến công, "
        "trên kế hoạch 8,4 tỷ đ.</p>",
    )
    assert found == [("7.252 tr.đ", MATCH), ("8,4 tỷ đ", MATCH)]


def test_a_wrong_amount_in_tr_d_is_flagged(dien_bien):
    found = dict(
        read_html(dien_bien, "<p>Năm 2024, tỉnh Điện Biên giải ngân 7.525 tr.đ.</p>")
    )
    assert found["7.525 tr.đ"] == UNSURE  # near it for no cause (``choose.UNCAUSED``)


TABLE = (
    "<p>Khuyến công tỉnh Điện Biên năm 2024:</p>"
    "<table><tr><th>Chỉ tiêu</th><th>Kế hoạch</th><th>Thực hiện</th></tr>"
    "<tr><td>Kinh phí (tr.đ)</td><td>8.400</td><td>{year}</td></tr>"
    "<tr><td>Tỷ lệ thực hiện (%)</td><td></td><td>86,33</td></tr>"
    "</table>"
)


def test_a_row_label_gives_its_cells_their_unit(dien_bien):
    found = read_html(dien_bien, TABLE.format(year="7.252"))
    assert ("8.400", MATCH) in found
    assert ("7.252", MATCH) in found
    # the last cell of a row is not an amount in billions of the next row's "Tỷ lệ"
    assert not any("Tỷ" in text for text, _verdict in found)


def test_a_wrong_cell_of_such_a_row_is_flagged(dien_bien):
    assert dict(read_html(dien_bien, TABLE.format(year="7.225")))["7.225"] == MISMATCH
