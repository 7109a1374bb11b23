"""Tables pasted as text (markdown or pipe rows, with or without the outer
pipes and the "|---|" line) read exactly as the same tables in HTML: the
header's units and titles, the row's label, the total row, the rate and
change columns, the pair cells and the caption line before the table
(tables written for these tests). One "|" in a line is no table."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA
from funding.checker.piped import piped_rows
from funding.models import Indicator, ProgrammeContent
from tests.funding.checker.checking import E, P, area, area_before_merger, read_html

pytestmark = pytest.mark.django_db


def as_html(lines, rows):
    """The caption ``lines`` as paragraphs, then ``rows`` as an HTML table."""
    head, *body = rows
    cells = "".join(f"<th>{cell}</th>" for cell in head)
    table = f"<tr>{cells}</tr>" + "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in body
    )
    return "".join(f"<p>{line}</p>" for line in lines) + f"<table>{table}</table>"


def as_pipes(lines, rows, outer=True, separator=True, bold_total=False, joiner=""):
    """The same, the table written as pipe rows, one paragraph a row (as
    pasted into the editor; ``joiner`` between the paragraphs: "\n" as a
    page's source has it, "<br>\n" for rows kept in one paragraph)."""
    wrap = "| {} |" if outer else "{}"
    head, *body = rows
    written = [wrap.format(" | ".join(head))]
    if separator:
        written.append(wrap.format(" | ".join(["---"] + ["---:"] * (len(head) - 1))))
    for row in body:
        label, *cells = row
        if bold_total and label.startswith(("Tổng", "Cộng")):
            label = f"**{label}**"
        written.append(wrap.format(" | ".join([label, *cells])))
    if joiner.startswith("<br>"):
        table = joiner.join(written)
        return "\n".join(f"<p>{line}</p>" for line in [*lines, table])
    return joiner.join(f"<p>{line}</p>" for line in [*lines, *written])


LAYOUTS = [
    {},
    {"separator": False},
    {"outer": False},
    {"outer": False, "separator": False},
    {"bold_total": True},
    # each row a paragraph on a line of its own, and rows split by "<br>":
    # a blank line between every two rows of the text read
    {"outer": False, "separator": False, "joiner": "\n"},
    {"joiner": "\n"},
    {"outer": False, "separator": False, "joiner": "<br>\n"},
]


def both_ways(figures, lines, rows):
    """The verdicts on the HTML table, each layout of pipe rows reading the
    same."""
    in_html = read_html(figures, as_html(lines, rows))
    for layout in LAYOUTS:
        assert read_html(figures, as_pipes(lines, rows, **layout)) == in_html, layout
    return in_html


@pytest.fixture
def north(reference_data, make_figure):
    son_la, lai_chau = area("Sơn La"), area("Lai Châu")
    return [
        make_figure(son_la, 2024, P, "9400000000"),
        make_figure(son_la, 2024, E, "8050000000"),
        make_figure(lai_chau, 2024, P, "6150000000"),
        make_figure(lai_chau, 2024, E, "5800000000"),
        make_figure(son_la, 2023, E, "7000000000"),
        make_figure(lai_chau, 2023, E, "5000000000"),
    ]


CAPTION = ["Kết quả giải ngân kinh phí khuyến công năm 2024 của hai tỉnh Tây Bắc:"]


def provinces(executed="13,85", lai_chau="6,15"):
    return [
        ["Tỉnh", "Kế hoạch (tỷ đồng)", "Thực hiện (tỷ đồng)", "Tỷ lệ (%)"],
        ["Sơn La", "9,40", "8,05", "85,64"],
        ["Lai Châu", lai_chau, "5,80", "94,31"],
        ["Tổng cộng", "15,55", executed, "89,07"],
    ]


def test_a_province_table_with_its_total_row(north):
    assert both_ways(north, CAPTION, provinces()) == [
        (cell, MATCH) for row in provinces()[1:] for cell in row[1:]
    ]


def test_a_wrong_cell_of_a_province_table_is_flagged(north):
    found = dict(both_ways(north, CAPTION, provinces("13,58", lai_chau="6,51")))
    assert found["13,58"] == MISMATCH
    assert found["6,51"] == MISMATCH
    assert found["9,40"] == MATCH


def test_a_two_year_table_with_its_change_column(north):
    # Sơn La 7 → 8,05 tỷ (+15,0%), Lai Châu 5 → 5,8 tỷ (+16,0%)
    rows = [
        ["Tỉnh", "Năm 2023", "Năm 2024", "Tăng/giảm (%)"],
        ["Sơn La", "7,00", "8,05", "+15,0"],
        ["Lai Châu", "5,00", "{lai_chau}", "+16,0"],
    ]
    caption = ["Kinh phí khuyến công đã giải ngân (tỷ đồng):"]

    def filled(value):
        return [[cell.format(lai_chau=value) for cell in row] for row in rows]

    assert both_ways(north, caption, filled("5,80")) == [
        ("7,00", MATCH),
        ("8,05", MATCH),
        ("+15,0", MATCH),
        ("5,00", MATCH),
        ("5,80", MATCH),
        ("+16,0", MATCH),
    ]
    assert dict(both_ways(north, caption, filled("5,08")))["5,08"] == MISMATCH


def test_the_unit_only_in_the_line_before_the_table(north):
    lines = [
        "Kết quả khuyến công năm 2024 của Sơn La và Lai Châu.",
        "Đơn vị: triệu đồng",
    ]
    rows = [
        ["Tỉnh", "Kế hoạch", "Thực hiện"],
        ["Sơn La", "9.400", "{done}"],
        ["Lai Châu", "6.150", "5.800"],
    ]

    def filled(value):
        return [[cell.format(done=value) for cell in row] for row in rows]

    assert both_ways(north, lines, filled("8.050")) == [
        ("9.400", MATCH),
        ("8.050", MATCH),
        ("6.150", MATCH),
        ("5.800", MATCH),
    ]
    assert dict(both_ways(north, lines, filled("8.500")))["8.500"] == MISMATCH


@pytest.fixture
def demo_models(reference_data, make_figure):
    demo, _ = ProgrammeContent.objects.get_or_create(
        name="Mô hình trình diễn kỹ thuật",
        defaults={"code": "mo-hinh-trinh-dien-ky-thuat"},
    )
    province = area("Sơn La")
    return [
        make_figure(province, 2024, P, "6500000000", content=demo),
        make_figure(province, 2024, E, "6200000000", content=demo),
    ]


def test_a_content_table_in_millions_with_a_rate_column(demo_models):
    # a slide pasted as text: its title, a bullet, then the table
    lines = [
        "Slide 4. Kết quả theo nội dung năm 2024 của tỉnh Sơn La",
        "• Đơn vị tính: triệu đồng",
    ]
    rows = [
        ["Nội dung", "Kế hoạch (triệu đồng)", "Thực hiện (triệu đồng)", "Tỷ lệ (%)"],
        ["Mô hình trình diễn kỹ thuật", "6.500", "{done}", "{rate}"],
        ["Hội chợ triển lãm", "1.200", "1.150", "95,83"],
    ]

    def filled(done, rate):
        return [[cell.format(done=done, rate=rate) for cell in row] for row in rows]

    found = both_ways(demo_models, lines, filled("6.200", "95,38"))
    assert found[:3] == [("6.500", MATCH), ("6.200", MATCH), ("95,38", MATCH)]
    # no stored figure of the fairs: no data, never a mismatch
    assert {verdict for _cell, verdict in found[3:]} == {NO_DATA}
    wrong = dict(both_ways(demo_models, lines, filled("6.200", "93,58")))
    assert wrong["93,58"] == MISMATCH


@pytest.fixture
def projects(reference_data, make_figure):
    count = Indicator.objects.get(unit=Indicator.Unit.COUNT, count_noun="đề án")
    lai_chau, dien_bien = area("Lai Châu"), area("Điện Biên")
    return [
        make_figure(lai_chau, 2024, P, "24", indicator=count),
        make_figure(lai_chau, 2024, E, "23", indicator=count),
        make_figure(lai_chau, 2024, P, "6150000000"),
        make_figure(lai_chau, 2024, E, "5800000000"),
        make_figure(dien_bien, 2024, P, "12", indicator=count),
        make_figure(dien_bien, 2024, E, "10", indicator=count),
        make_figure(dien_bien, 2024, P, "5000000000"),
        make_figure(dien_bien, 2024, E, "4100000000"),
    ]


def test_pair_cells_of_done_and_planned(projects):
    lines = ["Khuyến công năm 2024 (thực hiện/kế hoạch)"]
    rows = [
        ["Tỉnh", "Số đề án", "Kinh phí (tỷ đồng)"],
        ["Lai Châu", "{pair}", "5,8/6,15"],
        ["Điện Biên", "10/12", "4,1/5,0"],
    ]

    def filled(pair):
        return [[cell.format(pair=pair) for cell in row] for row in rows]

    found = both_ways(projects, lines, filled("23/24"))
    assert found[:4] == [("23", MATCH), ("24", MATCH), ("5,8", MATCH), ("6,15", MATCH)]
    assert {verdict for _cell, verdict in found[4:]} == {MATCH}
    assert dict(both_ways(projects, lines, filled("22/24")))["22"] == MISMATCH


def test_one_pipe_in_a_line_is_no_table(north):
    text = (
        "Hà Nội | 12/2025\n"
        "Năm 2024, Sơn La giải ngân 8,05 tỷ đồng.\n"
        "Kế hoạch | Thực hiện: 9,4 | 8,05 tỷ đồng\n"
        "Nguồn: Sở Công Thương | Ảnh: Minh Anh"
    )
    assert piped_rows(text) == text
    html = "".join(f"<p>{line}</p>" for line in text.split("\n"))
    found = dict(read_html(north, html))
    assert "12" not in found and "2025" not in found
    assert found["8,05 tỷ đồng"] == MATCH


def test_rows_are_rewritten_in_place():
    text = "Bảng 1\n| Tỉnh | Kế hoạch |\n|---|---:|\n| Sơn La | 9,40 |\nHết."
    read = piped_rows(text)
    assert len(read) == len(text)
    assert read.split("\n")[1] == "  Tỉnh \t Kế hoạch \t"
    assert not read.split("\n")[2].strip()  # the separator: no cell, no number
    assert read.index("9,40") == text.index("9,40")
    # lines of two cells without a figure: captions, credits, no table
    credits = "Ảnh | Minh Anh\nNguồn | Sở Công Thương\nBiên tập | Thu Hà"
    assert piped_rows(credits) == credits
    # two unwrapped lines are as likely a byline and a note as a table
    assert (
        piped_rows("Tỉnh | Kế hoạch\nSơn La | 9,40") == "Tỉnh | Kế hoạch\nSơn La | 9,40"
    )


def as_aligned(lines, rows):
    """The same, the table pasted from a PDF: its columns set apart by
    spaces, the lines of one paragraph."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    written = [
        "   ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    return (
        "".join(f"<p>{line}</p>" for line in lines)
        + "<p>"
        + "<br>".join(written)
        + "</p>"
    )


def test_a_table_aligned_by_spaces_reads_as_in_html(north):
    html = read_html(north, as_html(CAPTION, provinces("13,58")))
    assert read_html(north, as_aligned(CAPTION, provinces("13,58"))) == html
    assert dict(html)["13,58"] == MISMATCH
    assert dict(html)["15,55"] == MATCH


def test_sentences_with_double_spaces_are_no_table(north):
    text = (
        "Năm 2024  Sơn La  giải ngân 8,05 tỷ đồng.\n"
        "Tỉnh  Lai Châu  đạt 94,31%  kế hoạch.\n"
        "Hai tỉnh  cộng lại  13,85 tỷ đồng  năm 2024."
    )
    assert piped_rows(text) == text


def test_a_line_with_a_pipe_next_to_a_table_is_no_row_of_it(north):
    # paragraphs are lines with no blank line between them
    lines = [*CAPTION, "Nguồn: Sở Công Thương | Ảnh: Minh Anh"]
    html = read_html(north, as_html(lines, provinces()))
    for layout in LAYOUTS:
        piped = (
            as_pipes(lines, provinces(), **layout) + "<p>Ghi chú | số liệu sơ bộ</p>"
        )
        assert read_html(north, piped) == html, layout


def test_a_column_of_the_areas_added_up(reference_data, make_figure):
    quang_binh = area_before_merger("Quảng Bình")
    quang_tri = area_before_merger("Quảng Trị")
    figures = [
        make_figure(quang_binh, 2023, E, "7000000000"),
        make_figure(quang_tri, 2023, E, "5000000000"),
        make_figure(quang_binh, 2024, E, "8050000000"),
        make_figure(quang_tri, 2024, E, "5800000000"),
    ]
    rows = [
        ["Năm", "Quảng Bình (cũ)", "Quảng Trị (cũ)", "Cộng"],
        ["2023", "7,00", "5,00", "12,00"],
        ["2024", "8,05", "5,80", "13,85"],
    ]
    caption = ["Kinh phí khuyến công thực hiện của hai tỉnh trước hợp nhất (tỷ đồng)"]
    assert both_ways(figures, caption, rows) == [
        (cell, MATCH) for row in rows[1:] for cell in row[1:]
    ]
