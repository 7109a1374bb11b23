"""Cases a reviewer found in the readings of loanwords, unaccented words,
initials and far multiples (sentences written for these tests): each must
not turn a correct number into a mismatch."""

import unicodedata

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area, check, quoted_verdicts, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def ha_tinh(reference_data, make_figure):
    province = area("Hà Tĩnh")
    voted = Indicator.objects.get(code="so-san-pham-binh-chon")
    fairs = Indicator.objects.get(code="so-hoi-cho")
    return [
        make_figure(province, 2024, P, "9600000000"),
        make_figure(province, 2024, E, "7200000000"),
        make_figure(province, 2023, E, "6000000000"),
        make_figure(province, 2024, E, "41", indicator=voted),
        make_figure(province, 2024, E, "4", indicator=fairs),
    ]


def test_a_loanword_does_not_read_a_vietnamese_sentence_as_english(ha_tinh):
    text = (
        "Năm 2024, Hà Tĩnh hỗ trợ các start-up, in 2023 cuốn sổ tay "
        "và giải ngân 7,2 tỷ đồng."
    )
    assert dict(read(ha_tinh, text))["7,2 tỷ đồng"] == MATCH


def test_an_english_word_at_the_end_leaves_the_sentence_vietnamese(ha_tinh):
    text = "Năm 2024, Hà Tĩnh in 2000 cuốn sổ tay, giải ngân 7,2 tỷ đồng, đạt 75% plan."
    verdicts = dict(read(ha_tinh, text))
    assert verdicts["7,2 tỷ đồng"] == MATCH
    assert verdicts["75%"] == MATCH


def test_land_written_without_marks_is_not_reached(ha_tinh):
    text = "Nam 2024 Ha Tinh giai ngan 7,2 ty; quy dat 20% danh cho cum cong nghiep."
    verdicts = dict(read(ha_tinh, text))
    assert verdicts["7,2 ty"] == MATCH
    assert verdicts.get("20%") != MISMATCH


def test_a_reading_resting_on_a_word_that_may_be_another_is_unsure(ha_tinh):
    # "dat 57%": đạt (reached) or đất (land)? not a sure mismatch
    text = "Nam 2024 Ha Tinh giai ngan 7,2 ty, dat 57% ke hoach."
    assert read(ha_tinh, text) == [("7,2 ty", MATCH), ("57%", UNSURE)]
    marked = "Năm 2024 Hà Tĩnh giải ngân 7,2 tỷ, đạt 57% kế hoạch."
    assert dict(read(ha_tinh, marked))["57%"] == MISMATCH  # 75% with two digits swapped


def test_upper_case_initials_are_no_counted_noun(ha_tinh):
    text = (
        "Năm 2024, Hà Tĩnh có 41 sản phẩm được bình chọn, "
        "đạt 3 HC vàng và 2 HC bạc tại hội chợ."
    )
    assert read(ha_tinh, text) == [("41 sản phẩm", MATCH)]


def test_police_are_no_establishments(ha_tinh):
    text = "Năm 2024, Hà Tĩnh giải ngân 7,2 tỷ đồng; 12 CS giao thông, 5 cs khác."
    assert [q for q, _v in read(ha_tinh, text)] == ["7,2 tỷ đồng"]


def test_products_written_sp_in_lower_case_only(ha_tinh):
    text = "Năm 2024, Hà Tĩnh có 41 sp được bình chọn và 7 SP của tỉnh bạn."
    assert read(ha_tinh, text) == [("41 sp", MATCH)]


def test_a_far_multiple_of_a_named_base_year_is_wrong(ha_tinh):
    text = "Năm 2024 Hà Tĩnh giải ngân 7,2 tỷ đồng, gấp 3 lần năm 2023."
    verdicts = dict(read(ha_tinh, text))
    assert verdicts["7,2 tỷ đồng"] == MATCH
    # one digit changed of a one-digit multiple: flagged, not sure enough to block
    assert verdicts["gấp 3 lần"] == UNSURE


def test_a_far_multiple_of_an_unsaid_base_is_no_sure_mismatch(ha_tinh):
    text = "Năm 2024 Hà Tĩnh giải ngân 7,2 tỷ đồng, gấp 3 lần."
    assert dict(read(ha_tinh, text)).get("gấp 3 lần") != MISMATCH


def test_text_in_decomposed_letters_is_highlighted_whole(ha_tinh):
    composed = "Năm 2024, Hà Tĩnh giải ngân 7,2 tỷ đồng, đạt 75% kế hoạch."
    text = unicodedata.normalize("NFD", composed)
    report = check(ha_tinh, text)
    verdicts = [
        (unicodedata.normalize("NFC", q), v) for q, v in quoted_verdicts(report)
    ]
    assert verdicts == [("7,2 tỷ đồng", MATCH), ("75%", MATCH)]
    quote = report.findings[0].quote
    assert quote.text == text[quote.start : quote.end]
    assert text[quote.start : quote.end] == unicodedata.normalize("NFD", "7,2 tỷ đồng")
    # the same key as in the text in NFC: a binding survives either
    same = check(ha_tinh, composed)
    assert [f.key for f in report.findings] == [f.key for f in same.findings]
