"""Where the words about a number stop, and what a multiple is of
(sentences written for these tests):

- "…, giảm 6,25% so với năm 2022 trong khi kế hoạch lại tăng": the words
  after "trong khi" start another clause; its "kế hoạch" is not the base
  of the change before it.
- "gấp 1,25 lần năm 2023 (4 tỷ đồng, đạt 80% kế hoạch)": the year after a
  multiple is its base's, as after "so với": the parenthesis is that year's,
  and the year in force stays the sentence's own for what follows."""

import pytest

from funding.checker import MATCH
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def nghe_an(make_figure):
    """Nghệ An: plans of 5; 5,5 and 6 tỷ for 2022–2024; spent 4,8; 4,5 and 5 tỷ."""
    place = area("Nghệ An")
    return [
        make_figure(place, 2022, P, "5000000000"),
        make_figure(place, 2022, E, "4800000000"),
        make_figure(place, 2023, P, "5000000000"),
        make_figure(place, 2023, E, "4000000000"),
        make_figure(place, 2024, P, "5500000000"),
        make_figure(place, 2024, E, "5000000000"),
    ]


def test_a_clause_after_trong_khi_names_no_base(nghe_an):
    text = (
        "Năm 2023 Nghệ An chỉ chi 4 tỷ đồng, giảm 16,67% so với năm 2022 "
        "trong khi kế hoạch lại giữ nguyên."
    )
    assert paragraph_verdicts(nghe_an, text) == {
        "4 tỷ đồng": MATCH,
        "16,67%": MATCH,
    }


def test_the_year_after_a_multiple_is_its_base(nghe_an):
    text = (
        "Cả năm 2024, Nghệ An chi gấp 1,25 lần năm 2023 (4 tỷ đồng, đạt 80% "
        "kế hoạch); tỷ lệ giải ngân tăng 10,91 điểm phần trăm."
    )
    assert paragraph_verdicts(nghe_an, text) == {
        "gấp 1,25 lần": MATCH,
        "4 tỷ đồng": MATCH,
        "80%": MATCH,
        "10,91 điểm phần trăm": MATCH,
    }
