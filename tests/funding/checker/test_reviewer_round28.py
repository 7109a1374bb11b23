"""Sentences written against the rules of the 28th round: a spending verb
beats the participle after its amount, "TH" inside a company's name, the
year compared with, years spelled out together, carried parts of a year,
old provinces in order, labels that are no counts. Figures are made up."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING, UNSURE
from funding.core.models import Indicator
from tests.funding.checker.checking import (
    KCDP,
    KCQG,
    E,
    P,
    area,
    area_before_merger,
    read,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def thanh_hoa(reference_data, make_figure):
    """Thanh Hoá: 2024 plan 12 tỷ, spent 10,5 (9 months 6); 2023 plan 11,
    spent 9,6; projects 2024 plan 50, done 45 (9 months 30); 2023 done 41."""
    province = area("Thanh Hóa")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(province, 2023, P, "11000000000"),
        make_figure(province, 2023, E, "9600000000"),
        make_figure(province, 2024, P, "12000000000"),
        make_figure(province, 2024, E, "10500000000"),
        make_figure(province, 2024, E, "6000000000", months=9),
        make_figure(province, 2024, P, "4000000000", KCQG),
        make_figure(province, 2024, E, "3600000000", KCQG),
        make_figure(province, 2024, P, "8000000000", KCDP),
        make_figure(province, 2024, E, "6900000000", KCDP),
        make_figure(province, 2024, P, "50", indicator=count),
        make_figure(province, 2024, E, "45", indicator=count),
        make_figure(province, 2024, E, "30", months=9, indicator=count),
        make_figure(province, 2023, E, "41", indicator=count),
        make_figure(province, 2023, P, "44", indicator=count),
    ]


def verdicts(figures, text):
    return [verdict for _, verdict in read(figures, text)]


# 1. the spending verb governs the amount; "được giao" only says where from
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Năm 2024, Thanh Hóa đã giải ngân 10,5 tỷ đồng được phân bổ.", [MATCH]),
        ("Năm 2024, Thanh Hóa giải ngân hết 12 tỷ đồng được giao.", [MISMATCH]),
        (
            "Năm 2024, Thanh Hóa đã chi 10,5 tỷ đồng được duyệt cho khuyến công.",
            [MATCH],
        ),
        # must not fire: the plan after "trên" stays the plan
        ("Năm 2024, Thanh Hóa có 12 tỷ đồng được phân bổ.", [MATCH]),
    ],
)
def test_spending_verb_beats_the_participle(thanh_hoa, text, expected):
    assert verdicts(thanh_hoa, text) == expected


def test_the_plan_after_tren_stays_the_plan(thanh_hoa):
    found = verdicts(
        thanh_hoa,
        "Năm 2024, Thanh Hóa giải ngân 10,5 tỷ đồng trên 12 tỷ đồng được giao.",
    )
    assert found[0] == MATCH and found[1] in (MATCH, ROUNDING)


# 2. "TH"/"KH" before a capitalised word is a name, no bulletin label
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Năm 2024, Thanh Hóa cùng TH True Milk đầu tư 12 tỷ đồng cho nhà máy.",
            [MATCH],
        ),
        ("Năm 2024, Thanh Hóa mời KH Group góp 10,5 tỷ đồng.", [MATCH]),
        # must still fire: the bulletin's labels
        ("Năm 2024, Thanh Hóa: TH 10.500 tr.đ; KH 12.000 tr.đ.", [MATCH, MATCH]),
        ("Năm 2024, Thanh Hóa: TH 12.000 tr.đ; KH 10.500 tr.đ.", [MISMATCH, MISMATCH]),
    ],
)
def test_th_before_a_name(thanh_hoa, text, expected):
    assert verdicts(thanh_hoa, text) == expected


@pytest.fixture
def ha_tinh_merged(reference_data, make_figure):
    """Merged Lào Cai 2025: plan 12 tỷ; old Lào Cai and Yên Bái spent 3,2
    and 1,8 tỷ in the first six months (5 tỷ together)."""
    return [
        make_figure(area("Lào Cai"), 2025, P, "12000000000"),
        make_figure(area("Lào Cai"), 2025, E, "5000000000", months=6),
        make_figure(area_before_merger("Lào Cai"), 2025, P, "6500000000"),
        make_figure(area_before_merger("Yên Bái"), 2025, P, "4900000000"),
        make_figure(area_before_merger("Lào Cai"), 2025, E, "3200000000", months=6),
        make_figure(area_before_merger("Yên Bái"), 2025, E, "1800000000", months=6),
    ]


# 6. old provinces "lần lượt", and a count of them the data does not hold
@pytest.mark.parametrize(
    "text",
    [
        "6 tháng đầu năm 2025, Lào Cai giải ngân 5 tỷ đồng, trong đó hai tỉnh cũ "
        "lần lượt 3,2 tỷ đồng và 1,8 tỷ đồng.",
        "Năm 2025, kế hoạch của ba tỉnh cũ là 11,4 tỷ đồng.",
    ],
)
def test_old_provinces_never_a_false_mismatch(ha_tinh_merged, text):
    found = read(ha_tinh_merged, text)
    assert found and all(v != MISMATCH for _, v in found)
    assert all(v != MATCH for q, v in found if q == "11,4 tỷ đồng")


def test_two_old_provinces_still_add_up(ha_tinh_merged):
    found = verdicts(
        ha_tinh_merged, "Năm 2025, kế hoạch của hai tỉnh cũ là 11,4 tỷ đồng."
    )
    assert found == [MATCH]
    wrong = verdicts(
        ha_tinh_merged, "Năm 2025, kế hoạch của hai tỉnh cũ là 12,4 tỷ đồng."
    )
    assert wrong == [MISMATCH]


# 4. years spelled out together are summed; "lần lượt" maps them in order
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trong hai năm 2023 và 2024, Thanh Hóa đã giải ngân 20,1 tỷ đồng.", [MATCH]),
        ("Hai năm 2023-2024, Thanh Hóa đã giải ngân 20,1 tỷ đồng.", [MATCH]),
        ("Từ năm 2023 đến năm 2024, Thanh Hóa thực hiện 86 đề án.", [MATCH]),
        ("Từ năm 2023 đến năm 2024, Thanh Hóa thực hiện 96 đề án.", [MISMATCH]),
        (
            "Năm 2023 và năm 2024, Thanh Hóa lần lượt giải ngân 9,6 tỷ đồng và 10,5 tỷ đồng.",
            [MATCH, MATCH],
        ),
        (
            "Năm 2023 và năm 2024, Thanh Hóa lần lượt giải ngân 10,5 tỷ đồng và 9,6 tỷ đồng.",
            [MISMATCH, MISMATCH],
        ),
    ],
)
def test_years_spelled_out_together(thanh_hoa, text, expected):
    assert verdicts(thanh_hoa, text) == expected


def test_one_year_named_is_no_span(thanh_hoa):
    # must not fire: "hai năm" of something else, a single year after it
    assert verdicts(thanh_hoa, "Năm 2024, Thanh Hóa giải ngân 10,5 tỷ đồng.") == [MATCH]


def test_a_rate_of_the_money_plan_after_a_count(thanh_hoa):
    # "kế hoạch vốn" is the money's plan: 20,1 of 23 tỷ, not 86 of 94 đề án
    text = "Giai đoạn 2023-2024, Thanh Hóa thực hiện 86 đề án, đạt {} kế hoạch vốn."
    assert verdicts(thanh_hoa, text.format("87,39%"))[1] != MISMATCH
    assert verdicts(thanh_hoa, text.format("91,49%"))[1] != MATCH
    # must not fire: "kế hoạch" alone after a count is the count's plan
    plain = "Giai đoạn 2023-2024, Thanh Hóa thực hiện 86 đề án, đạt 91,49% kế hoạch."
    assert verdicts(thanh_hoa, plain) == [MATCH, MATCH]


# 5. a carried part of the year reading otherwise: the whole year is no match
@pytest.mark.parametrize(
    "rate, expected",
    [
        ("50%", MATCH),  # the nine months' 6 of 12 tỷ
        ("87,5%", UNSURE),  # the whole year's 10,5 of 12 tỷ: maybe meant
    ],
)
def test_the_whole_year_after_a_carried_part(thanh_hoa, rate, expected):
    text = (
        f"9 tháng năm 2024, Thanh Hóa giải ngân 6 tỷ đồng. Tỷ lệ giải ngân đạt {rate} "
        "kế hoạch."
    )
    assert dict(read(thanh_hoa, text))[rate] == expected


def test_the_whole_year_named_reads_the_year(thanh_hoa):
    # must not fire: the year named in the rate's own sentence
    text = (
        "9 tháng năm 2024, Thanh Hóa giải ngân 6 tỷ đồng. Cả năm 2024, tỷ lệ giải "
        "ngân đạt 87,5% kế hoạch."
    )
    assert dict(read(thanh_hoa, text))["87,5%"] == MATCH


# 7. a label ending on a date, a phone or a code counts nothing
@pytest.mark.parametrize(
    "line",
    [
        "Đề án khởi công ngày: 12",
        "Hotline đề án: 1800",
        "Đề án phê duyệt năm: 2024",
        "Mã đề án: 45",
        "Đề án nghiệm thu tháng: 11",
    ],
)
def test_a_label_that_counts_nothing(thanh_hoa, line):
    assert read(thanh_hoa, f"Thanh Hóa, năm 2024.\n{line}.") == []


def test_a_count_label_still_counts(thanh_hoa):
    # must still fire: the label names what was done and planned
    found = read(thanh_hoa, "Thanh Hóa, năm 2024.\nĐề án hoàn thành: 45/50.")
    assert found == [("45", MATCH), ("50", MATCH)]


# 3. "tăng/giảm so với năm X là N": N may be year X's own figure
@pytest.mark.parametrize(
    "text, expected",
    [
        # the compared year's figure: 9,6 tỷ in 2023
        (
            "Năm 2024 Thanh Hóa giải ngân 10,5 tỷ đồng, tăng so với năm 2023 là 9,6 tỷ đồng.",
            MATCH,
        ),
        # the difference: 0,9 tỷ
        (
            "Năm 2024 Thanh Hóa giải ngân 10,5 tỷ đồng, tăng so với năm 2023 là 0,9 tỷ đồng.",
            MATCH,
        ),
        # neither: never a sure match
        (
            "Năm 2024 Thanh Hóa giải ngân 10,5 tỷ đồng, tăng so với năm 2023 là 7,3 tỷ đồng.",
            None,
        ),
    ],
)
def test_the_year_compared_with_named_by_la(thanh_hoa, text, expected):
    found = read(thanh_hoa, text)
    assert found[0] == ("10,5 tỷ đồng", MATCH)
    if expected:
        assert found[1][1] == expected
    else:
        assert found[1][1] in (MISMATCH, UNSURE)


def test_old_provinces_in_turn_are_each_one_of_them(ha_tinh_merged):
    text = (
        "6 tháng đầu năm 2025, Lào Cai giải ngân 5 tỷ đồng, trong đó hai tỉnh cũ "
        "lần lượt {} tỷ đồng và 1,8 tỷ đồng."
    )
    assert verdicts(ha_tinh_merged, text.format("3,2")) == [MATCH, MATCH, MATCH]
    # must not match: no old province spent 4,1 tỷ
    assert verdicts(ha_tinh_merged, text.format("4,1"))[1] != MATCH


def test_years_together_then_in_turn(thanh_hoa):
    # "lần lượt" after the span: one value a year, no sum
    text = (
        "Trong hai năm 2023 và 2024, Thanh Hóa lần lượt giải ngân 9,6 tỷ đồng và "
        "10,5 tỷ đồng."
    )
    assert verdicts(thanh_hoa, text) == [MATCH, MATCH]


def test_old_provinces_in_turn_then_added(ha_tinh_merged):
    # "cộng" after the values in turn: both old provinces added up
    text = (
        "6 tháng đầu năm 2025, hai tỉnh cũ giải ngân lần lượt 3,2 và 1,8 tỷ đồng, "
        "cộng {} tỷ đồng."
    )
    assert verdicts(ha_tinh_merged, text.format("5"))[-1] == MATCH
    assert verdicts(ha_tinh_merged, text.format("5,6"))[-1] != MATCH
