"""Autosaved drafts: what an editor has typed in an article's form, kept
every few seconds per person and article without touching the article (or
what the public sees), and offered back when the form is opened again.

The article's ``updated_at`` when the form was opened is the version the
copy is based on: once someone else has saved the article, an autosave
from the older page is refused, never stored over their work."""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Article
from ..sanitize import sanitize_html
from .models import DraftAutosave
from .services import TransitionRefused


def version_token(article: Article) -> str:
    """The version the form was opened at, as the page carries it."""
    return article.updated_at.isoformat()


def _stale_message(article: Article) -> str:
    record = article.history.select_related("history_user").first()
    who = ""
    if record is not None and record.history_user is not None:
        user = record.history_user
        who = user.get_full_name() or user.get_username()
    when = timezone.localtime(article.updated_at)
    return _(
        "Bài vừa được %(who)s lưu lúc %(when)s nên bản lưu tự động của bạn "
        "không được ghi đè lên. Hãy sao chép phần bạn đang viết, tải lại trang "
        "rồi đưa vào."
    ) % {"who": who or _("người khác"), "when": f"{when:%d/%m/%Y %H:%M}"}


@transaction.atomic
def autosave(
    *,
    article_id: int,
    user: AbstractBaseUser,
    title: str,
    lead: str,
    body: str,
    based_on: datetime,
) -> DraftAutosave:
    """Keep ``user``'s copy of the article's text (title, lead, body; the
    body sanitised as any save does). Refused (``TransitionRefused``) if
    the article was saved since ``based_on``."""
    article = Article.objects.select_for_update().get(pk=article_id)
    if article.updated_at != based_on:
        raise TransitionRefused(_stale_message(article), code="stale")
    copy, _created = DraftAutosave.objects.update_or_create(
        article=article,
        user=user,
        defaults={
            "title": title[:255],
            "lead": lead,
            "body": sanitize_html(body),
            "based_on": based_on,
            "saved_at": timezone.now(),
        },
    )
    return copy


def offered(article: Article, user: AbstractBaseUser) -> DraftAutosave | None:
    """``user``'s autosave of ``article`` worth offering back: made on the
    version stored now (a copy of an older one would undo others' work)."""
    return DraftAutosave.objects.filter(
        article=article, user=user, based_on=article.updated_at
    ).first()


def discard(*, article_id: int, user: AbstractBaseUser) -> int:
    """Forget ``user``'s autosave of the article (saved, or turned down)."""
    deleted, _by_model = DraftAutosave.objects.filter(
        article_id=article_id, user=user
    ).delete()
    return deleted
