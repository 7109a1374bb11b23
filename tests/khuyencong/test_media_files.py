"""Uploads' addresses (``khuyencong.media_files``): Django's, for every
kind of name and base address, whether joined directly or by Django."""

import pytest
from django.core.files.storage import FileSystemStorage as DjangoFileSystemStorage

from khuyencong.media_files import FileSystemStorage

NAMES = [
    "library/2026/12/anh.jpg",
    "/library/anh mới (1).webp",
    "renditions/ab/cd/anh-640w.jpeg",
    "a/./b.jpg",
    "a/../b.jpg",
    "../ra-ngoai.jpg",
    "anh?x=1#y.jpg",
    "c:/anh.jpg",
    "\\\\may\\anh.jpg",
    "",
    "~tep*!'().png",
    "a//b.jpg",
    "thu-muc//",
]
BASES = [
    "/media/",
    "https://cdn.example.vn/tep/",
    "/media",
    "//cdn.example.vn/media/",
    "/a/../media/",
    "/media/?v=1",
    "http://example.vn/m;x/",
    "/media//",
    "https://cdn.example.vn//tep/",
]


@pytest.mark.parametrize("base", BASES)
def test_the_addresses_are_djangos(tmp_path, base):
    ours = FileSystemStorage(location=tmp_path, base_url=base)
    django = DjangoFileSystemStorage(location=tmp_path, base_url=base)
    for name in NAMES:
        assert ours.url(name) == django.url(name), (base, name)


def test_the_settings_use_it(settings):
    assert settings.STORAGES["default"]["BACKEND"] == (
        "khuyencong.media_files.FileSystemStorage"
    )
