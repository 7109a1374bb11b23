from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Abstract base: when a row was created and last changed."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True
