"""The version an admin change form was opened at (optimistic concurrency).

A version is a short digest of each value the form shows: every field of the
object the admin edits and every row of its inlines, as stored. The form
carries the version it was opened at; saving compares it, under a lock on
the object's row, with the version stored now. A difference means someone
else saved in between: the save is refused, naming who, when and what, and
the editor's input stays in the form.

Digests of values rather than a counter or ``updated_at``: a change made by
any path (another form, an import, an action, ``QuerySet.update``) shows,
and one field's change can be told from another's.
"""

import hashlib
from datetime import UTC, datetime
from decimal import Decimal

from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.forms.models import _get_foreign_key
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext

VERSION_FIELD = "opened_version"


def _declared_names(options) -> list[str] | None:
    """The field names a model admin or inline declares, if it does."""
    if options.fieldsets:
        return flatten_fieldsets(options.fieldsets)
    if options.fields:
        return flatten_fieldsets([(None, {"fields": options.fields})])
    declared = getattr(getattr(options.form, "_meta", None), "fields", None)
    return list(declared) if isinstance(declared, (list, tuple)) else None


def _fields(model, options, skip=()) -> list:
    """The model fields the form of ``options`` shows, whoever looks."""
    editable = {
        field.name: field
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if field.editable and not field.primary_key and field.name not in skip
    }
    names = _declared_names(options)
    if names is None:
        return list(editable.values())
    return [editable[name] for name in names if name in editable]


def _digest(values) -> str:
    text = "\x1f".join(values)
    return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def _value(row, field) -> str:
    if field.many_to_many:
        return ",".join(sorted(str(o.pk) for o in getattr(row, field.name).all()))
    return _canonical(field, field.value_from_object(row))


def _shown(value) -> str:
    """A stored value as the editor reads it (Vietnamese formats)."""
    if isinstance(value, bool):
        return gettext("có") if value else gettext("không")
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    if isinstance(value, (int, Decimal)):
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    return str(formats.localize(value, use_l10n=True))


def _canonical(field, value) -> str:
    """``value`` of model field ``field`` as text that is the same whether it
    was read from the database or cleaned by a form."""
    if value is None:
        return "None"
    if field.is_relation:
        return str(getattr(value, "pk", value))
    if isinstance(field, models.DecimalField) and isinstance(value, Decimal):
        return str(value.quantize(Decimal(1).scaleb(-field.decimal_places)))
    if isinstance(field, models.DateTimeField) and isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return str(value)


def keep_stored_seconds(instance, cleaned: dict) -> None:
    """Forms show times to the minute: a time in ``cleaned`` sent back as it
    was shown is ``instance``'s stored one, seconds included, not a change."""
    if instance.pk is None:
        return
    for name, value in cleaned.items():
        stored = getattr(instance, name, None)
        if (
            isinstance(value, datetime)
            and isinstance(stored, datetime)
            and stored.replace(second=0, microsecond=0) == value
        ):
            cleaned[name] = stored


class Version:
    """What a change form shows of one object, field by field, as stored now.

    ``model_admin`` is the admin whose form it is; its inlines' rows count
    too, one entry per row (keyed ``<model>-<pk>``).
    """

    def __init__(self, model_admin, pk):
        self.model_admin = model_admin
        self.pk = pk
        self._entries = None
        self._object = None

    @property
    def object(self):
        self.entries()
        return self._object

    def entries(self) -> dict[str, str]:
        if self._entries is not None:
            return self._entries
        model = self.model_admin.model
        obj = model._default_manager.filter(pk=self.pk).first()
        self._object = obj
        if obj is None:
            self._entries = {}
            return self._entries
        fields = _fields(model, self.model_admin)
        entries = {f.name: _digest([_value(obj, f)]) for f in fields}
        for inline_class in self.model_admin.inlines:
            inline = inline_class(model, self.model_admin.admin_site)
            fk = _get_foreign_key(model, inline.model, fk_name=inline.fk_name)
            row_fields = _fields(inline.model, inline, skip={fk.name})
            rows = inline.model._default_manager.filter(**{fk.name: obj})
            m2m = [f.name for f in row_fields if f.many_to_many]
            for row in rows.prefetch_related(*m2m).order_by("pk"):
                key = f"{inline.model._meta.model_name}-{row.pk}"
                entries[key] = _digest([_value(row, f) for f in row_fields])
        self._entries = entries
        return entries

    def token(self) -> str:
        return ";".join(f"{key}={value}" for key, value in self.entries().items())

    @staticmethod
    def parse(token: str) -> dict[str, str]:
        pairs = (item.partition("=") for item in (token or "").split(";") if item)
        return {key: value for key, _sep, value in pairs}

    def changed_since(self, token: str) -> list[str]:
        """Keys whose value differs from the version ``token`` describes."""
        opened, now = self.parse(token), self.entries()
        return sorted(
            k for k in opened.keys() | now.keys() if opened.get(k) != now.get(k)
        )

    def fields(self) -> dict:
        """The object's own fields the version covers, by name."""
        return {f.name: f for f in _fields(self.model_admin.model, self.model_admin)}

    def stored_value(self, name: str):
        return self.fields()[name].value_from_object(self.object)

    def untouched(self, token: str, name: str, submitted) -> bool:
        """Whether ``submitted`` (a cleaned value) for field ``name`` is the
        value the form was opened with (version ``token``). Some values
        may read as touched when they are not (a time typed to the second
        against one stored to the microsecond); never the other way round."""
        field = self.fields().get(name)
        if field is None or field.many_to_many:
            return False
        return self.parse(token).get(name) == _digest([_canonical(field, submitted)])

    def conflict_message(self, request, changed: list[str], merged=()) -> str:
        """What the editor is told when the stored version moved on: who
        saved, when, what changed (with the value now stored for plain
        fields, and whether it was put into the form) and where to see it;
        as HTML from a template."""
        opts = self.model_admin.model._meta
        fields, parts = self._describe(changed, merged)
        who, when = last_change(self.model_admin.model, self.pk, changed)
        try:
            history_url = reverse(
                f"{self.model_admin.admin_site.name}:"
                f"{opts.app_label}_{opts.model_name}_history",
                args=[self.pk],
            )
        except NoReverseMatch:
            history_url = ""
        html = render_to_string(
            "admin/includes/edit_conflict.html",
            {
                "who": who,
                "when": timezone.localtime(when) if when else None,
                "object_name": opts.verbose_name,
                "fields": fields,
                "parts": parts,
                "history_url": history_url,
                "deleted": self.object is None,
            },
            request=request,
        )
        return mark_safe(html)  # rendered from our template, values escaped

    def _describe(self, changed, merged) -> tuple[list[dict], list[str]]:
        """The object's fields among ``changed`` (label, value now, merged)
        and the names of the inlines whose rows are."""
        obj, fields = self.object, self.fields()
        inlines = {
            inline.model._meta.model_name: inline.model._meta.verbose_name_plural
            for inline in (
                cls(self.model_admin.model, self.model_admin.admin_site)
                for cls in self.model_admin.inlines
            )
        }
        described, parts = [], []
        for key in changed:
            if key not in fields:
                label = inlines.get(key.partition("-")[0], key)
                if label not in parts:
                    parts.append(label)
                continue
            field, value = fields[key], None
            if obj is not None and not field.many_to_many and not field.is_relation:
                value = Truncator(_shown(field.value_from_object(obj))).chars(160)
            described.append(
                {"label": field.verbose_name, "value": value, "merged": key in merged}
            )
        return described, parts


def last_change(model, pk, changed_keys=()) -> tuple[str | None, object]:
    """Who saved the object (or the inline rows in ``changed_keys``) last,
    and when: from its history (django-simple-history) or the admin's log."""
    seen = []
    manager_name = getattr(model._meta, "simple_history_manager_attribute", None)
    if manager_name:
        record = (
            getattr(model, manager_name)
            .filter(**{model._meta.pk.attname: pk})
            .select_related("history_user")
            .order_by("-history_date")
            .first()
        )
        if record is not None:
            seen.append((record.history_date, record.history_user))
    logged = [(model, pk)]
    for key in changed_keys:
        name, _sep, row_pk = key.partition("-")
        if row_pk:
            related = next(
                (
                    r.related_model
                    for r in model._meta.related_objects
                    if r.related_model._meta.model_name == name
                ),
                None,
            )
            if related is not None:
                logged.append((related, row_pk))
    for logged_model, logged_pk in logged:
        entry = (
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(logged_model),
                object_id=str(logged_pk),
            )
            .select_related("user")
            .order_by("-action_time")
            .first()
        )
        if entry is not None:
            seen.append((entry.action_time, entry.user))
    if not seen:
        return None, None
    when, user = max(seen, key=lambda item: item[0])
    name = (user.get_full_name() or user.get_username()) if user else None
    return name, when
