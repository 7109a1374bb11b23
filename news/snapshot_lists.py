"""The lists an article's page shows beside its text, stored in its
snapshot (``news.snapshots``) so that reading the page does not query them:
its tags and its related documents ("Văn bản liên quan"); and what its
head says of it (``head_part``).

A document goes public at its time with no save, so every attached one is
stored with when it does, and the page keeps those due when it is read.
What makes these parts stale (a tag renamed or deleted, a document changed,
one attached or detached) is told to ``news.snapshots`` by ``stale_ids``.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils.html import strip_tags
from django.utils.text import Truncator


def head_part(article) -> dict:
    """The descriptions the page's head gives of the article, from its lead:
    ``Truncator`` walks the text a character at a time (~60 µs a page)."""
    return {
        "description": Truncator(article.lead).chars(300),
        "short_description": Truncator(article.lead).chars(200),
        # JSON-LD's description.
        "plain_lead": strip_tags(article.lead),
    }


def tags_part(article) -> list[dict]:
    """The article's tags as its page lists them (by name)."""
    return [
        {"name": tag.name, "url": tag.get_absolute_url()}
        for tag in article.tags.only("name", "slug")
    ]


def documents_part(article) -> list[dict]:
    """Every document attached (published or not yet), in the library's
    order, with when it goes public."""
    documents = article.documents.only(
        "title", "number", "slug", "issued_on", "is_published", "published_at"
    )
    return [
        {
            "title": document.title,
            "number": document.number,
            "url": document.library_url,
            "issued_on": document.issued_on and document.issued_on.isoformat(),
            "public_from": document.is_published
            and document.published_at
            and document.published_at.isoformat(),
        }
        for document in documents
    ]


def shown_tags(parts: dict) -> list[dict]:
    # Template lookups read ``tag.get_absolute_url`` as a key too.
    return [{**tag, "get_absolute_url": tag["url"]} for tag in parts["tags"]]


def shown_documents(parts: dict, now: datetime) -> list[dict]:
    """The attached documents public at ``now`` (``published()``'s rule)."""
    return [
        {
            **document,
            "get_absolute_url": document["url"],
            "issued_on": document["issued_on"]
            and date.fromisoformat(document["issued_on"]),
        }
        for document in parts["documents"]
        if document["public_from"]
        and datetime.fromisoformat(document["public_from"]) <= now
    ]


def stale_ids(instance, action, reverse, pk_set, **_signal) -> tuple[list, bool]:
    """``m2m_changed`` of an article's tags or documents: the ids of the
    articles whose lists change, and whether to rebuild them once it
    commits (not before a clear from the other side, which reads those
    still attached: the clear itself is still to come)."""
    if reverse and action == "pre_clear":
        return list(instance.articles.values_list("pk", flat=True)), False
    if action not in ("post_add", "post_remove", "post_clear"):
        return [], False
    return ([instance.pk] if not reverse else list(pk_set or ())), True


def through_models(article_model) -> list:
    return [
        article_model._meta.get_field(name).remote_field.through
        for name in ("tags", "documents")
    ]
