"""What the admin home shows about review: the articles waiting for a
publisher, oldest first, with counts per category; and an author's own
articles sent back, with the note."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from ..models import Article
from .models import ReviewNote

#: The longest list on the admin home; the counts cover every article.
QUEUE_LENGTH = 50


def _last_note(field: str, kind: str | None = None):
    notes = ReviewNote.objects.filter(article=OuterRef("pk"))
    if kind:
        notes = notes.filter(kind=kind)
    return Subquery(notes.order_by("-created_at", "-id").values(field)[:1])


def waiting():
    """Articles sent for review, the longest waiting first, each with
    ``submitted_at`` (when it was last sent; its last change if it came to
    review another way)."""
    return (
        Article.objects.filter(status=Article.Status.REVIEW)
        .select_related("category", "author")
        .defer("body", "search_title", "search_text", "search_vector")
        .annotate(
            submitted_at=Coalesce(
                _last_note("created_at", ReviewNote.Kind.SUBMITTED), "updated_at"
            )
        )
        .order_by("submitted_at", "pk")
    )


def counts_by_category(articles) -> list[dict]:
    """``[{"category__name": …, "count": …}]`` of ``articles``, by category
    order."""
    return list(
        articles.order_by()
        .values("category__name", "category__position")
        .annotate(count=Count("pk"))
        .order_by("category__position", "category__name")
    )


def sent_back_to(user):
    """``user``'s drafts whose last review step was a send-back, with the
    note (``back_note``), who (``back_by_id``) and when (``back_at``)."""
    return (
        Article.objects.filter(author=user, status=Article.Status.DRAFT)
        .defer("body", "search_title", "search_text", "search_vector")
        .annotate(
            last_kind=_last_note("kind"),
            back_note=_last_note("text"),
            back_at=_last_note("created_at"),
        )
        .filter(last_kind=ReviewNote.Kind.SENT_BACK)
        .order_by("-back_at", "pk")
    )
