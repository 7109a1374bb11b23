"""A mismatch blocks publishing, so the checker is sure of one only when
the printed number looks like a slip of its reading (a digit changed or
two swapped, one off in the last place, a unit, a sign) or is plainly
another number its own clause names; a number merely close to its reading
is "unsure" with the reading (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, P, area, read_with_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def dien_bien(reference_data, make_figure):
    """6,84 of 7,2 tỷ: 95,00% of the plan."""
    province = area("Điện Biên")
    return [
        make_figure(province, 2024, P, "7200000000"),
        make_figure(province, 2024, E, "6840000000"),
    ]


RATE = "Năm 2024, tỉnh Điện Biên giải ngân kinh phí khuyến công đạt {} kế hoạch."


@pytest.mark.parametrize(
    ("printed", "verdict"),
    [
        ("95%", MATCH),
        ("95,3%", MISMATCH),  # one digit changed
        ("59,0%", MISMATCH),  # two digits swapped
        ("82,6%", UNSURE),  # plainly another rate, for no cause
        ("94,4%", UNSURE),  # close, no slip of the pen: other inputs?
        ("95,62%", UNSURE),
    ],
)
def test_a_rate_close_to_its_reading_is_unsure_unless_a_slip(
    dien_bien, printed, verdict
):
    found, report = read_with_report(dien_bien, RATE.format(printed))
    assert found == [(printed, verdict)]
    if verdict == UNSURE:  # the editor is shown the reading to confirm
        assert report.findings[0].readings[0].expected.startswith("95,0")


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the area and the year come from the sentence before: 8,9 tỷ is
        # 1,3 times the 6,84 tỷ executed, as likely another figure
        ("Tỉnh Điện Biên tổng kết năm 2024. Phần đã thực hiện là 8,9 tỷ đồng.", UNSURE),
        # the same words, but a slip of the pen (6,84 with two digits swapped)
        (
            "Tỉnh Điện Biên tổng kết năm 2024. Phần đã thực hiện là 6,48 tỷ đồng.",
            MISMATCH,
        ),
        # its own clause names the area, the year and the measure, but 8,9
        # tỷ is no slip of 6,84 tỷ nor a figure next to it: no cause
        ("Năm 2024, Điện Biên thực hiện 8,9 tỷ đồng.", UNSURE),
    ],
)
def test_an_amount_off_its_reading_is_sure_when_its_own_clause_names_it(
    dien_bien, text, verdict
):
    found, report = read_with_report(dien_bien, text)
    assert [v for _t, v in found] == [verdict]
    assert report.findings[0].readings[0].expected.startswith("6,8")


def test_a_number_that_is_another_figure_its_own_clause_allows_is_unsure(
    reference_data, make_figure
):
    # only the carried year and province pick Lai Châu 2024 (5,8 tỷ); the
    # printed 4,9 tỷ is Sơn La's 2023 figure, which the clause's own words
    # ("kinh phí khuyến công thực hiện") name as well: ask, naming both
    lai_chau, son_la = area("Lai Châu"), area("Sơn La")
    figures = [
        make_figure(lai_chau, 2024, P, "6150000000"),
        make_figure(lai_chau, 2024, E, "5800000000"),
        make_figure(son_la, 2023, E, "4900000000"),
    ]
    found, report = read_with_report(
        figures,
        "Năm 2024, tỉnh Lai Châu tổng kết khuyến công. Kinh phí khuyến công "
        "thực hiện 4,9 tỷ đồng.",
    )
    assert found == [("4,9 tỷ đồng", UNSURE)]
    named = [r.expected for r in report.findings[0].readings[:2]]
    assert named == ["5,8 tỷ đồng", "4,9 tỷ đồng"]
