"""Server time of the funding pages with about a million figures on PostgreSQL.

The figures are SYNTHETIC (random values, labelled so in their source
document) and exist only in the benchmark database: 63 legacy provinces plus
the region and the nation × 10 years × 3 sources × 7 contents × 12 periods
(the year and its first N months) × 3 measures × 2 indicators, and the 34
current provinces for 2025-2026. They are written with COPY once and kept.
Each page is requested in-process through Django's test client, in
interleaved rounds, beside /healthz measured in the same run.
"""

import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khuyencong.test_settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.db import connection
from django.test import Client
from django.utils import timezone

from funding.models import Area, Figure, Indicator, ProgrammeContent, SourceDocument
from news.demo.content import load_demo_content

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))
SYNTHETIC = "DỮ LIỆU GIẢ LẬP cho benchmark – không phải số liệu thật"
YEARS = range(2015, 2025)
# The columns written by COPY: a figure's identity (Figure.key_columns())
# and the rest of its row.
COLUMNS = [
    "created_at",
    "updated_at",
    *Figure.key_columns(),
    "value",
    "rounding",
    "source_id",
    "note",
]
KEY_POSITIONS = [COLUMNS.index(column) for column in Figure.key_columns()]


def synthetic_rows(document):
    # Every lookup happens here, before the rows are consumed: while a COPY
    # runs, its connection can serve no other query.
    rng = random.Random(2022)
    now = timezone.now()
    indicators = list(Indicator.objects.filter(unit="vnd"))
    contents = list(ProgrammeContent.objects.all())
    legacy = list(Area.objects.filter(kind=Area.Kind.PROVINCE).valid_in(2022))
    others = list(Area.objects.filter(kind__in=[Area.Kind.REGION, Area.Kind.NATION]))
    current = list(
        Area.objects.filter(kind=Area.Kind.PROVINCE, valid_from__isnull=False)
    )
    plan = [(a, y) for a in legacy + others for y in YEARS]
    plan += [(a, y) for a in current for y in (2025, 2026)]
    return _rows(rng, now, document, indicators, contents, plan)


def _rows(rng, now, document, indicators, contents, plan):
    for area, year in plan:
        for indicator in indicators:
            for source in Figure.Fund.values:
                for content in contents:
                    for months in range(1, 13):
                        kind = "year" if months == 12 else "months"
                        end = Figure.period_end_for(kind, year, months)
                        for measure in Figure.Measure.values:
                            row = {
                                "created_at": now,
                                "updated_at": now,
                                "indicator_id": indicator.pk,
                                "area_id": area.pk,
                                "fund": source,
                                "content_id": content.pk,
                                "year": year,
                                "period_kind": kind,
                                "period_end": end,
                                "measure": measure,
                                "value": rng.randrange(10**8, 10**11),
                                "rounding": 0,
                                "source_id": document.pk,
                                "note": "",
                            }
                            yield tuple(row[column] for column in COLUMNS)


def ensure_figures() -> int:
    load_demo_content()
    document, created = SourceDocument.objects.get_or_create(
        title=SYNTHETIC, defaults={"note": SYNTHETIC, "issued_on": date(2026, 1, 1)}
    )
    if document.figures.exists():
        return Figure.objects.count()
    print("writing synthetic figures with COPY ...", flush=True)
    started = time.perf_counter()
    # The seed's own figures would collide with synthetic ones: keep the
    # seed, skip the synthetic rows that share its dimensions.
    taken = set(Figure.objects.values_list(*Figure.key_columns()))
    rows = synthetic_rows(document)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(
            f"COPY funding_figure ({', '.join(COLUMNS)}) FROM STDIN"
        ) as copy:
            for row in rows:
                if tuple(row[i] for i in KEY_POSITIONS) not in taken:
                    copy.write_row(row)
        cursor.execute("VACUUM ANALYZE funding_figure")
    count = Figure.objects.count()
    print(f"{count} figures in {time.perf_counter() - started:.0f} s", flush=True)
    return count


def measure(client, urls, rounds):
    for url in urls.values():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    times = {name: [] for name in urls}
    for _ in range(rounds):
        for name, url in urls.items():
            started = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                for _chunk in response.streaming_content:
                    pass
            times[name].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, url
    return times


def main():
    if connection.vendor != "postgresql":
        sys.exit("bench/funding_pages.py needs PostgreSQL: set DATABASE_URL")
    count = ensure_figures()
    province = Area.objects.get(short_name="Khánh Hòa", valid_to__isnull=True)
    urls = {
        "healthz": "/healthz",
        "overview (1 year)": "/so-lieu/?area=mien-trung-tay-nguyen&year=2022",
        "overview (all)": "/so-lieu/?area=mien-trung-tay-nguyen",
        "region": "/so-lieu/khu-vuc/mien-trung-tay-nguyen/?year=2022",
        "province": f"/so-lieu/tinh/{province.code}/",
        "table csv": "/so-lieu/?area=mien-trung-tay-nguyen&year=2022&format=csv",
    }
    client = Client()
    times = measure(client, urls, ROUNDS)
    export = measure(client, {"full csv": "/so-lieu/du-lieu.csv"}, 3)
    times.update(export)
    base = statistics.median(times["healthz"])
    print(
        f"\n{count} figures (synthetic), PostgreSQL, in-process; {ROUNDS} requests a page, 3 for the full CSV"
    )
    print(f"{'page':<20}{'median ms':>11}{'p95 ms':>10}{'x healthz':>11}")
    for name, samples in times.items():
        samples.sort()
        median = statistics.median(samples)
        p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
        print(f"{name:<20}{median:>11.1f}{p95:>10.1f}{median / base:>11.0f}")


if __name__ == "__main__":
    main()
