"""What is left, named after the number ("12 đề án còn lại đang chờ
nghiệm thu"): the plan less what was done in the period in force
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(reference_data, make_figure):
    """Hà Tĩnh plans 40 projects for 2025; 28 done after 8 months."""
    province = area("Hà Tĩnh")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(province, 2025, P, "40", indicator=count),
        make_figure(province, 2025, E, "28", months=8, indicator=count),
    ]


TEXT = (
    "Hết tháng 8/2025, Hà Tĩnh đã nghiệm thu 28/40 đề án khuyến công; "
    "{} còn lại đang hoàn thiện hồ sơ."
)


@pytest.mark.parametrize(("printed", "verdict"), [("12", MATCH), ("13", MISMATCH)])
def test_the_rest_named_after_a_count(projects, printed, verdict):
    found = paragraph_verdicts(projects, TEXT.format(f"{printed} đề án"))
    assert found[f"{printed} đề án"] == verdict
