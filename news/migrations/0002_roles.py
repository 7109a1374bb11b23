"""Editorial roles as groups with their permissions.

Permissions are normally created after all migrations run; they are created
here first so that the groups can be given them on a fresh database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    # Writes and edits drafts, uploads photos; cannot publish.
    "Biên tập viên": [
        "news.add_article",
        "news.change_article",
        "news.view_article",
        "news.view_category",
        "news.add_articleimage",
        "news.change_articleimage",
        "news.delete_articleimage",
        "news.view_articleimage",
        "news.view_historicalarticle",
    ],
    # Reviews, publishes, withdraws; manages categories.
    "Thư ký tòa soạn": [
        "news.add_article",
        "news.change_article",
        "news.delete_article",
        "news.view_article",
        "news.publish_article",
        "news.add_category",
        "news.change_category",
        "news.view_category",
        "news.add_articleimage",
        "news.change_articleimage",
        "news.delete_articleimage",
        "news.view_articleimage",
        "news.view_historicalarticle",
    ],
    # Funding figures only; their permissions come with the funding app.
    "Cán bộ số liệu": [],
}


def create_roles(apps, schema_editor):
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


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
