"""What readers get of library images: the cover and body photos as
<picture> of renditions (WebP srcset, JPEG fallback, sizes, width/height,
lazy loading), cards cropped at 16:9, and never the original file."""

import re

import pytest
from django.urls import reverse

from news.images import renditions
from news.images.body import expand_body_images

pytestmark = pytest.mark.django_db


def pictures(html: str) -> list[str]:
    return re.findall(r"<picture>.*?</picture>", html, re.S)


def test_cover_is_a_picture_of_renditions_never_the_original(
    client, make_article, make_library_image
):
    cover = make_library_image(size=(2400, 1600), caption="Hội nghị", credit="TTXVN")
    article = make_article(cover=cover)
    html = client.get(article.get_absolute_url()).content.decode()
    (shown,) = pictures(html)
    assert '<source type="image/webp" srcset="' in shown
    webp = re.search(r'<source type="image/webp" srcset="([^"]+)"', shown).group(1)
    widths = [int(w) for w in re.findall(r"\.webp (\d+)w", webp)]
    assert widths == [360, 720, 1080, 1600]
    assert 'sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)"' in shown
    assert 'width="720" height="480"' in shown
    assert 'alt="Đại biểu dự hội nghị"' in shown
    assert re.search(r'<img src="/media/news/renditions/\S+/720\.jpg" srcset="', shown)
    assert cover.file.url not in html
    assert "Hội nghị · <span" in html and "TTXVN" in html


def test_the_cover_renditions_are_worked_out_once_a_page(
    client, make_article, make_library_image, monkeypatch
):
    # The cover is in the page's picture, its social meta and its JSON-LD.
    article = make_article(cover=make_library_image(size=(2400, 1600)))
    made = []
    picture = renditions.picture
    monkeypatch.setattr(
        renditions, "picture", lambda *a, **k: made.append(a) or picture(*a, **k)
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert len(pictures(html)) == 1 and 'property="og:image"' in html
    assert '"image": ["http://testserver/media/news/renditions/' in html
    # Once uncropped (a card elsewhere on the page is cropped to 16:9).
    assert [args[1:] for args in made].count((None,)) == 1


def test_body_library_image_becomes_a_lazy_picture(
    client, make_article, make_library_image
):
    photo = make_library_image(size=(1000, 500), alt_text="Xưởng dệt")
    article = make_article(
        body=(
            f'<p>Trước ảnh.</p><figure><img src="{photo.file.url}" alt="Máy dệt mới" '
            f'data-file="{photo.pk}"><figcaption>Máy mới</figcaption></figure>'
            "<p>Sau ảnh.</p>"
        )
    )
    assert f'data-file="{photo.pk}"' in article.body
    html = client.get(article.get_absolute_url()).content.decode()
    (shown,) = pictures(html)
    assert 'loading="lazy"' in shown and 'decoding="async"' in shown
    # The words the editor gave this use of the photo win.
    assert 'alt="Máy dệt mới"' in shown
    assert 'width="720" height="360"' in shown
    assert re.search(r"/360\.jpg 360w, \S+/720\.jpg 720w, \S+/1000\.jpg 1000w", shown)
    assert photo.file.url not in html
    assert "<figcaption>Máy mới</figcaption>" in html


def test_body_image_removed_from_the_library_stays_as_written(client, make_article):
    article = make_article(body='<p>Chữ.</p><p><img alt="Ảnh" data-file="999"></p>')
    html = client.get(article.get_absolute_url()).content.decode()
    assert not pictures(html)
    assert 'data-file="999"' in html


def test_sanitiser_keeps_only_a_numeric_reference(make_article):
    article = make_article(
        body='<p><img alt="a" data-file="1 onerror=x"><img alt="b" data-file="7"></p>'
    )
    assert 'data-file="7"' in article.body
    assert "onerror" not in article.body and 'data-file="1' not in article.body


def test_cards_show_the_cover_cropped_at_16_9(client, make_article, make_library_image):
    make_article(title="Tin có ảnh", cover=make_library_image(size=(1600, 1600)))
    html = client.get(reverse("news:list")).content.decode()
    (shown,) = pictures(html)
    assert 'class="card-image"' in shown
    assert re.search(
        r"/360-16x9-50-50\.webp 360w, \S+/720-16x9-50-50\.webp 720w", shown
    )
    assert 'width="720" height="405"' in shown and 'loading="lazy"' in shown


def test_article_page_reads_cover_with_the_article(
    client, make_article, make_library_image, django_assert_max_num_queries
):
    article = make_article(cover=make_library_image())
    client.get(article.get_absolute_url())  # renditions made, caches warm
    with django_assert_max_num_queries(12) as queries:
        client.get(article.get_absolute_url())
    assert not [
        q
        for q in queries.captured_queries
        if "news_libraryimage" in q["sql"] and "news_article" not in q["sql"]
    ]


def test_library_photo_inserted_by_its_address_is_shown_as_a_picture(
    client, make_article, make_library_image
):
    photo = make_library_image(size=(1000, 500))
    article = make_article(body=f'<p><img src="{photo.file.url}" alt="Ảnh gõ tay"></p>')
    html = client.get(article.get_absolute_url()).content.decode()
    (shown,) = pictures(html)
    assert 'alt="Ảnh gõ tay"' in shown
    assert photo.file.url not in html


def test_body_images_cost_one_query(
    client, make_article, make_library_image, django_assert_num_queries
):
    photos = [make_library_image(alt_text=f"Ảnh {n}") for n in range(3)]
    body = "".join(
        f'<p><img src="{p.file.url}" alt="" data-file="{p.pk}"></p>' for p in photos
    )
    article = make_article(body=body)
    html = client.get(article.get_absolute_url()).content.decode()
    assert len(pictures(html)) == 3
    with django_assert_num_queries(1):
        expanded = expand_body_images(article.body)
    assert expanded.count("<picture>") == 3
