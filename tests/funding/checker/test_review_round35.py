"""Review probes (round 35): bare amounts in a list's or a label's slot and
the words of other measures around them, pairs "KH/TH 2024", "tính đến ngày
30 tháng 9" and "cả năm", đề án launched then done, chat shorthand (KP,
TW), a fund named right before its amount, the whole of a complement and a
signed difference. Texts written for these tests (Kon Tum and Gia Lai,
2024)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, ROUNDING
from tests.funding.checker.checking import kon_tum_and_gia_lai_2024, read, read_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def provinces(reference_data, make_figure):
    return kon_tum_and_gia_lai_2024(make_figure)


def _html(figures, text):
    if not text.startswith("<"):
        text = f"<p>{text}</p>"
    return read_html(figures, text)


def _said(found):
    """What the checker says of more than "no figure behind it"."""
    return [(quote, verdict) for quote, verdict in found if verdict != NO_DATA]


# 1. bare amounts: a list's or a label's slot, and what is not one


def test_billion_note_small_whole_numbers_after_labels(provinces):
    html = (
        "<p><strong>Đơn vị tính: tỷ đồng</strong></p>"
        "<p>Gia Lai năm 2024: kế hoạch 10; giải ngân 9,5.</p>"
    )
    assert _html(provinces, html) == [("10", MATCH), ("9,5", MATCH)]


def test_billion_note_wrong_executed(provinces):
    html = "<p>ĐVT: tỷ đồng</p><p>Gia Lai năm 2024: KH 10; TH 9,8.</p>"
    assert _html(provinces, html) == [("10", MATCH), ("9,8", MISMATCH)]


def test_billion_note_count_after_a_label_is_no_amount(provinces):
    html = (
        "<p>Đơn vị tính: tỷ đồng</p><p>Kon Tum năm 2024: kế hoạch 9; thực hiện"
        " 8,64; số đề án hoàn thành: 30.</p>"
    )
    found = _html(provinces, html)
    assert found[:2] == [("9", MATCH), ("8,64", MATCH)]
    assert ("30", MISMATCH) not in found


def test_list_of_funds_with_one_wrong(provinces):
    text = "Năm 2024, Kon Tum thực hiện 8,64 tỷ đồng; trong đó: KCQG 2,38; KCĐP 6,62."
    found = _html(provinces, text)
    assert found[:2] == [("8,64 tỷ đồng", MATCH), ("2,38", MATCH)]
    assert found[2][0] == "6,62"
    assert found[2][1] != MATCH


@pytest.mark.xfail(
    strict=True,
    reason="'nguồn quốc gia và nguồn địa phương lần lượt 2,5 và 6,5': the first amount is read with the last fund named (KCĐP), not respectively, and is a mismatch",
)
def test_list_after_lan_luot(provinces):
    text = (
        "Kế hoạch năm 2024 của Kon Tum là 9 tỷ đồng, nguồn quốc gia và nguồn địa"
        " phương lần lượt 2,5 và 6,5."
    )
    assert _html(provinces, text) == [
        ("9 tỷ đồng", MATCH),
        ("2,5", MATCH),
        ("6,5", MATCH),
    ]


def test_growth_rate_after_tang_is_no_amount(provinces):
    text = (
        "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng; chỉ số sản xuất công nghiệp"
        " (IIP) tăng 9,5."
    )
    assert _said(_html(provinces, text)) == [("8,64 tỷ đồng", MATCH)]


def test_area_in_km2_and_a_population(provinces):
    html = (
        "<p>ĐVT: triệu đồng</p><p>Kon Tum năm 2024: kế hoạch 9.000; thực hiện"
        " 8.640.</p><p>Tỉnh có diện tích tự nhiên 9.674,2 km², dân số khoảng"
        " 580.000 người, mật độ 60 người/km².</p>"
    )
    assert _said(_html(provinces, html)) == [("9.000", MATCH), ("8.640", MATCH)]


def test_phone_whose_tail_looks_like_an_amount(provinces):
    html = (
        "<p>ĐVT: triệu đồng</p><p>Kon Tum 6 tháng đầu năm 2024: giải ngân 3.600."
        "</p><p>Hotline: 0260 3.600; fax (0260) 3.862.246.</p>"
    )
    assert _said(_html(provinces, html)) == [("3.600", MATCH)]


def test_decree_and_date_near_a_unit_note(provinces):
    html = (
        "<p>Căn cứ Nghị định số 45/2012/NĐ-CP ngày 21/5/2012 và Thông tư"
        " 28/2018/TT-BCT.</p><p>Đơn vị tính: triệu đồng</p><p>Gia Lai năm 2024:"
        " kế hoạch 10.000; thực hiện 9.500 (báo cáo ngày 15/01/2025).</p>"
    )
    assert _said(_html(provinces, html)) == [("10.000", MATCH), ("9.500", MATCH)]


def test_age_and_version_in_a_sentence_with_an_amount(provinces):
    text = (
        "Năm 2024 Kon Tum giải ngân 8,64 tỷ đồng; ông A Thút, 62 tuổi, chủ cơ sở"
        " dệt, dùng phần mềm quản lý bản 3.6 và máy dệt đời 2,5."
    )
    assert _said(_html(provinces, text)) == [("8,64 tỷ đồng", MATCH)]


@pytest.mark.xfail(
    strict=True,
    reason="a percentage of another measure ('tỷ lệ lao động … qua đào tạo đạt 60%') in a sentence with an amount is unsure, not no_data",
)
def test_other_percentage_is_no_rate_of_the_funds(provinces):
    text = (
        "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng; tỷ lệ lao động nông thôn qua"
        " đào tạo đạt 60%."
    )
    assert _said(_html(provinces, text)) == [("8,64 tỷ đồng", MATCH)]


def test_bare_amount_after_khoang_takes_the_sentence_unit(provinces):
    text = "Kon Tum năm 2024 kế hoạch 9 tỷ đồng, giải ngân khoảng 8,6."
    found = _html(provinces, text)
    assert found[0] == ("9 tỷ đồng", MATCH)
    assert found[1][0] == "8,6"
    assert found[1][1] in (MATCH, ROUNDING)


# 2. pairs: the year after the labels, the second from the first


def test_pair_with_the_year_in_parentheses(provinces):
    text = "Gia Lai (KH/TH 2024): 10.000/9.500 tr.đ."
    assert read(provinces, text) == [("10.000 tr.đ", MATCH), ("9.500 tr.đ", MATCH)]


def test_pair_of_a_fund(provinces):
    text = "KT – KCĐP KH/TH 2024: 6.500/6.260 tr.đ; KCQG KH/TH 2024: 2.500/2.380 tr.đ."
    assert read(provinces, text) == [
        ("6.500 tr.đ", MATCH),
        ("6.260 tr.đ", MATCH),
        ("2.500 tr.đ", MATCH),
        ("2.380 tr.đ", MATCH),
    ]


def test_pair_of_a_fund_second_wrong(provinces):
    text = "Kon Tum, nguồn KCĐP, KH/TH 2024: 6.500/6.620 tr.đ."
    assert read(provinces, text) == [("6.500 tr.đ", MATCH), ("6.620 tr.đ", MISMATCH)]


def test_pair_first_wrong_does_not_lend_its_reading(provinces):
    # the plan is wrong (9.500 is not Kon Tum's 9.000): the spent amount
    # must not be read as Gia Lai's just because 9.500 is Gia Lai's
    text = "Kon Tum KH/TH 2024: 9.500/8.640 tr.đ."
    found = read(provinces, text)
    assert found[0][1] != MATCH
    assert found[1] == ("8.640 tr.đ", MATCH)


def test_pair_under_a_unit_note_after_a_date(provinces):
    html = (
        "<p>Đơn vị tính: triệu đồng</p><p>Ngày 30/9/2024, Gia Lai báo cáo"
        " (KH/TH): 10.000/9.500.</p>"
    )
    assert _said(_html(provinces, html)) == [("10.000", MATCH), ("9.500", MATCH)]


# 3. periods: "tính đến ngày 30 tháng 9", "cả năm"


def test_until_the_30th_of_september_in_words(provinces):
    text = "Tính đến ngày 30 tháng 9 năm 2024, Kon Tum đã giải ngân 6,12 tỷ đồng."
    assert read(provinces, text) == [("6,12 tỷ đồng", MATCH)]


def test_until_the_30th_of_june_in_words(provinces):
    text = "Kon Tum: tính đến ngày 30 tháng 6 năm 2024 giải ngân được 3,6 tỷ đồng."
    assert read(provinces, text) == [("3,6 tỷ đồng", MATCH)]


def test_until_the_30th_of_september_wrong(provinces):
    text = "Tính đến ngày 30 tháng 9 năm 2024, Kon Tum đã giải ngân 6,21 tỷ đồng."
    assert read(provinces, text) == [("6,21 tỷ đồng", MISMATCH)]


def test_whole_year_after_six_months(provinces):
    text = (
        "Sáu tháng đầu năm 2024, Kon Tum giải ngân 3,6 tỷ đồng; tính cả năm, tỉnh"
        " giải ngân 8,64 tỷ đồng."
    )
    assert read(provinces, text) == [("3,6 tỷ đồng", MATCH), ("8,64 tỷ đồng", MATCH)]


def test_whole_year_after_nine_months_wrong(provinces):
    text = (
        "Kon Tum năm 2024: 9 tháng đầu năm giải ngân 6,12 tỷ đồng, cả năm 8,46 tỷ đồng."
    )
    assert read(provinces, text) == [
        ("6,12 tỷ đồng", MATCH),
        ("8,46 tỷ đồng", MISMATCH),
    ]


def test_nine_months_without_dau_nam_then_whole_year(provinces):
    text = "Kon Tum năm 2024: 9 tháng giải ngân 6,12 tỷ đồng, cả năm 8,64 tỷ đồng."
    assert read(provinces, text) == [("6,12 tỷ đồng", MATCH), ("8,64 tỷ đồng", MATCH)]


# 4. đề án launched, then done


def test_projects_launched_and_done_across_a_semicolon(provinces):
    text = (
        "Năm 2024, Kon Tum triển khai thực hiện 32 đề án; đến cuối năm đã hoàn"
        " thành, nghiệm thu 30 đề án."
    )
    assert read(provinces, text) == [("32 đề án", MATCH), ("30 đề án", MATCH)]


def test_projects_done_wrong(provinces):
    text = "Năm 2024 Kon Tum triển khai 32 đề án, hoàn thành, nghiệm thu 31 đề án."
    found = read(provinces, text)
    assert found[0] == ("32 đề án", MATCH)
    assert found[1] == ("31 đề án", MISMATCH)


def test_projects_done_with_xong(provinces):
    text = "Kon Tum năm 2024 đã triển khai 32 đề án và nghiệm thu xong 30 đề án."
    assert read(provinces, text) == [("32 đề án", MATCH), ("30 đề án", MATCH)]


# 5. shorthand, a fund before its amount, the whole of a complement


@pytest.mark.xfail(
    strict=True,
    reason="'TW 2,38 tỷ đ' in chat shorthand (TW right before the amount, no"
    " 'vốn'/'nguồn') names no fund: unsure ('vốn TW 2,38' matches). A rule that"
    " read 'trung ương' right before an amount as the fund made 3 false"
    " mismatches on held-out text (139) and was taken out",
)
def test_chat_shorthand_kp_tw_gn(provinces):
    text = "KT 2024: KP GN 8,64 tỷ đ, TW 2,38 tỷ đ, ĐP 6,26 tỷ đ."
    found = read(provinces, text)
    assert found[:2] == [("8,64 tỷ đ", MATCH), ("2,38 tỷ đ", MATCH)]


def test_chat_shorthand_tw_wrong(provinces):
    text = "Kon Tum năm 2024: KP thực hiện 8,64 tỷ đồng, vốn TW 2,83 tỷ đồng."
    assert read(provinces, text) == [
        ("8,64 tỷ đồng", MATCH),
        ("2,83 tỷ đồng", MISMATCH),
    ]


def test_tw_alone_in_prose_names_no_fund(provinces):
    text = (
        "Năm 2024, Kon Tum thực hiện 8,64 tỷ đồng; đoàn công tác của TW Hội Liên"
        " hiệp Phụ nữ đã đến thăm 2 cơ sở."
    )
    assert _said(read(provinces, text)) == [("8,64 tỷ đồng", MATCH)]


def test_funds_named_right_before_amounts_after_gom(provinces):
    text = (
        "Kon Tum năm 2024 thực hiện 8,64 tỷ đồng, gồm: quốc gia 2,38 tỷ đồng,"
        " địa phương 6,26 tỷ đồng."
    )
    assert read(provinces, text) == [
        ("8,64 tỷ đồng", MATCH),
        ("2,38 tỷ đồng", MATCH),
        ("6,26 tỷ đồng", MATCH),
    ]


def test_program_name_with_quoc_gia_names_no_fund(provinces):
    text = (
        "Thực hiện Chương trình khuyến công quốc gia giai đoạn 2021 - 2025, năm"
        " 2024 Kon Tum giải ngân tổng cộng 8,64 tỷ đồng."
    )
    assert read(provinces, text) == [("8,64 tỷ đồng", MATCH)]


def test_complement_with_spaces_and_a_minus_sign(provinces):
    text = (
        "Năm 2024 Kon Tum thực hiện 8,64 tỷ đồng; tỷ trọng nguồn địa phương bằng"
        " 100 % − 27,55 % = 72,45 %."
    )
    found = dict(read(provinces, text))
    assert found["100 %"] == NO_DATA
    assert MISMATCH not in found.values()


# 6. a signed difference


def test_lower_than_the_other_province_wrong_direction(provinces):
    # Gia Lai spent 95% of its plan, Kon Tum 96%: Gia Lai is lower, not higher
    text = (
        "Năm 2024, tỷ lệ giải ngân của Gia Lai đạt 95%, cao hơn Kon Tum tới 1 điểm"
        " phần trăm."
    )
    found = read(provinces, text)
    assert found[0] == ("95%", MATCH)
    assert found[1][1] != MATCH
