"""The undo names each import by its file as uploaded, even at the start of
a message (the admin's message list capitalises a message's first letter)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from funding.models import Figure, ImportRecord

from .test_import_admin import HEADER, preview_then_confirm, source

pytestmark = pytest.mark.django_db
__all__ = ["source"]


def lower_case_csv():
    header = ",".join(f'"{name}"' for name in HEADER)
    return SimpleUploadedFile("t.csv", f"{header}\nNinh Thuận,2022,,10,\n".encode())


def test_a_refused_undo_names_the_file_as_uploaded(data_client, source):
    preview_then_confirm(data_client, lower_case_csv(), source)
    record = ImportRecord.objects.get()
    assert record.file_name == "t.csv"
    figure = Figure.objects.get()
    figure.value = 11 * 10**9
    figure.save()
    changelist = reverse("admin:funding_importrecord_changelist")
    asked = data_client.post(
        changelist, {"action": "undo", "_selected_action": [record.pk]}
    )
    assert "t.csv (" in asked.content.decode()
    forced = data_client.post(
        changelist,
        {"action": "undo", "_selected_action": [record.pk], "post": "yes"},
        follow=True,
    )
    page = forced.content.decode()
    assert "hoàn tác sẽ làm mất các thay đổi đó" in page
    assert "Lần nhập t.csv (" in page
    assert "T.csv" not in page
