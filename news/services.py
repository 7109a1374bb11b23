from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .models import Article


def _locked(articles: QuerySet) -> QuerySet:
    # Re-select by key: the caller's queryset may carry outer joins, which
    # PostgreSQL refuses to lock.
    return Article.objects.filter(pk__in=articles.values("pk")).select_for_update()


@transaction.atomic
def publish_articles(*, articles: QuerySet, user: AbstractBaseUser) -> int:
    """Publish each article now, or at its own time if one is set.

    Saved one by one so that slugs, sanitising and history (who did it) apply
    as for any edit. Returns how many changed.
    """
    count = 0
    for article in _locked(articles).exclude(status=Article.Status.PUBLISHED):
        article.status = Article.Status.PUBLISHED
        if article.published_at is None:
            article.published_at = timezone.now()
        article._history_user = user
        article.save()
        count += 1
    return count


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
