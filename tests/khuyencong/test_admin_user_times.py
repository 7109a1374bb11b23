"""Saving a user in the admin keeps when they last signed in and joined, to
the microsecond: the form shows them and does not edit them."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests.admin_forms import browser_payload

pytestmark = pytest.mark.django_db


def test_saving_a_user_keeps_their_sign_in_times(admin_client, make_user):
    user = make_user("nguoi_dung", first_name="Lan")
    last_login = datetime(2026, 11, 30, 8, 15, 42, 123456, tzinfo=UTC)
    joined = datetime(2025, 3, 1, 7, 0, 9, 654321, tzinfo=UTC)
    type(user).objects.filter(pk=user.pk).update(
        last_login=last_login, date_joined=joined
    )
    url = reverse("admin:auth_user_change", args=[user.pk])
    page = admin_client.get(url)
    data = browser_payload(page)
    assert not any(name.startswith(("last_login", "date_joined")) for name in data)
    assert "30/11/2026 15:15" in page.content.decode()  # shown, local time
    data["first_name"] = "Lan Anh"
    assert admin_client.post(url, data).status_code == 302
    user.refresh_from_db()
    assert user.first_name == "Lan Anh"
    assert (user.last_login, user.date_joined) == (last_login, joined)
