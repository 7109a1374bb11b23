"""The load benchmark's yardstick lives in bench/ only: a bare view that
the benchmark's settings add in front of the portal's URLconf."""

import importlib

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, reverse

import khuyencong.settings as portal_settings

pytestmark = pytest.mark.django_db


def test_the_portal_serves_no_bench_endpoint(client):
    assert client.get("/__bench/bytes/100").status_code == 404
    with pytest.raises(NoReverseMatch):
        reverse("bench_bytes", args=[100])
    assert not hasattr(portal_settings, "BENCH_ENDPOINTS")
    assert not any(
        prefix.startswith("/__bench") for prefix in settings.PAGE_CACHE_SKIPPED_PREFIXES
    )


def test_bench_settings_add_a_bare_yardstick(client, settings):
    bench = importlib.import_module("bench.settings")
    settings.ROOT_URLCONF = bench.ROOT_URLCONF
    settings.PAGE_CACHE_SKIPPED_PREFIXES = bench.PAGE_CACHE_SKIPPED_PREFIXES
    settings.PAGE_CACHE_SECONDS = 600
    response = client.get(reverse("bench_bytes", args=[1234]))
    assert response.status_code == 200 and response.content == b"x" * 1234
    # The page cache lets it pass, as it does /healthz: no lookup, no copy,
    # no caching headers (a page gets them, as the last line shows).
    assert "X-Page-Cache" not in response and "Cache-Control" not in response
    # The portal's own pages are all there behind it, cached as ever.
    page = client.get("/robots.txt")
    assert page.status_code == 200 and page["X-Page-Cache"] == "miss"
