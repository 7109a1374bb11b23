"""The demo's portal around the seed article: the agency's details, the
menu and footer, tags, and 18 synthetic articles over 2025-2026 in every
category (one with a video). Creates what is missing; never changes what
exists, so ``load_demo`` may run on every start."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.html import escape

from news.models import Article, Category, SiteLink, SiteSettings, Tag

from .articles_2025 import ARTICLES_2025
from .articles_2026 import ARTICLES_2026, DEMO_VIDEO_URL

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
DEMO_BYLINE = "Ban biên tập (bài mẫu)"
DEMO_NOTE = (
    "Bài viết mẫu của bản trình diễn: tên người, cơ sở và số liệu trong bài "
    "là giả định."
)
#: The one article with a video (its title).
VIDEO_ARTICLE = "Mô hình trình diễn sấy nông sản bằng năng lượng mặt trời"

AGENCY = {
    "agency_name": "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp (bản mẫu)",
    "governing_body": "Sở Công Thương (bản mẫu)",
    "address": "Số 1 đường Mẫu, phường Trung Tâm (địa chỉ mẫu)",
    "phone": "0259 3 000 000",
    "email": "lienhe@khuyencong.example",
    "responsible_person": "Nguyễn Văn Mẫu, Giám đốc Trung tâm",
    "licence": (
        "Giấy phép thiết lập trang thông tin điện tử tổng hợp số 00/GP-STTTT "
        "(số giấy phép mẫu của bản trình diễn)"
    ),
}

Kind = SiteLink.Kind
# (label, kind, category slug or address)
MENU = [
    ("Trang chủ", Kind.HOME, ""),
    ("Tin tức", Kind.CATEGORY, "tin-tuc"),
    ("Hoạt động khuyến công", Kind.CATEGORY, "hoat-dong-khuyen-cong"),
    ("Tư vấn phát triển CN", Kind.CATEGORY, "tu-van-phat-trien-cong-nghiep"),
    ("Sản phẩm tiêu biểu", Kind.CATEGORY, "san-pham-cong-nghiep-nong-thon-tieu-bieu"),
    ("Chính sách", Kind.CATEGORY, "van-ban-chinh-sach"),
    ("Thông báo", Kind.CATEGORY, "thong-bao"),
    ("Văn bản", Kind.DOCUMENTS, ""),
    ("Số liệu", Kind.FIGURES, ""),
]
FOOTER = [
    ("Dữ liệu mở", Kind.URL, "/so-lieu/du-lieu/"),
    ("Bảng xếp hạng", Kind.URL, "/so-lieu/xep-hang/"),
    ("Văn bản", Kind.DOCUMENTS, ""),
]
SOCIAL = [
    ("Facebook", Kind.URL, "https://www.facebook.com/"),
    ("YouTube", Kind.URL, "https://www.youtube.com/"),
]


def load_site_settings() -> None:
    """Fill the agency's details that are still empty."""
    site, _created = SiteSettings.objects.get_or_create(
        pk=1, defaults={"agency_name": AGENCY["agency_name"]}
    )
    empty = {name: value for name, value in AGENCY.items() if not getattr(site, name)}
    if site.agency_name != AGENCY["agency_name"] and not site.address:
        # Still the migration's default (the site's name): the demo's agency.
        empty["agency_name"] = AGENCY["agency_name"]
    if empty:
        for name, value in empty.items():
            setattr(site, name, value)
        site.save()


def load_links() -> int:
    """The menu, footer and social links, for each place that has none."""
    categories = {c.slug: c for c in Category.objects.all()}
    made = 0
    for place, links in (
        (SiteLink.Place.MENU, MENU),
        (SiteLink.Place.FOOTER, FOOTER),
        (SiteLink.Place.SOCIAL, SOCIAL),
    ):
        if SiteLink.objects.filter(place=place).exists():
            continue
        for position, (label, kind, target) in enumerate(links):
            SiteLink.objects.create(
                place=place,
                kind=kind,
                label=label,
                position=position,
                category=categories[target] if kind == Kind.CATEGORY else None,
                url=target if kind == Kind.URL else "",
            )
            made += 1
    return made


def _body(paragraphs: list[str]) -> str:
    text = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"{text}<p><em>{escape(DEMO_NOTE)}</em></p>"


def load_articles() -> int:
    """The demo articles missing (by title); how many were made."""
    categories = {c.slug: c for c in Category.objects.all()}
    existing = set(Article.objects.values_list("title", flat=True))
    made = 0
    for slug, when, title, lead, paragraphs, tags in ARTICLES_2025 + ARTICLES_2026:
        if title in existing:
            continue
        article = Article(
            title=title,
            lead=lead,
            body=_body(paragraphs),
            category=categories[slug],
            byline=DEMO_BYLINE,
            status=Article.Status.PUBLISHED,
            published_at=datetime.strptime(when, "%d/%m/%Y %H:%M").replace(
                tzinfo=LOCAL
            ),
            video_url=DEMO_VIDEO_URL if title == VIDEO_ARTICLE else "",
        )
        article._change_reason = "Nội dung mẫu (load_demo)"
        article.save()
        article.tags.set(Tag.objects.get_or_create(name=name)[0] for name in tags)
        made += 1
    return made


def load_portal_demo() -> dict[str, int]:
    load_site_settings()
    return {"articles": load_articles(), "links": load_links()}
