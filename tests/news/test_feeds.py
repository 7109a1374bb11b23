"""RSS readers render ``<description>`` as HTML: plain text must read as
itself once rendered."""

import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from news.models import Category

pytestmark = pytest.mark.django_db

PLAIN_TEXTS = [
    "Tỷ lệ giải ngân <5% & chưa đạt kế hoạch",
    "Dùng thẻ <b>đậm</b> hay <script>alert(1)</script>?",
    "Ký hiệu &amp; và &lt; được gõ như chữ",
    "Dấu \"ngoặc\" và 'nháy' > 3",
]


# In valid HTML text, "<" and ">" are escaped and "&" starts a reference.
INVALID_TEXT = re.compile(r"[<>]|&(?!#[0-9]+;|#x[0-9a-fA-F]+;|[a-zA-Z]+;)")


class Rendered(HTMLParser):
    """What a reader sees of an HTML fragment: its text, and any element;
    ``valid`` when the fragment is well-formed HTML text."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.text, self.elements = "", []
        self.valid = not INVALID_TEXT.search(fragment)
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)

    def handle_data(self, data):
        self.text += data


def descriptions(client, url) -> tuple[str, list[str]]:
    channel = ElementTree.fromstring(client.get(url).content).find("channel")
    items = [item.findtext("description") for item in channel.findall("item")]
    return channel.findtext("description"), items


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_a_plain_text_sapo_reads_as_itself_in_every_feed(client, make_article, text):
    article = make_article(lead=text)
    category = article.category
    category.description = text
    category.save()
    for url in (
        reverse("news:feed"),
        reverse("news:category_feed", args=[category.slug]),
    ):
        channel, (item,) = descriptions(client, url)
        rendered = Rendered(item)
        assert rendered.valid and rendered.elements == [], (url, item)
        assert rendered.text == text, url
    channel, _items = descriptions(
        client, reverse("news:category_feed", args=[category.slug])
    )
    assert Rendered(channel).valid and Rendered(channel).text == text


def test_a_category_without_description_is_described_by_its_name(client, make_article):
    category = Category.objects.create(name="Tin <mới> & nổi bật", slug="tin-moi")
    make_article(category=category)
    channel, _items = descriptions(
        client, reverse("news:category_feed", args=["tin-moi"])
    )
    assert Rendered(channel).valid and Rendered(channel).text == "Tin <mới> & nổi bật"
    site_channel, _items = descriptions(client, reverse("news:feed"))
    assert Rendered(site_channel).text == "Tin mới nhất về hoạt động khuyến công."


def test_a_control_character_stored_in_a_title_does_not_break_the_feed(
    client, make_article, category
):
    # Stored by another path than the admin's forms (which drop them).
    make_article(title="Bài có\x0bngắt dòng của Word", lead="Sapo\x01 lạ.")
    for url in (reverse("news:feed"), category.get_absolute_url() + "rss/"):
        response = client.get(url)
        assert response.status_code == 200, url
        titles = [
            t.text for t in ElementTree.fromstring(response.content).iter("title")
        ]
        assert "Bài có ngắt dòng của Word" in titles
