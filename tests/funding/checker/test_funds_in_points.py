"""Two funds' rates compared in points ("tỷ lệ giải ngân nguồn quốc gia cao
hơn nguồn địa phương 1 điểm phần trăm"): the first fund's rate less the
second's, of the year, though bullets before named 9 months (lines written
for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import KCDP, KCQG, E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def lang_son(reference_data, make_figure):
    """Lạng Sơn 2024: KCQG 1,9 of 2 tỷ đồng (95%), KCĐP 4,7 of 5 (94%)."""
    province = area("Lạng Sơn")
    return [
        make_figure(province, 2024, P, "2000000000", KCQG),
        make_figure(province, 2024, P, "5000000000", KCDP),
        make_figure(province, 2024, E, "1900000000", KCQG),
        make_figure(province, 2024, E, "4700000000", KCDP),
        make_figure(province, 2024, E, "1000000000", KCQG, months=9),
        make_figure(province, 2024, E, "3000000000", KCDP, months=9),
    ]


_BULLETS = (
    "Năm 2024 Lạng Sơn:\n- Nguồn khuyến công quốc gia: giải ngân 1.900.000.000 "
    "đồng, đạt 95% kế hoạch; riêng 9 tháng đầu năm giải ngân 1.000.000.000 đồng.\n"
    "- Nguồn khuyến công địa phương: giải ngân 4.700.000.000 đồng, đạt 94% kế "
    "hoạch, trong 9 tháng đầu năm là 3.000.000.000 đồng.\n"
)


@pytest.mark.parametrize(
    ("word", "verdicts"), [("cao hơn", {MATCH}), ("thấp hơn", {MISMATCH, UNSURE})]
)
def test_one_funds_rate_against_the_others(lang_son, word, verdicts):
    text = _BULLETS + (
        f"Tỷ lệ giải ngân nguồn quốc gia {word} nguồn địa phương 1 điểm phần trăm."
    )
    assert dict(read(lang_son, text))["1 điểm phần trăm"] in verdicts


@pytest.mark.parametrize(
    ("word", "verdicts"), [("thấp hơn", {MATCH}), ("cao hơn", {MISMATCH, UNSURE})]
)
def test_the_subjects_fund_against_the_one_after_the_comparative(
    lang_son, word, verdicts
):
    text = (
        "Năm 2024, nguồn khuyến công địa phương của Lạng Sơn giải ngân 4,7/5 tỷ "
        f"đồng, đạt 94%, {word} nguồn quốc gia 1 điểm phần trăm."
    )
    assert dict(read(lang_son, text))["1 điểm phần trăm"] in verdicts


def test_this_fund_is_the_one_named_before(lang_son, make_figure):
    # "nguồn này": the national fund of the sentence before, 2 of 7 tỷ planned
    whole = make_figure(area("Lạng Sơn"), 2024, P, "7000000000")
    found = read(
        [*lang_son, whole],
        "Năm nay Lạng Sơn được giao 7 tỷ đồng, trong đó nguồn khuyến công quốc "
        "gia 2 tỷ đồng. Nguồn quốc gia giải ngân nhanh hơn. Nguồn này chiếm "
        "28,57% kế hoạch, đã giải ngân 1,9 tỷ đồng.",
    )
    assert found[2] == ("28,57%", MATCH)
