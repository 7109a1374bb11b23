"""The article admin's add form, sent once (``news.submissions``): the form
carries a one-time token; a repeated submission of the same form is sent to
the article the first one created, with a message, and creates nothing."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .submissions import (
    TOKEN_FIELD,
    Replayed,
    claim,
    new_token,
    sent_before,
    token_of,
)


class OneSubmissionAdminMixin:
    """For the article admin: the add form's token, checked before the form
    (a submission already saved) and claimed in the save (two at once)."""

    def add_view(self, request, form_url="", extra_context=None):
        token = None
        if request.method == "POST":
            token = token_of(request.POST.get(TOKEN_FIELD, ""), request.user)
            if first := sent_before(token):
                return self._replayed(request, first)
        request._submission_token = token
        signed = request.POST.get(TOKEN_FIELD) if token else new_token(request.user)
        context = {**(extra_context or {}), "submission_token": signed}
        try:
            return super().add_view(request, form_url, context)
        except Replayed as replay:  # its save rolled back: nothing created
            return self._replayed(request, replay.submission)

    def save_model(self, request, obj, form, change):
        token = getattr(request, "_submission_token", None)
        submission = None
        if not change and token is not None:
            submission = claim(token=token, user=request.user)
        super().save_model(request, obj, form, change)
        if submission is not None:
            submission.article = obj
            submission.save(update_fields=["article"])

    def _replayed(self, request, submission):
        """Answered as the first sending was (its popup closed, another add
        form, the article's page, as its buttons asked), with a message; to
        the list if that sending is not done yet, its article is gone or is
        not for this user."""
        article = submission.article
        if article is None or not self.has_view_or_change_permission(request, article):
            self.message_user(
                request,
                _("Biểu mẫu này đã được gửi rồi: không tạo thêm bài mới."),
                messages.WARNING,
            )
            return HttpResponseRedirect(reverse("admin:news_article_changelist"))
        self.message_user(
            request,
            _(
                "Biểu mẫu này đã được gửi rồi (có thể do bấm “Lưu” hai lần): bài "
                "“%(title)s” đã được tạo, không tạo thêm bài mới."
            )
            % {"title": article.title},
            messages.WARNING,
        )
        return self.response_add(request, article)
