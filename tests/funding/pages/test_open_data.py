"""The open data CSV answers reading only: a POST, PUT, PATCH or DELETE
is refused (405) as on every other page, not served the file."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_open_data_csv_answers_only_get_and_head(client, method):
    url = reverse("funding:open_data_csv")
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert client.head(url).status_code == 200
