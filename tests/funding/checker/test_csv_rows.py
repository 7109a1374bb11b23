"""A CSV export pasted line by line, its cells set apart by semicolons: read
as the same table in HTML would be, each row's year from its column "Năm",
a total row added by hand (no code in the "STT" column) adding up the rows
of its year only; the export's line above the header and lines of clauses
stay text (texts written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.checker.piped import piped_rows
from tests.funding.checker.checking import E, P, area, read_html

pytestmark = pytest.mark.django_db

LINES = [
    "Bảng 1 – trích tệp kinh_phi.csv",
    "Nguồn;Cổng thông tin;Xuất lúc;10/01/2026 09:15;Đơn vị;triệu đồng",
    "STT;Tỉnh;Năm;Kế hoạch (triệu đồng);Thực hiện (triệu đồng);Tỷ lệ (%);Ghi chú",
    "1;Điện Biên;2025;8.000;{db2025};95,00;",
    "2;Lai Châu;2025;5.000;4.800;96,00;Cập nhật 31/12",
    "3;Điện Biên;2024;7.000;6.650;95,00;",
    "4;Lai Châu;2024;4.500;4.275;95,00;",
    "Cộng 2 tỉnh;2025;13.000;{total2025};95,38;",
    "Cộng 2 tỉnh;2024;11.500;10.925;95,00;",
]


@pytest.fixture
def two_provinces(reference_data, make_figure):
    dien_bien, lai_chau = area("Điện Biên"), area("Lai Châu")
    return [
        make_figure(dien_bien, 2025, P, "8000000000"),
        make_figure(dien_bien, 2025, E, "7600000000"),
        make_figure(dien_bien, 2024, P, "7000000000"),
        make_figure(dien_bien, 2024, E, "6650000000"),
        make_figure(lai_chau, 2025, P, "5000000000"),
        make_figure(lai_chau, 2025, E, "4800000000"),
        make_figure(lai_chau, 2024, P, "4500000000"),
        make_figure(lai_chau, 2024, E, "4275000000"),
    ]


def read_export(figures, db2025="7.600", total2025="12.400"):
    lines = [line.format(db2025=db2025, total2025=total2025) for line in LINES]
    return dict(read_html(figures, "<p>" + "<br>".join(lines) + "</p>"))


def test_each_cell_reads_its_rows_province_and_year(two_provinces):
    found = read_export(two_provinces)
    # 7.000 is Điện Biên's 2024 plan, 6.650 its 2024 spending: the row's year
    for cell in ("8.000", "7.600", "5.000", "4.800", "7.000", "6.650", "4.275"):
        assert found[cell] == MATCH, cell
    assert found["96,00"] == MATCH
    # the years and the codes are no figures
    assert "2025" not in found and "2024" not in found


def test_a_miscopied_cell_is_a_mismatch(two_provinces):
    found = read_export(two_provinces, db2025="7.060")
    assert found["7.060"] == MISMATCH


def test_a_total_row_adds_up_the_rows_of_its_year(two_provinces):
    found = read_export(two_provinces)
    assert (found["13.000"], found["12.400"], found["95,38"]) == (MATCH,) * 3
    assert (found["11.500"], found["10.925"]) == (MATCH, MATCH)
    wrong = read_export(two_provinces, total2025="12.040")
    assert wrong["12.040"] == MISMATCH


def test_the_export_line_above_the_header_stays_text():
    text = "\n".join(line.format(db2025="7.600", total2025="12.400") for line in LINES)
    rows = piped_rows(text).split("\n")
    assert ";" in rows[1] and "\t" not in rows[1]
    assert rows[2].count("\t") == 6 and rows[-1].count("\t") == 5


@pytest.mark.parametrize(
    "lines",
    [
        # clauses joined by semicolons: no cell a figure alone
        [
            "Điện Biên: kế hoạch 8.000; thực hiện 7.600; đạt 95%",
            "Lai Châu: kế hoạch 5.000; thực hiện 4.800; đạt 96%",
            "Cao Bằng: kế hoạch 6.000; thực hiện 5.700; đạt 95%",
        ],
        # a header over one row only
        ["Tỉnh;Kế hoạch;Thực hiện", "Điện Biên;8.000;7.600", "Ghi chú: số liệu sơ bộ"],
    ],
)
def test_semicolons_that_make_no_table_stay_text(lines):
    text = "\n".join(lines)
    assert piped_rows(text) == text


def test_a_title_and_a_note_of_units_padded_with_semicolons_are_no_header(
    two_provinces,
):
    lines = [
        "BẢNG TỔNG HỢP KINH PHÍ KHUYẾN CÔNG;;;;;;",
        "Đơn vị tính: triệu đồng;;;;;;",
        *LINES[2:],
    ]
    text = "<br>".join(
        line.format(db2025="7.600", total2025="12.400") for line in lines
    )
    found = dict(read_html(two_provinces, f"<p>{text}</p>"))
    assert (found["8.000"], found["13.000"], found["12.400"]) == (MATCH,) * 3


def test_a_total_row_two_cells_short_moves_one_along(two_provinces):
    lines = [*LINES[:7], "Cộng 2 tỉnh;2025;13.000;12.400;95,38"]
    text = "<br>".join(line.format(db2025="7.600", total2025="") for line in lines)
    found = dict(read_html(two_provinces, f"<p>{text}</p>"))
    assert (found["13.000"], found["12.400"], found["95,38"]) == (MATCH,) * 3


def test_an_html_total_row_labelled_in_the_code_column_stays(two_provinces):
    head = "".join(f"<th>{t}</th>" for t in ("STT", "Tỉnh", "Kế hoạch", "Thực hiện"))
    rows = [
        ("1", "Điện Biên", "8.000", "7.600"),
        ("2", "Lai Châu", "5.000", "4.800"),
        ("Cộng", "", "13.000", "12.400"),
    ]
    body = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows
    )
    caption = "<p>Kinh phí khuyến công năm 2025 (triệu đồng)</p>"
    found = dict(
        read_html(two_provinces, f"{caption}<table><tr>{head}</tr>{body}</table>")
    )
    assert (found["13.000"], found["12.400"]) == (MATCH, MATCH)
