"""funding 0014 makes the figures' sources documents of the library: every
row keeps its values and every link (figures, data blocks, the article it
points to), and gains a slug, a kind read from its title, and publication
(sources were public at /so-lieu/nguon/)."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from funding.models import Figure, SourceDocument
from news.models import Article, DataBlock

BEFORE = [
    ("funding", "0013_merge_count_indicators_import_names_regions"),
    ("news", "0007_figure_bindings"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def make_old_rows(old) -> dict:
    Category = old.get_model("news", "Category")
    OldArticle = old.get_model("news", "Article")
    Source = old.get_model("funding", "SourceDocument")
    category = Category.objects.create(name="Tin", slug="tin")
    article = OldArticle.objects.create(
        title="Bài gốc",
        slug="bai-goc",
        lead="Sapo",
        body="<p>x</p>",
        category=category,
        status="published",
        published_at=datetime(2024, 12, 2, tzinfo=UTC),
    )
    report = Source.objects.create(
        title="Báo cáo kết quả khuyến công 2024",
        number="12/BC-SCT",
        issuer="Sở Công Thương",
        issued_on=date(2024, 12, 1),
        article=article,
        url="https://example.org/bc",
        note="Ghi chú cũ",
    )
    twin = Source.objects.create(
        title="Báo cáo kết quả khuyến công 2024", number="12/BC-SCT"
    )
    Figure_ = old.get_model("funding", "Figure")
    figure = Figure_.objects.create(
        indicator=old.get_model("funding", "Indicator").objects.create(
            code="thu-nghiem", name="Chỉ tiêu thử nghiệm", unit="vnd"
        ),
        area=old.get_model("funding", "Area").objects.create(
            code="tinh-thu",
            slug="tinh-thu",
            name="Tỉnh Thử",
            short_name="Thử",
            kind="province",
        ),
        content=old.get_model("funding", "ProgrammeContent").objects.create(
            code="noi-dung-thu", name="Nội dung thử"
        ),
        fund="all",
        year=2024,
        period_kind="year",
        period_end=date(2024, 12, 31),
        measure="plan",
        value=Decimal("1000"),
        source=twin,
    )
    block = old.get_model("news", "DataBlock").objects.create(
        article=article,
        year_from=2024,
        year_to=2024,
        title="Bảng",
        content=figure.content,
    )
    block.sources.add(report, twin)
    return {
        "report": report.pk,
        "twin": twin.pk,
        "figure": figure.pk,
        "block": block.pk,
        "article": article.pk,
    }


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_source_and_link():
    old = migrate(BEFORE)
    ids = make_old_rows(old)
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    report = SourceDocument.objects.get(pk=ids["report"])
    twin = SourceDocument.objects.get(pk=ids["twin"])
    assert (report.title, report.number, report.issuer, report.issued_on) == (
        "Báo cáo kết quả khuyến công 2024",
        "12/BC-SCT",
        "Sở Công Thương",
        date(2024, 12, 1),
    )
    assert (report.url, report.note, report.article_id) == (
        "https://example.org/bc",
        "Ghi chú cũ",
        ids["article"],
    )
    assert Figure.objects.get(pk=ids["figure"]).source == twin
    block = DataBlock.objects.get(pk=ids["block"])
    assert set(block.sources.values_list("pk", flat=True)) == {report.pk, twin.pk}
    assert Article.objects.get(pk=ids["article"]).source_documents.get() == report
    # Now documents of the library: found, with their own pages.
    assert report.slug == "12-bc-sct-bao-cao-ket-qua-khuyen-cong-2024"
    assert twin.slug == report.slug + "-2"
    assert report.kind == twin.kind == SourceDocument.Kind.REPORT
    assert set(SourceDocument.objects.published().search("bao cao khuyen cong")) >= {
        report,
        twin,
    }
