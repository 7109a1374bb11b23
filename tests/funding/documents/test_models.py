"""A document of the library: its invariants, slug, search text and the
one public gate (``published()``)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from funding.models import SourceDocument

pytestmark = pytest.mark.django_db


def test_effective_date_before_issue_date_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceDocument.objects.create(
            title="Quyết định thử",
            issued_on=date(2026, 5, 2),
            effective_on=date(2026, 5, 1),
        )
    assert not SourceDocument.objects.filter(title="Quyết định thử").exists()


def test_effective_date_before_issue_date_is_a_vietnamese_form_error():
    document = SourceDocument(
        title="Quyết định thử",
        issued_on=date(2026, 5, 2),
        effective_on=date(2026, 5, 1),
    )
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "Ngày hiệu lực không được trước ngày ban hành." in str(error.value)


def test_slug_number_and_folded_search_text_are_made_on_save():
    first = SourceDocument.objects.create(
        number="15/2026/QĐ-UBND", title="Quyết định về khuyến công"
    )
    second = SourceDocument.objects.create(
        number="15/2026/QĐ-UBND", title="Quyết định về khuyến công"
    )
    assert first.slug == "15-2026-qd-ubnd-quyet-dinh-ve-khuyen-cong"
    assert second.slug == first.slug + "-2"
    assert first.search_text == "15/2026/qd-ubnd quyet dinh ve khuyen cong"
    assert first.get_absolute_url() == f"/so-lieu/nguon/{first.pk}/"
    first.is_published = True
    first.save()
    assert first.get_absolute_url() == f"/van-ban/{first.slug}/"


def test_publishing_without_a_time_publishes_now():
    document = SourceDocument.objects.create(title="Thông báo", is_published=True)
    assert document.published_at is not None
    assert document.published_at <= timezone.now()


def test_published_is_the_public_gate(make_document):
    shown = make_document(title="Công khai")
    make_document(title="Nháp", is_published=False, published_at=None)
    later = make_document(
        title="Hẹn giờ", published_at=timezone.now() + timedelta(hours=2)
    )
    assert list(SourceDocument.objects.published()) == [shown]
    assert SourceDocument.objects.next_publication() == later.published_at
    assert not later.is_public and shown.is_public


def test_search_ignores_case_and_diacritics(make_document):
    wanted = make_document(title="Quyết định phê duyệt kế hoạch khuyến công")
    make_document(title="Báo cáo tình hình sản xuất")
    found = SourceDocument.objects.search("QUYET dinh khuyen cong")
    assert list(found) == [wanted]
    assert not SourceDocument.objects.search("  ,. ").exists()
