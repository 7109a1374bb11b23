"""What a browser would send from an admin page, for tests that POST."""

import lxml.html
from django.contrib import admin

from khuyencong.admin_versions import Version

VERSION_FIELD = "opened_version"


def browser_payload(response, form_id: str | None = None) -> dict:
    """The values a browser submits from the page's form (the admin's main
    form, or the one with ``form_id``): every successful control, with
    multiple values as lists. Submit buttons and file inputs are left out."""
    page = lxml.html.fromstring(response.content.decode())
    if form_id is not None:
        form = page.get_element_by_id(form_id)
    else:
        form = next(
            f
            for f in page.forms
            if f.get("method", "").lower() == "post"
            and "logout" not in (f.action or "")
        )
    # As in a browser, a newline right after <textarea> is not the value's.
    textareas = {t.name for t in form.iter("textarea")}
    data: dict = {}
    for name, value in form.form_values():
        if name in textareas and value.startswith("\n"):
            value = value[1:]
        if name in data:
            previous = data[name]
            data[name] = (
                [*previous, value] if isinstance(previous, list) else [previous, value]
            )
        else:
            data[name] = value
    return data


def opened_version(client, url: str) -> str:
    """The version an admin change form (or history form) at ``url`` carries
    when opened now."""
    response = client.get(url)
    assert response.status_code == 200, url
    return browser_payload(response).get(VERSION_FIELD, "")


def stored_version(obj) -> str:
    """The version the admin change form of ``obj`` carries if opened now
    (what a page sends back as ``opened_version``)."""
    return Version(admin.site._registry[type(obj)], obj.pk).token()
