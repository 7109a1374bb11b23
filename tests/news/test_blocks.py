"""Figures in stories: data blocks on the article page, the figure page's
articles, the checker in the admin, the review list and corrections."""

import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from funding.models import Area, Figure, ImportRecord, Indicator
from news import page_keys
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article, ArticleSnapshot, Correction, DataBlock
from tests.admin_forms import opened_version

pytestmark = pytest.mark.django_db

REGION = "mien-trung-tay-nguyen"


@pytest.fixture
def seed(reference_data):
    load_demo_content()
    return Article.objects.get(slug=SEED_SLUG)


#: The article page read from its snapshot (see below).
PAGE_QUERIES = 1


def seed_figure(**dims) -> Figure:
    defaults = {
        "area__code": REGION,
        "indicator__code": "kinh-phi-khuyen-cong",
        "fund": "all",
        "period_kind": "year",
    }
    return Figure.objects.get(**{**defaults, **dims})


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_demo_blocks_show_every_seed_figure(seed):
    shown = set()
    for block in DataBlock.objects.filter(article=seed):
        shown |= set(block.figures().values_list("pk", flat=True))
    assert shown == set(Figure.objects.values_list("pk", flat=True))
    assert Figure.objects.count() == 16


@pytest.mark.parametrize(
    "choice",
    [
        {},
        {"funds": "kcqg,kcdp"},
        {"funds": "all", "measures": "plan"},
        {"measures": "executed,estimate", "period_kind": "year"},
        {"period_kind": "months"},
        {"year_from": 2022, "year_to": 2022},
        {"year_from": 2020, "year_to": 2020},
        {"sources": True},
        {"areas": "nation"},
        {"indicators": "none"},
    ],
)
def test_blocks_read_together_select_what_each_block_reads_alone(seed, choice):
    # The article page reads all its blocks' figures in one query and sorts
    # them out with Selection.matches: it must agree with each block's own
    # query, whatever the selection.
    block = DataBlock.objects.filter(article=seed).first()
    block.pk = None
    block.funds = choice.get("funds", "")
    block.measures = choice.get("measures", "")
    block.period_kind = choice.get("period_kind", "")
    block.year_from = choice.get("year_from", 2021)
    block.year_to = choice.get("year_to", 2022)
    block.save()
    areas = Area.objects.filter(figures__isnull=False).distinct()
    if choice.get("areas") == "nation":
        areas = areas.filter(kind=Area.Kind.NATION)
    block.areas.set(areas)
    if choice.get("indicators") != "none":
        block.indicators.set(Indicator.objects.filter(figures__isnull=False))
    if choice.get("sources"):
        block.sources.set([Figure.objects.order_by("pk").first().source])
    blocks = list(
        DataBlock.objects.filter(article=seed).prefetch_related(
            "areas", "indicators", "sources"
        )
    )
    together = DataBlock.figures_of(blocks)
    for each in blocks:
        assert [f.pk for f in together[each.pk]] == [f.pk for f in each.figures()]
    assert DataBlock.figures_of([]) == {}


def test_article_page_places_blocks_and_computes(seed, client):
    html = client.get(seed.get_absolute_url()).content.decode()
    blocks = list(DataBlock.objects.filter(article=seed))
    first, second, third = (html.index(f'id="{b.anchor}"') for b in blocks)
    # The first two where their markers are, the third at the end.
    assert html.index("Một số địa phương bố trí") < first
    assert first < html.index("Tổng kế hoạch kinh phí khuyến công năm 2022") < second
    assert second < html.index("Về hoạt động tư vấn") < third
    assert "[bang-so-lieu:" not in html
    section = html[first:second]
    text = text_of(section)
    assert "<caption id=" in section and 'scope="col"' in section
    assert 'scope="row"' in section
    assert "95,24%" in text and "48,79 / 51,23" in text  # ratio to plan
    assert "22,69%" in text and "11,07 / 48,79" in text  # share of all sources
    assert "23,76%" in text and "37,73 / 158,79" in text  # share of the nation
    # The chart carries its text alternative.
    assert "<title id=" in section and "<desc id=" in section
    assert "thực hiện 48,79 tỷ đồng" in section
    # Each figure's source, and the links.
    assert reverse("funding:source", args=[blocks[0].figures()[0].source_id]) in section
    assert f"/so-lieu/bang/{blocks[0].pk}.csv" in section
    assert "/so-lieu/?year=2021&amp;area=mien-trung-tay-nguyen" in section
    assert "Xem trên trang số liệu" in section and "Tải dữ liệu" in section
    # Changes against the previous year, inside the consulting block.
    consulting = text_of(html[third:])
    assert " 4,78 " in consulting and "(đơn vị: tỷ đồng)" in consulting


def test_a_corrected_figure_corrects_the_story(seed, client):
    figure = seed_figure(year=2021, measure="executed")
    figure.value = Decimal("49_120_000_000")
    figure.save()
    text = text_of(client.get(seed.get_absolute_url()).content.decode())
    assert "49,12 tỷ đồng" in text and "95,88%" in text


def test_article_page_queries_do_not_grow_with_blocks(
    seed, client, django_assert_max_num_queries
):
    url = seed.get_absolute_url()
    client.get(url)
    # Stored (news.snapshots): the article with its computed parts (its
    # tags and related documents among them); the chrome, the most-read
    # list and the related articles' cards are kept by each process
    # (news.site.shared, news.related) since the first request.
    with django_assert_max_num_queries(PAGE_QUERIES):
        client.get(url)
    # Computed again after a change: its blocks with their selections (4),
    # all their figures (1), its body, corrections and quotes (with their
    # figures' sources), its body's library images, and the write of the
    # result, beside the page's other queries (PAGE_QUERIES).
    ArticleSnapshot.objects.filter(article=seed).update(generation=F("generation") + 1)
    with django_assert_max_num_queries(15) as counted:
        client.get(url)
    before = len(counted.captured_queries)
    block = DataBlock.objects.filter(article=seed).first()
    block.areas.add(*Area.objects.filter(kind="province")[:10])
    with django_assert_max_num_queries(before):
        client.get(url)
    with django_assert_max_num_queries(PAGE_QUERIES):
        client.get(url)


def test_block_csv_is_the_long_layout(seed, client):
    block = DataBlock.objects.filter(article=seed).first()
    response = client.get(reverse("news:block_csv", args=[block.pk]))
    assert response.status_code == 200
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeffChỉ tiêu,Địa bàn")
    assert len(body.strip().splitlines()) == 1 + block.figures().count()
    seed.status = Article.Status.DRAFT
    seed.save()
    assert client.get(reverse("news:block_csv", args=[block.pk])).status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_block_csv_answers_only_get_and_head(seed, client, method):
    url = reverse("news:block_csv", args=[DataBlock.objects.filter(article=seed)[0].pk])
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert client.head(url).status_code == 200


def test_figure_page_lists_the_articles_that_use_it(seed, client):
    figure = seed_figure(year=2021, measure="executed")
    page = client.get(figure.get_absolute_url()).content.decode()
    assert seed.title in page
    other = Figure.objects.create(
        indicator=figure.indicator,
        area=Area.objects.get(code="vn"),
        fund="all",
        content=figure.content,
        year=2019,
        period_kind="year",
        period_end=figure.period_end.replace(year=2019),
        measure="plan",
        value=1,
        source=figure.source,
    )
    page = client.get(other.get_absolute_url()).content.decode()
    assert seed.title not in page and "Chưa có bài viết nào" in page
    # A draft using it is not listed.
    seed.status = Article.Status.DRAFT
    seed.save()
    assert seed.title not in client.get(figure.get_absolute_url()).content.decode()


# --- the admin ------------------------------------------------------------


def article_form(article, **overrides):
    when = timezone.localtime(article.published_at or timezone.now())
    data = {
        "title": article.title,
        "slug": article.slug,
        "category": article.category_id,
        "lead": article.lead,
        "body": article.body,
        "cover_alt": article.cover_alt,
        "cover_caption": article.cover_caption,
        "status": article.status,
        "published_at_0": when.strftime("%d/%m/%Y"),
        "published_at_1": when.strftime("%H:%M:%S"),
        "author": "",
        "byline": "",
    }
    for prefix, objects in (
        ("images", []),
        ("data_blocks", list(article.data_blocks.all())),
        ("corrections", []),
    ):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(objects)),
                f"{prefix}-INITIAL_FORMS": str(len(objects)),
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for n, block in enumerate(objects):
            data.update(
                {
                    f"{prefix}-{n}-id": block.pk,
                    f"{prefix}-{n}-article": article.pk,
                    f"{prefix}-{n}-title": block.title,
                    f"{prefix}-{n}-position": block.position,
                    f"{prefix}-{n}-indicators": [i.pk for i in block.indicators.all()],
                    f"{prefix}-{n}-areas": [a.pk for a in block.areas.all()],
                    f"{prefix}-{n}-year_from": block.year_from,
                    f"{prefix}-{n}-year_to": block.year_to,
                    f"{prefix}-{n}-period_kind": block.period_kind,
                    f"{prefix}-{n}-funds": block.fund_list,
                    f"{prefix}-{n}-measures": block.measure_list,
                    f"{prefix}-{n}-content": block.content_id,
                    f"{prefix}-{n}-display": block.display,
                    f"{prefix}-{n}-note": block.note,
                }
            )
    data.update(overrides)
    return data


def story_showing(figure, category) -> Article:
    """A published story whose one block shows ``figure``'s area and year
    (and which does not quote it)."""
    story = Article.objects.create(
        title=f"Kinh phí khuyến công năm {figure.year}",
        category=category,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=1),
    )
    block = DataBlock.objects.create(
        article=story,
        title=str(figure.year),
        year_from=figure.year,
        year_to=figure.year,
        content=figure.content,
    )
    block.indicators.set([figure.indicator])
    block.areas.set([figure.area])
    return story


def test_a_figure_moved_to_another_year_flags_the_story_that_showed_it(seed, make_user):
    """Its year edited in the admin: a story whose block showed it where it
    was (and does not quote it) shows another set of figures now."""
    figure = seed_figure(year=2022, measure="plan", fund="kcqg")
    story = story_showing(figure, seed.category)
    staff = Client()
    staff.force_login(make_user("solieu_move", "Cán bộ số liệu"))
    url = reverse("admin:funding_figure_change", args=[figure.pk])
    response = staff.post(
        url,
        {
            "opened_version": opened_version(staff, url),
            "indicator": figure.indicator_id,
            "area": figure.area_id,
            "fund": figure.fund,
            "content": figure.content_id,
            "year": 2019,
            "period_kind": figure.period_kind,
            "period_end": figure.period_end.replace(year=2019).strftime("%d/%m/%Y"),
            "measure": figure.measure,
            "value": "29,21 tỷ",
            "rounding": "0",
            "source": figure.source_id,
            "note": "",
        },
        follow=True,
    )
    assert "cần rà soát số liệu" in response.content.decode()
    story.refresh_from_db()
    assert story.needs_figure_review


def test_a_figure_moved_outside_the_admin_re_renders_the_story_that_showed_it(
    seed,
):
    """Saved from a script: the page cache's keys of the figure name the
    story whose block showed it where it was."""
    figure = seed_figure(year=2022, measure="plan", fund="kcqg")
    story = story_showing(figure, seed.category)
    figure.year, figure.period_end = 2019, figure.period_end.replace(year=2019)
    figure.save()
    assert f"article:{story.pk}" in page_keys.figure_keys(figure)
    figure.value += 1  # saved again where it is now: the story no longer shows it
    figure.save()
    assert f"article:{story.pk}" not in page_keys.figure_keys(figure)


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def test_editor_attaches_a_block_by_dimensions(seed, editor_client):
    draft = Article.objects.create(
        title="Kinh phí khuyến công quốc gia 2021",
        category=seed.category,
        lead="Sapo.",
        status=Article.Status.DRAFT,
        body="<p>Năm 2021, kinh phí khuyến công quốc gia thực hiện 11,07 tỷ đồng.</p>",
    )
    data = article_form(draft)
    data.update(
        {
            "opened_version": opened_version(editor_client, change_url(draft)),
            "data_blocks-TOTAL_FORMS": "1",
            "data_blocks-0-title": "KCQG và KCĐP năm 2021",
            "data_blocks-0-position": "0",
            "data_blocks-0-indicators": [
                Indicator.objects.get(code="kinh-phi-khuyen-cong").pk
            ],
            "data_blocks-0-areas": [Area.objects.get(code=REGION).pk],
            "data_blocks-0-year_from": "2021",
            "data_blocks-0-year_to": "2021",
            "data_blocks-0-period_kind": "",
            "data_blocks-0-funds": ["kcqg", "kcdp"],
            "data_blocks-0-measures": ["executed"],
            "data_blocks-0-content": seed.data_blocks.first().content_id,
            "data_blocks-0-display": "table",
            "data_blocks-0-note": "",
        }
    )
    response = editor_client.post(change_url(draft), data)
    assert response.status_code == 302, response.context["errors"]
    block = DataBlock.objects.get(article=draft)
    assert block.funds == "kcqg,kcdp"
    assert sorted(block.figures().values_list("value", flat=True)) == [
        Decimal("11070000000.00"),
        Decimal("37730000000.00"),
    ]
    # The quote is now checked, and recorded against the figure it quotes.
    page = editor_client.get(change_url(draft)).content.decode()
    assert "<mark>11,07 tỷ đồng</mark>" in page
    assert "1 số được trích: 1 khớp" in page
    assert draft.figure_quotes.get().figure == seed_figure(
        year=2021, measure="executed", fund="kcqg"
    )


def test_publishing_a_mismatch_needs_confirmation_recorded_in_history(
    seed, secretary_client
):
    wrong = seed.body.replace("95,24%", "59,24%")
    data = article_form(seed, body=wrong)
    data["opened_version"] = opened_version(secretary_client, change_url(seed))
    response = secretary_client.post(change_url(seed), data)
    assert response.status_code == 200
    error = " ".join(response.context["adminform"].form.errors["confirm_mismatch"])
    assert "59,24%" in error and "48,79 / 51,23" in error
    seed.refresh_from_db()
    assert "95,24%" in seed.body
    response = secretary_client.post(
        change_url(seed), {**data, "confirm_mismatch": "on"}
    )
    assert response.status_code == 302
    seed.refresh_from_db()
    assert "59,24%" in seed.body
    reason = seed.history.first().history_change_reason
    assert reason.startswith("Xuất bản dù số liệu không khớp (đã xác nhận)")
    # A draft with the same text saves without asking.
    data = article_form(seed, body=wrong, status=Article.Status.DRAFT)
    data["opened_version"] = opened_version(secretary_client, change_url(seed))
    assert secretary_client.post(change_url(seed), data).status_code == 302


def test_publish_action_holds_articles_with_a_mismatch(seed, secretary_client):
    Article.objects.filter(pk=seed.pk).update(
        status=Article.Status.REVIEW, body=seed.body.replace("95,24%", "59,24%")
    )
    response = secretary_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_selected", "_selected_action": [seed.pk]},
        follow=True,
    )
    assert "Chưa xuất bản" in response.content.decode()
    seed.refresh_from_db()
    assert seed.status == Article.Status.REVIEW


def test_a_changed_figure_puts_the_story_on_the_review_list(
    seed, secretary_client, make_user
):
    staff = Client()
    staff.force_login(make_user("solieu_review", "Cán bộ số liệu"))
    figure = seed_figure(year=2022, measure="plan", fund="kcqg")
    url = reverse("admin:funding_figure_change", args=[figure.pk])
    response = staff.post(
        url,
        {
            "opened_version": opened_version(staff, url),
            "indicator": figure.indicator_id,
            "area": figure.area_id,
            "fund": figure.fund,
            "content": figure.content_id,
            "year": figure.year,
            "period_kind": figure.period_kind,
            "period_end": figure.period_end.strftime("%d/%m/%Y"),
            "measure": figure.measure,
            "value": "29,5 tỷ",
            "rounding": "0",
            "source": figure.source_id,
            "note": "",
        },
        follow=True,
    )
    assert "cần rà soát số liệu" in response.content.decode()
    seed.refresh_from_db()
    assert seed.needs_figure_review
    listing = secretary_client.get(
        reverse("admin:news_article_changelist") + "?needs_figure_review__exact=1"
    ).content.decode()
    assert seed.title in listing
    # The secretary publishes a correction: dated at the top of the article.
    # The text still quotes the old 29,21 (and what follows from it): saving
    # the published article asks for the confirmation, given here.
    data = article_form(seed, confirm_mismatch="on")
    data.update(
        {
            "opened_version": opened_version(secretary_client, change_url(seed)),
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-text": "Kế hoạch KCQG năm 2022 của khu vực là 29,5 tỷ đồng.",
            "corrections-0-published_at_0": timezone.localtime().strftime("%d/%m/%Y"),
            "corrections-0-published_at_1": (
                timezone.localtime() - timedelta(minutes=1)
            ).strftime("%H:%M:%S"),
        }
    )
    response = secretary_client.post(change_url(seed), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    seed.refresh_from_db()
    assert not seed.needs_figure_review
    correction = Correction.objects.get(article=seed)
    page = Client().get(seed.get_absolute_url()).content.decode()
    top = page.index('class="corrections"')
    assert top < page.index('class="lead article-lead"')
    assert "Kế hoạch KCQG năm 2022 của khu vực là 29,5 tỷ đồng." in page
    assert timezone.localtime(correction.published_at).strftime("%d/%m/%Y") in page


def test_an_import_puts_the_story_on_the_review_list(seed, make_user):
    from funding.imports import apply_import, plan_file

    book = Workbook()
    book.active.append(
        ["Tỉnh, thành phố", "Năm", "Kỳ", "Nguồn kinh phí", "Thực hiện (tỷ đồng)"]
    )
    book.active.append(["Miền Trung - Tây Nguyên", 2022, "7 tháng", "KCQG", "3,6"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = seed_figure(year=2021, measure="executed").source
    plan = plan_file(buffer.getvalue(), file_name="sua.xlsx", source=source)
    assert plan.errors == [] and plan.count_changed == 1
    record = apply_import(plan=plan, user=make_user("solieu_imp", "Cán bộ số liệu"))
    seed.refresh_from_db()
    assert seed.needs_figure_review
    assert ImportRecord.objects.get() == record
    # An article that neither shows nor quotes it stays off the list.
    assert not Article.objects.exclude(pk=seed.pk).filter(needs_figure_review=True)


# --- which blocks read a figure ---------------------------------------------


def test_a_code_is_matched_whole_not_as_part_of_another(seed):
    # Funds and measures are stored as comma-separated codes: a figure whose
    # code is only part of a block's code ("exec" of "executed") is not the
    # block's, at the start, in the middle or at the end of the list.
    block = DataBlock.objects.filter(article=seed).first()
    figure = seed_figure(year=2021, measure="executed")
    for measures in (
        "executed",
        "plan,executed",
        "executed,plan",
        "plan,executed,estimate",
    ):
        DataBlock.objects.filter(pk=block.pk).update(measures=measures)
        assert block in DataBlock.objects.showing(figure)
        for part in ("exec", "cuted", "xecute"):
            figure.measure = part
            assert block not in DataBlock.objects.showing(figure), (measures, part)
        figure.measure = "executed"
    DataBlock.objects.filter(pk=block.pk).update(measures="")
    figure.measure = "exec"
    assert block in DataBlock.objects.showing(figure)  # none chosen: every one


def test_a_story_showing_a_derived_total_is_flagged_when_an_input_changes(seed, client):
    from funding.api import figures_changed

    kcqg = seed_figure(year=2021, measure="executed", fund="kcqg")
    # The article's only block shows all sources of 2021; remove the stored
    # total so that it shows the one derived from KCQG and KCĐP.
    seed_figure(year=2021, measure="executed").delete()
    DataBlock.objects.filter(article=seed).exclude(
        pk=DataBlock.objects.filter(article=seed).first().pk
    ).delete()
    DataBlock.objects.filter(article=seed).update(funds="all", measures="executed")
    Article.objects.filter(pk=seed.pk).update(needs_figure_review=False)
    text = text_of(client.get(seed.get_absolute_url()).content.decode())
    # The unit is said once, in the caption; the cell is a number in it.
    assert "(đơn vị: tỷ đồng)" in text and "48,8 tính ra: 11,07 + 37,73" in text

    figures_changed.send(sender=Figure, figures=Figure.objects.filter(pk=kcqg.pk))
    seed.refresh_from_db()
    assert seed.needs_figure_review
    # And the KCQG figure's page names the story among those using it.
    assert seed.title in client.get(kcqg.get_absolute_url()).content.decode()


@pytest.mark.parametrize("display", ["table", "chart", "highlight"])
def test_each_display_shows_its_own(seed, client, display):
    block = DataBlock.objects.filter(article=seed).first()
    DataBlock.objects.filter(pk=block.pk).update(display=display)
    html = client.get(seed.get_absolute_url()).content.decode()
    section = html[html.index(f'id="{block.anchor}"') :]
    section = section[: section.index("</section>")]
    assert section.count('<table class="data">') == 1  # every display: the table
    assert ('class="chart-figure"' in section) == (display == "chart")
    assert ('class="highlight-figure"' in section) == (display == "highlight")
    if display == "highlight":
        # The first figure of the table, with its ratio to plan.
        highlight = text_of(section[: section.index("<table")])
        assert "48,79 tỷ đồng Miền Trung - Tây Nguyên – Tất cả nguồn – Năm 2021" in (
            highlight
        )
        assert "đạt 95,24% 48,79 / 51,23 kế hoạch" in highlight
    assert "Tải dữ liệu" in section and block.note in section


def test_a_block_download_reads_its_figures_once(
    seed, client, django_assert_max_num_queries
):
    block = DataBlock.objects.filter(article=seed).first()
    block.areas.add(*Area.objects.filter(kind="province")[:10])
    url = reverse("news:block_csv", args=[block.pk])
    # The article check, the block, its three relations, its figures.
    with django_assert_max_num_queries(7):
        response = client.get(url)
    assert len(response.content.decode().strip().splitlines()) == 1 + len(
        block.figures()
    )


def test_a_block_of_years_no_figure_can_have_is_refused_on_its_fields(seed):
    block = seed.data_blocks.first()
    block.year_from, block.year_to = 0, 10000
    with pytest.raises(ValidationError) as refused:
        block.full_clean()
    assert "từ 1990" in refused.value.message_dict["year_from"][0]
    assert "sau 2100" in refused.value.message_dict["year_to"][0]
