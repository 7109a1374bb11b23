"""An aim's list of actions ("phấn đấu giải ngân trên 95% kế hoạch, thực
hiện 30 đề án, hỗ trợ …"): each item after a comma, a verb with no "đã",
is still aimed at: no figure of the data, never a mismatch with what was
done (lines written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA
from funding.models import Indicator
from tests.funding.checker.checking import E, figures_of, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def lao_cai(reference_data, make_figure):
    """Lào Cai carried out 41 projects in 2024."""
    count = Indicator.objects.get(code="so-de-an")
    return figures_of(make_figure, "Lào Cai", (2024, E, "41"), indicator=count)


def test_an_action_listed_after_an_aim_is_no_data(lao_cai):
    found = dict(
        read(
            lao_cai,
            "Năm 2024 Lào Cai thực hiện 41 đề án. Năm tới phấn đấu giải ngân trên "
            "97% kế hoạch, thực hiện 45 đề án, hỗ trợ các làng nghề.",
        )
    )
    assert found["41 đề án"] == MATCH
    assert found["45 đề án"] == NO_DATA


def test_a_result_after_an_aim_named_as_a_noun_is_checked(lao_cai):
    found = dict(
        read(
            lao_cai,
            "Năm 2024, mục tiêu của Lào Cai là 50 đề án, thực hiện 44 đề án.",
        )
    )
    assert found["44 đề án"] == MISMATCH
