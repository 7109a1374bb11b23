"""The demo's drawn pictures: licence-free, text-free scenes with alt text,
a cover for every article that has none (however many), once."""

import io

import pytest
from django.core.management import call_command
from PIL import Image

from news.demo.content import SEED_SLUG
from news.demo.images import draw_scene, give_demo_images
from news.images.models import LibraryImage
from news.models import Article

pytestmark = pytest.mark.django_db(transaction=True)


def test_scenes_differ_and_say_what_they_show():
    drawn = [draw_scene(n) for n in range(8)]
    assert len({data for data, _alt in drawn}) == 8
    for data, alt in drawn:
        image = Image.open(io.BytesIO(data))
        assert image.format == "JPEG" and image.size == (1600, 900)
        assert alt.startswith("Tranh minh họa: ") and len(alt) > 30
    assert len({alt for _data, alt in drawn}) >= 4


def test_every_article_without_a_cover_gets_one_once(make_article, make_library_image):
    own = make_library_image(alt_text="Ảnh riêng")
    kept = make_article(cover=own)
    others = [make_article() for _ in range(5)]
    assert give_demo_images() == 5
    for article in others:
        article.refresh_from_db()
        assert article.cover.alt_text.startswith("Tranh minh họa")
        assert article.cover.credit == "Ảnh minh họa vẽ tự động (không bản quyền)"
    kept.refresh_from_db()
    assert kept.cover == own
    assert give_demo_images() == 0
    assert LibraryImage.objects.count() == 6


def test_load_demo_draws_covers_and_one_body_photo(client, settings, reference_data):
    settings.DEBUG = False
    call_command("load_demo", verbosity=0)
    seed = Article.objects.get(slug=SEED_SLUG)
    assert seed.cover is not None
    assert not Article.objects.filter(cover=None).exists()
    assert seed.body.count("data-file=") == 1
    html = client.get(seed.get_absolute_url()).content.decode()
    # The cover and the body's photo, beside the related and most-read cards'.
    assert f"/news/renditions/{seed.cover_id}/" in html
    assert html.count("<picture>") >= 2
    assert 'alt="Tranh minh họa: ' in html
