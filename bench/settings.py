"""Settings for the load benchmark (``bench/load.sh``): the portal's own,
plus the yardstick view at ``/__bench/bytes/<size>`` (``bench.urls``), which
the page cache lets pass like ``/healthz`` so that it stays a bare view."""

from khuyencong.settings import *  # noqa: F403
from khuyencong.settings import PAGE_CACHE_SKIPPED_PREFIXES

ROOT_URLCONF = "bench.urls"
PAGE_CACHE_SKIPPED_PREFIXES = (*PAGE_CACHE_SKIPPED_PREFIXES, "/__bench/")
