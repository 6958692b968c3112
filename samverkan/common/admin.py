"""Admin pieces shared by the apps (this module registers no model)."""

from django.contrib import admin


class ReadOnlyAdminMixin:
    """Look, never touch: no add, change or delete in the admin.

    For records written only through the apps' services (history rows, approvals,
    publications): changing them in the admin would go around the rules the services keep.
    Mix into a ModelAdmin or an inline.
    """

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """A ModelAdmin with ``ReadOnlyAdminMixin``."""
