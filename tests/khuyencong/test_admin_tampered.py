"""A tampered key in any relation field of any admin form, or a number in
digits other than 0-9 in any number field, gets a form error (or a 403 for
a sender who may not change the row), never a 500 or a save.

The forms come from the admin site's registry: each model admin's add
form, change form (for an article or a part of one, of a public and of a
non-public row) and history form, with their inlines (the first row of
each), so a new admin, inline or relation is covered without touching this
test. Each sender opens the form and sends back what the page gave, one
relation field at a time holding a key that is not a number or is past any
key's range, one number field at a time holding Arabic-Indic digits (which
Python's int and Decimal read as 0-9).
"""

import pytest
from django import forms
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from funding.core.forms import VietnameseNumberField
from news.models import Article
from tests.admin_forms import browser_payload

from .admin_posts import copy_block, samples
from .admin_rules import ROLES

pytestmark = pytest.mark.django_db

#: Keys that cannot name a row; a number in digits Python reads as 123.
TAMPERED_KEYS = ["x", "9" * 20]
OTHER_DIGITS = ["١٢٣"]
NUMBER_FIELDS = (forms.IntegerField, forms.DecimalField, VietnameseNumberField)
REGISTRY = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def form_urls(model, model_admin, superuser) -> list[str]:
    """The add, change and history forms of ``model``'s admin."""
    info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    request = RequestFactory().get("/")
    request.user = superuser
    urls = [reverse(f"{info}_add")]
    for row in samples(model, model_admin, request)["change"]:
        urls.append(reverse(f"{info}_change", args=[row.pk]))
        record = getattr(row, "history", None)
        if isinstance(model_admin, SimpleHistoryAdmin) and record.exists():
            first = record.order_by("pk").first()
            urls.append(reverse(f"{info}_simple_history", args=[row.pk, first.pk]))
    return urls


def tampered_fields(response) -> dict[str, list[str]]:
    """The submitted names of the page's editable relation and number
    fields (the main form's and those of each inline's first row), each
    with the values to send."""
    context = response.context
    forms_shown = [context["adminform"].form]
    for inline in context.get("inline_admin_formsets", []):
        forms_shown += inline.formset.forms[:1]
    fields = {}
    for form in forms_shown:
        for name, field in form.fields.items():
            if field.disabled:
                continue
            if isinstance(field, forms.ModelChoiceField):
                fields[form.add_prefix(name)] = TAMPERED_KEYS
            elif isinstance(field, NUMBER_FIELDS):
                fields[form.add_prefix(name)] = OTHER_DIGITS
    return fields


def errors_of(response) -> set[str]:
    """The submitted names of the fields the page shows an error for."""
    context = response.context or {}
    form = context.get("adminform")
    shown = [form.form] if form is not None else []
    for inline in context.get("inline_admin_formsets", []):
        shown += inline.formset.forms
    return {form.add_prefix(name) for form in shown for name in form.errors}


@pytest.fixture
def draft(data):
    """A draft with a data block: its forms are open to editors."""
    article = Article.objects.create(
        title="Bản nháp", lead="Sapo.", body="<p>Nội dung.</p>", category=data.category
    )
    copy_block(data.data_blocks.order_by("pk").first(), article)
    return article


def senders(make_user):
    """A client for the superuser and for each role; the superuser."""
    superuser = make_user("quan_tri", is_superuser=True)
    clients = {}
    for name, user in [
        ("superuser", superuser),
        *[(role, make_user(f"u{n}", role)) for n, role in enumerate(ROLES)],
    ]:
        clients[name] = Client()
        clients[name].force_login(user)
    return clients, superuser


@pytest.mark.parametrize(
    ("model", "model_admin"),
    REGISTRY,
    ids=[model._meta.label for model, _admin in REGISTRY],
)
def test_a_tampered_key_or_number_gets_a_form_error(
    data, make_user, model, model_admin
):
    clients, superuser = senders(make_user)
    wrong, tried = [], 0
    for url in form_urls(model, model_admin, superuser):
        tried += tamper(clients, url, wrong)
    if not tried:
        pytest.skip("no form of this admin has a relation or number field")
    assert not wrong, "\n".join(wrong)


def tamper(clients, url, wrong: list) -> int:
    """Send the form at ``url`` back with each field tampered, as
    each sender (a 403 is right for those who may not change the row,
    whose permissions ``test_admin_posts`` checks); what went wrong added to ``wrong``; how many were sent."""
    page = clients["superuser"].get(url)
    if page.status_code != 200:  # nobody adds these
        return 0
    tried, everyone = 0, tampered_fields(page)
    for sender, client in clients.items():
        own = client.get(url)
        own_fields = tampered_fields(own) if own.status_code == 200 else {}
        # A sender shown no form sends the superuser's first field; a role's
        # fields the superuser's form also has were tried there (the same
        # widgets): one of them, and those only its own form shows.
        fields = own_fields or dict(list(everyone.items())[:1])
        if sender != "superuser" and own_fields:
            first = dict(list(own_fields.items())[:1])
            fields = first | {k: v for k, v in own_fields.items() if k not in everyone}
        payload = browser_payload(own if own_fields else page)
        for key, values in fields.items():
            for value in values:
                response = client.post(url, {**payload, key: value})
                tried += 1
                refused = response.status_code == 200 and key in errors_of(response)
                # Only a sender who may not change the row may get a 403.
                ok = refused or (sender != "superuser" and response.status_code == 403)
                if not ok:
                    status = response.status_code
                    wrong.append(f"{sender} {url} {key}={value!r}: {status}")
    return tried
