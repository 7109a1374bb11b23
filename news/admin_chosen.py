"""Inline forms that cost less to show: each form set's empty form (the
template for "add another") built once, and autocomplete widgets that show
the chosen objects a form already has.

Django builds a form set's empty form anew each time it is asked for (by
the inline's template, its field headers and its media: nine times a view
of the article form).

Django's autocomplete widgets query the chosen objects of each field of each
form again (one query per field per inline row: a data block's indicators,
areas and content), though the row was read with them
(``DataBlockInline.get_queryset``). These take them from the form's
instance when they are exactly the chosen ones (an unbound form), and ask
the database otherwise (a form shown again with what was submitted)."""

from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property

from khuyencong.admin_fields import (
    KeyedAutocompleteSelect,
    KeyedAutocompleteSelectMultiple,
)


class OnceEmptyFormSet(BaseInlineFormSet):
    @cached_property
    def empty_form(self):
        return super().empty_form


class ChosenAtHand:
    #: The chosen objects, in their model's order (set by ``hand_chosen``).
    at_hand = None

    def optgroups(self, name, value, attr=None):
        chosen = {
            str(v) for v in value if str(v) not in self.choices.field.empty_values
        }
        at_hand = self.at_hand
        if at_hand is None or {str(obj.pk) for obj in at_hand} != chosen:
            return super().optgroups(name, value, attr)
        # As Django's own, from the objects at hand.
        default = (None, [], 0)
        if not self.is_required and not self.allow_multiple_selected:
            default[1].append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance
        for obj in at_hand:
            index = len(default[1])
            default[1].append(
                self.create_option(name, obj.pk, label(obj), chosen, index)
            )
        return [default]


class SelectAtHand(ChosenAtHand, KeyedAutocompleteSelect):
    pass


class SelectMultipleAtHand(ChosenAtHand, KeyedAutocompleteSelectMultiple):
    pass


class ChosenAtHandAdmin:
    """Mixed into an admin or inline: its autocomplete fields use these."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                SelectAtHand(db_field, self.admin_site, using=kwargs.get("using")),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                SelectMultipleAtHand(
                    db_field, self.admin_site, using=kwargs.get("using")
                ),
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def hand_chosen(form) -> None:
    """Give the form's autocomplete widgets the chosen objects of its
    instance (read with it: prefetched, or joined)."""
    instance = form.instance
    if not instance.pk:
        return
    for name, field in form.fields.items():
        widget = getattr(field.widget, "widget", field.widget)  # the admin's wrapper
        if not isinstance(widget, ChosenAtHand):
            continue
        model_field = instance._meta.get_field(name)
        if model_field.many_to_many:
            widget.at_hand = list(getattr(instance, name).all())
        elif getattr(instance, model_field.attname) is not None:
            widget.at_hand = [getattr(instance, name)]
        else:
            widget.at_hand = []
