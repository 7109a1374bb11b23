"""Who manages the documents library: data staff (the figures' sources are
documents) and secretaries (who publish the centre's documents); editors
see documents, to relate them to their articles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MANAGE = [
    f"funding.{action}_{model}"
    for model in ("sourcedocument", "documentfile")
    for action in ("add", "change", "view")
]
ROLES = {
    "Biên tập viên": ["funding.view_documentfile"],
    "Thư ký tòa soạn": MANAGE + ["funding.view_documentfile"],
    "Cán bộ số liệu": [
        f"funding.{action}_documentfile"
        for action in ("add", "change", "delete", "view")
    ],
}


def _permission(apps, dotted):
    app_label, codename = dotted.split(".")
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label=app_label, codename=codename
    )


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*{_permission(apps, dotted) for dotted in codenames})


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*{_permission(apps, d) for d in codenames})


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0014_documents_library"),
        ("news", "0008_article_documents"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
