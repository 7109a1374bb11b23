"""Data blocks and figure quotes, until now ``funding``'s, become ``news``'s:
stories own their figures.

No table changes: the models keep their tables (``funding_datablock``, its
three many-to-many tables and ``funding_figurequote``) and every row. Their
content types move to ``news`` (the row is updated, not replaced), so the
permissions on them, the groups and users holding those permissions and
the admin's log entries follow them: ``funding.change_datablock`` is
``news.change_datablock`` from now on, held by whoever held it.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = ("datablock", "figurequote")


def _references(apps, target):
    """(model, field) of every historical model's foreign key to ``target``."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is target:
                yield model, field


def _memberships(apps, Permission):
    """(through model, owner field, permission field) of every many-to-many
    to Permission (groups', users')."""
    for model in apps.get_models():
        for field in model._meta.local_many_to_many:
            if field.related_model is Permission:
                yield (
                    field.remote_field.through,
                    field.m2m_field_name(),
                    field.m2m_reverse_field_name(),
                )


def _merge(apps, db, old, new):
    """Both content types exist (code of this release ran before this
    migration and made the new one): keep the new one and move to it
    everything that points to the old one, so that nothing is lost."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.using(db).filter(content_type=old):
        twin = (
            Permission.objects.using(db)
            .filter(content_type=new, codename=permission.codename)
            .first()
        )
        if twin is None:
            permission.content_type = new
            permission.save(using=db, update_fields=["content_type"])
            continue
        for through, owner, perm in _memberships(apps, Permission):
            rows = through.objects.using(db).filter(**{perm: permission})
            for row in rows:
                holder = getattr(row, f"{owner}_id")
                has_twin = through.objects.using(db).filter(
                    **{owner: holder, perm: twin}
                )
                if has_twin.exists():
                    row.delete()
                else:
                    through.objects.using(db).filter(pk=row.pk).update(**{perm: twin})
        permission.delete()
    for model, field in _references(apps, ContentType):
        model._base_manager.using(db).filter(**{field.name: old}).update(
            **{field.name: new}
        )
    old.delete()


def _move(apps, schema_editor, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        old = (
            ContentType.objects.using(db).filter(app_label=source, model=model).first()
        )
        if old is None:
            continue  # never made: Django makes the new one after migrating
        new = (
            ContentType.objects.using(db).filter(app_label=target, model=model).first()
        )
        if new is None:
            old.app_label = target
            old.save(using=db, update_fields=["app_label"])
        else:
            _merge(apps, db, old, new)


def to_news(apps, schema_editor):
    _move(apps, schema_editor, "funding", "news")


def back_to_funding(apps, schema_editor):
    _move(apps, schema_editor, "news", "funding")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_article_needs_figure_review_correction"),
        ("funding", "0007_datablock_figurequote_to_news"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DataBlock",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, verbose_name="tạo lúc"
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(
                                auto_now=True, verbose_name="cập nhật lúc"
                            ),
                        ),
                        (
                            "position",
                            models.PositiveSmallIntegerField(
                                default=0, verbose_name="thứ tự"
                            ),
                        ),
                        (
                            "title",
                            models.CharField(
                                max_length=200, verbose_name="tiêu đề bảng"
                            ),
                        ),
                        (
                            "year_from",
                            models.PositiveSmallIntegerField(verbose_name="từ năm"),
                        ),
                        (
                            "year_to",
                            models.PositiveSmallIntegerField(verbose_name="đến năm"),
                        ),
                        (
                            "period_kind",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("year", "Cả năm"),
                                    ("months", "Các tháng đầu năm"),
                                    ("to_date", "Đến ngày"),
                                ],
                                help_text="Để trống: mọi kỳ (cả năm và các tháng đầu năm).",
                                max_length=10,
                                verbose_name="kỳ",
                            ),
                        ),
                        (
                            "funds",
                            models.CharField(
                                blank=True, max_length=30, verbose_name="nguồn kinh phí"
                            ),
                        ),
                        (
                            "measures",
                            models.CharField(
                                blank=True, max_length=30, verbose_name="loại số liệu"
                            ),
                        ),
                        (
                            "display",
                            models.CharField(
                                choices=[
                                    ("table", "Bảng"),
                                    ("chart", "Bảng và biểu đồ cột"),
                                    ("highlight", "Một số liệu nổi bật"),
                                ],
                                default="table",
                                max_length=10,
                                verbose_name="cách hiển thị",
                            ),
                        ),
                        ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                        (
                            "areas",
                            models.ManyToManyField(
                                related_name="data_blocks",
                                to="funding.area",
                                verbose_name="địa bàn",
                            ),
                        ),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="data_blocks",
                                to="news.article",
                                verbose_name="bài viết",
                            ),
                        ),
                        (
                            "content",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="data_blocks",
                                to="funding.programmecontent",
                                verbose_name="nội dung",
                            ),
                        ),
                        (
                            "indicators",
                            models.ManyToManyField(
                                related_name="data_blocks",
                                to="funding.indicator",
                                verbose_name="chỉ tiêu",
                            ),
                        ),
                        (
                            "sources",
                            models.ManyToManyField(
                                blank=True,
                                help_text="Để trống: mọi nguồn.",
                                related_name="data_blocks",
                                to="funding.sourcedocument",
                                verbose_name="văn bản nguồn",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "bảng số liệu",
                        "verbose_name_plural": "bảng số liệu",
                        "db_table": "funding_datablock",
                        "ordering": ["article", "position", "pk"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("year_from__lte", models.F("year_to"))
                                ),
                                name="funding_datablock_years_in_order",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="FigureQuote",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "quoted",
                            models.CharField(max_length=100, verbose_name="trích"),
                        ),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="figure_quotes",
                                to="news.article",
                            ),
                        ),
                        (
                            "figure",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="quotes",
                                to="funding.figure",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "số liệu được trích",
                        "verbose_name_plural": "số liệu được trích",
                        "db_table": "funding_figurequote",
                        "ordering": ["article", "figure"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("article", "figure", "quoted"),
                                name="funding_quote_unique",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(to_news, back_to_funding),
    ]
