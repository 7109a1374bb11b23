"""A number the text itself calls wrong (a correction, a rebuttal) is no
figure: "no data", never a mismatch; the corrected number next to it is
checked as usual (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE, Checker
from funding.checker.report import NO_DATA
from tests.funding.checker.checking import (
    P,
    area,
    paragraph_verdicts,
    quoted_verdicts,
    read,
)

pytestmark = pytest.mark.django_db


def test_a_figure_said_to_be_inaccurate_is_no_data(dien_bien_2024):
    found = paragraph_verdicts(
        dien_bien_2024,
        "Bản tin hôm trước ghi kinh phí khuyến công thực hiện năm 2024 của tỉnh "
        "Điện Biên là “6,9 tỷ đồng” là không chính xác; đúng ra là 7,252 tỷ đồng.",
    )
    assert found == {"6,9 tỷ đồng": NO_DATA, "7,252 tỷ đồng": MATCH}


def test_a_rate_denied_with_khong_phai_is_no_data(dien_bien_2024):
    found = paragraph_verdicts(
        dien_bien_2024,
        "Năm 2024, tỷ lệ giải ngân kinh phí khuyến công của Điện Biên "
        "không phải 96% như đã đưa tin mà là 86,33% kế hoạch.",
    )
    assert found["96%"] == NO_DATA
    assert found["86,33%"] == MATCH


def test_a_number_printed_by_mistake_is_no_data(dien_bien_2024):
    found = paragraph_verdicts(
        dien_bien_2024,
        "Kế hoạch khuyến công năm 2024 của Điện Biên là 8,4 tỷ đồng, "
        "bản in trước ghi nhầm thành 4,8 tỷ đồng.",
    )
    assert found == {"8,4 tỷ đồng": MATCH, "4,8 tỷ đồng": NO_DATA}


def test_behind_schedule_is_no_denial_of_the_number(dien_bien_2024):
    found = paragraph_verdicts(
        dien_bien_2024,
        "Năm 2024, Điện Biên giải ngân 6,1 tỷ đồng kinh phí khuyến công, "
        "chưa đúng tiến độ đề ra.",
    )
    assert found["6,1 tỷ đồng"] == UNSURE  # near it for no cause (``choose.UNCAUSED``)


def test_the_wrong_figure_a_rebuttal_reports_is_no_data_where_it_is_quoted(
    dien_bien_2024,
):
    # the claim is reported in the body and denied in the lead
    report = Checker(dien_bien_2024).check_parts(
        [
            (
                "lead",
                "Sở Công Thương Điện Biên cho biết năm 2024 tỉnh đã giải ngân "
                "7,252 tỷ đồng kinh phí khuyến công, chứ không phải 6,5 tỷ đồng.",
            ),
            (
                "body",
                "Một trang tin phản ánh tỉnh “năm 2024 chỉ giải ngân được "
                "6,5 tỷ đồng kinh phí khuyến công” trên kế hoạch 8,4 tỷ đồng.",
            ),
        ]
    )
    assert quoted_verdicts(report) == [
        ("7,252 tỷ đồng", MATCH),
        ("6,5 tỷ đồng", NO_DATA),
        ("6,5 tỷ đồng", NO_DATA),
        ("8,4 tỷ đồng", MATCH),
    ]


def test_a_number_denied_once_does_not_hide_another_number(dien_bien_2024):
    found = paragraph_verdicts(
        dien_bien_2024,
        "Trang tin viết Điện Biên “năm 2024 giải ngân 6,5 tỷ đồng”. Thực tế năm "
        "2024 Điện Biên giải ngân 7,5 tỷ đồng, chứ không phải 6,5 tỷ đồng.",
    )
    assert found == {"6,5 tỷ đồng": NO_DATA, "7,5 tỷ đồng": MISMATCH}


def test_a_speaker_correcting_himself_disowns_the_first_number(dien_bien_2024):
    found = paragraph_verdicts(
        dien_bien_2024,
        "Năm 2024 Điện Biên giải ngân được 7,25 tỷ, tức là đạt 68,33%... à không, "
        "xin lỗi anh, đạt 86,33% kế hoạch.",
    )
    assert found["68,33%"] == NO_DATA
    assert found["86,33%"] == MATCH


def test_a_claimed_rise_denied_bare_later_is_no_data(dien_bien_2024, make_figure):
    earlier = make_figure(area("Điện Biên"), 2023, P, "7500000000")
    found = read(
        [*dien_bien_2024, earlier],
        "Có ý kiến nói kế hoạch năm 2024 của Điện Biên tăng hơn 20% so với năm "
        "2023. Thực tế kế hoạch năm 2024 là 8,4 tỷ đồng, tăng 12% so với năm 2023, "
        "chứ không phải hơn 20%.",
    )
    assert found == [
        ("20%", NO_DATA),  # "tăng hơn 20%"
        ("8,4 tỷ đồng", MATCH),
        ("12%", MATCH),
        ("20%", NO_DATA),  # "chứ không phải hơn 20%"
    ]


def test_the_corrected_rate_after_a_pause_is_of_the_amount_before(dien_bien_2024):
    found = read(
        dien_bien_2024,
        "Năm nay Điện Biên giải ngân được 7,252 tỷ đồng, đạt 68,33%... à không, "
        "đạt 86,33% kế hoạch.",
    )
    assert found == [
        ("7,252 tỷ đồng", MATCH),
        ("68,33%", NO_DATA),
        ("86,33%", MATCH),
    ]


def test_quoted_numbers_said_to_match_nothing_are_no_data(dien_bien_2024):
    report = Checker(dien_bien_2024).check_parts(
        [
            (
                "body",
                "Một trang tin viết Điện Biên năm 2024 đã giải ngân “gần 5,9 tỷ "
                "đồng, đạt 70%”. Đối chiếu cho thấy “gần 5,9 tỷ đồng” không khớp "
                "với số liệu nào của Sở, và “70%” cũng vậy.",
            )
        ]
    )
    assert {v for _t, v in quoted_verdicts(report)} == {NO_DATA}


def test_also_with_no_denial_before_is_a_claim(dien_bien_2024):
    found = paragraph_verdicts(
        dien_bien_2024,
        "Sở cho biết kế hoạch khuyến công năm 2024 của Điện Biên là “8,4 tỷ "
        "đồng”, số của Sở Tài chính “8,4 tỷ đồng” cũng vậy.",
    )
    assert found["8,4 tỷ đồng"] == MATCH


@pytest.mark.parametrize(
    "supposition",
    [
        "Ví dụ giả định: kế hoạch 10 tỷ đồng, giải ngân 9 tỷ đồng thì tỷ lệ là 90%.",
        "Giả sử tỉnh được giao 10 tỷ đồng và giải ngân 9 tỷ đồng, tỷ lệ là 90%.",
    ],
)
def test_numbers_the_text_only_supposes_are_no_data(dien_bien_2024, supposition):
    found = paragraph_verdicts(
        dien_bien_2024,
        f"{supposition} Năm 2024, Điện Biên giải ngân 7,252 tỷ đồng.",
    )
    assert found == {
        "10 tỷ đồng": NO_DATA,
        "9 tỷ đồng": NO_DATA,
        "90%": NO_DATA,
        "7,252 tỷ đồng": MATCH,
    }


@pytest.mark.parametrize(
    "opening",
    [
        "Ví dụ, năm 2024",
        "Lấy ví dụ, năm 2024",
        "Một ví dụ minh họa là năm 2024:",
        "Số liệu là thực tế, không phải giả định: năm 2024",
        "Khác với kịch bản giả định ban đầu, năm 2024",
    ],
)
def test_a_real_case_given_as_an_example_is_checked(dien_bien_2024, opening):
    found = paragraph_verdicts(
        dien_bien_2024, f"{opening} Điện Biên giải ngân 6,9 tỷ đồng."
    )
    assert found["6,9 tỷ đồng"] in (MISMATCH, UNSURE)
