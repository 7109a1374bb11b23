"""An article's add form is sent once: it carries a one-time token, signed
for the user it was served to; the first save claims the token (a unique
row, claimed before the article is written, in the save's transaction), and
a repeated submission (a double click without JavaScript, a resend) finds
it claimed and is shown the article already created instead of making a
second one. Two submissions at the same moment meet at the unique index:
the second waits for the first and then finds the token taken."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from khuyencong.signing import sign_for, unsign_for

#: The name of the hidden input carrying the token in the add form.
TOKEN_FIELD = "submission_token"
_SALT = "news.article.add"
#: Days a saved submission is kept: a repeat comes within minutes (a double
#: click, a resend); older rows are pruned when a form is claimed.
KEEP_DAYS = 3


class ArticleSubmission(models.Model):
    """An add form of an article that was saved: its token, and the article
    it created (set once written). Neither is held by it: deleting the
    article or the user keeps the row (a repeat then goes to the list), and
    their delete pages do not list it."""

    token = models.CharField(_("mã lần gửi"), max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    article = models.ForeignKey(
        "news.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("lần gửi biểu mẫu thêm bài")
        verbose_name_plural = _("lần gửi biểu mẫu thêm bài")

    def __str__(self) -> str:
        when = timezone.localtime(self.created_at) if self.created_at else None
        return gettext("Lần gửi biểu mẫu thêm bài lúc %(when)s") % {
            "when": date_format(when, "DATETIME_FORMAT") if when else "—"
        }


class Replayed(Exception):
    """The add form was sent before: ``submission`` is its first sending."""

    def __init__(self, submission: ArticleSubmission):
        super().__init__(submission.token)
        self.submission = submission


def new_token(user) -> str:
    """A fresh token for an add form served to ``user``."""
    return sign_for(user.pk, uuid.uuid4().hex, salt=_SALT)


def token_of(signed: str, user) -> str | None:
    """The token ``signed`` carries if it was served to ``user``, else None.
    A form older than a login lasts (``SESSION_COOKIE_AGE``) could not be
    sent by the session it was served in, so its token is not taken."""
    token = unsign_for(user.pk, signed, salt=_SALT, max_age=settings.SESSION_COOKIE_AGE)
    return token if isinstance(token, str) else None


def sent_before(token: str | None) -> ArticleSubmission | None:
    """The saved submission of ``token``, if it was saved (committed)."""
    if token is None:
        return None
    return ArticleSubmission.objects.filter(token=token).first()


def claim(*, token: str, user) -> ArticleSubmission:
    """Claim ``token`` for the save under way (call inside its transaction,
    before writing the article). Raises ``Replayed`` if it was claimed by a
    save already committed; one still running is waited for. Rows older
    than ``KEEP_DAYS`` are pruned once the save is committed."""
    transaction.on_commit(_prune, robust=True)
    try:
        with transaction.atomic():
            return ArticleSubmission.objects.create(token=token, user=user)
    except IntegrityError:
        first = ArticleSubmission.objects.filter(token=token).first()
        if first is None:  # pragma: no cover - claimed, then rolled back
            raise
        raise Replayed(first) from None


def _prune() -> None:
    """Forget the submissions saved more than ``KEEP_DAYS`` ago."""
    since = timezone.now() - timedelta(days=KEEP_DAYS)
    ArticleSubmission.objects.filter(created_at__lt=since).delete()
