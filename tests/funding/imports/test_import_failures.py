"""Every way an import can fail is a Vietnamese message on the page (or the
command's exit status), never an error page or a traceback, and nothing is
written: through the admin's import and confirmation views as a browser
posts them, and through ``manage.py import_figures``."""

import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import DatabaseError

from funding.imports import engine, plan
from funding.models import Figure, ImportRecord, SourceDocument

from . import hostile_files as hostile
from .test_import_admin import HEADER, confirm, preview, upload

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
BAD_BYTE = (
    "Tỉnh, thành phố;Năm;Kế hoạch (tỷ đồng)\nNinh Thuận;2022;1\n".encode()
    + b"Ninh Thu\x81n;2022;2\n"
)


@pytest.fixture
def source(db):
    return SourceDocument.objects.create(title="Báo cáo Sở Công Thương")


def nothing_written():
    return not Figure.objects.exists() and not ImportRecord.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "byte-81.csv",
            BAD_BYTE,
            "Tệp CSV không đọc được: byte 0x81 ở dòng 3 không hợp lệ trong UTF-8 "
            "và Windows-1258; hãy lưu lại tệp dưới dạng CSV UTF-8.",
        ),
        (
            "o-128-KiB.csv",
            "Tỉnh, thành phố;Năm;Kế hoạch (tỷ đồng)\nNinh Thuận;2022;1\n".encode()
            + b'"'
            + b"a" * (128 * 1024)
            + b'";2022;2\n',
            "Ô ở dòng 3, cột A dài hơn 32.767 ký tự (giới hạn của Excel)",
        ),
        (
            "o-ZZZZZZZZ2.xlsx",
            hostile.xlsx_far_cell("ZZZZZZZZ", rows=1),
            "Dòng 2 có dữ liệu ở cột ZZZZZZZZ, ngoài giới hạn 100 cột (A đến CV).",
        ),
    ],
)
def test_unreadable_files_are_a_message_on_the_preview(
    data_client, source, name, data, message
):
    response = preview(data_client, SimpleUploadedFile(name, data), source)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Không có gì được ghi." in html
    assert response.context.get("confirm_form") is None
    assert nothing_written()


def test_an_unforeseen_failure_while_reading_is_logged_and_shown(
    data_client, source, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the reader")

    monkeypatch.setattr(plan, "read_table", broken)
    with caplog.at_level(logging.ERROR, logger="funding.imports"):
        response = preview(
            data_client, upload([HEADER, ["Ninh Thuận", 2022, "", "1", ""]]), source
        )
    assert response.status_code == 200
    assert "Có lỗi không lường trước khi xử lý tệp; không ghi gì." in (
        response.content.decode()
    )
    # Logged by the job that read the file (in the request, or the worker).
    [logged] = [r for r in caplog.records if r.name == "funding.imports.tasks"]
    assert logged.exc_info[0] is RuntimeError  # the traceback is in the log
    assert nothing_written()


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (DatabaseError("server closed the connection"), "Cơ sở dữ liệu đang bận"),
        (KeyError("a bug in the writer"), "Có lỗi không lường trước"),
    ],
)
def test_a_failure_while_writing_is_a_message_and_nothing_written(
    data_client, source, monkeypatch, caplog, failure, message
):
    previewed = preview(
        data_client, upload([HEADER, ["Ninh Thuận", 2022, "", "1", ""]]), source
    )

    def fail(**kwargs):
        raise failure

    monkeypatch.setattr(engine, "apply_import", fail)
    with caplog.at_level(logging.ERROR, logger="funding.imports.engine"):
        response = confirm(data_client, previewed)
    assert response.status_code == 200
    assert message in response.content.decode()
    [logged] = [r for r in caplog.records if r.name == "funding.imports.engine"]
    assert logged.exc_info[0] is type(failure)
    assert nothing_written()


def test_command_exits_with_the_message_and_writes_nothing(tmp_path):
    path = tmp_path / "byte-81.csv"
    path.write_bytes(BAD_BYTE)
    with pytest.raises(CommandError, match="byte 0x81 ở dòng 3"):
        call_command("import_figures", str(path), stdout=io.StringIO())
    assert nothing_written()
    assert not SourceDocument.objects.exists()  # not even the source


def test_command_exit_status_without_a_traceback(tmp_path):
    path = tmp_path / "byte-81.csv"
    path.write_bytes(BAD_BYTE)
    done = subprocess.run(
        [sys.executable, "manage.py", "import_figures", str(path), "--dry-run"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "khuyencong.test_settings",
            # Never reached: the file is refused before the database.
            "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "byte 0x81 ở dòng 3 không hợp lệ trong UTF-8 và Windows-1258" in (
        done.stderr
    )
    assert "Traceback" not in done.stderr


def test_checking_stops_after_a_thousand_errors(data_client, source):
    """A file of wrong rows is not checked to its end (minutes, and a page
    of megabytes): the first thousand errors show what to fix."""
    rows = [HEADER] + [[f"Tỉnh lạ {n}", 2022, "", "1", ""] for n in range(1500)]
    response = preview(data_client, upload(rows), source)
    html = response.content.decode()
    assert "Dừng kiểm tra ở dòng 1002 sau 1000 lỗi" in html
    assert html.count("không có địa bàn này trong năm 2022") == 1000
    assert response.context["result"].plan.stopped_at == 1002
    assert nothing_written()


@pytest.mark.django_db(transaction=True)
def test_a_write_the_database_refuses_is_a_message(reference_data, data_client, source):
    """The area of a row is deleted between preview and confirmation: the
    database refuses the figure (at once or at commit), and the page says so."""
    from funding.models import Area

    previewed = preview(
        data_client, upload([HEADER, ["Ninh Thuận", 2022, "", "1", ""]]), source
    )
    [planned] = previewed.context["result"].plan.figures
    Area.objects.filter(pk=planned.key[1]).delete()
    response = confirm(data_client, previewed)
    assert response.status_code == 200
    assert "Dữ liệu vừa bị thay đổi trong lúc ghi" in response.content.decode()
    assert nothing_written()
