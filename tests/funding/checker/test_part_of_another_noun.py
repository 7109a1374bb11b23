"""A part after "trong đó có" counted with a noun of its own ("20 đề án,
trong đó có 5 mô hình trình diễn"): its noun tells it apart from the
whole, so a wrong count is flagged, not left as no data (sentences
written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects_and_models(make_figure):
    """Sơn La's 2025 plan: 20 projects, 5 of them demonstration models."""
    province = area("Sơn La")

    def count(noun, value):
        indicator = Indicator.objects.get(unit=Indicator.Unit.COUNT, count_noun=noun)
        return make_figure(province, 2025, P, value, indicator=indicator)

    return [count("đề án", "20"), count("mô hình trình diễn", "5")]


@pytest.mark.parametrize(
    ("printed", "verdicts"), [("5", {MATCH}), ("6", {MISMATCH, UNSURE})]
)
def test_a_part_with_a_noun_of_its_own(projects_and_models, printed, verdicts):
    found = paragraph_verdicts(
        projects_and_models,
        "Kế hoạch năm 2025 của Sơn La gồm 20 đề án, trong đó có "
        f"{printed} mô hình trình diễn kỹ thuật.",
    )
    assert found[f"{printed} mô hình trình diễn"] in verdicts
