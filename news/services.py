from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from funding.api import MATCH, NO_DATA, ROUNDING, Finding, Report
from khuyencong import pagecache

from .figure_check import check_article
from .models import Article, CheckedQuote, DataBlock, FigureQuote
from .page_keys import articles_keys
from .snapshots import invalidate
from .stored_checks import store as store_check


class MismatchRefused(ValidationError):
    """Publishing would show a number the article's own data contradicts."""


def check_publication(
    *,
    article: Article,
    confirmed: bool,
    user: AbstractBaseUser | None,
    just_saved: bool,
    report: Report | None = None,
    was_public: bool = True,
) -> Report | None:
    """The figure rule for what goes public, one home for every path that
    publishes an article or changes a published one (its form and inlines,
    restoring from history, the data-block admin, ``publish_articles``).

    A published article, public now or scheduled, may not quote a number
    its data blocks contradict, nor one its readers were shown as agreeing
    with them that no longer does (a block changed or deleted under it:
    ``_no_longer_agreeing``), unless someone confirmed it; the
    confirmation is written into the article's history. The text is read
    from ``article`` and the blocks from the database: called after the
    save, inside its transaction, this checks exactly what will be public,
    whatever was saved first. Raises ``MismatchRefused`` (the caller rolls
    the save back). ``just_saved``: the article's last history record is this
    save's, and gets the confirmation; otherwise a record is added.
    ``report``: a check of ``article`` as saved, made in this transaction
    after the save with the bindings as stored (None: checked here).
    ``was_public``: the article was published before this save (a first
    publication's numbers were never shown to readers as agreeing).
    """
    if article.status != Article.Status.PUBLISHED:
        return None
    report = check_article(article) if report is None else report
    wrong = report.mismatches
    lost = _no_longer_agreeing(article, report) if was_public else []
    changed = [f for f in lost if f not in wrong]
    if not (wrong or changed):
        return report
    listed = "; ".join(
        [*(f.describe() for f in wrong), *(_agreed_before(f) for f in changed)]
    )
    wrong = [*wrong, *changed]
    if not confirmed:
        raise MismatchRefused(
            _(
                "Có %(count)s số không khớp với số liệu của bài: %(list)s. Hãy sửa, "
                "hoặc đánh dấu xác nhận để vẫn xuất bản."
            )
            % {"count": len(wrong), "list": listed}
        )
    reason = (
        _("Xuất bản dù số liệu không khớp (đã xác nhận): %(list)s") % {"list": listed}
    )[:100]
    record = article.history.order_by("-history_date", "-history_id").first()
    if just_saved and record is not None:
        type(record).objects.filter(pk=record.pk).update(history_change_reason=reason)
    else:
        article._change_reason = reason
        article._history_user = user
        article.save()
    return report


def _agreed_before(finding: Finding) -> str:
    """A number that agreed and is only unsure now, said to have agreed:
    "cần xác nhận" alone does not say why it needs a confirmation."""
    return _("%(finding)s (lần kiểm tra trước khớp với số liệu)") % {
        "finding": finding.describe()
    }


def _no_longer_agreeing(article: Article, report: Report) -> list[Finding]:
    """The findings of ``report`` whose quote (the same number in the same
    words: its key) agreed with the data when the article was last checked
    (``CheckedQuote``) and does not now: "unsure" or "no data" is not
    enough for a number readers were shown as checked."""
    agreed = set(
        CheckedQuote.objects.filter(
            article=article, verdict__in=(MATCH, ROUNDING)
        ).values_list("key", flat=True)
    )
    return [
        f
        for f in report.findings
        if f.key in agreed and f.verdict not in (MATCH, ROUNDING)
    ]


def _locked(articles: QuerySet) -> QuerySet:
    # Re-select by key: the caller's queryset may carry outer joins, which
    # PostgreSQL refuses to lock.
    return Article.objects.filter(pk__in=articles.values("pk")).select_for_update()


@dataclass
class Publication:
    """What ``publish_articles`` did: the articles published, and those held
    back with the reason."""

    published: list[Article] = field(default_factory=list)
    held: list[tuple[Article, MismatchRefused]] = field(default_factory=list)
    #: Scheduled (or to be withdrawn) further ahead than allowed
    #: (``news.scheduling``): not published.
    too_far: list[tuple[Article, ValidationError]] = field(default_factory=list)


@transaction.atomic
def publish_articles(
    *,
    articles: QuerySet,
    user: AbstractBaseUser,
    confirm_mismatches: bool = False,
) -> Publication:
    """Publish each article now, or at its own time if one is set.

    Saved one by one so that slugs, sanitising and history (who did it) apply
    as for any edit. An article quoting a number its data contradicts is held
    back (``check_publication``) unless ``confirm_mismatches``.
    """
    publication = Publication()
    for article in _locked(articles).exclude(status=Article.Status.PUBLISHED):
        try:
            article.check_times()
        except ValidationError as refusal:
            publication.too_far.append((article, refusal))
            continue
        try:
            with transaction.atomic():
                article.status = Article.Status.PUBLISHED
                if article.published_at is None:
                    article.published_at = timezone.now()
                article._history_user = user
                article.save()
                report = check_publication(
                    article=article,
                    confirmed=confirm_mismatches,
                    user=user,
                    just_saved=True,
                    was_public=False,
                )
                record_quotes(article=article, report=report)
        except MismatchRefused as refusal:
            publication.held.append((article, refusal))
        else:
            publication.published.append(article)
    return publication


@transaction.atomic
def withdraw_articles(*, articles: QuerySet, user: AbstractBaseUser) -> int:
    """Take articles off the public site, keeping them and their address."""
    count = 0
    for article in _locked(articles).filter(status=Article.Status.PUBLISHED):
        article.status = Article.Status.WITHDRAWN
        article._history_user = user
        article.save()
        count += 1
    return count


def mark_figures_reviewed(*, articles: QuerySet) -> int:
    """The figures of these articles have been reviewed (and corrected where
    needed): take them off the review list."""
    return Article.objects.filter(
        pk__in=articles.values("pk"), needs_figure_review=True
    ).update(needs_figure_review=False)


def articles_using_any(figures, among=None) -> set[int]:
    """The ids of the articles (of ``among``, else any) that show or quote
    any of ``figures`` (a queryset)."""
    among = Article.objects.all() if among is None else among
    quoting = FigureQuote.objects.filter(
        figure__in=figures.values("pk"), article__in=among
    )
    article_ids = set(quoting.values_list("article", flat=True))
    blocks = DataBlock.objects.filter(article__in=among).exclude(
        article__in=article_ids
    )
    for block in blocks.prefetch_related("indicators", "areas", "sources"):
        if block.article_id in article_ids:
            continue
        if block.figures(every_fund=True).filter(pk__in=figures.values("pk")).exists():
            article_ids.add(block.article_id)
    return article_ids


def flag_articles_for_review(*, figures, **_signal) -> int:
    """Mark the published articles that show or quote any of ``figures``
    (a queryset) as needing a review of their figures; return how many.

    The receiver of ``funding``'s ``figures_changed``: a figure was edited,
    imported, restored by an undo or is about to be deleted, so the story
    shows or quotes a number that changed since it was published.
    """
    article_ids = articles_using_any(figures, Article.objects.published())
    # Their pages show the changed figures (bulk writes send no signal).
    pagecache.changed(keys=articles_keys(article_ids))
    return Article.objects.filter(pk__in=article_ids, needs_figure_review=False).update(
        needs_figure_review=True
    )


def _checked_quote(article, finding: Finding) -> CheckedQuote:
    reading = finding.reading
    quote = finding.quote
    # Only a number the data confirms links readers to its figure.
    linked = finding.verdict in (MATCH, ROUNDING) and reading and reading.figures
    return CheckedQuote(
        article=article,
        part=quote.part,
        start=quote.start,
        end=quote.end,
        # The words as they stand in the text (a pair's first number is
        # read with the unit printed after the second).
        text=finding.context[1][:100],
        key=finding.key[:255],
        verdict=finding.verdict,
        reading=reading.ident[:100] if reading else "",
        expected=finding.expected[:100],
        explanation=finding.explanation[:255],
        figure=reading.figures[0] if linked else None,
    )


@transaction.atomic
def record_quotes(*, article, report: Report | None = None) -> Report:
    """Check the article's figures (unless ``report`` is its check, just
    made) and keep what its text quotes: which stored figures (directly or
    through a computed one), for the review list; and each quote as read,
    for readers' links and the editor; and the check itself, for the form
    (``news.stored_checks``).

    The article's page links its numbers from these: its snapshot is
    marked stale first (bulk writes send no signal), which locks its row
    until the commit. A ``report`` passed in was made before this call:
    it is kept only because its callers made it in a transaction that had
    already locked that row (the article's own save), so no figure change
    came between it and the store."""
    invalidate([article.pk])
    report = check_article(article) if report is None else report
    FigureQuote.objects.filter(article=article).delete()
    CheckedQuote.objects.filter(article=article).delete()
    quotes = {
        (figure.pk, finding.quote.text[:100])
        for finding in report.findings
        if finding.verdict != NO_DATA
        for figure in finding.figures
    }
    FigureQuote.objects.bulk_create(
        FigureQuote(article=article, figure_id=pk, quoted=text) for pk, text in quotes
    )
    CheckedQuote.objects.bulk_create(
        _checked_quote(article, finding) for finding in report.findings
    )
    store_check(article, report)
    pagecache.changed(keys=articles_keys([article.pk]))
    return report
