"""Saving library images and having their renditions made."""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction

from .models import LibraryImage
from .renditions import make_renditions, upright_size

logger = logging.getLogger(__name__)


def _make_after_commit(pk: int) -> None:
    image = LibraryImage.objects.filter(pk=pk).first()
    if image is None:
        return
    try:
        make_renditions(image)
    except Exception:
        # Pages make missing renditions themselves (``ensure_renditions``):
        # an upload is never lost to a failure here.
        logger.exception("Renditions of library image %s failed", pk)


def save_library_image(*, image: LibraryImage, user=None) -> LibraryImage:
    """Save ``image`` (new or edited), its size read from the file when the
    file is new, and have its renditions made once the save is committed."""
    with transaction.atomic():
        if image.uploaded_by_id is None and user is not None:
            image.uploaded_by = user
        if not image.file._committed or not image.width:
            image.width, image.height = upright_size(image.file)
        image.save()
        transaction.on_commit(partial(_make_after_commit, image.pk))
    return image
