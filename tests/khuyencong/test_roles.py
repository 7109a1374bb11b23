"""The roles as the migrations left them are the roles ``khuyencong.roles``
states (from which the tests rebuild them after emptying the database)."""

import pytest
from django.contrib.auth.models import Group

from khuyencong.roles import ROLES, grant_roles

pytestmark = pytest.mark.django_db


def roles_in_database() -> dict[str, set[str]]:
    return {
        group.name: {
            f"{app_label}.{codename}"
            for app_label, codename in group.permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        for group in Group.objects.all()
    }


def test_the_migrations_make_exactly_the_stated_roles():
    stated = {name: set(permissions) for name, permissions in ROLES.items()}
    assert roles_in_database() == stated
    assert all(len(set(p)) == len(p) for p in ROLES.values())


def test_granting_again_changes_nothing():
    before = roles_in_database()
    grant_roles()
    assert roles_in_database() == before
