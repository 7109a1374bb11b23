"""One fund named where the data holds none of that fund for what the
words name, while the other fund's figure gives the number: the funds may
be swapped, or the data lacks a figure, so it is "unsure" naming the other
fund's figure, never a match. Texts written for these tests (Điện Biên:
only the KCQG plan of 2024, 2,5 tỷ đồng, is stored)."""

import pytest

from funding.checker import MATCH, UNSURE
from tests.funding.checker.checking import KCQG, P, figures_of, read_with_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def dien_bien(reference_data, make_figure):
    return figures_of(make_figure, "Điện Biên", (2024, P, "2500000000", KCQG))


def test_the_fund_named_reads_its_figure(dien_bien):
    text = "Năm 2024, nguồn khuyến công quốc gia giao cho Điện Biên là 2,5 tỷ đồng."
    found, _ = read_with_report(dien_bien, text)
    assert found == [("2,5 tỷ đồng", MATCH)]


def test_the_other_fund_named_is_unsure_naming_the_figure(dien_bien):
    text = "Năm 2024, nguồn khuyến công địa phương giao cho Điện Biên là 2,5 tỷ đồng."
    found, report = read_with_report(dien_bien, text)
    assert found == [("2,5 tỷ đồng", UNSURE)]
    figures = {f for r in report.findings[0].readings for f in r.figures}
    assert figures == set(dien_bien)
