"""Periods written as dates: "Từ 1/7 đến 31/12/2025" is the year less its
first six months, "từ ngày 1/7 đến 31/10" ten months less six; neither is
the stored figure of the longer period itself."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.checker.periods import periods_in
from tests.funding.checker.checking import E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def lai_chau(reference_data, make_figure):
    here = area("Lai Châu")
    return [
        make_figure(here, 2025, P, "10000000000"),
        make_figure(here, 2025, E, "4000000000", months=6),
        make_figure(here, 2025, E, "7000000000", months=10),
        make_figure(here, 2025, E, "9600000000"),
    ]


@pytest.mark.parametrize(
    "text, right, wrong",
    [
        # 9,6 − 4 = 5,6; the year's own 9,6 is the whole, not the half
        ("Từ 1/7 đến 31/12/2025, Lai Châu giải ngân {}.", "5,6", "9,6"),
        ("Từ ngày 1/7 đến ngày 31/12/2025, Lai Châu giải ngân {}.", "5,6", "5,9"),
        ("Từ ngày 01/7/2025 đến ngày 31/12/2025, Lai Châu giải ngân {}.", "5,6", "9,6"),
        ("Từ 1/7 - 31/12/2025, Lai Châu giải ngân {}.", "5,6", "9,6"),
        # 7 − 4 = 3
        ("Năm 2025, từ 1/7 đến 31/10, Lai Châu giải ngân {}.", "3", "3,2"),
    ],
)
def test_a_range_of_dates_is_the_later_period_less_the_earlier(
    lai_chau, text, right, wrong
):
    right, wrong = f"{right} tỷ đồng", f"{wrong} tỷ đồng"
    assert read(lai_chau, text.format(right)) == [(right, MATCH)]
    assert read(lai_chau, text.format(wrong)) == [(wrong, MISMATCH)]


def test_the_longer_period_itself_is_no_confident_reading(lai_chau):
    text = "Năm 2025, từ 1/7 đến 31/10, Lai Châu giải ngân 7 tỷ đồng."
    assert read(lai_chau, text) == [("7 tỷ đồng", UNSURE)]


@pytest.mark.parametrize(
    "span, year, months",
    [
        ("từ 1/7 đến 31/12/2025", 2025, None),
        ("từ ngày 1/7 đến ngày 31/10", None, 10),
        ("Từ 01/4 tới hết 30/9/2024", 2024, 9),
        ("từ 1/7 đến 15/12/2025", 2025, "12-15"),  # up to a day
    ],
)
def test_a_range_of_dates_runs_to_its_last_day(span, year, months):
    assert [(y, m) for _match, y, m in periods_in(span)] == [(year, months)]


def test_a_range_across_the_years_end_is_no_period():
    assert list(periods_in("từ 1/3 đến 28/2")) == []


def test_numbers_after_the_first_are_read_as_levels_too(lai_chau):
    text = (
        "Từ 1/7 đến 31/10/2025, Lai Châu giải ngân 3 tỷ đồng, nâng số đã giải "
        "ngân lên 7 tỷ đồng."
    )
    assert read(lai_chau, text) == [("3 tỷ đồng", MATCH), ("7 tỷ đồng", MATCH)]


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2025, từ tháng 7 đến hết năm, Lai Châu giải ngân {}.",
        "Năm 2025, từ tháng 7 đến tháng 12, Lai Châu giải ngân {}.",
    ],
)
def test_a_range_of_months_to_the_year_end(lai_chau, text):
    assert read(lai_chau, text.format("5,6 tỷ đồng")) == [("5,6 tỷ đồng", MATCH)]
    assert read(lai_chau, text.format("3 tỷ đồng")) != [("3 tỷ đồng", MATCH)]


def test_a_range_no_stored_pair_spans_reads_nothing_for_sure(lai_chau):
    # October to December: 12 − 9 months, and no 9 months is stored
    for printed in ("2,6", "5,6"):  # 12 − 10 and 12 − 6: other spans
        text = f"Từ 1/10 đến 31/12/2025, Lai Châu giải ngân {printed} tỷ đồng."
        assert read(lai_chau, text) != [(f"{printed} tỷ đồng", MATCH)]
