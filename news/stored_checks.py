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
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import F

from funding.api import CHECKER_SOURCES, Finding, Quote, Reading, Report

from .figure_check import check_article
from .snapshots import ArticleSnapshot, fingerprint

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


@dataclass(frozen=True)
class StoredFigure:
    """A figure a stored reading reads, as the panel names and links it."""

    pk: int
    label: str
    url: str

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return self.url


def _figures(figures) -> list[dict]:
    return [{"pk": f.pk, "label": str(f), "url": f.get_absolute_url()} for f in figures]


def _reading(r: Reading) -> dict:
    return {
        "ident": r.ident,
        "verdict": r.verdict,
        "expected": r.expected,
        "explanation": r.explanation,
        "figures": _figures(r.figures),
        "score": r.score,
    }


def _finding(f: Finding) -> dict:
    q = f.quote
    return {
        "quote": [q.part, q.start, q.end, q.text, q.kind, str(q.value), q.decimals],
        "quote_more": [str(q.step), q.sign, q.role, q.in_parens, q.approx],
        "verdict": f.verdict,
        "expected": f.expected,
        "explanation": f.explanation,
        "figures": _figures(f.figures),
        "context": list(f.context),
        "readings": [_reading(r) for r in f.readings],
        "confidence": f.confidence,
        "key": f.key,
        "bound": f.bound,
    }


def as_stored(article, report: Report) -> dict:
    """``report`` (of ``article``) as JSON; its figures by name and address
    only."""
    return {
        "findings": [_finding(f) for f in report.findings],
        "not_figures": [_finding(f) for f in report.not_figures],
        "bindings": bindings_digest(report.bindings),
        "text": text_digest(article),
    }


def _stored_figures(data) -> tuple[StoredFigure, ...]:
    return tuple(StoredFigure(d["pk"], d["label"], d["url"]) for d in data)


def _loaded_finding(d: dict) -> Finding:
    part, start, end, text, kind, value, decimals = d["quote"]
    step, sign, role, in_parens, approx = d["quote_more"]
    quote = Quote(
        part, start, end, text, kind, Decimal(value), decimals, Decimal(step),
        sign=sign, role=role, in_parens=in_parens, approx=approx,
    )  # fmt: skip
    readings = tuple(
        Reading(
            r["ident"],
            r["verdict"],
            r["expected"],
            r["explanation"],
            _stored_figures(r["figures"]),
            r["score"],
        )  # fmt: skip
        for r in d["readings"]
    )
    return Finding(
        quote, d["verdict"], d["expected"], d["explanation"],
        _stored_figures(d["figures"]), tuple(d["context"]), readings,
        d["confidence"], d["key"], d["bound"],
    )  # fmt: skip


def from_stored(data: dict, bindings: dict[str, str]) -> Report:
    return Report(
        findings=[_loaded_finding(d) for d in data["findings"]],
        not_figures=[_loaded_finding(d) for d in data["not_figures"]],
        bindings=dict(bindings),
    )


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
        return from_stored(row["figure_check"], bindings)
    # The generation is read before the figures: a change committed after
    # this read bumps it, and the guarded UPDATE below then writes nothing.
    seen = row["generation"]
    report = check_article(article, bindings=bindings)
    ArticleSnapshot.objects.filter(pk=article.pk, generation=seen).update(
        figure_check=as_stored(article, report), checked=seen, check_version=version()
    )
    return report
