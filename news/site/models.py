"""The site's settings (one row) and its links: the main menu, the
footer's links and the social links, in the order staff give them."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from khuyencong.models import TimeStampedModel

#: The documents library's address, before its URL name exists everywhere.
DOCUMENTS_PATH = "/van-ban/"

# A site path ("/gioi-thieu/") or an http(s) address: never "javascript:".
validate_link_url = RegexValidator(
    r"^(/(?!/)|https?://)\S*$",
    _("Nhập một đường dẫn bắt đầu bằng “/” hoặc một địa chỉ http(s)://."),
)


class SiteSettings(TimeStampedModel):
    """The agency behind the portal, as the footer and the press law ask
    (name, address, contacts, who answers for the content, the licence).
    One row: the constraint keeps it so."""

    agency_name = models.CharField(_("tên cơ quan"), max_length=200)
    governing_body = models.CharField(_("cơ quan chủ quản"), max_length=200, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=60, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    responsible_person = models.CharField(
        _("người chịu trách nhiệm nội dung"), max_length=200, blank=True
    )
    licence = models.CharField(
        _("giấy phép"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: Giấy phép số 12/GP-TTĐT ngày 01/03/2025 của Sở TT&TT."),
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("cấu hình cổng thông tin")
        verbose_name_plural = _("cấu hình cổng thông tin")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="news_sitesettings_one_row")
        ]

    def __str__(self) -> str:
        return self.agency_name

    def get_absolute_url(self) -> str:
        return reverse("news:home")


class SiteLink(models.Model):
    """A link of the main menu, the footer or the social links."""

    class Place(models.TextChoices):
        MENU = "menu", _("Trình đơn chính")
        FOOTER = "footer", _("Chân trang")
        SOCIAL = "social", _("Mạng xã hội")

    class Kind(models.TextChoices):
        HOME = "home", _("Trang chủ")
        CATEGORY = "category", _("Chuyên mục")
        ARTICLE = "article", _("Trang (bài viết)")
        FIGURES = "figures", _("Số liệu (/so-lieu/)")
        DOCUMENTS = "documents", _("Văn bản (/van-ban/)")
        URL = "url", _("Đường dẫn")

    settings = models.ForeignKey(
        SiteSettings, on_delete=models.CASCADE, related_name="links", default=1
    )
    place = models.CharField(_("vị trí"), max_length=10, choices=Place.choices)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    label = models.CharField(_("nhãn"), max_length=60)
    category = models.ForeignKey(
        "news.Category",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chuyên mục"),
    )
    article = models.ForeignKey(
        "news.Article",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("trang (bài viết)"),
    )
    url = models.CharField(
        _("đường dẫn"), max_length=500, blank=True, validators=[validate_link_url]
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["place", "position", "id"]
        verbose_name = _("liên kết")
        verbose_name_plural = _("liên kết")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="category") & Q(category__isnull=False))
                | (~Q(kind="category") & Q(category__isnull=True)),
                name="news_sitelink_category_iff_kind",
            ),
            models.CheckConstraint(
                condition=(Q(kind="article") & Q(article__isnull=False))
                | (~Q(kind="article") & Q(article__isnull=True)),
                name="news_sitelink_article_iff_kind",
            ),
            models.CheckConstraint(
                condition=~Q(kind="url") | ~Q(url=""),
                name="news_sitelink_url_has_address",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        kind = self.Kind
        if self.kind == kind.CATEGORY:
            return self.category.get_absolute_url()
        if self.kind == kind.ARTICLE:
            return self.article.get_absolute_url()
        if self.kind == kind.URL:
            return self.url
        if self.kind == kind.DOCUMENTS:
            try:
                return reverse("documents:list")
            except NoReverseMatch:
                return DOCUMENTS_PATH
        return reverse(
            {kind.HOME: "news:home", kind.FIGURES: "funding:overview"}[self.kind]
        )

    def clean(self) -> None:
        """Each kind names its target, and only its own."""
        super().clean()
        needs = {
            self.Kind.CATEGORY: ("category", self.category_id),
            self.Kind.ARTICLE: ("article", self.article_id),
            self.Kind.URL: ("url", self.url),
        }
        if self.kind in needs and not needs[self.kind][1]:
            raise ValidationError(
                {needs[self.kind][0]: _("Hãy chọn đích của liên kết loại này.")}
            )
        if self.kind != self.Kind.CATEGORY:
            self.category = None
        if self.kind != self.Kind.ARTICLE:
            self.article = None
