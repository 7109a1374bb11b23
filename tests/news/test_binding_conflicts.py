"""Two tabs binding the same quote: each request carries the binding's
state its panel showed (``seen``); one made after another tab or user
changed that binding is refused (409) with a message naming the number,
and nothing is saved."""

import re
from html import unescape

import pytest
from django.urls import reverse

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
    assert f"“{finding.quote.text}”" in message and "tải lại" in message
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
