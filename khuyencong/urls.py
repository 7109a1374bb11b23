from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

admin.site.site_header = _("Quản trị Cổng thông tin Khuyến công")
admin.site.site_title = _("Quản trị Khuyến công")
admin.site.index_title = _("Quản trị nội dung")

# Branded pages, and JSON under the API (``views``).
handler404 = "khuyencong.views.page_not_found"
handler500 = "khuyencong.views.server_error"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    # The apps' URLconfs, named by string: the project imports no app.
    path("", include("news.site_urls")),
    path("so-lieu/", include("funding.pages.urls")),
    path("api/v1/", include("funding.pages.api.urls")),
    path("van-ban/", include("funding.documents.urls")),
    path("", include("news.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
