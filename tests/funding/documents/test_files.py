"""A document's file is checked by its content: a PDF, or an Office package
declaring a Word document or an Excel workbook; its name must agree; its
size is capped. Refusals name the file and say why, in Vietnamese."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from funding.documents.demo import minimal_docx
from funding.documents.files import FileKind, detect_kind, validate_document_file
from funding.models import DocumentFile, SourceDocument

from .conftest import PDF, XLSX

#: The start of a Windows executable.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200)


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def plain_zip(**members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in members.items():
            package.writestr(name.replace("__", "/"), text)
    return buffer.getvalue()


def refusal(name: str, content: bytes) -> str:
    with pytest.raises(ValidationError) as error:
        validate_document_file(upload(name, content))
    return " ".join(error.value.messages)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("bang-ke.pdf", PDF, FileKind.PDF),
        ("bang-ke.xlsx", XLSX, FileKind.XLSX),
        ("ke-hoach.docx", minimal_docx("Kế hoạch"), FileKind.DOCX),
    ],
)
def test_real_files_are_accepted_and_recognised(name, content, kind):
    validate_document_file(upload(name, content))
    assert detect_kind(upload(name, content)) == kind


def test_an_executable_named_pdf_is_refused():
    message = refusal("quyet-dinh.pdf", EXE)
    assert "Tệp “quyet-dinh.pdf” không phải PDF, DOCX hay XLSX" in message


def test_a_zip_named_pdf_is_refused():
    message = refusal("quyet-dinh.pdf", XLSX)
    assert "có đuôi .pdf nhưng nội dung là XLSX" in message


def test_a_renamed_zip_that_is_not_an_office_package_is_refused():
    # A "word/" folder is not enough: the package must declare its main part.
    fake = plain_zip(word__document_xml="<w:document/>", readme_txt="xin chào")
    message = refusal("ke-hoach.docx", fake)
    assert "Tệp “ke-hoach.docx” không phải PDF, DOCX hay XLSX" in message


def test_a_workbook_renamed_docx_is_refused():
    assert "có đuôi .docx nhưng nội dung là XLSX" in refusal("bao-cao.docx", XLSX)


def test_a_broken_content_types_part_is_refused():
    broken = plain_zip(**{"[Content_Types].xml": "<Types><Override"})
    assert "không phải PDF, DOCX hay XLSX" in refusal("bang.xlsx", broken)


def test_an_oversize_file_is_refused(settings):
    settings.MAX_DOCUMENT_UPLOAD_BYTES = len(PDF) - 1
    message = refusal("bang-ke.pdf", PDF)
    assert "Tệp “bang-ke.pdf” quá lớn" in message
    assert "dung lượng tối đa là" in message


@pytest.mark.django_db
def test_a_saved_file_keeps_its_kind_size_and_an_unguessable_name():
    document = SourceDocument.objects.create(title="Báo cáo", is_published=True)
    file = DocumentFile(document=document)
    file.file.save("Bảng kê.XLSX", ContentFile(XLSX), save=True)
    file.refresh_from_db()
    assert (file.kind, file.size) == (FileKind.XLSX, len(XLSX))
    folder, name = file.file.name.split("/")[1:]
    assert len(folder) == 32 and name == "bang-ke.xlsx"


@pytest.mark.django_db
def test_a_deleted_file_leaves_no_stored_file(django_capture_on_commit_callbacks):
    document = SourceDocument.objects.create(title="Báo cáo")
    file = DocumentFile(document=document)
    file.file.save("bang-ke.pdf", ContentFile(PDF), save=True)
    storage, name = file.file.storage, file.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert not storage.exists(name)
