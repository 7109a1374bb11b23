"""Words Django's admin writes in English outside its catalogs.

A boolean is shown as an icon whose text (``alt``, read out by screen
readers and shown when images are off) is Python's "True", "False" or
"None", made in ``admin_list._boolean_icon``, which every list and read-only
field asks for at the time it draws one: that function is replaced by one
saying có, không or chưa rõ. Some apps name themselves in English in their
code: renamed here (``APP_NAMES``). Django also names the permissions it makes in
English ("Can add bài viết"); the group and user forms list them in
Vietnamese (``PermissionLabels``).
"""

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.templatetags import admin_list
from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .text import vietnamese_sort_key


class VietnameseOrderListFilter(admin.RelatedOnlyFieldListFilter):
    """A list's filter by the related objects in use, named in Vietnamese
    alphabetical order (no database collates it)."""

    def field_choices(self, field, request, model_admin):
        choices = super().field_choices(field, request, model_admin)
        return sorted(choices, key=lambda choice: vietnamese_sort_key(str(choice[1])))


def boolean_icon(value):
    icon = {True: "yes", False: "no", None: "unknown"}[value]
    label = {True: _("có"), False: _("không"), None: _("chưa rõ")}[value]
    return format_html(
        '<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), label
    )


#: Apps with an admin whose names are written in English in their code,
#: not through gettext (the sidebar, the admin home and the group form
#: list them). By label.
APP_NAMES = {
    "axes": gettext_lazy("Khóa đăng nhập sai (Axes)"),
    "otp_totp": gettext_lazy("Xác thực hai bước"),
    "django_tasks_database": gettext_lazy("Tác vụ nền"),
}


def install() -> None:
    admin_list._boolean_icon = boolean_icon
    for config in apps.get_app_configs():
        if config.label in APP_NAMES:
            config.verbose_name = APP_NAMES[config.label]


#: Django names the permissions it makes "Can add <model>" and so on, in
#: English, in the database.
ACTIONS = {
    "add": gettext_lazy("Thêm"),
    "change": gettext_lazy("Sửa"),
    "delete": gettext_lazy("Xóa"),
    "view": gettext_lazy("Xem"),
}


def permission_label(permission) -> str:
    """A permission as the group and user forms list it: "Tin tức | bài viết |
    Sửa bài viết" for Django's own, the name the project gave otherwise.
    Django's own are named by the model's name now, not the one stored when
    the permission was made (English for some: "Can add article snapshot")."""
    action = permission.codename.partition("_")[0]
    prefix = f"Can {action} "
    model = permission.content_type.model_class()
    if (
        action in ACTIONS
        and model is not None
        and permission.codename == f"{action}_{model._meta.model_name}"
    ):
        name = f"{ACTIONS[action]} {model._meta.verbose_name}"
    elif action in ACTIONS and permission.name.startswith(prefix):
        name = f"{ACTIONS[action]} {permission.name.removeprefix(prefix)}"
    else:
        name = permission.name
    return f"{permission.content_type} | {name}"


class PermissionLabels:
    """For the group and user admins: their permission lists in Vietnamese."""

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request=request, **kwargs)
        if db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        return field


class PasswordChangeForm(AdminPasswordChangeForm):
    """Django's admin form setting a user's password, whose warning that
    turning password login off loses the password is English text glued to
    a translated one."""

    usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">'
        "{}</li></ul>",
        SetUnusablePasswordMixin.usable_password_help_text,
        gettext_lazy("Nếu tắt, mật khẩu hiện tại của người dùng này sẽ bị mất."),
    )
