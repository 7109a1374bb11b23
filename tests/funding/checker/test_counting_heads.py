"""A counted noun headed by a word that counts turns ("lượt người") is
printed by that word alone once the text has named it in full ("1.230 lượt
người, đạt 82% kế hoạch 1.500 lượt"); a text that never names it in full
quotes no such count (lines written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def trained(reference_data, make_figure):
    """People trained in Sơn La in 2025: 1.500 planned, 1.230 trained."""
    count = Indicator.objects.get(code="so-luot-dao-tao")
    province = area("Sơn La")
    return [
        make_figure(province, 2025, P, "1500", indicator=count),
        make_figure(province, 2025, E, "1230", indicator=count),
    ]


@pytest.mark.parametrize(("plan", "verdict"), [("1.500", MATCH), ("1.600", MISMATCH)])
def test_the_head_word_alone_repeats_the_noun(trained, plan, verdict):
    text = f"Năm 2025, Sơn La đào tạo 1.230 lượt người, bằng 82% kế hoạch {plan} lượt."
    assert dict(read(trained, text))[f"{plan} lượt"] == verdict


def test_the_head_word_alone_is_no_count_in_a_text_without_the_noun(trained):
    text = "Năm 2025, trang tin khuyến công Sơn La có 1.500 lượt truy cập."
    assert [quote for quote, _verdict in read(trained, text)] == []


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("1.230", (MATCH,)), ("1.320", (MISMATCH, UNSURE))],
    ids=["right", "wrong"],
)
def test_people_a_training_course_drew_are_those_trained(trained, printed, verdicts):
    text = f"Năm 2025, các lớp đào tạo nghề, tập huấn thu hút {printed} lượt người."
    assert dict(read(trained, text))[f"{printed} lượt người"] in verdicts


def test_people_an_event_drew_are_no_count_of_the_data(trained):
    text = "Năm 2025, hội chợ khuyến công Sơn La thu hút 1.230 lượt người."
    assert dict(read(trained, text))["1.230 lượt người"] == NO_DATA


@pytest.mark.parametrize("label", ["Lượt xem", "Lượt truy cập", "Lượt chia sẻ"])
def test_a_page_s_counter_under_a_label_is_no_count(trained, label):
    text = (
        "Năm 2025, Sơn La đào tạo 1.230 lượt người, bằng 82% kế hoạch.\n"
        f"Cập nhật 14:25 ngày 16/1/2026 | {label}: 1.204"
    )
    assert "1.204" not in dict(read(trained, text))


def test_a_count_under_its_own_label_is_still_read(trained):
    text = (
        "Năm 2025, Sơn La đào tạo 1.230 lượt người, bằng 82% kế hoạch.\n"
        "Lượt người được đào tạo: 1.320"
    )
    assert dict(read(trained, text))["1.320"] in (MISMATCH, UNSURE)
