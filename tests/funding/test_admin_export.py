"""The export actions of the figures' list when figures ticked on the page
were deleted before the officer submitted: none left, back to the list
with an error and no file; some left, the file holds them and the next
page says how many were skipped."""

import csv
import io

import pytest
from django.urls import reverse

from funding.models import Figure

from .imports.test_import_admin import four_figures, source  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("four_figures")]

LIST = reverse("admin:funding_figure_changelist")
ACTIONS = ["export_xlsx", "export_ods", "export_csv", "export_report"]


def export(client, action, ids):
    return client.post(LIST, {"action": action, "_selected_action": ids})


@pytest.mark.parametrize("action", ACTIONS)
def test_exporting_only_deleted_figures_goes_back_with_an_error(data_client, action):
    gone = list(Figure.objects.values_list("pk", flat=True)[:2])
    Figure.objects.filter(pk__in=gone).delete()
    response = export(data_client, action, gone)
    assert response.status_code == 302 and "Content-Disposition" not in response
    page = data_client.get(response.url).content.decode()
    assert "Không xuất được: 2 số liệu đã chọn không còn" in page


def test_exporting_some_deleted_figures_exports_the_rest_and_says_so(data_client):
    ids = list(Figure.objects.order_by("pk").values_list("pk", flat=True))
    Figure.objects.filter(pk=ids[0]).delete()
    response = export(data_client, "export_csv", ids)
    assert (
        response.status_code == 200 and "attachment" in response["Content-Disposition"]
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 3
    page = data_client.get(LIST).content.decode()
    assert "Đã bỏ qua 1 số liệu đã chọn không còn" in page


def test_exporting_figures_all_there_says_nothing_more(data_client):
    ids = list(Figure.objects.values_list("pk", flat=True))
    response = export(data_client, "export_csv", ids)
    assert response.status_code == 200
    assert "không còn" not in data_client.get(LIST).content.decode()
