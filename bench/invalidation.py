"""How many cached pages re-render after one change (issue 18, item 4).

Fills the page cache with every public page of the demo (its articles, the
figures pages of every area and year, every figure's page, the lists, feeds
and sitemap) and of a generated site (``BENCH_INVALIDATION_ARTICLES``
articles, 2,000 by default, each with a data block of one province and
year), then

1. corrects one figure (the seed article's 48,79 tỷ đồng), and
2. imports one province's plan for one year (a one-row file, as an
   officer would),

and after each, asks for every cached page again and counts the ones
rendered afresh (``X-Page-Cache: miss``).

At the issue's scale, ``BENCH_INVALIDATION_MILLION=1`` first adds
``bench/funding_pages.py``'s million synthetic figures (written once with
COPY, kept): a million figure pages and 10,000 articles cannot all be
rendered in one run, so ``BENCH_INVALIDATION_PAGES`` pages (3,000 by default
at that scale) are cached, drawn uniformly at random from every public page,
plus the seed article (which shows the corrected figure): the share that
re-renders is then an estimate over the sample. Requests go through Django's test
client in-process (the full middleware), the cache in this process's memory
(or Redis with ``REDIS_URL``), on the database of ``DATABASE_URL`` (the
generated articles are made once and kept).

    DATABASE_URL=postgres://… .venv/bin/python bench/invalidation.py
"""

import os
import random
import sys
import time
from collections import Counter
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khuyencong.test_settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.utils import timezone

from bench.funding_pages import ensure_figures
from funding.api import Area, Figure, Indicator, ProgrammeContent, load_demo_figures
from funding.imports import apply_import, plan_file
from khuyencong import pagecache
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article, Category, DataBlock

AT_SCALE = os.environ.get("BENCH_INVALIDATION_MILLION") == "1"
# The scale: 10,000 articles beside the million figures.
TARGET = int(
    os.environ.get("BENCH_INVALIDATION_ARTICLES", "10000" if AT_SCALE else "2000")
)
SAMPLE = int(os.environ.get("BENCH_INVALIDATION_PAGES", "3000" if AT_SCALE else "0"))
PREFIX = "bench-inv-"
YEARS = range(2020, 2026)


def ensure_site() -> None:
    load_demo_content()
    load_demo_figures()
    have = Article.objects.filter(slug__startswith=PREFIX).count()
    if have >= TARGET:
        return
    provinces = list(
        Area.objects.filter(kind=Area.Kind.PROVINCE, figures__isnull=False).distinct()
    )
    indicator = Indicator.objects.get(code="kinh-phi-khuyen-cong")
    content = ProgrammeContent.objects.first()
    categories = list(Category.objects.all())
    now = timezone.now()
    print(f"creating {TARGET - have} articles with a data block each ...", flush=True)
    with transaction.atomic():
        articles = Article.objects.bulk_create(
            Article(
                title=f"Khuyến công địa phương, bài {n}",
                slug=f"{PREFIX}{n}",
                lead=f"Sapo của bài {n}.",
                body=f"<p>Nội dung bài {n}.</p>",
                category=categories[n % len(categories)],
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(minutes=n + 1),
            )
            for n in range(have, TARGET)
        )
        blocks = DataBlock.objects.bulk_create(
            DataBlock(
                article=article,
                title="Kinh phí khuyến công",
                year_from=YEARS[n % len(YEARS)],
                year_to=YEARS[n % len(YEARS)],
                content=content,
            )
            for n, article in enumerate(articles, start=have)
        )
        DataBlock.indicators.through.objects.bulk_create(
            DataBlock.indicators.through(datablock=block, indicator=indicator)
            for block in blocks
        )
        DataBlock.areas.through.objects.bulk_create(
            DataBlock.areas.through(datablock=block, area=provinces[n % len(provinces)])
            for n, block in enumerate(blocks)
        )


def every_public_page() -> list[str]:
    urls = ["/", "/rss/", "/sitemap.xml", "/so-lieu/", "/so-lieu/du-lieu/"]
    articles = Article.objects.published()
    pages = (articles.count() + 19) // 20
    urls += [f"/tin-tuc/?page={n}" for n in range(1, min(pages, 50) + 1)]
    urls += [c.get_absolute_url() for c in Category.objects.all()]
    urls += [a.get_absolute_url() for a in articles.only("slug")]
    with_figures = Area.objects.filter(figures__isnull=False).distinct()
    pairs = sorted(set(Figure.objects.values_list("area__code", "year")))
    urls += [f"/so-lieu/?area={code}&year={year}" for code, year in pairs]
    years = sorted({year for _code, year in pairs})
    urls += [f"/so-lieu/xep-hang/?year={year}" for year in years]
    urls += [f"/so-lieu/ban-do/?year={year}" for year in years]
    for region in Area.objects.filter(kind=Area.Kind.REGION):
        urls += [f"{region.get_absolute_url()}?year={year}" for year in years]
    urls += [a.get_absolute_url() for a in with_figures.filter(kind=Area.Kind.PROVINCE)]
    urls += [
        f"/so-lieu/chi-tiet/{pk}/" for pk in Figure.objects.values_list("pk", flat=True)
    ]
    return urls


def kind_of(url: str) -> str:
    for prefix, kind in [
        ("/tin-tuc/?", "news list"),
        ("/tin-tuc/", "article"),
        ("/so-lieu/chi-tiet/", "figure page"),
        ("/so-lieu/?", "figures overview (area, year)"),
        ("/so-lieu/xep-hang/", "ranking"),
        ("/so-lieu/ban-do/", "map"),
        ("/so-lieu/khu-vuc/", "region"),
        ("/so-lieu/tinh/", "province"),
        ("/chuyen-muc/", "category"),
    ]:
        if url.startswith(prefix):
            return kind
    return url


def fill(client: Client, urls: list[str]) -> list[str]:
    """Ask for every page twice; the ones the second answer came from the
    cache for are the cached pages."""
    started = time.perf_counter()
    for url in urls:
        client.get(url)
    cached = [url for url in urls if client.get(url).get("X-Page-Cache") == "hit"]
    print(
        f"{len(cached)} of {len(urls)} pages cached in {time.perf_counter() - started:.0f} s"
    )
    return cached


def rerendered(client: Client, cached: list[str], what: str) -> None:
    again = [url for url in cached if client.get(url).get("X-Page-Cache") == "miss"]
    share = 100 * len(again) / len(cached)
    print(
        f"\n{what}: {len(again)} of {len(cached)} cached pages re-rendered ({share:.2f}%)"
    )
    for kind, count in sorted(Counter(map(kind_of, again)).items()):
        print(f"  {kind}: {count}")
    # Cached again for the next change.
    for url in again:
        client.get(url)


def main() -> None:
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        # Room for every page (Django's default keeps 300 entries).
        settings.CACHES["default"]["OPTIONS"] = {"MAX_ENTRIES": 10**6}
    settings.PAGE_CACHE_SECONDS = 3600
    settings.PAGE_CACHE_CHECK_SECONDS = 3600
    ensure_site()
    if AT_SCALE:
        ensure_figures()
    pagecache.invalidate()
    urls = every_public_page()
    if SAMPLE and len(urls) > SAMPLE:
        print(f"{len(urls)} public pages; a uniform sample of {SAMPLE} is cached")
        seed = Article.objects.get(slug=SEED_SLUG).get_absolute_url()
        urls = sorted({seed, *random.Random(18).sample(urls, SAMPLE)})
    print(
        f"site: {Article.objects.published().count()} articles, "
        f"{Figure.objects.count()} figures, {len(urls)} public pages; "
        f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}"
    )
    client = Client()
    cached = fill(client, urls)

    figure = Figure.objects.get(
        area__code="mien-trung-tay-nguyen",
        year=2021,
        fund="all",
        measure="executed",
        indicator__code="kinh-phi-khuyen-cong",
        content__code=ProgrammeContent.ALL,
        period_kind="year",
    )
    original = figure.value
    figure.value = original + Decimal(1_000_000)
    figure.save()
    rerendered(client, cached, "one figure corrected (Miền Trung – Tây Nguyên, 2021)")
    figure.value = original
    figure.save()
    for url in cached:
        client.get(url)

    user, _ = get_user_model().objects.get_or_create(username="bench-importer")
    source = Figure.objects.first().source
    # A new amount each run, so that the row is a change.
    amount = f"12,{int(time.time()) % 90 + 10}"
    template = f"Tỉnh, thành phố;Năm;Kế hoạch (tỷ đồng)\nNinh Thuận;2022;{amount}\n"
    plan = plan_file(template.encode(), file_name="mot-tinh.csv", source=source)
    apply_import(plan=plan, user=user)
    rerendered(client, cached, "one province's plan for 2022 imported (one row)")


if __name__ == "__main__":
    main()
