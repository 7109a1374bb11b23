"""Text typed without diacritics, as readers and officials write on social
media ("ke hoach 9,6ty, dat 75%", "giam 4% so voi cung ky", "420tr"): the
checker reads it like the same words with their marks, and each quote
keeps the text as printed (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA
from funding.checker.unaccented import fold, with_marks
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area, check, quoted_verdicts

pytestmark = pytest.mark.django_db


def test_the_marks_are_put_back_letter_for_letter():
    text = "Nam 2024 Ke hoach 9,6ty, dat 75% so voi cung ky, giam 4,5% (420tr)."
    restored = with_marks(text, ("Quảng Trị",))
    assert len(restored) == len(text)
    assert restored == (
        "Năm 2024 Kế hoạch 9,6tỷ, đạt 75% so với cùng kỳ, giảm 4,5% (420tr)."
    )
    assert fold(restored) == text


def test_words_whose_meaning_needs_a_number_stay_as_typed():
    # "tang" (a floor), "dat" (land), "nam" (south) with no number after them
    text = "Nha 2 tang, dat nong nghiep, mien Nam moi"
    assert with_marks(text) == text


def test_text_with_its_marks_is_left_alone():
    text = "Năm 2024, Quảng Trị giải ngân 7,2 tỷ đồng, đạt 75% kế hoạch."
    assert with_marks(text, ("Quảng Trị",)) == text


@pytest.fixture
def ha_tinh(reference_data, make_figure):
    province = area("Hà Tĩnh")
    return [
        make_figure(province, 2024, P, "9600000000"),
        make_figure(province, 2024, E, "7200000000"),
    ]


def test_amounts_and_rates_without_marks_are_checked(ha_tinh):
    text = "Nam 2024 tinh Ha Tinh giai ngan 7,2 ty, dat 75% ke hoach 9,6ty."
    report = check(ha_tinh, text)
    # a quote keeps the text as printed ("9,6ty" is written "9,6 tỷ" as
    # any number glued to its unit)
    assert quoted_verdicts(report) == [
        ("7,2 ty", MATCH),
        ("75%", MATCH),
        ("9,6 tỷ", MATCH),
    ]
    assert [text[f.quote.start : f.quote.end] for f in report.findings] == [
        "7,2 ty",
        "75%",
        "9,6ty",
    ]


def test_a_wrong_figure_without_marks_is_flagged(ha_tinh):
    text = "Nam 2024 tinh Ha Tinh giai ngan 7,9 ty, dat 75% ke hoach."
    assert dict(quoted_verdicts(check(ha_tinh, text)))["7,9 ty"] == MISMATCH


def test_millions_typed_tr_are_an_amount(ha_tinh):
    text = "Nam 2024, mot co so o Ha Tinh duoc ho tro 420tr mua may."
    assert quoted_verdicts(check(ha_tinh, text)) == [("420 tr", NO_DATA)]


def test_an_amount_over_the_plan_after_a_slash_is_no_price(ha_tinh):
    # "7,2 tỷ / kế hoạch 9,6 tỷ": spent of planned, not a price per unit
    text = "Năm 2024 tỉnh Hà Tĩnh giải ngân 7,2 tỷ / kế hoạch 9,6 tỷ."
    assert quoted_verdicts(check(ha_tinh, text)) == [
        ("7,2 tỷ", MATCH),
        ("9,6 tỷ", MATCH),
    ]


def test_a_counted_noun_written_by_its_initials(reference_data, make_figure):
    province = area("Hà Tĩnh")
    voted = Indicator.objects.get(code="so-san-pham-binh-chon")
    figures = [
        make_figure(province, 2024, E, "41", indicator=voted),
        make_figure(province, 2023, E, "30", indicator=voted),
    ]
    text = "Năm 2024 Hà Tĩnh có 41 sản phẩm được bình chọn (năm 2023: {} sp)."
    assert quoted_verdicts(check(figures, text.format(30)))[-1] == ("30 sp", MATCH)
    assert quoted_verdicts(check(figures, text.format(41)))[-1] == ("41 sp", MISMATCH)


def test_a_rate_in_words_without_marks_is_a_rate(ha_tinh):
    text = (
        "Nam 2024 tinh Ha Tinh giai ngan 7,2 ty, dat 75 phan tram ke hoach, "
        "con 25 phan tram chua giai ngan."
    )
    verdicts = dict(quoted_verdicts(check(ha_tinh, text)))
    assert verdicts["75 phan tram"] == MATCH


def test_phan_tram_after_no_number_stays_as_typed():
    # only a number's unit is put back: here it may be any words
    assert "lệ phan tram" in with_marks("Ty le phan tram giai ngan cao")


@pytest.mark.parametrize(
    "text",
    [
        "Nam 2024 phan tram giai ngan cua Ha Tinh dat 75%.",
        "Nam 2024 tinh Ha Tinh giai ngan 7,2 ty, dat 75% (Bao cao 2024 tr. 15).",
    ],
)
def test_a_year_before_phan_tram_or_a_page_is_no_figure(ha_tinh, text):
    printed = [quote for quote, _verdict in quoted_verdicts(check(ha_tinh, text))]
    assert not any(q.startswith("2024") for q in printed)
