"""The newer admin pages an editor uses, in Vietnamese with local times:
the image library (list, add, change, delete, history, the editor's picker
and the upload endpoint's refusals), the documents library, the site's
settings and links, tags, the review queue, the comparison of two versions
and the history pages of each, as every role sees them, each after a
change made through the admin so that its history has something to show,
and their forms sent back with errors."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from funding.models import DocumentFile, SourceDocument
from news.models import Article, SiteSettings, Tag
from tests.admin_forms import browser_payload
from tests.conftest import png_bytes
from tests.funding.documents.conftest import PDF, XLSX

from .admin_rules import ROLES
from .test_admin_language import problems

pytestmark = pytest.mark.django_db


def admin_url(model, view, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def changed_through_the_admin(client, model, obj, **changes):
    """Save ``obj``'s change form with ``changes``, as a browser would, so
    its history lists a change (with the fields' names)."""
    url = admin_url(model, "change", obj.pk)
    data = browser_payload(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, problems(url, response.content.decode())


@pytest.fixture
def library(data, make_library_image, django_user_model):
    """One of each new kind of row, each changed once through the admin."""
    superuser = django_user_model.objects.create_superuser(
        "quantri", password="mat-khau-rat-dai-2022"
    )
    client = Client()
    client.force_login(superuser)
    image = make_library_image(caption="Hội nghị", credit="Trung tâm")
    document = SourceDocument.objects.create(
        title="Quyết định hỗ trợ đề án khuyến công",
        number="12/QĐ-SCT",
        kind=SourceDocument.Kind.DECISION,
        issuer="Sở Công Thương",
        issued_on=date(2026, 3, 2),
        is_published=True,
        published_at=timezone.now(),
    )
    for name, content in (("quyet-dinh.pdf", PDF), ("phu-luc.xlsx", XLSX)):
        DocumentFile(document=document).file.save(name, ContentFile(content))
    tag = Tag.objects.order_by("pk").first()
    settings_row = SiteSettings.objects.get()
    changed_through_the_admin(client, type(image), image, caption="Hội nghị tổng kết")
    changed_through_the_admin(
        client, SourceDocument, document, signer="Nguyễn Văn A", effective_on=""
    )
    changed_through_the_admin(client, Tag, tag, name=f"{tag.name} (sửa)")
    changed_through_the_admin(client, SiteSettings, settings_row, phone="0259 3822 123")
    return {"image": image, "document": document, "tag": tag, "site": settings_row}


def pages_of(rows) -> list[str]:
    """Every page of the new admins an editor may open, for these rows."""
    urls = []
    for row in rows.values():
        model = type(row)
        urls += [
            admin_url(model, "changelist"),
            admin_url(model, "changelist") + "?q=khong-co-gi",
            admin_url(model, "add"),
            admin_url(model, "change", row.pk),
            admin_url(model, "history", row.pk),
            admin_url(model, "delete", row.pk),
        ]
    image = rows["image"]
    urls += [
        admin_url(type(image), "add") + "?_to_field=id&_popup=1",
        reverse("admin:news_libraryimage_picker"),
        reverse("admin:news_libraryimage_picker") + "?q=hoi+nghi&CKEditorFuncNum=1",
        reverse("admin:news_libraryimage_picker") + "?q=khong-co-anh-nao",
        reverse("admin:funding_sourcedocument_changelist") + "?kind__exact=quyet-dinh",
        reverse("admin:news_libraryimage_changelist") + "?o=-7",
    ]
    return urls


@pytest.fixture
def walkers(library, make_user, django_user_model):
    clients = {"superuser": Client()}
    clients["superuser"].force_login(django_user_model.objects.get(username="quantri"))
    for n, role in enumerate(ROLES):
        clients[role] = Client()
        clients[role].force_login(make_user(f"lib_{n}", role))
    return clients


def test_the_library_documents_and_site_pages_are_vietnamese(library, walkers):
    urls = pages_of(library)
    found, shown = [], {}
    for role, client in walkers.items():
        for url in urls:
            response = client.get(url)
            if response.status_code == 200:
                shown[url] = shown.get(url, 0) + 1
                html = response.content.decode()
                found += [f"{role}: {p}" for p in problems(url, html)]
    # Every page was seen, most by several roles (the site's single row is
    # never added or deleted).
    site = library["site"]
    unseen = {
        admin_url(SiteSettings, "add"),
        admin_url(SiteSettings, "delete", site.pk),
    }
    assert set(urls) - set(shown) == unseen
    assert sum(shown.values()) > 60
    assert found == []


def test_the_upload_endpoint_refuses_in_vietnamese(walkers):
    """What the editor's image dialog and the drop zone show when the
    library refuses a file: Vietnamese, naming the field."""
    upload = reverse("admin:news_libraryimage_upload")
    editor = walkers[ROLES[0]]
    attempts = {
        "nothing": {},
        "no alt": {"file": SimpleUploadedFile("anh.jpg", png_bytes(fmt="JPEG"))},
        "not an image": {
            "file": SimpleUploadedFile("anh.jpg", b"%PDF-1.4 not a photo"),
            "alt_text": "Ảnh",
        },
        "a document as an image": {
            "file": SimpleUploadedFile("anh.png", PDF),
            "alt_text": "Ảnh",
        },
    }
    found = []
    for name, data in attempts.items():
        response = editor.post(upload, data)
        assert response.status_code == 400, name
        answer = response.json()
        messages = [answer["error"], *sum(answer["errors"].values(), [])]
        assert all(message.strip() for message in messages)
        found += [p for m in messages for p in problems(f"{upload} {name}", m)]
    assert "Mô tả ảnh (alt)" in editor.post(upload, attempts["no alt"]).json()["error"]
    # Someone who may not add photos is told so, in Vietnamese.
    refused = walkers[ROLES[2]].post(upload, attempts["no alt"])
    assert refused.status_code == 403
    found += problems(upload, refused.json()["error"])
    assert found == []


def test_forms_sent_back_with_errors_are_vietnamese(library, walkers):
    """The new admins' forms refusing what was sent: every message, the
    page around it and the notice at the top."""
    client = walkers["superuser"]
    image_add = admin_url(type(library["image"]), "add")
    document_add = admin_url(SourceDocument, "add")
    document = browser_payload(client.get(document_add))
    document.update(
        {
            "title": "Quyết định thử",
            "kind": "quyet-dinh",
            "issued_on": "31/02/2026",
            "files-TOTAL_FORMS": "1",
            "files-0-position": "0",
            "files-0-file": SimpleUploadedFile("phu-luc.pdf", XLSX),
        }
    )
    site = admin_url(SiteSettings, "change", library["site"].pk)
    site_data = browser_payload(client.get(site))
    site_data.update(email="khong-phai-email", phone="")
    sent = [
        (image_add, {"alt_text": "", "file": SimpleUploadedFile("a.jpg", b"x")}),
        (document_add, document),
        (admin_url(Tag, "add"), {"name": "", "slug": "khong hop le!"}),
        (site, site_data),
    ]
    found = []
    for url, data in sent:
        response = client.post(url, data)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Vui lòng sửa lỗi" in html, url
        found += problems(f"POST {url}", html)
    assert found == []


def test_the_comparison_of_two_chosen_versions_is_vietnamese(walkers):
    article = Article.objects.order_by("pk").first()
    article.title = f"{article.title} (sửa)"
    article.save()
    records = list(article.history.order_by("history_date"))
    url = reverse("admin:news_article_compare", args=[article.pk])
    url += f"?a={records[0].pk}&b={records[-1].pk}"
    found = []
    for role, client in walkers.items():
        response = client.get(url)
        if response.status_code == 200:
            found += [f"{role}: {p}" for p in problems(url, response.content.decode())]
    assert "(sửa)" in walkers["superuser"].get(url).content.decode()
    assert found == []
