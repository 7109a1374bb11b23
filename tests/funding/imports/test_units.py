"""A sum of money whose unit cannot be found is refused, never taken as
đồng (tests/fixtures/no_unit.*, saved by LibreOffice); the portal's own
template says its unit and keeps working."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from funding.core.models import Figure, SourceDocument
from funding.imports import plan_file

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
MESSAGE = (
    "không tìm thấy đơn vị tính của cột “%s” (không có đơn vị trong tiêu đề như “Kế "
    "hoạch (triệu đồng)”, cột “Đơn vị” hay đơn vị trong ô): không đoán là đồng. Hãy ghi "
    "đơn vị rồi nhập lại."
)


@pytest.mark.parametrize("name", ["no_unit.xlsx", "no_unit.ods", "no_unit.csv"])
def test_a_wide_table_without_any_unit_is_refused_naming_each_column(name):
    source = SourceDocument.objects.create(title="Bảng không đơn vị")
    plan = plan_file((FIXTURES / name).read_bytes(), file_name=name, source=source)
    assert not plan.can_apply and plan.figures == []
    assert sorted((e.row, e.column, e.message) for e in plan.errors) == [
        (row, column, MESSAGE % column)
        for row in (2, 3)
        for column in ("Kế hoạch", "Thực hiện")
    ]


def test_the_command_line_refuses_it_too_and_writes_nothing():
    err = StringIO()
    with pytest.raises(CommandError, match="Có lỗi"):
        call_command(
            "import_figures",
            str(FIXTURES / "no_unit.xlsx"),
            stdout=StringIO(),
            stderr=err,
        )
    assert "không đoán là đồng" in err.getvalue()
    assert Figure.objects.count() == 0


def test_a_unit_written_in_the_cell_is_enough(tmp_path):
    source = SourceDocument.objects.create(title="Bảng có đơn vị trong ô")
    data = ("Tỉnh, thành phố;Năm;Kế hoạch\nNinh Thuận;2022;1.200 triệu đồng\n").encode()
    plan = plan_file(data, file_name="o.csv", source=source)
    assert plan.errors == []
    assert [f.value for f in plan.figures] == [1_200_000_000]


def test_brackets_that_are_not_a_unit_are_not_taken_for_dong():
    source = SourceDocument.objects.create(title="Bảng có năm trong tiêu đề")
    data = "Tỉnh, thành phố;Năm;Kế hoạch (năm 2022)\nNinh Thuận;2022;1200\n".encode()
    plan = plan_file(data, file_name="nam.csv", source=source)
    assert [(e.row, e.message) for e in plan.errors] == [
        (2, "Không rõ đơn vị “năm 2022”.")
    ]
    assert plan.figures == []
