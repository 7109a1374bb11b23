"""Two tabs binding the same quote: each request carries the binding's
state its panel showed (``seen``); one made after another tab or user
changed that binding is refused (409) with a message naming the number,
and nothing is saved."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

import news.bindings
from funding.api import NOT_A_FIGURE
from news.figure_check import check_article
from news.models import FigureBinding

from .test_bindings import bind_url, draft, seed, with_choices

pytestmark = pytest.mark.django_db
__all__ = ["draft", "seed"]


def seen_in(html: str, key: str) -> str:
    """The state the panel's detail of ``key`` says it showed."""
    for tag in re.findall(r'<(?:div|li) class="fc-(?:detail|lost)"[^>]*>', html):
        attributes = dict(re.findall(r'(data-[a-z]+)="([^"]*)"', tag))
        if unescape(attributes["data-key"]) == key:
            return unescape(attributes.get("data-seen", "(none)"))
    raise AssertionError(f"no detail for {key}")


def panel(client, article) -> str:
    page = client.get(reverse("admin:news_article_change", args=[article.pk]))
    return page.content.decode()


def test_a_binding_changed_in_another_tab_is_a_conflict(
    draft, editor_client, make_user
):
    finding, other = with_choices(draft)
    first_tab = seen_in(panel(editor_client, draft), finding.key)
    second_tab = first_tab
    saved = editor_client.post(
        bind_url(draft),
        {"key": finding.key, "reading": other.ident, "seen": first_tab},
    )
    assert saved.status_code == 200
    # The second tab, opened before, still shows the number unbound.
    refused = editor_client.post(
        bind_url(draft),
        {"key": finding.key, "reading": NOT_A_FIGURE, "seen": second_tab},
    )
    assert refused.status_code == 409
    message = refused.json()["error"]
    assert f"“{finding.quote.text}”" in message and "tải lại" not in message
    assert "?" not in message and "xác nhận lại" not in message
    # The panel as it is now comes with the refusal: from it, the editor
    # chooses again without reloading the page (and losing unsaved edits).
    assert seen_in(refused.json()["html"], finding.key) == seen_in(
        saved.json()["html"], finding.key
    )
    binding = FigureBinding.objects.get(article=draft, key=finding.key)
    assert binding.reading == other.ident
    # The panel the first save sent back carries the new state: from it,
    # a second choice is saved.
    fresh = seen_in(saved.json()["html"], finding.key)
    assert fresh != first_tab
    again = editor_client.post(
        bind_url(draft), {"key": finding.key, "reading": "", "seen": fresh}
    )
    assert again.status_code == 200
    assert not FigureBinding.objects.filter(article=draft).exists()


def test_a_forgotten_binding_is_a_conflict_for_a_tab_that_saw_it(draft, editor_client):
    finding = check_article(draft).findings[0]
    bound = editor_client.post(
        bind_url(draft),
        {"key": finding.key, "reading": NOT_A_FIGURE, "seen": ""},
    )
    seen = seen_in(bound.json()["html"], finding.key)
    editor_client.post(
        bind_url(draft), {"key": finding.key, "reading": "", "seen": seen}
    )
    refused = editor_client.post(
        bind_url(draft),
        {"key": finding.key, "reading": NOT_A_FIGURE, "seen": seen},
    )
    assert refused.status_code == 409
    assert not FigureBinding.objects.filter(article=draft).exists()


def bound_by_tab(client, article, finding, reading) -> str:
    """Bind ``finding`` to ``reading``; the state the answering panel shows."""
    answer = client.post(
        bind_url(article), {"key": finding.key, "reading": reading, "seen": ""}
    )
    assert answer.status_code == 200
    return seen_in(answer.json()["html"], finding.key)


def test_a_conflict_is_found_before_the_article_is_checked(
    draft, editor_client, monkeypatch
):
    finding, other = with_choices(draft)
    seen = bound_by_tab(editor_client, draft, finding, other.ident)
    FigureBinding.objects.update(bound_at=timezone.now())  # another tab
    checks = []
    real = news.bindings.check_article
    monkeypatch.setattr(
        news.bindings,
        "check_article",
        lambda *a, **k: checks.append(1) or real(*a, **k),
    )
    refused = editor_client.post(
        bind_url(draft), {"key": finding.key, "reading": "", "seen": seen}
    )
    assert refused.status_code == 409 and not checks


def test_a_conflict_says_whose_confirmation_and_none_when_nobody(
    draft, editor, editor_client
):
    finding, other = with_choices(draft)
    seen = bound_by_tab(editor_client, draft, finding, other.ident)
    payload = {"key": finding.key, "reading": "", "seen": seen}
    FigureBinding.objects.update(bound_at=timezone.now())
    message = editor_client.post(bind_url(draft), payload).json()["error"]
    assert f"đã được {editor} xác nhận lại" in message
    FigureBinding.objects.update(bound_by=None)
    message = editor_client.post(bind_url(draft), payload).json()["error"]
    assert "?" not in message and "đã được xác nhận lại" in message


def test_a_binding_moved_with_its_quote_is_told_as_moved(draft, editor_client):
    finding, other = with_choices(draft)
    seen = bound_by_tab(editor_client, draft, finding, other.ident)
    # The text edited in another tab: the binding follows its quote.
    FigureBinding.objects.update(key=f"{finding.key}|moi")
    refused = editor_client.post(
        bind_url(draft), {"key": finding.key, "reading": "", "seen": seen}
    )
    assert refused.status_code == 409
    message = refused.json()["error"]
    assert "đã chuyển" in message and "bị bỏ" not in message
    assert f"“{finding.quote.text}”" in message
    assert FigureBinding.objects.get().key == f"{finding.key}|moi"


def test_forgetting_a_confirmation_on_no_number_changed_since_is_a_conflict(
    draft, editor, editor_client
):
    """The "forget" button of a confirmation whose number is gone from the
    text, pressed on a panel older than that confirmation's last change."""
    FigureBinding.objects.create(
        article=draft,
        key="body|không còn|||1",
        quoted="45,5 tỷ đồng",
        reading=NOT_A_FIGURE,
        bound_by=editor,
        bound_at=timezone.now(),
    )
    seen = seen_in(panel(editor_client, draft), "body|không còn|||1")
    FigureBinding.objects.update(bound_at=timezone.now())
    refused = editor_client.post(
        bind_url(draft), {"key": "body|không còn|||1", "reading": "", "seen": seen}
    )
    assert refused.status_code == 409
    assert "“45,5 tỷ đồng”" in refused.json()["error"]
    assert FigureBinding.objects.filter(article=draft).exists()


def test_the_same_reading_chosen_again_in_another_tab_is_a_conflict(
    draft, editor_client
):
    """The same user choosing the same reading again changes the binding's
    state: a tab that saw it before is refused, as for any other change."""
    finding, other = with_choices(draft)
    seen = bound_by_tab(editor_client, draft, finding, other.ident)
    again = editor_client.post(
        bind_url(draft), {"key": finding.key, "reading": other.ident, "seen": seen}
    )
    assert again.status_code == 200
    assert seen_in(again.json()["html"], finding.key) != seen
    refused = editor_client.post(
        bind_url(draft), {"key": finding.key, "reading": "", "seen": seen}
    )
    assert refused.status_code == 409
    assert FigureBinding.objects.get(article=draft).reading == other.ident
