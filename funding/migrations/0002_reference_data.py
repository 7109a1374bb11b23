"""Reference data (``funding.core.reference``), and the "Cán bộ số liệu"
role's permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from funding.core import reference

DATA_STAFF = "Cán bộ số liệu"
DATA_STAFF_PERMISSIONS = [
    f"funding.{action}_{model}"
    for model in (
        "figure",
        "area",
        "indicator",
        "programmecontent",
        "sourcedocument",
        "regionmembership",
    )
    for action in ("add", "change", "view", "delete")
] + ["funding.view_historicalfigure"]


def load_reference_data(apps, schema_editor):
    reference.load_reference_data(apps)
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=DATA_STAFF)
    for dotted in DATA_STAFF_PERMISSIONS:
        app_label, codename = dotted.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def unload_reference_data(apps, schema_editor):
    for model in ("RegionMembership", "Indicator", "ProgrammeContent"):
        apps.get_model("funding", model).objects.all().delete()
    Area = apps.get_model("funding", "Area")
    Area.objects.filter(successor__isnull=False).delete()
    Area.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0001_initial"),
        ("news", "0002_roles"),
    ]

    operations = [migrations.RunPython(load_reference_data, unload_reference_data)]
