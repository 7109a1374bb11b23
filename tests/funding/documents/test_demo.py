"""The demo documents: synthetic and saying so, published, each with a real
PDF (and some a DOCX or XLSX), made once; a couple related to demo articles."""

import pytest
from openpyxl import load_workbook

from funding.documents.demo import load_demo_documents
from funding.documents.files import detect_kind, validate_document_file
from funding.models import DocumentFile, SourceDocument
from news.demo.content import load_demo_content
from news.demo.documents import load_demo_documents_for_articles
from news.models import Article

pytestmark = pytest.mark.django_db


def test_demo_documents_are_synthetic_published_and_have_real_files():
    documents = load_demo_documents()
    assert 6 <= len(documents) <= 10
    assert set(SourceDocument.objects.published()) == set(documents)
    assert len({d.kind for d in documents}) >= 6
    for document in documents:
        assert "minh họa" in document.title and document.number.endswith("-DEMO")
        assert document.files.filter(kind="pdf").exists()
    for file in DocumentFile.objects.all():
        with file.file.open("rb") as handle:
            assert detect_kind(handle) == file.kind
            validate_document_file(file.file)
        assert file.size == file.file.size < 200_000
    workbook = DocumentFile.objects.filter(kind="xlsx").first()
    with workbook.file.open("rb") as handle:
        assert "minh họa" in load_workbook(handle).active["A1"].value


def test_loading_twice_makes_nothing_more():
    load_demo_documents()
    counts = SourceDocument.objects.count(), DocumentFile.objects.count()
    load_demo_documents()
    assert (SourceDocument.objects.count(), DocumentFile.objects.count()) == counts


def test_demo_articles_cite_demo_documents(client):
    load_demo_content()
    load_demo_documents_for_articles()
    article = Article.objects.published().filter(documents__isnull=False).first()
    assert article.documents.count() == 2
    page = client.get(article.get_absolute_url()).content.decode()
    for document in article.documents.all():
        assert document.get_absolute_url() in page
