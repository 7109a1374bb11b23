"""The admin's side of import jobs: the page that waits for a preview, a
confirmation or an undo (a progress bar polling a JSON status, then the
outcome), the preview itself (``funding.imports.preview``), and the undo
action with its confirmation page. Used by ``funding.admin``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from import_export.signals import post_import

from ..core.formatting import format_value
from ..core.models import ImportChange
from . import jobs, tasks
from .forms import FigureConfirmImportForm, sign_upload
from .preview import build_preview
from .resources import result_of
from .undo import refused_text, undo_summary

#: Changes listed per import on the undo confirmation page.
UNDO_EXAMPLES = 20


def job_url(job) -> str:
    return reverse("admin:funding_figure_import_job", args=[job.id])


class ImportJobsMixin:
    """For the figures' admin: job pages, the preview, the outcome."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "nhap/viec/<str:job_id>/",
                view(require_GET(self.job_view)),
                name="funding_figure_import_job",
            ),
            path(
                "nhap/viec/<str:job_id>/trang-thai/",
                view(require_GET(self.job_status_view)),
                name="funding_figure_import_job_status",
            ),
            *super().get_urls(),
        ]

    def _job(self, request, job_id):
        """The requester's own job (404 for any other, or none)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        job = jobs.load(job_id)
        if job is None or job.user_id != request.user.pk:
            raise Http404
        return job

    def job_status_view(self, request, job_id):
        job = self._job(request, job_id)
        return JsonResponse({**job.status(), "next": job_url(job)})

    def job_view(self, request, job_id):
        job = self._job(request, job_id)
        if job.stalled:
            jobs.fail(job, job.status()["message"])
        if job.kind == "undo" and job.finished:
            return self._undo_outcome(request, job)
        result = result_of(job)
        if job.kind == "confirm" and job.finished:
            return self.process_result(result, request)
        context = {
            **self.admin_site.each_context(request),
            **self.get_import_context_data(),
            "title": _("Nhập số liệu từ tệp"),
            "opts": self.model._meta,
            "result": result,
        }
        plan = result.plan
        if job.kind == "preview" and job.finished and plan and plan.can_apply:
            context["confirm_form"] = FigureConfirmImportForm(
                initial=self._confirm_initial(job)
            )
        return self._with_preview(request, context)

    def _with_preview(self, request, context):
        """The import page, with the preview of a plan ready to confirm."""
        result = context.get("result")
        job = getattr(result, "job", None)
        context["job"] = job
        if job is not None:
            context["job_url"] = job_url(job)
            context["job_status_url"] = reverse(
                "admin:funding_figure_import_job_status", args=[job.id]
            )
        if context.get("confirm_form") is not None and result.plan is not None:
            context["preview"] = build_preview(result.plan, request.GET)
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context)

    @staticmethod
    def _confirm_initial(job) -> dict:
        payload = job.payload
        return {
            "import_file_name": sign_upload(payload["upload"], user_id=job.user_id),
            "original_file_name": payload["file_name"],
            "format": 0,
            "resource": 0,
            "source": payload["source"],
            "sheet": payload["sheet"],
            "header_row": payload["header_row"],
            "year": payload.get("year"),
            "area": payload.get("area"),
            "confirm_warnings": bool(payload.get("confirmed")),
            "ignore_columns": payload.get("ignore_columns") or "",
            "map_columns": payload.get("map_columns") or "",
        }

    def get_confirm_form_kwargs(self, request, import_form=None):
        return {
            **super().get_confirm_form_kwargs(request, import_form),
            "user": request.user,
        }

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if initial.get("import_file_name"):
            initial["import_file_name"] = sign_upload(
                initial["import_file_name"], user_id=request.user.pk
            )
        return initial

    def process_import(self, request, **kwargs):
        """A kept upload's name not signed for this user is an expired
        preview, as is an upload no longer kept."""
        if (
            request.method == "POST"
            and self.has_import_permission(request)
            and self.create_confirm_form(request).has_error(
                "import_file_name", "expired"
            )
        ):
            return expired_preview(request)
        try:
            return super().process_import(request, **kwargs)
        except FileNotFoundError:
            # The upload kept between preview and confirmation is gone
            # (temporary files swept, or another host).
            return expired_preview(request)

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None)
        if context and getattr(context.get("result"), "job", None) is not None:
            return self._with_preview(request, context)
        return response

    def process_result(self, result, request):
        """After the confirmation: a job still running is waited for on its
        page; a record is shown; otherwise why nothing was written."""
        job = getattr(result, "job", None)
        if job is not None and not job.finished:
            return redirect(job_url(job))
        if result.record is None:
            # Back to the upload form: a new preview is the way on.
            for error in result.base_errors:
                messages.error(request, str(error.error))
            if result.plan is not None and result.plan.errors:
                for error in result.plan.errors[:20]:
                    messages.error(request, str(error))
                messages.error(request, _("Tệp có lỗi: không nhập gì."))
            return redirect("admin:funding_figure_import")
        post_import.send(sender=None, model=self.model)
        record = result.record
        messages.success(
            request,
            _("Đã nhập %(new)s số liệu mới, %(changed)s thay đổi, %(same)s không đổi.")
            % {
                "new": record.created_count,
                "changed": record.changed_count,
                "same": record.unchanged_count,
            },
        )
        return redirect("admin:funding_importrecord_change", record.pk)

    @staticmethod
    def _undo_outcome(request, job):
        for outcome in job.result.get("outcomes", []) if job.state == jobs.DONE else []:
            level = messages.SUCCESS if outcome["ok"] else messages.ERROR
            messages.add_message(request, level, outcome["text"])
        if job.state == jobs.FAILED:
            messages.error(request, job.message)
        return redirect("admin:funding_importrecord_changelist")


def expired_preview(request):
    messages.error(request, _("Tệp xem trước đã hết hạn; hãy tải lên lại."))
    return redirect("admin:funding_figure_import")


def undo_action(model_admin, request, queryset):
    """Ask first, showing what each undo would change or why it cannot;
    once confirmed (``post``), undo as a job and wait for it."""
    records = list(queryset.order_by("-created_at"))
    summaries = [undo_summary(record) for record in records]
    possible = [s.record for s in summaries if not s.refusal]
    if request.POST.get("post") != "yes":
        for summary in summaries:
            summary.changes = _undo_examples(summary.record)
        context = {
            **model_admin.admin_site.each_context(request),
            "title": _("Hoàn tác lần nhập"),
            "opts": model_admin.model._meta,
            "summaries": summaries,
            "possible": possible,
            "queryset": queryset,
            "action_checkbox_name": "_selected_action",
        }
        request.current_app = model_admin.admin_site.name
        return TemplateResponse(
            request, "admin/funding/importrecord/undo_confirmation.html", context
        )
    for summary in summaries:
        if summary.refusal:
            model_admin.message_user(
                request, refused_text(summary.record, summary.refusal), messages.ERROR
            )
    if not possible:
        return None
    size = sum(s.total for s in summaries if not s.refusal)
    job = jobs.create("undo", user=request.user, records=[r.pk for r in possible])
    job = tasks.start(job, inline=jobs.runs_inline(figures=size))
    return redirect(job_url(job))


def _undo_examples(record) -> list[tuple]:
    """The first changes of an import: (figure, its value now, after undo;
    "" when the undo deletes it)."""
    changes = (
        ImportChange.objects.filter(record=record, figure__isnull=False)
        .select_related("figure__indicator", "figure__area", "figure__content")
        .order_by("pk")[:UNDO_EXAMPLES]
    )
    return [
        (
            change.figure,
            format_value(change.figure.value, change.figure.indicator),
            ""
            if change.old_value is None
            else format_value(change.old_value, change.figure.indicator),
        )
        for change in changes
    ]
