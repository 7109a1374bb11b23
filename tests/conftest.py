import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image

from funding.core.reference import load_reference_data
from funding.core.regions import load_regions
from funding.models import Area, AreaName, Indicator, ProgrammeContent, RegionMembership
from khuyencong.roles import grant_roles
from news.demo.content import load_demo_content
from news.images.models import LibraryImage
from news.images.services import save_library_image
from news.models import Article, Category
from news.site.shared import Kept

EDITOR = "Biên tập viên"
SECRETARY = "Thư ký tòa soạn"
DATA_STAFF = "Cán bộ số liệu"


@pytest.fixture(autouse=True)
def forget_kept_chrome():
    """What a process keeps of the chrome and the most-read list was read
    from rows a test's rollback removes."""
    Kept.forget()
    yield
    Kept.forget()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


def png_bytes(size=(64, 48), color=(11, 79, 138), fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture
def png_upload():
    def make(name="anh.png", **kwargs):
        return SimpleUploadedFile(name, png_bytes(**kwargs), content_type="image/png")

    return make


@pytest.fixture
def make_library_image(db, django_capture_on_commit_callbacks):
    """A library image of ``size`` pixels (a JPEG drawn here), saved as an
    upload is (``save_library_image``); its renditions made on commit (as
    the task worker would make them after an upload)."""

    def make(size=(1200, 800), alt_text="Đại biểu dự hội nghị", **fields):
        image = LibraryImage(
            file=SimpleUploadedFile(
                "anh.jpg", png_bytes(size=size, fmt="JPEG"), content_type="image/jpeg"
            ),
            alt_text=alt_text,
            **fields,
        )
        # Its renditions made as after a real upload's commit.
        with django_capture_on_commit_callbacks(execute=True):
            return save_library_image(image=image, in_worker=False)

    return make


@pytest.fixture
def category(db):
    return Category.objects.create(name="Tin tức", slug="tin-tuc")


@pytest.fixture
def make_article(db, category):
    counter = {"n": 0}

    def make(**fields):
        counter["n"] += 1
        n = counter["n"]
        defaults = {
            "title": f"Bài viết số {n}",
            "lead": f"Sapo của bài số {n}.",
            "body": f"<p>Nội dung bài số {n}.</p>",
            "category": category,
            "status": Article.Status.PUBLISHED,
            "published_at": timezone.now() - timedelta(hours=n),
        }
        defaults.update(fields)
        return Article.objects.create(**defaults)

    return make


@pytest.fixture
def demo(db):
    load_demo_content()


#: The password ``make_user`` gives every user (the browser tests type it).
PASSWORD = "mat-khau-rat-dai-2022"


@pytest.fixture
def make_user(db, django_user_model):
    def make(username, role=None, **fields):
        user = django_user_model.objects.create_user(
            username=username,
            password=PASSWORD,
            is_staff=True,
            **fields,
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def editor(make_user):
    return make_user("bientap", EDITOR)


@pytest.fixture
def secretary(make_user):
    return make_user("thuky", SECRETARY)


@pytest.fixture
def data_client(client, make_user):
    """The test client, signed in as data staff ("solieu", Cán bộ số liệu)."""
    client.force_login(make_user("solieu", DATA_STAFF))
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def secretary_client(client, secretary):
    client.force_login(secretary)
    return client


CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(config, items):
    # Browser tests need Debian's chromium (``.ci/run`` installs it).
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason="Debian's chromium is not installed")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # the tests make around it are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


#: The reference rows the data migrations make, as first made in this run
#: (``reference_data``), by model in the order they are put back.
_REFERENCE_ROWS: dict = {}


REFERENCE_MODELS = (Indicator, ProgrammeContent, Area, RegionMembership, AreaName)


def _put_back_reference_rows() -> None:
    # Made once through the migrations' code (a few seconds on PostgreSQL:
    # a save per area and its signals), then copied back row for row.
    with transaction.atomic():
        for model in REFERENCE_MODELS:
            model.objects.bulk_create([model(**row) for row in _REFERENCE_ROWS[model]])
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(
            no_style(), list(REFERENCE_MODELS)
        ):
            cursor.execute(sql)


@pytest.fixture
def reference_data():
    # A transactional test may start from a flushed database, without what
    # the data migrations made: make it again with the code they use.
    if not Area.objects.exists():
        if _REFERENCE_ROWS:
            _put_back_reference_rows()
        else:
            load_reference_data(apps)
            load_regions(apps)
            for model in REFERENCE_MODELS:
                _REFERENCE_ROWS[model] = list(model.objects.order_by("pk").values())
    grant_roles()
