"""An aim's next item after a comma, a bound ("phấn đấu giải ngân trên 95%
kế hoạch, thực hiện ít nhất 30 đề án"), is still aimed at: no figure of the
data, never a mismatch with what was done (lines written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA
from funding.models import Indicator
from tests.funding.checker.checking import E, figures_of, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def quang_ninh(reference_data, make_figure):
    """Quảng Ninh carried out 36 projects in 2024."""
    count = Indicator.objects.get(code="so-de-an")
    return figures_of(make_figure, "Quảng Ninh", (2024, E, "36"), indicator=count)


def test_a_bound_after_an_aim_is_no_data(quang_ninh):
    found = dict(
        read(
            quang_ninh,
            "Năm 2024 Quảng Ninh thực hiện 36 đề án; thời gian tới, tỉnh phấn đấu "
            "giải ngân trên 95% kế hoạch, thực hiện ít nhất 30 đề án.",
        )
    )
    assert found["36 đề án"] == MATCH
    assert found["30 đề án"] == NO_DATA


def test_a_bound_on_what_was_done_is_still_checked(quang_ninh):
    found = dict(
        read(
            quang_ninh,
            "Năm 2024, tỉnh phấn đấu giải ngân hết kế hoạch, đã thực hiện ít nhất "
            "30 đề án.",
        )
    )
    assert found["30 đề án"] == MISMATCH


def test_an_above_bound_after_an_aim_is_no_data(quang_ninh):
    found = dict(
        read(
            quang_ninh,
            "Năm 2024 Quảng Ninh thực hiện 36 đề án; tỉnh phấn đấu hoàn thành "
            "kế hoạch vốn, hỗ trợ trên 38 đề án.",
        )
    )
    assert found["36 đề án"] == MATCH
    assert found["38 đề án"] == NO_DATA
