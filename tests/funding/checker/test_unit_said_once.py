"""Amounts printed without their unit (a report's "Đơn vị tính: triệu
đồng", a sentence that prints the unit once), the shorthand of chat
reports ("GN", "T9", "9T", "đ/a"), abbreviations a text defines inline
("BN = Bắc Ninh", "Gia Lai (GL)"), months right before an amount ("…, 9
tháng 6,12 tỷ đồng") and a contrasting clause's own fund ("…, trong khi
nguồn địa phương đạt 96,31%"). Texts written for these tests."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA
from funding.checker.glossary import conventional_abbreviations
from funding.checker.periods import periods_in
from tests.funding.checker.checking import (
    kon_tum_and_gia_lai_2024,
    paragraph_verdicts,
    read_html,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def provinces(reference_data, make_figure):
    return kon_tum_and_gia_lai_2024(make_figure)


ANNEX = (
    "<p><em>Đơn vị tính: triệu đồng</em></p>"
    "<p>1. Kon Tum năm 2024: kế hoạch 9.000; thực hiện {spent}.</p>"
    "<p>1.1. Nguồn khuyến công quốc gia: kế hoạch 2.500; thực hiện 2.380.</p>"
    "<p>Cộng nguồn địa phương (KH/TH): 6.500/6.260.</p>"
    "<p>Kèm theo Báo cáo số 38/BC-SCT ngày 22/01/2025; hội nghị tại hội trường 300.</p>"
)


def test_a_unit_said_once_holds_for_the_bare_amounts_after_it(provinces):
    found = dict(read_html(provinces, ANNEX.format(spent="8.640")))
    assert found == {
        "9.000": MATCH,
        "8.640": MATCH,
        "2.500": MATCH,
        "2.380": MATCH,
        "6.500": MATCH,
        "6.260": MATCH,
    }


def test_a_wrong_bare_amount_under_a_unit_note_is_flagged(provinces):
    found = dict(read_html(provinces, ANNEX.format(spent="8.460")))
    assert found["8.460"] == MISMATCH
    assert found["9.000"] == MATCH


def test_a_pair_labelled_plan_first_is_read_in_that_order(provinces):
    text = ANNEX.format(spent="8.640").replace("6.500/6.260", "6.260/6.500")
    found = dict(read_html(provinces, text))
    assert MATCH not in (found["6.260"], found["6.500"])


def test_bare_numbers_with_no_unit_anywhere_are_not_amounts(provinces):
    found = read_html(
        provinces, "<p>Kon Tum năm 2024: kế hoạch 9.000; thực hiện 8.640; mã 2,5.</p>"
    )
    assert found == []


def test_decimals_take_the_unit_their_sentence_prints(provinces):
    found = paragraph_verdicts(
        provinces,
        "Năm 2024, kế hoạch của Kon Tum là 9 tỷ đồng (KCQG 2,5; KCĐP {kcdp}), "
        "thực hiện 8,64 tỷ đồng.".format(kcdp="6,5"),
    )
    assert found == {
        "9 tỷ đồng": MATCH,
        "2,5": MATCH,
        "6,5": MATCH,
        "8,64 tỷ đồng": MATCH,
    }
    wrong = paragraph_verdicts(
        provinces,
        "Năm 2024, kế hoạch của Kon Tum là 9 tỷ đồng (KCQG 2,5; KCĐP 5,6).",
    )
    assert wrong["5,6"] == MISMATCH


def test_a_chat_reports_shorthand_is_read_without_a_glossary(provinces):
    found = paragraph_verdicts(
        provinces,
        "KON TUM: KH 2024 9 tỷ đ. Hết T6 là 3.600 → 9T 6.120 tr.đ, "
        "GN đạt 68% KH. NT 30/32 đ/a.",
    )
    assert found == {
        "9 tỷ đ": MATCH,
        "3.600": MATCH,
        "6.120 tr.đ": MATCH,
        "68%": MATCH,
        "30": MATCH,
        "32 đ/a": MATCH,
    }


def test_one_shorthand_word_alone_is_no_register(provinces):
    assert read_html(provinces, "<p>Kon Tum năm 2024: 30 đ/a.</p>") == []


def test_abbreviations_defined_inline_name_their_areas(provinces):
    found = paragraph_verdicts(
        provinces,
        "(KT = Kon Tum, GL = Gia Lai). Năm 2024, GL giải ngân 9,5 tỷ đồng; "
        "KT giải ngân 8,64 tỷ đồng.",
    )
    assert found == {"9,5 tỷ đồng": MATCH, "8,64 tỷ đồng": MATCH}


def test_an_abbreviation_after_its_long_form_names_it(provinces):
    found = paragraph_verdicts(
        provinces,
        "Năm 2024, tỉnh Gia Lai (GL) giải ngân 9,5 tỷ đồng, Kon Tum giải ngân "
        "8,64 tỷ đồng. Kế hoạch năm 2024 của GL là 10 tỷ đồng.",
    )
    assert found["10 tỷ đồng"] == MATCH


def test_months_right_before_an_amount_are_its_period(provinces):
    found = paragraph_verdicts(
        provinces,
        "Năm 2024, Kon Tum 6 tháng đầu năm giải ngân 3,6 tỷ đồng, 9 tháng 6,12 tỷ "
        "đồng; hội nghị sơ kết tổ chức ngày 12 tháng 8 năm 2024.",
    )
    assert found == {"3,6 tỷ đồng": MATCH, "6,12 tỷ đồng": MATCH}


def test_a_contrasting_clause_names_its_own_fund(provinces):
    found = paragraph_verdicts(
        provinces,
        "Năm 2024, nguồn quốc gia của Kon Tum giải ngân 2,38 tỷ đồng, đạt 95,20%, "
        "trong khi nguồn địa phương đạt 96,31%.",
    )
    assert found["96,31%"] == MATCH
    assert NO_DATA not in found.values()


def test_a_rate_whose_clause_names_another_fund_is_that_funds(provinces):
    found = paragraph_verdicts(
        provinces,
        "Kế hoạch năm 2024 của Kon Tum gồm nguồn quốc gia 2,5 tỷ đồng và nguồn địa "
        "phương 6,5 tỷ đồng, tức nguồn quốc gia chiếm 27,78%.",
    )
    assert found["27,78%"] == MATCH


def test_codes_dates_times_and_phones_under_a_unit_note_are_no_amounts(provinces):
    found = read_html(
        provinces,
        "<p>ĐVT: triệu đồng.</p><p>Kèm theo Quyết định số 1125/QĐ-UBND ngày "
        "22/01/2025, mục 3.2; họp lúc 16:42 tại phòng 305; điện thoại 0260.3862.456; "
        "năm 2024; khoảng 14,5 giờ; 2.500 lượt truy cập.</p>",
    )
    assert found == []


def test_one_kind_of_shorthand_alone_is_no_register():
    # "Q1 và Q3" of a city are as likely its districts as quarters
    assert conventional_abbreviations(["Hội chợ tại Q1 và Q3, TP. Hồ Chí Minh."]) == {}
    assert conventional_abbreviations(["GN 9T: 6.120 tr.đ; T10 thêm 3 đ/a."]) == {
        "GN": "giải ngân",
        "9T": "9 tháng đầu năm",
        "T10": "tháng 10",
        "đ/a": "đề án",
    }


def test_a_date_in_words_is_no_first_months():
    found = [
        months for _match, _year, months in periods_in("Sáng 6 tháng 9 năm 2024, ")
    ]
    assert 6 not in found
