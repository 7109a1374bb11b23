"""The checker completes a fund triple like the pages do: a province with
KCQG and KCĐP figures but no "Tất cả nguồn" one is checked against the
derived total (issue 13), and a wrong total is not a match."""

import pytest

from funding.api import MATCH, MISMATCH, UNSURE
from funding.models import Figure
from tests.funding.checker.checking import area_before_merger, check

pytestmark = pytest.mark.django_db

BILLION = 10**9
EXECUTED = Figure.Measure.EXECUTED


@pytest.fixture
def two_funds(reference_data, make_figure):
    area = area_before_merger("Đắk Lắk")
    return [
        make_figure(area, 2021, EXECUTED, 1_500_000_000, source=Figure.Fund.KCQG),
        make_figure(area, 2021, EXECUTED, 2_500_000_000, source=Figure.Fund.KCDP),
    ]


def only_finding(figures, text):
    (finding,) = check(figures, text).findings
    return finding


def test_the_total_of_both_funds_is_checked_against_the_derived_figure(two_funds):
    finding = only_finding(
        two_funds,
        "Năm 2021, tổng kinh phí khuyến công tỉnh Đắk Lắk thực hiện 4 tỷ đồng.",
    )
    assert finding.verdict == MATCH
    # Read from both stored figures, not from a stored total.
    assert set(finding.readings[0].figures) == set(two_funds)


def test_a_wrong_total_is_not_a_match(two_funds):
    finding = only_finding(
        two_funds,
        "Năm 2021, tổng kinh phí khuyến công tỉnh Đắk Lắk thực hiện 5 tỷ đồng.",
    )
    assert finding.verdict in (MISMATCH, UNSURE)
    assert "4" in finding.expected or any("4" in r.expected for r in finding.readings)
