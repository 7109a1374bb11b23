from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from khuyencong.images import IMAGE_VALIDATORS
from khuyencong.models import TimeStampedModel

from ..uploads import LIBRARY_FOLDER, generated_name

UNIT = [MinValueValidator(0), MaxValueValidator(1)]


def library_upload_to(instance, filename: str) -> str:
    return generated_name(LIBRARY_FOLDER, filename, instance.file)


class LibraryImageQuerySet(models.QuerySet):
    def search(self, query: str):
        """Images whose alt text, caption or credit contain ``query``."""
        query = query.strip()
        if not query:
            return self
        return self.filter(
            Q(alt_text__icontains=query)
            | Q(caption__icontains=query)
            | Q(credit__icontains=query)
        )


class LibraryImage(TimeStampedModel):
    """A photo of the library: uploaded once, described once (alt text is
    required), used as covers and inside bodies. Readers never get the
    original file, only its renditions."""

    # Every save path (admin, editor's dialog, shell) that validates checks
    # the type, bytes and pixels of a new upload.
    file = models.ImageField(
        _("tệp ảnh"),
        upload_to=library_upload_to,
        validators=IMAGE_VALIDATORS,
    )
    # Read once on upload, so pages reserve the image's space without
    # opening the file.
    width = models.PositiveIntegerField(_("rộng (điểm ảnh)"), editable=False)
    height = models.PositiveIntegerField(_("cao (điểm ảnh)"), editable=False)
    alt_text = models.CharField(
        _("mô tả ảnh (alt)"),
        max_length=255,
        help_text=_("Bắt buộc: mô tả ảnh cho người không xem được ảnh."),
    )
    caption = models.CharField(_("chú thích"), max_length=300, blank=True)
    credit = models.CharField(_("nguồn ảnh / tác giả"), max_length=200, blank=True)
    focal_x = models.FloatField(
        _("tâm điểm (ngang)"),
        default=0.5,
        validators=UNIT,
        help_text=_("0 là mép trái, 1 là mép phải; giữ phần này khi cắt ảnh."),
    )
    focal_y = models.FloatField(
        _("tâm điểm (dọc)"),
        default=0.5,
        validators=UNIT,
        help_text=_("0 là mép trên, 1 là mép dưới."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="library_images",
        verbose_name=_("người tải lên"),
    )
    # What the stored renditions were made from (``renditions.source_key``):
    # when it differs (new file, new focal point) they are made again.
    renditions_key = models.CharField(max_length=120, blank=True, editable=False)

    objects = LibraryImageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("ảnh (thư viện)")
        verbose_name_plural = _("thư viện ảnh")
        constraints = [
            models.CheckConstraint(
                condition=~Q(alt_text=""), name="news_libraryimage_has_alt"
            ),
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0)
                & Q(focal_y__lte=1),
                name="news_libraryimage_focal_in_image",
            ),
        ]

    def __str__(self) -> str:
        return self.alt_text

    def get_absolute_url(self) -> str:
        # The original, for staff; readers are sent renditions.
        return self.file.url
