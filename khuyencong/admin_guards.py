"""Base classes for the portal's model admins: what no admin route may do.

- ``GuardedAdmin``: a change form carries the version it was opened at and
  a save of an older version is refused (``khuyencong.admin_versions``); the
  object's row is locked while a POST is handled; a rule that can only be
  checked on what was saved (say, the figures of a published article with
  its new data blocks) refuses the save by raising ``ValidationError``: the
  whole save is rolled back and the form shown again with the message; the
  same for deletions and actions. A notice tells who else opened the form
  lately.
- ``GuardedHistoryAdmin``: the same for django-simple-history admins, whose
  history form ("revert") saves only for those who may change the object as
  it is now, and is read-only for the others.

``PortalAdminSite.check`` refuses a history admin that is not guarded, so a
new one cannot forget.
"""

import logging
from functools import partial

from django import forms
from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core import checks
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from .admin_fields import StrictFieldsAdmin
from .admin_ids import CheckedHistoryIdsMixin, CheckedInlineIdsMixin
from .admin_versions import VERSION_FIELD, Version, keep_stored_seconds
from .history_display import ReadableHistoryMixin

logger = logging.getLogger(__name__)

#: How long an opened change form counts as "being edited" for the notice.
PRESENCE_SECONDS = 15 * 60


class VersionField(forms.CharField):
    """The version a form was opened at; never a change of its own."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data):
        return False


class GuardedForm(forms.ModelForm):
    """Mixed into a guarded admin's form. ``version`` (a ``Version``) and
    ``refusal`` (a ``ValidationError`` from a first attempt to save) are set
    per request by ``GuardedAdmin.get_form``."""

    opened_version = VersionField(
        required=False, label=gettext_lazy("Phiên bản lúc mở")
    )
    version = None
    refusal = None
    refusal_field = None
    request = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.version is not None and VERSION_FIELD in self.fields:
            self.fields[VERSION_FIELD].initial = self.version.token()

    def clean(self):
        cleaned = super().clean()
        keep_stored_seconds(self.instance, cleaned)
        if self.version is not None and VERSION_FIELD in self.fields:
            self._check_version()
        if self.refusal is not None:
            field = self.refusal_field if self.refusal_field in self.fields else None
            self.add_error(field, ValidationError(self.refusal.messages))
        return cleaned

    def _check_version(self):
        opened = self.data.get(self.add_prefix(VERSION_FIELD), "")
        changed = self.version.changed_since(opened)
        if not changed:
            return
        # Shown again with the version stored now: saving once more, after
        # looking, is a deliberate overwrite of what still differs.
        self.data = self.data.copy()
        self.data[self.add_prefix(VERSION_FIELD)] = self.version.token()
        if not opened:  # not sent by the form as the page gave it
            self.add_error(
                None,
                _(
                    "Không rõ bạn đã mở bản nào của %(object)s này nên chưa lưu: "
                    "hãy xem lại nội dung đang có rồi lưu lại."
                )
                % {"object": self.instance._meta.verbose_name},
            )
            return
        # A field someone else changed and this editor did not touch shows
        # the stored value: saving again then keeps both changes.
        merged = [
            name
            for name in changed
            if name in self.fields
            and name in self.cleaned_data
            and self.version.untouched(opened, name, self.cleaned_data[name])
            and self._show_stored(name)
        ]
        self.add_error(
            None, self.version.conflict_message(self.request, changed, merged)
        )

    def _show_stored(self, name) -> bool:
        """Put the stored value of field ``name`` into the submitted data, as
        its widget sends it; False where that is not simple (several
        inputs, files, several choices)."""
        field, key = self.fields[name], self.add_prefix(name)
        widget = field.widget
        if isinstance(widget, (forms.MultiWidget, forms.FileInput)) or getattr(
            widget, "allow_multiple_selected", False
        ):
            return False
        value = field.prepare_value(self.version.stored_value(name))
        if isinstance(widget, forms.CheckboxInput):
            if value:
                self.data[key] = "on"
            else:
                self.data.pop(key, None)
            return True
        shown = widget.format_value(value)
        if isinstance(shown, list):  # a choice widget's one choice
            shown = shown[0] if shown else None
        self.data[key] = "" if shown is None else str(shown)
        return True


class GuardedAdmin(CheckedInlineIdsMixin, StrictFieldsAdmin, ModelAdmin):
    """See the module's docstring. ``refusal_field``: the form field next to
    which a refused save's message is shown (elsewhere: at the top).
    ``lock_parents``: foreign keys to rows whose own form shows this one as
    an inline; they are locked first, in that order, so that both forms'
    saves queue one behind the other (and see each other's change)."""

    refusal_field = None
    lock_parents = ()

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        if not issubclass(self.form, GuardedForm):
            self.form = type(self.form.__name__, (GuardedForm, self.form), {})

    def _db(self):
        return router.db_for_write(self.model)

    # --- the row lock and the version -------------------------------------

    def get_object(self, request, object_id, from_field=None):
        if (
            request.method == "POST"
            and transaction.get_connection(self._db()).in_atomic_block
        ):
            field = self.opts.get_field(from_field) if from_field else self.opts.pk
            try:
                value = field.to_python(object_id)
            except (ValidationError, ValueError):
                value = None
            if value is not None:
                self._lock(field.name, value)
        return super().get_object(request, object_id, from_field)

    def _lock(self, field_name, value):
        rows = self.model._default_manager.filter(**{field_name: value})
        for name in self.lock_parents:
            parent = self.opts.get_field(name).related_model._default_manager
            ids = rows.values(self.opts.get_field(name).attname)
            list(parent.select_for_update().filter(pk__in=ids).values_list("pk"))
        list(rows.select_for_update().values_list("pk"))

    def version_of(self, request, pk) -> Version:
        versions = request.__dict__.setdefault("_admin_versions", {})
        key = (self.opts.label_lower, str(pk))
        if key not in versions:
            versions[key] = Version(self, pk)
        return versions[key]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        attrs = {
            "request": request,
            "refusal": getattr(request, "_save_refusal", None),
            "refusal_field": self.refusal_field,
            "version": None,
        }
        if obj is not None and obj.pk is not None:
            attrs["version"] = self.version_of(request, obj.pk)
        return type(form.__name__, (form,), attrs)

    def get_fieldsets(self, request, obj=None):
        history_form = getattr(request, "_history_form", None)
        dropped = {VERSION_FIELD}
        if history_form is not None:
            shows_version = history_form == "restore"
        else:
            shows_version = obj is not None and self.has_change_permission(request, obj)
        if history_form == "read-only" or (obj is not None and not shows_version):
            # Shown read-only: only what the object itself holds (a form's
            # own field, such as a confirmation box, has no value to show).
            model_fields = {f.name for f in self.opts.get_fields()}
            dropped |= set(self.form.declared_fields) - model_fields
        fieldsets = [
            (name, {**options, "fields": _without(options["fields"], dropped)})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if shows_version and fieldsets:
            name, options = fieldsets[0]
            fieldsets[0] = (
                name,
                {**options, "fields": [*options["fields"], VERSION_FIELD]},
            )
        return fieldsets

    # --- saves refused after the fact -------------------------------------

    def _refusable(self, request, view):
        """Run ``view``; if saving raised ValidationError, everything it wrote
        is rolled back and ``view`` runs again, its form showing the error."""
        if request.method != "POST":
            return view()
        try:
            with transaction.atomic(using=self._db()):
                return view()
        except ValidationError as refusal:
            if hasattr(request, "_save_refusal"):
                raise
            request._save_refusal = refusal
            return view()

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        view = partial(
            super().changeform_view, request, object_id, form_url, extra_context
        )
        return self._refusable(request, view)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except ValidationError as refusal:
            self.message_user(request, " ".join(refusal.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def response_action(self, request, queryset):
        try:
            with transaction.atomic(using=self._db()):
                return super().response_action(request, queryset)
        except ValidationError as refusal:
            self.message_user(request, " ".join(refusal.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    # --- who else has the form open ---------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        context = getattr(response, "context_data", None) or {}
        if request.method == "GET" and context.get("has_change_permission"):
            self._note_presence(request, object_id)
        elif response.status_code == 302 and request.method == "POST":
            self._note_presence(request, object_id, leaving=True)
        return response

    def _note_presence(self, request, object_id, leaving=False):
        """Say who else opened this form lately (a notice, not a lock): kept
        in the cache, and skipped if the cache is down."""
        key = f"admin-editing:{self.opts.label_lower}:{object_id}"
        now = timezone.now()
        try:
            editors = {
                user: (name, since)
                for user, (name, since) in (cache.get(key) or {}).items()
                if (now - since).total_seconds() < PRESENCE_SECONDS
            }
            me = request.user.pk
            if leaving:
                editors.pop(me, None)
            else:
                for user, (name, since) in editors.items():
                    if user != me:
                        self._announce(request, name, since)
                editors[me] = (
                    request.user.get_full_name() or request.user.get_username(),
                    now,
                )
            cache.set(key, editors, PRESENCE_SECONDS)
        except Exception:  # a notice must never break the form
            logger.warning("editing notice unavailable", exc_info=True)

    def _announce(self, request, name, since):
        messages.warning(
            request,
            _(
                "%(name)s đang mở trang sửa %(object)s này (từ %(time)s). Nếu cả hai "
                "cùng lưu, lần lưu sau sẽ bị từ chối để không mất thay đổi của ai."
            )
            % {
                "name": name,
                "object": self.opts.verbose_name,
                "time": timezone.localtime(since).strftime("%d/%m/%Y %H:%M"),
            },
        )


def _without(fields, names) -> list:
    """``fields`` (names, or tuples of names on one line) less ``names``."""
    kept = []
    for entry in fields:
        if isinstance(entry, (list, tuple)):
            line = tuple(name for name in entry if name not in names)
            if line:
                kept.append(line)
        elif entry not in names:
            kept.append(entry)
    return kept


class GuardedHistoryAdmin(
    CheckedHistoryIdsMixin, GuardedAdmin, ReadableHistoryMixin, SimpleHistoryAdmin
):
    """A django-simple-history admin whose history form saves (restores a
    version) only for those who may change the object as it is now."""

    def _may_restore(self, request, current) -> bool:
        if current is None:  # restoring a deleted object adds it again
            return self.has_add_permission(request)
        return self.has_change_permission(request, current)

    def _current(self, request, object_id):
        return self.get_object(request, unquote(object_id))

    def has_change_history_permission(self, request, obj=None):
        # ``obj`` is an old version: what is changed is the object as it is now.
        if self.enforce_history_permissions and not (
            super().has_change_history_permission(request, obj)
        ):
            return False
        if obj is None:
            return self.has_change_permission(request)
        current = self.model._default_manager.filter(pk=obj.pk).first()
        return self._may_restore(request, current)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        view = partial(
            super().history_form_view, request, object_id, version_id, extra_context
        )
        if request.method != "POST":
            current = self._current(request, object_id)
            if self._may_restore(request, current):
                request._history_form = "restore"
            else:
                request._history_form = "read-only"
                shown = flatten_fieldsets(self.get_fieldsets(request, current))
                request._history_read_only_fields = shown
            return view()

        def restore():
            current = self._current(request, object_id)
            if not (
                self._may_restore(request, current)
                and self.has_change_history_permission(request, current)
            ):
                raise PermissionDenied
            request._history_form = "restore"
            return view()

        return self._refusable(request, restore)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        for name in getattr(request, "_history_read_only_fields", ()):
            if name not in fields:
                fields.append(name)
        return fields


def check_history_admins(site) -> list[checks.Error]:
    """Every history admin on ``site`` must be guarded (see the module)."""
    return [
        checks.Error(
            f"{type(model_admin).__name__} is a SimpleHistoryAdmin but not a "
            "GuardedHistoryAdmin: its history form would save for viewers.",
            hint="Derive it from khuyencong.admin_guards.GuardedHistoryAdmin.",
            obj=type(model_admin),
            id="khuyencong.E001",
        )
        for model_admin in site._registry.values()
        if isinstance(model_admin, SimpleHistoryAdmin)
        and not isinstance(model_admin, GuardedHistoryAdmin)
    ]
