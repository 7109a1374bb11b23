"""The site's own files at the root: ``/robots.txt`` and ``/sitemap.xml``.

Included by the root URLconf without a namespace, so their names stay
global: ``robots`` and ``django.contrib.sitemaps.views.sitemap`` (the name
Django's sitemap machinery and the templates reverse).
"""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from khuyencong.params import SitemapQuery, validate_query

from .sitemaps import sitemaps
from .views import RobotsView

urlpatterns = [
    path("robots.txt", RobotsView.as_view(), name="robots"),
    path(
        "sitemap.xml",
        validate_query(SitemapQuery)(sitemap),
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]
