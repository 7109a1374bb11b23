"""Server time of the admin's article form for the seed article (issue 18:
staff pages are never cached; target p50 under 150 ms).

The seed article's change form (its data blocks, photos, corrections, the
figure-check panel, tags, the review panel) asked for by a secretary (Thư ký
tòa soạn, who may change and publish) and by a superuser, in-process through
Django's test client with the full middleware, interleaved with /healthz in
the same rounds; p50, p95 and the queries of one request. The figure check
is kept with the article (``news.stored_checks``); the last row is the first
look after a change it shows (its snapshot marked stale before each
request, as a corrected figure does): checked live, and kept again.

    DATABASE_URL=postgres://… BENCH_ROUNDS=40 .venv/bin/python bench/admin_article_form.py
"""

import os
import statistics
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khuyencong.test_settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from khuyencong.roles import SECRETARY, grant_roles
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article
from news.snapshots import invalidate

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))


def client_for(username: str, *, superuser: bool) -> Client:
    users = get_user_model().objects
    user = users.filter(username=username).first() or users.create_user(
        username=username, password="bench-mat-khau-2026", is_staff=True
    )
    user.is_superuser = superuser
    user.save()
    if not superuser:
        user.groups.add(Group.objects.get(name=SECRETARY))
    client = Client()
    client.force_login(user)
    return client


def timed(client: Client, url: str, before=None) -> float:
    if before is not None:
        before()
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def main() -> None:
    load_demo_content()
    grant_roles()
    seed = Article.objects.get(slug=SEED_SLUG)
    form = reverse("admin:news_article_change", args=[seed.pk])
    secretary = client_for("bench-thuky", superuser=False)
    runs = {
        "healthz": (Client(), "/healthz", None),
        "form (secretary)": (secretary, form, None),
        "form (superuser)": (client_for("bench-admin", superuser=True), form, None),
        "form, stale check": (secretary, form, partial(invalidate, [seed.pk])),
    }
    queries = {}
    for name, (client, url, before) in runs.items():
        for _ in range(3):  # warm templates, connections, the site's chrome
            timed(client, url, before)
        if before is not None:
            before()
        with CaptureQueriesContext(connection) as captured:
            timed(client, url)
        queries[name] = len(captured)
    times = {name: [] for name in runs}
    for _ in range(ROUNDS):
        for name, (client, url, before) in runs.items():
            times[name].append(timed(client, url, before))
    print(f"\nadmin article form, seed article, {connection.vendor}, in-process")
    print(f"{ROUNDS} requests each, interleaved")
    print(f"{'page':<20}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}")
    for name, samples in times.items():
        samples.sort()
        p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
        print(
            f"{name:<20}{statistics.median(samples):>9.1f}{p95:>9.1f}{queries[name]:>9}"
        )


if __name__ == "__main__":
    main()
