"""A year carried from a sentence before ("Về năm 2023, …") names the year;
the whole year is named only by that same word, so it counts once: a count
that a later paragraph prints as the figure of the months in force (its
exact value) is not outranked by the carried year's figure (lines written
for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area, paragraph_verdicts, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def ninh_binh(reference_data, make_figure):
    """Projects in Ninh Bình: 2025 planned 64, 58 done by October; 2023
    planned 70, 67 done."""
    count = Indicator.objects.get(code="so-de-an")
    province = area("Ninh Bình")
    return [
        make_figure(province, 2025, P, "64", indicator=count),
        make_figure(province, 2025, E, "58", indicator=count, months=10),
        make_figure(province, 2023, P, "70", indicator=count),
        make_figure(province, 2023, E, "67", indicator=count),
    ]


TEXT = (
    "Đến hết tháng 10/2025, Ninh Bình đã triển khai các đề án theo kế hoạch. "
    "Về năm 2023, tỉnh chỉ hoàn thành phần lớn số đề án được giao.\n\n"
    "Về đề án, tỉnh đã nghiệm thu {done}/64 đề án ({rate}), bám sát tiến độ."
)


def test_a_carried_year_does_not_outrank_the_exact_count(ninh_binh):
    found = dict(read(ninh_binh, TEXT.format(done=58, rate="90,63%")))
    assert found["58"] == MATCH
    assert found["90,63%"] == MATCH


def test_the_same_text_with_a_wrong_rate_is_still_a_mismatch(ninh_binh):
    found = dict(read(ninh_binh, TEXT.format(done=58, rate="96,63%")))
    assert found["96,63%"] == MISMATCH


def test_the_carried_year_still_reads_a_count_with_no_other_reading(ninh_binh):
    found = paragraph_verdicts(ninh_binh, "Về năm 2023, Ninh Bình hoàn thành 67 đề án.")
    assert found == {"67 đề án": MATCH}
