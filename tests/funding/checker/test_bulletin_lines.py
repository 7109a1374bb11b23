"""A statistics bulletin's lines: "KH" for kế hoạch and "TH" for thực hiện,
and counts printed after a label naming their noun ("Đề án nghiệm thu:
30/38", "Hội chợ đã tổ chức: 2") (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area, paragraph_verdicts, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def ha_tinh(reference_data, make_figure):
    """Hà Tĩnh 2025: 7,6 of 9,5 tỷ spent after 10 months (80%); 30 of 38
    projects; 2 fairs."""
    province = area("Hà Tĩnh")
    count = Indicator.objects.get(code="so-de-an")
    fairs = Indicator.objects.get(code="so-hoi-cho")
    return [
        make_figure(province, 2025, P, "9500000000"),
        make_figure(province, 2025, E, "7600000000", months=10),
        make_figure(province, 2025, P, "38", indicator=count),
        make_figure(province, 2025, E, "30", months=10, indicator=count),
        make_figure(province, 2025, E, "2", months=10, indicator=fairs),
    ]


def test_kh_in_a_bulletin_line_is_the_plan(ha_tinh):
    found = paragraph_verdicts(
        ha_tinh,
        "Hà Tĩnh, 10 tháng năm 2025. Giải ngân: 7.600 tr.đ (KH: 9.500 tr.đ), "
        "bằng 80% KH năm.",
    )
    assert found == {"7.600 tr.đ": MATCH, "9.500 tr.đ": MATCH, "80%": MATCH}


def test_a_wrong_plan_after_kh_is_flagged(ha_tinh):
    found = paragraph_verdicts(
        ha_tinh, "Hà Tĩnh, 10 tháng năm 2025. Giải ngân: 7.600 tr.đ (KH: 9.050 tr.đ)."
    )
    assert found["9.050 tr.đ"] == MISMATCH


def test_kh_of_science_is_no_plan(ha_tinh):
    """ "Sở KH&CN" is khoa học và công nghệ: the amount after it stays the
    spending the sentence names."""
    found = paragraph_verdicts(
        ha_tinh,
        "Trong 10 tháng năm 2025, Hà Tĩnh đã giải ngân 7,6 tỷ đồng, "
        "theo báo cáo gửi Sở KH&CN.",
    )
    assert found == {"7,6 tỷ đồng": MATCH}


def test_counts_after_a_label_naming_their_noun(ha_tinh):
    found = read(
        ha_tinh,
        "Hà Tĩnh, 10 tháng năm 2025.\nĐề án đã nghiệm thu: 30/38.\n"
        "Hội chợ, triển lãm đã tổ chức: 2.",
    )
    assert found == [("30", MATCH), ("38", MATCH), ("2", MATCH)]


def test_a_wrong_count_after_a_label_is_flagged(ha_tinh):
    found = dict(
        read(ha_tinh, "Hà Tĩnh, 10 tháng năm 2025.\nĐề án đã nghiệm thu: 31/38.")
    )
    assert found["31"] == MISMATCH


def test_a_label_without_a_counted_noun_quotes_nothing(ha_tinh):
    """A phone number, a day: no counted noun in the label."""
    found = read(
        ha_tinh,
        "Hà Tĩnh, 10 tháng năm 2025.\nĐiện thoại: 2393855.\nNgày ban hành: 15.",
    )
    assert found == []


def test_a_labelled_number_with_a_unit_is_no_bare_count(ha_tinh):
    found = read(ha_tinh, "Đề án lớn nhất: 450 triệu đồng.")
    assert [text for text, _verdict in found] == ["450 triệu đồng"]


def test_a_labelled_change_is_no_bare_count(ha_tinh):
    """ "Đề án: 28 → 30" is a change from one count to another."""
    found = read(ha_tinh, "Hà Tĩnh, 10 tháng năm 2025.\nĐề án: 28 → 30.")
    assert all(text != "28" for text, _verdict in found)


def test_what_is_still_to_do_is_the_plan_less_what_was_done(ha_tinh):
    found = paragraph_verdicts(
        ha_tinh,
        "Hết 10 tháng năm 2025, Hà Tĩnh đã nghiệm thu 30/38 đề án; còn 8 đề án "
        "phải hoàn thành trong hai tháng cuối năm.",
    )
    assert found["8 đề án"] == MATCH
    wrong = paragraph_verdicts(
        ha_tinh,
        "Hết 10 tháng năm 2025, Hà Tĩnh đã nghiệm thu 30/38 đề án; còn 9 đề án "
        "phải hoàn thành trong hai tháng cuối năm.",
    )
    assert wrong["9 đề án"] == MISMATCH


def test_a_target_still_to_reach_is_no_rest(ha_tinh):
    """ "còn … phải" only with "còn" right before the number."""
    found = paragraph_verdicts(
        ha_tinh, "Năm 2025, Hà Tĩnh phải hoàn thành 38 đề án khuyến công."
    )
    assert found["38 đề án"] == MATCH
