"""The editor in the loop: what an editor says a quoted number is
(``FigureBinding``), saved from the article form, handed to the checker
(where it wins over its guess), and looked at again when a figure it reads
changes."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from funding.api import (
    MATCH,
    NOT_A_FIGURE,
    ROUNDING,
    Finding,
    Report,
    figures_named,
)

from .figure_check import check_article
from .models import Article, FigureBinding, FigureQuote
from .services import articles_using_any, record_quotes


class BindingRefused(ValidationError):
    """The binding is not one of the quote's readings, the quote is gone, or
    it would make a published article contradict its data."""


class BindingConflict(BindingRefused):
    """Another tab or user changed the quote's binding since the panel
    making the request was shown (its ``seen`` state is not the binding's)."""


def binding_state(binding: FigureBinding | None) -> str:
    """The state of a quote's binding as a panel shows it ("" for none): a
    panel sends it back with a choice, and a choice made on a state that
    is no longer the binding's is refused (``BindingConflict``)."""
    # ``bound_at`` alone is the version: every choice saved (``_keep``) stamps
    # it anew, even the same user choosing the same reading again, one choice
    # at a time per article (its row is locked), so no two share a
    # microsecond. A move with the quote keeps it on purpose (``_check_seen``
    # finds the moved binding by it).
    if binding is None:
        return ""
    return binding.bound_at.isoformat()


def _check_seen(
    article: Article, binding: FigureBinding | None, seen: str, key: str
) -> None:
    """Refuse a choice made on a binding state that is not the current one
    (a cheap look, made before the article is checked)."""
    if binding_state(binding) == seen:
        return
    moved = None
    if binding is None and seen:
        # Moved with its quote by an edit of the text (its state kept).
        others = FigureBinding.objects.filter(article=article).exclude(key=key)
        moved = next((b for b in others if binding_state(b) == seen), None)
    quoted = (binding or moved).quoted if (binding or moved) else _quoted(article, key)
    said = _conflict(binding, seen=seen, moved=moved is not None) % {
        "quote": quoted,
        "who": getattr(binding, "bound_by", None) or "",
    }
    raise BindingConflict(
        f"{said} "
        + _(
            "Lựa chọn của bạn chưa được lưu; phần kiểm tra số liệu đã được cập "
            "nhật theo bài hiện giờ: hãy xem rồi chọn lại."
        )
    )


def _quoted(article: Article, key: str) -> str:
    """The number the quote ``key`` of ``article`` prints (for a message)."""
    finding = _finding(check_article(article), key)
    return finding.quote.text if finding else key


def _conflict(binding: FigureBinding | None, *, seen: str, moved: bool) -> str:
    """What happened to the quote's binding since the panel was shown: one
    sentence, ``%(quote)s`` and ``%(who)s`` to fill."""
    if moved:
        return _(
            "Xác nhận của số “%(quote)s” đã chuyển theo số đó sang chỗ mới vì bài "
            "đã được sửa (ở thẻ khác hoặc bởi người khác) sau khi trang này được mở."
        )
    if binding is None:
        return _(
            "Xác nhận của số “%(quote)s” đã bị bỏ (ở thẻ khác hoặc bởi người khác) "
            "sau khi trang này được mở."
        )
    if binding.bound_by is None:
        if not seen:
            return _(
                "Số “%(quote)s” đã được xác nhận (ở thẻ khác hoặc bởi người khác) "
                "sau khi trang này được mở."
            )
        return _(
            "Số “%(quote)s” đã được xác nhận lại (ở thẻ khác hoặc bởi người khác) "
            "sau khi trang này được mở."
        )
    if not seen:
        return _(
            "Số “%(quote)s” đã được %(who)s xác nhận (ở thẻ khác hoặc bởi người "
            "khác) sau khi trang này được mở."
        )
    return _(
        "Số “%(quote)s” đã được %(who)s xác nhận lại (ở thẻ khác hoặc bởi người "
        "khác) sau khi trang này được mở."
    )


@dataclass
class Bound:
    """What ``bind_quote`` did: the article's report with the binding, and
    the quote's finding in it (None: marked "không phải số liệu")."""

    report: Report
    finding: Finding | None


def _finding(report: Report, key: str) -> Finding | None:
    for finding in (*report.findings, *report.not_figures):
        if finding.key == key:
            return finding
    return None


def _mismatched(report: Report) -> set[str]:
    return {finding.key for finding in report.mismatches}


@transaction.atomic
def bind_quote(
    *,
    article: Article,
    key: str,
    reading: str,
    user: AbstractBaseUser | None,
    seen: str | None = None,
) -> Bound:
    """Keep ``reading`` (one of the quote's readings' idents, or
    ``NOT_A_FIGURE``; empty: forget the binding, the checker guesses again)
    as what the quote ``key`` of ``article`` is. Refused (``BindingRefused``,
    nothing saved) if the quote is no longer in the text, the reading is not
    one of its own, or a published article would quote a number its data
    contradicts that it did not before. A binding on no number of the text
    can only be forgotten. ``seen``: the binding's state (``binding_state``)
    the requesting panel showed; another is refused (``BindingConflict``).
    None: not checked."""
    # Choices on an article's quotes are made one at a time.
    list(Article.objects.select_for_update().filter(pk=article.pk).values_list("pk"))
    bindings = FigureBinding.objects.filter(article=article, key=key)
    if seen is not None:
        _check_seen(article, bindings.select_related("bound_by").first(), seen, key)
    before = check_article(article)
    finding = _finding(before, key)
    if finding is None and not reading and bindings.exists():
        # A confirmation left on no number (its words were edited away) is
        # forgotten: it applied to nothing, so no figure's outcome changes.
        bindings.delete()
        return Bound(report=record_quotes(article=article), finding=None)
    if finding is None:
        raise BindingRefused(
            _("Số này không còn trong bài (bài đã được sửa?): hãy tải lại trang.")
        )
    offered = {r.ident for r in finding.readings} | {NOT_A_FIGURE, ""}
    if reading not in offered:
        raise BindingRefused(
            _("“%(reading)s” không phải một cách đọc của số “%(quote)s”.")
            % {"reading": Truncator(reading).chars(40), "quote": finding.quote.text}
        )
    _keep(article, key, reading=reading, quoted=finding.quote.text, user=user)
    report = record_quotes(article=article)
    if article.status == Article.Status.PUBLISHED and (
        _mismatched(report) - _mismatched(before)
    ):
        raise BindingRefused(
            _(
                "Bài đã xuất bản: với cách đọc này số “%(quote)s” không khớp với số "
                "liệu của bài. Hãy chọn cách đọc khác, hoặc sửa bài trong trang sửa."
            )
            % {"quote": finding.quote.text}
        )
    return Bound(report=report, finding=_finding(report, key))


def _keep(article: Article, key: str, *, reading: str, quoted: str, user) -> None:
    """Save ``reading`` as the quote's binding (empty: forget it)."""
    bindings = FigureBinding.objects.filter(article=article, key=key)
    if not reading:
        bindings.delete()
        return
    bindings.update_or_create(
        article=article,
        key=key,
        defaults={
            "quoted": quoted[:100],
            "reading": reading,
            "bound_by": user,
            "bound_at": timezone.now(),
            "needs_recheck": False,
        },
    )


def bindings_reading(figures) -> QuerySet:
    """Bindings whose reading reads any of ``figures`` (a queryset): the
    figures the checker recorded for the bound quote."""
    return FigureBinding.objects.exclude(reading=NOT_A_FIGURE).filter(
        Exists(
            FigureQuote.objects.filter(
                figure__in=figures.values("pk"),
                article=OuterRef("article"),
                quoted=OuterRef("quoted"),
            )
        )
    )


def _scheduled_hold(article: Article, report: Report) -> bool:
    """A scheduled article whose data now contradicts its text is not
    published at its time: it goes back to review, the reason in its
    history. True if held."""
    if not (
        article.status == Article.Status.PUBLISHED
        and article.published_at > timezone.now()
        and report.has_mismatch
    ):
        return False
    listed = "; ".join(finding.describe() for finding in report.mismatches)
    article.status = Article.Status.REVIEW
    article._change_reason = (
        _("Hoãn xuất bản: số liệu đã đổi, có số không khớp: %(list)s")
        % {"list": listed}
    )[:100]
    article.save()
    return True


def _settle_bindings(article: Article, report: Report) -> None:
    """A binding flagged by a change whose reading still gives the printed
    number (within rounding) needs no second look."""
    still_right = [
        finding.key
        for finding in report.findings
        if finding.verdict in (MATCH, ROUNDING)
    ]
    FigureBinding.objects.filter(
        article=article, needs_recheck=True, key__in=still_right
    ).update(needs_recheck=False)


def recheck_articles(article_ids) -> list[Article]:
    """Check these articles again against the figures as they are now
    (after a change to them): their quotes recorded anew, the bindings
    whose reading still holds settled, and a scheduled article that now
    contradicts its data held back. Returns those held."""
    held = []
    for article in Article.objects.filter(pk__in=article_ids):
        with transaction.atomic():
            report = record_quotes(article=article)
            _settle_bindings(article, report)
            if _scheduled_hold(article, report):
                held.append(article)
    return held


def _flagged_naming(figures) -> set[int]:
    """The articles with a flagged binding whose reading names any of
    ``figures`` (a queryset) by its key: a figure restored after its
    deletion is quoted by no article until they are checked again. Few
    bindings are flagged; an import's figures are not all read."""
    flagged = FigureBinding.objects.filter(needs_recheck=True).exclude(
        reading=NOT_A_FIGURE
    )
    named = [
        (article_id, figures_named(reading))
        for article_id, reading in flagged.values_list("article_id", "reading")
    ]
    wanted = set().union(*(pks for _article, pks in named))
    if not wanted:
        return set()
    present = set(figures.filter(pk__in=wanted).values_list("pk", flat=True))
    return {article_id for article_id, pks in named if pks & present}


def recheck_bindings(*, figures, **_signal) -> int:
    """The receiver of ``figures_changed`` for what is not yet flagged: the
    bindings reading a changed figure are flagged to be confirmed again, and
    every published or scheduled article quoting or showing one, and every
    article with a flagged binding naming one, is checked again once the
    change is committed (the signal may come before it: a
    deletion, an undo), which settles the bindings still right. Flags no
    published article itself (0)."""
    # A figure deleted and restored: no article quotes it since its
    # deletion. Only bindings flagged before this change: those it flags
    # now are on articles found below, or on drafts (checked when next
    # opened or saved).
    article_ids = _flagged_naming(figures)
    bindings_reading(figures).update(needs_recheck=True)
    article_ids |= articles_using_any(
        figures, Article.objects.filter(status=Article.Status.PUBLISHED)
    )
    # robust: a failing check is logged, and never undoes the committed change.
    transaction.on_commit(lambda: recheck_articles(article_ids), robust=True)
    return 0
