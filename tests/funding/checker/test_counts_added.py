"""Counts are added over the year as amounts are: "quý IV hoàn thành thêm
5 đề án" is the year's count less the count of 9 months (lines written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import E, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def thanh_hoa(reference_data, make_figure):
    """Thanh Hóa's projects done in 2024: 19 by September, 24 in the year."""
    count = Indicator.objects.get(code="so-de-an")
    province = area("Thanh Hóa")
    return [
        make_figure(province, 2024, E, "19", indicator=count, months=9),
        make_figure(province, 2024, E, "24", indicator=count),
    ]


@pytest.mark.parametrize(("added", "verdicts"), [(5, {MATCH}), (6, {MISMATCH, UNSURE})])
def test_projects_added_in_the_last_quarter(thanh_hoa, added, verdicts):
    text = (
        "Năm 2024 Thanh Hóa hoàn thành 24 đề án, trong đó quý IV hoàn thành thêm "
        f"{added} đề án so với 9 tháng."
    )
    assert dict(read(thanh_hoa, text))[f"{added} đề án"] in verdicts


def test_a_count_added_without_an_earlier_one_stored_is_no_mismatch(
    reference_data, make_figure
):
    count = Indicator.objects.get(code="so-de-an")
    figures = [make_figure(area("Thanh Hóa"), 2024, E, "24", indicator=count)]
    text = "Năm 2024 Thanh Hóa hoàn thành 24 đề án; riêng huyện Như Xuân thêm 3 đề án."
    assert dict(read(figures, text))["3 đề án"] in (NO_DATA, UNSURE)
