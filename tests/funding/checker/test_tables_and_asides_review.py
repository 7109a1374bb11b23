"""Review of the rules of "tables and asides" (an aside after a spaced dash,
"con số X mà …", a caption clause naming years and areas, "Chưa giải ngân"
before "Tỷ lệ giải ngân", a second comparison of the same fund, a bare
number compared with in parentheses, a row's unit cell, a rate column naming
a plan, a caption's legend of units): each case where the rule must apply,
and near-misses where it must not, each printed right and printed wrong
(sentences and tables written for this review)."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import (
    EST,
    KCDP,
    KCQG,
    E,
    P,
    area,
    area_before_merger,
    html_verdicts,
)

pytestmark = pytest.mark.django_db

FLAGGED = (MISMATCH, UNSURE)
RIGHT = (MATCH, ROUNDING)


# ---------------------------------------------------------------- fixtures


@pytest.fixture
def lao_cai(reference_data, make_figure):
    """Merged Lào Cai 2025: plan 12 tỷ, spent 11,43 (95,25%), estimate 11,5;
    old provinces' 2025 plans 5,2 + 6,45 (11,65); 2024 the old provinces:
    plans 5 + 6 (11), spent 4,8 + 5,7 (10,5)."""
    old, yen_bai = area_before_merger("Lào Cai"), area_before_merger("Yên Bái")
    return [
        make_figure(area("Lào Cai"), 2025, P, "12000000000"),
        make_figure(area("Lào Cai"), 2025, E, "11430000000"),
        make_figure(area("Lào Cai"), 2025, EST, "11500000000"),
        make_figure(old, 2025, P, "5200000000"),
        make_figure(yen_bai, 2025, P, "6450000000"),
        make_figure(old, 2024, P, "5000000000"),
        make_figure(yen_bai, 2024, P, "6000000000"),
        make_figure(old, 2024, E, "4800000000"),
        make_figure(yen_bai, 2024, E, "5700000000"),
    ]


@pytest.fixture
def ca_mau(reference_data, make_figure):
    """Merged Cà Mau 2025: plan 20 tỷ, spent 18,5 (92,5%), estimate 19; old
    Cà Mau + Bạc Liêu 2024: plans 9 + 7 (16), spent 8,6 + 6,9 (15,5); 2023:
    plans 8 + 6 (14), spent 7,5 + 5,8 (13,3)."""
    old, bac_lieu = area_before_merger("Cà Mau"), area_before_merger("Bạc Liêu")
    return [
        make_figure(area("Cà Mau"), 2025, P, "20000000000"),
        make_figure(area("Cà Mau"), 2025, E, "18500000000"),
        make_figure(area("Cà Mau"), 2025, EST, "19000000000"),
        make_figure(old, 2024, P, "9000000000"),
        make_figure(bac_lieu, 2024, P, "7000000000"),
        make_figure(old, 2024, E, "8600000000"),
        make_figure(bac_lieu, 2024, E, "6900000000"),
        make_figure(old, 2023, P, "8000000000"),
        make_figure(bac_lieu, 2023, P, "6000000000"),
        make_figure(old, 2023, E, "7500000000"),
        make_figure(bac_lieu, 2023, E, "5800000000"),
    ]


@pytest.fixture
def dien_bien_funds(reference_data, make_figure):
    """Điện Biên 2025: KCQG 3.000 / 2.610 triệu (87%), KCĐP 5.000 / 4.900
    (98%); 2024: KCQG 2.800 / 2.688 (96%), KCĐP 4.800 / 4.464 (93%)."""
    place = area("Điện Biên")
    return [
        make_figure(place, 2025, P, "3000000000", source=KCQG),
        make_figure(place, 2025, E, "2610000000", source=KCQG),
        make_figure(place, 2025, P, "5000000000", source=KCDP),
        make_figure(place, 2025, E, "4900000000", source=KCDP),
        make_figure(place, 2024, P, "2800000000", source=KCQG),
        make_figure(place, 2024, E, "2688000000", source=KCQG),
        make_figure(place, 2024, P, "4800000000", source=KCDP),
        make_figure(place, 2024, E, "4464000000", source=KCDP),
    ]


@pytest.fixture
def dien_bien_half_year(reference_data, make_figure):
    """Điện Biên 2025: plan 8.000 triệu and 20 đề án; by June 3.200 triệu
    (40%) and 9 đề án (45%)."""
    place, projects = area("Điện Biên"), Indicator.objects.get(code="so-de-an")
    return [
        make_figure(place, 2025, P, "8000000000"),
        make_figure(place, 2025, E, "3200000000", months=6),
        make_figure(place, 2025, P, "20", indicator=projects),
        make_figure(place, 2025, E, "9", months=6, indicator=projects),
    ]


@pytest.fixture
def two_provinces_2025(reference_data, make_figure):
    """Điện Biên 2025: 13,2 / 12,8746 tỷ (97,53%); Sơn La 10 / 9 (90%)."""
    return [
        make_figure(area("Điện Biên"), 2025, P, "13200000000"),
        make_figure(area("Điện Biên"), 2025, E, "12874600000"),
        make_figure(area("Sơn La"), 2025, P, "10000000000"),
        make_figure(area("Sơn La"), 2025, E, "9000000000"),
    ]


# ------------------------------------------------------------------ cases
# (id, fixture, html with one "{}", right printing, wrong printing,
#  verdicts the right printing may have, other numbers' verdicts when right)


def para(text):
    return "<p>" + text + "</p>"


def table(caption, head, rows, before=""):
    cap = f"<caption>{caption}</caption>" if caption else ""
    th = "".join(f"<th>{h}</th>" for h in head)
    trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"{before}<table>{cap}<tr>{th}</tr>{trs}</table>"


CASES = [
    # ---- R1: no base of a rate past a spaced dash
    (
        "R1-apply-emdash-then-year",
        "ca_mau",
        para(
            "Năm 2025, tỉnh Cà Mau giải ngân 18,5 tỷ đồng, đạt {} kế hoạch — so với "
            "năm 2024 của hai tỉnh cũ thì tăng 3 tỷ đồng."
        ),
        "92,5%",
        "95,2%",
        RIGHT,
        {"18,5 tỷ đồng": RIGHT},
    ),
    (
        "R1-apply-endash-estimate-aside",
        "ca_mau",
        para(
            "Tính đến hết năm 2025, Cà Mau đã giải ngân 18,5 tỷ đồng vốn khuyến công, "
            "bằng {} kế hoạch vốn – thấp hơn mức 19 tỷ đồng mà Sở Công Thương ước "
            "thực hiện hồi tháng 9."
        ),
        # wrong: the rate of the estimate named in the aside (18,5/19)
        "92,5%",
        "97,37%",
        RIGHT,
        {"18,5 tỷ đồng": RIGHT},
    ),
    (
        "R1-apply-aside-names-old-plans",
        "lao_cai",
        para(
            "Lào Cai giải ngân 11,43 tỷ đồng, đạt {} kế hoạch năm – cao hơn tổng kế "
            "hoạch 11,65 tỷ đồng mà hai tỉnh cũ được giao đầu năm."
        ),
        # wrong: the rate of the old provinces' plans (11,43/11,65)
        "95,25%",
        "98,11%",
        RIGHT,
        {"11,43 tỷ đồng": RIGHT},
    ),
    (
        "R1-near-base-after-dash",
        "lao_cai",
        para(
            "Năm 2025, Lào Cai giải ngân 11,43 tỷ đồng, đạt {} – tính trên số ước "
            "thực hiện cả năm mà Sở Tài chính đưa ra hồi tháng 10."
        ),
        "99,39%",
        "99,93%",
        RIGHT,
        {"11,43 tỷ đồng": RIGHT},
    ),
    (
        "R1-near-fund-after-dash",
        "dien_bien_funds",
        para(
            "Năm 2025, tỷ lệ giải ngân của tỉnh Điện Biên đạt {} – tính riêng nguồn "
            "vốn khuyến công địa phương."
        ),
        "98%",
        "87%",
        RIGHT,
        {},
    ),
    (
        "R1-near-range-dash",
        "dien_bien_2021_to_2024",
        para(
            "Điện Biên giải ngân tổng cộng 14,252 tỷ đồng, đạt {} kế hoạch hai năm "
            "2023 – 2024."
        ),
        "86,9%",
        "89,6%",
        RIGHT,
        {},
    ),
    # ---- R2: "con số X mà <giver> <verb>" takes the giver's measure
    (
        "R2-apply-uoc-dat",
        "lao_cai",
        para(
            "Theo Sở Công Thương, con số {} mà ngành chức năng ước đạt trong năm "
            "2025 vẫn cao hơn số thực tế giải ngân là 11,43 tỷ đồng."
        ),
        # wrong: the plan's value, called an estimate
        "11,5 tỷ đồng",
        "12 tỷ đồng",
        RIGHT,
        {"11,43 tỷ đồng": RIGHT},
    ),
    (
        "R2-apply-so-lieu-uoc-thuc-hien",
        "ca_mau",
        para(
            "Số liệu {} mà UBND tỉnh Cà Mau ước thực hiện trong năm 2025 đã được "
            "đưa vào báo cáo gửi Bộ Công Thương."
        ),
        "19 tỷ đồng",
        "20 tỷ đồng",
        RIGHT,
        {},
    ),
    (
        "R2-apply-giao",
        "lao_cai",
        para(
            "Con số {} mà Bộ Công Thương và UBND tỉnh giao cho Lào Cai năm 2025 là "
            "mức cao nhất từ trước đến nay."
        ),
        # wrong: the estimate, called what was given
        "12 tỷ đồng",
        "11,5 tỷ đồng",
        RIGHT,
        {},
    ),
    (
        "R2-apply-estimate-in-9-month-report",
        "ca_mau",
        para(
            "Con số {} mà Sở Công Thương Cà Mau ước tính trong báo cáo 9 tháng là "
            "khả thi đối với cả năm 2025."
        ),
        "19 tỷ đồng",
        "18,5 tỷ đồng",
        RIGHT,
        {},
    ),
    (
        "R2-near-ma-means-but",
        "lao_cai",
        para(
            "Năm 2025, Lào Cai giải ngân được con số {} mà không phải điều chỉnh "
            "kế hoạch vốn."
        ),
        "11,43 tỷ đồng",
        "11,34 tỷ đồng",
        RIGHT,
        {},
    ),
    (
        "R2-near-ma-executed-verb",
        "lao_cai",
        para("Con số {} mà Lào Cai giải ngân trong năm 2025 mới bằng 95,25% kế hoạch."),
        "11,43 tỷ đồng",
        "11,34 tỷ đồng",
        RIGHT,
        {"95,25%": RIGHT},
    ),
    (
        "R2-near-ma-cho-la",
        "lao_cai",
        para(
            "Năm 2025, con số {} mà nhiều người cho là thấp so với kế hoạch thực "
            "ra đã đạt hơn 95% kế hoạch của tỉnh Lào Cai."
        ),
        "11,43 tỷ đồng",
        "11,34 tỷ đồng",
        RIGHT,
        {},
    ),
    # ---- R3: a caption's clause naming years and areas
    (
        "R3-apply-two-years-tong-cua",
        "ca_mau",
        table(
            "Đơn vị: tỷ đồng. Số liệu năm 2023 và năm 2024 là tổng của tỉnh Cà Mau "
            "và tỉnh Bạc Liêu (trước sắp xếp)",
            ["Năm", "Kế hoạch", "Giải ngân"],
            [["2023", "14", "13,3"], ["2024", "16", "15,5"], ["2025", "20", "{}"]],
        ),
        "18,5",
        "18,9",
        RIGHT,
        {"14": RIGHT, "13,3": RIGHT, "16": RIGHT, "15,5": RIGHT, "20": RIGHT},
    ),
    (
        "R3-apply-gop-ca-hai-tinh",
        "ca_mau",
        table(
            "Đơn vị: triệu đồng; số liệu năm 2024 gộp cả hai tỉnh Cà Mau, Bạc Liêu cũ",
            ["Năm", "Kế hoạch", "Thực hiện"],
            [["2024", "16.000", "15.500"], ["2025", "{}", "18.500"]],
        ),
        "20.000",
        "21.000",
        RIGHT,
        {"16.000": RIGHT, "15.500": RIGHT, "18.500": RIGHT},
    ),
    (
        "R3-apply-years-as-columns",
        "lao_cai",
        table(
            "Đơn vị: triệu đồng; năm 2024 là số cộng của Lào Cai (cũ) và Yên Bái",
            ["Chỉ tiêu", "Năm 2024", "Năm 2025"],
            [["Kế hoạch", "11.000", "{}"], ["Thực hiện", "10.500", "11.430"]],
        ),
        "12.000",
        "12.600",
        RIGHT,
        {"11.000": RIGHT, "10.500": RIGHT, "11.430": RIGHT},
    ),
    (
        "R3-apply-other-years-old-province",
        "lao_cai",
        table(
            "Lào Cai (tỉnh mới) năm 2025; các năm trước là số của Lào Cai (cũ). "
            "Đơn vị: triệu đồng",
            ["Năm", "Kế hoạch", "Thực hiện"],
            [["2024", "{}", "4.800"], ["2025", "12.000", "11.430"]],
        ),
        # wrong: the two old provinces' sum, where the caption says the old Lào Cai
        "5.000",
        "11.000",
        RIGHT,
        {"4.800": RIGHT, "12.000": RIGHT, "11.430": RIGHT},
    ),
    (
        "R3-near-period-in-title",
        "dien_bien_2021_to_2024",
        table(
            "Kinh phí khuyến công tỉnh Điện Biên giai đoạn 2021 - 2024 (đơn vị: "
            "triệu đồng)",
            ["Năm", "Kế hoạch", "Thực hiện"],
            [
                ["2021", "", "5.000"],
                ["2022", "", "{}"],
                ["2023", "8.000", "7.000"],
                ["2024", "8.400", "7.252"],
            ],
        ),
        "6.000",
        "6.300",
        RIGHT,
        {
            "5.000": RIGHT,
            "8.000": RIGHT,
            "7.000": RIGHT,
            "8.400": RIGHT,
            "7.252": RIGHT,
        },
    ),
    (
        "R3-near-source-line-dated",
        "dien_bien_2021_to_2024",
        table(
            "Nguồn: Báo cáo số 12/BC-SCT ngày 10 tháng 01 năm 2025 của Sở Công "
            "Thương tỉnh Điện Biên. Đơn vị: triệu đồng",
            ["Năm", "Kế hoạch", "Thực hiện"],
            [["2023", "8.000", "{}"], ["2024", "8.400", "7.252"]],
        ),
        "7.000",
        "7.100",
        RIGHT,
        {"8.000": RIGHT, "8.400": RIGHT, "7.252": RIGHT},
    ),
    # ---- R4: "Chưa giải ngân | Tỷ lệ giải ngân": the rate of the spent column
    (
        "R4-apply-con-lai",
        "dien_bien_funds",
        table(
            "Đơn vị: triệu đồng",
            [
                "Nguồn vốn",
                "Dự toán giao",
                "Đã giải ngân",
                "Còn lại",
                "Tỷ lệ giải ngân (%)",
            ],
            [
                ["Khuyến công quốc gia", "3.000", "2.610", "390", "{}"],
                ["Khuyến công địa phương", "5.000", "4.900", "100", "98"],
            ],
        ),
        "87",
        "13",
        RIGHT,
        {"390": RIGHT, "100": RIGHT, "98": RIGHT},
    ),
    (
        "R4-apply-chua-thuc-hien",
        "dien_bien_funds",
        table(
            "",
            ["Nguồn", "Kế hoạch", "Thực hiện", "Chưa thực hiện", "Tỷ lệ thực hiện (%)"],
            [
                ["KCQG", "3.000", "2.610", "390", "{}"],
                ["KCĐP", "5.000", "4.900", "100", "98,0"],
            ],
            before="<p>Đơn vị tính: triệu đồng</p>",
        ),
        "87,0",
        "13,0",
        RIGHT,
        {"390": RIGHT, "100": RIGHT, "98,0": RIGHT},
    ),
    (
        "R4-apply-chua-duoc-giai-ngan",
        "dien_bien_funds",
        table(
            "Tình hình giải ngân năm 2025 (triệu đồng)",
            ["Nguồn", "Dự toán", "Giải ngân", "Chưa được giải ngân", "Tỷ lệ giải ngân"],
            [
                ["Vốn KCQG", "3.000", "2.610", "390", "{}"],
                ["Vốn KCĐP", "5.000", "4.900", "100", "98%"],
            ],
        ),
        "87%",
        "13%",
        RIGHT,
        {"390": RIGHT, "100": RIGHT, "98%": RIGHT},
    ),
    (
        "R4-near-rate-of-the-unspent",
        "dien_bien_funds",
        table(
            "Đơn vị: triệu đồng",
            [
                "Nguồn",
                "Dự toán",
                "Đã giải ngân",
                "Chưa giải ngân",
                "Tỷ lệ chưa giải ngân (%)",
            ],
            [
                ["KCQG", "3.000", "2.610", "390", "{}"],
                ["KCĐP", "5.000", "4.900", "100", "2,00"],
            ],
        ),
        "13,00",
        "87,00",
        RIGHT,
        {"390": RIGHT, "100": RIGHT, "2,00": RIGHT},
    ),
    (
        "R4-near-rate-before-unspent",
        "dien_bien_funds",
        table(
            "Đơn vị: triệu đồng",
            [
                "Nguồn",
                "Dự toán",
                "Đã giải ngân",
                "Tỷ lệ giải ngân (%)",
                "Chưa giải ngân",
            ],
            [
                ["KCQG", "3.000", "2.610", "{}", "390"],
                ["KCĐP", "5.000", "4.900", "98,00", "100"],
            ],
        ),
        "87,00",
        "13,00",
        RIGHT,
        {"390": RIGHT, "100": RIGHT, "98,00": RIGHT},
    ),
    # ---- R5: a second comparison of the same fund
    (
        "R5-apply-abbrev-cung",
        "dien_bien_funds",
        para(
            "Tỷ lệ giải ngân vốn KCQG năm 2025 thấp hơn vốn KCĐP 11 điểm phần trăm, "
            "và cũng thấp hơn {} so với năm 2024."
        ),
        # wrong: the change of the fund compared with (KCĐP 98 - 93)
        "9 điểm",
        "5 điểm",
        RIGHT,
        {"11 điểm phần trăm": RIGHT},
    ),
    (
        "R5-apply-cao-hon-kcdp",
        "dien_bien_funds",
        para(
            "Năm 2025, tỷ lệ giải ngân nguồn khuyến công địa phương cao hơn nguồn "
            "khuyến công quốc gia 11 điểm phần trăm và cao hơn {} so với năm 2024."
        ),
        "5 điểm phần trăm",
        "9 điểm phần trăm",
        RIGHT,
        {"11 điểm phần trăm": RIGHT},
    ),
    (
        "R5-near-subject-changes",
        "dien_bien_funds",
        para(
            "Năm 2025, tỷ lệ giải ngân vốn KCQG thấp hơn vốn KCĐP 11 điểm phần trăm, "
            "trong khi vốn KCĐP lại cao hơn {} so với năm 2024."
        ),
        "5 điểm",
        "9 điểm",
        RIGHT,
        {"11 điểm phần trăm": RIGHT},
    ),
    (
        "R5-near-compared-with-other-fund-year",
        "dien_bien_funds",
        para(
            "Năm 2025, tỷ lệ giải ngân vốn KCQG thấp hơn vốn KCĐP 11 điểm phần trăm "
            "và thấp hơn {} so với tỷ lệ của vốn KCĐP năm 2024."
        ),
        "6 điểm phần trăm",
        "9 điểm phần trăm",
        RIGHT,
        {"11 điểm phần trăm": RIGHT},
    ),
    # ---- R6: a bare number compared with, in parentheses
    (
        "R6-apply-tang-so-voi-two-old",
        "lao_cai",
        para(
            "Năm 2025, Lào Cai được giao 12 tỷ đồng, tăng 1 tỷ đồng so với tổng kế "
            "hoạch năm 2024 của hai tỉnh cũ ({})."
        ),
        # wrong: the 2025 estimate's value
        "11 tỷ đồng",
        "11,5 tỷ đồng",
        RIGHT,
        {"12 tỷ đồng": RIGHT},
    ),
    (
        "R6-apply-cao-hon-cung-ky",
        "ca_mau",
        para(
            "Năm 2025, Cà Mau giải ngân 18,5 tỷ đồng, cao hơn 3 tỷ đồng so với số "
            "giải ngân năm 2024 của hai tỉnh ({})."
        ),
        # wrong: the 2024 plans' sum
        "15,5 tỷ đồng",
        "16 tỷ đồng",
        RIGHT,
        {"18,5 tỷ đồng": RIGHT},
    ),
    (
        "R6-apply-thap-hon-ke-hoach",
        "ca_mau",
        para(
            "Cà Mau giải ngân 18,5 tỷ đồng trong năm 2025, thấp hơn 1,5 tỷ đồng so "
            "với kế hoạch được giao ({})."
        ),
        "20 tỷ đồng",
        "19 tỷ đồng",
        RIGHT,
        {"18,5 tỷ đồng": RIGHT},
    ),
    (
        "R6-apply-nhinh-hon-old-plans",
        "lao_cai",
        para(
            "Kế hoạch năm 2025 của tỉnh Lào Cai (mới) đạt 12 tỷ đồng, nhỉnh hơn "
            "kế hoạch hai tỉnh cũ cộng lại ({})."
        ),
        "11,65 tỷ đồng",
        "12,65 tỷ đồng",
        RIGHT,
        {"12 tỷ đồng": RIGHT},
    ),
    (
        "R6-near-words-in-parens",
        "lao_cai",
        para(
            "Kế hoạch năm 2025 của Lào Cai là 12 tỷ đồng, nhiều hơn so với năm trước "
            "(năm 2024: {})."
        ),
        "11 tỷ đồng",
        "11,2 tỷ đồng",
        RIGHT,
        {"12 tỷ đồng": RIGHT},
    ),
    (
        "R6-near-restates-subject",
        "lao_cai",
        para(
            "Năm 2025, Lào Cai giải ngân hơn 11,4 tỷ đồng, thấp hơn khoảng 0,57 tỷ "
            "đồng so với kế hoạch 12 tỷ đồng ({})."
        ),
        "11,43 tỷ đồng",
        "11,48 tỷ đồng",
        RIGHT,
        {"12 tỷ đồng": RIGHT},
    ),
    # ---- R7: a row's unit cell wins over the caption's unit
    (
        "R7-apply-dvt-column",
        "dien_bien_half_year",
        table(
            "Đơn vị tính: triệu đồng",
            ["STT", "Nội dung", "ĐVT", "Kế hoạch 2025", "Lũy kế 6 tháng"],
            [
                ["1", "Kinh phí khuyến công", "Triệu đồng", "8.000", "3.200"],
                ["2", "Số đề án", "Đề án", "20", "{}"],
            ],
        ),
        "9",
        "10",
        RIGHT,
        {"8.000": RIGHT, "3.200": RIGHT, "20": RIGHT},
    ),
    (
        "R7-apply-caption-ty-row-trieu",
        "dien_bien_half_year",
        table(
            "Kết quả 6 tháng đầu năm 2025 (đơn vị: tỷ đồng, trừ dòng ghi đơn vị khác)",
            ["Chỉ tiêu", "Đơn vị", "Kế hoạch", "Thực hiện 6 tháng"],
            [
                ["Kinh phí khuyến công", "triệu đồng", "8.000", "{}"],
                ["Đề án khuyến công", "đề án", "20", "9"],
            ],
        ),
        "3.200",
        "3.000",
        RIGHT,
        {"8.000": RIGHT, "20": RIGHT, "9": RIGHT},
    ),
    (
        "R7-near-empty-unit-cell",
        "dien_bien_half_year",
        table(
            "Đơn vị: triệu đồng",
            ["Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025", "Thực hiện 6 tháng"],
            [
                ["Kinh phí khuyến công", "", "8.000", "{}"],
                ["Số đề án", "đề án", "20", "9"],
            ],
        ),
        "3.200",
        "3.000",
        RIGHT,
        {"8.000": RIGHT, "20": RIGHT, "9": RIGHT},
    ),
    # ---- R8: a "Tỷ lệ …" column naming a plan is a rate
    (
        "R8-apply-so-voi-KH",
        "dien_bien_half_year",
        table(
            "Đơn vị: triệu đồng",
            [
                "Chỉ tiêu",
                "ĐVT",
                "KH năm 2025",
                "TH 6 tháng",
                "Tỷ lệ thực hiện so với KH (%)",
            ],
            [
                ["Kinh phí", "triệu đồng", "8.000", "3.200", "{}"],
                ["Đề án", "đề án", "20", "9", "45"],
            ],
        ),
        "40",
        "44",
        RIGHT,
        {"8.000": RIGHT, "3.200": RIGHT, "20": RIGHT, "45": RIGHT},
    ),
    (
        "R8-apply-ke-hoach-giao",
        "dien_bien_half_year",
        table(
            "Kinh phí: triệu đồng",
            [
                "Nội dung",
                "Kế hoạch giao",
                "Thực hiện 6 tháng",
                "Tỷ lệ % so với kế hoạch giao",
            ],
            [["Kinh phí khuyến công", "8.000", "3.200", "{}"]],
        ),
        "40,0",
        "45,0",
        RIGHT,
        {"8.000": RIGHT, "3.200": RIGHT},
    ),
    # ---- R9: a caption's legend of units names no measure
    (
        "R9-apply-du-toan-legend",
        "two_provinces_2025",
        table(
            "Kết quả giải ngân năm 2025 (dự toán, giải ngân: tỷ đồng; tỷ lệ: %)",
            ["Tỉnh", "Dự toán", "Giải ngân", "Tỷ lệ"],
            [["Điện Biên", "13,2", "12,87", "{}"], ["Sơn La", "10", "9", "90"]],
        ),
        "97,53",
        "97,35",
        RIGHT,
        {"13,2": RIGHT, "12,87": RIGHT, "90": RIGHT},
    ),
    (
        "R9-apply-trieu-legend",
        "two_provinces_2025",
        table(
            "Năm 2025 (kế hoạch, thực hiện: triệu đồng; tỷ lệ thực hiện: %)",
            ["Địa phương", "Kế hoạch", "Thực hiện", "Tỷ lệ thực hiện"],
            [
                ["Điện Biên", "13.200", "{}", "97,53"],
                ["Sơn La", "10.000", "9.000", "90,00"],
            ],
        ),
        "12.874,6",
        "12.784,6",
        RIGHT,
        {"13.200": RIGHT, "97,53": RIGHT, "90,00": RIGHT},
    ),
    (
        "R9-near-legend-naming-the-measure",
        "lao_cai",
        table(
            "Kinh phí khuyến công tỉnh Lào Cai năm 2025 (ước thực hiện: tỷ đồng)",
            ["Nội dung", "Giá trị"],
            [["Kinh phí khuyến công", "{}"]],
        ),
        # wrong: what was spent, under a caption saying it is the estimate
        "11,5",
        "11,43",
        RIGHT,
        {},
    ),
]


#: cases read wrong on the change and on the code before it (a reviewer's
#: own sentences; strict xfails: a case mended turns its test red)
NOT_READ_YET = {
    ("right", "R1-near-range-dash"): "a rate over two years' sums "
    "('đạt 86,9% kế hoạch hai năm 2023 – 2024') is not read: unsure",
    ("right", "R2-apply-uoc-dat"): "'… vẫn cao hơn số thực tế giải ngân là "
    "11,43 tỷ đồng': the amount after 'là' at the end of a comparison is no data",
    ("wrong", "R2-apply-uoc-dat"): "the plan's 12 tỷ called an estimate ('con số "
    "… mà ngành chức năng ước đạt') matches the plan: the estimate the giver "
    "names is a cue, not a constraint",
    ("right", "R2-apply-giao"): "'con số 12 tỷ đồng mà Bộ Công Thương và UBND "
    "tỉnh giao': two givers of one plan, unsure",
    ("right", "R2-near-ma-cho-la"): "'con số … mà nhiều người cho là thấp': the "
    "older 'con số … là' rule reads 'thấp so với kế hoạch' as what it is: unsure",
    ("right", "R3-apply-gop-ca-hai-tinh"): "'số liệu năm 2024 gộp cả hai tỉnh Cà "
    "Mau, Bạc Liêu cũ': the 2024 rows are read as the merged province's",
    ("right", "R3-apply-years-as-columns"): "a caption's clause for some years "
    "holds for rows of those years, not for columns titled by year",
    ("right", "R4-apply-chua-duoc-giai-ngan"): "cells printed with their '%' "
    "('87%') are read as running text, not as the table's rate column",
    ("wrong", "R4-apply-chua-duoc-giai-ngan"): "as above: the unspent share "
    "'13%' in a 'Tỷ lệ giải ngân' column matches",
    ("right", "R5-apply-abbrev-cung"): "'9 điểm' without 'phần trăm' is no "
    "number the checker reads",
    ("wrong", "R5-apply-abbrev-cung"): "as above: a wrong '… điểm' is not read",
    ("right", "R5-near-subject-changes"): "as above ('5 điểm')",
    ("wrong", "R5-near-subject-changes"): "as above",
    ("right", "R5-near-compared-with-other-fund-year"): "'thấp hơn 6 điểm phần "
    "trăm so với tỷ lệ của vốn KCĐP năm 2024': the other fund of another year "
    "is not compared with",
    ("right", "R6-near-restates-subject"): "'so với kế hoạch 12 tỷ đồng (11,43 tỷ "
    "đồng)' after 'giải ngân hơn 11,4 tỷ': the parenthesis restating what was "
    "spent is unsure",
    ("wrong", "R6-apply-cao-hon-cung-ky"): "'so với số giải ngân năm 2024 của "
    "hai tỉnh (16 tỷ đồng)': the two old provinces' plans (16) match what was "
    "spent",
}


def _marks(variant: str, case_id: str) -> list:
    reason = NOT_READ_YET.get((variant, case_id))
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


@pytest.mark.parametrize(
    ("variant", "fixture", "html", "right", "wrong", "allowed", "others"),
    [
        pytest.param(
            variant,
            *case[1:],
            id=f"{variant}-{case[0]}",
            marks=_marks(variant, case[0]),
        )
        for variant in ("right", "wrong")
        for case in CASES
    ],
)
def test_review(request, variant, fixture, html, right, wrong, allowed, others):
    figures = request.getfixturevalue(fixture)
    printed = right if variant == "right" else wrong
    found = html_verdicts(figures, html.replace("{}", printed))
    if variant == "right":
        assert found.get(printed) in allowed, found
        for number, verdicts in others.items():
            assert found.get(number) in verdicts, (number, found)
    else:
        assert found.get(printed) in FLAGGED, found
