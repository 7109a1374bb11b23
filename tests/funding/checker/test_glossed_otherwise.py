"""A label whose gloss names the other fund ("Vốn quốc gia (KCĐP): 2,1 tỷ
đồng") says two things: the number may be of either fund, so even a value
that agrees with one is unsure, not a match (lines written for these
tests)."""

import pytest

from funding.checker import MATCH, UNSURE
from tests.funding.checker.checking import KCDP, KCQG, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def funds(make_figure):
    province = area("Hà Tĩnh")
    return [
        make_figure(province, 2024, P, "2100000000", source=KCQG),
        make_figure(province, 2024, P, "6300000000", source=KCDP),
    ]


@pytest.mark.parametrize(("gloss", "verdict"), [("KCQG", MATCH), ("KCĐP", UNSURE)])
def test_a_fund_glossed_by_the_other_fund_is_unsure(funds, gloss, verdict):
    found = paragraph_verdicts(
        funds, f"Hà Tĩnh, kế hoạch năm 2024 – vốn quốc gia ({gloss}): 2,1 tỷ đồng."
    )
    assert found["2,1 tỷ đồng"] == verdict


@pytest.mark.parametrize(
    ("gloss", "verdict"), [("quốc gia", MATCH), ("địa phương", UNSURE)]
)
def test_a_gloss_after_a_few_words_and_the_funds_long_name(funds, gloss, verdict):
    found = paragraph_verdicts(
        funds,
        "Năm 2024, Hà Tĩnh nhận vốn trung ương bố trí (nguồn khuyến công "
        f"{gloss}) 2,1 tỷ đồng.",
    )
    assert found["2,1 tỷ đồng"] == verdict
