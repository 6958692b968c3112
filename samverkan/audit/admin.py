"""The audit log in the admin: read-only for everybody, superusers only.

django-auditlog registers its admin for the log entry model; we replace it with one that
can neither add, change nor delete (auditors use /audit/ instead).
"""

from auditlog.admin import LogEntryAdmin
from django.contrib import admin
from django.http import HttpRequest

from .models import AuditEntry, RetentionPermit

if admin.site.is_registered(AuditEntry):
    admin.site.unregister(AuditEntry)


@admin.register(AuditEntry)
class AuditEntryAdmin(LogEntryAdmin):
    list_filter = ["action", "tenant"]
    actions = None  # not even "delete selected"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


__all__ = ["AuditEntryAdmin", "RetentionPermit"]
