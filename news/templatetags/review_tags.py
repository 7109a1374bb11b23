"""The review blocks of the admin: the queue on the admin home and the
panel of review steps on an article's change form (``news.review``)."""

from django import template

from ..models import Article
from ..review import autosave, queue

register = template.Library()


@register.inclusion_tag("admin/news/review_queue.html", takes_context=True)
def review_queue(context):
    """The "Chờ duyệt" block: for publishers, what waits; for writers,
    their articles sent back with the note."""
    user = context["request"].user
    shown = {"can_publish": False, "sent_back": []}
    if user.has_perm(Article.PUBLISH_PERMISSION):
        waiting = queue.waiting()
        shown.update(
            can_publish=True,
            waiting=list(waiting[: queue.QUEUE_LENGTH]),
            total=waiting.count(),
            counts=queue.counts_by_category(waiting),
        )
    if user.has_perm("news.change_article"):
        shown["sent_back"] = list(queue.sent_back_to(user)[: queue.QUEUE_LENGTH])
    return shown


@register.inclusion_tag("admin/news/review_panel.html", takes_context=True)
def review_panel(context, article):
    return _panel(context, article)


@register.inclusion_tag("admin/news/review_forms.html", takes_context=True)
def review_forms(context, article):
    """The forms the panel's controls belong to, put after the article's
    form (which stays the page's first)."""
    shown = dict(_panel(context, article))
    shown["steps"] = [
        ("gui-duyet", shown["can_submit"]),
        ("tra-lai", shown["can_send_back"]),
        ("xuat-ban", shown["can_publish"]),
        ("len-lich", shown["can_publish"]),
    ]
    return shown


def _panel(context, article):
    """The article's review steps so far and the buttons for the next ones
    this user may take; read once per page (the panel and its forms)."""
    key = ("review_panel", article.pk)
    if key not in context.render_context:
        context.render_context[key] = _read_panel(context, article)
    return context.render_context[key]


def _read_panel(context, article):
    user = context["request"].user
    notes = list(article.review_notes.select_related("user")[:20])
    last = notes[0] if notes else None
    can_publish = user.has_perm(Article.PUBLISH_PERMISSION)
    status = article.status
    return {
        "article": article,
        "notes": notes,
        "sent_back": last
        if last and last.kind == last.Kind.SENT_BACK and status == "draft"
        else None,
        "can_submit": status == Article.Status.DRAFT
        and user.has_perm("news.change_article"),
        "can_send_back": can_publish and status == Article.Status.REVIEW,
        "can_publish": can_publish
        and status in (Article.Status.DRAFT, Article.Status.REVIEW),
        "csrf_token": context.get("csrf_token"),
        "autosaved": autosave.offered(article, user, _opened_version(context))
        if article.lock_allows(user)
        else None,
        "restoring": "khoi-phuc" in context["request"].GET,
    }


def _opened_version(context) -> str:
    """The version the page's article form was opened at (none where the
    form is read-only)."""
    adminform = context.get("adminform")
    version = getattr(getattr(adminform, "form", None), "version", None)
    return version.token() if version is not None else ""
