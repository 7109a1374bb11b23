"""A publication scheduled too far ahead ("9999" typed for the year) is
refused on every path that sets one, naming the field; within the bound
(``NEWS_MAX_SCHEDULE_DAYS``) it is scheduled as before."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article

from .test_review import act, form_post

pytestmark = pytest.mark.django_db

FAR = "9999-12-31T23:59"


@pytest.fixture
def people(make_user):
    return {
        "author": make_user("phongvien", "Biên tập viên", email="pv@example.vn"),
        "publisher": make_user("thuky1", "Thư ký tòa soạn", email="tk@example.vn"),
    }


@pytest.fixture
def draft(make_article, people):
    return make_article(
        status=Article.Status.DRAFT, published_at=None, author=people["author"]
    )


def shown(client, response) -> str:
    return client.get(response.url).content.decode()


def test_the_schedule_step_refuses_a_time_years_ahead(client, people, draft):
    response = act(client, people["publisher"], draft, "len-lich", at=FAR)
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT and draft.published_at is None
    page = shown(client, response)
    assert "Đã lên lịch" not in page
    assert "“Xuất bản lúc”: 31/12/9999 23:59 quá xa" in page
    assert "trong vòng 730 ngày tới" in page


def test_the_schedule_step_names_the_field_of_a_time_it_cannot_read(
    client, people, draft
):
    response = act(client, people["publisher"], draft, "len-lich", at="99/99/9999")
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT and draft.published_at is None
    assert "“Xuất bản lúc”: Nhập một ngày/thời gian hợp lệ." in shown(client, response)


def test_the_schedule_step_accepts_a_time_within_the_bound(client, people, draft):
    later = timezone.localtime() + timedelta(days=700)
    response = act(
        client,
        people["publisher"],
        draft,
        "len-lich",
        at=later.strftime("%Y-%m-%dT%H:%M"),
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert "Đã lên lịch" in shown(client, response)


def test_the_article_form_refuses_a_time_years_ahead(client, people, draft):
    response = form_post(
        client,
        people["publisher"],
        draft,
        published_at_0="31/12/9999",
        published_at_1="23:59",
    )
    assert response.status_code == 200
    assert "“thời điểm xuất bản”: 31/12/9999 23:59 quá xa" in (
        response.content.decode()
    )
    draft.refresh_from_db()
    assert draft.published_at is None


@pytest.mark.parametrize(
    ("field", "label"),
    [("published_at", "thời điểm xuất bản"), ("unpublish_at", "gỡ lúc")],
)
def test_the_bulk_publish_action_leaves_a_time_years_ahead_unpublished(
    client, people, draft, field, label
):
    far = timezone.now() + timedelta(days=3650)
    Article.objects.filter(pk=draft.pk).update(**{field: far})
    client.force_login(people["publisher"])
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
        follow=True,
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    page = response.content.decode()
    assert f"Chưa xuất bản “{draft.title}”: “{label}”" in page
    assert "Đã xuất bản 0 bài." in page


def test_the_article_form_refuses_year_one_instead_of_failing(client, people, draft):
    response = form_post(
        client,
        people["publisher"],
        draft,
        published_at_0="01/01/0001",
        published_at_1="00:00",
    )
    assert response.status_code == 200
    assert "“thời điểm xuất bản”: năm 1 không hợp lệ" in response.content.decode()
    draft.refresh_from_db()
    assert draft.published_at is None


@pytest.fixture
def published(make_article, people):
    return make_article(author=people["author"])


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("31/12/9999", "“gỡ lúc”: 31/12/9999 23:59 quá xa"),
        ("01/01/0001", "“gỡ lúc”: năm 1 không hợp lệ"),
    ],
)
def test_the_article_form_refuses_a_withdrawal_time_out_of_bounds(
    client, people, published, day, message
):
    response = form_post(
        client,
        people["publisher"],
        published,
        unpublish_at_0=day,
        unpublish_at_1="23:59",
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    published.refresh_from_db()
    assert published.unpublish_at is None


def test_the_article_form_accepts_a_withdrawal_time_within_the_bound(
    client, people, published
):
    later = timezone.localtime() + timedelta(days=700)
    response = form_post(
        client,
        people["publisher"],
        published,
        unpublish_at_0=later.strftime("%d/%m/%Y"),
        unpublish_at_1="08:00",
    )
    assert response.status_code == 302
    published.refresh_from_db()
    assert timezone.localtime(published.unpublish_at).date() == later.date()


def test_the_publish_step_refuses_a_withdrawal_years_ahead(client, people, draft):
    far = timezone.now() + timedelta(days=3650)
    Article.objects.filter(pk=draft.pk).update(unpublish_at=far)
    response = act(client, people["publisher"], draft, "xuat-ban")
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT and draft.published_at is None
    page = shown(client, response)
    assert f"“gỡ lúc”: {timezone.localtime(far):%d/%m/%Y %H:%M} quá xa" in page
