"""After a merger: a year compared with after "cao hơn tổng kế hoạch" is
not the year in force after the sentence; a paragraph that names the old
provinces together and then the province as it is now ("toàn tỉnh") is of
the latter; two funds compared in points with "nguồn" before the second
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import (
    KCDP,
    KCQG,
    E,
    P,
    area,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db

FLAGGED = (MISMATCH, UNSURE)


@pytest.fixture
def hung_yen(reference_data, make_figure):
    """The old Hưng Yên and Thái Bình: 2024 plans 11 + 9 tỷ (the old Hưng
    Yên's KCQG 3 tỷ; it spent 10, KCQG 2,7: KCĐP 91,25%), six months of 2025
    spent 5 + 4 tỷ; the new Hưng Yên's 2025 plan 22 tỷ (KCQG 5, KCĐP
    17), spent by October 18 tỷ (KCQG 4: 80%; KCĐP 14: 82,35%)."""
    old_hy, old_tb = area_before_merger("Hưng Yên"), area_before_merger("Thái Bình")
    new = area("Hưng Yên")
    return [
        make_figure(old_hy, 2024, P, "11000000000"),
        make_figure(old_tb, 2024, P, "9000000000"),
        make_figure(old_hy, 2024, P, "3000000000", KCQG),
        make_figure(old_hy, 2024, E, "10000000000"),
        make_figure(old_hy, 2024, E, "2700000000", KCQG),
        make_figure(old_hy, 2025, E, "5000000000", months=6),
        make_figure(old_tb, 2025, E, "4000000000", months=6),
        make_figure(new, 2025, P, "22000000000"),
        make_figure(new, 2025, P, "5000000000", KCQG),
        make_figure(new, 2025, P, "17000000000", KCDP),
        make_figure(new, 2025, E, "18000000000", months=10),
        make_figure(new, 2025, E, "4000000000", KCQG, months=10),
    ]


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("82,35%", (MATCH,)), ("84,35%", FLAGGED)],
    ids=["right", "wrong"],
)
def test_a_year_compared_with_after_a_total_is_not_carried(hung_yen, printed, verdicts):
    text = (
        "Năm 2025, kế hoạch khuyến công của tỉnh Hưng Yên là 22 tỷ đồng, cao hơn "
        "tổng kế hoạch năm 2024 của hai tỉnh cũ 10%. Sau 10 tháng, nguồn KCQG giải "
        f"ngân 4 tỷ đồng, đạt 80% kế hoạch; nguồn KCĐP đạt {printed}."
    )
    found = paragraph_verdicts(hung_yen, text)
    assert found["10%"] == MATCH
    assert found["80%"] == MATCH
    assert found[printed] in verdicts


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("2,35 điểm phần trăm", (MATCH,)), ("3,35 điểm phần trăm", FLAGGED)],
    ids=["right", "wrong"],
)
def test_the_whole_province_after_its_old_ones(hung_yen, printed, verdicts):
    text = (
        "Năm 2025, kế hoạch khuyến công của tỉnh Hưng Yên là 22 tỷ đồng. Sáu "
        "tháng đầu năm, hai tỉnh cũ giải ngân 9 tỷ đồng. Lũy kế 10 tháng, toàn "
        "tỉnh giải ngân 18 tỷ đồng, trong đó nguồn KCQG 4 tỷ đồng. Như vậy, tỷ lệ "
        f"giải ngân nguồn KCQG thấp hơn nguồn KCĐP {printed}."
    )
    found = paragraph_verdicts(hung_yen, text)
    assert found["9 tỷ đồng"] == MATCH
    assert found[printed] in verdicts


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("22 tỷ đồng", (MATCH,)), ("20 tỷ đồng", FLAGGED)],
    ids=["right", "wrong"],
)
def test_the_provinces_a_merged_one_was_made_of_are_no_subject(
    hung_yen, printed, verdicts
):
    text = (
        "Tỉnh Hưng Yên mới, thành lập từ ngày 1/7/2025 trên cơ sở hợp nhất Hưng "
        "Yên và Thái Bình theo Nghị quyết 202/2025/QH15, có kế hoạch khuyến công "
        f"năm 2025 là {printed}."
    )
    assert paragraph_verdicts(hung_yen, text)[printed] in verdicts
