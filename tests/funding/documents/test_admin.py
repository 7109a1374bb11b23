"""Documents in the admin: a secretary adds one with its files; a file that
is not what it says is refused next to its field, and nothing is saved;
the search (and the articles' autocomplete) ignores diacritics."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from funding.models import DocumentFile, SourceDocument
from tests.admin_forms import browser_payload

from .conftest import PDF, XLSX

pytestmark = pytest.mark.django_db
ADD = reverse("admin:funding_sourcedocument_add")


def payload(client, **fields) -> dict:
    data = browser_payload(client.get(ADD))
    data.update(
        {
            "number": "77/QĐ-SCT",
            "kind": "quyet-dinh",
            "title": "Quyết định hỗ trợ đề án khuyến công",
            "issuer": "Sở Công Thương",
            "issued_on": "02/03/2026",
            "effective_on": "01/04/2026",
            "is_published": "on",
            "files-TOTAL_FORMS": "2",
            "files-0-position": "0",
            "files-1-position": "1",
        }
    )
    data.update(fields)
    return data


def test_a_secretary_adds_a_published_document_with_its_files(secretary_client):
    data = payload(
        secretary_client,
        **{
            "files-0-file": SimpleUploadedFile("quyet-dinh.pdf", PDF),
            "files-0-label": "Toàn văn",
            "files-1-file": SimpleUploadedFile("phu-luc.xlsx", XLSX),
        },
    )
    response = secretary_client.post(ADD, data)
    assert response.status_code == 302, browser_payload(response)
    document = SourceDocument.objects.get(number="77/QĐ-SCT")
    assert document.is_public
    kinds = list(document.files.order_by("kind").values_list("kind", "size"))
    assert kinds == [("pdf", len(PDF)), ("xlsx", len(XLSX))]
    assert secretary_client.get(document.get_absolute_url()).status_code == 200


def test_a_file_that_is_not_what_it_says_is_refused_and_nothing_saved(
    secretary_client,
):
    data = payload(
        secretary_client,
        **{
            "files-0-file": SimpleUploadedFile("quyet-dinh.pdf", PDF),
            "files-1-file": SimpleUploadedFile("phu-luc.pdf", XLSX),
        },
    )
    response = secretary_client.post(ADD, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tệp “phu-luc.pdf” có đuôi .pdf nhưng nội dung là XLSX" in page
    assert not SourceDocument.objects.filter(number="77/QĐ-SCT").exists()
    assert not DocumentFile.objects.exists()


def test_an_effective_date_before_issue_is_refused_in_vietnamese(secretary_client):
    data = payload(secretary_client, effective_on="01/01/2026")
    response = secretary_client.post(ADD, data)
    assert "Ngày hiệu lực không được trước ngày ban hành." in response.content.decode()
    assert not SourceDocument.objects.filter(number="77/QĐ-SCT").exists()


def test_an_editor_may_not_add_documents(editor_client):
    assert editor_client.get(ADD).status_code == 403


def test_the_articles_autocomplete_finds_documents_without_diacritics(
    editor_client,
):
    wanted = SourceDocument.objects.create(
        number="5/KH-SCT", title="Kế hoạch khuyến công năm 2026", is_published=True
    )
    SourceDocument.objects.create(title="Báo cáo tình hình")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "ke hoach khuyen cong",
            "app_label": "news",
            "model_name": "article",
            "field_name": "documents",
        },
    )
    assert response.status_code == 200
    found = [result["id"] for result in response.json()["results"]]
    assert found == [str(wanted.pk)]
