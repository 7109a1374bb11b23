"""Demo content: the sections of a khuyến công centre's site and the seed article."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction

from funding.api import load_seed_figures
from news.models import Article, Category
from news.services import record_quotes

from .blocks import load_seed_blocks
from .cleaning import clean_capture
from .portal import load_portal_demo

SEED_FILE = Path(__file__).with_name("seed_article.txt")
SEED_SLUG = "hoi-nghi-cong-tac-khuyen-cong-khu-vuc-mien-trung-tay-nguyen-nam-2022-tai-ninh-thuan"
SEED_PUBLISHED_AT = datetime(2022, 8, 18, 17, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))

CATEGORIES = [
    ("Tin tức", "tin-tuc", "Tin hoạt động khuyến công và công thương."),
    (
        "Hoạt động khuyến công",
        "hoat-dong-khuyen-cong",
        "Đề án, mô hình trình diễn, đào tạo và hỗ trợ cơ sở công nghiệp nông thôn.",
    ),
    (
        "Tư vấn phát triển công nghiệp",
        "tu-van-phat-trien-cong-nghiep",
        "Hoạt động tư vấn, trợ giúp phát triển công nghiệp.",
    ),
    (
        "Sản phẩm công nghiệp nông thôn tiêu biểu",
        "san-pham-cong-nghiep-nong-thon-tieu-bieu",
        "Bình chọn và giới thiệu sản phẩm công nghiệp nông thôn tiêu biểu.",
    ),
    (
        "Văn bản - Chính sách",
        "van-ban-chinh-sach",
        "Văn bản pháp luật và chính sách về khuyến công.",
    ),
    ("Thông báo", "thong-bao", "Thông báo của Trung tâm."),
]


@transaction.atomic
def load_demo_content() -> dict[str, int]:
    """Create what is missing of the demo content; never change what exists.

    Returns how many categories and articles were created, so running it a
    second time reports (and does) nothing.
    """
    created = {"categories": 0, "articles": 0, "figures": 0, "blocks": 0}
    categories = {}
    for position, (name, slug, description) in enumerate(CATEGORIES):
        category, was_created = Category.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "position": position},
        )
        categories[slug] = category
        created["categories"] += was_created

    if not Article.objects.filter(slug=SEED_SLUG).exists():
        clean = clean_capture(SEED_FILE.read_text(encoding="utf-8"))
        article = Article(
            slug=SEED_SLUG,
            title=clean.title,
            lead=clean.lead,
            body=clean.body_html,
            category=categories["tin-tuc"],
            status=Article.Status.PUBLISHED,
            published_at=SEED_PUBLISHED_AT,
            is_featured=True,
            # The lost photo's caption, kept as the article's record; the
            # drawn cover (``news.demo.images``) has its own words.
            cover_caption=clean.photo_caption,
        )
        article._change_reason = "Nội dung mẫu (load_demo)"
        article.save()
        created["articles"] += 1
    seed = Article.objects.get(slug=SEED_SLUG)
    created["figures"] = load_seed_figures(article=seed)
    created["blocks"] = load_seed_blocks(article=seed)
    if not seed.checked_quotes.exists():
        # What the seed's text quotes, as the admin records it on a save.
        record_quotes(article=seed)
    portal = load_portal_demo()
    created["articles"] += portal["articles"]
    return created
