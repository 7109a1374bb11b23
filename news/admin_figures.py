"""The editor in the loop, in the article form: the text with every quoted
number marked by the checker's outcome; a click shows how it was read (the
figure, or the formula with its inputs) and the likeliest other readings;
the editor confirms one, picks another or says "không phải số liệu". The
choice is saved without reloading the page (``static/news/figure_check.js``
posts to ``bind_figure_view``), and the panel comes back rendered anew.

The markup is in ``templates/admin/news/article/figure_check.html``; this
module prepares what it shows and the small POST view."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.dateformat import format as date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from funding.api import NOT_A_FIGURE, VERDICT_LABELS, Finding, Report, plain_text

from .binding_anchors import Anchoring, reanchor_bindings, where_it_was
from .bindings import BindingConflict, bind_quote, binding_state
from .models import Article, FigureBinding
from .services import MismatchRefused, check_publication
from .stored_checks import stored_or_checked

PANEL_TEMPLATE = "admin/news/article/figure_check.html"
PARTS = (("title", _("Tiêu đề")), ("lead", _("Sapo")), ("body", _("Nội dung")))
#: The readings offered: the checker's reading and its two likeliest others.
OFFERED = 3


class Item:
    """A quoted number as the panel shows it: every word and class the
    markup needs computed once here, so that the template (rendered for
    each item) only prints them."""

    def __init__(self, index: int, finding: Finding, binding, not_a_figure=False):
        quote = finding.quote
        self.index, self.finding, self.binding = index, finding, binding
        self.not_a_figure = not_a_figure
        self.key, self.part, self.start, self.end = (
            finding.key, quote.part, quote.start, quote.end
        )  # fmt: skip
        self.quoted = quote.text
        self.verdict = "not_a_figure" if not_a_figure else finding.verdict
        self.label = _("không phải số liệu") if not_a_figure else finding.label
        recheck = bool(binding and binding.needs_recheck)
        self.classes = f"fc-number fc-{self.verdict}" + (
            " fc-bound" if binding else ""
        ) + (" fc-recheck" if recheck else "")  # fmt: skip
        self.recheck = recheck
        self.seen = binding_state(binding)
        self.note = self._note(finding, binding, not_a_figure)
        before, number, after = finding.context
        self.context = (before[-80:], number, after[:80])
        self.readings = [_offered(reading) for reading in finding.readings[:OFFERED]]

    @staticmethod
    def _note(finding: Finding, binding, not_a_figure: bool) -> str:
        """Who confirmed the reading and when, or how sure the checker is."""
        if binding:
            return _("đã xác nhận bởi %(who)s lúc %(when)s") % {
                "who": binding.bound_by or "",
                "when": date_format(localtime(binding.bound_at), "d/m/Y H:i"),
            }
        if not_a_figure:
            return ""
        return _("độ tin cậy %(percent)s%%") % {
            "percent": round(finding.confidence * 100)
        }

    @property
    def chosen(self) -> str:
        return self.binding.reading if self.binding else ""


def _offered(reading) -> dict:
    return {
        "ident": reading.ident,
        "verdict": reading.verdict,
        "label": _(VERDICT_LABELS[reading.verdict]),
        "expected": reading.expected,
        "explanation": reading.explanation,
        "figures": [(str(f), f.get_absolute_url()) for f in reading.figures],
    }


@dataclass
class Part:
    name: str
    label: str
    pieces: list[tuple[str, Item | None]] = field(default_factory=list)


def _pieces(text: str, items: list[Item]) -> list[tuple[str, Item | None]]:
    pieces, position = [], 0
    for item in sorted(items, key=lambda i: i.start):
        if item.start < position:
            continue
        pieces += [(text[position : item.start], None), (item.quoted, item)]
        position = item.end
    pieces.append((text[position:], None))
    return [(text, item) for text, item in pieces if text]


def words() -> dict[str, str]:
    """The panel's words said for each item, translated once a render."""
    return {
        "recheck": _("số liệu đã đổi, cần xác nhận lại"),
        "figure": _("số liệu"),
        "confirm": _("Xác nhận cách đọc này"),
        "choose": _("Chọn cách đọc này"),
        "no_figure": _("Không tìm được số liệu nào của bài để đối chiếu số này."),
        "not_a_figure": _("Không phải số liệu"),
        "unbind": _("Bỏ xác nhận (để bộ kiểm tra tự đọc)"),
        "forget": _("Xóa xác nhận này"),
    }


def _bindings(article: Article) -> dict[str, FigureBinding]:
    bound = FigureBinding.objects.filter(article=article).select_related("bound_by")
    return {b.key: b for b in bound}


def _on_no_number(bindings: dict, keys: set[str]) -> list[dict]:
    """Confirmations kept though their number's words were edited away
    (``news.binding_anchors``; ``keys``: the quotes of the text as it is):
    shown so the editor may forget them."""
    return [
        {
            "key": key,
            "where": where_it_was(binding),
            "not_a_figure": binding.reading == NOT_A_FIGURE,
            "bound_by": binding.bound_by or "",
            "seen": binding_state(binding),
        }
        for key, binding in bindings.items()
        if key not in keys
    ]


def panel_context(
    article: Article, report: Report | None = None, bindings=None, may_bind=True
) -> dict:
    """What the panel shows of ``article`` checked as ``report`` (None:
    the stored check if fresh, else checked now: ``news.stored_checks``);
    the buttons saving a choice only if ``may_bind`` (who may change it)."""
    bindings = _bindings(article) if bindings is None else bindings
    if report is None:
        report = stored_or_checked(
            article, {key: b.reading for key, b in bindings.items()}
        )
    quoted = {f.key for f in (*report.findings, *report.not_figures)}
    findings = [(f, False) for f in report.findings]
    findings += [(f, True) for f in report.not_figures]
    items = [
        Item(index, finding, bindings.get(finding.key), not_a_figure=marked)
        for index, (finding, marked) in enumerate(findings, start=1)
    ]
    texts = {
        "title": article.title,
        "lead": article.lead,
        "body": plain_text(article.body),
    }
    parts = [
        Part(
            name,
            label,
            _pieces(texts[name], [i for i in items if i.part == name]),
        )
        for name, label in PARTS
    ]
    return {
        "article": article,
        "report": report,
        "parts": [part for part in parts if any(item for _t, item in part.pieces)],
        "items": items,
        # A confirmation on no number is listed once, as lost, not as stale.
        "stale": [
            b for key, b in bindings.items() if b.needs_recheck and key in quoted
        ],
        "lost": _on_no_number(bindings, quoted),
        "bind_url": reverse("admin:news_article_bind_figure", args=[article.pk]),
        "not_a_figure": NOT_A_FIGURE,
        "words": words(),
        "may_bind": may_bind,
    }


def render_panel(
    article: Article, report: Report | None = None, *, may_bind: bool = True
) -> str:
    return render_to_string(
        PANEL_TEMPLATE, panel_context(article, report, may_bind=may_bind)
    )


def may_bind(article: Article) -> bool:
    """Whether the form showing ``article`` is for someone who may save a
    choice (set by ``FigureBindingAdminMixin.get_form``; not set: no)."""
    return getattr(article, "_may_bind_figures", False)


class FigureBindingAdminMixin:
    """Adds the panel's POST route to the article admin: staff only (the
    admin's own view wrapper, with its CSRF check), and only for those who
    may change the article as it is (a published one: who may publish);
    the panel shows the buttons only to them. After a save, the bindings
    whose words were edited are placed again (``news.binding_anchors``)."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/so-lieu/",
                self.admin_site.admin_view(self.bind_figure_view),
                name="{}_{}_bind_figure".format(*info),
            ),
            *super().get_urls(),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:  # the panel (a read-only field) reads it there
            # A version from the history is shown, not the article: no choice.
            viewing_version = getattr(request, "_history_form", None) is not None
            obj._may_bind_figures = not viewing_version and (
                self.has_change_permission(request, obj)
            )
        return super().get_form(request, obj, change=change, **kwargs)

    def save_model(self, request, obj, form, change):
        # The text before this save (a restore's form holds the old version's)
        # and whether it was public (a first publication's numbers were never
        # shown as agreeing), in one query.
        fields = ("title", "lead", "body", "status")
        saved = Article.objects.filter(pk=obj.pk).values_list(*fields)
        before = saved.first() if change and obj.pk else None
        obj._text_before = before[:3] if before else None
        obj._was_public = bool(before) and before[3] == Article.Status.PUBLISHED
        super().save_model(request, obj, form, change)

    def check_saved(self, request, article: Article, *, confirmed: bool):
        """The check of ``article`` just saved (in the save's transaction):
        if its text changed, its bindings placed again on the edited text
        and the editor told which could not be; then the figure rule for
        what goes public (``check_publication``: a refusal rolls the save
        back). The check made placing them is reused."""
        before = getattr(article, "_text_before", None)
        anchoring = (
            reanchor_bindings(article, before) if before is not None else Anchoring()
        )
        try:
            report = check_publication(
                article=article,
                confirmed=confirmed,
                user=request.user,
                just_saved=True,
                report=anchoring.report,
                was_public=getattr(article, "_was_public", True),
            )
        except MismatchRefused as refusal:
            if not anchoring.lost:
                raise
            lost = anchoring.would_lose_message()
            raise MismatchRefused([*refusal.messages, lost]) from refusal
        if anchoring.moved:
            self.message_user(request, anchoring.moved_message(), messages.INFO)
        if anchoring.lost:
            self.message_user(request, anchoring.lost_message(), messages.WARNING)
        return report or anchoring.report

    @staticmethod
    def _refused(message: str, status: int = 400) -> JsonResponse:
        return JsonResponse({"error": message}, status=status)

    def bind_figure_view(self, request, object_id):
        """POST ``key`` (a quote's key) and ``reading`` (one of its readings'
        idents, ``NOT_A_FIGURE``, or empty to forget the binding); answers
        JSON: the panel anew and a message, or the error."""
        return require_POST(self._bind_figure)(request, object_id)

    def _bind_figure(self, request, object_id):
        key = request.POST.get("key", "")
        reading = request.POST.get("reading")
        if not key or reading is None:
            return self._refused(_("Thiếu số được trích hoặc cách đọc."))
        with transaction.atomic(using=router.db_for_write(Article)):
            article = self.get_object(request, unquote(object_id))
            if article is None:  # deleted since the page was opened
                return self._refused(
                    _("Bài viết không còn (đã bị xóa?): hãy tải lại trang."), 404
                )
            if not self.has_change_permission(request, article):
                return self._refused(
                    _(
                        "Bạn không có quyền sửa bài này nên không lưu được cách "
                        "đọc số liệu."
                    ),
                    status=403,
                )
            try:
                bound = bind_quote(
                    article=article,
                    key=key,
                    reading=reading,
                    user=request.user,
                    seen=request.POST.get("seen"),
                )
            except BindingConflict as conflict:
                transaction.set_rollback(True)
                refused = conflict
            except ValidationError as refusal:
                transaction.set_rollback(True)
                return self._refused(" ".join(refusal.messages))
            else:
                refused = None
        if refused is not None:
            # The panel as it is now: the editor chooses again from it,
            # without reloading the page (and losing unsaved edits).
            return JsonResponse(
                {"error": " ".join(refused.messages), "html": render_panel(article)},
                status=409,
            )
        return JsonResponse(
            {
                "html": render_panel(article, bound.report),
                "message": self._saved_message(reading, bound.finding),
                "verdict": bound.finding.verdict if bound.finding else "",
            }
        )

    @staticmethod
    def _saved_message(reading: str, finding: Finding | None) -> str:
        if not reading and finding is None:
            return _("Đã xóa xác nhận không còn gắn với số nào trong bài.")
        if not reading:
            return _("Đã bỏ xác nhận: bộ kiểm tra tự đọc lại số này.")
        if reading == NOT_A_FIGURE or finding is None:
            return _("Đã lưu: không phải số liệu.")
        return _("Đã lưu cách đọc của “%(quote)s”: %(label)s.") % {
            "quote": finding.quote.text,
            "label": finding.label,
        }
