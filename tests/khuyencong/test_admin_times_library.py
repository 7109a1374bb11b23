"""Times on the newer admin pages, as an editor reads them: in
Asia/Ho_Chi_Minh, as dd/mm/yyyy HH:MM. Each page is shown a moment of
23:08 UTC on 1 December, which is 06:08 on the 2nd here: the day and the
hour both tell a UTC time from a local one."""

from datetime import UTC, datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from funding.models import SourceDocument
from news.models import Article, DraftAutosave, ReviewNote
from news.review import services
from tests.admin_forms import browser_payload, stored_version

from .admin_rules import ROLES
from .test_admin_language import visible_text

pytestmark = pytest.mark.django_db

MOMENT = datetime(2026, 12, 1, 23, 8, 33, 13774, tzinfo=UTC)
LOCAL = "02/12/2026 06:08"
UTC_SHOWN = ("01/12/2026 23:08", "23:08:33", "2026-12-01")


def shown_text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return " ".join(visible_text(response.content.decode()))


def assert_local(text, url):
    assert LOCAL in text, url
    assert not [utc for utc in UTC_SHOWN if utc in text], url


def logged_change(client, obj, **changes):
    """Change ``obj`` through its admin form, then date that change (its
    log entry) at ``MOMENT``."""
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    data = browser_payload(client.get(url))
    data.update(changes)
    assert client.post(url, data).status_code == 302
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).update(action_time=MOMENT)
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])


def test_library_and_document_pages_show_local_times(
    secretary_client, make_library_image, data
):
    image = make_library_image()
    type(image).objects.filter(pk=image.pk).update(created_at=MOMENT)
    listed = reverse("admin:news_libraryimage_changelist")
    assert_local(shown_text(secretary_client, listed), listed)
    history = logged_change(secretary_client, image, caption="Đã sửa")
    assert_local(shown_text(secretary_client, history), history)

    document = SourceDocument.objects.order_by("pk").first()
    SourceDocument.objects.filter(pk=document.pk).update(published_at=MOMENT)
    change = reverse("admin:funding_sourcedocument_change", args=[document.pk])
    form = browser_payload(secretary_client.get(change))
    assert (form["published_at_0"], form["published_at_1"]) == ("02/12/2026", "06:08")
    history = logged_change(secretary_client, document, signer="Nguyễn Văn A")
    assert_local(shown_text(secretary_client, history), history)


def test_review_pages_show_local_times(client, make_user, make_article, time_machine):
    author = make_user("pv_gio", ROLES[0])
    publisher = make_user("tk_gio", ROLES[1])
    waiting = make_article(
        status=Article.Status.DRAFT, published_at=None, author=author
    )
    back = make_article(status=Article.Status.DRAFT, published_at=None, author=author)
    time_machine.move_to(MOMENT, tick=False)
    for article in (waiting, back):
        services.submit_for_review(article_id=article.pk, user=author, base_url="/")
    services.send_back(article_id=back.pk, user=publisher, note="Thiếu", base_url="/")
    # The queue on the admin home, for the publisher and for the author.
    client.force_login(publisher)
    assert_local(shown_text(client, reverse("admin:index")), "queue")
    client.force_login(author)
    assert_local(shown_text(client, reverse("admin:index")), "sent back")
    # The article's review panel: the send-back and the steps so far.
    back.refresh_from_db()
    change = reverse("admin:news_article_change", args=[back.pk])
    assert_local(shown_text(client, change), change)
    # An autosave: the time it answers with, and the offer to restore it.
    autosave = reverse("admin:news_article_autosave", args=[back.pk])
    answer = client.post(
        autosave,
        {
            "title": "Mới",
            "lead": "",
            "body": "",
            "opened_version": stored_version(back),
        },
    ).json()
    assert answer["saved"] == f"Đã lưu tự động lúc {LOCAL}"
    assert DraftAutosave.objects.get().saved_at == MOMENT
    assert_local(shown_text(client, change), "autosave offer")
    # The history and the comparison of its last two versions.
    history = reverse("admin:news_article_history", args=[back.pk])
    assert_local(shown_text(client, history), history)
    compare = reverse("admin:news_article_compare", args=[back.pk])
    assert_local(shown_text(client, compare), compare)
    assert ReviewNote.objects.filter(created_at=MOMENT).count() == 3


def test_a_time_shown_to_the_minute_keeps_its_seconds(secretary_client, make_article):
    article = make_article(published_at=MOMENT)
    url = reverse("admin:news_article_change", args=[article.pk])
    form = browser_payload(secretary_client.get(url))
    assert (form["published_at_0"], form["published_at_1"]) == ("02/12/2026", "06:08")
    records = article.history.count()
    form["title"] = "Tiêu đề mới"
    assert secretary_client.post(url, form).status_code == 302
    article.refresh_from_db()
    assert article.title == "Tiêu đề mới" and article.published_at == MOMENT
    changed = article.history.first().diff_against(article.history.all()[1])
    assert article.history.count() == records + 1
    assert [change.field for change in changed.changes] == ["title"]
    # A time typed anew is taken as typed.
    form = browser_payload(secretary_client.get(url))
    form["published_at_1"] = "06:09"
    assert secretary_client.post(url, form).status_code == 302
    article.refresh_from_db()
    assert article.published_at == datetime(2026, 12, 1, 23, 9, tzinfo=UTC)
