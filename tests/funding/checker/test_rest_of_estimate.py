"""What is left after the year's estimate: "Ước thực hiện cả năm 20.874
triệu đồng …; số còn lại 626 triệu đồng" is the plan less the estimate,
and the same number in tỷ is a unit slip of it (a text written for these
tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import EST, E, P, area, check

pytestmark = pytest.mark.django_db


@pytest.fixture
def dong_thap(reference_data, make_figure):
    """Đồng Tháp 2025: 21,5 tỷ đồng planned, 8,4867 tỷ spent in six months,
    20,874 tỷ estimated for the year."""
    province = area("Đồng Tháp")
    return [
        make_figure(province, 2025, P, "21500000000"),
        make_figure(province, 2025, E, "8486700000", months=6),
        make_figure(province, 2025, EST, "20874000000"),
    ]


def text(rest):
    return (
        "Năm 2025, Đồng Tháp ước thực hiện cả năm 20.874 triệu đồng, đạt 97,09% "
        f"dự toán. Số còn lại {rest} thuộc 3 đề án chưa đủ điều kiện nghiệm thu."
    )


def test_the_rest_after_the_estimate(dong_thap):
    report = check(dong_thap, text("626 triệu đồng"))
    found = {f.quote.text: f for f in report.findings}
    assert found["626 triệu đồng"].verdict == MATCH
    assert found["626 triệu đồng"].reading.expected == "626 triệu đồng"


def test_the_rest_in_the_wrong_unit_is_flagged(dong_thap):
    report = check(dong_thap, text("626 tỷ đồng"))
    finding = next(f for f in report.findings if f.quote.text == "626 tỷ đồng")
    assert finding.verdict in (MISMATCH, UNSURE)
    # the plan less the estimate among the readings it names
    assert {P, EST} in [{f.measure for f in r.figures} for r in finding.readings]
