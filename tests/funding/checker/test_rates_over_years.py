"""A rate over several years named together is the rate of their sums
("cả giai đoạn 2023–2024 đạt 86,9% kế hoạch"), one year's rate then only
a guess. Texts written for these tests (Điện Biên: 7 of 8 tỷ đồng spent in
2023, 7,252 of 8,4 in 2024; together 14,252 of 16,4, 86,90%)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import check, quoted_verdicts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Cả giai đoạn 2023–2024, Điện Biên giải ngân đạt 86,9% kế hoạch.",
        "Hai năm 2023 và 2024, kinh phí khuyến công của Điện Biên đạt 86,9% kế hoạch.",
    ],
)
def test_a_rate_over_a_span_of_years_is_the_rate_of_their_sums(
    dien_bien_2021_to_2024, text
):
    report = check(dien_bien_2021_to_2024, text)
    assert quoted_verdicts(report)[-1] == ("86,9%", MATCH)
    finding = report.findings[-1]
    assert finding.readings[0].ident.startswith("ratio:(sum:")
    assert len(finding.figures) == 4


def test_one_years_rate_is_still_read_for_one_year(dien_bien_2021_to_2024):
    text = "Năm 2024, Điện Biên giải ngân đạt 86,9% kế hoạch."
    assert quoted_verdicts(check(dien_bien_2021_to_2024, text)) == [("86,9%", MISMATCH)]


def test_a_wrong_rate_over_a_span_is_no_confident_match(dien_bien_2021_to_2024):
    text = "Cả giai đoạn 2023–2024, Điện Biên giải ngân đạt 80,9% kế hoạch."
    assert quoted_verdicts(check(dien_bien_2021_to_2024, text))[-1][1] in (
        MISMATCH,
        UNSURE,
    )
