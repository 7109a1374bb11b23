"""Readers see what a number in the text is: every number the checker read
as a figure links to that figure's page (its exact value and source; a
computed one says how), put in when the page is rendered."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from funding.api import NOT_A_FIGURE, plain_text
from khuyencong import pagecache
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article, CheckedQuote
from news.quote_links import link_figures, link_lead

pytestmark = pytest.mark.django_db

LINK = re.compile(
    r'<a class="figure quoted-figure" href="([^"]+)" title="([^"]*)">([^<]+)</a>'
)


@pytest.fixture
def seed(reference_data):
    load_demo_content()
    return Article.objects.get(slug=SEED_SLUG)


def links(html: str) -> list[tuple[str, str, str]]:
    return LINK.findall(html)


def test_each_checked_number_links_to_its_figure(seed, client):
    stored_body = Article.objects.get(pk=seed.pk).body
    html = client.get(seed.get_absolute_url()).content.decode()
    linked = CheckedQuote.objects.filter(article=seed, figure__isnull=False)
    assert linked.count() >= 25
    found = links(html)
    assert len(found) == linked.count()
    by_text = {text: (href, title) for href, title, text in found}
    for quote in linked:
        href, title = by_text[quote.text]
        assert href == quote.figure.get_absolute_url()
        assert quote.figure.source.title in title.replace("&quot;", '"')
    # A computed number says how: the formula over its inputs.
    assert "= 48,79 / 51,23" in by_text["95,24%"][1]
    # A stored one gives the figure in full.
    assert "Số liệu: 48,79 tỷ đồng (48.790.000.000 đồng)" in by_text["48,79 tỷ đồng"][1]
    # A number with no figure behind it is no link.
    assert "14,71%" in html and "14,71%" not in by_text
    # The stored body is as sanitised, without any of it.
    assert Article.objects.get(pk=seed.pk).body == stored_body
    assert "quoted-figure" not in stored_body


def test_a_link_goes_only_where_the_words_still_are():
    body = '<p>Kinh phí &amp; vốn đạt 11,07 tỷ đồng.</p><p>Đạt <a href="/x/">95,24%</a>.</p>'
    text = plain_text(body)
    start = text.index("11,07")
    moved = CheckedQuote(
        part="body", start=start + 1, end=start + 14, text="11,07 tỷ đồng"
    )
    assert links(link_figures(body, [moved])) == []
    inside = text.index("95,24%")
    in_a_link = CheckedQuote(part="body", start=inside, end=inside + 6, text="95,24%")
    assert "quoted-figure" not in link_figures(body, [in_a_link])


def test_entities_and_breaks_keep_their_place(seed):
    figure = CheckedQuote.objects.filter(figure__isnull=False).first().figure
    body = "<p>A &amp; B&nbsp;đạt 11,07 tỷ đồng,<br>rồi 2,5 tỷ đồng.</p><p>&lt;3 và 7 tỷ đồng</p>"
    text = plain_text(body)
    quotes = [
        CheckedQuote(part="body", start=i, end=i + len(t), text=t, figure=figure)
        for t in ("11,07 tỷ đồng", "2,5 tỷ đồng", "7 tỷ đồng")
        for i in [text.rindex(t)]
    ]
    html = link_figures(body, quotes)
    assert [text for _h, _t, text in links(html)] == [
        "11,07 tỷ đồng",
        "2,5 tỷ đồng",
        "7 tỷ đồng",
    ]
    assert "A &amp; B\u00a0đạt" in html and "&lt;3 và" in html
    assert plain_text(html) == text
    lead = "Doanh thu <b> đạt 7 tỷ đồng"
    at = lead.index("7 tỷ")
    quote = CheckedQuote(
        part="lead", start=at, end=at + 9, text="7 tỷ đồng", figure=figure
    )
    linked = link_lead(lead, [quote])
    assert "&lt;b&gt;" in linked and len(links(linked)) == 1


def test_a_cached_page_follows_an_editors_binding(
    seed, client, make_user, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_CHECK_SECONDS = 3600
    pagecache.invalidate()
    quote = CheckedQuote.objects.filter(article=seed, figure__isnull=False).first()
    before = client.get(seed.get_absolute_url())
    assert client.get(seed.get_absolute_url())["X-Page-Cache"] == "hit"
    assert quote.text in {text for _h, _t, text in links(before.content.decode())}
    staff = Client()
    staff.force_login(make_user("thuky_xb", "Thư ký tòa soạn"))
    with django_capture_on_commit_callbacks(execute=True):
        answer = staff.post(
            reverse("admin:news_article_bind_figure", args=[seed.pk]),
            {"key": quote.key, "reading": NOT_A_FIGURE},
        )
    assert answer.status_code == 200
    after = client.get(seed.get_absolute_url())
    assert after["X-Page-Cache"] == "miss"
    texts = [text for _h, _t, text in links(after.content.decode())]
    assert len(texts) == len(links(before.content.decode())) - 1
