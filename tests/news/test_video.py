"""Videos by address from YouTube and Facebook only: the player's address
made from it, a button until the reader asks, frames allowed from those two
hosts alone."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from news.models import Article
from news.video import parse_video_url
from tests.admin_forms import browser_payload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
        ),
        (
            "https://youtu.be/aqz-KE-bpKQ?t=10",
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
        ),
        (
            "https://m.youtube.com/shorts/aqz-KE-bpKQ",
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
        ),
        (
            "http://youtube.com/embed/aqz-KE-bpKQ",
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
        ),
        (
            "https://www.facebook.com/congthuong/videos/1234567890/",
            "https://www.facebook.com/plugins/video.php?show_text=false&href="
            "https%3A%2F%2Fwww.facebook.com%2Fcongthuong%2Fvideos%2F1234567890%2F",
        ),
        (
            "https://m.facebook.com/watch/?v=987654321",
            "https://www.facebook.com/plugins/video.php?show_text=false&href="
            "https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D987654321",
        ),
    ],
)
def test_youtube_and_facebook_addresses_become_players(url, embed):
    assert parse_video_url(url).embed_url == embed


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://vimeo.com/123456", "Chỉ nhận video từ YouTube hoặc Facebook"),
        ("https://youtube.com.evil.example/watch?v=aqz-KE-bpKQ", "Chỉ nhận video"),
        ("https://user@youtube.com/watch?v=aqz-KE-bpKQ", "Chỉ nhận video"),
        ("javascript:alert(1)//youtube.com", "Chỉ nhận video"),
        ("https://www.youtube.com/watch?v=ngan", "Không đọc được mã video"),
        ("https://www.facebook.com/congthuong/posts/123", "Không đọc được mã video"),
        (
            'https://www.youtube.com/embed/aqz-KE-bpKQ"><script>',
            "Không đọc được mã video",
        ),
    ],
)
def test_other_addresses_are_refused_in_vietnamese(url, message):
    with pytest.raises(ValidationError) as refused:
        parse_video_url(url)
    assert message in refused.value.messages[0]


def test_an_editor_adds_a_video_and_other_hosts_are_refused(
    editor_client, make_article
):
    article = make_article(status=Article.Status.DRAFT)
    url = reverse("admin:news_article_change", args=[article.pk])
    data = browser_payload(editor_client.get(url))
    data["video_url"] = "https://vimeo.com/123456"
    refused = editor_client.post(url, data)
    assert refused.status_code == 200
    assert "Chỉ nhận video từ YouTube hoặc Facebook" in refused.content.decode()
    article.refresh_from_db()
    assert article.video_url == ""
    data = browser_payload(editor_client.get(url))
    data["video_url"] = "https://youtu.be/aqz-KE-bpKQ"
    assert editor_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.video_url == "https://youtu.be/aqz-KE-bpKQ"


def test_the_page_shows_a_button_not_the_player(client, make_article):
    article = make_article(
        title="Sấy nông sản", video_url="https://youtu.be/aqz-KE-bpKQ"
    )
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert "<iframe" not in html
    assert 'data-video="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"' in html
    assert "Phát video: Sấy nông sản" in html
    assert "js/video.js" in html
    policy = response["Content-Security-Policy"]
    frames = next(p for p in policy.split(";") if p.strip().startswith("frame-src"))
    assert frames.split()[1:] == [
        "https://www.youtube-nocookie.com",
        "https://www.facebook.com",
    ]


def test_an_address_stored_past_the_check_shows_no_video(client, make_article):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(video_url="https://evil.example/v")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "data-video" not in response.content.decode()
