"""Autosaved drafts: what an editor has typed in an article's form, every
field of it, kept every few seconds per person and article without touching
the article (or what the public sees), and offered back when the form is
opened again.

The copy is based on the version the form was opened at, the one the
admin's edit guard checks a save against (``khuyencong.admin_versions``):
once someone else has saved the article or anything its form shows (a data
block, a correction), an autosave from the older page is refused, never
stored over their work, and an older copy is no longer offered."""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from khuyencong.admin_versions import VERSION_FIELD, Version, last_change
from khuyencong.text import without_control_characters

from ..models import Article
from ..sanitize import sanitize_html
from .models import DraftAutosave
from .services import TransitionRefused

#: Kept in their own columns.
TEXT_FIELDS = ("title", "lead", "body")
#: Never kept: a change of state, a confirmation or a note meant for one
#: deliberate save, and the version (the copy's own ``version``).
NOT_KEPT = frozenset(
    {"status", "confirm_mismatch", "send_back_note", VERSION_FIELD, *TEXT_FIELDS}
)
#: Longest value and most values kept for one field: what a person types
#: into a one-line input or chooses in a list, with room to spare.
VALUE_LIMIT = 5_000
VALUES_LIMIT = 500


def _kept(value):
    """A field's submitted value as stored (text without control
    characters, a flag, or a list of them, as the widget sends them); None
    for anything else (a file)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        # As any save would keep it: PostgreSQL's JSON holds no NUL.
        return without_control_characters(value)[:VALUE_LIMIT]
    if isinstance(value, (list, tuple)):
        kept = [_kept(item) for item in value[:VALUES_LIMIT]]
        return kept if all(isinstance(item, str) for item in kept) else None
    return None


def submitted_fields(form) -> dict:
    """What ``form`` (a bound article form) was sent for each field an
    autosave keeps beside the text, as its widgets read it: re-shown as is,
    even half typed (a date being written), when the copy is restored."""
    kept = {}
    for name, field in form.fields.items():
        if name in NOT_KEPT:
            continue
        value = _kept(
            field.widget.value_from_datadict(
                form.data, form.files, form.add_prefix(name)
            )
        )
        if value is not None:
            kept[name] = _choosable(field, value)
    return kept


def _choosable(field, value):
    """A choice of rows (category, tags, cover…) only if every row chosen
    exists: the restored form looks them up to show them."""
    if not isinstance(field, forms.ModelChoiceField):
        return value
    try:
        field.clean(value)
    except ValidationError as refused:
        if refused.code != "required":
            return [] if isinstance(value, list) else ""
    return value


def _stale_message(article: Article, changed: list[str]) -> str:
    who, when = last_change(Article, article.pk, changed)
    if when is None:
        when = article.updated_at
    return _(
        "Bài vừa được %(who)s lưu lúc %(when)s nên bản lưu tự động của bạn "
        "không được ghi đè lên. Hãy sao chép phần bạn đang viết, tải lại trang "
        "rồi đưa vào."
    ) % {
        "who": who or _("người khác"),
        "when": f"{timezone.localtime(when):%d/%m/%Y %H:%M}",
    }


@transaction.atomic
def autosave(
    *,
    article_id: int,
    user: AbstractBaseUser,
    title: str,
    lead: str,
    body: str,
    fields: dict,
    opened: str,
    version: Version,
) -> DraftAutosave:
    """Keep ``user``'s copy of the article's form: the text (the body
    sanitised as any save does) and the other ``fields`` (from
    ``submitted_fields``). Refused (``TransitionRefused``) if what the form
    shows was saved since the version ``opened``; ``version`` (the article's
    as stored) is read once the article's row is locked."""
    article = Article.objects.select_for_update().get(pk=article_id)
    if changed := version.changed_since(opened):
        raise TransitionRefused(_stale_message(article, changed), code="stale")
    copy, _created = DraftAutosave.objects.update_or_create(
        article=article,
        user=user,
        defaults={
            "title": title[:255],
            "lead": lead,
            "body": sanitize_html(body),
            "fields": {k: v for k, v in fields.items() if k not in NOT_KEPT},
            "version": opened,
            "saved_at": timezone.now(),
        },
    )
    return copy


def offered(
    article: Article, user: AbstractBaseUser, current: str
) -> DraftAutosave | None:
    """``user``'s autosave of ``article`` worth offering back: made on the
    version stored now, ``current`` (a copy of an older one would undo
    others' work)."""
    if not current:
        return None
    return DraftAutosave.objects.filter(
        article=article, user=user, version=current
    ).first()


def restored_initial(copy: DraftAutosave, field_names) -> dict:
    """The form's initial values from ``copy``, for the fields the form has
    now."""
    values = {"title": copy.title, "lead": copy.lead, "body": copy.body}
    values.update(
        (name, value) for name, value in copy.fields.items() if name not in NOT_KEPT
    )
    return {name: value for name, value in values.items() if name in field_names}


def discard(*, article_id: int, user: AbstractBaseUser) -> int:
    """Forget ``user``'s autosave of the article (saved, or turned down)."""
    deleted, _by_model = DraftAutosave.objects.filter(
        article_id=article_id, user=user
    ).delete()
    return deleted
