"""The data-block admin, news' since data blocks moved there."""

import pytest
from django.urls import reverse

from news.demo.content import load_demo_content
from news.models import DataBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def block(reference_data):
    load_demo_content()
    return DataBlock.objects.order_by("pk").first()


def test_the_old_addresses_of_data_blocks_redirect_for_good(
    block, secretary_client, client
):
    admin = reverse("admin:index")
    moved = {
        "funding/datablock/": "news/datablock/",
        "funding/datablock/add/": "news/datablock/add/",
        f"funding/datablock/{block.pk}/change/?_changelist_filters=display%3Dtable": (
            f"news/datablock/{block.pk}/change/?_changelist_filters=display%3Dtable"
        ),
        f"funding/datablock/{block.pk}/delete/": f"news/datablock/{block.pk}/delete/",
    }
    for old, new in moved.items():
        response = client.get(admin + old)
        assert response.status_code == 301, old
        assert response["Location"] == admin + new
    # Followed by someone who may see it, the old address opens the block.
    page = secretary_client.get(admin + old.split("?")[0], follow=True)
    assert page.status_code == 200 and block.title in page.content.decode()
    assert reverse("admin:news_datablock_change", args=[block.pk]) == (
        f"{admin}news/datablock/{block.pk}/change/"
    )
