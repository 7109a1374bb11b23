"""Saving library images and having their renditions made."""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction

from .models import LibraryImage
from .renditions import upright_size
from .tasks import make_library_renditions

logger = logging.getLogger(__name__)


def _after_commit(pk: int, *, in_worker: bool) -> None:
    if not in_worker:
        make_library_renditions.call(pk)
        return
    try:
        make_library_renditions.enqueue(pk)
    except Exception:
        # Pages make missing renditions themselves (``ensure_renditions``).
        logger.exception("Renditions of library image %s not queued", pk)


def save_library_image(
    *, image: LibraryImage, user=None, in_worker: bool = True
) -> LibraryImage:
    """Save ``image`` (new or edited), its size read from the file when the
    file is new, and have its renditions made once the save is committed:
    by the task worker (``in_worker``, an upload or an edit in the admin,
    which then answers at once) or right then (a command making many, such
    as ``load_demo``)."""
    with transaction.atomic():
        if image.uploaded_by_id is None and user is not None:
            image.uploaded_by = user
        if not image.file._committed or not image.width:
            image.width, image.height = upright_size(image.file)
        image.save()
        transaction.on_commit(partial(_after_commit, image.pk, in_worker=in_worker))
    return image
