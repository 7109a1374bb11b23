"""A part of the year named in a sentence before ("trong 9 tháng đầu năm
là …") does not outrank a share giving the printed number for the whole
year; named in the share's own sentence, it holds (lines written for these
tests). With the part reading otherwise, the whole year only makes it
unsure."""

import pytest

from funding.checker import MATCH, ROUNDING, UNSURE
from tests.funding.checker.checking import KCDP, E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def lang_son(reference_data, make_figure):
    """Lạng Sơn 2024: KCĐP 5,2 of 7 tỷ đồng in the year (74,29%), 3,1 of 4,4
    tỷ đồng in 9 months (70,45%)."""
    province = area("Lạng Sơn")
    return [
        make_figure(province, 2024, E, "5200000000", KCDP),
        make_figure(province, 2024, E, "7000000000"),
        make_figure(province, 2024, E, "3100000000", KCDP, months=9),
        make_figure(province, 2024, E, "4400000000", months=9),
        make_figure(province, 2024, P, "5500000000", KCDP),
    ]


_BEFORE = (
    "Năm 2024 tỉnh Lạng Sơn giải ngân 7.000.000.000 đồng.\n- Nguồn khuyến công địa "
    "phương: giải ngân 5.200.000.000 đồng, đạt 94,55% kế hoạch, trong 9 tháng đầu "
    "năm là 3.100.000.000 đồng.\n"
)


def test_a_share_of_the_year_after_a_carried_part(lang_son):
    # the part carried gives 70,45%: the whole year's 74,29% is a reading
    # too, so no mismatch, but no sure match either
    text = _BEFORE + "Nguồn địa phương chiếm 74,29% tổng kinh phí đã giải ngân."
    assert dict(read(lang_son, text))["74,29%"] == UNSURE


def test_a_part_named_in_its_own_sentence_holds(lang_son):
    text = (
        _BEFORE + "Trong 9 tháng đầu năm, nguồn địa phương chiếm 74,29% tổng kinh "
        "phí đã giải ngân."
    )
    assert dict(read(lang_son, text))["74,29%"] not in (MATCH, ROUNDING)


def test_the_part_still_reads_first(lang_son):
    text = _BEFORE + "Nguồn địa phương chiếm 70,45% tổng kinh phí đã giải ngân."
    assert dict(read(lang_son, text))["70,45%"] == MATCH
