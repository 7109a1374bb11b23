""" "Vốn quốc gia" names the national fund as "nguồn quốc gia" does: an
amount after it is the KCQG figure (or the total less the KCĐP one when
only those are stored), never the local one (sentences written for these
tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import KCDP, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def son_la_plan(make_figure):
    """Sơn La plans 11,5 tỷ for 2025, 8,3 tỷ of it local (3,2 tỷ national)."""
    here = area("Sơn La")
    return [
        make_figure(here, 2025, P, "11500000000"),
        make_figure(here, 2025, P, "8300000000", KCDP),
    ]


def test_the_national_part_is_the_total_less_the_local(son_la_plan):
    found = paragraph_verdicts(
        son_la_plan,
        "Kế hoạch năm 2025 của Sơn La là 11,5 tỷ đồng, trong đó phần ngân sách "
        "địa phương 8,3 tỷ đồng, nên phần vốn quốc gia là 3,2 tỷ đồng.",
    )
    assert found == {"11,5 tỷ đồng": MATCH, "8,3 tỷ đồng": MATCH, "3,2 tỷ đồng": MATCH}


def test_the_local_amount_named_national_is_wrong(son_la_plan):
    found = paragraph_verdicts(
        son_la_plan,
        "Kế hoạch năm 2025 của Sơn La là 11,5 tỷ đồng, trong đó vốn quốc gia "
        "8,3 tỷ đồng.",
    )
    assert found["8,3 tỷ đồng"] == MISMATCH


@pytest.mark.parametrize(
    "text",
    [
        # the national fund set aside ("ngoài", "bên cạnh", "không kể"), the
        # local one named after the number: the local amount
        "Năm 2025, ngoài vốn quốc gia, tỉnh Sơn La bố trí 8,3 tỷ đồng từ ngân "
        "sách địa phương cho khuyến công.",
        "Năm 2025, ngoài nguồn quốc gia, tỉnh Sơn La bố trí 8,3 tỷ đồng từ ngân "
        "sách địa phương cho khuyến công.",
        "Ngoài vốn quốc gia, năm 2025 Sơn La còn bố trí 8,3 tỷ đồng ngân sách "
        "địa phương cho khuyến công.",
        "Năm 2025, bên cạnh vốn quốc gia, ngân sách địa phương của Sơn La dành "
        "8,3 tỷ đồng cho khuyến công.",
        "Năm 2025, không kể nguồn quốc gia, Sơn La bố trí 8,3 tỷ đồng từ vốn "
        "địa phương.",
    ],
)
def test_a_fund_set_aside_is_not_the_amounts(son_la_plan, text):
    assert paragraph_verdicts(son_la_plan, text)["8,3 tỷ đồng"] == MATCH


def test_a_fund_set_aside_still_checks_the_other(son_la_plan):
    """Excluding the national fund leaves the local one: 3,2 tỷ is wrong."""
    found = paragraph_verdicts(
        son_la_plan,
        "Năm 2025, ngoài vốn quốc gia, tỉnh Sơn La bố trí 3,2 tỷ đồng từ ngân "
        "sách địa phương cho khuyến công.",
    )
    assert found["3,2 tỷ đồng"] == MISMATCH


@pytest.mark.parametrize(
    "text",
    [
        "Kế hoạch năm 2025 của Sơn La (không tính vốn quốc gia) là 8,3 tỷ đồng.",
        "Năm 2025, Sơn La không được phân bổ vốn quốc gia mà tự cân đối 8,3 tỷ "
        "đồng ngân sách tỉnh.",
        # a counterpart beside the national fund: the province's own
        "Năm 2025, ngân sách tỉnh Sơn La đối ứng 8,3 tỷ đồng cùng vốn quốc gia "
        "cho các đề án khuyến công.",
    ],
)
def test_the_national_fund_named_but_not_the_amounts(son_la_plan, text):
    assert paragraph_verdicts(son_la_plan, text)["8,3 tỷ đồng"] != MISMATCH
