""" "tăng từ 20 đề án của năm 2022" with no "lên" after it: the number is
where the count rose from, the year named right after it (not one the
sentence compares with later), not an increase (sentences written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, Checker
from funding.models import Area, Figure, Indicator

pytestmark = pytest.mark.django_db

E = Figure.Measure.EXECUTED


@pytest.fixture
def projects(reference_data, make_figure):
    province = Area.objects.get(short_name="Cao Bằng", valid_to=None)
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
    report = Checker(projects).check_parts([("body", TEXT.format(f"{printed} đề án"))])
    found = [(f.quote.text, f.verdict) for f in report.findings]
    assert found[:2] == [("27 đề án", MATCH), (f"{printed} đề án", verdict)]
    if verdict == MISMATCH:
        assert report.findings[1].expected == "20 đề án"
