"""Videos in articles, by their address on YouTube or Facebook only.

An editor pastes the address a viewer shares; it is read here (as an
oEmbed provider would) into the address of the provider's embedded
player: YouTube's privacy-enhanced one (youtube-nocookie.com), Facebook's
video plugin. Any other host is refused, and the Content-Security-Policy
lets frames come from these two hosts alone (``VIDEO_FRAME_ORIGINS`` in
the settings). The page shows a button until the reader asks for the
video, so no provider sees a reader who did not (``static/js/video.js``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
FACEBOOK_HOSTS = {"facebook.com", "www.facebook.com", "m.facebook.com"}
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_YOUTUBE_PATH = re.compile(r"/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})/?")
_FACEBOOK_PATH = re.compile(r"/(?:[\w.-]+/videos/(?:[\w.-]+/)?|reel/)(\d+)/?")


@dataclass(frozen=True)
class Video:
    provider: str
    embed_url: str


def _youtube(host: str, path: str, query: str) -> str | None:
    if host == "youtu.be":
        video_id = path.strip("/")
    elif path in ("/watch", "/watch/"):
        video_id = parse_qs(query).get("v", [""])[0]
    else:
        match = _YOUTUBE_PATH.fullmatch(path)
        video_id = match.group(1) if match else ""
    if not _YOUTUBE_ID.fullmatch(video_id):
        return None
    return f"https://www.youtube-nocookie.com/embed/{video_id}"


def _facebook(host: str, path: str, query: str) -> str | None:
    if path in ("/watch", "/watch/"):
        video_id = parse_qs(query).get("v", [""])[0]
        canonical = f"https://www.facebook.com/watch/?v={video_id}"
    else:
        match = _FACEBOOK_PATH.fullmatch(path)
        video_id = match.group(1) if match else ""
        canonical = f"https://www.facebook.com{path}"
    if not video_id.isdigit():
        return None
    return "https://www.facebook.com/plugins/video.php?show_text=false&href=" + quote(
        canonical, safe=""
    )


def parse_video_url(url: str) -> Video:
    """The embedded player for a YouTube or Facebook video's address;
    ``ValidationError`` (in Vietnamese) for any other address."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or parts.username or parts.port:
        host = ""
    if host in YOUTUBE_HOSTS:
        provider, embed = "YouTube", _youtube(host, parts.path, parts.query)
    elif host in FACEBOOK_HOSTS:
        provider, embed = "Facebook", _facebook(host, parts.path, parts.query)
    else:
        raise ValidationError(
            _("Chỉ nhận video từ YouTube hoặc Facebook (địa chỉ “%(url)s”)."),
            code="video_host",
            params={"url": url[:100]},
        )
    if embed is None:
        raise ValidationError(
            _("Không đọc được mã video trong địa chỉ %(provider)s “%(url)s”."),
            code="video_id",
            params={"provider": provider, "url": url[:100]},
        )
    return Video(provider, embed)


def video_for(url: str) -> Video | None:
    """The player for a stored address, or None (no video, or an address
    stored by some path that skipped the validation)."""
    try:
        return parse_video_url(url) if url else None
    except ValidationError:
        return None


def validate_video_url(url: str) -> None:
    parse_video_url(url)


class VideoURLField(models.URLField):
    """The address of a YouTube or Facebook video (``parse_video_url``)."""

    default_validators = [*models.URLField.default_validators, validate_video_url]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 500)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})
