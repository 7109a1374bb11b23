"""Words the checker read too eagerly: "lũy kế" of a plan ("kế hoạch
giao lũy kế") and "lũy kế tháng N" (the months up to N), a fund's
abbreviation after the amount ("2 tỷ đồng NSTW"), one month's part of a
year ("riêng tháng 11": that month less the months before it, "tháng 11
năm 2025" still that month), and "lượt" heading another noun ("lượt truy
cập") once "lượt người" was printed."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.checker.report import NO_DATA, ROUNDING, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import KCDP, KCQG, E, P, area, read

pytestmark = pytest.mark.django_db
OK = {MATCH, ROUNDING}


@pytest.fixture
def hoa_binh(reference_data, make_figure):
    p = area("Phú Thọ")
    projects = Indicator.objects.get(code="so-de-an")
    trained = Indicator.objects.get(code="so-luot-dao-tao")
    return [
        make_figure(p, 2025, P, "12000000000"),
        make_figure(p, 2025, E, "11000000000"),
        make_figure(p, 2025, E, "8000000000", months=9),
        make_figure(p, 2025, E, "9500000000", months=10),
        make_figure(p, 2025, P, "5000000000", KCQG),
        make_figure(p, 2025, E, "4800000000", KCQG),
        make_figure(p, 2025, E, "3900000000", KCQG, months=10),
        make_figure(p, 2025, E, "4200000000", KCQG, months=11),
        make_figure(p, 2025, P, "7000000000", KCDP),
        make_figure(p, 2025, E, "6200000000", KCDP),
        make_figure(p, 2025, P, "25", indicator=projects),
        make_figure(p, 2025, E, "21", indicator=projects),
        make_figure(p, 2025, P, "900", indicator=trained),
        make_figure(p, 2025, E, "850", indicator=trained),
    ]


def _verdicts(figures, text):
    return dict(read(figures, text))


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        (
            "Năm 2025, Phú Thọ có kế hoạch vốn lũy kế qua các đợt là 12 tỷ đồng.",
            "12 tỷ đồng",
        ),
        ("Năm 2025, dự toán giao lũy kế cho Phú Thọ: 12 tỷ đồng.", "12 tỷ đồng"),
        ("Năm 2025, Phú Thọ được giao lũy kế 25 đề án.", "25 đề án"),
    ],
)
def test_cumulative_plan_is_the_plan(hoa_binh, text, printed):
    assert _verdicts(hoa_binh, text)[printed] in OK


def test_cumulative_to_a_month_is_that_period(hoa_binh):
    text = "Năm 2025, vốn khuyến công quốc gia lũy kế tháng 10 của Phú Thọ đạt 3,9 tỷ đồng."
    assert _verdicts(hoa_binh, text)["3,9 tỷ đồng"] in OK


def test_cumulative_is_still_what_was_spent(hoa_binh):
    text = "Năm 2025, lũy kế Phú Thọ đạt 11 tỷ đồng."
    assert _verdicts(hoa_binh, text)["11 tỷ đồng"] in OK


def test_fund_abbreviation_after_the_amount(hoa_binh):
    text = "Năm 2025, Phú Thọ được giao 7 tỷ đồng NSĐP và 5 tỷ đồng NSTW."
    found = _verdicts(hoa_binh, text)
    assert (found["7 tỷ đồng"], found["5 tỷ đồng"]) in [(a, b) for a in OK for b in OK]


@pytest.mark.parametrize(
    ("amount", "verdicts"),
    [("300 triệu đồng", OK), ("450 triệu đồng", {MISMATCH, UNSURE})],
)
def test_one_month_of_a_fund(hoa_binh, amount, verdicts):
    text = (
        "Đến hết tháng 11/2025, KCQG của Phú Thọ giải ngân 4,2 tỷ đồng; "
        f"riêng KCQG tháng 11 giải ngân {amount}."
    )
    assert _verdicts(hoa_binh, text)[amount] in verdicts


def test_one_month_with_its_year_after(hoa_binh):
    text = "Riêng tháng 10 năm 2025, Phú Thọ giải ngân 1,5 tỷ đồng."
    assert _verdicts(hoa_binh, text)["1,5 tỷ đồng"] in OK


def test_lượt_heading_another_noun(hoa_binh):
    text = "Năm 2025, Phú Thọ đào tạo 850 lượt người; trang tin khuyến công có 900 lượt truy cập."
    found = _verdicts(hoa_binh, text)
    assert found["850 lượt người"] in OK
    assert found.get("900 lượt", NO_DATA) not in {MISMATCH, UNSURE, MATCH}
