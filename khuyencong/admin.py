"""The libraries' own admins, where they need a fix."""

from axes.admin import AccessAttemptAdmin
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from .admin_fields import StrictFieldsAdmin
from .admin_text import PasswordChangeForm, PermissionLabels

admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class PortalAccessAttemptAdmin(AccessAttemptAdmin):
    """django-axes' admin. Its "clean up expired attempts" action reads the
    time of the request from attributes only axes' login handling sets: a
    500 from the admin otherwise. It deletes records, so it takes the
    permission to delete them."""

    @admin.action(
        description=AccessAttemptAdmin.cleanup_expired_attempts.short_description,
        permissions=["delete"],
    )
    def cleanup_expired_attempts(self, request, queryset):
        AxesProxyHandler.update_request(request)
        return super().cleanup_expired_attempts(request, queryset)


admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class PortalTOTPDeviceAdmin(StrictFieldsAdmin, TOTPDeviceAdmin):
    # django-otp writes its device list's search help in English ("Search by
    # user's username or email"), outside its catalog.
    search_help_text = _("Tìm theo tên đăng nhập hoặc email của người dùng.")


# Django's permission names are English ("Can add bài viết"): the group and
# user forms list them in Vietnamese.
admin.site.unregister(Group)
admin.site.unregister(User)


@admin.register(Group)
class PortalGroupAdmin(StrictFieldsAdmin, PermissionLabels, GroupAdmin):
    pass


@admin.register(User)
class PortalUserAdmin(StrictFieldsAdmin, PermissionLabels, UserAdmin):
    change_password_form = PasswordChangeForm
    # Set by Django when someone signs in or is added; shown, not edited (the
    # form's date and time boxes would also drop their seconds at each save).
    readonly_fields = ["last_login", "date_joined"]
