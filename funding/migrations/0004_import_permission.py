from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = ["import_figure", "view_importrecord"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Cán bộ số liệu")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="funding", codename__in=PERMISSIONS
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Cán bộ số liệu"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="funding", codename__in=PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [("funding", "0003_import_records")]

    operations = [migrations.RunPython(grant, revoke)]
