"""Who may attach figures to stories, and publish corrections.

Editors and secretaries build data blocks in the article form (and need to
see the reference data their autocompletes offer); data staff attach
figures to stories from the data-block list. Secretaries publish
corrections.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BLOCK = [
    "funding.add_datablock",
    "funding.change_datablock",
    "funding.delete_datablock",
    "funding.view_datablock",
]
REFERENCE = [
    "funding.view_indicator",
    "funding.view_area",
    "funding.view_programmecontent",
    "funding.view_sourcedocument",
    "funding.view_figure",
]
CORRECTION = [
    "news.add_correction",
    "news.change_correction",
    "news.view_correction",
]
ROLES = {
    "Biên tập viên": BLOCK + REFERENCE + ["news.view_correction"],
    "Thư ký tòa soạn": BLOCK + REFERENCE + CORRECTION + ["news.delete_correction"],
    "Cán bộ số liệu": BLOCK + ["news.view_article"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0005_datablock_figurequote"),
        ("news", "0004_article_needs_figure_review_correction"),
        ("news", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
