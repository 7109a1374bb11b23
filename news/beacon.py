"""The beacon a reader's browser sends when an article is opened
(``navigator.sendBeacon`` from ``static/js/reads.js``), counted into the
most-read list (``news.mostread``).

CSRF-exempt, as a beacon carries no token and changes nothing but a count:
instead it refuses other sites' origins, unpublished articles and more than
``BEACON_RATE`` calls a minute from one address; robots (by user agent) are
answered as if counted; an address is counted once per article per
``SEEN_SECONDS``. Never cached, and the article page it counts stays
cacheable (the script is a static file, the page the same for everyone).
"""

from __future__ import annotations

import hashlib
import re

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from khuyencong.middleware import client_ip
from khuyencong.pagecache.common import warn

from .models import Article
from .mostread import record_read

BEACON_RATE = 30
SEEN_SECONDS = 30 * 60
ROBOTS = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|"
    r"headless|phantom|python|curl|wget|httpclient|okhttp|java/|go-http|monitor",
    re.IGNORECASE,
)


def _refused(request) -> int | None:
    """Why a beacon is not counted, as a status; None to count it."""
    agent = request.headers.get("user-agent", "")
    if not agent or ROBOTS.search(agent):
        return 204  # answered as counted: a robot learns nothing
    origin = request.headers.get("origin")
    if origin and origin != f"{request.scheme}://{request.get_host()}":
        return 403
    address = hashlib.sha256(client_ip(request).encode()).hexdigest()[:16]
    minute = f"mostread:rate:{address}:{timezone.now():%Y%m%d%H%M}"
    cache.add(minute, 0, 120)
    if cache.incr(minute) > BEACON_RATE:
        return 429
    request.reader_key = address
    return None


def _public(pk: int) -> bool:
    # Only a yes is kept: an article published a moment later is counted.
    key = f"mostread:public:{pk}"
    if cache.get(key):
        return True
    public = Article.objects.published().filter(pk=pk).exists()
    if public:
        cache.set(key, True, 300)
    return public


def _count(request, pk: int) -> int:
    refused = _refused(request)
    if refused is not None:
        return refused
    if not _public(pk):
        return 404
    day = timezone.localdate()
    if cache.add(f"mostread:seen:{request.reader_key}:{pk}:{day}", 1, SEEN_SECONDS):
        record_read(article_id=pk, day=day)
    return 204


@csrf_exempt
@require_POST
@never_cache
def read_beacon(request, pk: int):
    """``POST /doc/<pk>/``: a reader opened the article (see the module)."""
    try:
        status = _count(request, pk)
    except Exception as exc:  # the cache down: a read lost, never an error
        warn("Most read: the beacon could not count", exc)
        status = 204
    return HttpResponse(status=status)
