"""Whether the public sees an article is one rule: an article's
``is_public`` and ``Article.objects.published()`` agree on every state, at
every moment (drafts, articles under review, scheduled, public, withdrawn
by hand or at their time)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import Article

pytestmark = pytest.mark.django_db

HOUR = timedelta(hours=1)

#: name -> (status, published_at, unpublish_at), as offsets from now.
STATES = {
    "draft, never dated": ("draft", None, None),
    "draft, dated": ("draft", -HOUR, None),
    "under review": ("review", -HOUR, None),
    "published": ("published", -HOUR, None),
    "published, to be withdrawn": ("published", -HOUR, 2 * HOUR),
    "published, withdrawn at its time": ("published", -2 * HOUR, -HOUR),
    "scheduled": ("published", 2 * HOUR, None),
    "scheduled with a withdrawal": ("published", 2 * HOUR, 4 * HOUR),
    "withdrawn": ("withdrawn", -HOUR, None),
    "withdrawn with a time": ("withdrawn", -2 * HOUR, 2 * HOUR),
}


@pytest.fixture
def articles(make_article, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    now = timezone.now()
    return {
        name: make_article(
            title=name,
            status=status,
            published_at=published and now + published,
            unpublish_at=unpublish and now + unpublish,
        )
        for name, (status, published, unpublish) in STATES.items()
    }


@pytest.mark.parametrize("hours_later", [0, 1, 3, 5])
def test_is_public_and_published_agree(articles, time_machine, hours_later):
    time_machine.shift(hours_later * HOUR)
    listed = set(Article.objects.published().values_list("title", flat=True))
    shown = {name for name, article in articles.items() if article.is_public}
    assert shown == listed


def test_the_rule_sees_each_state_as_a_reader_does(articles, time_machine):
    public = {name for name, a in articles.items() if a.is_public}
    assert public == {"published", "published, to be withdrawn"}
    time_machine.shift(3 * HOUR)
    public = {name for name, a in articles.items() if a.is_public}
    assert public == {"published", "scheduled", "scheduled with a withdrawal"}
