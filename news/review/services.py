"""The review steps, each one transaction with the article's row locked, so
two people acting at once give one result and a clear refusal for the
second. Each step leaves a ``ReviewNote`` and, once committed, e-mails the
people it concerns (``news.review.notifications``)."""

from datetime import datetime
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Article
from ..scheduling import check_schedule
from ..services import check_publication, record_quotes
from . import notifications
from .models import ReviewNote

Kind = ReviewNote.Kind
Status = Article.Status


class TransitionRefused(ValidationError):
    """The step is not allowed to this person, or no longer fits the
    article's state (someone else acted first)."""


def _locked(article_id: int) -> Article:
    return Article.objects.select_for_update().get(pk=article_id)


def _who_acted_last(article: Article) -> str:
    """ "(who, when)" of the last review step, for the refusal of a second
    person acting on a stale page."""
    note = article.review_notes.select_related("user").first()
    if note is None:
        return ""
    when = timezone.localtime(note.created_at)
    who = (note.user.get_full_name() or note.user.get_username()) if note.user else ""
    return " " + _("(%(step)s bởi %(who)s lúc %(when)s)") % {
        "step": note.get_kind_display().lower(),
        "who": who or _("một người khác"),
        "when": f"{when:%d/%m/%Y %H:%M}",
    }


def _require_status(article: Article, *allowed: str, expected: str = "") -> None:
    """The step fits the article's state, and the state is still the one
    the person saw (``expected``, sent by the page) if given."""
    if article.status in allowed and expected in ("", article.status):
        return
    raise TransitionRefused(
        _("Bài đang ở trạng thái “%(status)s” nên không làm được việc này%(last)s.")
        % {"status": article.get_status_display(), "last": _who_acted_last(article)},
        code="stale",
    )


def _require_perm(user: AbstractBaseUser, permission: str) -> None:
    if not user.has_perm(permission):
        raise TransitionRefused(
            _("Bạn không có quyền làm việc này."), code="permission"
        )


def _record(
    article: Article, *, kind: str, user: AbstractBaseUser, text: str, base_url: str
) -> ReviewNote:
    note = ReviewNote.objects.create(article=article, kind=kind, user=user, text=text)
    transaction.on_commit(
        partial(notifications.notify, note_id=note.pk, base_url=base_url)
    )
    return note


def record_form_step(
    *,
    article: Article,
    before: str,
    user: AbstractBaseUser,
    base_url: str,
    note: str = "",
) -> ReviewNote | None:
    """A review step taken by saving the article's form with a new status
    (from ``before``): recorded and told as the buttons' steps are. Inside
    the form's transaction: a save rolled back sends nothing. Sending back
    (under review to draft) needs ``note``, as ``send_back`` does; the form
    requires it, and the note's table refuses a send-back without one."""
    if before == article.status:
        return None
    if article.status == Status.REVIEW:
        kind = Kind.SUBMITTED
    elif article.status == Status.DRAFT and before == Status.REVIEW:
        kind = Kind.SENT_BACK
    elif article.status == Status.PUBLISHED and before in (Status.DRAFT, Status.REVIEW):
        kind = Kind.PUBLISHED if article.is_public else Kind.SCHEDULED
    else:
        return None
    return _record(article, kind=kind, user=user, text=note.strip(), base_url=base_url)


@transaction.atomic
def record_published(
    *, articles: list[Article], user: AbstractBaseUser, base_url: str
) -> list[ReviewNote]:
    """Articles just published (or scheduled) by another path, such as the
    list's bulk action: recorded and told to their authors as one by one."""
    return [
        _record(
            article,
            kind=Kind.PUBLISHED if article.is_public else Kind.SCHEDULED,
            user=user,
            text="",
            base_url=base_url,
        )
        for article in articles
    ]


@transaction.atomic
def submit_for_review(
    *,
    article_id: int,
    user: AbstractBaseUser,
    note: str = "",
    base_url: str,
    expected: str = "",
) -> ReviewNote:
    """The author sends a draft to the publishers ("Gửi duyệt")."""
    _require_perm(user, "news.change_article")
    article = _locked(article_id)
    _require_status(article, Status.DRAFT, expected=expected)
    article.status = Status.REVIEW
    article._history_user = user
    article.save()
    return _record(
        article, kind=Kind.SUBMITTED, user=user, text=note.strip(), base_url=base_url
    )


@transaction.atomic
def send_back(
    *,
    article_id: int,
    user: AbstractBaseUser,
    note: str,
    base_url: str,
    expected: str = "",
) -> ReviewNote:
    """A publisher returns an article to its author as a draft, saying why
    (the note is required: the author must know what to change)."""
    _require_perm(user, Article.PUBLISH_PERMISSION)
    if not note.strip():
        raise TransitionRefused(
            {"note": _("Hãy ghi rõ lý do trả lại để người viết biết cần sửa gì.")},
            code="required",
        )
    article = _locked(article_id)
    _require_status(article, Status.REVIEW, expected=expected)
    article.status = Status.DRAFT
    article._history_user = user
    article._change_reason = _("Trả lại")
    article.save()
    return _record(
        article, kind=Kind.SENT_BACK, user=user, text=note.strip(), base_url=base_url
    )


@transaction.atomic
def publish(
    *,
    article_id: int,
    user: AbstractBaseUser,
    at: datetime | None = None,
    note: str = "",
    base_url: str,
    expected: str = "",
) -> ReviewNote:
    """A publisher publishes a draft or an article under review now, or at
    ``at`` (scheduling, "Lên lịch"). The figure rule applies as for every
    path that publishes (``check_publication``: a contradicted number
    refuses it; confirming is done in the article's form)."""
    _require_perm(user, Article.PUBLISH_PERMISSION)
    now = timezone.now()
    if at is not None and at <= now:
        raise TransitionRefused(
            {"at": _("Thời điểm lên lịch phải ở trong tương lai.")}, code="past"
        )
    check_schedule(at, field="at", label=_("Xuất bản lúc"))
    article = _locked(article_id)
    _require_status(article, Status.DRAFT, Status.REVIEW, expected=expected)
    when = at or now
    if article.unpublish_at and article.unpublish_at <= when:
        raise TransitionRefused(
            _("Thời điểm gỡ của bài phải sau thời điểm xuất bản."), code="unpublish"
        )
    article.published_at = when
    article.check_times()  # a withdrawal time stored before the bound
    article.status = Status.PUBLISHED
    article._history_user = user
    article.save()
    report = check_publication(
        article=article, confirmed=False, user=user, just_saved=True, was_public=False
    )
    record_quotes(article=article, report=report)
    kind = Kind.SCHEDULED if at is not None else Kind.PUBLISHED
    return _record(article, kind=kind, user=user, text=note.strip(), base_url=base_url)
