"""An article's related documents ("Văn bản liên quan"): the published
ones listed on its page, in one query however many; chosen in its form."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from funding.models import SourceDocument

pytestmark = pytest.mark.django_db


def document(title: str, **fields) -> SourceDocument:
    fields.setdefault("is_published", True)
    return SourceDocument.objects.create(title=title, number="1/QĐ", **fields)


def test_the_article_page_lists_its_published_documents(client, make_article):
    article = make_article()
    shown = document("Quyết định phê duyệt kế hoạch")
    draft = document("Dự thảo chưa công khai", is_published=False)
    later = document("Văn bản hẹn giờ", published_at=timezone.now() + timedelta(days=1))
    article.documents.add(shown, draft, later)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Văn bản liên quan" in page
    assert f'href="{shown.get_absolute_url()}"' in page
    assert "1/QĐ: Quyết định phê duyệt kế hoạch" in page
    assert draft.title not in page and later.title not in page


def test_without_published_documents_the_page_has_no_such_section(client, make_article):
    article = make_article()
    article.documents.add(document("Nháp", is_published=False))
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Văn bản liên quan" not in page


def test_the_documents_cost_one_query_however_many(client, make_article):
    article = make_article()

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(article.get_absolute_url())
        return len(captured)

    client.get(article.get_absolute_url())  # the chrome, kept from now on
    article.documents.add(document("Một"))
    one = queries()  # the page's stored parts computed again
    article.documents.add(*(document(f"Văn bản {n}") for n in range(10)))
    assert queries() == one
    # Stored with the article's other parts: read with it.
    assert queries() == 1  # the article with its parts


def test_the_article_form_offers_documents_by_autocomplete(secretary_client):
    text = secretary_client.get(reverse("admin:news_article_add")).content.decode()
    assert 'name="documents"' in text
    assert "admin-autocomplete" in text
