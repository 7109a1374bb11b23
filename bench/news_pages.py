"""Server time of the news pages with 100,000 articles on PostgreSQL.

Run through `make bench` (bench/run.sh), which points DATABASE_URL at a
dedicated benchmark database. The articles are created once and kept; later
runs only measure. Each page is requested in-process through Django's test
client (the full middleware, view, ORM and template path, no network), in
interleaved rounds so that drift affects every page alike, and reported as
median and p95 beside /healthz measured in the same run.
"""

import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khuyencong.test_settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from django.utils.html import strip_tags

from khuyencong.text import fold
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article, Category
from news.search import build_search_vector

TARGET = int(os.environ.get("BENCH_ARTICLES", "100000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "60"))
BATCH = 5000

WORDS = (
    "khuyến công địa phương quốc gia kinh phí hỗ trợ cơ sở công nghiệp nông thôn "
    "làng nghề truyền thống sản phẩm tiêu biểu mô hình trình diễn kỹ thuật máy móc "
    "thiết bị đào tạo nghề tập huấn hội chợ triển lãm xúc tiến thương mại tư vấn "
    "phát triển cụm tiết kiệm năng lượng sản xuất sạch hơn doanh nghiệp hợp tác xã "
    "tỉnh thành phố huyện xã năm kế hoạch thực hiện đạt tỷ lệ báo cáo hội nghị "
    "tổng kết sơ kết đánh giá đề án chương trình nguồn vốn ngân sách Bộ Công Thương "
    "Sở Trung tâm giám đốc phó cục trưởng khu vực miền Bắc Trung Nam Tây Nguyên "
    "Đồng Nai Lâm Đồng Quảng Nam Quảng Ngãi Bình Định Phú Yên Khánh Hòa Gia Lai "
    "Kon Tum Đắk Lắk Đắk Nông Thừa Thiên Huế Đà Nẵng Bình Thuận gốm dệt mây tre "
    "đan chế biến nông sản thực phẩm cơ khí điện tử may mặc da giày"
).split()


def fake_text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def ensure_articles() -> None:
    load_demo_content()
    have = Article.objects.count()
    if have >= TARGET:
        return
    rng = random.Random(2022)
    categories = list(Category.objects.all())
    now = timezone.now()
    print(f"creating {TARGET - have} articles ...", flush=True)
    started = time.perf_counter()
    for start in range(have, TARGET, BATCH):
        batch = []
        for n in range(start, min(start + BATCH, TARGET)):
            title = f"{fake_text(rng, 10).capitalize()} ({n})"
            lead = fake_text(rng, 30) + "."
            body = "".join(f"<p>{fake_text(rng, 40)}.</p>" for _ in range(4))
            batch.append(
                Article(
                    title=title,
                    slug=f"bai-thu-{n}",
                    lead=lead,
                    body=body,
                    category=categories[n % len(categories)],
                    status=Article.Status.PUBLISHED,
                    published_at=now - timedelta(minutes=n + 1),
                    is_featured=n % 500 == 0,
                    search_title=fold(title),
                    search_text=fold(f"{lead} {strip_tags(body)}"),
                )
            )
        with transaction.atomic():
            Article.objects.bulk_create(batch)
    # bulk_create skips save(): fill the search vectors in one statement,
    # then let PostgreSQL do what autovacuum would do on a live site.
    Article.objects.filter(search_vector__isnull=True).update(
        search_vector=build_search_vector()
    )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE news_article")
    print(f"created in {time.perf_counter() - started:.0f} s", flush=True)


def measure(client: Client, urls: dict[str, str]) -> dict[str, list[float]]:
    for url in urls.values():  # warm caches and connections
        for _ in range(3):
            assert client.get(url).status_code == 200, url
    times = {name: [] for name in urls}
    for _ in range(ROUNDS):
        for name, url in urls.items():
            started = time.perf_counter()
            response = client.get(url)
            times[name].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    return times


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("bench/news_pages.py needs PostgreSQL: set DATABASE_URL")
    ensure_articles()
    seed = Article.objects.get(slug=SEED_SLUG)
    urls = {
        "healthz": "/healthz",
        "home": "/",
        "list p1": "/tin-tuc/",
        "list p1000": "/tin-tuc/?page=1000",
        "article": seed.get_absolute_url(),
        "search": "/tim-kiem/?q=khuyen+cong+ninh+thuan",
        "search (common)": "/tim-kiem/?q=lang+nghe",
    }
    count = Article.objects.count()
    plan = Article.objects.published().search("khuyen cong ninh thuan").explain()
    times = measure(Client(), urls)
    base = statistics.median(times["healthz"])
    print(f"\n{count} articles, PostgreSQL, {ROUNDS} requests per page, in-process")
    print(f"{'page':<16}{'median ms':>10}{'p95 ms':>9}{'x healthz':>11}")
    for name, samples in times.items():
        samples.sort()
        median = statistics.median(samples)
        p95 = samples[int(len(samples) * 0.95) - 1]
        print(f"{name:<16}{median:>10.2f}{p95:>9.2f}{median / base:>11.1f}")
    uses_index = "news_article_search_gin" in plan
    print(f"\nsearch plan uses news_article_search_gin: {uses_index}")
    print(plan)


if __name__ == "__main__":
    main()
