"""The static files' storage: whitenoise's (hashed names from the manifest,
compressed copies), each file's address worked out once per process.

A page names five to seven static files, and each ``{% static %}`` costs
~20 µs in Django's manifest storage (the name cleaned, split, looked up,
joined to ``STATIC_URL`` and quoted): more than the rest of a small
template. The manifest is read when the storage is made and does not
change while the process runs (``collectstatic`` writes it before the
server starts; a change of ``STATIC_URL`` or ``STORAGES`` makes a new
storage), so the address of a name is the same on every request.
"""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Whitenoise's storage, ``url()`` kept per name (see the module)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._addresses: dict[str, str] = {}

    def url(self, name, force=False):
        # In development the files (and so their hashes) change under it.
        if force or settings.DEBUG:
            return super().url(name, force)
        try:
            return self._addresses[name]
        except KeyError:
            address = self._addresses[name] = super().url(name)
            return address
