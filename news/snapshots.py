"""What an article's page derives, computed on write and kept in the
database (``ArticleSnapshot``): the lead and body with the quoted numbers
linked, the data blocks rendered (rows, stored and derived values, bounds,
formulas, chart), the corrections, the tags and the related documents
(``snapshot_lists``). Reading the page then costs one
joined row instead of the figures, the checker's quotes and the arithmetic.

Not a cache: it is exactly as fresh as what it is made of. Anything that
changes what it shows (the article, a block, a correction, a quote, a
figure a block reads or a quote links to, a dimension a table names, a tag
or document attached, detached or renamed) bumps
``generation`` in the same transaction, set-based (one UPDATE, even for an
import); the parts are trusted only while ``built == generation`` and
``version`` is the code's. A stale snapshot is recomputed live for the
reader, who never sees an old number, and stored with a guard (``UPDATE
... WHERE generation = seen``) so a build that raced a change never
overwrites it; after a commit the few articles it touched are rebuilt at
once (``on_commit``), a big import's lazily by their first readers.
"""

from datetime import datetime
from functools import partial

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Max, Min, Q
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
    pre_save,
)
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from funding.api import Figure

from .blocks import article_blocks, split_body
from .figures import CheckedQuote, DataBlock, FigureQuote
from .images.body import expand_body_images
from .images.models import LibraryImage
from .quote_links import TEMPLATE as QUOTE_TEMPLATE
from .quote_links import link_figures, link_lead, linked_quotes
from .snapshot_lists import (
    documents_part,
    head_part,
    shown_documents,
    shown_tags,
    stale_ids,
    tags_part,
    through_models,
)
from .source_versions import fingerprint
from .tags import Tag

#: Bump when the computation changes in a way the fingerprint below misses.
FORMAT = 2
#: Articles rebuilt right after a commit; beyond, their first reader does it.
REBUILD_AFTER_COMMIT = 10
#: The templates and modules whose source makes the stored parts.
SOURCES_TEMPLATES = (
    "includes/data_block/base.html",
    "includes/data_block/table.html",
    "includes/data_block/chart.html",
    "includes/data_block/highlight.html",
    "includes/data_block/_tables.html",
    QUOTE_TEMPLATE,
    "includes/picture.html",
)
SOURCES_MODULES = (
    "funding.pages.blocks",
    "funding.pages.charts",
    "funding.core.cells",
    "funding.core.derived",
    "funding.core.formatting",
    "funding.templatetags.funding_tags",
    "funding.templatetags.figure_tables",
    "news.blocks",
    "news.images.body",
    "news.images.renditions",
    "news.quote_links",
    "news.snapshot_lists",
    "news.snapshots",
)


_version: list[str] = []


def version() -> str:
    if not _version or settings.DEBUG:
        _version[:] = [fingerprint(FORMAT, SOURCES_TEMPLATES, SOURCES_MODULES)]
    return _version[0]


class ArticleSnapshot(models.Model):
    """An article's page parts as last computed (see the module)."""

    article = models.OneToOneField(
        "news.Article",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="snapshot",
    )
    generation = models.PositiveBigIntegerField(default=0)
    built = models.PositiveBigIntegerField(null=True, blank=True)
    version = models.CharField(max_length=16, blank=True)
    parts = models.JSONField(default=dict, blank=True)
    # The figure check of the text (``news.stored_checks``), fresh while
    # ``checked == generation``, its version the checker's.
    checked = models.PositiveBigIntegerField(null=True, blank=True)
    check_version = models.CharField(max_length=16, blank=True)
    figure_check = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["article"]
        verbose_name = _("phần dựng sẵn của bài viết")
        verbose_name_plural = _("phần dựng sẵn của bài viết")

    def __str__(self) -> str:
        return f"{self.article_id}@{self.generation}"

    def get_absolute_url(self) -> str:
        return self.article.get_absolute_url()

    @property
    def is_fresh(self) -> bool:
        return self.built == self.generation and self.version == version()


def computed_and_kept(article, seen: int, compute, fields):
    """``compute()``, kept in the article's snapshot as the ``fields`` it
    gives, unless the article changed since its generation was ``seen``:
    read before anything ``compute`` reads, so a change committed meanwhile
    has bumped it and the guarded UPDATE writes nothing (the result is
    still the caller's, as fresh as that read)."""
    result = compute()
    ArticleSnapshot.objects.filter(pk=article.pk, generation=seen).update(
        **fields(result)
    )
    return result


def build_parts(article) -> dict:
    """The parts computed now, from the figures, quotes and blocks as
    stored (the live computation; the snapshot stores its result)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _build_parts(article)


def _build_parts(article) -> dict:
    quotes = linked_quotes(article)
    lead = link_lead(article.lead, quotes.get("lead", ()))
    body = expand_body_images(link_figures(article.body, quotes.get("body", ())))
    body_parts = [
        [kind, str(piece)]
        if kind == "html"
        else [kind, render_to_string(piece.template_name, {"view": piece})]
        for kind, piece in split_body(body, article_blocks(article))
    ]
    corrections = [
        {"pk": c.pk, "text": c.text, "published_at": c.published_at.isoformat()}
        for c in article.corrections.order_by("-published_at", "-id")
    ]
    return {
        "lead": str(lead),
        "body": body_parts,
        "corrections": corrections,
        "tags": tags_part(article),
        "documents": documents_part(article),
        "head": head_part(article),
    }


def parts_of(article) -> dict:
    """The article's parts: stored if fresh, else computed now (and
    stored unless something changed them meanwhile)."""
    snapshot = getattr(article, "snapshot", None)
    if snapshot is not None and snapshot.is_fresh:
        return snapshot.parts
    if snapshot is None:
        snapshot, _created = ArticleSnapshot.objects.get_or_create(
            article_id=article.pk
        )
    seen = snapshot.generation
    return computed_and_kept(
        article,
        seen,
        lambda: build_parts(article),
        lambda parts: {"parts": parts, "built": seen, "version": version()},
    )


def page_context(article) -> dict:
    """What the article's template receives of the parts."""
    parts = parts_of(article)
    now = timezone.now()
    corrections = [
        {**c, "published_at": when}
        for c in parts["corrections"]
        if (when := datetime.fromisoformat(c["published_at"])) <= now
    ]
    return {
        "lead_html": mark_safe(parts["lead"]),
        "body_parts": [(kind, mark_safe(html)) for kind, html in parts["body"]],
        "corrections": corrections,
        "tags": shown_tags(parts),
        "documents": shown_documents(parts, now),
        **parts["head"],
    }


# Invalidation -------------------------------------------------------------


def invalidate(article_ids, *, then_rebuild: bool = True) -> None:
    """Mark these articles' snapshots stale (``article_ids``: a list of
    ids) in the caller's transaction; rebuild them after it commits."""
    stale = ArticleSnapshot.objects.filter(article_id__in=article_ids)
    stale.update(generation=F("generation") + 1)
    if then_rebuild:
        _rebuild_after_commit(article_ids)


def _rebuild_after_commit(article_ids) -> None:
    """Rebuild a few articles once the change commits (at once outside a
    transaction); those of a rolled-back change are not: its hook goes with
    it. A second change to the same article finds it fresh: no work."""
    ids = list(article_ids)
    if len(ids) > REBUILD_AFTER_COMMIT:
        return
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(partial(rebuild, ids), robust=True)
    else:
        rebuild(ids)


def invalidate_all() -> None:
    """A dimension every table may name changed (an area's name, an
    indicator's unit): every snapshot is stale, rebuilt by its reader."""
    ArticleSnapshot.objects.update(generation=F("generation") + 1)


def rebuild(article_ids) -> None:
    articles = apps.get_model("news", "Article").objects.select_related("snapshot")
    for article in articles.filter(pk__in=article_ids):
        parts_of(article)


def showing_figures(figures):
    """Ids of the articles whose page shows any of ``figures`` (a
    queryset): in a block naming their indicator and years (a year after
    too, for the change on the year before), or as a quoted number. A
    superset (a block may not name the area), found in two queries."""
    figure_ids = figures.values("pk")
    spans = (
        Figure.objects.filter(pk__in=figure_ids)
        .order_by()
        .values("indicator_id")
        .annotate(low=Min("year"), high=Max("year"))
    )
    blocks = Q(pk__in=[])
    for span in spans:
        blocks |= Q(
            indicators=span["indicator_id"],
            year_to__gte=span["low"],
            year_from__lte=span["high"] + 1,
        )
    showing, quoting, linking = (
        model.objects.filter(condition).order_by().values_list("article_id", flat=True)
        for model, condition in (
            (DataBlock, blocks),
            (FigureQuote, Q(figure__in=figure_ids)),
            (CheckedQuote, Q(figure__in=figure_ids)),
        )
    )
    return showing.union(quoting, linking)


def figures_changed(*, figures, then_rebuild: bool = True, **_signal) -> int:
    """``funding``'s ``figures_changed``: the pages showing them are stale
    (no article flagged for review here: 0)."""
    invalidate(list(showing_figures(figures)), then_rebuild=then_rebuild)
    return 0


def _figure_saved(sender, instance, raw=False, signal=None, **_kwargs) -> None:
    # Saves outside the services (the shell, a test, a fixture) too; also
    # before a save, for the pages showing it where it was (moved elsewhere).
    if instance.pk is not None and not raw:
        figures_changed(
            figures=Figure.objects.filter(pk=instance.pk),
            # Before a save or a deletion, the change itself is still to come.
            then_rebuild=signal is post_save,
        )


def _article_saved(sender, instance, created, raw=False, **_kwargs) -> None:
    if raw:
        return
    if created:
        ArticleSnapshot.objects.create(article_id=instance.pk)
    invalidate([instance.pk])


def _part_changed(sender, instance, raw=False, **_kwargs) -> None:
    if not raw:
        invalidate([instance.article_id])


def _part_moving(sender, instance, raw=False, **_kwargs) -> None:
    # A block or correction moved to another article leaves the first.
    if instance.pk is None or raw:
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("article_id", flat=True)
    if (before := stored.first()) not in (None, instance.article_id):
        invalidate([before])


def _block_relations_changed(sender, instance, action, **_kwargs) -> None:
    if action.startswith("post_") and isinstance(instance, DataBlock):
        invalidate([instance.article_id])
    elif action.startswith("post_"):
        invalidate_all()  # from an area's side: rare, and a superset


def _lists_changed(sender, **signal) -> None:
    # An article's tags or documents, attached or detached from either side.
    article_ids, then_rebuild = stale_ids(**signal)
    if article_ids:
        invalidate(article_ids, then_rebuild=then_rebuild)


def _tag_changed(sender, instance, raw=False, signal=None, **_kwargs) -> None:
    # Renamed (the pages listing it), or about to be deleted.
    if raw or instance.pk is None:
        return
    if tagged := list(instance.articles.values_list("pk", flat=True)):
        invalidate(tagged, then_rebuild=signal is post_save)


def _dimension_changed(sender, raw=False, **_kwargs) -> None:
    if not raw:
        invalidate_all()


def _library_image_changed(sender, created=False, raw=False, **_kwargs) -> None:
    # A new photo is in no stored body yet; a changed one may be in many.
    if not (created or raw):
        invalidate_all()


#: ``funding``'s models a table names beside the figures (not the import records).
NOT_SHOWN = ("importrecord", "importchange")


def _migrated(sender, **_kwargs) -> None:
    # Reference data (regions and their members) is loaded by migrations,
    # in bulk.
    invalidate_all()


def connect() -> None:
    """Listen to every change that makes a snapshot stale."""
    uid = "news-snapshots"
    post_migrate.connect(
        _migrated, sender=apps.get_app_config("news"), dispatch_uid=uid
    )
    Article = apps.get_model("news", "Article")
    Correction = apps.get_model("news", "Correction")
    post_save.connect(_article_saved, sender=Article, dispatch_uid=uid)
    for model in (DataBlock, Correction):
        pre_save.connect(_part_moving, sender=model, dispatch_uid=uid)
        post_save.connect(_part_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_part_changed, sender=model, dispatch_uid=uid)
    for field in ("indicators", "areas", "sources"):
        through = DataBlock._meta.get_field(field).remote_field.through
        m2m_changed.connect(_block_relations_changed, sender=through, dispatch_uid=uid)
    for through in through_models(Article):
        m2m_changed.connect(_lists_changed, sender=through, dispatch_uid=uid)
    post_save.connect(_tag_changed, sender=Tag, dispatch_uid=uid)
    pre_delete.connect(_tag_changed, sender=Tag, dispatch_uid=uid)
    # A library photo's words or focal point show in every body using it.
    post_save.connect(_library_image_changed, sender=LibraryImage, dispatch_uid=uid)
    post_delete.connect(_dimension_changed, sender=LibraryImage, dispatch_uid=uid)
    pre_save.connect(_figure_saved, sender=Figure, dispatch_uid=uid)
    post_save.connect(_figure_saved, sender=Figure, dispatch_uid=uid)
    # Before a deletion, while the quotes still point at the figure.
    pre_delete.connect(_figure_saved, sender=Figure, dispatch_uid=uid)
    for model in apps.get_app_config("funding").get_models():
        name = model._meta.model_name
        if model is Figure or name in NOT_SHOWN or name.startswith("historical"):
            continue
        post_save.connect(_dimension_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_dimension_changed, sender=model, dispatch_uid=uid)
