"""Move every existing cover and every "Ảnh trong bài" photo into the image
library, keeping its file (no copy), alt text and caption; each article
keeps showing its cover (``Article.cover``), and each body image that
pointed at a moved photo gets its reference (``data-file``) so readers are
sent its renditions. The old columns and rows are kept."""

import re

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations
from PIL import Image, UnidentifiedImageError


def _size(field_file, width=None, height=None) -> tuple[int, int]:
    if width and height:
        return width, height
    try:
        with field_file.open("rb") as file, Image.open(file) as image:
            return image.size
    except (OSError, UnidentifiedImageError, ValueError):
        # A missing file: the library image is kept (its words are the
        # editor's); pages skip an image they cannot read.
        return 0, 0


def _with_reference(body: str, url: str, pk: int) -> str:
    pattern = re.compile(r'(<img\b[^>]*?\bsrc="' + re.escape(url) + r'")')
    return pattern.sub(lambda m: f'{m.group(1)} data-file="{pk}"', body)


def forwards(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    ArticleImage = apps.get_model("news", "ArticleImage")
    LibraryImage = apps.get_model("news", "LibraryImage")
    for article in Article.objects.exclude(cover_image="").filter(cover=None):
        width, height = _size(
            article.cover_image, article.cover_width, article.cover_height
        )
        article.cover = LibraryImage.objects.create(
            file=article.cover_image.name,
            width=width,
            height=height,
            alt_text=article.cover_alt.strip() or article.title[:255],
            caption=article.cover_caption,
            uploaded_by_id=article.author_id,
        )
        article.save(update_fields=["cover"])
    media_url = settings.MEDIA_URL
    changed = {}
    for photo in ArticleImage.objects.order_by("pk"):
        if LibraryImage.objects.filter(file=photo.image.name).exists():
            continue  # moved already
        article = changed.setdefault(
            photo.article_id, Article.objects.get(pk=photo.article_id)
        )
        width, height = _size(photo.image)
        moved = LibraryImage.objects.create(
            file=photo.image.name,
            width=width,
            height=height,
            alt_text=photo.alt_text.strip() or article.title[:255],
            caption=photo.caption,
            uploaded_by_id=article.author_id,
        )
        article.body = _with_reference(
            article.body, media_url + photo.image.name, moved.pk
        )
    for article in changed.values():
        article.save(update_fields=["body"])


#: Who uploaded "Ảnh trong bài" photos now uploads to the library.
GRANTS = {
    "Biên tập viên": ["add", "change", "view"],
    "Thư ký tòa soạn": ["add", "change", "delete", "view"],
}


def grant_library(apps, schema_editor):
    app_config = apps.get_app_config("news")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="news",
                codename__in=[f"{action}_libraryimage" for action in actions],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0008_library_images"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RunPython(grant_library, migrations.RunPython.noop),
    ]
