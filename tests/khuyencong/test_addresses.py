"""Addresses without arguments reversed once (``khuyencong.addresses``):
the same as ``reverse()``, under whatever script prefix the site is
served."""

from django.urls import reverse, set_script_prefix

from khuyencong.addresses import fixed


def test_the_addresses_are_reverses_under_each_prefix():
    try:
        for prefix in ("/", "/cong-thong-tin/", "/"):
            set_script_prefix(prefix)
            for name in ("news:home", "news:search", "news:feed"):
                assert fixed(name) == reverse(name)
                assert fixed(name) == reverse(name)  # the kept one
            assert fixed("news:home") == prefix
    finally:
        set_script_prefix("/")
