"""News migration 0005 moves the content types of data blocks and figure
quotes from funding to news; when news' already exists (this release's code
ran before migrating and made it), what pointed to the old one moves to it,
and nothing is lost."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection

pytestmark = pytest.mark.django_db

move = importlib.import_module("news.migrations.0005_datablock_figurequote")


def holders(permission: str) -> set[str]:
    app_label, codename = permission.split(".")
    found = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    return {g.name for g in found.group_set.all()} | {
        u.username for u in found.user_set.all()
    }


def test_a_content_type_made_before_migrating_takes_over_the_old_ones(make_user):
    new = ContentType.objects.get(app_label="news", model="datablock")
    old = ContentType.objects.create(app_label="funding", model="datablock")
    both = Permission.objects.create(
        content_type=old, codename="change_datablock", name="Can change"
    )
    only_old = Permission.objects.create(
        content_type=old, codename="export_datablock", name="Can export"
    )
    group = Group.objects.create(name="Nhóm cũ")
    group.permissions.add(both, only_old)
    holder = make_user("nguoi_cu")
    holder.user_permissions.add(both)
    twice = make_user("ca_hai")
    twice.user_permissions.add(
        both, Permission.objects.get(content_type=new, codename="change_datablock")
    )
    entry = LogEntry.objects.create(
        user=holder,
        content_type=old,
        object_id="1",
        object_repr="Bảng",
        action_flag=CHANGE,
    )

    move.to_news(apps, SimpleNamespace(connection=connection))

    assert not ContentType.objects.filter(app_label="funding", model="datablock")
    assert {"Nhóm cũ", "nguoi_cu", "ca_hai"} <= holders("news.change_datablock")
    assert holders("news.export_datablock") == {"Nhóm cũ"}
    assert Permission.objects.filter(codename="change_datablock").count() == 1
    entry.refresh_from_db()
    assert entry.content_type == new


def test_moving_back_and_forth_keeps_the_content_type_row():
    row = ContentType.objects.get(app_label="news", model="figurequote")
    permissions = set(row.permission_set.values_list("pk", flat=True))
    editor = SimpleNamespace(connection=connection)
    move.back_to_funding(apps, editor)
    assert ContentType.objects.get(pk=row.pk).app_label == "funding"
    move.to_news(apps, editor)
    row.refresh_from_db()
    assert row.app_label == "news"
    assert set(row.permission_set.values_list("pk", flat=True)) == permissions
