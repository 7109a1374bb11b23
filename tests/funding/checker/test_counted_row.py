"""A table whose caption gives a money unit to its year columns ("Kinh phí
(triệu đồng) và số đề án") and whose row "Số đề án …" counts a noun: the
row's cells are counts, not amounts of the caption's unit (a table written
for this test)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area, read_html

pytestmark = pytest.mark.django_db

TABLE = (
    "<table><caption>Kinh phí khuyến công tỉnh Lai Châu (triệu đồng) và số đề án"
    "</caption><tr><th></th><th>2024</th><th>2025</th></tr>"
    "<tr><td>Kinh phí giải ngân</td><td>3.150</td><td>3.420</td></tr>"
    "<tr><td>Số đề án thực hiện</td><td>{first}</td><td>{second}</td></tr>"
    "</table>"
)


@pytest.fixture
def lai_chau(reference_data, make_figure):
    province = area("Lai Châu")
    count = Indicator.objects.get(unit=Indicator.Unit.COUNT, count_noun="đề án")
    return [
        make_figure(province, 2024, P, "3300000000"),
        make_figure(province, 2024, E, "3150000000"),
        make_figure(province, 2025, E, "3420000000"),
        make_figure(province, 2024, E, "14", indicator=count),
        make_figure(province, 2025, E, "17", indicator=count),
    ]


def test_a_counted_row_under_a_money_caption_reads_counts(lai_chau):
    found = read_html(lai_chau, TABLE.format(first="14", second="17"))
    assert found == [
        ("3.150", MATCH),
        ("3.420", MATCH),
        ("14", MATCH),
        ("17", MATCH),
    ]


def test_a_wrong_count_of_the_row_is_flagged(lai_chau):
    found = dict(read_html(lai_chau, TABLE.format(first="14", second="16")))
    assert found["16"] in (MISMATCH, UNSURE)
