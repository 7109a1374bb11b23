"""The site's settings row, and who may edit the settings, menus and tags:
editors choose and add tags; the Thư ký tòa soạn also edits the site's
settings and links and renames or removes tags (``khuyencong.roles``)."""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Biên tập viên": ["add_tag", "view_tag"],
    "Thư ký tòa soạn": [
        "add_tag",
        "view_tag",
        "change_tag",
        "delete_tag",
        "view_sitesettings",
        "change_sitesettings",
        "add_sitelink",
        "change_sitelink",
        "delete_sitelink",
        "view_sitelink",
    ],
}


def forward(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="news", codename__in=codenames
            )
        )
    apps.get_model("news", "SiteSettings").objects.get_or_create(
        pk=1, defaults={"agency_name": settings.SITE_NAME}
    )


def backward(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="news", codename__in=GRANTS[group.name]
            )
        )


class Migration(migrations.Migration):
    dependencies = [("news", "0008_site_tags_reads")]

    operations = [migrations.RunPython(forward, backward)]
