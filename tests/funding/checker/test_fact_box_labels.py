"""A fact box's items, the number first and what it is after a dash
("4,1 tỷ đồng – kinh phí khuyến công quốc gia"): the label names the
number as its own clause would (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import ALL, KCDP, KCQG, E, area, read_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def quang_tri_2024(make_figure):
    """2024 spent: 4,1 tỷ KCQG, 9,9 tỷ KCĐP, 14 tỷ together (29,29% KCQG)."""
    province = area("Quảng Trị")
    return [
        make_figure(province, 2024, E, "4100000000", KCQG),
        make_figure(province, 2024, E, "9900000000", KCDP),
        make_figure(province, 2024, E, "14000000000", ALL),
    ]


BOX = (
    "<p>Quảng Trị năm 2024 qua những con số:</p><ul>"
    "<li>{} tỷ đồng – kinh phí khuyến công quốc gia; 9,9 tỷ đồng – kinh phí "
    "khuyến công địa phương.</li>"
    "<li>{}% – tỷ trọng nguồn khuyến công quốc gia trong tổng kinh phí.</li></ul>"
)


def test_each_item_reads_as_its_label_says(quang_tri_2024):
    found = dict(read_html(quang_tri_2024, BOX.format("4,1", "29,29")))
    assert found == {"4,1 tỷ đồng": MATCH, "9,9 tỷ đồng": MATCH, "29,29%": MATCH}


def test_the_other_funds_amount_under_a_label_is_flagged(quang_tri_2024):
    first = read_html(quang_tri_2024, BOX.format("9,9", "29,29"))[0]
    assert first[0] == "9,9 tỷ đồng" and first[1] in (MISMATCH, UNSURE)


def test_a_share_of_another_whole_under_its_label_is_flagged(quang_tri_2024):
    found = dict(read_html(quang_tri_2024, BOX.format("4,1", "41,41")))
    assert found["41,41%"] in (MISMATCH, UNSURE)
