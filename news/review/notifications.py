"""E-mails about review steps, sent after the step is committed (never for
a step rolled back): an article sent for review tells the publishers; one
published, scheduled or sent back tells its author. Subject and body come
from templates (``templates/news/email/``); the body links to the article's
admin page."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import ReviewNote

logger = logging.getLogger(__name__)

PUBLISH_PERMISSION = "news.publish_article"
#: Where permissions live (django-axes' backend only guards the login).
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def publishers():
    """Active people who may publish and have an e-mail address."""
    return (
        get_user_model()
        .objects.with_perm(PUBLISH_PERMISSION, backend=MODEL_BACKEND)
        .exclude(email="")
        .order_by("pk")
    )


def recipients(note: ReviewNote) -> list[str]:
    """Whom a step concerns: the publishers for a submission (except the one
    who sent it), else the article's author (unless they did it)."""
    if note.kind == ReviewNote.Kind.SUBMITTED:
        people = publishers().exclude(pk=note.user_id)
        return [person.email for person in people]
    author = note.article.author
    if author is None or not author.email or not author.is_active:
        return []
    if author.pk == note.user_id:
        return []
    return [author.email]


def notify(*, note_id: int, base_url: str) -> int:
    """Mail the people ``note``'s step concerns; how many were mailed. A mail
    server down loses the mail, not the step (already committed): logged."""
    note = (
        ReviewNote.objects.select_related("article", "article__author", "user")
        .filter(pk=note_id)
        .first()
    )
    if note is None:
        return 0
    to = recipients(note)
    if not to:
        return 0
    path = reverse("admin:news_article_change", args=[note.article_id])
    context = {
        "note": note,
        "article": note.article,
        "actor": (note.user.get_full_name() or note.user.get_username())
        if note.user
        else "",
        "when": timezone.localtime(note.created_at),
        "link": base_url.rstrip("/") + path,
        "site_name": settings.SITE_NAME,
    }
    template = f"news/email/review_{note.kind}"
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}.txt", context)
    try:
        # One message per person: no one sees the others' addresses.
        for address in to:
            send_mail(subject, body, None, [address])
    except OSError:
        logger.exception("Review e-mail for note %s not sent", note.pk)
        return 0
    return len(to)
