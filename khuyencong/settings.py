"""Settings for the khuyencong portal.

Every deployment-specific value comes from the environment (or a ``.env`` file
beside ``manage.py``); ``.env.example`` documents each variable.
"""

from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(a long random string) or turn DEBUG on for local development; "
            "see .env.example."
        )
    # Only ever used with DEBUG on, on a developer's machine.
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_NAME = env.str("SITE_NAME", default="Cổng thông tin Khuyến công")

INSTALLED_APPS = [
    "khuyencong.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_prose_editor",
    "simple_history",
    "import_export",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "khuyencong",
    "news",
    "funding",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "khuyencong.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 304s from ETag / Last-Modified (made by the page cache for public pages).
    "khuyencong.middleware.ConditionalGetMiddleware",
    # Above the CSP layer, which writes its header (and SecurityMiddleware's)
    # beforehand, checked once (khuyencong.headers).
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's, the header without a nonce built once.
    "khuyencong.middleware.CSPMiddleware",
    # Before anything reads the request: an address with control characters
    # (NUL…) gets a 400, with the headers above; then, before the page
    # cache, tracking parameters dropped and unread ones redirected away.
    # Django's 405 has no body: it gives it the portal's error page.
    "khuyencong.hardening.RequestHardeningMiddleware",
    # Before sessions and authentication: a cached page needs neither.
    "khuyencong.pagecache.AnonymousPageCacheMiddleware",
    # Django's and django-otp's, lighter without a session cookie.
    "khuyencong.sessions.SessionMiddleware",
    # Django's; its one language set without reading the request.
    "khuyencong.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, then django-otp's from the same layer.
    "khuyencong.sessions.AuthenticationMiddleware",
    "khuyencong.db_routers.PublicReadsMiddleware",
    # Last: Django's messages and ADMIN_ONLY_MIDDLEWARE, for the admin's
    # addresses alone (a subclass of Django's messages layer).
    "khuyencong.middleware.AdminOnlyMiddleware",
]

# What only the admin uses (its pages, its login and OTP forms, all under
# ADMIN_URL: the portal's only sign-in), run for those addresses alone
# (AdminOnlyMiddleware, after Django's messages): the public pages use none
# of it. The session layers stay in MIDDLEWARE (the page cache tells staff
# apart with them). django-axes' layer is here, last as it asks (it turns a
# lockout into its response); its check that wants it in MIDDLEWARE is
# replaced by khuyencong.checks, which wants it here.
ADMIN_ONLY_MIDDLEWARE = [
    # The editor's import maps are in admin forms only.
    "khuyencong.middleware.ImportMapNonceMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]
SILENCED_SYSTEM_CHECKS = ["axes.W002"]

ROOT_URLCONF = "khuyencong.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "news.context_processors.site",
                "csp.context_processors.nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "khuyencong.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
# Persistent connections, checked before reuse (a restarted database).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Optional read replica for anonymous readers' pages (khuyencong.db_routers).
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["khuyencong.db_routers.PublicReadsRouter"]

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's, its Redis client made once (khuyencong.cache).
            "BACKEND": "khuyencong.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "khuyencong",
            # A Redis that stops answering fails a call (served uncached).
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    _locmem = "django.core.cache.backends.locmem.LocMemCache"
    CACHES = {"default": {"BACKEND": _locmem, "LOCATION": "khuyencong"}}

# Whether every process shares the cache (Redis): news.site.shared keeps
# copies checked against a version in it only then.
SHARED_CACHE = env.bool("SHARED_CACHE", default=bool(REDIS_URL))

# Whole public pages for anonymous readers (khuyencong.pagecache), in the
# cache above; 0 turns it off. CDN seconds go to s-maxage.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PAGE_CACHE_CDN_SECONDS = env.int("PAGE_CACHE_CDN_SECONDS", default=0)
# With Redis, each process also keeps the pages it served lately, up to this
# many bytes, and serves them without a round trip while it is subscribed to
# the invalidations (khuyencong.pagecache.NearCache); 0 turns it off.
PAGE_NEAR_CACHE_BYTES = env.int("PAGE_NEAR_CACHE_BYTES", default=32 * 1024 * 1024)
# How often at most each process reads the database's page-cache stamp on the
# request path (also whenever Redis was out of reach): a change the cache was
# never told of is served stale for no longer than this.
PAGE_CACHE_CHECK_SECONDS = env.float("PAGE_CACHE_CHECK_SECONDS", default=1.0)
# Not pages (files, the health check): the page cache lets them pass.
# A page invalidated under load is rendered by one request at a time: the
# others get the copy it replaces, or wait for it this long at most
# (khuyencong.pagecache.middleware); the lock ends by itself after
# PAGE_RENDER_LOCK_SECONDS if its holder dies.
PAGE_RENDER_LOCK_SECONDS = env.int("PAGE_RENDER_LOCK_SECONDS", default=5)
PAGE_RENDER_WAIT_SECONDS = env.float("PAGE_RENDER_WAIT_SECONDS", default=3.0)
PAGE_CACHE_SKIPPED_PREFIXES = ("/static/", "/media/", "/healthz")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["khuyencong.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# With MEDIA_STORAGE=s3, the bucket's public address (its custom domain).
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploaded media: the local MEDIA_ROOT, or S3-compatible object storage
# (django-storages) so that any number of app servers share it.
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="local")
if MEDIA_STORAGE == "s3":
    MEDIA_BACKEND = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("S3_BUCKET"),
            "endpoint_url": env.str("S3_ENDPOINT_URL", default=None),
            "region_name": env.str("S3_REGION", default=None),
            "access_key": env.str("S3_ACCESS_KEY_ID", default=None),
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default=None),
            "custom_domain": env.str("S3_CUSTOM_DOMAIN", default=None),
            "location": "media",
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": False,
        },
    }
else:
    MEDIA_BACKEND = {"BACKEND": "khuyencong.media_files.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_BACKEND,
    "staticfiles": {"BACKEND": "khuyencong.static_files.StaticFilesStorage"},
}
# In development whitenoise serves straight from the finders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: images of more bytes, pixels or a longer side than these are
# refused (a small file can unpack to a huge picture; Pillow's guard stays).
MAX_IMAGE_UPLOAD_BYTES = env.int("MAX_IMAGE_UPLOAD_BYTES", default=5 * 1024 * 1024)
MAX_IMAGE_PIXELS = env.int("MAX_IMAGE_PIXELS", default=40_000_000)
MAX_IMAGE_SIDE = env.int("MAX_IMAGE_SIDE", default=10_000)
# Articles are scheduled at most this many days ahead and dated no earlier
# than this year (news.scheduling): beyond, a typo, refused on every path.
NEWS_MAX_SCHEDULE_DAYS = env.int("NEWS_MAX_SCHEDULE_DAYS", default=730)
NEWS_EARLIEST_PUBLICATION_YEAR = env.int("NEWS_EARLIEST_PUBLICATION_YEAR", default=1900)

# The files of the documents library (PDF, DOCX, XLSX).
MAX_DOCUMENT_UPLOAD_BYTES = env.int(
    "MAX_DOCUMENT_UPLOAD_BYTES", default=20 * 1024 * 1024
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

ADMIN_URL = env.str("ADMIN_URL", default="admin/").strip("/") + "/"
# Staff sign in through the admin: without a safe ``next`` they land on its
# index (URL names, so a secret ADMIN_URL is honoured).
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

# --- Security -------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# HTTPS only, unless DEBUG (or SECURE_SSL_REDIRECT=0 for a loopback server).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
# Behind a reverse proxy that terminates TLS: how many proxies to trust.
# 0 (the default) trusts no proxy header at all: X-Forwarded-Proto and
# X-Forwarded-For from the client are ignored.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The proxies' addresses, for gunicorn (gunicorn.conf.py), which believes
# X-Forwarded-Proto from them only, and only with TRUSTED_PROXY_COUNT set.
FORWARDED_ALLOW_IPS = env.str("FORWARDED_ALLOW_IPS", default="127.0.0.1")

# Content-Security-Policy (django-csp 4): no inline script without the
# request's nonce; the admin's and the rich-text editor's import maps get it
# from khuyencong.middleware.ImportMapNonceMiddleware.
MEDIA_ORIGINS = (
    ["/".join(MEDIA_URL.split("/", 3)[:3])]
    if MEDIA_URL.startswith(("http://", "https://"))
    else []
)
# Videos in articles are embedded from these players only (news.video).
VIDEO_FRAME_ORIGINS = ["https://www.youtube-nocookie.com", "https://www.facebook.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        # Inline style attributes (the admin's widgets) are not script.
        "style-src": [SELF, "'unsafe-inline'"],
        # Photos may live on the media storage's own host.
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": VIDEO_FRAME_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Admin logins: locked for the username from that address after repeated
# failures (django-axes), the address read as TRUSTED_PROXY_COUNT says.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "khuyencong.middleware.client_ip"
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Two-factor (TOTP, django-otp) for everyone entering the admin when on.
OTP_REQUIRED = env.bool("OTP_REQUIRED", default=False)
OTP_TOTP_ISSUER = SITE_NAME

# Errors (with their traceback) go to the log, never to the page; with
# ADMINS set they are also mailed (EMAIL_URL, e.g. smtp://user:pw@host:587).
ADMINS = [(address, address) for address in env.list("ADMINS", default=[])]
SERVER_EMAIL = env.str("SERVER_EMAIL", default="root@localhost")
# The sender of the review e-mails (news.review.notifications). Development
# prints mail to the console (EMAIL_URL's default); tests use locmem.
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default=SERVER_EMAIL)
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"()": "khuyencong.logs.LineFormatter", "format": LOG_FORMAT},
    },
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "line"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "loggers": {
        "django.request": {
            "handlers": ["console", "mail_admins"] if ADMINS else ["console"],
            "level": "ERROR",
            "propagate": False,
        },
        # One line per request from khuyencong.middleware.RequestLogMiddleware.
        "khuyencong.requests": {
            "handlers": ["console"],
            "level": env.str("REQUEST_LOG_LEVEL", default="INFO"),
            "propagate": False,
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# Spreadsheet imports of funding figures.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=20 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=200_000)
IMPORT_MAX_UNPACKED_BYTES = env.int(
    "IMPORT_MAX_UNPACKED_BYTES", default=300 * 1024 * 1024
)
# Limits enforced while a file is read (funding.imports.readers.base), so a small
# file claiming huge repeats or far cells never grows a worker: columns
# holding data, cells in the rows holding data, characters of text, and the
# strings of an XLSX's shared-string table.
IMPORT_MAX_COLUMNS = env.int("IMPORT_MAX_COLUMNS", default=100)
IMPORT_MAX_CELLS = env.int("IMPORT_MAX_CELLS", default=2_000_000)
IMPORT_MAX_TEXT_CHARS = env.int("IMPORT_MAX_TEXT_CHARS", default=20_000_000)
IMPORT_MAX_SHARED_STRINGS = env.int("IMPORT_MAX_SHARED_STRINGS", default=1_000_000)
# Where the tables read at preview time wait for the confirmation (not
# served; default: the system's temporary folder, where django-import-export
# keeps the uploads too). Must be shared by all workers of a host.
IMPORT_SPOOL_DIR = env.str("IMPORT_SPOOL_DIR", default="")
# django-import-export: importing needs funding.import_figure, exporting the
# figures (public data) needs only the view permission.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_TMP_STORAGE_CLASS = "funding.imports.spool.SpoolFolderStorage"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# Background work (large import previews, confirmations and undos):
# django-tasks with its database backend, run by `manage.py db_worker`
# (a process of its own in production; `make run` and `make serve` start
# one). The database everywhere, with Redis or without: one worker to run.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
