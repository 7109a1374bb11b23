"""Review probes (round 34): distractors near a unit note or a unit-bearing
sentence, correct figures the new rules could misread, and prose that could
trip the shorthand register. Texts written for these tests."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA
from tests.funding.checker.checking import (
    kon_tum_and_gia_lai_2024,
    read_html,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def kon_tum(reference_data, make_figure):
    return kon_tum_and_gia_lai_2024(make_figure, six_months=False, projects=False)


def _read(figures, text):
    if not text.startswith("<"):
        text = f"<p>{text}</p>"
    return read_html(figures, text)


def test_phone(kon_tum):
    text = "<p><em>Đơn vị tính: triệu đồng</em></p><p>Kon Tum năm 2024: kế hoạch 9.000; thực hiện 8.640.</p><p>Mọi thắc mắc liên hệ phòng Quản lý công nghiệp, điện thoại 0260.3862.246.</p>"
    assert _read(kon_tum, text) == [("9.000", MATCH), ("8.640", MATCH)]


def test_time(kon_tum):
    text = "<p>Đơn vị tính: triệu đồng</p><p>Kon Tum năm 2024: kế hoạch 9.000; thực hiện 8.640.</p><p>Hội nghị tổng kết bắt đầu lúc 8,30 sáng ngày 15/01/2025 tại phòng 2.05.</p>"
    assert _read(kon_tum, text) == [("9.000", MATCH), ("8.640", MATCH)]


def test_list(kon_tum):
    text = "<p>Đơn vị tính: triệu đồng</p><p>Kon Tum năm 2024: kế hoạch 9.000; thực hiện 8.640.</p><p>Mục 2.3. Danh mục đề án: 30 đề án; hỗ trợ 45 cơ sở; 120 lao động.</p>"
    assert _read(kon_tum, text) == [
        ("9.000", MATCH),
        ("8.640", MATCH),
        ("30 đề án", NO_DATA),
        ("45 cơ sở", NO_DATA),
    ]


def test_age(kon_tum):
    text = "<p>ĐVT: triệu đồng</p><p>Kon Tum năm 2024: kế hoạch 9.000; thực hiện 8.640.</p><p>Chủ cơ sở: ông A Nhơn, 52 tuổi; cơ sở thành lập năm 2.010.</p>"
    assert _read(kon_tum, text) == [("9.000", MATCH), ("8.640", MATCH)]


def test_pct(kon_tum):
    text = "<p>Đơn vị tính: triệu đồng</p><p>Kon Tum năm 2024: kế hoạch 9.000; thực hiện 8.640; tỷ lệ giải ngân 96,0.</p>"
    assert _read(kon_tum, text) == [
        ("9.000", MATCH),
        ("8.640", MATCH),
        ("96,0", NO_DATA),
    ]


def test_decimal_hours(kon_tum):
    text = "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng cho 30 đề án, mỗi lớp đào tạo kéo dài 2,5 tháng."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH), ("30 đề án", NO_DATA)]


def test_decimal_area(kon_tum):
    text = "Năm 2024, Kon Tum chi 8,64 tỷ đồng xây nhà xưởng rộng 2,5 ha."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH)]


def test_pair_dates(kon_tum):
    text = "<p>Đơn vị tính: triệu đồng</p><p>Kon Tum (KH/TH): 9.000/8.640. Văn bản số 2.500/UBND-KT.</p>"
    assert _read(kon_tum, text) == [("9.000", MATCH), ("8.640", MATCH)]


def test_pair_swapped_th_kh(kon_tum):
    text = "<p>Đơn vị tính: triệu đồng</p><p>Kon Tum năm 2024 (TH/KH): 8.640/9.000.</p>"
    assert _read(kon_tum, text) == [("8.640", MATCH), ("9.000", MATCH)]


def test_unit_thousand(kon_tum):
    text = "<p>Đơn vị tính: nghìn đồng</p><p>Kon Tum năm 2024: kế hoạch 9.000.000; thực hiện 8.640.000.</p>"
    assert _read(kon_tum, text) == [("9.000.000", MATCH), ("8.640.000", MATCH)]


def test_unit_then_prose(kon_tum):
    text = "<p>Đơn vị tính: triệu đồng</p><p>Kon Tum năm 2024: kế hoạch 9.000; thực hiện 8.640.</p><p>Năm 2025, tỉnh dự kiến tổ chức 3 hội chợ, 12 lớp tập huấn và 2.500 lượt khách tham quan.</p>"
    assert _read(kon_tum, text) == [
        ("9.000", MATCH),
        ("8.640", MATCH),
        ("3 hội chợ", NO_DATA),
    ]


def test_gn_prose(kon_tum):
    text = "Kon Tum năm 2024 thực hiện 8,64 tỷ đồng. GN là tên viết tắt của nhóm Gia Nghĩa, có 30 thành viên."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH)]


def test_cs_prose(kon_tum):
    text = "Kon Tum năm 2024 chi 8,64 tỷ đồng hỗ trợ 12 CS (cơ sở) và Q1 năm sau dự kiến thêm 5."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH), ("12 CS", NO_DATA)]


def test_bn_define(kon_tum):
    text = "Kon Tum năm 2024 giải ngân 8,64 tỷ đồng; BN = bình quân mỗi đề án 0,29 tỷ đồng."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH), ("0,29 tỷ đồng", NO_DATA)]


def test_gl_paren(kon_tum):
    text = "Gia Lai (GL) năm 2024 giải ngân 9,5 tỷ đồng; Kon Tum (KT) 8,64 tỷ đồng."
    assert _read(kon_tum, text) == [("9,5 tỷ đồng", MATCH), ("8,64 tỷ đồng", MATCH)]


def test_gl_paren_wrong(kon_tum):
    text = "Gia Lai (GL) năm 2024 giải ngân 9,5 tỷ đồng; GL kế hoạch 11 tỷ đồng."
    assert _read(kon_tum, text) == [("9,5 tỷ đồng", MATCH), ("11 tỷ đồng", MISMATCH)]


def test_t10_room(kon_tum):
    text = "Kon Tum năm 2024 giải ngân 8,64 tỷ đồng. Họp tại phòng T10, tầng 3, lúc 14 giờ, GN xong báo đ/a."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH)]


def test_label_colon(kon_tum):
    text = "Kon Tum năm 2024 — Ghi chú: số liệu 9 tỷ đồng là kế hoạch; thực hiện 8,64 tỷ đồng."
    assert _read(kon_tum, text) == [("9 tỷ đồng", MATCH), ("8,64 tỷ đồng", MATCH)]


def test_label_colon_pct(kon_tum):
    text = "Kon Tum, tỷ lệ giải ngân năm 2024: 96%; kinh phí thực hiện 8,64 tỷ đồng."
    assert _read(kon_tum, text) == [("96%", MATCH), ("8,64 tỷ đồng", MATCH)]


def test_months_before(kon_tum):
    text = "Năm 2024 Kon Tum thực hiện 8,64 tỷ đồng, 9 tháng đầu năm 6,12 tỷ đồng."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH), ("6,12 tỷ đồng", MATCH)]


def test_miswritten(kon_tum):
    text = "Năm 2024 Kon Tum thực hiện 8,64 tỷ đồng; không phải 8,46 tỷ đồng như một số trang đưa tin nhầm."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH), ("8,46 tỷ đồng", NO_DATA)]


def test_miswritten_typo(kon_tum):
    text = "Năm 2024 Kon Tum thực hiện 8,64 tỷ đồng (số liệu viết nhầm chính tả ở bảng trên đã được sửa)."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH)]


def test_both_funds(kon_tum):
    text = "Năm 2024, cả hai nguồn khuyến công quốc gia và địa phương của Kon Tum thực hiện 8,64 tỷ đồng, riêng nguồn địa phương 6,26 tỷ đồng."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH), ("6,26 tỷ đồng", MATCH)]


def test_other_subject(kon_tum):
    text = "Năm 2024, nguồn quốc gia của Kon Tum thực hiện 2,38 tỷ đồng, trong khi Gia Lai thực hiện 9,5 tỷ đồng."
    assert _read(kon_tum, text) == [("2,38 tỷ đồng", MATCH), ("9,5 tỷ đồng", MATCH)]


def test_quarter_yq(kon_tum):
    text = "Kon Tum: đến hết quý 3/2024 giải ngân 6,12 tỷ đồng; cả năm 8,64 tỷ đồng."
    assert _read(kon_tum, text) == [("6,12 tỷ đồng", MATCH), ("8,64 tỷ đồng", MATCH)]


def test_account(kon_tum):
    text = "<p>Đơn vị tính: triệu đồng</p><p>Kon Tum năm 2024: kế hoạch 9.000; thực hiện 8.640. Số tài khoản 3.711.0.1050 tại Kho bạc.</p>"
    assert _read(kon_tum, text) == [("9.000", MATCH), ("8.640", MATCH)]


def test_chat_pair(kon_tum):
    text = "KT: KH/TH 2024: 9.000/8.640 tr.đ, đạt 96%."
    assert _read(kon_tum, text) == [
        ("9.000 tr.đ", MATCH),
        ("8.640 tr.đ", MATCH),
        ("96%", MATCH),
    ]


def test_decimal_people(kon_tum):
    text = "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng, thu nhập bình quân người lao động 6,5 triệu đồng/tháng."
    assert _read(kon_tum, text) == [
        ("8,64 tỷ đồng", MATCH),
        ("6,5 triệu đồng", NO_DATA),
    ]


def test_glossary_person(kon_tum):
    text = "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng. Ông Nguyễn Văn Lâm (NVL) cho biết kế hoạch năm 2025 là 9,8 tỷ đồng."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH), ("9,8 tỷ đồng", NO_DATA)]


def test_km(kon_tum):
    text = "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng, cơ sở cách trung tâm 6,26 km."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH)]


def test_label_plan(kon_tum):
    text = "Kế hoạch: Kon Tum 9 tỷ đồng; Gia Lai 10 tỷ đồng. Thực hiện năm 2024: Kon Tum 8,64 tỷ đồng."
    assert _read(kon_tum, text) == [
        ("9 tỷ đồng", MATCH),
        ("10 tỷ đồng", MATCH),
        ("8,64 tỷ đồng", MATCH),
    ]


def test_label_year(kon_tum):
    text = "Kon Tum 2024: 8,64 tỷ đồng. Gia Lai: 9,5 tỷ đồng."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH), ("9,5 tỷ đồng", MATCH)]


def test_lot(kon_tum):
    text = "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng; lô đất số 6,26 thuộc khu công nghiệp Hòa Bình."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH)]


def test_q1_district(kon_tum):
    text = "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng; đoàn công tác ghé Q1 và Q3 TP.HCM, đ/c Hùng đi cùng."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH)]


def test_share(kon_tum):
    text = (
        "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng, chiếm 2,5 phần trăm vốn toàn vùng."
    )
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH), ("2,5 phần trăm", NO_DATA)]


def test_t10_month(kon_tum):
    text = "Kon Tum: KH 9 tỷ đ, T10 GN 6.120 tr.đ."
    assert _read(kon_tum, text) == [("9 tỷ đ", MATCH), ("6.120 tr.đ", MATCH)]


def test_temperature(kon_tum):
    text = (
        "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng dù mùa khô nhiệt độ lên tới 38,5 độ."
    )
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH)]


def test_quarter_roman(kon_tum):
    text = "Kon Tum: lũy kế 9 tháng năm 2024 (Q3/2024) đạt 6,12 tỷ đồng."
    assert _read(kon_tum, text) == [("6,12 tỷ đồng", MATCH)]


def test_months_ago(kon_tum):
    text = "Kon Tum giải ngân năm 2024 đạt 8,64 tỷ đồng, tăng so với 6 tháng trước khi số liệu mới là 3,6 tỷ đồng."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH), ("3,6 tỷ đồng", NO_DATA)]


def test_months_count(kon_tum):
    text = (
        "Năm 2024 Kon Tum thực hiện 8,64 tỷ đồng cho 12 lớp học nghề kéo dài 3 tháng."
    )
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH)]


def test_unit_note_then_pct(kon_tum):
    text = "<p>Đơn vị tính: triệu đồng</p><p>Kon Tum năm 2024: kế hoạch 9.000; thực hiện 8.640; so với năm 2023 tăng 12,5.</p>"
    assert _read(kon_tum, text) == [
        ("9.000", MATCH),
        ("8.640", MATCH),
        ("12,5", NO_DATA),
    ]


def test_decimal_rate(kon_tum):
    text = "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng, tốc độ tăng trưởng công nghiệp 9,5 và chỉ số sản xuất 6,5."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH)]


def test_hotline(kon_tum):
    text = "<p>ĐVT: triệu đồng</p><p>Kon Tum năm 2024: kế hoạch 9.000; thực hiện 8.640.</p><p>Đường dây nóng: 1.900 hoặc 0260 3.862.</p>"
    assert _read(kon_tum, text) == [("9.000", MATCH), ("8.640", MATCH)]


def test_version(kon_tum):
    text = "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng qua phần mềm phiên bản 2,38."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH)]


def test_months_day(kon_tum):
    text = "Năm 2024 Kon Tum thực hiện 8,64 tỷ đồng, tính đến ngày 30 tháng 9 6,12 tỷ đồng."
    assert _read(kon_tum, text) == [("8,64 tỷ đồng", MATCH), ("6,12 tỷ đồng", MATCH)]


def test_unit_billion(kon_tum):
    text = "<p>Đơn vị tính: tỷ đồng</p><p>Kon Tum năm 2024: kế hoạch 9; thực hiện 8,64; trong đó KCQG 2,38.</p>"
    assert _read(kon_tum, text) == [("9", MATCH), ("8,64", MATCH), ("2,38", MATCH)]


def test_chat_wrong_pair(kon_tum):
    text = "KT: KH/TH 2024: 9.000/8.460 tr.đ."
    assert _read(kon_tum, text) == [("9.000 tr.đ", MATCH), ("8.460 tr.đ", MISMATCH)]


def test_population(kon_tum):
    text = "<p>ĐVT: triệu đồng</p><p>Kon Tum năm 2024: kế hoạch 9.000; thực hiện 8.640.</p><p>Dân số toàn tỉnh 568.800 người, diện tích 9.674,2.</p>"
    assert _read(kon_tum, text) == [("9.000", MATCH), ("8.640", MATCH)]


def test_9t_chat(kon_tum):
    text = "KT 2024: 9T GN 6,12 tỷ đ, cả năm 8,64 tỷ đ."
    assert _read(kon_tum, text) == [("6,12 tỷ đ", MATCH), ("8,64 tỷ đ", MATCH)]


def test_bare_pair_three(kon_tum):
    text = "<p>Đơn vị tính: triệu đồng</p><p>Nguồn địa phương Kon Tum 2024 (KH/TH/Tỷ lệ): 6.500/6.260/96,3.</p>"
    assert _read(kon_tum, text) == [("6.500", MATCH), ("6.260", MATCH)]
