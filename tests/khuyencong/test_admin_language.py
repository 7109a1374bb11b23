"""Every admin page an editor uses is in Vietnamese and shows local times.

The pages are every admin route (read from the admin site itself, as the
permission walk does), as a superuser and as each role, plus a form sent
back with errors, a search and the JavaScript catalog. What is checked is
what a person reads: the text of the page and the attributes that are shown
or read out (title, aria-label, placeholder, alt, a button's value), not
class names, ids or scripts.
"""

import json
import re
import subprocess
from datetime import UTC, datetime
from gettext import GNUTranslations
from html.parser import HTMLParser
from pathlib import Path
from shutil import which

import pytest
from django.conf import settings
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from funding.models import ImportRecord
from khuyencong.admin_versions import Version
from khuyencong.history_display import shown
from news.models import Article
from tests.admin_forms import stored_version
from tests.funding.imports.test_import_admin import HEADER, confirm, preview, upload

from .admin_rules import ROLES
from .test_admin_permissions import admin_routes

pytestmark = pytest.mark.django_db

#: English an editor saw on these pages (Django's, django-simple-history's,
#: django-import-export's and the rich-text editor's words).
ENGLISH = [
    "Please correct",
    "Show counts",
    "Hide counts",
    "Choose a date",
    "Changed",
    "Revert",
    "History",
    "Save",
    "Delete",
    "Add ",
    "Filter",
    "Search",
    "Edit Link",
    "Insert",
    "Heading",
    "Image URL",
    "Cancel",
    "Today",
    "Now",
    "Hide",
    "Show",
    "None",
    "Action",
    "Select",
    "Change",
    "Toggle theme",
    "Skip to main content",
    "Home",
    "Log out",
    "Welcome",
    "View site",
    "Import",
    "Export",
    "Comment",
    "Object",
    "True",
    "False",
    "entries",
    "Go",
    "Historical",
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
    "chars",
    "Sessions",
    "News",
    "Funding",
    "Opened version",
    "If disabled",
    # Model and app names written in English in code (not through gettext).
    "snapshot",
    "snapshots",
    "historical",
    "Task",
    "Results",
    "Database",
    "Ready",
    "Running",
    "Successful",
    "priority",
]
ENGLISH_RE = re.compile(
    "|".join(
        rf"(?<![\w-]){re.escape(word.strip())}(?![\w-])"
        + (r" " if word.endswith(" ") else "")
        for word in ENGLISH
    )
)
#: A time as Python prints it (ISO, UTC offset), in English (a.m./p.m.) or
#: not as dd/mm/yyyy HH:MM.
RAW_TIME_RE = re.compile(
    r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d|\+00:00|\b\d{1,2}:\d\d ?[ap]\.m\.|\b[ap]\.m\."
    r"|\b\d\d:\d\d \d\d/\d\d/\d{4}"  # the time before the date
)
SHOWN_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
HIDDEN_TAGS = {"script", "style"}


class VisibleText(HTMLParser):
    """The text a person reads on a page, and the attributes read out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        attrs = dict(attrs)
        for name in SHOWN_ATTRIBUTES:
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button", "reset"):
            self.parts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return parser.parts


def problems(url: str, html: str) -> list[str]:
    found = []
    for text in visible_text(html):
        for match in ENGLISH_RE.finditer(text):
            found.append(f"{url}: English {match.group()!r} in {text[:120]!r}")
        for match in RAW_TIME_RE.finditer(text):
            found.append(f"{url}: raw time {match.group()!r} in {text[:120]!r}")
    return found


def test_the_check_finds_english_and_raw_times():
    page = (
        '<p class="Save">Lưu</p><a title="Show counts">Hiện</a>'
        "<script>var Save = 1;</script><td>2026-12-01 23:08:33.013774+00:00</td>"
        '<input type="submit" value="Save"><img alt="True">'
    )
    found = problems("/x/", page)
    assert len(found) == 5
    assert problems("/x/", "<p>Lưu lại lúc 02/12/2026 06:08</p>") == []
    assert problems("/x/", "<p>lúc 06:08 02/12/2026</p>") != []


@pytest.fixture
def walkers(data, make_user, django_user_model):
    clients = {}
    superuser = django_user_model.objects.create_superuser(
        "quantri", password="mat-khau-rat-dai-2022"
    )
    for name, user in [("superuser", superuser)] + [
        (role, make_user(f"lang_{abs(hash(role))}", role)) for role in ROLES
    ]:
        client = Client()
        client.force_login(user)
        clients[name] = client
    return clients


def extra_pages(client) -> list[tuple[str, str]]:
    """Pages the route walk does not open: a form sent back with errors, a
    search, a filtered list, a history page of an article changed twice."""
    pages = []
    add = reverse("admin:news_article_add")
    response = client.post(add, {"title": ""})
    if response.status_code == 200:
        pages.append((f"POST {add}", response.content.decode()))
    for url in [
        reverse("admin:news_article_changelist") + "?q=khong-co-bai-nao",
        reverse("admin:news_article_changelist") + "?status__exact=draft",
        reverse("admin:funding_importrecord_changelist") + "?q=mau",
    ]:
        response = client.get(url)
        if response.status_code == 200:
            pages.append((url, response.content.decode()))
    return pages


def test_every_admin_page_is_vietnamese_with_local_times(walkers):
    article = Article.objects.order_by("pk").first()
    article.published_at = datetime(2026, 12, 1, 23, 8, 33, 13774, tzinfo=UTC)
    article._change_reason = "Đổi giờ xuất bản"
    article.save()
    routes = admin_routes()
    assert len(routes) > 80
    found, walked = [], 0
    for role, client in walkers.items():
        pages = []
        for name, url, *_ in routes:
            if name == "funding_figure_process_import":
                continue  # a POST target; its page is the import form's
            response = client.get(url)
            if response.status_code == 200 and "html" in response["Content-Type"]:
                pages.append((url, response.content.decode()))
        pages += extra_pages(client)
        walked += len(pages)
        found += [f"{role}: {p}" for url, html in pages for p in problems(url, html)]

    assert walked > 200
    assert found == []


@pytest.mark.parametrize("otp", [False, True])
def test_form_errors_and_login_pages_are_vietnamese(walkers, client, settings, otp):
    response = walkers[ROLES[0]].post(reverse("admin:news_article_add"), {})
    html = response.content.decode()
    assert "Vui lòng sửa lỗi dưới đây." in html
    settings.OTP_REQUIRED = otp  # django-otp's login page, with its token
    login = reverse("admin:login")
    pages = [(login, client.get(login).content.decode())]
    refused = client.post(login, {"username": "ai-do", "password": "sai-mat-khau"})
    pages.append((f"POST {login}", refused.content.decode()))
    assert 'class="errornote"' in pages[1][1]
    assert [
        p for url, page in [("add", html), *pages] for p in problems(url, page)
    ] == []


def test_import_pages_are_vietnamese(walkers):
    from funding.models import SourceDocument

    client = walkers[ROLES[2]]  # Cán bộ số liệu
    source = SourceDocument.objects.first()
    good = upload([HEADER, ["Ninh Thuận", 2023, "KCĐP", "10", "8,5"]])
    previewed = preview(client, good, source)
    bad = upload([HEADER, ["Ninh Thuận", 2023, "", "abc", ""]])
    refused = preview(client, bad, source)
    confirmed = confirm(client, previewed)
    record = ImportRecord.objects.order_by("-pk").first()
    pages = [
        ("preview", previewed.content.decode()),
        ("errors", refused.content.decode()),
        ("confirmed", confirmed.content.decode()),
    ]
    for name in ("change", "delete"):
        url = reverse(f"admin:funding_importrecord_{name}", args=[record.pk])
        pages.append((url, walkers["superuser"].get(url).content.decode()))
    assert "Xác nhận nhập" in pages[0][1]
    assert [p for url, html in pages for p in problems(url, html)] == []
    local = f"{timezone.localtime(record.created_at):%d/%m/%Y %H:%M}"
    assert local in pages[-1][1]  # the record, named by its local time


def test_history_shows_local_times_labels_and_field_names(walkers):
    client = walkers["superuser"]
    article = Article.objects.order_by("pk").first()
    article.published_at = datetime(2026, 12, 1, 23, 8, 33, 13774, tzinfo=UTC)
    article.status = Article.Status.DRAFT
    article.save()
    html = client.get(reverse("admin:news_article_history", args=[article.pk]))
    text = " ".join(visible_text(html.content.decode()))
    assert "02/12/2026 06:08" in text  # 23:08 UTC is 06:08 the next day here
    assert "Bản nháp" in text  # the status's label, not "draft"
    assert "Trạng thái" in text  # the column's heading, not "status"
    assert "Lịch sử" in text and "Lý do thay đổi" in text


def test_long_changes_are_shortened_in_vietnamese(walkers):
    article = Article.objects.order_by("pk").first()
    article.body = "<p>" + "Khuyến công. " * 100 + "</p>"
    article.save()
    url = reverse("admin:news_article_history", args=[article.pk])
    text = " ".join(visible_text(walkers["superuser"].get(url).content.decode()))
    assert re.search(r"\[\d+ ký tự\]", text)
    assert "chars]" not in text


def test_permissions_are_listed_in_vietnamese(walkers, django_user_model):
    from django.contrib.auth.models import Permission

    # As a database made before the model had its Vietnamese name has it.
    Permission.objects.filter(codename="view_articlesnapshot").update(
        name="Can view article snapshot"
    )
    client = walkers["superuser"]
    group = client.get(reverse("admin:auth_group_add")).content.decode()
    assert "Tin tức | bài viết | Sửa bài viết" in group
    assert "Can change" not in group
    # Named by the model's name now, not the English one stored with the
    # permission when it was made; apps named in English in code renamed.
    assert "Tin tức | phần dựng sẵn của bài viết | Xem phần dựng sẵn" in group
    assert "Tác vụ nền | kết quả tác vụ nền | Xem kết quả tác vụ nền" in group
    assert "snapshot" not in " ".join(visible_text(group))
    user = django_user_model.objects.get(username="quantri")
    url = reverse("admin:auth_user_change", args=[user.pk])
    page = client.get(url).content.decode()
    assert "Tin tức | bài viết | Xem bài viết" in page and "Can view" not in page


def test_setting_a_password_warns_in_vietnamese(walkers, django_user_model):
    user = django_user_model.objects.get(username="quantri")
    url = reverse("admin:auth_user_password_change", args=[user.pk])
    html = walkers["superuser"].get(url).content.decode()
    assert '<li class="warning">Nếu tắt, mật khẩu hiện tại' in html
    assert problems(url, html) == []


def test_shown_values_read_as_in_the_admin():
    at = datetime(2026, 12, 1, 23, 8, 33, 13774, tzinfo=UTC)
    assert shown(at) == "02/12/2026 06:08"
    assert shown(None) == "—"
    assert shown(True) == "có"
    status = Article._meta.get_field("status")
    assert shown("review", status) == "Chờ duyệt"


def test_import_record_names_its_local_time(data):
    record = ImportRecord.objects.get()
    local = timezone.localtime(record.created_at)
    assert str(record) == f"mau.csv ({local:%d/%m/%Y %H:%M})"
    record.created_at = datetime(2026, 12, 1, 23, 8, tzinfo=UTC)
    assert str(record) == "mau.csv (02/12/2026 06:08)"


def test_the_preview_of_a_scheduled_article_gives_its_local_time(
    editor_client, make_article
):
    at = datetime(2030, 12, 1, 23, 8, tzinfo=UTC)
    article = make_article(status=Article.Status.PUBLISHED, published_at=at)
    html = editor_client.get(article.get_absolute_url()).content.decode()
    assert "bài hẹn giờ, sẽ hiển thị lúc 02/12/2030 06:08." in html


def test_a_correction_is_named_by_its_local_date(data):
    from news.models import Correction

    correction = Correction.objects.get()
    correction.published_at = datetime(2026, 12, 1, 23, 8, tzinfo=UTC)
    assert str(correction).endswith(": 02/12/2026")  # 06:08 on the 2nd here


def test_datetimes_are_day_first_with_the_time_after(settings):
    from django.utils import formats

    at = timezone.make_aware(datetime(2026, 12, 2, 6, 8))
    assert formats.date_format(at, "DATETIME_FORMAT") == "02/12/2026 06:08"
    assert formats.date_format(at, "SHORT_DATETIME_FORMAT") == "02/12/2026 06:08"


#: What the JavaScript catalog must say in Vietnamese: the admin's widgets
#: (calendar, clock, two-list selector) and the rich-text editor's dialogs,
#: and the editor's toolbar words prose_editor_vi.js translates.
JS_WORDS = [
    "Now",
    "Cancel",
    "Choose a Time",
    "Midnight",
    "Noon",
    "Today",
    "Choose all %s",
    "Sunday",
    "Edit Link",
    "Insert Figure",
    "Image URL",
    "Alternative Text",
    "Caption",
    "Insert Table",
    "Heading 2",
    "heading 2",
    "bold",
    "undo",
    "Insert table",
]


def test_the_javascript_catalog_is_vietnamese(walkers):
    response = walkers[ROLES[0]].get(reverse("admin:jsi18n"))
    body = response.content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S)[1])
    untranslated = [w for w in JS_WORDS if catalog.get(w) in (None, "", w)]
    assert untranslated == []
    assert catalog["Edit Link"] == "Sửa liên kết"
    assert catalog["Now"] == "Bây giờ"


LOCALE = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"

#: Strings that read the same in Vietnamese.
SAME_IN_VIETNAMESE = {
    "%(class_name)s %(instance)s",
    "Email",
    "%s KB",
    "%s MB",
    "%s GB",
    "%s TB",
    "%s PB",
    "%(size)d byte",
    "IPv4",
    "IPv6",
    "…",
    "%(truncated_text)s…",
    ":?.!",
    ", ",
    ":",
    "HTTP Accept",
}


def package_catalogs():
    """(package, domain, compiled German catalog): German is the most complete
    of the catalogs every one of these packages ships; its keys are the
    package's messages."""
    import axes
    import django
    import django_otp
    import django_prose_editor
    import import_export
    import simple_history

    root = Path(django.__file__).parent
    places = [
        root / "contrib" / "admin",
        root / "contrib" / "auth",
        root / "contrib" / "contenttypes",
        root / "contrib" / "sessions",
        root / "contrib" / "humanize",
        root / "conf",
        *(Path(m.__file__).parent for m in (simple_history, import_export)),
        *(Path(m.__file__).parent for m in (django_otp, axes, django_prose_editor)),
    ]
    for place in places:
        for domain in ("django", "djangojs"):
            compiled = place / "locale" / "de" / "LC_MESSAGES" / f"{domain}.mo"
            if compiled.exists():
                yield place.name, domain, compiled


def untranslated(domain, compiled) -> list[str]:
    from django.utils.translation import trans_real

    catalog = (
        trans_real.translation("vi")
        if domain == "django"
        else trans_real.DjangoTranslation("vi", domain="djangojs")
    )._catalog
    with open(compiled, "rb") as file:
        # Vietnamese has one plural form: (msgid, 0) only.
        keys = [
            key
            for key in GNUTranslations(file)._catalog
            if key and not (isinstance(key, tuple) and key[1])
        ]
    missing = []
    for key in keys:
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid.split("\x04")[-1] in SAME_IN_VIETNAMESE:
            continue
        if catalog.get(key) in (None, "", msgid.split("\x04")[-1]):
            missing.append(msgid)
    return missing


def test_every_message_of_the_packages_is_translated():
    missing = {
        f"{package} {domain}": untranslated(domain, compiled)
        for package, domain, compiled in package_catalogs()
    }
    assert len(missing) >= 11
    assert {name: words for name, words in missing.items() if words} == {}


@pytest.mark.skipif(which("msgfmt") is None, reason="needs msgfmt (gettext)")
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_catalogs_are_up_to_date(domain, tmp_path):
    """The .mo files are committed (``make run`` needs no gettext tools):
    each must say what its .po says."""
    compiled = tmp_path / f"{domain}.mo"
    subprocess.run(
        ["msgfmt", "--check", "-o", compiled, LOCALE / f"{domain}.po"], check=True
    )
    with open(compiled, "rb") as fresh, open(LOCALE / f"{domain}.mo", "rb") as kept:
        assert GNUTranslations(kept)._catalog == GNUTranslations(fresh)._catalog


def test_review_pages_are_vietnamese(walkers, make_user):
    """The review queue (with articles waiting and one sent back), the
    article's review panel with its steps and an autosave offered, the
    history with its comparison form and the comparison itself."""
    from news.review import autosave, services

    author = make_user("pv_review", ROLES[0], first_name="Lan")
    publisher = make_user("tk_review", ROLES[1], first_name="Minh")
    back = Article.objects.order_by("pk").first()
    waiting = Article.objects.create(
        title="Bài chờ duyệt",
        lead="Sapo.",
        body="<p>Nội dung.</p>",
        category=back.category,
    )
    for article in (waiting, back):
        Article.objects.filter(pk=article.pk).update(
            status=Article.Status.DRAFT, author=author
        )
        services.submit_for_review(
            article_id=article.pk, user=author, note="Nhờ xem", base_url="/"
        )
    services.send_back(
        article_id=back.pk, user=publisher, note="Thiếu nguồn", base_url="/"
    )
    back.refresh_from_db()
    autosave.autosave(
        article_id=back.pk,
        user=author,
        title="Đang viết",
        lead="",
        body="<p>Mới</p>",
        fields={"byline": "Lan"},
        opened=stored_version(back),
        version=Version(admin.site._registry[Article], back.pk),
    )
    clients = {**walkers, "author": Client(), "publisher": Client()}
    clients["author"].force_login(author)
    clients["publisher"].force_login(publisher)
    urls = [
        reverse("admin:index"),
        reverse("admin:news_article_change", args=[back.pk]),
        reverse("admin:news_article_change", args=[waiting.pk]),
        reverse("admin:news_article_history", args=[back.pk]),
        reverse("admin:news_article_compare", args=[back.pk]),
    ]
    found, shown = [], 0
    for name, client in clients.items():
        for url in urls:
            response = client.get(url)
            if response.status_code == 200:
                shown += 1
                found += [
                    f"{name}: {p}" for p in problems(url, response.content.decode())
                ]
    author_home = clients["author"].get(urls[0]).content.decode()
    assert "Thiếu nguồn" in author_home
    assert "Chờ duyệt (1)" in clients["publisher"].get(urls[0]).content.decode()
    assert "Có bản lưu tự động" in clients["author"].get(urls[1]).content.decode()
    assert shown >= 15
    assert found == []
