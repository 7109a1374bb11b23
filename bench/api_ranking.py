"""Server time of the ranking, the tile map, an area over the years and
the JSON API with about a million figures on PostgreSQL.

The figures are the SYNTHETIC ones of ``bench/funding_pages.py`` (written
with COPY once, labelled as such in their source document, kept in the
benchmark database). Each address is requested in-process through Django's
test client, in interleaved rounds, beside /healthz measured in the same
run; the table gives the median and the 95th percentile.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kc_api \\
        DJANGO_SETTINGS_MODULE=khuyencong.test_settings .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kc_api \\
        .venv/bin/python bench/api_ranking.py
"""

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khuyencong.test_settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

from django.db import connection
from django.test import Client

from bench.funding_pages import ensure_figures, measure  # sets Django up
from funding.models import Area, Figure

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))


def urls() -> dict[str, str]:
    province = Area.objects.get(short_name="Khánh Hòa", valid_to__isnull=True)
    figure = Figure.objects.order_by("pk").last()
    # Where ``page=5000`` starts (page_size 100): the same page by cursor.
    deep = Figure.objects.order_by("pk").values_list("pk", flat=True)[499_999 - 1]
    return {
        "healthz": "/healthz",
        "ranking 2022": "/so-lieu/xep-hang/?year=2022",
        "ranking by ratio": "/so-lieu/xep-hang/?year=2022&sort=ratio&order=asc",
        "ranking csv": "/so-lieu/xep-hang/?year=2022&format=csv",
        "tile map 2022": "/so-lieu/ban-do/?year=2022&sort=change",
        "tile map 2025": "/so-lieu/ban-do/?year=2025",
        "series province": f"/so-lieu/qua-cac-nam/{province.code}/",
        "series region": "/so-lieu/qua-cac-nam/mien-trung-tay-nguyen/",
        "api figures p1": "/api/v1/figures",
        "api figures filter": f"/api/v1/figures?area={province.code}&year=2025&fund=all",
        "api figures region": "/api/v1/figures?region=mien-trung-tay-nguyen&year=2022&measure=executed",
        "api figures p5000": "/api/v1/figures?page=5000",
        "api figures cursor": f"/api/v1/figures?cursor={deep}",
        "api area cells prov": f"/api/v1/areas/{province.code}/figures?year=2025",
        "api area cells region": "/api/v1/areas/mien-trung-tay-nguyen/figures?year=2022&measure=executed",
        "api figure": f"/api/v1/figures/{figure.pk}",
        "api areas": "/api/v1/areas?kind=province",
        "api sources": "/api/v1/sources",
        "api openapi": "/api/v1/openapi.json",
    }


def main():
    if connection.vendor != "postgresql":
        sys.exit("bench/api_ranking.py needs PostgreSQL: set DATABASE_URL")
    count = ensure_figures()
    times = measure(Client(), urls(), ROUNDS)
    base = statistics.median(times["healthz"])
    print(
        f"\n{count} figures (synthetic), PostgreSQL, in-process; {ROUNDS} requests each"
    )
    print("command: DATABASE_URL=... .venv/bin/python bench/api_ranking.py")
    print(f"{'address':<22}{'median ms':>11}{'p95 ms':>10}{'x healthz':>11}")
    for name, samples in times.items():
        samples.sort()
        median = statistics.median(samples)
        p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
        print(f"{name:<22}{median:>11.1f}{p95:>10.1f}{median / base:>11.0f}")


if __name__ == "__main__":
    main()
