"""The confirmation names the kept upload by a value signed for the user
who previewed it: another user who learns the name (or the signed value)
cannot confirm that upload; a forged value is the expired preview."""

import pytest
from django.test import Client

from funding.imports.forms import UPLOAD_SALT
from funding.models import Figure, ImportRecord
from khuyencong.signing import unsign_for
from tests.conftest import DATA_STAFF

from .test_import_admin import HEADER, PROCESS, confirm, preview, source, upload

pytestmark = pytest.mark.django_db
__all__ = ["source"]

ROWS = [HEADER, ["Ninh Thuận", 2022, "", "10", ""]]


def kept_name(value: str, previewed) -> str:
    """The name of the kept upload that the hidden field of the ``previewed``
    page carries (signed for the user who previewed it)."""
    name = unsign_for(
        previewed.wsgi_request.user.pk, value, salt=UPLOAD_SALT, max_age=None
    )
    return value if name is None else name


def posted(form, **changes):
    data = {name: form.initial.get(name) or "" for name in form.fields}
    return {**data, **changes}


def test_the_hidden_field_is_signed_and_its_user_confirms(data_client, source):
    previewed = preview(data_client, upload(ROWS), source)
    signed = previewed.context["confirm_form"].initial["import_file_name"]
    assert kept_name(signed, previewed) != signed
    assert f'value="{signed}"' in previewed.content.decode()
    confirm(data_client, previewed)
    assert ImportRecord.objects.get().created_count == 1


@pytest.mark.parametrize("sent", ["name", "signed"])
def test_another_user_cannot_confirm_an_upload_they_did_not_preview(
    data_client, source, make_user, sent
):
    previewed = preview(data_client, upload(ROWS), source)
    form = previewed.context["confirm_form"]
    value = form.initial["import_file_name"]
    other = Client()
    other.force_login(make_user("solieu2", DATA_STAFF))
    response = other.post(
        PROCESS,
        posted(
            form,
            import_file_name=kept_name(value, previewed) if sent == "name" else value,
        ),
        follow=True,
    )
    assert response.status_code == 200
    assert "Tệp xem trước đã hết hạn" in response.content.decode()
    assert not Figure.objects.exists()
