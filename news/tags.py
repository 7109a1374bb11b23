"""Tags (thẻ): topics across categories, chosen for an article in the
admin, each with its public page of the articles that carry it."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from khuyencong.models import TimeStampedModel
from khuyencong.text import vn_slugify


class Tag(TimeStampedModel):
    name = models.CharField(_("tên thẻ"), max_length=80, unique=True)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("Tạo tự động từ tên thẻ."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("thẻ")
        verbose_name_plural = _("thẻ")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:tag", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        if not self.slug:
            base = vn_slugify(self.name)[:90] or "the"
            slug, n = base, 2
            while Tag.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)
