"""Control characters (C0 but tab and line breaks, DEL) and lone
surrogates never reach the database, whatever writes the text: the admin's
forms, a management command or shell (a model save), the figures' import.
XML 1.0 (the RSS feed, the sitemap) cannot hold them and PostgreSQL stores
no NUL; each becomes a space, as in the admin's forms."""

import pytest

from funding.imports import apply_import
from funding.imports.spreadsheets import LONG_HEADERS
from funding.models import Figure
from news.models import Article, Category, Tag
from tests.funding.imports.test_import_amounts import long_row
from tests.funding.imports.test_imports import csv_bytes, plan

pytestmark = pytest.mark.django_db

DIRTY = "Kinh phí\x0bkhuyến\x00công\x1f2024\ud800\x7f"
CLEAN = "Kinh phí khuyến công 2024  "


def test_a_model_save_stores_text_without_control_characters(category):
    article = Article.objects.create(
        title=DIRTY,
        lead=f"Dòng một\x0c\nDòng hai\t{DIRTY}",
        body="<p>Nội dung.</p>",
        category=category,
    )
    article.refresh_from_db()
    assert article.title == CLEAN
    assert article.lead == f"Dòng một \nDòng hai\t{CLEAN}"  # tab, line break kept


def test_every_project_model_is_cleaned_on_save():
    category = Category.objects.create(name=DIRTY, slug="kinh-phi")
    tag = Tag.objects.create(name=f"Thẻ\x08{DIRTY}", slug="the")
    category.refresh_from_db()
    tag.refresh_from_db()
    assert (category.name, tag.name) == (CLEAN, f"Thẻ {CLEAN}")


def test_an_imported_note_is_stored_without_control_characters(admin_user):
    p = plan(
        csv_bytes([LONG_HEADERS, [*long_row("5000000"), "Ghi\x0bchú\x1f!"]]),
        name="a.csv",
        confirmed=True,
    )
    assert p.errors == []
    apply_import(plan=p, user=admin_user)
    assert Figure.objects.get().note == "Ghi chú !"


@pytest.mark.parametrize("typed", ["\x01", "\x00\x02", " \x7f "])
def test_a_required_field_of_control_characters_only_is_empty(admin_client, typed):
    """Cleaned before it is stripped: nothing is left, and the form says the
    field is required instead of saving a name of spaces."""
    response = admin_client.post(
        "/admin/news/tag/add/", {"name": typed, "slug": "the-trong"}
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "Trường này là bắt buộc." in errors["name"]
    assert not Tag.objects.filter(slug="the-trong").exists()
