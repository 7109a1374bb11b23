"""Every admin route that takes a POST, as every role, as staff without a
group and as a superuser: no POST changes what its sender may not change.

The routes come from the admin site's registry and each payload from the
page a superuser is shown (change form, add form, history form, the
changelist's actions and editable rows, inlines, custom views), with one
value changed, so a new model admin, inline, action or history admin is
walked without touching this test (a new action or custom view is refused
until ``admin_posts`` states its rule). The superuser's POST must change the
database, or the payload proves nothing; each role's must change it exactly
when the role's permissions (the groups the migrations make) allow it, by
the rules of ``admin_rules`` rather than read from the admin code: a
published or withdrawn article and its parts (data blocks, photos,
corrections) also need ``news.publish_article``. Each POST runs in a savepoint that is rolled back,
and every row of every table is compared with how it was before.
"""

import hashlib
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from news.models import Article, ArticleImage, Correction
from tests.conftest import png_bytes

from .admin_posts import copy_block, walk
from .admin_rules import ROLES, Everything, perms_of

pytestmark = pytest.mark.django_db

#: Sessions change with every login; no admin POST is about them.
UNWATCHED = {"django_session"}


def snapshot(tables: list[str]) -> dict[str, str]:
    """A digest of every row of each table (in one query on PostgreSQL)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                " UNION ALL ".join(
                    f"SELECT %s, md5(coalesce(string_agg(t::text, '|' ORDER BY "
                    f"t::text), '')) FROM {quote(table)} t"
                    for table in tables
                ),
                tables,
            )
            return dict(cursor.fetchall())
        digests = {}
        for table in tables:
            cursor.execute(f"SELECT * FROM {quote(table)}")
            rows = sorted(repr(row) for row in cursor.fetchall())
            digests[table] = hashlib.blake2b("\n".join(rows).encode()).hexdigest()
        return digests


def _why(response) -> str:
    """The form's errors, if the page shows a form again."""
    context = response.context or {}
    form = context.get("adminform")
    errors = dict(form.form.errors) if form is not None else {}
    for inline in context.get("inline_admin_formsets", []):
        errors.update(
            (f"{inline.formset.prefix}", e) for e in inline.formset.errors if e
        )
    return (
        f" ({response.status_code} {errors})"
        if errors
        else f" ({response.status_code})"
    )


@pytest.fixture
def more_data(data, make_user):
    """Rows for every admin: a draft with a block, a photo and a correction;
    a story to review; a TOTP device; login records."""
    seed = data
    Article.objects.filter(pk=seed.pk).update(needs_figure_review=True)
    # Each of the story's blocks twice: deleting one leaves its figures
    # shown, so the figure check does not stand in the way.
    for block in list(seed.data_blocks.order_by("pk")):
        copy_block(block, seed)
    draft = Article.objects.create(
        title="Bản nháp", lead="Sapo.", body="<p>Nội dung.</p>", category=seed.category
    )
    copy_block(seed.data_blocks.order_by("pk").first(), draft)
    image = ArticleImage(article=draft, alt_text="Ảnh")
    image.image.save("anh.png", SimpleUploadedFile("anh.png", png_bytes()), save=False)
    image.save()
    Correction.objects.create(article=draft, text="Đính chính nháp.")
    TOTPDevice.objects.create(user=make_user("co_thiet_bi"), name="Điện thoại")
    who = {"ip_address": "10.0.0.1", "user_agent": "thử", "username": "ai"}
    for username in ("ai", "hom-qua"):
        AccessAttempt.objects.create(
            **{**who, "username": username},
            get_data="",
            post_data="",
            failures_since_start=1,
            path_info="/",
        )
    AccessAttempt.objects.filter(username="hom-qua").update(
        attempt_time=timezone.now() - timedelta(days=1)
    )
    AccessLog.objects.create(**who, path_info="/")
    AccessFailureLog.objects.create(**who, path_info="/")
    return seed


def test_no_admin_post_changes_what_its_sender_may_not(more_data, make_user):
    superuser = make_user("quan_tri", is_superuser=True)
    senders = {
        "superuser": (superuser, Everything()),
        "staff": (make_user("nv"), set()),
    }
    for role in ROLES:
        senders[role] = (make_user(f"u{len(senders)}", role), perms_of(role))
    clients = {}
    for name, (user, _perms) in senders.items():
        clients[name] = Client()
        clients[name].force_login(user)
    posts = walk(clients["superuser"], superuser)
    assert len(posts) > 80
    tables = sorted(set(connection.introspection.table_names()) - UNWATCHED)
    before = snapshot(tables)

    wrong = []
    for post in posts:
        for name, (sender, perms) in senders.items():
            session = clients[name].cookies[settings.SESSION_COOKIE_NAME].value
            with transaction.atomic():
                data = {**post.data}
                if post.prepare:
                    data.update(post.prepare(clients["superuser"], sender))
                for key, text in post.files.items():
                    data[key] = SimpleUploadedFile("so-lieu.csv", text.encode())
                response = clients[name].post(post.url, data)
                after = snapshot(tables)
                transaction.set_rollback(True)
            # A password change gives a new session, gone with the rollback.
            clients[name].cookies[settings.SESSION_COOKIE_NAME] = session
            assert response.status_code != 500, (name, post.label)
            if post.denied and not post.allowed(perms):
                assert response.status_code == post.denied, (name, post.label)
            changed = {table for table in after if after[table] != before[table]}
            if problem := post.verdict(perms, changed):
                wrong.append(f"{name} POST {post.label}: {problem}{_why(response)}")
    assert not wrong, "\n".join(wrong)
