"""Every admin route, as every role and as an anonymous visitor.

The routes are read from the admin site itself, so a new model admin or a
new custom view is walked without touching this test; the expected status
comes from the role's permissions (the groups the migrations create), not
from the admin code under test.
"""

import re

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLPattern, reverse
from simple_history.admin import SimpleHistoryAdmin

from funding.models import Figure
from khuyencong.admin_site import PortalAdminSite
from news.models import Article

from .admin_rules import ROLES, is_locked, perms_of

pytestmark = pytest.mark.django_db

# Views added to a model admin, and the permission each needs.
CUSTOM = {
    "funding_figure_import": "funding.import_figure",
    "funding_figure_process_import": "funding.import_figure",
    "funding_figure_template": "funding.import_figure",
    "funding_figure_export": "funding.view_figure",
    # The editor's image picker.
    "news_libraryimage_picker": "news.view_libraryimage",
}
#: An import job's page and status: walked with a job nobody started (a
#: job is its owner's only, tested in tests/funding/imports/test_import_jobs.py).
JOB_VIEWS = {"funding_figure_import_job", "funding_figure_import_job_status"}


def objects_of(model):
    instance = model._default_manager.order_by("pk").first()
    return instance


def admin_routes():
    """(name, url, model, kind) for every admin route that shows or changes data."""
    routes = [
        ("index", reverse("admin:index"), None, "index", None),
        ("password_change", reverse("admin:password_change"), None, "staff", None),
    ]
    for model, model_admin in admin.site._registry.items():
        instance = objects_of(model)
        label = model._meta.app_label
        routes.append(
            (
                "app_list",
                reverse("admin:app_list", args=[label]),
                model,
                "app",
                None,
            )
        )
        for pattern in model_admin.get_urls():
            if not isinstance(pattern, URLPattern) or pattern.name is None:
                continue
            name = pattern.name
            route = str(pattern.pattern)
            if "<str:job_id>" in route:
                args = ["0" * 64]
            elif "object_id" in route or "<id>" in route or "<int:pk>" in route:
                if instance is None:
                    continue
                args = [instance.pk]
            elif route.startswith("^("):
                history = getattr(instance, "history", None)
                if instance is None or history is None or not history.exists():
                    continue
                args = [instance.pk, history.first().history_id]
            else:
                args = []
            kind = name.removeprefix(f"{label}_{model._meta.model_name}_")
            url = reverse(f"admin:{name}", args=args)
            routes.append((name, url, model, kind, instance))
    return routes


def expected_status(kind, name, model, instance, perms, user) -> set[int]:
    if user is None:
        return {302}  # to the login page
    opts = model._meta if model else None

    def has(action):
        return f"{opts.app_label}.{action}_{opts.model_name}" in perms

    if kind == "index":
        return {200}
    if kind == "staff":
        return {200}
    if kind == "app":
        return (
            {200} if any(p.startswith(f"{opts.app_label}.") for p in perms) else {404}
        )
    if name in JOB_VIEWS:
        return {404} if "funding.import_figure" in perms else {403}
    if name in CUSTOM:
        allowed = CUSTOM[name] in perms
        return {200} if allowed else {403}
    if kind in ("changelist", "change", "history", "simple_history"):
        return {200} if has("view") or has("change") else {403}
    if kind == "add":
        if model._meta.label == "funding.ImportRecord":
            return {403}  # records are made by imports only
        return {200} if has("add") else {403}
    if kind == "delete":
        # A public article, or a part of one, also needs the right to publish.
        may_publish = "news.publish_article" in perms or not is_locked(instance)
        return {200} if has("delete") and may_publish else {403}
    if kind in ("bind_figure", "review", "autosave", "upload"):
        # The figure check's binding, the review steps, autosave and the image
        # library's upload take a
        # POST only (their rules: the walk of admin POSTs, test_admin_posts).
        return {405}
    if kind == "compare":
        return {200} if has("view") or has("change") else {403}
    if kind in ("password_change", "config", "qrcode"):
        return {200} if has("change") else {403}
    raise AssertionError(f"no rule for {name}")


def test_every_admin_route_as_every_role(data, make_user):
    routes = admin_routes()
    assert len(routes) > 80
    clients = {None: (Client(), set(), None)}
    for role in ROLES:
        user = make_user(f"walk_{abs(hash(role))}", role)
        client = Client()
        client.force_login(user)
        clients[role] = (client, perms_of(role), user)
    wrong = []
    for name, url, model, kind, instance in routes:
        for role, (client, perms, user) in clients.items():
            if name == "funding_figure_process_import":
                status = client.post(url, {}).status_code
            else:
                status = client.get(url).status_code
            want = expected_status(kind, name, model, instance, perms, user)
            if status not in want:
                wrong.append(f"{role or 'anonymous'} {url}: {status}, expected {want}")
    assert wrong == []


def test_autocomplete_needs_view_permission_on_the_target(data, make_user):
    cases = [
        ("news", "article", "category", "news.view_category"),
        ("news", "article", "tags", "news.view_tag"),
        ("news", "datablock", "areas", "funding.view_area"),
        ("news", "datablock", "article", "news.view_article"),
        ("funding", "figure", "area", "funding.view_area"),
    ]
    for role in ROLES:
        user = make_user(f"auto_{abs(hash(role))}", role)
        client = Client()
        client.force_login(user)
        perms = perms_of(role)
        for app, model, field, needed in cases:
            status = client.get(
                reverse("admin:autocomplete"),
                {
                    "app_label": app,
                    "model_name": model,
                    "field_name": field,
                    "term": "a",
                },
            ).status_code
            assert status == (200 if needed in perms else 403), (role, field)
    assert Client().get(reverse("admin:autocomplete")).status_code == 302


def test_preview_of_a_draft_only_for_those_who_edit(data, make_user, client):
    draft = Article.objects.create(
        title="Bản nháp chưa công bố",
        lead="Sapo.",
        body="<p>Nội dung.</p>",
        category=data.category,
        status=Article.Status.DRAFT,
    )
    assert client.get(draft.get_absolute_url()).status_code == 404
    for role, status in [
        ("Biên tập viên", 200),
        ("Thư ký tòa soạn", 200),
        ("Cán bộ số liệu", 404),  # may see articles in the admin, not edit them
    ]:
        staff = Client()
        staff.force_login(make_user(f"preview_{abs(hash(role))}", role))
        response = staff.get(draft.get_absolute_url())
        assert response.status_code == status, role
        if status == 200:
            assert "XEM TRƯỚC" in response.content.decode()


def test_view_on_site_and_logout(data, make_user):
    staff = Client()
    staff.force_login(make_user("onsite", "Biên tập viên"))
    ct = ContentType.objects.get_for_model(Article)
    url = reverse("admin:view_on_site", args=[ct.pk, data.pk])
    assert staff.get(url).status_code == 302
    assert Client().get(url).status_code == 302
    assert re.search("login", Client().get(url)["Location"])
    assert staff.post(reverse("admin:logout")).status_code == 200


def test_the_admin_site_refuses_a_history_admin_that_is_not_guarded():
    probe = PortalAdminSite(name="probe")
    probe.register(Figure, SimpleHistoryAdmin)
    assert [error.id for error in probe.check(None)] == ["khuyencong.E001"]
    assert not [e for e in admin.site.check(None) if e.id == "khuyencong.E001"]
