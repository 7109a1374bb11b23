"""The data-block admin, news' since data blocks moved there: blocks
follow their article's rules."""

import lxml.html
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from funding.api import Area, ProgrammeContent
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article, DataBlock
from news.services import record_quotes
from tests.admin_forms import browser_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def block(reference_data):
    load_demo_content()
    return DataBlock.objects.order_by("pk").first()


def test_the_old_addresses_of_data_blocks_redirect_for_good(
    block, secretary_client, client
):
    admin = reverse("admin:index")
    moved = {
        "funding/datablock/": "news/datablock/",
        "funding/datablock/add/": "news/datablock/add/",
        f"funding/datablock/{block.pk}/change/?_changelist_filters=display%3Dtable": (
            f"news/datablock/{block.pk}/change/?_changelist_filters=display%3Dtable"
        ),
        f"funding/datablock/{block.pk}/delete/": f"news/datablock/{block.pk}/delete/",
    }
    for old, new in moved.items():
        response = client.get(admin + old)
        assert response.status_code == 301, old
        assert response["Location"] == admin + new
    # Followed by someone who may see it, the old address opens the block.
    page = secretary_client.get(admin + old.split("?")[0], follow=True)
    assert page.status_code == 200 and block.title in page.content.decode()
    assert reverse("admin:news_datablock_change", args=[block.pk]) == (
        f"{admin}news/datablock/{block.pk}/change/"
    )


def block_url(block, view="change"):
    return reverse(f"admin:news_datablock_{view}", args=[block.pk])


def block_form(client, block, **changes):
    """The block's form as the page gives it to ``client``, with changes."""
    return {**browser_payload(client.get(block_url(block))), **changes}


@pytest.fixture
def seed(demo):
    return Article.objects.get(slug=SEED_SLUG)


@pytest.mark.parametrize("role", ["Biên tập viên", "Cán bộ số liệu"])
@pytest.mark.parametrize("status", [Article.Status.PUBLISHED, Article.Status.WITHDRAWN])
def test_blocks_of_a_public_article_change_only_for_who_may_publish(
    seed, client, make_user, role, status
):
    Article.objects.filter(pk=seed.pk).update(status=status)
    block = seed.data_blocks.order_by("pk").first()
    secretary = Client()
    secretary.force_login(make_user("thuky_bang", "Thư ký tòa soạn"))
    data = block_form(secretary, block, title="Sửa lén")
    client.force_login(make_user("bang", role))
    page = client.get(block_url(block))
    assert page.status_code == 200
    assert 'name="title"' not in page.content.decode()  # read-only
    blocks = DataBlock.objects.count()

    assert client.post(block_url(block), data).status_code == 403
    assert client.post(block_url(block, "delete"), {"post": "yes"}).status_code == 403
    data.pop("opened_version", None)
    response = client.post(
        reverse("admin:news_datablock_add"), {**data, "title": "Bảng mới"}
    )
    assert response.status_code == 200
    assert "đã xuất bản hoặc đã gỡ" in " ".join(
        response.context["adminform"].form.errors["article"]
    )
    block.refresh_from_db()
    assert block.title != "Sửa lén"
    assert DataBlock.objects.count() == blocks
    if status == Article.Status.PUBLISHED:
        page = Client().get(seed.get_absolute_url()).content.decode()
        assert "Sửa lén" not in page and "Bảng mới" not in page


def test_who_may_publish_changes_the_blocks_of_a_published_article(
    seed, secretary_client
):
    block = seed.data_blocks.order_by("pk").first()
    data = block_form(secretary_client, block, title="Tiêu đề bảng mới")
    assert secretary_client.post(block_url(block), data).status_code == 302
    block.refresh_from_db()
    assert block.title == "Tiêu đề bảng mới"


def test_data_staff_attach_figures_to_a_draft(seed, data_client, make_user):
    draft = Article.objects.create(
        title="Bài nháp", lead="Sapo.", body="<p>Nội dung.</p>", category=seed.category
    )
    block = seed.data_blocks.order_by("pk").first()
    secretary = Client()
    secretary.force_login(make_user("thuky_nhap", "Thư ký tòa soạn"))
    data = block_form(secretary, block, article=draft.pk, title="Bảng của bài nháp")
    data.pop("opened_version", None)
    response = data_client.post(reverse("admin:news_datablock_add"), data)
    assert response.status_code == 302
    added = DataBlock.objects.get(article=draft)
    data = block_form(data_client, added, title="Đổi tên bảng")
    assert data_client.post(block_url(added), data).status_code == 302
    added.refresh_from_db()
    assert added.title == "Đổi tên bảng"


@pytest.mark.parametrize(
    ("role", "offered"), [("Cán bộ số liệu", False), ("Thư ký tòa soạn", True)]
)
def test_block_article_autocomplete_offers_what_the_role_may_change(
    seed, client, make_user, role, offered
):
    draft = Article.objects.create(
        title="Hội nghị nháp", lead="Sapo.", body="<p>x</p>", category=seed.category
    )
    client.force_login(make_user("tim_bai", role))
    found = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "news",
            "model_name": "datablock",
            "field_name": "article",
            "term": "Hội nghị",
        },
    ).json()["results"]
    ids = {int(result["id"]) for result in found}
    assert draft.pk in ids
    assert (seed.pk in ids) is offered


def test_a_block_changed_meanwhile_is_named_on_the_article_form(seed, make_user):
    url = reverse("admin:news_article_change", args=[seed.pk])
    desk, data = Client(), Client()
    desk.force_login(make_user("thuky_a", "Thư ký tòa soạn"))
    data.force_login(make_user("thuky_b", "Thư ký tòa soạn"))
    article_form = browser_payload(desk.get(url))
    block = seed.data_blocks.order_by("pk").first()
    changed = block_form(data, block, title="Bảng đã đổi tên")
    assert data.post(block_url(block), changed).status_code == 302

    response = desk.post(url, {**article_form, "lead": "Sapo mới."})

    assert response.status_code == 200
    message = str(response.context["adminform"].form.non_field_errors())
    assert "thuky_b" in message and "bảng số liệu" in message
    seed.refresh_from_db()
    assert seed.lead != "Sapo mới."


def test_the_article_form_reads_the_blocks_selections_at_once(seed, secretary_client):
    """The blocks' areas, indicators and sources are read for all the
    blocks at once (each form's initial values and its figure count)."""
    url = reverse("admin:news_article_change", args=[seed.pk])
    secretary_client.get(url)  # the site's chrome and templates, once

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert secretary_client.get(url).status_code == 200
        return len(captured)

    before = queries()
    block = seed.data_blocks.order_by("pk").first()
    for n in range(3):
        more = DataBlock.objects.create(
            article=seed,
            title=f"Bảng thêm {n}",
            year_from=block.year_from,
            year_to=block.year_to,
            content=block.content,
        )
        more.indicators.set(block.indicators.all())
        more.areas.set(block.areas.all())
        more.sources.set(block.sources.all())
    # The first look after the change checks the figures again (and keeps
    # the check: ``news.stored_checks``); compare with a look that need not.
    secretary_client.get(url)
    # Per block: its figure count only (the autocomplete widgets show the
    # chosen indicators, areas and content read with the blocks).
    assert queries() <= before + 3 * 1


def test_the_article_form_reads_the_stored_figure_check(seed, secretary_client):
    """Kept with the article when it was last checked, the figure check
    costs the form two queries (the stored check, the bindings) and no
    figure is read for it; the whole form stays within its query budget."""
    record_quotes(article=seed)  # as the article's save does
    url = reverse("admin:news_article_change", args=[seed.pk])
    secretary_client.get(url)  # the site's chrome and templates, once
    with CaptureQueriesContext(connection) as captured:
        assert secretary_client.get(url).status_code == 200
    sql = [query["sql"] for query in captured]
    assert sum("news_articlesnapshot" in q for q in sql) == 1
    assert sum("news_figurebinding" in q for q in sql) == 1
    assert not [q for q in sql if q.startswith('SELECT "funding_figure"."id"')]
    # 49 when the checker ran on every look and each block's autocomplete
    # widgets read their choices again.
    assert len(sql) <= 31, "\n".join(sql)


def test_each_block_shows_its_chosen_indicators_areas_and_content(
    seed, secretary_client
):
    url = reverse("admin:news_article_change", args=[seed.pk])
    page = lxml.html.fromstring(secretary_client.get(url).content.decode())
    blocks = list(seed.data_blocks.order_by("position", "pk"))
    assert blocks
    for index, block in enumerate(blocks):
        for field, chosen in (
            ("indicators", block.indicators.all()),
            ("areas", block.areas.all()),
            ("content", [block.content] if block.content_id else []),
        ):
            select = page.get_element_by_id(f"id_data_blocks-{index}-{field}")
            shown = [
                (o.get("value"), o.text_content())
                for o in select.iter("option")
                if o.get("selected") is not None
            ]
            assert shown == [(str(c.pk), str(c)) for c in chosen], (index, field)


def test_choices_submitted_with_an_error_are_shown_as_submitted(seed, secretary_client):
    """A form shown again shows what was chosen, not what is stored."""
    url = reverse("admin:news_article_change", args=[seed.pk])
    payload = browser_payload(secretary_client.get(url))
    block = seed.data_blocks.order_by("position", "pk").first()
    other = Area.objects.exclude(pk__in=block.areas.values("pk")).first()
    payload["data_blocks-0-areas"] = [str(other.pk)]
    payload["title"] = ""  # refused: a title is needed
    page = lxml.html.fromstring(secretary_client.post(url, payload).content)
    select = page.get_element_by_id("id_data_blocks-0-areas")
    shown = [
        o.get("value") for o in select.iter("option") if o.get("selected") is not None
    ]
    assert shown == [str(other.pk)]


def test_the_form_carries_one_empty_block_and_correction_to_add(seed, secretary_client):
    """The "add another" templates (each form set's empty form, built once
    a view) are in the page, a new block's content preset to "all"."""
    url = reverse("admin:news_article_change", args=[seed.pk])
    page = lxml.html.fromstring(secretary_client.get(url).content.decode())
    assert list(page.get_element_by_id("data_blocks-empty").iter("select"))
    assert page.get_element_by_id("corrections-empty") is not None
    content = page.get_element_by_id("id_data_blocks-__prefix__-content")
    [chosen] = [o for o in content.iter("option") if o.get("selected") is not None]
    everything = ProgrammeContent.objects.get(code=ProgrammeContent.ALL)
    assert chosen.get("value") == str(everything.pk)
