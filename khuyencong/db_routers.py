"""Public reads from a PostgreSQL read replica, when one is configured.

With ``DATABASE_REPLICA_URL`` set, pages read by anonymous visitors (GET and
HEAD, outside the admin) query the replica; everything else, and every
write, uses the primary. The request is marked by ``PublicReadsMiddleware``.
"""

from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed

ROUTER = "khuyencong.db_routers.PublicReadsRouter"

_public_read: ContextVar[bool] = ContextVar("public_read", default=False)


class PublicReadsRouter:
    def db_for_read(self, model, **hints):
        return "replica" if _public_read.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the same rows as the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class PublicReadsMiddleware:
    """Mark anonymous reads of public pages, for ``PublicReadsRouter``; left
    out of the stack when no replica is configured (nothing reads the mark)."""

    def __init__(self, get_response):
        if ROUTER not in settings.DATABASE_ROUTERS:
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.admin = "/" + settings.ADMIN_URL

    def __call__(self, request):
        # Only a session signs anyone in: without its cookie the lazy user
        # (a session read) is not needed to know the reader is anonymous.
        public = (
            request.method in ("GET", "HEAD")
            and not request.path_info.startswith(self.admin)
            and (
                settings.SESSION_COOKIE_NAME not in request.COOKIES
                or not request.user.is_authenticated
            )
        )
        token = _public_read.set(public)
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)
