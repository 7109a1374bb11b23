"""A bulletin's own abbreviations ("Viết tắt: GN – giải ngân; ĐA – đề án"),
a year named by a measure ("KH 2025"), a rate in the parenthesis of its
amount, "TP." inside a sentence, what is left "chưa chi hết", cells
"23/24", a rate of an area after another's ("B đạt 96,5%"), and the year
of the amounts before a rate (texts written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import (
    KCQG,
    E,
    P,
    area_before_merger,
    read_html,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def kon_tum(reference_data, make_figure):
    """Kon Tum: 2024 planned 9 tỷ (KCQG 2 tỷ), spent 8,64 tỷ (KCQG 1,9
    tỷ), 3,6 tỷ in the first half; 2025 planned 9,8 tỷ; 30 of 32 đề án."""
    province = area_before_merger("Kon Tum")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(province, 2024, P, "9000000000"),
        make_figure(province, 2024, E, "8640000000"),
        make_figure(province, 2024, P, "2000000000", KCQG),
        make_figure(province, 2024, E, "1900000000", KCQG),
        make_figure(province, 2024, E, "3600000000", months=6),
        make_figure(province, 2025, P, "9800000000"),
        make_figure(province, 2024, P, "32", indicator=count),
        make_figure(province, 2024, E, "30", indicator=count),
    ]


BULLETIN = (
    "<p>KON TUM: GN 6T/2024: {half} tr.đ. Nghiệm thu {done}/32 ĐA.</p>"
    "<p><em>Viết tắt: GN – giải ngân; ĐA – đề án; 6T, 9T – 6, 9 tháng đầu năm; "
    "tr.đ – triệu đồng.</em></p>"
)


def test_abbreviations_the_text_defines_are_read_as_their_long_forms(kon_tum):
    found = read_html(kon_tum, BULLETIN.format(half="3.600", done="30"))
    assert found == [("3.600 tr.đ", MATCH), ("30", MATCH), ("32 ĐA", MATCH)]


def test_a_wrong_number_in_abbreviations_is_flagged(kon_tum):
    found = dict(read_html(kon_tum, BULLETIN.format(half="3.600", done="31")))
    assert found["31"] == MISMATCH


def test_undefined_abbreviations_are_not_counts(kon_tum):
    found = read_html(kon_tum, "<p>Kon Tum năm 2024: 30 ĐA.</p>")
    assert found == []


def test_a_year_named_by_a_measure_word(kon_tum):
    found = dict(
        read_html(
            kon_tum,
            "<p>Sáu tháng đầu năm 2024, Kon Tum giải ngân 3,6 tỷ đồng. Kế hoạch 2025: "
            "9,8 tỷ đồng; thực hiện 2024: 8,64 tỷ đồng (96%).</p>",
        )
    )
    assert found == {
        "3,6 tỷ đồng": MATCH,
        "9,8 tỷ đồng": MATCH,
        "8,64 tỷ đồng": MATCH,
        "96%": MATCH,
    }


def test_a_wrong_year_named_by_a_measure_word_is_flagged(kon_tum):
    found = dict(
        read_html(
            kon_tum,
            "<p>Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng. Kế hoạch 2025: 9 tỷ đồng.</p>",
        )
    )
    assert found["9 tỷ đồng"] == MISMATCH


def test_a_rate_in_the_parenthesis_of_its_amount(kon_tum):
    found = dict(
        read_html(
            kon_tum,
            "<p>Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng, gấp 2,4 lần 6 tháng đầu năm "
            "(3,6 tỷ đồng; 40% kế hoạch).</p>",
        )
    )
    assert found["40%"] == MATCH


def test_tp_does_not_end_a_sentence(kon_tum):
    found = dict(
        read_html(
            kon_tum,
            "<p>Năm 2024 tại Kon Tum (nay thuộc TP. Quảng Ngãi): KCQG 1,9/2 tỷ đồng.</p>",
        )
    )
    assert list(found.values()) == [MATCH, MATCH]


def test_what_is_left_unspent(kon_tum):
    found = dict(
        read_html(
            kon_tum,
            "<p>Năm 2024, Kon Tum giải ngân 8,64/9 tỷ đồng, còn 360 triệu đồng chưa "
            "chi hết.</p>",
        )
    )
    assert found["360 triệu đồng"] == MATCH


def test_a_cell_of_done_over_planned(kon_tum):
    table = (
        "<table><caption>Kon Tum năm 2024</caption>"
        "<tr><th>Chỉ tiêu</th><th>Kết quả</th></tr>"
        "<tr><td>Đề án hoàn thành / kế hoạch</td><td>{}</td></tr></table>"
    )
    assert dict(read_html(kon_tum, table.format("30/32"))) == {
        "30": MATCH,
        "32": MATCH,
    }
    assert dict(read_html(kon_tum, table.format("31/32")))["31"] == MISMATCH


@pytest.fixture
def two_provinces(kon_tum, make_figure):
    gia = area_before_merger("Gia Lai")
    return [
        *kon_tum,
        make_figure(gia, 2024, P, "10000000000"),
        make_figure(gia, 2024, E, "9500000000"),
    ]


def test_the_rate_of_an_area_after_anothers(two_provinces):
    found = dict(
        read_html(
            two_provinces,
            "<p>Năm 2024, Kon Tum đạt 96% kế hoạch, Gia Lai đạt {}%.</p>".format("95"),
        )
    )
    assert found == {"96%": MATCH, "95%": MATCH}


def test_a_share_takes_the_year_of_the_amounts_before_it(kon_tum):
    found = dict(
        read_html(
            kon_tum,
            "<p>Kon Tum năm 2024 thực hiện 8,64 tỷ đồng; năm 2023 chỉ là 7,2 tỷ đồng. "
            "Nguồn quốc gia 1,9 tỷ đồng, nguồn địa phương 6,74 tỷ đồng, tỷ trọng KCQG "
            "22%.</p>",
        )
    )
    assert found["22%"] == MATCH
