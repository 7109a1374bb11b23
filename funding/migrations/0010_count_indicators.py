"""The count indicators reports use (đề án, mô hình trình diễn, cơ sở công
nghiệp nông thôn, lượt người được đào tạo, hội chợ/triển lãm, sản phẩm được
bình chọn), from the reference module: the checker finds a count by its
noun. A database made after they joined the reference data has them
already; one that has an indicator of the same code keeps it."""

from django.db import migrations

from funding.core.reference import load_count_indicators


def add(apps, schema_editor):
    load_count_indicators(apps)


class Migration(migrations.Migration):
    dependencies = [("funding", "0009_period_identity_and_targets")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
