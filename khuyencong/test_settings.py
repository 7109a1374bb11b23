"""Settings for the test suite: the real settings with a throwaway key."""

import os

os.environ.setdefault("SECRET_KEY", "insecure-key-for-the-test-suite-only")

from khuyencong.settings import *  # noqa: F403

# Tests run without collectstatic, so no manifest to look hashed names up in.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Serve from the finders: there is no collectstatic output in a test run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The test client speaks plain HTTP.
SECURE_SSL_REDIRECT = False
# Client.login() authenticates without a request, which django-axes refuses;
# the tests of the lockout turn it on themselves.
AXES_ENABLED = False
# Test transactions never commit, so the page cache would never be
# invalidated: off, except in its own tests.
PAGE_CACHE_SECONDS = 0
# One process: its own cache is shared by everything the test runs.
SHARED_CACHE = True
