"""Money units in their short forms ("tr.đ", "tỷ đ") and a unit given by a
table row's label, not its columns (sentences and tables written for these
tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, Checker
from funding.checker.quotes import plain_text
from funding.models import Area, Figure

pytestmark = pytest.mark.django_db

E, P = Figure.Measure.EXECUTED, Figure.Measure.PLAN


@pytest.fixture
def yen_bai(reference_data, make_figure):
    province = Area.objects.get(short_name="Điện Biên", valid_to=None)
    return [
        make_figure(province, 2024, P, "8400000000"),
        make_figure(province, 2024, E, "7252000000"),
        make_figure(province, 2024, E, "3130000000", months=6),
    ]


def verdicts(figures, html):
    report = Checker(figures).check_parts([("body", plain_text(html))])
    return [(f.quote.text, f.verdict) for f in report.findings]


def test_an_amount_in_tr_d_or_ty_d_is_read_in_that_unit(yen_bai):
    found = verdicts(
        yen_bai,
        "<p>Năm 2024, tỉnh Điện Biên giải ngân 7.252 tr.đ khuyến công, "
        "trên kế hoạch 8,4 tỷ đ.</p>",
    )
    assert found == [("7.252 tr.đ", MATCH), ("8,4 tỷ đ", MATCH)]


def test_a_wrong_amount_in_tr_d_is_flagged(yen_bai):
    found = dict(
        verdicts(yen_bai, "<p>Năm 2024, tỉnh Điện Biên giải ngân 7.525 tr.đ.</p>")
    )
    assert found["7.525 tr.đ"] == MISMATCH


TABLE = (
    "<p>Khuyến công tỉnh Điện Biên năm 2024:</p>"
    "<table><tr><th>Chỉ tiêu</th><th>Kế hoạch</th><th>Thực hiện</th></tr>"
    "<tr><td>Kinh phí (tr.đ)</td><td>8.400</td><td>{year}</td></tr>"
    "<tr><td>Tỷ lệ thực hiện (%)</td><td></td><td>86,33</td></tr>"
    "</table>"
)


def test_a_row_label_gives_its_cells_their_unit(yen_bai):
    found = verdicts(yen_bai, TABLE.format(year="7.252"))
    assert ("8.400", MATCH) in found
    assert ("7.252", MATCH) in found
    # the last cell of a row is not an amount in billions of the next row's "Tỷ lệ"
    assert not any("Tỷ" in text for text, _verdict in found)


def test_a_wrong_cell_of_such_a_row_is_flagged(yen_bai):
    assert dict(verdicts(yen_bai, TABLE.format(year="7.225")))["7.225"] == MISMATCH
