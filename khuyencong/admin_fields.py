"""Fields of admin forms that refuse what a person would not mean: a
tampered key in a relation field (a form error, never a 500) and a number
written with digits other than 0-9 (``khuyencong.digits``).

A form shown again after a failed save hands the submitted values back to
its widgets. Django's autocomplete widgets look them up as they are
(``AutocompleteMixin.optgroups``): "x" for a foreign key raises ValueError
("Field 'id' expected a number"), and on SQLite a key past 64 bits raises
OverflowError, in a page whose form had already refused the value. Django's
multiple-choice field checks that a key converts, not that it fits, and
then looks all of them up at once (OverflowError on SQLite too).

The keys' rule, in one place (``usable_keys``): a submitted key is looked up only
if the target field converts it and it is within that field's range. The
admins take it through ``StrictFieldsAdmin``
(``tests/khuyencong/test_admin_tampered.py`` posts tampered keys to every
relation of every admin form, so an admin without it is found).
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst

from .digits import OTHER_DIGITS_MESSAGE, has_other_digits
from .text import without_control_characters


def target_field(model_field):
    """The field of the related model a relation stores (its key)."""
    remote = model_field.remote_field
    opts = remote.model._meta
    return opts.get_field(getattr(remote, "field_name", None) or opts.pk.name)


def usable_keys(target, values) -> set[str]:
    """Those of ``values`` (as submitted) that can name a row by ``target``:
    converted by it and within its range."""
    usable = set()
    for value in values:
        try:
            key = target.to_python(value)
            target.run_validators(key)
        except (ValidationError, ValueError, TypeError):
            continue
        if key is not None:
            usable.add(str(value))
    return usable


class KeyedAutocompleteMixin:
    """Shows again only the submitted keys that can name a row (the others
    the field refused, with its message)."""

    def optgroups(self, name, value, attr=None):
        keys = usable_keys(target_field(self.field), value)
        return super().optgroups(name, [v for v in value if str(v) in keys], attr)


class KeyedAutocompleteSelect(KeyedAutocompleteMixin, AutocompleteSelect):
    pass


class SharedLookupAutocompleteSelect(KeyedAutocompleteSelect):
    """For an inline of hundreds of rows over a short list (a region's
    members: a province each year since 2015): the list's labels are read
    once, on the first row, and shared by the copies of the widget every
    form of the formset gets (a widget's copy is shallow), not looked up
    row by row."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.labels: dict[str, str] = {}

    def optgroups(self, name, value, attr=None):
        target = target_field(self.field)
        if not self.labels:
            field = self.choices.field
            self.labels.update(
                (str(getattr(row, target.attname)), field.label_from_instance(row))
                for row in field.queryset.using(self.db)
            )
        keys = usable_keys(target, value)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        for key in dict.fromkeys(str(v) for v in value):
            if key in keys and key in self.labels:
                options.append(
                    self.create_option(name, key, self.labels[key], True, len(options))
                )
        return [(None, options, 0)]


class KeyedAutocompleteSelectMultiple(
    KeyedAutocompleteMixin, AutocompleteSelectMultiple
):
    pass


class KeyedMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses a key that cannot name a row before looking any up."""

    def __init__(self, queryset, *, target, **kwargs):
        self.target = target
        super().__init__(queryset, **kwargs)

    def _check_values(self, value):
        try:
            keys = [str(v) for v in frozenset(value)]
        except TypeError:
            keys = []  # Django's own check names the malformed list
        for key in keys:
            if key not in usable_keys(self.target, [key]):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": key},
                )
        return super()._check_values(value)


class DigitsOnlyMixin:
    """A number form field that refuses digits other than 0-9, naming
    itself (Django's reads "١٢٣" as 123)."""

    def to_python(self, value):
        if isinstance(value, str) and has_other_digits(value):
            message = OTHER_DIGITS_MESSAGE % {"text": value.strip()}
            raise ValidationError(
                f"{capfirst(self.label)}: {message}" if self.label else message,
                code="invalid",
            )
        return super().to_python(value)


class DigitsOnlyIntegerField(DigitsOnlyMixin, forms.IntegerField):
    pass


class DigitsOnlyDecimalField(DigitsOnlyMixin, forms.DecimalField):
    pass


#: Model fields whose default form field reads any Unicode digit.
NUMBER_FIELDS = {
    models.IntegerField: DigitsOnlyIntegerField,
    models.DecimalField: DigitsOnlyDecimalField,
}


class PlainTextField(forms.CharField):
    """Text without control characters (see ``without_control_characters``):
    a title pasted from Word with a vertical tab would otherwise break the
    RSS feed for everyone."""

    def __init__(self, *, multiline: bool = False, **kwargs):
        self.multiline = multiline
        super().__init__(**kwargs)

    def to_python(self, value):
        # Cleaned before the field strips it: a value of control characters
        # only is then empty, and a required field says so.
        if isinstance(value, str):
            value = without_control_characters(value, multiline=self.multiline)
        return super().to_python(value)


class StrictFieldsAdmin:
    """Mixed into every model admin and inline: its relation fields use the
    widgets and field above, its number fields take digits 0-9 only, its
    text fields hold no control characters."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        for model_field, form_class in NUMBER_FIELDS.items():
            if isinstance(db_field, model_field) and not db_field.choices:
                kwargs.setdefault("form_class", form_class)
        if _is_free_text(db_field) and "form_class" not in kwargs:
            kwargs["form_class"] = PlainTextField
            kwargs["multiline"] = isinstance(db_field, models.TextField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                KeyedAutocompleteSelect(
                    db_field, self.admin_site, using=kwargs.get("using")
                ),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                KeyedAutocompleteSelectMultiple(
                    db_field, self.admin_site, using=kwargs.get("using")
                ),
            )
        if "form_class" not in kwargs:
            kwargs.update(
                form_class=KeyedMultipleChoiceField, target=target_field(db_field)
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def errors_naming_fields(form) -> list[str]:
    """Each field's errors after its label ("“Xuất bản lúc”: Nhập …"), for
    a message shown away from the form (a redirect, a JSON answer)."""
    return [
        f"“{form.fields[name].label or name}”: {' '.join(errors)}"
        if name in form.fields
        else " ".join(errors)
        for name, errors in form.errors.items()
    ]


def _is_free_text(db_field) -> bool:
    """A text field whose default form field is a plain CharField (not an
    e-mail, slug, URL or choice field, which check their own characters)."""
    return (
        type(db_field) in (models.CharField, models.TextField) and not db_field.choices
    )
