"""An average yearly rate ("tăng bình quân 9%/năm") is no change between
two figures: it is not judged against one (sentences written for these
tests)."""

import pytest

from funding.checker import MATCH, NO_DATA
from tests.funding.checker.checking import E, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def nghe_an(make_figure):
    """Nghệ An spent 3 tỷ in 2021 and 4,5 tỷ in 2024."""
    place = area("Nghệ An")
    return [
        make_figure(place, 2021, E, "3000000000"),
        make_figure(place, 2024, E, "4500000000"),
    ]


@pytest.mark.parametrize(
    "words",
    ["tăng bình quân 14,47%/năm", "tăng trung bình 14,47% mỗi năm"],
)
def test_an_average_yearly_rate_is_not_judged(nghe_an, words):
    text = f"Kinh phí năm 2024 của Nghệ An gấp 1,5 lần năm 2021, tốc độ {words}."
    found = paragraph_verdicts(nghe_an, text)
    assert found["gấp 1,5 lần"] == MATCH
    assert found["14,47%"] == NO_DATA
