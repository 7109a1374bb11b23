"""The documents library in the admin: the document's files as an inline of
its form, and a search that ignores diacritics (``funding.admin`` registers
``SourceDocumentAdmin`` with these)."""

from django.contrib import admin
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from khuyencong.admin_fields import StrictFieldsAdmin

from .models import DocumentFile, SourceDocument


class DocumentFileInline(StrictFieldsAdmin, admin.TabularInline):
    model = DocumentFile
    extra = 0
    fields = ["file", "label", "position", "kind", "shown_size"]
    readonly_fields = ["kind", "shown_size"]

    @admin.display(description=_("dung lượng"))
    def shown_size(self, obj):
        return filesizeformat(obj.size) if obj.pk else "–"


class DocumentSearchMixin:
    """The admin's search (and the articles' autocomplete) finds documents
    typed without diacritics too ("quyet dinh 12" finds "Quyết định 12")."""

    def get_search_results(self, request, queryset, search_term):
        found, duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            folded = SourceDocument.objects.search(search_term).values("pk")
            found = queryset.filter(Q(pk__in=found.values("pk")) | Q(pk__in=folded))
        return found, duplicates


@admin.display(description=_("công khai"), boolean=True)
def shown_public(document) -> bool:
    return document.is_public
