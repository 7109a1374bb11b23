"""Who may change what in the admin: the rules the admin walks check the
admin against, stated here from the roles' permissions (the groups the
migrations make), not read from the admin code."""

from django.contrib import admin
from django.contrib.admin.utils import NestedObjects
from django.contrib.auth.models import Group
from django.db import router

from news.models import Article, ArticleImage, Correction, DataBlock, SiteSettings

ROLES = ["Biên tập viên", "Thư ký tòa soạn", "Cán bộ số liệu"]
#: What an article shows besides its text: they follow the article's rule.
ARTICLE_PARTS = (DataBlock, ArticleImage, Correction)
#: Public record: a published (or scheduled) or withdrawn article.
LOCKED = ("published", "withdrawn")


class Everything:
    """A superuser's permissions."""

    def __contains__(self, permission):
        return True


def perms_of(role) -> set[str]:
    group = Group.objects.get(name=role)
    return {
        f"{app}.{code}"
        for app, code in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def article_of(obj):
    if isinstance(obj, Article):
        return obj
    return obj.article if isinstance(obj, ARTICLE_PARTS) else None


def is_locked(obj) -> bool:
    article = article_of(obj)
    return article is not None and article.status in LOCKED


def may(perms, action: str, obj) -> bool:
    """The model permission; for a public article or a part of one, also
    the permissions to publish and to change articles."""
    opts = obj._meta
    if f"{opts.app_label}.{action}_{opts.model_name}" not in perms:
        return False
    if is_locked(obj):
        return "news.publish_article" in perms and "news.change_article" in perms
    return True


def protected(obj) -> bool:
    collector = NestedObjects(using=router.db_for_write(type(obj)))
    collector.collect([obj])
    return bool(collector.protected)


#: One row each, made by the migrations: nobody deletes it.
UNDELETABLE = (SiteSettings,)


def may_delete(perms, obj) -> bool:
    """Nothing protects it, and the delete permission on everything the
    admin shows that goes with it."""
    if isinstance(obj, UNDELETABLE):
        return False
    collector = NestedObjects(using=router.db_for_write(type(obj)))
    collector.collect([obj])
    return not collector.protected and all(
        may(perms, "delete", gone)
        for gone in _flat(collector.nested())
        if admin.site.is_registered(type(gone))
    )


def _flat(nested):
    for item in nested:
        if isinstance(item, list):
            yield from _flat(item)
        else:
            yield item
