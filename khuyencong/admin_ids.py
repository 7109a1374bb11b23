"""Ids in an admin URL or POST that cannot name a row (``abc`` where a
number belongs): refused as Django's admin refuses a missing object, never
a 500 from a query handed a value its column cannot hold.

- ``CheckedActionIdsMixin``: a bulk action whose ticked ids are not all
  keys is refused with a message and nothing is done.
- ``CheckedHistoryIdsMixin``: the history list and a history form of an
  object whose id is not a key redirect with Django's "does not exist"
  message; a version id that is not a key is a 404, as an unknown one is.
- ``CheckedInlineIdsMixin``: an inline row whose hidden id is forged gets
  an error shown above the row (Django's admin shows none).
"""

from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.forms.models import InlineForeignKeyField
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _


def is_key(field, value) -> bool:
    """Whether ``value`` (as sent) is a value of model field ``field``."""
    try:
        field.to_python(value)
    except (ValidationError, ValueError, TypeError):
        return False
    return True


class CheckedActionIdsMixin:
    """For a ``ModelAdmin``: see the module."""

    def response_action(self, request, queryset):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        select_across = request.POST.get("select_across") == "1"
        if not select_across and not all(
            is_key(self.opts.pk, value) for value in selected
        ):
            self.message_user(
                request,
                _(
                    "Các mục được chọn có mã không hợp lệ nên chưa làm gì: "
                    "hãy tải lại trang rồi chọn lại."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)


class CheckedHistoryIdsMixin:
    """For a django-simple-history admin: see the module."""

    def _missing(self, request, object_id):
        """Django's "does not exist" redirect if ``object_id`` is no key."""
        if is_key(self.opts.pk, unquote(object_id)):
            return None
        return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)

    def history_view(self, request, object_id, extra_context=None):
        missing = self._missing(request, object_id)
        if missing is not None:
            return missing
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        missing = self._missing(request, object_id)
        if missing is not None:
            return missing
        manager = getattr(self.model, self.opts.simple_history_manager_attribute)
        history_pk = manager.model._meta.pk
        if not is_key(history_pk, version_id):
            raise Http404(_("Không có phiên bản này."))
        return super().history_form_view(request, object_id, version_id, extra_context)


class HiddenErrorsShownForm:
    """Mixed into an inline's form: an error on a hidden field (a row's id,
    its parent's key), which the admin's templates do not show, is shown
    above the row too, named in words, so a refused save says why."""

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:  # a form shown, not posted: nothing checked
            return
        for name in list(self._errors):
            field = self.fields.get(name)
            if field is None or not field.widget.is_hidden:
                continue
            self.add_error(
                None,
                _(
                    "Dòng này mang dữ liệu ẩn không hợp lệ (%(field)s: %(errors)s): "
                    "hãy tải lại trang rồi sửa lại."
                )
                % {
                    "field": self._hidden_name(name, field),
                    "errors": " ".join(self._errors[name]),
                },
            )

    def _hidden_name(self, name, field) -> str:
        """What a reader calls the hidden field ``name``: the row's id, its
        parent's key, else its label."""
        if name == self._meta.model._meta.pk.name:
            return _("mã của dòng")
        if isinstance(field, InlineForeignKeyField):
            parent = field.parent_instance._meta.verbose_name
            return _("%(parent)s chứa dòng") % {"parent": parent}
        return str(field.label or name)


class CheckedInlineIdsMixin:
    """For a ``ModelAdmin``: its inlines' forms are ``HiddenErrorsShownForm``."""

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            form = formset.form
            if not issubclass(form, HiddenErrorsShownForm):
                form = type(form.__name__, (HiddenErrorsShownForm, form), {})
                formset = type(formset.__name__, (formset,), {"form": form})
            yield formset, inline
