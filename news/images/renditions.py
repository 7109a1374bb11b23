"""Renditions of library images: made once with Pillow, stored, and named
deterministically by image, source, width, format (and crop), so a page
computes their addresses without asking the database or the storage.

Widths 360, 720, 1080 and 1600 pixels (never wider than the original), in
WebP and in JPEG for browsers without WebP; a cover shown at a fixed ratio
(cards, the home page) is cropped around the image's focal point. The
original is never sent to readers.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

WIDTHS = (360, 720, 1080, 1600)
#: Widths of the fixed-ratio crops (cards are at most half a page wide).
CROP_WIDTHS = (360, 720)
#: Crops pages ask for: name -> (width, height) ratio.
RATIOS = {"16x9": (16, 9)}
FORMATS = {"webp": ("WEBP", "webp"), "jpeg": ("JPEG", "jpg")}
#: The width of the ``src`` fallback, for browsers that read no srcset.
FALLBACK_WIDTH = 720
FOLDER = "news/renditions"
logger = logging.getLogger(__name__)
_SAVE_OPTIONS = {
    "WEBP": {"quality": 78, "method": 4},
    "JPEG": {"quality": 80, "optimize": True, "progressive": True},
}


def source_key(image) -> str:
    """What an image's renditions depend on: its file and focal point."""
    return f"{image.file.name}|{image.focal_x:.3f}|{image.focal_y:.3f}"


def widths_for(original_width: int, widths=WIDTHS) -> list[int]:
    """The rendition widths of an image ``original_width`` wide: those
    narrower than it, and its own width (capped at the largest) last."""
    largest = min(original_width, widths[-1])
    return [*(w for w in widths if w < largest), largest]


def _crop_suffix(image, ratio: str | None) -> str:
    if ratio is None:
        return ""
    return f"-{ratio}-{round(image.focal_x * 100)}-{round(image.focal_y * 100)}"


def rendition_name(image, width: int, fmt: str, ratio: str | None = None) -> str:
    """The storage name of one rendition (see the module)."""
    digest = hashlib.sha256(image.file.name.encode()).hexdigest()[:12]
    extension = FORMATS[fmt][1]
    suffix = _crop_suffix(image, ratio)
    return f"{FOLDER}/{image.pk}/{digest}/{width}{suffix}.{extension}"


def crop_box(
    size: tuple[int, int], ratio: tuple[int, int], focal: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest box of ``ratio`` inside ``size``, centred on the focal
    point as far as the edges allow."""
    width, height = size
    rw, rh = ratio
    box_w, box_h = (width, round(width * rh / rw))
    if box_h > height:
        box_w, box_h = round(height * rw / rh), height
    left = min(max(round(focal[0] * width - box_w / 2), 0), width - box_w)
    top = min(max(round(focal[1] * height - box_h / 2), 0), height - box_h)
    return (left, top, left + box_w, top + box_h)


def _plan(image, ratio: str | None) -> list[tuple[int, int]]:
    """(width, height) of each rendition for ``ratio`` (None: uncropped)."""
    if ratio is None:
        return [
            (w, max(1, round(w * image.height / image.width)))
            for w in widths_for(image.width)
        ]
    rw, rh = RATIOS[ratio]
    left, _top, right, _bottom = crop_box(
        (image.width, image.height), (rw, rh), (0.5, 0.5)
    )
    return [
        (w, max(1, round(w * rh / rw))) for w in widths_for(right - left, CROP_WIDTHS)
    ]


def upright_size(file) -> tuple[int, int]:
    """The picture's width and height as shown (EXIF orientation applied),
    read from its header."""
    start = file.tell()
    try:
        with Image.open(file) as opened:
            width, height = opened.size
            # Orientations 5-8 turn the picture a quarter.
            if opened.getexif().get(0x0112, 1) in (5, 6, 7, 8):
                width, height = height, width
            return width, height
    finally:
        file.seek(start)


def open_upright(file) -> Image.Image:
    """The picture in ``file``, turned as its camera meant (EXIF)."""
    file.seek(0)
    with Image.open(file) as opened:
        opened.seek(0)  # an animation's first frame
        return ImageOps.exif_transpose(opened).copy()


def _encoded(picture: Image.Image, fmt: str) -> bytes:
    pil_format = FORMATS[fmt][0]
    if pil_format == "JPEG" or picture.mode not in ("RGB", "RGBA"):
        has_alpha = picture.mode in ("RGBA", "LA", "PA") or (
            picture.mode == "P" and "transparency" in picture.info
        )
        rgba = picture.convert("RGBA")
        if pil_format == "JPEG" or not has_alpha:
            # JPEG has no transparency: flatten onto the page's white.
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            picture = flat
        else:
            picture = rgba
    buffer = io.BytesIO()
    picture.save(buffer, format=pil_format, **_SAVE_OPTIONS[pil_format])
    return buffer.getvalue()


def make_renditions(image, storage=default_storage) -> int:
    """Make and store every rendition of ``image`` not yet stored; returns
    how many were made (0 when all exist). Records the source they were
    made from, so pages stop asking."""
    made = 0
    original = None
    for ratio in (None, *RATIOS):
        for width, height in _plan(image, ratio):
            for fmt in FORMATS:
                name = rendition_name(image, width, fmt, ratio)
                if storage.exists(name):
                    continue
                if original is None:
                    with image.file.open("rb") as file:
                        original = open_upright(file)
                source = original
                if ratio is not None:
                    focal = (image.focal_x, image.focal_y)
                    source = original.crop(
                        crop_box(original.size, RATIOS[ratio], focal)
                    )
                resized = source.resize((width, height), Image.Resampling.LANCZOS)
                storage.save(name, ContentFile(_encoded(resized, fmt)))
                made += 1
    key = source_key(image)
    if image.renditions_key != key:
        type(image).objects.filter(pk=image.pk).update(renditions_key=key)
        image.renditions_key = key
    return made


def ensure_renditions(image) -> None:
    """Make the renditions now if they were not made for the image as it
    is (the upload's after-commit job has not run, or failed): a page never
    points at a missing file."""
    if image.renditions_key != source_key(image):
        make_renditions(image)


@dataclass(frozen=True)
class Picture:
    """What a ``<picture>`` element needs (``templates/includes/picture.html``)."""

    webp_srcset: str
    jpeg_srcset: str
    src: str
    #: The largest JPEG, for link previews (Open Graph, JSON-LD).
    large: str
    #: The smallest WebP, for thumbnails.
    small: str
    width: int
    height: int
    alt: str
    caption: str
    credit: str


def _ensure_small(image, plan, ratio: str | None, storage) -> None:
    """Make the smallest WebP of ``plan`` if it is not stored yet: what a
    thumbnail needs, one resize instead of a dozen."""
    width, height = plan[0]
    name = rendition_name(image, width, "webp", ratio)
    if storage.exists(name):
        return
    with image.file.open("rb") as file:
        source = open_upright(file)
    if ratio is not None:
        focal = (image.focal_x, image.focal_y)
        source = source.crop(crop_box(source.size, RATIOS[ratio], focal))
    resized = source.resize((width, height), Image.Resampling.LANCZOS)
    storage.save(name, ContentFile(_encoded(resized, "webp")))


def picture(
    image, ratio: str | None = None, storage=default_storage, small_only=False
) -> Picture:
    """The renditions of ``image`` (cropped to ``ratio``, e.g. "16x9") as
    srcsets, the fallback's address and the size to reserve. With
    ``small_only`` (a thumbnail in the admin, an upload's answer), only the
    smallest is made here if missing; the worker makes the rest."""
    plan = _plan(image, ratio)
    if small_only:
        _ensure_small(image, plan, ratio, storage)
    else:
        ensure_renditions(image)

    def srcset(fmt: str) -> str:
        return ", ".join(
            f"{storage.url(rendition_name(image, w, fmt, ratio))} {w}w"
            for w, _h in plan
        )

    fallback = min(plan, key=lambda size: abs(size[0] - FALLBACK_WIDTH))
    return Picture(
        webp_srcset=srcset("webp"),
        jpeg_srcset=srcset("jpeg"),
        src=storage.url(rendition_name(image, fallback[0], "jpeg", ratio)),
        large=storage.url(rendition_name(image, plan[-1][0], "jpeg", ratio)),
        small=storage.url(rendition_name(image, plan[0][0], "webp", ratio)),
        width=fallback[0],
        height=fallback[1],
        alt=image.alt_text,
        caption=image.caption,
        credit=image.credit,
    )


def picture_or_none(
    image, ratio: str | None = None, small_only=False
) -> Picture | None:
    """``picture(image, ratio, small_only=…)``, or None when the original
    cannot be read (a file lost from the storage): the page then shows no
    image, never an error. Made once per image instance for what it
    depends on (an article's cover is shown in three places of its page)."""
    if not image.width or not image.height:
        return None
    made = image.__dict__.setdefault("_pictures", {})
    key = (source_key(image), ratio, small_only)
    if key not in made:
        made[key] = _picture_or_none(image, ratio, small_only)
    return made[key]


def _picture_or_none(image, ratio, small_only) -> Picture | None:
    try:
        return picture(image, ratio, small_only=small_only)
    except (OSError, ValueError, SyntaxError):
        logger.exception("Library image %s cannot be rendered", image.pk)
        return None
