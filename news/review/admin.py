"""The review steps as admin routes: one POST per step, on the article's
change page (``admin/news/article/<id>/duyet/<step>/``), CSRF-checked by
the admin site, the permission checked here and again by the service."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    Http404,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
)
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from khuyencong.admin_fields import PlainTextField, errors_naming_fields
from khuyencong.admin_versions import Version

from ..models import Article
from . import autosave, services
from .diff import compare_versions


class CompareForm(forms.Form):
    """Which two versions (historical records' ids); none: the last two."""

    a = forms.IntegerField(required=False, min_value=1)
    b = forms.IntegerField(required=False, min_value=1)


class AutosaveForm(forms.Form):
    """The text of an autosave, and the version the page was opened at
    (the form's own ``opened_version``); the other fields are read by the
    article's form (``autosave.submitted_fields``)."""

    # Control characters pasted with the text become spaces, as in the
    # article's own form: the copy is kept while the text holds them.
    title = PlainTextField(
        label=gettext_lazy("Tiêu đề"), required=False, max_length=255, strip=False
    )
    lead = PlainTextField(
        label=gettext_lazy("Sapo"), multiline=True, required=False, strip=False
    )
    body = PlainTextField(
        label=gettext_lazy("Nội dung"),
        multiline=True,
        required=False,
        strip=False,
        max_length=2_000_000,
    )
    opened_version = forms.CharField(
        label=gettext_lazy("Phiên bản của trang đang mở"), max_length=100_000
    )

    def refusal(self) -> str:
        """What was not kept and why, naming each field."""
        return _("Không lưu tự động được: %s") % "; ".join(errors_naming_fields(self))


class StepForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Ghi chú"), required=False, max_length=2000
    )
    at = forms.DateTimeField(label=gettext_lazy("Xuất bản lúc"), required=False)
    # The state the page showed: a step taken on a stale page is refused.
    expected = forms.ChoiceField(
        label=gettext_lazy("Trạng thái trang đang hiện"),
        choices=Article.Status.choices,
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy(
                "không phải một trạng thái của bài viết; hãy tải lại trang."
            )
        },
    )


#: step in the URL -> (permission, service, keyword arguments from the form)
STEPS = {
    "gui-duyet": ("news.change_article", services.submit_for_review, ["note"]),
    "tra-lai": (Article.PUBLISH_PERMISSION, services.send_back, ["note"]),
    "xuat-ban": (Article.PUBLISH_PERMISSION, services.publish, ["note"]),
    "len-lich": (Article.PUBLISH_PERMISSION, services.publish, ["note", "at"]),
}


def _done_message(note) -> str:
    Kind = note.Kind
    if note.kind == Kind.SCHEDULED:
        when = timezone.localtime(note.article.published_at)
        return _("Đã lên lịch xuất bản lúc %(when)s.") % {
            "when": f"{when:%d/%m/%Y %H:%M}"
        }
    return {
        Kind.SUBMITTED: _("Đã gửi bài để duyệt; người duyệt được báo qua e-mail."),
        Kind.SENT_BACK: _("Đã trả lại bài cho người viết, kèm ghi chú."),
        Kind.PUBLISHED: _("Đã xuất bản bài."),
    }[note.kind]


class ReviewAdminMixin:
    """Mixed into ``ArticleAdmin``: the routes of the review steps."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/duyet/",
                self.admin_site.admin_view(self.review_step_view),
                name="{}_{}_review".format(*info),
            ),
            path(
                "<path:object_id>/luu-tu-dong/",
                self.admin_site.admin_view(self.autosave_view),
                name="{}_{}_autosave".format(*info),
            ),
            path(
                "<path:object_id>/so-sanh/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def review_step_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        step = request.POST.get("step")
        if step not in STEPS:
            raise PermissionDenied
        permission, service, names = STEPS[step]
        article = self.get_object(request, unquote(object_id))
        if article is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not (
            request.user.has_perm(permission)
            and self.has_view_or_change_permission(request, article)
        ):
            raise PermissionDenied
        back = reverse("admin:news_article_change", args=[article.pk])
        form = StepForm(request.POST)
        if not form.is_valid():
            for error in errors_naming_fields(form):
                self.message_user(request, error, messages.ERROR)
            return HttpResponseRedirect(back)
        try:
            note = service(
                article_id=article.pk,
                user=request.user,
                base_url=request.build_absolute_uri("/"),
                expected=form.cleaned_data["expected"],
                **{name: form.cleaned_data[name] for name in names},
            )
        except ValidationError as refusal:
            self.message_user(request, " ".join(refusal.messages), messages.ERROR)
        else:
            self.message_user(request, _done_message(note), messages.SUCCESS)
        return HttpResponseRedirect(back)

    def history_view(self, request, object_id, extra_context=None):
        compare = reverse("admin:news_article_compare", args=[object_id])
        return super().history_view(
            request, object_id, {**(extra_context or {}), "compare_url": compare}
        )

    def _versions_to_compare(self, request, article):
        records = article.history.select_related("history_user").order_by(
            "-history_date", "-history_id"
        )
        form = CompareForm(request.GET)
        if not form.is_valid():
            raise Http404
        chosen = [form.cleaned_data[key] for key in ("a", "b")]
        if not all(chosen):
            latest = list(records[:2])
            if not latest:
                raise Http404
            return latest[-1], latest[0]
        found = {record.pk: record for record in records.filter(pk__in=chosen)}
        if len(found) != len(set(chosen)):
            raise Http404
        old, new = sorted(
            (found[pk] for pk in chosen),
            key=lambda record: (record.history_date, record.history_id),
        )
        return old, new

    def compare_view(self, request, object_id):
        """Two versions side by side, as a reader sees them
        (``news.review.diff``)."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        old, new = self._versions_to_compare(request, article)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": _("So sánh hai phiên bản: %s") % article,
            "old": old,
            "new": new,
            "comparison": compare_versions(old, new),
            "history_url": reverse("admin:news_article_history", args=[article.pk]),
        }
        return TemplateResponse(request, "admin/news/article/compare.html", context)

    def autosave_view(self, request, object_id):
        """POST: keep this editor's copy of the text (``news.review.autosave``);
        JSON. "bo": forget it. Only for those who may change the article."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        if request.POST.get("bo"):
            autosave.discard(article_id=article.pk, user=request.user)
            return HttpResponseRedirect(
                reverse("admin:news_article_change", args=[article.pk])
            )
        form = AutosaveForm(request.POST)
        if not form.is_valid():
            return JsonResponse({"error": form.refusal()}, status=400)
        article_form = self.get_form(request, article, change=True)(
            request.POST, instance=article
        )
        text = form.cleaned_data
        try:
            copy = autosave.autosave(
                article_id=article.pk,
                user=request.user,
                title=text["title"],
                lead=text["lead"],
                body=text["body"],
                fields=autosave.submitted_fields(article_form),
                opened=text["opened_version"],
                version=Version(self, article.pk),
            )
        except ValidationError as refusal:
            return JsonResponse({"error": " ".join(refusal.messages)}, status=409)
        when = timezone.localtime(copy.saved_at)
        return JsonResponse(
            {"saved": _("Đã lưu tự động lúc %s") % f"{when:%d/%m/%Y %H:%M}"}
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        copy = None
        if obj is not None and request.method == "GET" and "khoi-phuc" in request.GET:
            copy = autosave.offered(obj, request.user, form.version.token())
        if copy is None:
            return form

        class Restored(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.initial.update(autosave.restored_initial(copy, self.fields))

        return Restored

    def get_fieldsets(self, request, obj=None):
        """The note of a send-back beside the status, where the status may
        send the article back (under review, seen by a publisher)."""
        fieldsets = super().get_fieldsets(request, obj)
        if not (
            obj is not None
            and obj.status == Article.Status.REVIEW
            and request.user.has_perm(Article.PUBLISH_PERMISSION)
            and self.has_change_permission(request, obj)
            # Restoring a version keeps the status: nothing to send back.
            and getattr(request, "_history_form", None) is None
        ):
            return fieldsets
        shown = []
        for name, options in fieldsets:
            fields = list(options.get("fields", ()))
            if "status" in fields:
                fields.insert(fields.index("status") + 1, "send_back_note")
            shown.append((name, {**options, "fields": fields}))
        return shown

    def save_model(self, request, obj, form, change):
        before = form.initial.get("status", "") if change else ""
        super().save_model(request, obj, form, change)
        if change:
            # Saved: this editor's autosave is behind the article now.
            autosave.discard(article_id=obj.pk, user=request.user)
        services.record_form_step(
            article=obj,
            before=before,
            user=request.user,
            base_url=request.build_absolute_uri("/"),
            note=form.cleaned_data.get("send_back_note", ""),
        )
