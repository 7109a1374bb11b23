"""What an admin action is given when rows ticked on the list are gone by
the time it runs (deleted by someone else between page load and submit):
Django passes only those still there. An action that hands back a file
says so rather than handing back a file missing them without a word."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import QuerySet
from django.utils.translation import gettext as _


def selected_gone(request, queryset: QuerySet) -> int:
    """How many of the rows ticked are no longer in ``queryset`` (none
    when "select all" was used: the action then takes what is there)."""
    if request.POST.get("select_across") == "1":
        return 0
    ticked = set(request.POST.getlist(ACTION_CHECKBOX_NAME))
    return max(len(ticked) - queryset.count(), 0)


def refuse_if_all_gone(request, queryset: QuerySet, noun: str) -> bool:
    """True (with an error message for the list, where the action goes
    back) when none of the rows ticked is left; with some gone, a warning
    naming how many were skipped, shown on the next page. ``noun`` names
    the rows ("số liệu")."""
    gone = selected_gone(request, queryset)
    if not gone:
        return False
    if not queryset.exists():
        messages.error(
            request,
            _(
                "Không xuất được: %(count)s %(noun)s đã chọn không còn (có thể đã "
                "bị xoá sau khi mở trang). Hãy tải lại danh sách và chọn lại."
            )
            % {"count": gone, "noun": noun},
        )
        return True
    messages.warning(
        request,
        _(
            "Đã bỏ qua %(count)s %(noun)s đã chọn không còn (có thể đã bị xoá sau "
            "khi mở trang); tệp xuất gồm các %(noun)s còn lại."
        )
        % {"count": gone, "noun": noun},
    )
    return False
