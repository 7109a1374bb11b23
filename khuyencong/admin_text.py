"""Words Django's admin writes in English outside its catalogs.

A boolean is shown as an icon whose text (``alt``, read out by screen
readers and shown when images are off) is Python's "True", "False" or
"None", made in ``admin_list._boolean_icon``, which every list and read-only
field asks for at the time it draws one: that function is replaced by one
saying có, không or chưa rõ.
"""

from django.contrib.admin.templatetags import admin_list
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _


def boolean_icon(value):
    icon = {True: "yes", False: "no", None: "unknown"}[value]
    label = {True: _("có"), False: _("không"), None: _("chưa rõ")}[value]
    return format_html(
        '<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), label
    )


def install() -> None:
    admin_list._boolean_icon = boolean_icon
