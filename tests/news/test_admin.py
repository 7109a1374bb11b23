from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from tests.admin_forms import browser_payload, opened_version

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:news_article_add")
CHANGELIST_URL = reverse("admin:news_article_changelist")


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def form_data(category, **overrides):
    when = timezone.localtime(timezone.now() - timedelta(minutes=5))
    data = {
        "title": "Hội nghị khuyến công tại Ninh Thuận",
        "slug": "",
        "category": category.pk,
        "lead": "Sapo.",
        "body": "<p>Nội dung.</p>",
        "cover_alt": "",
        "cover_caption": "",
        "status": Article.Status.DRAFT,
        "published_at_0": when.strftime("%d/%m/%Y"),
        "published_at_1": when.strftime("%H:%M:%S"),
        "author": "",
        "byline": "",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
    }
    for prefix in ("data_blocks", "corrections"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(overrides)
    return data


@pytest.fixture
def admin_client_(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "quantri", "", "mat-khau-rat-dai-2022"
    )
    client.force_login(user)
    return client


ATTACKS = [
    '<p>Chào<script>alert("xss")</script></p>',
    '<p onclick="alert(1)" onmouseover="alert(2)">Chào</p>',
    '<iframe src="https://evil.example/"></iframe><p>Chào</p>',
    "<style>body{display:none}</style><p>Chào</p>",
    '<p>Chào <a href="javascript:alert(1)">bấm</a></p>',
    '<p>Chào <a href="data:text/html;base64,PHNjcmlwdD4=">bấm</a></p>',
    '<p>Chào</p><img src="x" onerror="alert(1)">',
    "<p>Chào</p><svg><script>alert(1)</script></svg>",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_raw_post_attacks_are_sanitised(admin_client_, category, attack):
    response = admin_client_.post(ADD_URL, form_data(category, body=attack))
    assert response.status_code == 302, response.context["adminform"].form.errors
    body = Article.objects.get().body
    lowered = body.lower()
    for bad in (
        "<script",
        "onclick",
        "onerror",
        "onmouseover",
        "<iframe",
        "<style",
        "javascript:",
        "data:",
        "<svg",
    ):
        assert bad not in lowered, body
    assert "Chào" in body


def test_admin_add_makes_slug_and_sets_author(editor_client, editor, category):
    response = editor_client.post(ADD_URL, form_data(category))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.slug == "hoi-nghi-khuyen-cong-tai-ninh-thuan"
    assert article.author == editor
    assert article.status == Article.Status.DRAFT


@pytest.mark.parametrize("status", [Article.Status.PUBLISHED, Article.Status.WITHDRAWN])
def test_editor_cannot_publish_through_add_form(editor_client, category, status):
    response = editor_client.post(ADD_URL, form_data(category, status=status))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["status"]
    assert not Article.objects.exists()


def test_editor_cannot_publish_own_draft_by_raw_post(
    editor_client, category, make_article
):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    data = form_data(category, title=draft.title, slug=draft.slug, status="published")
    data["opened_version"] = opened_version(editor_client, change_url(draft))
    response = editor_client.post(change_url(draft), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["status"]
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_editor_can_send_draft_for_review(editor_client, category, make_article):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    data = form_data(category, title="Tiêu đề mới", slug=draft.slug, status="review")
    data["opened_version"] = opened_version(editor_client, change_url(draft))
    assert editor_client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Tiêu đề mới", Article.Status.REVIEW)


def test_editor_cannot_use_publish_action(editor_client, make_article):
    draft = make_article(status=Article.Status.REVIEW, published_at=None)
    page = editor_client.get(CHANGELIST_URL).content.decode()
    assert "publish_selected" not in page
    editor_client.post(
        CHANGELIST_URL, {"action": "publish_selected", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW


def test_editor_cannot_edit_a_published_article(editor_client, category, make_article):
    article = make_article(title="Đã đăng")
    assert editor_client.get(change_url(article)).status_code == 200  # read-only view
    data = form_data(category, title="Sửa lén", slug=article.slug, status="published")
    assert editor_client.post(change_url(article), data).status_code == 403
    article.refresh_from_db()
    assert article.title == "Đã đăng"


def test_secretary_publishes_with_the_action(secretary_client, secretary, make_article):
    draft = make_article(status=Article.Status.REVIEW, published_at=None)
    response = secretary_client.post(
        CHANGELIST_URL,
        {"action": "publish_selected", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert "Đã xuất bản 1 bài." in response.content.decode()
    draft.refresh_from_db()
    assert draft.is_public
    assert draft.history.first().history_user == secretary


def test_secretary_withdraws_with_the_action(secretary_client, client, make_article):
    article = make_article()
    secretary_client.post(
        CHANGELIST_URL,
        {"action": "withdraw_selected", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Article.Status.WITHDRAWN


def test_secretary_can_schedule(secretary_client, category):
    later = timezone.localtime(timezone.now() + timedelta(days=2))
    data = form_data(
        category,
        status="published",
        published_at_0=later.strftime("%d/%m/%Y"),
        published_at_1=later.strftime("%H:%M:%S"),
    )
    assert secretary_client.post(ADD_URL, data).status_code == 302
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED and not article.is_public
    changelist = secretary_client.get(CHANGELIST_URL).content.decode()
    assert "Hẹn giờ" in changelist


def test_slug_is_read_only_once_published(secretary_client, category, make_article):
    article = make_article()
    old_slug = article.slug
    page = secretary_client.get(change_url(article)).content.decode()
    assert 'name="slug"' not in page
    data = form_data(
        category, title="Tiêu đề đổi", slug="duong-dan-khac", status="published"
    )
    data["opened_version"] = opened_version(secretary_client, change_url(article))
    assert secretary_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Tiêu đề đổi"
    assert article.slug == old_slug


def test_slug_of_an_article_once_published_stays_after_going_back_to_draft(
    secretary_client, client, category, make_article
):
    """Back to draft, then a new slug and published again, in two saves:
    refused, and the address given out still shows the article."""
    article = make_article()
    old_slug, url = article.slug, change_url(article)
    data = form_data(category, title=article.title, slug=old_slug, status="draft")
    data["opened_version"] = opened_version(secretary_client, url)
    assert secretary_client.post(url, data).status_code == 302
    page = secretary_client.get(url).content.decode()
    assert 'name="slug"' not in page  # shown read-only, as when published
    data = form_data(
        category, title=article.title, slug=f"{old_slug}-moi", status="published"
    )
    data["opened_version"] = opened_version(secretary_client, url)
    secretary_client.post(url, data)
    article.refresh_from_db()
    assert article.slug == old_slug
    # Whatever sends a new slug (an old page, a script) is refused.
    article.status, article.slug = Article.Status.DRAFT, f"{old_slug}-moi"
    with pytest.raises(ValidationError) as refusal:
        article.clean()
    assert refusal.value.message_dict["slug"] == [
        "Bài đã xuất bản: không được đổi đường dẫn."
    ]
    assert client.get(f"/tin-tuc/{old_slug}/").status_code == 200


def save_in_admin(client, article, **fields):
    """Post ``article``'s change form as a user would, with ``fields``."""
    url = change_url(article)
    data = form_data(article.category, title=article.title, slug=article.slug)
    when = timezone.localtime(article.published_at)
    data.update(
        published_at_0=when.strftime("%d/%m/%Y"),
        published_at_1=when.strftime("%H:%M:%S"),
        opened_version=opened_version(client, url),
    )
    data.update(fields)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()


@pytest.mark.parametrize("wait_hours, slug_fixed", [(0, False), (73, True)])
def test_slug_of_an_article_scheduled_but_never_public_may_change(
    secretary_client, make_article, time_machine, wait_hours, slug_fixed
):
    """Scheduled to go public in 3 days, then back to draft before that
    time: its address was never given out, so its slug may still change.
    Once the time came while it was scheduled, it was public: fixed."""
    time_machine.move_to(timezone.now(), tick=False)
    article = make_article(status="draft")
    old_slug = article.slug
    in_three_days = timezone.localtime(timezone.now() + timedelta(days=3))
    save_in_admin(
        secretary_client,
        article,
        status="published",
        published_at_0=in_three_days.strftime("%d/%m/%Y"),
        published_at_1=in_three_days.strftime("%H:%M:%S"),
    )
    assert not article.is_public
    time_machine.shift(timedelta(hours=wait_hours))
    save_in_admin(secretary_client, article, status="draft")
    page = secretary_client.get(change_url(article)).content.decode()
    assert ('name="slug"' not in page) == slug_fixed
    save_in_admin(secretary_client, article, slug=f"{old_slug}-moi")
    assert article.slug == (old_slug if slug_fixed else f"{old_slug}-moi")


def test_history_records_compares_and_restores_without_publishing(
    secretary_client, secretary, category
):
    secretary_client.post(
        ADD_URL, form_data(category, title="Bản một", status="published")
    )
    article = Article.objects.get()
    url = change_url(article)
    data = form_data(category, title="Bản hai", slug=article.slug, status="published")
    data["opened_version"] = opened_version(secretary_client, url)
    assert secretary_client.post(url, data).status_code == 302
    secretary_client.post(
        CHANGELIST_URL,
        {"action": "withdraw_selected", "_selected_action": [article.pk]},
    )
    history = list(article.history.order_by("history_date"))
    assert [h.title for h in history] == ["Bản một", "Bản hai", "Bản hai"]
    assert all(h.history_user == secretary for h in history)

    history_page = secretary_client.get(
        reverse("admin:news_article_history", args=[article.pk])
    ).content.decode()
    assert "Bản một" in history_page and "Bản hai" in history_page
    assert "&rarr;" in history_page or "→" in history_page  # a diff is shown

    first = history[0]
    revert_url = reverse(
        "admin:news_article_simple_history", args=[article.pk, first.history_id]
    )
    form = secretary_client.get(revert_url).context["adminform"].form
    data = form_data(
        category, title=form.initial["title"], slug=article.slug, status="published"
    )
    data["opened_version"] = opened_version(secretary_client, revert_url)
    response = secretary_client.post(revert_url, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Bản một"
    assert article.status == Article.Status.WITHDRAWN  # restored text, not state
    assert not article.is_public


def test_restoring_a_version_keeps_the_current_withdrawal_time(
    secretary_client, category, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    soon = timezone.localtime(timezone.now() + timedelta(days=2))
    secretary_client.post(
        ADD_URL,
        form_data(
            category,
            title="Bản có hạn gỡ",
            status="published",
            unpublish_at_0=soon.strftime("%d/%m/%Y"),
            unpublish_at_1=soon.strftime("%H:%M:%S"),
        ),
    )
    article = Article.objects.get()
    assert article.unpublish_at is not None
    url = change_url(article)
    data = form_data(category, title="Bản bỏ hạn gỡ", slug=article.slug)
    data["status"] = "published"
    data["opened_version"] = opened_version(secretary_client, url)
    assert secretary_client.post(url, data).status_code == 302
    time_machine.shift(timedelta(days=3))

    first = article.history.order_by("history_date").first()
    revert_url = reverse(
        "admin:news_article_simple_history", args=[article.pk, first.history_id]
    )
    form = secretary_client.get(revert_url).context["adminform"].form
    assert form.initial["unpublish_at"] is not None  # the old version had one
    data = form_data(
        category,
        title=form.initial["title"],
        slug=article.slug,
        status="published",
        unpublish_at_0=soon.strftime("%d/%m/%Y"),
        unpublish_at_1=soon.strftime("%H:%M:%S"),
    )
    data["opened_version"] = opened_version(secretary_client, revert_url)
    assert secretary_client.post(revert_url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Bản có hạn gỡ"
    assert article.unpublish_at is None
    assert article.is_public


def test_cover_is_chosen_from_the_image_library(
    secretary_client, category, make_library_image
):
    image = make_library_image(alt_text="Đại biểu")
    data = form_data(category, cover=image.pk)
    assert secretary_client.post(ADD_URL, data).status_code == 302
    article = Article.objects.get()
    assert article.cover == image
    page = secretary_client.get(change_url(article)).content.decode()
    assert f'<option value="{image.pk}" selected>Đại biểu</option>' in page


def test_cover_must_be_a_library_image(secretary_client, category):
    response = secretary_client.post(ADD_URL, form_data(category, cover="999"))
    assert response.status_code == 200
    assert "cover" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_roles_exist_with_the_right_permissions():
    editor = Group.objects.get(name="Biên tập viên")
    secretary = Group.objects.get(name="Thư ký tòa soạn")
    assert Group.objects.filter(name="Cán bộ số liệu").exists()
    editor_perms = set(editor.permissions.values_list("codename", flat=True))
    secretary_perms = set(secretary.permissions.values_list("codename", flat=True))
    assert {"add_article", "change_article"} <= editor_perms
    assert "publish_article" not in editor_perms
    assert "delete_article" not in editor_perms
    assert {"publish_article", "change_article", "add_category"} <= secretary_perms


def test_changelist_filters_search_and_view_on_site(secretary_client, make_article):
    article = make_article(title="Làng nghề Bàu Trúc")
    make_article(title="Tin khác")
    page = secretary_client.get(CHANGELIST_URL, {"q": "Bàu Trúc"}).content.decode()
    assert "Làng nghề Bàu Trúc" in page and "Tin khác" not in page
    page = secretary_client.get(CHANGELIST_URL, {"status__exact": "published"})
    assert page.status_code == 200
    change_page = secretary_client.get(change_url(article)).content.decode()
    assert "viewsitelink" in change_page


def test_editor_preview_link_from_admin(editor_client, make_article):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    page = editor_client.get(change_url(draft)).content.decode()
    assert "viewsitelink" in page
    assert editor_client.get(draft.get_absolute_url()).status_code == 200


def test_anonymous_is_sent_to_login(client, make_article):
    article = make_article()
    response = client.get(change_url(article))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_control_characters_typed_or_pasted_become_spaces(admin_client_, category):
    # Word pastes a vertical tab for Shift+Enter; XML (the RSS feed) holds none.
    response = admin_client_.post(
        reverse("admin:news_article_add"),
        form_data(
            category,
            title="Kinh phí\x0bkhuyến công\x1f2024",
            lead="Dòng một\x0bdòng hai.\nDòng ba.",
        ),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.title == "Kinh phí khuyến công 2024"
    assert article.lead == "Dòng một dòng hai.\nDòng ba."


def test_a_body_of_thousands_of_numbers_is_refused_before_it_is_checked(
    editor_client, category
):
    """Each number costs the figure check about a millisecond at every save
    and opening of the form: a pasted table of thousands belongs in a data
    block, and the form says so on the body instead of timing out."""
    table = "".join(f"<p>Dòng {n}: 12,5 tỷ đồng.</p>" for n in range(760))
    data = form_data(category, title="Bảng số dán vào bài", body=table)
    response = editor_client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 200
    (error,) = response.context["adminform"].form.errors["body"]
    assert error.startswith("Sapo và nội dung có 1.520 con số, quá nhiều")
    assert "(tối đa 1.500)" in error and "khối số liệu" in error
    assert not Article.objects.filter(title="Bảng số dán vào bài").exists()
    # Fewer numbers save as before.
    data["body"] = "".join(f"<p>Dòng {n}: 12,5 tỷ đồng.</p>" for n in range(50))
    assert (
        editor_client.post(reverse("admin:news_article_add"), data).status_code == 302
    )


def test_an_older_article_over_the_bound_saves_when_its_text_is_not_changed(
    editor_client, category, make_article
):
    table = "".join(f"<p>Dòng {n}: 12,5 tỷ đồng.</p>" for n in range(760))
    old = make_article(status=Article.Status.DRAFT, published_at=None, body=table)
    url = reverse("admin:news_article_change", args=[old.pk])
    data = browser_payload(editor_client.get(url))
    data["byline"] = "Nhóm phóng viên"
    assert editor_client.post(url, data).status_code == 302
    old.refresh_from_db()
    assert old.byline == "Nhóm phóng viên"
