"""The site's settings and menus: kept in the database, edited by the
Thư ký tòa soạn in the admin, shown in the header and footer, read once per
change in each process (``news.site.shared``), and a change to them shows
at once."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from khuyencong import pagecache
from news.models import Category, SiteLink, SiteSettings
from news.site import chrome
from tests.admin_forms import browser_payload

pytestmark = pytest.mark.django_db

SETTINGS_URL = reverse("admin:news_sitesettings_change", args=[1])


def fill_agency(**fields):
    site = SiteSettings.objects.get(pk=1)
    values = {
        "agency_name": "Trung tâm Khuyến công tỉnh Mẫu",
        "address": "12 Lê Lợi, phường Phủ Hà",
        "phone": "0259 3822 000",
        "email": "ttkc@mau.gov.vn",
        "responsible_person": "Trần Thị B",
        "licence": "Giấy phép số 15/GP-TTĐT ngày 02/03/2025",
        **fields,
    }
    for name, value in values.items():
        setattr(site, name, value)
    site.save()
    return site


def menu_links(html: str) -> list[str]:
    nav = html.split('id="site-menu"', 1)[1].split("</ul>", 1)[0]
    return [part.split(">", 1)[1].split("<", 1)[0] for part in nav.split("<a ")[1:]]


def test_footer_shows_the_agency_and_its_licence(client):
    fill_agency()
    html = client.get(reverse("news:home")).content.decode()
    footer = html.split('<footer class="site-footer">', 1)[1]
    for text in (
        "Trung tâm Khuyến công tỉnh Mẫu",
        "12 Lê Lợi, phường Phủ Hà",
        'href="tel:02593822000"',
        'href="mailto:ttkc@mau.gov.vn"',
        "Chịu trách nhiệm nội dung: Trần Thị B",
        "Giấy phép số 15/GP-TTĐT ngày 02/03/2025",
    ):
        assert text in footer, text


def test_default_menu_has_categories_figures_and_documents_once(client, category):
    html = client.get(reverse("news:home")).content.decode()
    assert menu_links(html) == ["Trang chủ", "Tin tức", "Số liệu", "Văn bản"]
    assert "Tất cả tin" not in html
    assert 'href="/van-ban/"' in html or 'href="/van-ban' in html


def test_menu_and_links_in_the_order_staff_give(client, category):
    links = [
        ("Số liệu", SiteLink.Kind.FIGURES, {}),
        ("Tin", SiteLink.Kind.CATEGORY, {"category": category}),
        ("Giới thiệu", SiteLink.Kind.URL, {"url": "/gioi-thieu/"}),
    ]
    for position, (label, kind, target) in enumerate(links):
        SiteLink.objects.create(
            place="menu", kind=kind, label=label, position=position, **target
        )
    SiteLink.objects.create(
        place="social", kind="url", label="Fanpage", url="https://facebook.com/x"
    )
    response = client.get(category.get_absolute_url())
    html = response.content.decode()
    assert menu_links(html) == ["Số liệu", "Tin", "Giới thiệu"]
    assert (
        f'<a href="{category.get_absolute_url()}" aria-current="page">Tin</a>' in html
    )
    assert 'href="https://facebook.com/x" rel="noopener">Fanpage' in html


def test_one_settings_row_only():
    assert SiteSettings.objects.get().pk == 1  # made by the migration
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteSettings.objects.create(agency_name="Hai")
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteSettings.objects.create(pk=2, agency_name="Hai")


def test_a_link_must_name_its_target():
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteLink.objects.create(place="menu", kind="category", label="Trống")
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteLink.objects.create(place="menu", kind="url", label="Trống", url="")


def settings_form(client, **changes):
    data = browser_payload(client.get(SETTINGS_URL))
    data.update(changes)
    return data


def test_secretary_edits_settings_and_menu_in_the_admin(secretary_client, client):
    listing = secretary_client.get(reverse("admin:news_sitesettings_changelist"))
    assert SETTINGS_URL in listing.content.decode()
    prefix = "links"
    data = settings_form(
        secretary_client,
        agency_name="Trung tâm Khuyến công Đổi tên",
        **{
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-place": "menu",
            f"{prefix}-0-kind": "url",
            f"{prefix}-0-label": "Liên hệ",
            f"{prefix}-0-url": "/lien-he/",
            f"{prefix}-0-position": "1",
        },
    )
    response = secretary_client.post(SETTINGS_URL, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    html = client.get(reverse("news:home")).content.decode()
    assert "Trung tâm Khuyến công Đổi tên" in html
    assert menu_links(html) == ["Liên hệ"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "category"}, "Hãy chọn đích của liên kết loại này."),
        ({"kind": "url", "url": "javascript:alert(1)"}, "bắt đầu bằng “/”"),
        ({"kind": "url", "url": "//evil.example/"}, "bắt đầu bằng “/”"),
    ],
)
def test_a_bad_link_is_refused_with_a_message(secretary_client, fields, message):
    data = settings_form(
        secretary_client,
        **{
            "links-TOTAL_FORMS": "1",
            "links-0-place": "menu",
            "links-0-label": "Sai",
            "links-0-position": "0",
            **{f"links-0-{name}": value for name, value in fields.items()},
        },
    )
    response = secretary_client.post(SETTINGS_URL, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SiteLink.objects.exists()


def test_editor_may_not_edit_the_settings(editor_client):
    assert editor_client.get(SETTINGS_URL).status_code == 403
    data = {"agency_name": "Chiếm quyền"}
    assert editor_client.post(SETTINGS_URL, data).status_code == 403
    assert SiteSettings.objects.get().agency_name != "Chiếm quyền"


def test_nobody_adds_or_deletes_the_settings_row(admin_client):
    assert admin_client.get(reverse("admin:news_sitesettings_add")).status_code == 403
    delete = reverse("admin:news_sitesettings_delete", args=[1])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert SiteSettings.objects.exists()


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_CHECK_SECONDS = 3600
    pagecache.invalidate()
    return settings


def chrome_queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in queries if "news_site" in q["sql"]]


def test_chrome_read_once_per_generation(page_cache, client, make_article):
    make_article()
    assert chrome_queries(client, reverse("news:list"))
    # Another page of the same generation: the chrome is not read again.
    assert chrome_queries(client, reverse("news:search")) == []


def test_a_change_to_the_settings_ends_the_generation(
    page_cache, client, django_capture_on_commit_callbacks
):
    url = reverse("news:home")
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] in ("hit", "near")
    with django_capture_on_commit_callbacks(execute=True):
        fill_agency(agency_name="Tên mới của Trung tâm")
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Tên mới của Trung tâm" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        SiteLink.objects.create(place="menu", kind="home", label="Về đầu")
    html = client.get(reverse("news:search")).content.decode()
    assert menu_links(html) == ["Về đầu"]


def test_the_footer_is_rendered_once_per_site_version(
    client, make_article, monkeypatch, django_capture_on_commit_callbacks
):
    make_article()
    rendered = []
    render = chrome.render_to_string
    monkeypatch.setattr(
        chrome,
        "render_to_string",
        lambda *a, **k: rendered.append(a[0]) or render(*a, **k),
    )
    first = client.get(reverse("news:list")).content.decode()
    second = client.get(reverse("news:search")).content.decode()
    assert rendered.count("includes/footer.html") == 1
    footer = first.split('<footer class="site-footer">', 1)[1]
    assert footer == second.split('<footer class="site-footer">', 1)[1]
    with django_capture_on_commit_callbacks(execute=True):
        fill_agency(agency_name="Tên mới ở chân trang")
    html = client.get(reverse("news:list")).content.decode()
    assert "Tên mới ở chân trang" in html.split('<footer class="site-footer">', 1)[1]
    assert rendered.count("includes/footer.html") == 2


def test_the_menu_is_rendered_once_per_page_marked(
    client, make_article, category, monkeypatch
):
    article = make_article()
    rendered = []
    render = chrome.render_to_string
    monkeypatch.setattr(
        chrome,
        "render_to_string",
        lambda *a, **k: rendered.append(a[0]) or render(*a, **k),
    )
    client.get(reverse("news:list"))
    client.get(reverse("news:search"))
    client.get(article.get_absolute_url())
    # None of these is a link of the menu: one menu for the three.
    assert rendered.count("includes/main_menu.html") == 1
    html = client.get(category.get_absolute_url()).content.decode()
    assert menu_links(html) == ["Trang chủ", "Tin tức", "Số liệu", "Văn bản"]
    assert f'<a href="{category.get_absolute_url()}" aria-current="page">' in html
    assert rendered.count("includes/main_menu.html") == 2
    client.get(category.get_absolute_url())
    assert rendered.count("includes/main_menu.html") == 2


def test_a_link_to_an_article_shows_only_while_it_is_public(
    secretary_client, client, make_article
):
    """A menu link to a draft, or to an article later withdrawn, is left
    out of the public pages; the admin says why."""
    public = make_article(title="Giới thiệu trung tâm")
    draft = make_article(title="Bản nháp riêng", status="draft")
    for position, article in enumerate([public, draft]):
        SiteLink.objects.create(
            place="menu",
            kind="article",
            label=article.title,
            article=article,
            position=position,
        )
    html = client.get(reverse("news:home")).content.decode()
    assert menu_links(html) == ["Giới thiệu trung tâm"]
    page = secretary_client.get(SETTINGS_URL).content.decode()
    assert "trỏ tới bài “Bản nháp riêng” chưa công khai" in page
    assert "“Giới thiệu trung tâm” chưa công khai" not in page

    public.status = "withdrawn"
    public.save()
    html = client.get(reverse("news:home")).content.decode()
    assert f'href="{public.get_absolute_url()}"' not in html
    response = secretary_client.post(SETTINGS_URL, settings_form(secretary_client))
    assert response.status_code == 302
    shown = secretary_client.get(response["Location"]).content.decode()
    assert "trỏ tới bài “Giới thiệu trung tâm” chưa công khai" in shown


@pytest.fixture
def other_category():
    return Category.objects.create(name="Hoạt động", slug="hoat-dong")


@pytest.mark.parametrize(
    "before, after", [("published", "withdrawn"), ("withdrawn", "published")]
)
def test_a_menu_article_withdrawn_or_published_leaves_every_cached_page(
    page_cache,
    client,
    make_article,
    other_category,
    django_capture_on_commit_callbacks,
    before,
    after,
):
    """With the page cache on, the menu link to an article leaves every
    cached page when the article is withdrawn, and comes back when it is
    published, not only on the pages of the article's own category."""
    with django_capture_on_commit_callbacks(execute=True):
        linked = make_article(title="Giới thiệu trung tâm", status=before)
        SiteLink.objects.create(
            place="menu", kind="article", label=linked.title, article=linked
        )
        other = make_article(title="Tin khác chuyên mục", category=other_category)
    url = other.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    response = client.get(url)
    assert response["X-Page-Cache"] in ("hit", "near")
    shown = "Giới thiệu trung tâm" in menu_links(response.content.decode())
    assert shown == (before == "published")

    with django_capture_on_commit_callbacks(execute=True):
        linked.status = after
        linked.save()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    shown = "Giới thiệu trung tâm" in menu_links(response.content.decode())
    assert shown == (after == "published")
    assert client.get(url)["X-Page-Cache"] in ("hit", "near")


def test_an_article_no_link_names_leaves_other_pages_cached(
    page_cache,
    client,
    make_article,
    other_category,
    django_capture_on_commit_callbacks,
):
    """Issue 18: a change ends only the pages showing it. An article the
    menu does not name, withdrawn, keeps a page of another category
    cached."""
    with django_capture_on_commit_callbacks(execute=True):
        linked = make_article(title="Giới thiệu trung tâm")
        SiteLink.objects.create(
            place="menu", kind="article", label=linked.title, article=linked
        )
        plain = make_article(title="Bài không trong menu")
        other = make_article(title="Tin khác chuyên mục", category=other_category)
    url = other.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] in ("hit", "near")
    with django_capture_on_commit_callbacks(execute=True):
        plain.status = "withdrawn"
        plain.save()
    response = client.get(url)
    assert response["X-Page-Cache"] in ("hit", "near")
    assert menu_links(response.content.decode()) == ["Giới thiệu trung tâm"]


def test_a_linked_draft_edited_leaves_other_pages_cached(
    page_cache,
    client,
    make_article,
    other_category,
    django_capture_on_commit_callbacks,
):
    """The menu shows a linked article only while it is public: a draft's
    new status (not public yet) or new slug changes nothing on any page."""
    with django_capture_on_commit_callbacks(execute=True):
        draft = make_article(title="Giới thiệu (nháp)", status="draft")
        SiteLink.objects.create(
            place="menu", kind="article", label=draft.title, article=draft
        )
        other = make_article(title="Tin khác chuyên mục", category=other_category)
    url = other.get_absolute_url()
    client.get(url)
    for change in ({"status": "review"}, {"slug": "gioi-thieu-moi"}):
        with django_capture_on_commit_callbacks(execute=True):
            for name, value in change.items():
                setattr(draft, name, value)
            draft.save()
        assert client.get(url)["X-Page-Cache"] in ("hit", "near"), change


@pytest.mark.parametrize("page_cache_on", [False, True])
@pytest.mark.parametrize("timed", ["unpublish_at", "published_at"])
def test_a_menu_article_shows_at_its_times_with_no_save(
    client,
    make_article,
    time_machine,
    settings,
    django_capture_on_commit_callbacks,
    timed,
    page_cache_on,
):
    """A link to an article withdrawn ("gỡ lúc") or published at a set time
    leaves or joins the menu and the footer at that time, though no save
    tells the copy of the chrome each process keeps (nor the page cache)."""
    if page_cache_on:
        settings.PAGE_CACHE_SECONDS = 600
        settings.PAGE_CACHE_CHECK_SECONDS = 3600
        pagecache.invalidate()
    time_machine.move_to(timezone.now(), tick=False)
    when = timezone.now() + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Giới thiệu trung tâm", **{timed: when})
        for place in ("menu", "footer"):
            SiteLink.objects.create(
                place=place, kind="article", label=article.title, article=article
            )
        SiteLink.objects.create(place="menu", kind="home", label="Trang chủ")
    url = reverse("news:search")

    def shown() -> tuple[list[str], bool]:
        html = client.get(url).content.decode()
        footer = html.split('<footer class="site-footer">', 1)[1]
        return menu_links(html), "Giới thiệu trung tâm" in footer

    before = shown()
    time_machine.shift(timedelta(minutes=59, seconds=59))
    assert shown() == before
    time_machine.shift(timedelta(seconds=1))
    public = (["Giới thiệu trung tâm", "Trang chủ"], True)
    hidden = (["Trang chủ"], False)
    expected = (public, hidden) if timed == "unpublish_at" else (hidden, public)
    assert (before, shown()) == expected
