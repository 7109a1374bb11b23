from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from news.sitemaps import sitemaps
from news.views import RobotsView

from . import views
from .params import SitemapQuery, validate_query

admin.site.site_header = _("Quản trị Cổng thông tin Khuyến công")
admin.site.site_title = _("Quản trị Khuyến công")
admin.site.index_title = _("Quản trị nội dung")

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    path(
        "sitemap.xml",
        validate_query(SitemapQuery)(sitemap),
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("so-lieu/", include("funding.urls")),
    path("", include("news.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
