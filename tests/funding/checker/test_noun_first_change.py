""" "Số đề án hoàn thành tăng từ 21 lên 25 so với quý trước": the counts of
a change whose noun was named before it are found even when the sentence
goes on after the second number with words of its own ("so với …",
"trong …"); a unit or a noun right after it still makes it another thing
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import E, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(reference_data, make_figure):
    """Điện Biên: 25 projects done in 2025."""
    count = Indicator.objects.get(unit=Indicator.Unit.COUNT, count_noun="đề án")
    return [make_figure(area("Điện Biên"), 2025, E, "25", indicator=count)]


@pytest.mark.parametrize(("done", "verdict"), [("25", MATCH), ("26", MISMATCH)])
@pytest.mark.parametrize("tail", ["so với dự kiến ban đầu", "trong quý IV"])
def test_the_counts_before_a_comparison(projects, done, verdict, tail):
    text = f"Năm 2025, số đề án của tỉnh Điện Biên tăng từ 21 lên {done} {tail}."
    found = dict(read(projects, text))
    assert found[done] == verdict
    assert "21" in found


def test_an_amount_after_the_change_is_no_count(projects):
    text = "Năm 2025, số đề án tăng từ 21 lên 25 tỷ đồng vốn."
    assert "25" not in dict(read(projects, text))
