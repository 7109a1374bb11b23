""" "tăng từ 20 đề án của năm 2022" with no "lên" after it: the number is
where the count rose from, the year named right after it (not one the
sentence compares with later), not an increase (sentences written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import E, area, read_with_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(reference_data, make_figure):
    province = area("Cao Bằng")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(province, year, E, value, indicator=count)
        for year, value in ((2021, "14"), (2022, "20"), (2023, "27"))
    ]


TEXT = (
    "Năm 2023, tỉnh Cao Bằng thực hiện 27 đề án khuyến công, tăng từ {} của "
    "năm 2022, và gần gấp đôi so với năm 2021."
)


@pytest.mark.parametrize(("printed", "verdict"), [("20", MATCH), ("21", MISMATCH)])
def test_the_count_it_rose_from_is_of_the_year_named_after_it(
    projects, printed, verdict
):
    found, report = read_with_report(projects, TEXT.format(f"{printed} đề án"))
    assert found[:2] == [("27 đề án", MATCH), (f"{printed} đề án", verdict)]
    if verdict == MISMATCH:
        assert report.findings[1].expected == "20 đề án"
