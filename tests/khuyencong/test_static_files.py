"""The static files' storage (``khuyencong.static_files``): whitenoise's
addresses, each worked out once per process."""

import json

import pytest
from whitenoise.storage import CompressedManifestStaticFilesStorage

from khuyencong.static_files import StaticFilesStorage

MANIFEST = {
    "version": "1.1",
    "hash": "0123456789ab",
    "paths": {
        "css/site.css": "css/site.5d41402abc4b.css",
        "img/logo mới.svg": "img/logo mới.7d793037a076.svg",
    },
}
NAMES = ["css/site.css", "img/logo mới.svg", "css/site.css?v=1#top"]


@pytest.fixture
def storages(tmp_path, settings):
    settings.DEBUG = False
    (tmp_path / "staticfiles.json").write_text(json.dumps(MANIFEST))
    return [
        kind(location=tmp_path, base_url="/static/")
        for kind in (StaticFilesStorage, CompressedManifestStaticFilesStorage)
    ]


def test_the_addresses_are_whitenoises(storages):
    ours, whitenoise = storages
    for name in NAMES:
        assert ours.url(name) == whitenoise.url(name)
        assert ours.url(name) == whitenoise.url(name)  # the kept one
    assert ours.url("css/site.css") == "/static/css/site.5d41402abc4b.css"


def test_an_address_is_worked_out_once_and_a_missing_file_still_refused(storages):
    ours, _whitenoise = storages
    first = ours.url("css/site.css")
    ours.hashed_files["css/site.css"] = "css/site.changed.css"
    assert ours.url("css/site.css") == first
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            ours.url("css/khong-co.css")


def test_in_development_the_files_are_read_each_time(storages, settings):
    ours, _whitenoise = storages
    settings.DEBUG = True
    assert ours.url("css/site.css") == "/static/css/site.css"
