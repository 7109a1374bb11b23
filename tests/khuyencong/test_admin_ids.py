"""An id in an admin URL or a bulk action's POST that cannot name a row
(``abc`` where a number belongs) is refused as Django's admin refuses a
missing object, never a 500, for every admin of the registry and every
staff role: a history page redirects with the "does not exist" message or
is a 404; a bulk action does nothing and says why; an inline row's forged
id gets an error the page shows."""

import pytest
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from news.demo.content import SEED_SLUG
from news.models import Article
from tests.admin_forms import browser_payload

from .admin_posts import samples
from .test_admin_tampered import senders

pytestmark = pytest.mark.django_db

REGISTRY = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
HISTORY = [(m, a) for m, a in REGISTRY if isinstance(a, SimpleHistoryAdmin)]
FORGED = ["abc", "1.5"]


def info(model) -> str:
    return f"admin:{model._meta.app_label}_{model._meta.model_name}"


def refused_as_missing(response) -> bool:
    """A 404, a 403, or Django's redirect for a missing object with its
    message (in Vietnamese)."""
    if response.status_code in (403, 404):
        return True
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    return response.status_code == 302 and any("không tồn tại" in m for m in shown)


def history_urls(model) -> list[str]:
    """The history list and history forms, each with a forged id."""
    row = model._default_manager.order_by("pk").first()
    record = row.history.order_by("pk").first() if row is not None else None
    urls = [reverse(f"{info(model)}_history", args=[bad]) for bad in FORGED]
    urls += [
        reverse(f"{info(model)}_simple_history", args=[bad, record.pk if record else 1])
        for bad in FORGED
    ]
    if record is not None:
        urls += [
            reverse(f"{info(model)}_simple_history", args=[row.pk, bad])
            for bad in FORGED
        ]
    return urls


@pytest.mark.parametrize(
    ("model", "model_admin"), HISTORY, ids=[m._meta.label for m, _a in HISTORY]
)
def test_a_history_page_of_a_forged_id_is_refused(data, make_user, model, model_admin):
    clients, _superuser = senders(make_user)
    wrong = []
    for url in history_urls(model):
        for sender, client in clients.items():
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                if not refused_as_missing(response):
                    wrong.append(f"{sender} {method} {url}: {response.status_code}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("model", "model_admin"), REGISTRY, ids=[m._meta.label for m, _a in REGISTRY]
)
def test_a_bulk_action_on_a_forged_id_does_nothing(data, make_user, model, model_admin):
    clients, superuser = senders(make_user)
    url = reverse(f"{info(model)}_changelist")
    rows = list(model._default_manager.order_by("pk").values_list("pk", flat=True)[:1])
    before = model._default_manager.count()
    wrong, tried = [], 0
    for sender, client in clients.items():
        page = client.get(url)
        if page.status_code != 200 or not page.context.get("action_form"):
            continue
        choices = page.context["action_form"].fields["action"].choices
        for action, _label in choices:
            if not action:
                continue
            data_sent = {
                "action": action,
                "index": "0",
                helpers.ACTION_CHECKBOX_NAME: ["abc", *map(str, rows)],
                "post": "yes",  # past a confirmation page
            }
            response = client.post(url, data_sent)
            tried += 1
            shown = [str(m) for m in get_messages(response.wsgi_request)]
            if response.status_code != 302 or not any(
                "mã không hợp lệ" in m for m in shown
            ):
                wrong.append(f"{sender} {action}: {response.status_code} {shown}")
    if not tried:
        pytest.skip("no role is shown an action on this admin")
    assert not wrong, "\n".join(wrong)
    assert model._default_manager.count() == before


def inline_id_fields(page) -> list[str]:
    """The submitted names of the row id of each inline's first saved row."""
    names = []
    for inline in page.context.get("inline_admin_formsets", []):
        formset = inline.formset
        if formset.initial_form_count():
            form = formset.forms[0]
            names.append(form.add_prefix(formset.model._meta.pk.name))
    return names


@pytest.mark.parametrize(
    ("model", "model_admin"), REGISTRY, ids=[m._meta.label for m, _a in REGISTRY]
)
def test_a_forged_inline_row_id_is_shown_as_an_error(
    data, make_user, model, model_admin
):
    clients, superuser = senders(make_user)
    client = clients["superuser"]
    request = RequestFactory().get("/")
    request.user = superuser
    wrong, tried = [], 0
    for row in samples(model, model_admin, request)["change"]:
        url = reverse(f"{info(model)}_change", args=[row.pk])
        page = client.get(url)
        for name in inline_id_fields(page):
            response = client.post(url, {**browser_payload(page), name: "abc"})
            tried += 1
            text = response.content.decode()
            if response.status_code != 200 or "dữ liệu ẩn không hợp lệ" not in text:
                wrong.append(f"{url} {name}: {response.status_code}")
    if not tried:
        pytest.skip("no change form of this admin shows a saved inline row")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    "field, forged, named",
    [("id", "abc", "mã của dòng"), ("article", "999999", "bài viết chứa dòng")],
)
def test_a_forged_hidden_field_is_named_in_vietnamese(
    demo, make_user, field, forged, named
):
    """The error above the row names the hidden field in words a secretary
    reads, not its code name."""
    clients, _superuser = senders(make_user)
    client = clients["superuser"]
    article = Article.objects.get(slug=SEED_SLUG)
    url = reverse("admin:news_article_change", args=[article.pk])
    page = client.get(url)
    response = client.post(
        url, {**browser_payload(page), f"data_blocks-0-{field}": forged}
    )
    assert response.status_code == 200
    errors = [
        str(error)
        for inline in response.context["inline_admin_formsets"]
        for form in inline.formset.forms
        for error in form.non_field_errors()
    ]
    assert len(errors) == 1
    assert errors[0].startswith(f"Dòng này mang dữ liệu ẩn không hợp lệ ({named}: ")
    assert errors[0] in response.content.decode()
