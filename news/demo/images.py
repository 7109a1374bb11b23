"""Licence-free pictures for the demo, drawn with Pillow: text-free scenes
(sky, hills, fields, workshops, a river) in the colours of a time of day,
each with alt text saying what it shows. Every demo article without a
cover gets one in the image library; the seed article also gets one photo
in its body."""

from __future__ import annotations

import io
import random

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw, ImageFilter, ImageOps

from ..images.models import LibraryImage
from ..images.services import save_library_image
from ..models import Article

SIZE = (1600, 900)
CREDIT = "Ảnh minh họa vẽ tự động (không bản quyền)"
#: (time of day, sky top, sky bottom, land, words for the alt text)
SKIES = [
    ("sáng", (120, 180, 235), (235, 245, 250), (70, 140, 80), "bầu trời sáng xanh"),
    ("chiều", (250, 150, 90), (255, 220, 160), (90, 120, 60), "ánh chiều vàng cam"),
    ("mờ sương", (170, 185, 200), (225, 230, 235), (95, 130, 110), "sương sớm"),
    ("hoàng hôn", (90, 60, 140), (245, 140, 110), (60, 80, 70), "hoàng hôn tím hồng"),
]
SCENES = [
    ("workshop", "xưởng sản xuất có ống khói"),
    ("fields", "ruộng bậc thang và đồi"),
    ("river", "dòng sông chảy qua làng nghề"),
    ("solar", "dãy tấm pin mặt trời trên đồi"),
]


def _sky(top, bottom) -> Image.Image:
    ramp = Image.linear_gradient("L").resize(SIZE)
    return ImageOps.colorize(ramp, top, bottom).convert("RGB")


def _hills(draw, rng, land, count=3):
    width, height = SIZE
    for layer in range(count):
        base = height * (0.55 + 0.12 * layer)
        shade = tuple(max(0, c - 25 * (count - layer - 1)) for c in land)
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, base - rng.randint(0, 90 - 20 * layer)))
        points.append((width, height))
        draw.polygon(points, fill=shade)


def _workshop(draw, rng, land):
    width, height = SIZE
    ground = int(height * 0.78)
    for i in range(rng.randint(3, 5)):
        left = 180 + i * 260 + rng.randint(-30, 30)
        roof = ground - rng.randint(140, 240)
        draw.rectangle([left, roof, left + 220, ground], fill=(150, 150, 160))
        draw.polygon(
            [(left, roof), (left + 110, roof - 60), (left + 220, roof)],
            fill=(170, 70, 60),
        )
        for w in range(3):
            x = left + 25 + w * 65
            draw.rectangle([x, roof + 40, x + 40, roof + 80], fill=(250, 220, 120))
    stack = rng.randint(300, 1200)
    draw.rectangle([stack, ground - 380, stack + 40, ground], fill=(120, 120, 130))
    for puff in range(4):
        r = 30 + puff * 12
        cx, cy = stack + 20 + puff * 40, ground - 420 - puff * 50
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(235, 235, 240))


def _fields(draw, rng, land):
    width, height = SIZE
    for band in range(8):
        top = int(height * 0.6) + band * 45
        tone = tuple(min(255, c + (band % 2) * 30) for c in land)
        draw.rectangle([0, top, width, top + 45], fill=tone)
        draw.line(
            [(0, top), (width, top - rng.randint(0, 30))], fill=(60, 90, 50), width=3
        )


def _river(draw, rng, land):
    width, height = SIZE
    points = [(width * 0.45, height * 0.6), (width * 0.55, height * 0.6)]
    points += [(width * 0.85, height), (width * 0.15, height)]
    draw.polygon(points, fill=(90, 150, 200))
    for i in range(6):
        x = 80 + i * 120 if i < 3 else width - 400 + (i - 3) * 120
        y = int(height * 0.7) + rng.randint(0, 60)
        draw.rectangle([x, y, x + 90, y + 70], fill=(200, 170, 120))
        draw.polygon([(x - 10, y), (x + 45, y - 45), (x + 100, y)], fill=(120, 70, 50))


def _solar(draw, rng, land):
    width, height = SIZE
    for row in range(4):
        y = int(height * 0.62) + row * 70
        for col in range(9):
            x = 60 + col * 170 + row * 20
            draw.polygon(
                [(x, y + 50), (x + 140, y + 50), (x + 120, y), (x + 20, y)],
                fill=(40, 60, 110),
                outline=(200, 210, 230),
            )


DRAWERS = {"workshop": _workshop, "fields": _fields, "river": _river, "solar": _solar}


def draw_scene(number: int) -> tuple[bytes, str]:
    """Scene ``number`` (any integer: scenes and skies cycle, details vary)
    as JPEG bytes, and its alt text."""
    rng = random.Random(number)
    sky_name, top, bottom, land, sky_words = SKIES[number % len(SKIES)]
    kind, scene_words = SCENES[(number // len(SKIES) + number) % len(SCENES)]
    image = _sky(top, bottom)
    draw = ImageDraw.Draw(image)
    sun = (rng.randint(200, 1400), rng.randint(90, 260))
    draw.ellipse(
        [sun[0] - 70, sun[1] - 70, sun[0] + 70, sun[1] + 70], fill=(255, 236, 170)
    )
    _hills(draw, rng, land)
    DRAWERS[kind](draw, rng, land)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    alt = f"Tranh minh họa: {scene_words}, {sky_words} ({sky_name})"
    return buffer.getvalue(), alt


def _library_image(number: int, caption: str) -> LibraryImage:
    data, alt = draw_scene(number)
    image = LibraryImage(
        file=ContentFile(data, name="minh-hoa.jpg"),
        alt_text=alt,
        caption=caption,
        credit=CREDIT,
    )
    return save_library_image(image=image, in_worker=False)


@transaction.atomic
def give_demo_images(*, body_image_slug: str | None = None) -> int:
    """Give every article without a cover a drawn one (in the library);
    the article ``body_image_slug``, when it gets its cover here, also a
    drawn photo at the end of its body. Returns how many covers were made."""
    made = 0
    for article in Article.objects.filter(cover=None).order_by("pk"):
        article.cover = _library_image(article.pk, article.title[:300])
        fields = ["cover"]
        if article.slug == body_image_slug:
            photo = _library_image(article.pk + 7, "Ảnh minh họa trong bài")
            article.body += (
                f'<figure><img src="{photo.file.url}" alt="{photo.alt_text}" '
                f'data-file="{photo.pk}"><figcaption>{photo.caption}</figcaption>'
                "</figure>"
            )
            fields.append("body")
        article._change_reason = "Ảnh minh họa (load_demo)"
        article.save(update_fields=fields)
        made += 1
    return made
