"""The history pages of django-simple-history, as an editor reads them.

Its list shows each version's changes and extra columns as Python prints
them: times in UTC and ISO form ("2026-12-01 23:08:33.013774+00:00"), choices
by their stored code ("draft"), "True", "None", decimals with a point, and a
column's heading by the attribute's name ("status"). Here every value is
shown as the admin's forms show it: local time as ``dd/mm/yyyy HH:MM`` (the
project's formats), a choice's label, có/không, numbers the Vietnamese way,
and a column is headed by its field's verbose name.
"""

import re
from datetime import date, datetime, time
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

EMPTY = "—"
#: How simple-history (unittest's shortening) marks what it left out.
_LEFT_OUT = re.compile(r"\[(\d+) chars\]")


def shown(value, field=None) -> str:
    """``value`` (of model field ``field``, if known) as an editor reads it."""
    if value is None or value == "":
        return EMPTY
    if field is not None and field.choices and not field.is_relation:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("có") if value else _("không")
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, time):
        return formats.time_format(value, "TIME_FORMAT")
    if isinstance(value, (int, Decimal, float)):
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


class ReadableHistoryHelper(HistoricalRecordContextHelper):
    """The "Changes" column: each old and new value through :func:`shown`."""

    def prepare_delta_change_value(self, change, value):
        field = _field(self.model, change.field)
        if isinstance(field, models.ManyToManyField):
            value = super().prepare_delta_change_value(change, value)
            return ", ".join(shown(item) for item in value) or EMPTY
        if isinstance(value, DeletedObject) and value.pk is None:
            # simple-history's word for a foreign key that was empty.
            return EMPTY
        if field is not None and field.is_relation and value is not None:
            return str(value) if isinstance(value, models.Model) else shown(value)
        return shown(value, field)

    def stringify_delta_change_values(self, change, old, new):
        # The values come back escaped: the replacement adds no markup.
        return tuple(
            mark_safe(_LEFT_OUT.sub(lambda m: _("[%s ký tự]") % m[1], text))
            for text in super().stringify_delta_change_values(change, old, new)
        )


class ReadableHistoryMixin:
    """For a ``SimpleHistoryAdmin``: its history list as an editor reads it
    (with ``templates/simple_history/object_history_list.html``)."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistoryHelper(self.model, historical_record)

    def _history_column(self, name):
        """The heading and the value getter of a ``history_list_display``
        entry: a field of the model, or a method of the admin."""
        field = _field(self.model, name)
        if field is not None:
            return capfirst(field.verbose_name), lambda record: shown(
                getattr(record, field.attname), field
            )
        # simple-history has set an admin method's value on each record.
        label = getattr(getattr(self, name, None), "short_description", name)
        return capfirst(label), lambda record: shown(getattr(record, name))

    def set_history_delta_changes(self, request, historical_records, **kwargs):
        super().set_history_delta_changes(request, historical_records, **kwargs)
        columns = [
            self._history_column(name)
            for name in self.get_history_list_display(request)
        ]
        for record in historical_records:
            record.readable_columns = [getter(record) for _label, getter in columns]
        request._readable_history_headings = [label for label, _getter in columns]

    def render_history_view(self, request, template, context, **kwargs):
        context["readable_history_headings"] = getattr(
            request, "_readable_history_headings", []
        )
        return super().render_history_view(request, template, context, **kwargs)
