"""A counted noun of three words named once, then shortened to its first
two later in the sentence ("4 mô hình trình diễn, năm trước là 5 mô
hình"): the shortened count is found and checked (lines written for these
tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import E, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def models(reference_data, make_figure):
    """Phú Thọ's demonstration models: 5 in 2024, 4 in 2025."""
    count = Indicator.objects.get(code="so-mo-hinh-trinh-dien")
    province = area("Phú Thọ")
    return [
        make_figure(province, 2024, E, "5", indicator=count),
        make_figure(province, 2025, E, "4", indicator=count),
    ]


def test_a_count_shortened_later_in_the_sentence_is_read(models):
    found = read(
        models,
        "Năm 2025 Phú Thọ xây dựng 4 mô hình trình diễn kỹ thuật, năm 2024 là "
        "5 mô hình.",
    )
    assert found == [("4 mô hình trình diễn", MATCH), ("5 mô hình", MATCH)]


def test_a_wrong_shortened_count_is_flagged(models):
    found = read(
        models,
        "Năm 2025 Phú Thọ xây dựng 4 mô hình trình diễn kỹ thuật, năm 2024 là "
        "6 mô hình.",
    )
    assert found[1] == ("6 mô hình", MISMATCH)
