"""The figure check of an article's text kept with the article, so that
its form shows the outcome without running the checker (issue 18: compute
on write).

Stored in the article's snapshot (``news.snapshots``) by ``record_quotes``,
in the transaction that saves the article, a binding or a recheck, and
trusted only while (1) the snapshot's ``generation`` is the one it was made
at: every change to the article, its blocks or a figure they show or its
quotes read bumps it; (2) its version is the checker's code's; (3) the
editors' bindings are those it was made with (compared on reading, so any
way a binding is written counts); (4) the text shown is the one checked
(a version from the article's history is not). Otherwise the form checks live and stores
the outcome with a guard, as the page's parts are. What goes public is
never decided from it: ``check_publication`` always checks live.
"""

import hashlib
import json

from django.conf import settings
from django.db.models import F

from funding.api import CHECKER_SOURCES, Report

from .figure_check import check_article
from .snapshots import ArticleSnapshot, computed_and_kept
from .source_versions import fingerprint

#: Bump when what is stored changes in a way the fingerprint misses.
FORMAT = 1
SOURCES_MODULES = (
    *CHECKER_SOURCES,
    "funding.pages.urls",
    "news.figures",
    "news.figure_check",
    "news.stored_checks",
)

_version: list[str] = []


def version() -> str:
    if not _version or settings.DEBUG:
        _version[:] = [fingerprint(FORMAT, modules=SOURCES_MODULES)]
    return _version[0]


def bindings_digest(bindings: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(sorted(bindings.items())).encode()).hexdigest()


def text_digest(article) -> str:
    """The text checked: an article shown as it was (a version from its
    history, in the same form) is not the one stored."""
    text = "\0".join((article.title, article.lead, article.body))
    return hashlib.sha256(text.encode()).hexdigest()


def as_stored(article, report: Report) -> dict:
    """``report`` (of ``article``) as stored: the report's own JSON
    (``Report.as_json``) and what its freshness is judged by."""
    return {
        **report.as_json(),
        "bindings": bindings_digest(report.bindings),
        "text": text_digest(article),
    }


def store(article, report: Report) -> None:
    """Keep ``report`` as the check of the article as it stands in the
    caller's transaction, which has just bumped its snapshot's generation
    (``snapshots.invalidate``: the row is locked until it commits, so no
    other change slips in between)."""
    ArticleSnapshot.objects.filter(pk=article.pk).update(
        figure_check=as_stored(article, report),
        checked=F("generation"),
        check_version=version(),
    )


def stored_or_checked(article, bindings: dict[str, str]) -> Report:
    """The check of ``article``: stored if fresh for these ``bindings``
    (the editors' word as it is now), else made now and stored unless
    something changed meanwhile."""
    row = (
        ArticleSnapshot.objects.filter(pk=article.pk)
        .values("generation", "checked", "check_version", "figure_check")
        .first()
    )
    if row is None:
        return check_article(article, bindings=bindings)
    if (
        row["checked"] == row["generation"]
        and row["check_version"] == version()
        and row["figure_check"].get("bindings") == bindings_digest(bindings)
        and row["figure_check"].get("text") == text_digest(article)
    ):
        return Report.from_json(row["figure_check"], bindings)
    seen = row["generation"]
    return computed_and_kept(
        article,
        seen,
        lambda: check_article(article, bindings=bindings),
        lambda report: {
            "figure_check": as_stored(article, report),
            "checked": seen,
            "check_version": version(),
        },
    )


def stored_report(article) -> Report | None:
    """The stored check of ``article``'s text as it is on ``article`` (e.g.
    as it was before a save: its quotes and their keys), whatever the
    figures or bindings since; None if the stored one is of another text."""
    row = (
        ArticleSnapshot.objects.filter(pk=article.pk)
        .values("check_version", "figure_check")
        .first()
    )
    if (
        row is None
        or row["check_version"] != version()
        or not row["figure_check"]
        or row["figure_check"].get("text") != text_digest(article)
    ):
        return None
    return Report.from_json(row["figure_check"])
