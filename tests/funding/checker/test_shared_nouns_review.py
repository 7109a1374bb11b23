"""A reviewer's sentences for 868ffd9 (counts printing their noun once,
areas' parts after "trong đó", "(ba) địa phương (cũ) cộng lại", asides
naming old provinces, "Sau hợp nhất" / "khi chưa hợp nhất", owners after
an amount, "năm trước" after a rate), written for the review, not taken
from any corpus: each rule read right, read wrong, and its near misses
(numbers the new rules should leave alone).

Each case asserts what a careful reader would conclude of one printed
number: right → MATCH (or ROUNDING), wrong → MISMATCH or UNSURE, a number
no figure is of → NO_DATA or not read at all.

Run against 868ffd9 and its parent 62bafea: read worse by 868ffd9 (pass
on the parent only): L6, L12 (a "lần lượt" list by star rating / product
group taken as areas' counts), E5 (a pair of another noun after an area's
name taken as the count just printed), S9, S11 (an owner running over "và
năm 2025 …" and taking that year); read wrong by both: E1, E2, E8b, L10,
O3, O4a, O4b, S1a, S2, S4, S7, T2. After the review, a list before a
count needs an area or a year named for each number (L6, L12), a pair is
echoed in the count's sentence only (E5; E3 no longer read), and an owner
runs over "và" only to a capitalised name (S9, S11): ``NOT_READ_YET``."""

import re

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, ROUNDING, UNSURE
from funding.models import Indicator
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

RIGHT = (MATCH, ROUNDING)
FLAGGED = (MISMATCH, UNSURE)
#: not a figure: no verdict on data, or not read at all
NOTHING = (NO_DATA, None)
#: a right number the checker may confirm or leave alone, not flag
NOT_FLAGGED = (MATCH, ROUNDING, NO_DATA, None)


def tỷ(value: str) -> str:
    """ "7,45" → "7450000000" (đồng)."""
    whole, _, part = value.partition(",")
    return str(int(whole) * 10**9 + int((part + "000000000")[:9]))


def verdict_of(found: dict, number: str):
    """The verdict of the number printed as ``number`` (its quote alone, or
    with its noun or unit after it); None when it is not read."""
    for text, verdict in found.items():
        if text == number or re.match(rf"{re.escape(number)}(?:\s|%|$)", text):
            return verdict
    alone = rf"(?<![\d.,]){re.escape(number)}(?!\d|[.,]\d)"
    for text, verdict in found.items():  # "gấp 2,8 lần"
        if re.search(alone, text):
            return verdict
    return None


# --------------------------------------------------------------------------
# fixtures


@pytest.fixture
def central(reference_data, make_figure):
    """2025, the new Gia Lai, Đắk Lắk and Lâm Đồng.

    products chosen: 27, 22, 36 (85); projects done/planned: 47/50, 38/42,
    66/70 (Gia Lai's done: KCQG 12, KCĐP 35); trainees 1.250, 640, 1.515
    (3.405); facilities done/planned 112/120, 87/90, 135/140 (334); fairs
    attended/planned: Gia Lai 6/8, Đắk Lắk 5/6."""
    codes = ("so-san-pham-binh-chon", "so-de-an", "so-luot-dao-tao", "so-co-so-cnnt")
    products, projects, trainees, facilities = (
        Indicator.objects.get(code=c) for c in codes
    )
    fairs = Indicator.objects.get(code="so-hoi-cho")
    rows = {
        "Gia Lai": ("27", "47", "50", "1250", "112", "120"),
        "Đắk Lắk": ("22", "38", "42", "640", "87", "90"),
        "Lâm Đồng": ("36", "66", "70", "1515", "135", "140"),
    }
    figures = []
    for name, (chosen, done, planned, trained, helped, to_help) in rows.items():
        place = area(name)
        figures += [
            make_figure(place, 2025, E, chosen, indicator=products),
            make_figure(place, 2025, E, done, indicator=projects),
            make_figure(place, 2025, P, planned, indicator=projects),
            make_figure(place, 2025, E, trained, indicator=trainees),
            make_figure(place, 2025, E, helped, indicator=facilities),
            make_figure(place, 2025, P, to_help, indicator=facilities),
        ]
    gia_lai = area("Gia Lai")
    figures += [
        make_figure(gia_lai, 2025, E, "12", KCQG, indicator=projects),
        make_figure(gia_lai, 2025, E, "35", KCDP, indicator=projects),
        make_figure(gia_lai, 2025, E, "6", indicator=fairs),
        make_figure(gia_lai, 2025, P, "8", indicator=fairs),
        make_figure(area("Đắk Lắk"), 2025, E, "5", indicator=fairs),
        make_figure(area("Đắk Lắk"), 2025, P, "6", indicator=fairs),
    ]
    return figures


@pytest.fixture
def old_projects(reference_data, make_figure):
    """Before the merger, projects done: Kon Tum 12 (2023), 15 (2024); old
    Gia Lai 18, 25; Bình Định 21, 26 (51 and 66 together). Trainees 2024:
    old Gia Lai 610, Bình Định 690 (1.300)."""
    projects = Indicator.objects.get(code="so-de-an")
    trainees = Indicator.objects.get(code="so-luot-dao-tao")
    figures = []
    for name, (first, second) in {
        "Kon Tum": ("12", "15"),
        "Gia Lai": ("18", "25"),
        "Bình Định": ("21", "26"),
    }.items():
        place = area_before_merger(name)
        figures += [
            make_figure(place, 2023, E, first, indicator=projects),
            make_figure(place, 2024, E, second, indicator=projects),
        ]
    figures += [
        make_figure(area_before_merger("Gia Lai"), 2024, E, "610", indicator=trainees),
        make_figure(
            area_before_merger("Bình Định"), 2024, E, "690", indicator=trainees
        ),
    ]
    return figures


@pytest.fixture
def money(reference_data, make_figure):
    """Money (tỷ đồng).

    Gia Lai: the new one planned 20 and spent 19,36 in 2025, spent 8 in the
    first six months of 2026; old Gia Lai 2024 planned 7,2 (KCQG 1), spent
    6,87 (KCQG 0,9); Bình Định 2024 planned 11,8 (KCQG 1,2), spent 11,27
    (KCQG 1,2); in the first six months of 2025 old Gia Lai spent 3,1 and
    Bình Định 4,2 (7,3 together).
    Đắk Lắk: the new one planned 13,6 and spent 14,2 in 2025; old Đắk Lắk
    spent 7,45 and Phú Yên 5,58 in 2024 (13,03 together)."""
    old_gl, bd = area_before_merger("Gia Lai"), area_before_merger("Bình Định")
    old_dl, py = area_before_merger("Đắk Lắk"), area_before_merger("Phú Yên")
    new_gl, new_dl = area("Gia Lai"), area("Đắk Lắk")
    return [
        make_figure(new_gl, 2025, P, tỷ("20")),
        make_figure(new_gl, 2025, E, tỷ("19,36")),
        make_figure(new_gl, 2026, E, tỷ("8"), months=6),
        make_figure(old_gl, 2024, P, tỷ("7,2")),
        make_figure(old_gl, 2024, E, tỷ("6,87")),
        make_figure(old_gl, 2024, P, tỷ("1"), KCQG),
        make_figure(old_gl, 2024, E, tỷ("0,9"), KCQG),
        make_figure(bd, 2024, P, tỷ("11,8")),
        make_figure(bd, 2024, E, tỷ("11,27")),
        make_figure(bd, 2024, P, tỷ("1,2"), KCQG),
        make_figure(bd, 2024, E, tỷ("1,2"), KCQG),
        make_figure(old_gl, 2025, E, tỷ("3,1"), months=6),
        make_figure(bd, 2025, E, tỷ("4,2"), months=6),
        make_figure(new_dl, 2025, P, tỷ("13,6")),
        make_figure(new_dl, 2025, E, tỷ("14,2")),
        make_figure(old_dl, 2024, E, tỷ("7,45")),
        make_figure(py, 2024, E, tỷ("5,58")),
    ]


@pytest.fixture
def tay_ninh(reference_data, make_figure):
    """Tây Ninh (old Tây Ninh + Long An), 2025: in the first six months,
    before the merger, old Tây Ninh spent 3,1 tỷ (KCQG 0,8), Long An 4,2
    (KCQG 1,2): 7,3 (KCQG 2) together; the new province planned 19 tỷ and
    spent 16,5 in the year."""
    old_tn, la = area_before_merger("Tây Ninh"), area_before_merger("Long An")
    new = area("Tây Ninh")
    return [
        make_figure(old_tn, 2025, E, tỷ("3,1"), months=6),
        make_figure(old_tn, 2025, E, tỷ("0,8"), KCQG, months=6),
        make_figure(la, 2025, E, tỷ("4,2"), months=6),
        make_figure(la, 2025, E, tỷ("1,2"), KCQG, months=6),
        make_figure(new, 2025, P, tỷ("19")),
        make_figure(new, 2025, E, tỷ("16,5")),
    ]


@pytest.fixture
def ho_chi_minh(reference_data, make_figure):
    """2025: the merged city planned 23,5 tỷ and spent 22; its three old
    parts planned 12,7 + 6,5 + 3,6 = 22,8 and spent 5,8426 + 2,9114 +
    1,5872 = 10,3412 in the first six months."""
    city = area("Hồ Chí Minh")
    old = {
        "Hồ Chí Minh": ("12,7", "5,8426"),
        "Bình Dương": ("6,5", "2,9114"),
        "Bà Rịa - Vũng Tàu": ("3,6", "1,5872"),
    }
    figures = [
        make_figure(city, 2025, P, tỷ("23,5")),
        make_figure(city, 2025, E, tỷ("22")),
    ]
    for name, (planned, half) in old.items():
        place = area_before_merger(name)
        figures += [
            make_figure(place, 2025, P, tỷ(planned)),
            make_figure(place, 2025, E, tỷ(half), months=6),
        ]
    return figures


# --------------------------------------------------------------------------
# the cases: (id, fixture, text, {number printed: verdicts allowed})

CASES = [
    # -- counts listed before their noun ----------------------------------
    (
        "L1 list before the noun, right",
        "central",
        "Năm 2025, số sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực của "
        "Gia Lai, Đắk Lắk và Lâm Đồng lần lượt là 27, 22 và 36 sản phẩm.",
        {"27": RIGHT, "22": RIGHT, "36": RIGHT},
    ),
    (
        "L2 list before the noun, wrong middle",
        "central",
        "Năm 2025, số sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực của "
        "Gia Lai, Đắk Lắk và Lâm Đồng lần lượt là 27, 24 và 36 sản phẩm.",
        {"27": RIGHT, "24": FLAGGED},
    ),
    (
        "L3a 'tương ứng' list, right",
        "central",
        "Năm 2025, Gia Lai, Đắk Lắk và Lâm Đồng hoàn thành tương ứng 47, 38 và "
        "66 đề án khuyến công.",
        {"47": RIGHT, "38": RIGHT, "66": RIGHT},
    ),
    (
        "L3b 'tương ứng' list, wrong",
        "central",
        "Năm 2025, Gia Lai, Đắk Lắk và Lâm Đồng hoàn thành tương ứng 47, 83 và "
        "66 đề án khuyến công.",
        {"83": FLAGGED},
    ),
    (
        "L4a list then total, right",
        "central",
        "Năm 2025, số sản phẩm được bình chọn của Gia Lai, Đắk Lắk và Lâm Đồng "
        "lần lượt là 27, 22 và 36, tổng cộng 85 sản phẩm.",
        {"27": RIGHT, "22": RIGHT, "36": RIGHT, "85": RIGHT},
    ),
    (
        "L4b list then total, wrong total",
        "central",
        "Năm 2025, số sản phẩm được bình chọn của Gia Lai, Đắk Lắk và Lâm Đồng "
        "lần lượt là 27, 22 và 36, tổng cộng 58 sản phẩm.",
        {"27": RIGHT, "58": FLAGGED},
    ),
    (
        "L5 near miss: a list by quarter",
        "central",
        "Năm 2025, Đắk Lắk đào tạo, tập huấn 640 lượt người; số lượt người qua "
        "bốn quý lần lượt là 100, 150, 190 và 200 lượt người.",
        {"640": RIGHT, "100": NOTHING, "150": NOTHING, "190": NOTHING},
    ),
    (
        "L6 near miss: a list by star rating",
        "central",
        "Trong 85 sản phẩm được bình chọn năm 2025 của ba tỉnh, số đạt 3 sao, "
        "4 sao và 5 sao lần lượt là 52, 30 và 3 sản phẩm.",
        {"52": NOTHING, "30": NOTHING},
    ),
    (
        "L7 near miss: a list by class",
        "central",
        "Năm 2025, Gia Lai đào tạo 1.250 lượt người; riêng ba lớp cuối năm có "
        "số học viên lần lượt là 25, 30 và 28, tổng cộng 83 lượt người.",
        {"1.250": RIGHT, "25": NOTHING, "30": NOTHING, "28": NOTHING},
    ),
    (
        "L8 near miss: a list by year",
        "old_projects",
        "Kon Tum nghiệm thu lần lượt 12 và 15 đề án trong hai năm 2023 và 2024.",
        {"12": NOT_FLAGGED},
    ),
    (
        "L9 near miss: years listed",
        "central",
        "Các kỳ bình chọn sản phẩm tiêu biểu cấp khu vực lần lượt là 2021, 2023 "
        "và 2025; kỳ gần nhất, Gia Lai có 27 sản phẩm.",
        {"2021": (None,), "2023": (None,), "27": RIGHT},
    ),
    (
        "L10 near miss: rates listed before a count",
        "central",
        "Năm 2025, tỷ lệ đề án hoàn thành của Gia Lai, Đắk Lắk và Lâm Đồng lần "
        "lượt là 94, 90,5 và 94,3%, với tổng số 151 đề án.",
        {"94": NOTHING, "151": RIGHT},
    ),
    (
        "L11 'tương ứng' list of old provinces",
        "old_projects",
        "Năm 2024, Kon Tum, Gia Lai cũ và Bình Định nghiệm thu tương ứng 15, 25 "
        "và 26 đề án.",
        {"15": RIGHT, "25": RIGHT, "26": RIGHT},
    ),
    (
        "L12 near miss: a list by product group",
        "central",
        "Năm 2025, trong 85 sản phẩm được bình chọn của ba tỉnh, nhóm thủ công "
        "mỹ nghệ, chế biến nông sản và cơ khí có lần lượt 40, 35 và 10 sản phẩm.",
        {"40": NOTHING, "35": NOTHING},
    ),
    # -- pairs and changes echoed after an area's name ---------------------
    (
        "E1 pairs after names, right",
        "central",
        "Năm 2025, Lâm Đồng hoàn thành 66/70 đề án, dẫn đầu khu vực; tiếp theo "
        "là Gia Lai 47/50 và Đắk Lắk 38/42.",
        {"47": RIGHT, "50": RIGHT, "38": RIGHT, "42": RIGHT},
    ),
    (
        "E2 pairs after names, wrong",
        "central",
        "Năm 2025, Lâm Đồng hoàn thành 66/70 đề án, dẫn đầu khu vực; tiếp theo "
        "là Gia Lai 47/50 và Đắk Lắk 36/42.",
        {"47": RIGHT, "36": FLAGGED},
    ),
    (
        "E3 pairs in parentheses in the next sentence",
        "central",
        "Năm 2025, Lâm Đồng hoàn thành 66/70 đề án. Hai tỉnh còn lại thấp hơn: "
        "Gia Lai (47/50), Đắk Lắk (38/42).",
        {"47": RIGHT, "38": RIGHT, "42": RIGHT},
    ),
    (
        "E4a changes after names, right",
        "old_projects",
        "Năm 2024, Kon Tum tăng từ 12 lên 15 đề án, Gia Lai cũ từ 18 lên 25, "
        "Bình Định từ 21 lên 26.",
        {"18": RIGHT, "25": RIGHT, "21": RIGHT, "26": RIGHT},
    ),
    (
        "E4b changes after names, wrong",
        "old_projects",
        "Năm 2024, Kon Tum tăng từ 12 lên 15 đề án, Gia Lai cũ từ 18 lên 25, "
        "Bình Định từ 21 lên 28.",
        {"25": RIGHT, "28": FLAGGED},
    ),
    (
        "E5 near miss: pairs of another noun in the next sentence",
        "central",
        "Năm 2025, Lâm Đồng hoàn thành 66/70 đề án. Về cơ sở công nghiệp nông "
        "thôn được hỗ trợ, Gia Lai 112/120, Đắk Lắk 87/90.",
        {"112": NOT_FLAGGED, "87": NOT_FLAGGED},
    ),
    (
        "E6 near miss: decree number and a date after a name",
        "central",
        "Năm 2025, Lâm Đồng hoàn thành 66/70 đề án theo Nghị định "
        "45/2012/NĐ-CP; hội nghị tổng kết khu vực tổ chức tại Đắk Lắk 20/12.",
        {"45": (None,), "2012": (None,), "20": (None,), "12": (None,)},
    ),
    (
        "E7 near miss: phone numbers after a name",
        "central",
        "Năm 2025, Lâm Đồng hoàn thành 66/70 đề án; chi tiết liên hệ Trung tâm "
        "Khuyến công Lâm Đồng, điện thoại 0263.3822.123.",
        {"0263": (None,), "0263.3822.123": (None,)},
    ),
    (
        "E8a small pair after a name (looks like a date), right",
        "central",
        "Năm 2025, Gia Lai tham gia 6/8 hội chợ theo kế hoạch, Đắk Lắk 5/6.",
        {"5": NOT_FLAGGED},
    ),
    (
        "E8b small pair after a name (looks like a date), wrong",
        "central",
        "Năm 2025, Gia Lai tham gia 6/8 hội chợ theo kế hoạch, Đắk Lắk 4/6.",
        {"4": FLAGGED},
    ),
    (
        "E9 near miss: a rank changing after a name",
        "old_projects",
        "Năm 2024, Kon Tum tăng từ 12 lên 15 đề án. Thứ hạng PCI của Bình Định "
        "cũng tăng từ 28 lên 21.",
        {"28": NOTHING, "21": NOTHING},
    ),
    (
        "E10 near miss: a change of another noun after a name, next sentence",
        "old_projects",
        "Năm 2024, Kon Tum tăng từ 12 lên 15 đề án. Về hội chợ, Bình Định tăng "
        "từ 3 lên 5.",
        {"3": NOTHING, "5": NOTHING},
    ),
    # -- areas' parts after "trong đó" / the year compared with ----------------
    (
        "T1a parts after 'trong đó', right",
        "central",
        "Năm 2025, ba tỉnh Tây Nguyên đào tạo, tập huấn 3.405 lượt người, trong "
        "đó Lâm Đồng 1.515, Gia Lai 1.250 và Đắk Lắk 640.",
        {"1.515": RIGHT, "1.250": RIGHT, "640": RIGHT},
    ),
    (
        "T1b parts after 'trong đó', wrong",
        "central",
        "Năm 2025, ba tỉnh Tây Nguyên đào tạo, tập huấn 3.405 lượt người, trong "
        "đó Lâm Đồng 1.515, Gia Lai 1.250 và Đắk Lắk 460.",
        {"1.515": RIGHT, "460": FLAGGED},
    ),
    (
        "T2 parts after 'trong đó' with 'đạt', 'chỉ' and a dash",
        "central",
        "Năm 2025, ba tỉnh hỗ trợ 334 cơ sở công nghiệp nông thôn, trong đó Lâm "
        "Đồng đạt 135, Gia Lai 112, Đắk Lắk chỉ 87 – thấp nhất khu vực.",
        {"135": RIGHT, "112": RIGHT, "87": RIGHT},
    ),
    (
        "T3 near miss: 'trong đó' by sex",
        "central",
        "Năm 2025, Gia Lai đào tạo 1.250 lượt người, trong đó nữ 700, nam 550.",
        {"1.250": RIGHT, "700": NOTHING, "550": NOTHING},
    ),
    (
        "T4 near miss: 'trong đó' by cooperative",
        "central",
        "Năm 2025, Gia Lai có 27 sản phẩm công nghiệp nông thôn tiêu biểu, trong "
        "đó HTX Đồng Tâm 5, HTX Ia Grai 3.",
        {"27": RIGHT, "5": NOTHING, "3": NOTHING},
    ),
    (
        "T5 near miss: 'trong đó' by town of the province",
        "central",
        "Năm 2025, Gia Lai đào tạo 1.250 lượt người, trong đó Pleiku 480, An Khê 210.",
        {"1.250": RIGHT, "480": NOTHING, "210": NOTHING},
    ),
    (
        "T6 near miss: 'trong đó' by fund",
        "central",
        "Năm 2025, Gia Lai hoàn thành 47 đề án, trong đó khuyến công quốc gia "
        "12, khuyến công địa phương 35.",
        {"47": RIGHT, "12": NOT_FLAGGED, "35": NOT_FLAGGED},
    ),
    (
        "T7 near miss: 'trong đó' by organiser, capitalised",
        "central",
        "Năm 2025, Gia Lai hoàn thành 47 đề án, trong đó Sở Công Thương chủ trì "
        "30, UBND các xã 17.",
        {"47": RIGHT, "30": NOTHING, "17": NOTHING},
    ),
    (
        "T8a old provinces' parts after 'trong đó', right",
        "old_projects",
        "Năm 2024, Gia Lai cũ và Bình Định đào tạo 1.300 lượt người, trong đó "
        "Gia Lai cũ 610, Bình Định 690.",
        {"610": RIGHT, "690": RIGHT},
    ),
    (
        "T8b old provinces' parts after 'trong đó', wrong",
        "old_projects",
        "Năm 2024, Gia Lai cũ và Bình Định đào tạo 1.300 lượt người, trong đó "
        "Gia Lai cũ 601, Bình Định 690.",
        {"601": FLAGGED, "690": RIGHT},
    ),
    (
        "T9 parts after the year compared with",
        "old_projects",
        "Năm 2024, ba tỉnh nghiệm thu 66 đề án, tăng từ 51 lên 66 đề án so với "
        "năm 2023 (Kon Tum 12, Gia Lai cũ 18, Bình Định 21).",
        {"12": RIGHT, "18": RIGHT, "21": RIGHT},
    ),
    # -- "(ba) địa phương (cũ) cộng lại", asides, "sau/khi chưa hợp nhất" --------
    (
        "O1 near miss: 'hai địa phương cộng lại' of two new provinces named",
        "central",
        "Năm 2025, Gia Lai đào tạo 1.250 lượt người, Đắk Lắk 640; hai địa "
        "phương cộng lại là 1.890 lượt người.",
        {"1.250": RIGHT, "1.890": NOT_FLAGGED},
    ),
    (
        "O2 near miss: 'Ba địa phương cộng lại' of three new provinces named",
        "central",
        "Năm 2025, Lâm Đồng hỗ trợ 135 cơ sở công nghiệp nông thôn, Gia Lai 112 "
        "và Đắk Lắk 87. Ba địa phương cộng lại hỗ trợ 334 cơ sở.",
        {"135": RIGHT, "334": NOT_FLAGGED},
    ),
    (
        "O3 'hai địa phương cũ cộng lại' after the amount",
        "money",
        "Năm 2025, Gia Lai giải ngân 19,36 tỷ đồng, cao hơn 18,14 tỷ đồng của "
        "hai địa phương cũ cộng lại năm 2024.",
        {"19,36": RIGHT, "18,14": RIGHT},
    ),
    (
        "O4a rate over the old places added up, value in parentheses, right",
        "ho_chi_minh",
        "Năm 2025, TP.HCM được giao 23,5 tỷ đồng, bằng 103% tổng kế hoạch của "
        "ba địa phương cũ cộng lại (22,8 tỷ đồng).",
        {"23,5": RIGHT, "103": RIGHT, "22,8": RIGHT},
    ),
    (
        "O4b rate over the old places added up, wrong rate",
        "ho_chi_minh",
        "Năm 2025, TP.HCM được giao 23,5 tỷ đồng, bằng 130% tổng kế hoạch của "
        "ba địa phương cũ cộng lại (22,8 tỷ đồng).",
        {"130": FLAGGED},
    ),
    (
        "O5a a number inside an aside naming the old places, right",
        "ho_chi_minh",
        "Năm 2025, TP.HCM được giao kế hoạch 23,5 tỷ đồng (ba địa phương cũ "
        "cộng lại là 22,8 tỷ đồng), đến cuối năm giải ngân 22 tỷ đồng.",
        {"23,5": RIGHT, "22,8": RIGHT, "22": RIGHT},
    ),
    (
        "O5b a number inside an aside naming the old places, wrong",
        "ho_chi_minh",
        "Năm 2025, TP.HCM được giao kế hoạch 23,5 tỷ đồng (ba địa phương cũ "
        "cộng lại là 28,2 tỷ đồng), đến cuối năm giải ngân 22 tỷ đồng.",
        {"28,2": FLAGGED, "22": RIGHT},
    ),
    (
        "O6 an aside saying what the number before is made of",
        "ho_chi_minh",
        "Năm 2025, kế hoạch ban đầu là 22,8 tỷ đồng (cộng kế hoạch của ba địa "
        "phương cũ), sau điều chỉnh thành phố được giao 23,5 tỷ đồng.",
        {"22,8": RIGHT, "23,5": RIGHT},
    ),
    (
        "P1 'Sau hợp nhất' brings the merged city back",
        "ho_chi_minh",
        "Sáu tháng đầu năm 2025, ba địa phương cũ cộng lại giải ngân 10,34 tỷ "
        "đồng. Sau hợp nhất, thành phố được giao kế hoạch cả năm 23,5 tỷ đồng.",
        {"10,34": RIGHT, "23,5": RIGHT},
    ),
    (
        "P2 near miss: 'sau hợp nhất' of when figures were gathered",
        "ho_chi_minh",
        "Sáu tháng đầu năm 2025, ba địa phương cũ cộng lại giải ngân 10,34 tỷ "
        "đồng. Theo số liệu Sở Công Thương tổng hợp sau hợp nhất, kế hoạch giao "
        "đầu năm của ba địa phương này là 22,8 tỷ đồng.",
        {"10,34": RIGHT, "22,8": RIGHT},
    ),
    (
        "K1 'khi chưa hợp nhất': the merged province after",
        "tay_ninh",
        "Sáu tháng đầu năm 2025, khi chưa hợp nhất, hai tỉnh cũ cộng lại giải "
        "ngân 7,3 tỷ đồng. Đến cuối năm, giải ngân đạt 16,5 tỷ đồng, bằng 86,8% "
        "kế hoạch.",
        {"7,3": RIGHT, "16,5": RIGHT, "86,8": RIGHT},
    ),
    (
        "K2 near miss: 'khi chưa hợp nhất', the next sentence still the old ones",
        "tay_ninh",
        "Sáu tháng đầu năm 2025, khi chưa hợp nhất, hai tỉnh cũ cộng lại giải "
        "ngân 7,3 tỷ đồng. Riêng nguồn khuyến công quốc gia giải ngân 2 tỷ đồng.",
        {"7,3": RIGHT, "2": RIGHT},
    ),
    (
        "K3 near miss: 'khi chưa hợp nhất', then an old province by its name",
        "tay_ninh",
        "Sáu tháng đầu năm 2025, khi chưa hợp nhất, hai tỉnh cũ cộng lại giải "
        "ngân 7,3 tỷ đồng. Trong đó, Tây Ninh giải ngân 3,1 tỷ đồng, Long An 4,2 "
        "tỷ đồng.",
        {"7,3": RIGHT, "3,1": RIGHT, "4,2": RIGHT},
    ),
    (
        "K4 near miss: 'khi chưa hợp nhất', then 'Riêng Long An'",
        "tay_ninh",
        "Sáu tháng đầu năm 2025, khi chưa hợp nhất, hai tỉnh cũ cộng lại giải "
        "ngân 7,3 tỷ đồng. Riêng Long An giải ngân 4,2 tỷ đồng.",
        {"4,2": RIGHT},
    ),
    # -- owners after an amount ------------------------------------------
    (
        "S1a owner of two old provinces with its year, right",
        "money",
        "Năm 2025, Đắk Lắk giải ngân 14,2 tỷ đồng, tăng 9% so với 13,03 tỷ đồng "
        "của Đắk Lắk cũ và Phú Yên năm 2024.",
        {"14,2": RIGHT, "13,03": RIGHT, "9": RIGHT},
    ),
    (
        "S1b owner of two old provinces with its year, wrong",
        "money",
        "Năm 2025, Đắk Lắk giải ngân 14,2 tỷ đồng, tăng 9% so với 13,30 tỷ đồng "
        "của Đắk Lắk cũ và Phú Yên năm 2024.",
        {"13,30": FLAGGED},
    ),
    (
        "S2 near miss: 'của A cũ và B <number>' is A's",
        "money",
        "Năm 2024, số giải ngân gồm 7,45 tỷ đồng của Đắk Lắk cũ và Phú Yên 5,58 "
        "tỷ đồng.",
        {"7,45": RIGHT, "5,58": RIGHT},
    ),
    (
        "S3 near miss: owner no area ('của Sở Công Thương và các huyện')",
        "money",
        "Năm 2024, Phú Yên giải ngân 5,58 tỷ đồng của Sở Công Thương và các "
        "huyện, thị xã.",
        {"5,58": RIGHT},
    ),
    (
        "S4 near miss: 'của A và 2 tỷ của B', no area owners",
        "money",
        "Năm 2024, Phú Yên giải ngân 5,58 tỷ đồng, gồm 3,58 tỷ đồng của Sở Công "
        "Thương và 2 tỷ đồng của các huyện.",
        {"5,58": RIGHT, "3,58": NOTHING, "2": NOTHING},
    ),
    (
        "S5a owner's year after it, right",
        "money",
        "Năm 2025, Đắk Lắk giải ngân 14,2 tỷ đồng, gấp hơn 2,5 lần con số 5,58 "
        "tỷ đồng của Phú Yên năm 2024.",
        {"14,2": RIGHT, "5,58": RIGHT},
    ),
    (
        "S5b owner's year after it, wrong",
        "money",
        "Năm 2025, Đắk Lắk giải ngân 14,2 tỷ đồng, gấp hơn 2,5 lần con số 5,85 "
        "tỷ đồng của Phú Yên năm 2024.",
        {"5,85": FLAGGED},
    ),
    (
        "S6 owner not an area, then a rate",
        "money",
        "Năm 2025, Gia Lai giải ngân 19,36 tỷ đồng của Chương trình khuyến công, "
        "đạt 96,8% kế hoạch.",
        {"19,36": RIGHT, "96,8": RIGHT},
    ),
    (
        "S7 a fund's plan owned by two old provinces",
        "money",
        "Năm 2024, vốn khuyến công quốc gia giải ngân 2,1 tỷ đồng, đạt 95,5% "
        "tổng kế hoạch 2,2 tỷ đồng của Gia Lai cũ và Bình Định.",
        {"2,2": RIGHT, "95,5": RIGHT},
    ),
    (
        "S8 owners' years after each amount",
        "money",
        "Kế hoạch 20 tỷ đồng của Gia Lai năm 2025 tăng gần gấp ba so với 7,2 tỷ "
        "đồng của Gia Lai cũ năm 2024.",
        {"20": RIGHT, "7,2": RIGHT},
    ),
    (
        "S9 near miss: 'của <owner> và năm 2025 …'",
        "money",
        "Năm 2024, Bình Định giải ngân 11,27 tỷ đồng của ngân sách tỉnh và năm "
        "2025 dự kiến tăng thêm.",
        {"11,27": RIGHT},
    ),
    (
        "S10 near miss: 'của tỉnh cũ và doanh nghiệp' is no list of areas",
        "money",
        "Năm 2024, Gia Lai cũ giải ngân 6,87 tỷ đồng của tỉnh cũ và doanh nghiệp "
        "đối ứng, đạt 95,4% kế hoạch.",
        {"6,87": RIGHT, "95,4": RIGHT},
    ),
    (
        "S11 near miss: 'của tỉnh và năm 2026 …' names the next year",
        "money",
        "Năm 2025, Gia Lai giải ngân 19,36 tỷ đồng của tỉnh và năm 2026 dự kiến "
        "bố trí cao hơn.",
        {"19,36": RIGHT},
    ),
    # -- rates and "năm trước" --------------------------------------------
    (
        "R1a change over last year's old provinces together, right",
        "money",
        "Sáu tháng đầu năm 2026, Gia Lai giải ngân 8 tỷ đồng, tăng 9,6% so với "
        "cùng kỳ năm trước của hai tỉnh cũ cộng lại.",
        {"9,6": RIGHT},
    ),
    (
        "R1b change over last year's old provinces together, wrong",
        "money",
        "Sáu tháng đầu năm 2026, Gia Lai giải ngân 8 tỷ đồng, tăng 6,9% so với "
        "cùng kỳ năm trước của hai tỉnh cũ cộng lại.",
        {"6,9": FLAGGED},
    ),
    (
        "R2 near miss: 'năm trước' after a rate over the plan",
        "money",
        "Năm 2025, Gia Lai giải ngân 19,36 tỷ đồng, thấp hơn 3,2% so với kế "
        "hoạch, trong khi năm trước hai tỉnh cũ đều vượt kế hoạch.",
        {"19,36": RIGHT, "3,2": RIGHT},
    ),
    (
        "R3a a multiple of an old province's last year, right",
        "money",
        "Năm 2025, Gia Lai giải ngân 19,36 tỷ đồng, gấp 2,8 lần số giải ngân "
        "của Gia Lai cũ năm trước.",
        {"2,8": RIGHT},
    ),
    (
        "R3b a multiple of an old province's last year, wrong",
        "money",
        "Năm 2025, Gia Lai giải ngân 19,36 tỷ đồng, gấp 3,8 lần số giải ngân "
        "của Gia Lai cũ năm trước.",
        {"3,8": FLAGGED},
    ),
    (
        "R4 near miss: 'năm trước' of the next clause, rate over the plan",
        "money",
        "Năm 2025, Đắk Lắk giải ngân 14,2 tỷ đồng, vượt 4,4% kế hoạch; năm "
        "trước, Phú Yên giải ngân 5,58 tỷ đồng.",
        {"14,2": RIGHT, "4,4": RIGHT, "5,58": RIGHT},
    ),
    (
        "R5 near miss: 'năm trước' after a rate over another area",
        "money",
        "Năm 2025, Gia Lai giải ngân 19,36 tỷ đồng, cao hơn 36% so với Đắk Lắk "
        "(14,2 tỷ đồng), dù năm trước Phú Yên và Đắk Lắk cũ giải ngân ít hơn.",
        {"19,36": RIGHT, "36": RIGHT, "14,2": RIGHT},
    ),
    (
        "R6 a multiple of another old province's last year",
        "money",
        "Năm 2025, Đắk Lắk giải ngân 14,2 tỷ đồng, gấp hơn 2 lần Gia Lai cũ năm trước.",
        {"14,2": RIGHT, "2": RIGHT},
    ),
]


#: cases not read right yet (strict: one read right turns its test red until
#: it is taken out of here), by the first word of its id
NOT_READ_YET = {
    "E1": "a pair followed by 'và' is not echoed (a word after it)",
    "E2": "as E1",
    "E3": "the sentence after a count is not read for its pairs: it may count"
    " another noun (E5)",
    "E8b": "a small pair after a name (6/8, 4/6) may be a date: left alone",
    "L10": "rates listed before a count; the three provinces' total unsure",
    "T2": "words between the count's noun and 'trong đó': parts not read",
    "O3": "'hai địa phương cũ cộng lại' after the amount: no data",
    "O4a": "a rate over the old places added up, value in parentheses: no data",
    "O4b": "as O4a",
    "S1a": "a change over an amount owned by two old provinces: no data",
    "S2": "'của A cũ và B 5,58 tỷ đồng': B's amount unsure",
    "S4": "'2 tỷ đồng của các huyện': unsure",
    "S7": "a rate over a fund's plan owned by two old provinces: no data",
}


def _marks(case_id: str) -> list:
    reason = NOT_READ_YET.get(case_id.split()[0])
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


@pytest.mark.parametrize(
    ("fixture", "text", "expected"),
    [pytest.param(f, t, e, id=i, marks=_marks(i)) for i, f, t, e in CASES],
)
def test_case(request, fixture, text, expected):
    figures = request.getfixturevalue(fixture)
    found = paragraph_verdicts(figures, text)
    wrong = {
        number: verdict_of(found, number)
        for number, allowed in expected.items()
        if verdict_of(found, number) not in allowed
    }
    assert not wrong, f"read {wrong}; all: {found}"
