"""A figure deleted, then restored from its history in the admin: the
bindings that read it, flagged when it went, are checked again once it is
back, and settled when their reading gives the printed number again."""

import pytest
from django.test import Client
from django.urls import reverse

import news.bindings
from funding.api import MATCH, Figure
from news.bindings import recheck_bindings
from news.figure_check import check_article
from news.models import FigureBinding
from tests.admin_forms import browser_payload

from .test_bindings import bind_url, draft, seed

pytestmark = pytest.mark.django_db
__all__ = ["draft", "seed"]


def bound_to_one_figure(article, client):
    """A quote read as one stored figure, confirmed by the editor."""
    finding = next(
        f
        for f in check_article(article).findings
        if f.verdict == MATCH and f.reading.ident.startswith("fig:")
    )
    answer = client.post(
        bind_url(article), {"key": finding.key, "reading": finding.reading.ident}
    )
    assert answer.status_code == 200
    return FigureBinding.objects.get(article=article, key=finding.key), int(
        finding.reading.ident.removeprefix("fig:")
    )


def test_a_restored_figure_settles_the_bindings_its_deletion_flagged(
    draft, editor_client, make_user, django_capture_on_commit_callbacks
):
    binding, pk = bound_to_one_figure(draft, editor_client)
    staff = Client()
    staff.force_login(make_user("quan_tri", is_superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        deleted = staff.post(
            reverse("admin:funding_figure_delete", args=[pk]), {"post": "yes"}
        )
    assert deleted.status_code == 302 and not Figure.objects.filter(pk=pk).exists()
    binding.refresh_from_db()
    assert binding.needs_recheck

    version = (
        Figure.history.filter(id=pk).exclude(history_type="-").latest("history_date")
    )
    url = reverse("admin:funding_figure_simple_history", args=[pk, version.history_id])
    with django_capture_on_commit_callbacks(execute=True):
        restored = staff.post(url, browser_payload(staff.get(url)))
    assert restored.status_code == 302 and Figure.objects.filter(pk=pk).exists()
    binding.refresh_from_db()
    assert not binding.needs_recheck
    page = editor_client.get(reverse("admin:news_article_change", args=[draft.pk]))
    assert "vừa thay đổi: hãy xác nhận lại" not in page.content.decode()


def test_editing_a_figure_a_draft_reads_does_not_check_the_draft_now(
    draft, editor_client, monkeypatch, django_capture_on_commit_callbacks
):
    """The binding is flagged, and the draft checked again when next opened
    or saved: not within the figure's save (only bindings flagged before,
    by a deletion, make it check an article now)."""
    binding, pk = bound_to_one_figure(draft, editor_client)
    checked = []
    monkeypatch.setattr(news.bindings, "recheck_articles", checked.extend)
    with django_capture_on_commit_callbacks(execute=True):
        recheck_bindings(figures=Figure.objects.filter(pk=pk))
    binding.refresh_from_db()
    assert binding.needs_recheck and draft.pk not in checked
    # Flagged before (as by a deletion): the next change checks it.
    with django_capture_on_commit_callbacks(execute=True):
        recheck_bindings(figures=Figure.objects.filter(pk=pk))
    assert draft.pk in checked
