"""Addresses without arguments (home, search, the feed), reversed once per
process: every page names a few, and each ``reverse()`` walks the URL
patterns again (~15 µs) to find the same string."""

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

_kept: dict[tuple[str, str, str], str] = {}


def fixed(name: str) -> str:
    """``reverse(name)``, kept per script prefix and URLconf (what else
    changes the answer)."""
    key = (name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    try:
        return _kept[key]
    except KeyError:
        address = _kept[key] = reverse(name)
        return address
