import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from funding.models import Figure, ImportRecord

pytestmark = pytest.mark.django_db


def write(tmp_path, rows, name="so-lieu.xlsx"):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


HEADER = ["Tỉnh, thành phố", "Năm", "Kế hoạch (tỷ đồng)", "Thực hiện (tỷ đồng)"]


def test_command_imports_and_reports(tmp_path, django_user_model):
    django_user_model.objects.create_user("solieu_cli", password="x" * 14)
    path = write(tmp_path, [HEADER, ["Ninh Thuận", 2022, "10", "8,5"]])
    out = io.StringIO()
    call_command("import_figures", str(path), "--user", "solieu_cli", stdout=out)
    assert "2 mới" in out.getvalue()
    assert "Kiểm tra [##############################] 1/1 dòng" in out.getvalue()
    assert Figure.objects.count() == 2
    record = ImportRecord.objects.get()
    assert record.user.username == "solieu_cli" and record.created_count == 2
    out = io.StringIO()
    call_command("import_figures", str(path), "--user", "solieu_cli", stdout=out)
    assert "2 không đổi" in out.getvalue()


def test_dry_run_writes_nothing(tmp_path):
    path = write(tmp_path, [HEADER, ["Ninh Thuận", 2022, "10", ""]])
    out = io.StringIO()
    call_command("import_figures", str(path), "--dry-run", stdout=out)
    assert "1 mới" in out.getvalue() and not Figure.objects.exists()


def test_errors_are_printed_and_exit_non_zero(tmp_path, django_user_model):
    django_user_model.objects.create_user("solieu_cli", password="x" * 14)
    path = write(tmp_path, [HEADER, ["Ninh Thuận", 2022, "abc", ""]])
    err = io.StringIO()
    with pytest.raises(CommandError, match="không ghi gì"):
        call_command("import_figures", str(path), "--user", "solieu_cli", stderr=err)
    assert "Dòng 2, cột “Kế hoạch (tỷ đồng)” (giá trị “abc”)" in err.getvalue()
    assert not Figure.objects.exists()
