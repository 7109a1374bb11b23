"""Renditions made by the task worker (django-tasks; ``manage.py
db_worker``, run beside the server by ``make run`` and ``make serve``), so
an upload answers without waiting for a dozen resized copies. Until the
worker has made them, a page makes what it shows itself
(``renditions.ensure_renditions``): a slow worker never means a broken
picture."""

from __future__ import annotations

import logging

from django_tasks import task

from .models import LibraryImage
from .renditions import make_renditions

logger = logging.getLogger(__name__)


@task()
def make_library_renditions(image_id: int) -> int:
    """Make the renditions of library image ``image_id`` not yet stored;
    how many were made (0: gone, or all there already)."""
    image = LibraryImage.objects.filter(pk=image_id).first()
    if image is None:
        return 0
    try:
        return make_renditions(image)
    except Exception:
        # Pages make missing renditions themselves: an upload is never lost
        # to a failure here.
        logger.exception("Renditions of library image %s failed", image_id)
        return 0
