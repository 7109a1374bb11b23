"""Images in a body: only uploaded article photos, judged after the address
is resolved as a browser would; and the editor is told what was removed."""

import html
import re

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from news.models import Article
from news.sanitize import removed_content, sanitize_html
from tests.news.test_admin import ADD_URL, form_data

NAME = "2024/05/" + "0123456789abcdef" * 2 + ".png"
UPLOADED = f"/media/news/images/{NAME}"
# An uploaded photo's address as every browser resolves it: nothing to
# decode, no dot segment, no backslash, no query.
CANONICAL = re.compile(
    r"(?:https://media\.example\.gov\.vn)?/media/news/(?:images|covers)/"
    r"[0-9]{4}/[0-9]{2}/[0-9a-f]{32}\.(?:jpg|png|webp|gif)"
)


def kept_src(body: str) -> str | None:
    match = re.search(r'<img[^>]*\ssrc="([^"]*)"', sanitize_html(body))
    return html.unescape(match.group(1)) if match else None


@pytest.mark.parametrize(
    "src",
    [
        "/media/../so-lieu/du-lieu.csv",
        "/media/%2e%2e/tim-kiem/?q=khuyen+cong",
        "/media/..\\admin/",
        "/media/%252e%252e/so-lieu/du-lieu.csv",
        "/media/%25252e%25252e/so-lieu/du-lieu.csv",
        "/media/news/images/../../../so-lieu/du-lieu.csv",
        "/media/news/images/%2e%2e%2f%2e%2e%2f%2e%2e%2fhealthz",
        f"{UPLOADED}?ref=1",
        f"{UPLOADED}#x",
        f"{UPLOADED}%00",
        f"/media/news/ima\tges/{NAME}",
        "/media/news/images/bao-cao.csv",
        "/media/import/2024/05/bang.xlsx",
        f"//evil.example{UPLOADED}",
        f"/\\evil.example{UPLOADED}",
        f"https://evil.example{UPLOADED}",
        f"https://user@khuyencong.example.gov.vn{UPLOADED}",
        "https://example.com/a.png",
        "data:image/png;base64,AAAA",
        "javascript:alert(1)",
    ],
)
def test_an_image_address_outside_the_uploads_is_removed(settings, src):
    settings.ALLOWED_HOSTS = ["khuyencong.example.gov.vn"]
    assert kept_src(f'<p>x</p><img src="{html.escape(src)}" alt="a">') is None


@pytest.mark.parametrize(
    ("src", "stored"),
    [
        (UPLOADED, UPLOADED),
        (f"/media/./news/images/{NAME}", UPLOADED),
        (f"/media/news/covers/../images/{NAME}", UPLOADED),
        (f"/media/news%2Fimages/{NAME}", UPLOADED),
        (f"/media//news/images/{NAME}", UPLOADED),
        (f" {UPLOADED}\t", UPLOADED),
        (f"https://khuyencong.example.gov.vn{UPLOADED}", UPLOADED),
        (f"/media/news/covers/{NAME}", f"/media/news/covers/{NAME}"),
    ],
)
def test_an_uploaded_photo_is_kept_under_its_resolved_address(settings, src, stored):
    settings.ALLOWED_HOSTS = ["khuyencong.example.gov.vn"]
    assert kept_src(f'<img src="{src}" alt="a">') == stored
    assert sanitize_html(sanitize_html(f'<img src="{src}">')) == sanitize_html(
        f'<img src="{src}">'
    )


def test_with_media_on_s3_only_the_buckets_origin_is_allowed(settings):
    settings.MEDIA_URL = "https://media.example.gov.vn/media/"
    bucket = f"https://media.example.gov.vn{UPLOADED}"
    assert kept_src(f'<img src="{bucket}">') == bucket
    assert (
        kept_src(f'<img src="https://media.example.gov.vn/media/../x/{NAME}">') is None
    )
    assert kept_src(f'<img src="https://evil.example{UPLOADED}">') is None


STARTS = st.sampled_from(
    [
        "",
        "/media/",
        "/media/news/images/",
        "/media/news/images/2024/05/",
        "/media/news/covers/",
        "https://khuyencong.example.gov.vn/media/",
        "https://evil.example/media/",
        "//",
        "\\",
    ]
)
PIECES = st.sampled_from(
    [
        "/",
        "\\",
        ".",
        "../",
        "..\\",
        "%2e%2e/",
        "%2E%2e%2f",
        "%252e%252e/",
        "%25252e%25252e%25252f",
        "./",
        "%5c",
        "%25",
        "media/",
        "news/",
        "images/",
        "covers/",
        "2024/05/",
        "0123456789abcdef0123456789abcdef.png",
        "so-lieu/du-lieu.csv",
        "tim-kiem/?q=a",
        "?",
        "#",
        "%3f",
        "%00",
        "%09",
        ":",
        "//",
        "evil.example",
        "@",
        " ",
    ]
)
ADDRESSES = st.tuples(STARTS, st.lists(PIECES, max_size=10)).map(
    lambda parts: parts[0] + "".join(parts[1])
)


@hypothesis_settings(max_examples=400, deadline=None)
@given(ADDRESSES)
def test_whatever_survives_is_a_canonical_upload_address(src):
    # The rule itself: a src the sanitiser keeps is exactly an uploaded
    # photo's canonical address, which every browser resolves to itself,
    # and sanitising again changes nothing.
    body = f'<img src="{html.escape(src)}" alt="a">'
    kept = kept_src(body)
    assert kept is None or CANONICAL.fullmatch(kept), kept
    assert sanitize_html(sanitize_html(body)) == sanitize_html(body)


def test_removed_content_says_what_and_why():
    removed = removed_content(
        '<p onclick="x()">Chào</p><img src="https://example.com/a.png">'
        f'<img src="{UPLOADED}"><script>alert(1)</script>'
        '<iframe src="https://video.example/nhung"></iframe>'
        '<a href="javascript:alert(1)">bấm</a><a href="https://moit.gov.vn">Bộ</a>'
        '<img src="data:image/png;base64,AAAA"><img src="/media/../so-lieu/">'
    )
    assert removed == [
        "Đã bỏ thuộc tính onclick: bài viết không được chứa mã chạy trên máy "
        "người đọc.",
        "Đã bỏ ảnh https://example.com/a.png: ảnh phải được tải lên trang này "
        "(mục Ảnh trong bài).",
        "Đã bỏ mã lệnh <script>: bài viết không được chứa mã chạy trên máy người đọc.",
        "Đã bỏ khung nhúng <iframe> https://video.example/nhung: bài viết không "
        "nhúng trang của nơi khác; hãy đặt liên kết tới trang đó.",
        "Đã bỏ liên kết javascript:alert(1): chỉ giữ liên kết http, https, mailto "
        "và tel.",
        "Đã bỏ ảnh data:image/png;base64,AAAA: ảnh dán thẳng vào nội dung không "
        "được lưu; hãy tải ảnh lên mục Ảnh trong bài rồi chèn đường dẫn của ảnh.",
        "Đã bỏ ảnh /media/../so-lieu/: đường dẫn không trỏ tới một ảnh đã tải lên "
        "(mục Ảnh trong bài).",
    ]
    assert removed_content(f'<p><strong>Chào</strong></p><img src="{UPLOADED}">') == []


@pytest.mark.django_db
def test_the_article_form_tells_the_editor_what_was_removed(secretary_client, category):
    body = (
        '<p>Hội nghị</p><img src="https://example.com/a.png" alt="a">'
        f'<img src="/media/./news/images/{NAME}" alt="b">'
        "<script>alert(1)</script>"
    )
    response = secretary_client.post(
        ADD_URL, form_data(category, body=body), follow=True
    )
    assert response.status_code == 200
    shown = response.content.decode()
    for expected in (
        "Đã bỏ ảnh https://example.com/a.png: ảnh phải được tải lên trang này "
        "(mục Ảnh trong bài).",
        "Đã bỏ mã lệnh &lt;script&gt;",
    ):
        assert expected in shown
    stored = Article.objects.get().body
    assert "example.com" not in stored and "<script" not in stored
    assert f'src="{UPLOADED}"' in stored  # normalised, not removed


@pytest.mark.django_db
def test_a_clean_body_saves_without_warnings(secretary_client, category):
    response = secretary_client.post(
        ADD_URL,
        form_data(category, body=f'<p>Chào</p><img src="{UPLOADED}" alt="a">'),
        follow=True,
    )
    assert "Đã bỏ" not in response.content.decode()
    assert f'src="{UPLOADED}"' in Article.objects.get().body
