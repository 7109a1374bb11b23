"""Whether an article is or ever was public record: its address was given
out then, so it keeps it (the slug is fixed) even after going back to
draft."""

from django.utils import timezone


def was_public_record(article) -> bool:
    """As the stored article's history tells: withdrawn, or published and
    due before its next change (or now). A publication scheduled and
    called back before its time gave nothing out."""
    if article.pk is None:
        return False
    rows = list(
        article.history.order_by("history_date", "history_id").values_list(
            "history_date", "status", "published_at"
        )
    )
    ends = [when for when, _status, _published in rows[1:]] + [timezone.now()]
    status_of = type(article).Status
    return any(
        status == status_of.WITHDRAWN
        or (
            status == status_of.PUBLISHED
            and published_at is not None
            and published_at <= end
        )
        for (_when, status, published_at), end in zip(rows, ends, strict=True)
    )
