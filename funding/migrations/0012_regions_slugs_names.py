"""Every region of both divisions with its members from 2015, membership
dates inside a year (the 2025 merger on 1/7), areas' former names and
readable slugs: ``funding.core.regions`` makes the data."""

from django.db import migrations, models

from funding.core import regions


def load_regions(apps, schema_editor):
    regions.load_regions(apps)


def unload_regions(apps, schema_editor):
    """Back to the seed's one region and its members of 2021-2022."""
    Area = apps.get_model("funding", "Area")
    Membership = apps.get_model("funding", "RegionMembership")
    Membership.objects.exclude(
        region__code="mien-trung-tay-nguyen", year__in=[2021, 2022]
    ).delete()
    Area.objects.filter(kind="region").exclude(code="mien-trung-tay-nguyen").delete()


class Migration(migrations.Migration):
    # The data is written in its own transaction, committed before the slug
    # becomes unique: PostgreSQL alters no table with constraint checks
    # still pending.
    atomic = False

    dependencies = [
        ("funding", "0009_period_identity_and_targets"),
    ]

    operations = [
        migrations.AddField(
            model_name="area",
            name="grouping",
            field=models.CharField(
                blank=True,
                choices=[
                    ("khuyen-cong", "Khu vực khuyến công"),
                    ("kinh-te-xa-hoi", "Vùng kinh tế - xã hội"),
                ],
                help_text="Với khu vực: thuộc cách chia nào.",
                max_length=20,
                verbose_name="cách chia vùng",
            ),
        ),
        migrations.AddField(
            model_name="area",
            name="slug",
            field=models.SlugField(
                db_index=False, max_length=80, null=True, verbose_name="đường dẫn"
            ),
        ),
        migrations.AddField(
            model_name="regionmembership",
            name="valid_from",
            field=models.DateField(
                blank=True,
                help_text="Trống: từ đầu năm.",
                null=True,
                verbose_name="từ ngày",
            ),
        ),
        migrations.AddField(
            model_name="regionmembership",
            name="valid_to",
            field=models.DateField(
                blank=True,
                help_text="Trống: đến hết năm.",
                null=True,
                verbose_name="đến ngày",
            ),
        ),
        migrations.AddConstraint(
            model_name="regionmembership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("valid_from__isnull", True),
                        ("valid_from__year", models.F("year")),
                        _connector="OR",
                    ),
                    models.Q(
                        ("valid_to__isnull", True),
                        ("valid_to__year", models.F("year")),
                        _connector="OR",
                    ),
                ),
                name="funding_membership_dates_in_year",
            ),
        ),
        migrations.CreateModel(
            name="AreaName",
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
                ("name", models.CharField(max_length=120, verbose_name="tên đầy đủ")),
                (
                    "short_name",
                    models.CharField(max_length=80, verbose_name="tên ngắn"),
                ),
                ("used_until", models.DateField(verbose_name="dùng đến ngày")),
                (
                    "source",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="văn bản đổi tên"
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        on_delete=models.deletion.CASCADE,
                        related_name="former_names",
                        to="funding.area",
                        verbose_name="địa bàn",
                    ),
                ),
            ],
            options={
                "verbose_name": "tên cũ của địa bàn",
                "verbose_name_plural": "tên cũ của địa bàn",
                "ordering": ["area", "used_until"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("area", "used_until"), name="funding_areaname_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(load_regions, unload_regions, atomic=True),
        migrations.AlterField(
            model_name="area",
            name="slug",
            field=models.SlugField(
                help_text="Phần cuối địa chỉ trang, vd. “ninh-thuan”.",
                max_length=80,
                unique=True,
                verbose_name="đường dẫn",
            ),
        ),
    ]
