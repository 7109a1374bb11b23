"""The editor in the loop, in the article form: the text with every quoted
number marked by the checker's outcome; a click shows how it was read (the
figure, or the formula with its inputs) and the likeliest other readings;
the editor confirms one, picks another or says "không phải số liệu". The
choice is saved without reloading the page (``static/news/figure_check.js``
posts to ``bind_figure_view``), and the panel comes back rendered anew.

The markup is in ``templates/admin/news/article/figure_check.html``; this
module prepares what it shows and the small POST view."""

from dataclasses import dataclass, field

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.http import Http404, JsonResponse
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from funding.api import NOT_A_FIGURE, VERDICT_LABELS, Finding, Report, plain_text

from .bindings import bind_quote
from .models import Article, FigureBinding
from .stored_checks import stored_or_checked

PANEL_TEMPLATE = "admin/news/article/figure_check.html"
PARTS = (("title", _("Tiêu đề")), ("lead", _("Sapo")), ("body", _("Nội dung")))
#: The readings offered: the checker's reading and its two likeliest others.
OFFERED = 3


@dataclass
class Item:
    """A quoted number as the panel shows it."""

    index: int
    finding: Finding
    binding: FigureBinding | None
    not_a_figure: bool = False

    @property
    def key(self) -> str:
        return self.finding.key

    @property
    def verdict(self) -> str:
        return "not_a_figure" if self.not_a_figure else self.finding.verdict

    @property
    def label(self) -> str:
        if self.not_a_figure:
            return _("không phải số liệu")
        return self.finding.label

    @property
    def confidence(self) -> int:
        return round(self.finding.confidence * 100)

    @property
    def readings(self) -> list[dict]:
        return [
            {"reading": reading, "label": _(VERDICT_LABELS[reading.verdict])}
            for reading in self.finding.readings[:OFFERED]
        ]

    @property
    def chosen(self) -> str:
        return self.binding.reading if self.binding else ""


@dataclass
class Part:
    name: str
    label: str
    pieces: list[tuple[str, Item | None]] = field(default_factory=list)


def _pieces(text: str, items: list[Item]) -> list[tuple[str, Item | None]]:
    pieces, position = [], 0
    for item in sorted(items, key=lambda i: i.finding.quote.start):
        quote = item.finding.quote
        if quote.start < position:
            continue
        pieces += [(text[position : quote.start], None), (quote.text, item)]
        position = quote.end
    pieces.append((text[position:], None))
    return [(text, item) for text, item in pieces if text]


def _bindings(article: Article) -> dict[str, FigureBinding]:
    bound = FigureBinding.objects.filter(article=article).select_related("bound_by")
    return {b.key: b for b in bound}


def panel_context(
    article: Article, report: Report | None = None, bindings=None
) -> dict:
    """What the panel shows of ``article`` checked as ``report`` (None:
    the stored check if fresh, else checked now: ``news.stored_checks``)."""
    bindings = _bindings(article) if bindings is None else bindings
    if report is None:
        report = stored_or_checked(
            article, {key: b.reading for key, b in bindings.items()}
        )
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
            _pieces(texts[name], [i for i in items if i.finding.quote.part == name]),
        )
        for name, label in PARTS
    ]
    return {
        "article": article,
        "report": report,
        "parts": [part for part in parts if any(item for _t, item in part.pieces)],
        "items": items,
        "stale": [b for b in bindings.values() if b.needs_recheck],
        "bind_url": reverse("admin:news_article_bind_figure", args=[article.pk]),
        "not_a_figure": NOT_A_FIGURE,
    }


def render_panel(article: Article, report: Report | None = None) -> str:
    return render_to_string(PANEL_TEMPLATE, panel_context(article, report))


class FigureBindingAdminMixin:
    """Adds the panel's POST route to the article admin: staff only (the
    admin's own view wrapper, with its CSRF check), and only for those who
    may change the article as it is (a published one: who may publish)."""

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
            if article is None:
                raise Http404
            if not self.has_change_permission(request, article):
                raise PermissionDenied
            try:
                bound = bind_quote(
                    article=article, key=key, reading=reading, user=request.user
                )
            except ValidationError as refusal:
                transaction.set_rollback(True)
                return self._refused(" ".join(refusal.messages))
        return JsonResponse(
            {
                "html": render_panel(article, bound.report),
                "message": self._saved_message(reading, bound.finding),
                "verdict": bound.finding.verdict if bound.finding else "",
            }
        )

    @staticmethod
    def _saved_message(reading: str, finding: Finding | None) -> str:
        if not reading:
            return _("Đã bỏ xác nhận: bộ kiểm tra tự đọc lại số này.")
        if reading == NOT_A_FIGURE or finding is None:
            return _("Đã lưu: không phải số liệu.")
        return _("Đã lưu cách đọc của “%(quote)s”: %(label)s.") % {
            "quote": finding.quote.text,
            "label": finding.label,
        }
