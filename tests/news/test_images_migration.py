"""News migration 0009 moves every existing cover and "Ảnh trong bài" photo
into the image library: same file, alt text and caption kept, the article
still showing its cover, body images pointing at their library image, and
the roles given the library's permissions."""

import importlib
import re

import pytest
from django.apps import apps

from news.images.models import LibraryImage
from news.models import ArticleImage

pytestmark = pytest.mark.django_db

move = importlib.import_module("news.migrations.0009_move_images_to_library")


def test_covers_and_body_photos_move_into_the_library(
    client, make_article, png_upload, media_root
):
    with_cover = make_article(
        title="Bài có ảnh cũ",
        cover_image=png_upload(size=(800, 600)),
        cover_alt="Đại biểu dự hội nghị",
        cover_caption="Ông A phát biểu.",
    )
    without = make_article(title="Bài không ảnh")
    article = make_article(title="Bài có ảnh trong bài")
    photos = []
    for n in range(2):
        photo = ArticleImage(article=article, alt_text=f"Ảnh {n}", caption=f"Chú {n}")
        photo.image.save(f"a{n}.png", png_upload(size=(640, 480)), save=False)
        photo.save()
        photos.append(photo)
    article.body = "".join(
        f'<figure><img src="{p.image.url}" alt="Ảnh {n}"><figcaption>Chú {n}'
        "</figcaption></figure>"
        for n, p in enumerate(photos)
    )
    article.save()

    move.forwards(apps, None)

    with_cover.refresh_from_db()
    cover = with_cover.cover
    assert cover.file.name == with_cover.cover_image.name  # the same file
    assert (cover.alt_text, cover.caption) == (
        "Đại biểu dự hội nghị",
        "Ông A phát biểu.",
    )
    assert (cover.width, cover.height) == (800, 600)
    without.refresh_from_db()
    assert without.cover is None
    article.refresh_from_db()
    moved = {image.file.name: image for image in LibraryImage.objects.all()}
    for n, photo in enumerate(photos):
        image = moved[photo.image.name]
        assert (image.alt_text, image.caption) == (f"Ảnh {n}", f"Chú {n}")
        assert f'data-file="{image.pk}"' in article.body
    assert LibraryImage.objects.count() == 3
    assert ArticleImage.objects.count() == 2  # the old rows are kept

    # Readers see each image, now through its renditions.
    html = client.get(with_cover.get_absolute_url()).content.decode()
    assert 'alt="Đại biểu dự hội nghị"' in html and "/media/news/renditions/" in html
    html = client.get(article.get_absolute_url()).content.decode()
    body = "".join(re.findall(r'<div class="article-body">(.*?)</div>', html, re.S))
    assert body.count("<picture>") == 2
    assert not any(photo.image.url in html for photo in photos)

    # Run again (a re-applied migration): nothing moved twice.
    move.forwards(apps, None)
    assert LibraryImage.objects.count() == 3
