from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Abstract base: when a row was created and last changed."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True


class PageGeneration(models.Model):
    """The database's word on the page cache: one row whose ``token`` is
    replaced after every committed change to what public pages show.

    A generation kept in the cache (Redis) carries the stamp it was started
    for and is served only while the database still gives that stamp, so a
    change the cache could not be told of (Redis down, or restarted with its
    saved data) is never hidden by pages cached before it
    (``khuyencong.pagecache``)."""

    token = models.CharField(_("mã"), max_length=32)
    changed_at = models.DateTimeField(_("thay đổi lúc"), auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            # One row: the stamp is read by its key.
            models.CheckConstraint(
                condition=models.Q(pk=1), name="page_generation_one_row"
            )
        ]
        verbose_name = _("thế hệ bộ đệm trang")
        verbose_name_plural = _("thế hệ bộ đệm trang")

    def __str__(self) -> str:
        return self.token


class PageChange(models.Model):
    """A change written in the same transaction as the content it concerns,
    so that it is in the database the moment that content is: part of the
    stamp from its commit on. ``keys`` names what changed (the dependency
    keys of ``khuyencong.pagecache.keys``; empty: everything). Once the
    cache has been told (the pages showing those keys invalidated) it is
    ``applied``; if the process dies before that, the row stays pending and
    the next request to read the stamp applies it. Rows are kept until the
    next whole-site change, so that a cache restarted from older saved data
    is told again of every change made since."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    keys = models.TextField(_("khóa phụ thuộc"), blank=True, default="")
    applied = models.BooleanField(_("đã áp dụng"), default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("thay đổi chưa ghi vào bộ đệm trang")
        verbose_name_plural = _("thay đổi chưa ghi vào bộ đệm trang")

    def __str__(self) -> str:
        return f"{self.pk} ({timezone.localtime(self.created_at):%d/%m/%Y %H:%M})"
