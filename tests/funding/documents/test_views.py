"""The public library at /van-ban/: filters, search without diacritics,
pagination, a document's page and files; what is not published is seen
nowhere; the queries stay the same however many documents."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from funding.documents.views import PAGE_SIZE
from funding.models import Area, Figure, SourceDocument

from .conftest import PDF, XLSX

pytestmark = pytest.mark.django_db
LIST = "/van-ban/"


def titles(response) -> list[str]:
    return [d.title for d in response.context["documents"]]


def test_the_list_url_is_named_documents_list():
    assert reverse("documents:list") == LIST


def test_search_without_diacritics_finds_the_document(client, make_document):
    wanted = make_document(
        title="Quyết định phê duyệt kế hoạch khuyến công năm 2026", number="9/QĐ-UBND"
    )
    make_document(title="Báo cáo tình hình sản xuất công nghiệp")
    response = client.get(LIST, {"q": "quyet dinh khuyen cong"})
    assert titles(response) == [wanted.title]
    assert wanted.get_absolute_url() in response.content.decode()
    # By its number too, typed without its mark.
    assert titles(client.get(LIST, {"q": "9/qd-ubnd"})) == [wanted.title]


def test_filters_by_kind_agency_and_year(client, make_document):
    plan = make_document(
        title="Kế hoạch A",
        kind=SourceDocument.Kind.PLAN,
        issuer="Sở Công Thương",
        issued_on=date(2025, 3, 1),
    )
    make_document(
        title="Kế hoạch B",
        kind=SourceDocument.Kind.PLAN,
        issuer="UBND tỉnh",
        issued_on=date(2025, 4, 1),
    )
    make_document(
        title="Báo cáo C",
        kind=SourceDocument.Kind.REPORT,
        issuer="Sở Công Thương",
        issued_on=date(2024, 4, 1),
    )
    assert titles(client.get(LIST, {"loai": "ke-hoach", "nam": "2025"})) == [
        "Kế hoạch B",
        "Kế hoạch A",
    ]
    response = client.get(LIST, {"co_quan": "Sở Công Thương", "nam": "2025"})
    assert titles(response) == [plan.title]
    page = response.content.decode()
    # The form shows the choices the library has, the chosen ones selected.
    assert '<option value="2024">2024</option>' in page
    assert '<option value="2025" selected>2025</option>' in page
    assert '<option value="UBND tỉnh">UBND tỉnh</option>' in page


def test_a_malformed_filter_is_a_vietnamese_400(client):
    response = client.get(LIST, {"loai": "khong-co"})
    assert response.status_code == 400
    assert "Loại văn bản" in response.content.decode()


def test_pagination_keeps_the_filters(client, make_document):
    for _ in range(PAGE_SIZE + 3):
        make_document(kind=SourceDocument.Kind.NOTICE)
    make_document(kind=SourceDocument.Kind.LAW)
    first = client.get(LIST, {"loai": "thong-bao"})
    assert first.context["paginator"].count == PAGE_SIZE + 3
    assert "?loai=thong-bao&amp;page=2" in first.content.decode()
    second = client.get(LIST, {"loai": "thong-bao", "page": 2})
    assert len(second.context["documents"]) == 3


def test_unpublished_documents_are_invisible_everywhere(client, make_document):
    draft = make_document(
        title="Dự thảo quyết định", is_published=False, published_at=None
    )
    later = make_document(
        title="Quyết định hẹn giờ", published_at=timezone.now() + timedelta(days=1)
    )
    listing = client.get(LIST, {"q": "quyet dinh"}).content.decode()
    for document in (draft, later):
        assert document.title not in listing
        assert client.get(document.library_url).status_code == 404
        # Nor as a source of figures, which it is not.
        assert document.get_absolute_url() == f"/so-lieu/nguon/{document.pk}/"
        assert client.get(document.get_absolute_url()).status_code == 404
        file = document.files.get()
        assert client.get(file.get_absolute_url()).status_code == 404


def test_a_document_page_shows_metadata_files_and_citing_articles(
    client, make_document, make_article
):
    document = make_document(
        files=("pdf", "xlsx"),
        number="1520/QĐ-UBND",
        title="Quyết định phê duyệt kế hoạch",
        signer="Lê Văn Ký",
        issued_on=date(2026, 1, 5),
        effective_on=date(2026, 2, 1),
    )
    citing = make_article(title="Bài dẫn quyết định")
    hidden = make_article(title="Bài nháp dẫn quyết định", status="draft")
    citing.documents.add(document)
    hidden.documents.add(document)
    page = client.get(document.get_absolute_url()).content.decode()
    for text in ("1520/QĐ-UBND", "Lê Văn Ký", "05/01/2026", "01/02/2026"):
        assert text in page
    assert "Quyết định" in page and "PDF" in page and "XLSX" in page
    assert citing.get_absolute_url() in page
    assert hidden.title not in page
    pdf, xlsx = document.files.order_by("kind")
    assert pdf.get_absolute_url() in page and xlsx.get_absolute_url() in page


def test_files_download_with_their_type(client, make_document):
    document = make_document(files=("pdf", "xlsx"))
    pdf, xlsx = document.files.order_by("kind")
    response = client.get(pdf.get_absolute_url())
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    response = client.get(xlsx.get_absolute_url())
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == XLSX
    # A file under another document's address is not found.
    other = make_document()
    wrong = f"/van-ban/{other.slug}/tep/{pdf.pk}/"
    assert client.get(wrong).status_code == 404


def test_list_and_page_queries_do_not_grow(
    client, make_document, make_article, django_assert_max_num_queries
):
    def counts() -> tuple[int, int]:
        document = SourceDocument.objects.published().first()
        with CaptureQueriesContext(connection) as listing:
            assert client.get(LIST).status_code == 200
        with CaptureQueriesContext(connection) as page:
            assert client.get(document.get_absolute_url()).status_code == 200
        return len(listing), len(page)

    article = make_article()
    article.documents.add(make_document(files=("pdf", "xlsx")))
    few = counts()
    for _ in range(12):
        article.documents.add(make_document(files=("pdf", "xlsx")))
        make_article().documents.add(SourceDocument.objects.first())
    assert counts() == few
    with django_assert_max_num_queries(8):
        client.get(LIST, {"q": "van ban", "loai": "quyet-dinh", "nam": "2026"})


def test_the_sitemap_lists_published_documents_only(client, make_document):
    shown = make_document(title="Công khai")
    draft = make_document(title="Nháp", is_published=False, published_at=None)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{shown.get_absolute_url()}" in sitemap
    assert "http://testserver/van-ban/</loc>" in sitemap
    assert draft.slug not in sitemap


def test_a_figures_source_links_its_figures_page(client, make_document, make_figure):
    document = make_document(title="Báo cáo số liệu")
    province = Area.objects.filter(kind=Area.Kind.PROVINCE).first()
    figure = make_figure(province, 2022, "plan", "1000")
    Figure.objects.filter(pk=figure.pk).update(source=document)
    page = client.get(document.get_absolute_url()).content.decode()
    assert f'href="/so-lieu/nguon/{document.pk}/"' in page
    # and the figure's page points to the document's page in the library
    assert (
        document.get_absolute_url()
        in client.get(figure.get_absolute_url()).content.decode()
    )


def test_the_api_shows_no_unpublished_document_that_sources_no_figure(
    client, make_document
):
    shown = make_document(title="Công khai")
    draft = make_document(title="Nháp", is_published=False, published_at=None)
    listing = client.get("/api/v1/sources").json()
    pks = {item["id"] for item in listing["items"]}
    assert shown.pk in pks and draft.pk not in pks
    assert client.get(f"/api/v1/sources/{draft.pk}").status_code == 404


def test_newest_first_and_undated_last(client, make_document):
    undated = make_document(title="Không ngày", issued_on=None)
    old = make_document(title="Cũ", issued_on=date(2020, 1, 1))
    new = make_document(title="Mới", issued_on=date(2026, 6, 1))
    assert titles(client.get(LIST)) == [new.title, old.title, undated.title]
