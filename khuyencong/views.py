import logging

from django.db import DatabaseError, connection
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .params import api_error_response, is_api_request

logger = logging.getLogger(__name__)


@never_cache
@require_safe  # load balancers often ask with HEAD
def healthz(request):
    """Liveness for load balancers: 200 when the database answers, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.warning("Health check: database unavailable: %s", exc)
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to ours."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def page_not_found(request, exception):
    """``handler404``: under the JSON API, the API's own 404 (an address
    there that names no endpoint); elsewhere the branded page."""
    if is_api_request(request):
        return api_error_response(request, {"detail": _("Không tìm thấy.")}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    """``handler500``: JSON under the API, the branded page elsewhere;
    neither reads the database."""
    if is_api_request(request):
        return api_error_response(
            request,
            {"detail": _("Hệ thống đang gặp sự cố; hãy thử lại sau ít phút.")},
            status=500,
        )
    return defaults.server_error(request)
