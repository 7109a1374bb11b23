"""English lines of a bilingual article: "VND 7 billion", "up 5%", "75% of
the plan", "12 projects" are read like their Vietnamese words, and each
quote stands where it is printed (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.checker.english import in_vietnamese
from tests.funding.checker.checking import E, P, area, check, quoted_verdicts

pytestmark = pytest.mark.django_db


def test_a_copy_in_vietnamese_maps_back_to_the_printed_words():
    text = "Ha Tinh spent VND 7.2 billion in 2024, 75% of the plan, up 5% year on year."
    copy = in_vietnamese(text)
    assert copy == (
        "Ha Tinh giải ngân 7,2 tỷ đồng năm 2024, 75% kế hoạch, tăng 5% so với cùng kỳ."
    )
    start = copy.index("7,2 tỷ đồng")
    assert (
        text[slice(*copy.back(start, start + len("7,2 tỷ đồng")))] == "VND 7.2 billion"
    )
    start = copy.index("75%")
    assert text[slice(*copy.back(start, start + 3))] == "75%"


def test_other_currencies_and_plain_text_are_left_alone():
    assert in_vietnamese("USD 1 = VND 26,300") == "USD 1 = VND 26,300"
    text = "Năm 2024, Hà Tĩnh giải ngân 7,2 tỷ đồng."
    assert in_vietnamese(text) is text


@pytest.fixture
def ha_tinh(reference_data, make_figure):
    province = area("Hà Tĩnh")
    return [
        make_figure(province, 2024, P, "9600000000"),
        make_figure(province, 2024, E, "7200000000"),
    ]


def test_an_english_line_is_checked_where_it_is_printed(ha_tinh):
    text = (
        "Năm 2024, Hà Tĩnh giải ngân 7,2 tỷ đồng, đạt 75% kế hoạch. "
        "In 2024, Ha Tinh disbursed VND 7.2 billion, 75% of the plan."
    )
    report = check(ha_tinh, text)
    assert quoted_verdicts(report) == [
        ("7,2 tỷ đồng", MATCH),
        ("75%", MATCH),
        ("VND 7.2 billion", MATCH),
        ("75%", MATCH),
    ]
    english = report.findings[2].quote
    assert text[english.start : english.end] == "VND 7.2 billion"


def test_a_wrong_english_amount_is_flagged(ha_tinh):
    text = "In 2024, Ha Tinh disbursed VND 7.9 billion of its VND 9.6 billion plan."
    assert dict(quoted_verdicts(check(ha_tinh, text)))["VND 7.9 billion"] == MISMATCH
