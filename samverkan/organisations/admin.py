"""Admin pages for tenants, organisations, roles and memberships, scoped by tenant.

``TenantScopedAdmin`` is the rule for every admin page a tenant administrator may use:
a user with the ``administer`` capability sees and changes only rows of the tenants
where they hold it; choices in forms are limited the same way. Everything else in the
admin (model admins that do not use it) needs a superuser: tenant administrators hold
no Django model permissions, so those pages answer 403. Superusers are for platform
operators only.
"""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from samverkan.accounts.models import User
from samverkan.geography.models import District

from .models import AdministrativeCoverage, Membership, Organisation, Role, Tenant
from .permissions import tenants_with


class TenantScopedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose rows belong to a tenant reachable by ``tenant_path``.

    ``tenant_path`` is the lookup from the model to Tenant ("tenant",
    "organisation__tenant", "pk" for Tenant itself).
    """

    tenant_path = "tenant"

    def administered_tenants(self, request: HttpRequest) -> QuerySet:
        return tenants_with(request.user, "administer")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(
            **{f"{self.tenant_path}__in": self.administered_tenants(request)}
        ).distinct()

    def _allowed(self, request: HttpRequest, obj=None) -> bool:
        if request.user.is_superuser:
            return True
        if not request.user.is_active or not request.user.is_staff:
            return False
        if not self.administered_tenants(request).exists():
            return False
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._allowed(request, obj)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._allowed(request, obj)

    def has_add_permission(self, request: HttpRequest, *args) -> bool:
        return self._allowed(request)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._allowed(request, obj)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if not request.user.is_superuser:
            tenants = self.administered_tenants(request)
            if db_field.related_model is Tenant:
                kwargs["queryset"] = tenants
            elif db_field.related_model is Organisation:
                kwargs["queryset"] = Organisation.objects.filter(tenant__in=tenants)
            elif db_field.related_model is District:
                kwargs["queryset"] = District.objects.filter(municipality__tenants__in=tenants)
            elif db_field.related_model is User:
                kwargs["queryset"] = User.objects.filter(
                    memberships__organisation__tenant__in=tenants
                ).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        if not request.user.is_superuser:
            tenants = self.administered_tenants(request)
            if db_field.related_model is District:
                kwargs["queryset"] = District.objects.filter(
                    municipality__tenants__in=tenants
                ).distinct()
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class TenantScopedInline(admin.TabularInline):
    """An inline under a TenantScopedAdmin: same limits on its choices."""

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if not request.user.is_superuser and db_field.related_model is District:
            kwargs["queryset"] = District.objects.filter(
                municipality__tenants__in=tenants_with(request.user, "administer")
            ).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_superuser or tenants_with(request.user, "administer").exists()

    has_change_permission = has_view_permission
    has_add_permission = has_view_permission
    has_delete_permission = has_view_permission


@admin.register(Tenant)
class TenantAdmin(TenantScopedAdmin):
    tenant_path = "pk"
    list_display = ["slug", "name"]
    filter_horizontal = ["municipalities"]

    def has_add_permission(self, request: HttpRequest, *args) -> bool:
        return request.user.is_superuser  # a new tenant is a platform operator's job

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_superuser


class CoverageInline(TenantScopedInline):
    model = AdministrativeCoverage
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(TenantScopedAdmin):
    list_display = ["name", "kind", "tenant", "parent", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "code"]
    inlines = [CoverageInline]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    """Roles are shared by all tenants: only platform operators change them."""

    list_display = ["code", "name", "requires_two_factor"]


@admin.register(Membership)
class MembershipAdmin(TenantScopedAdmin):
    tenant_path = "organisation__tenant"
    list_display = ["user", "organisation", "role", "valid_from", "valid_to"]
    list_filter = ["role"]
    filter_horizontal = ["districts"]
    search_fields = ["user__username", "user__last_name", "organisation__name"]

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "user" and not request.user.is_superuser:
            # A tenant administrator may give a membership to any active account (a new
            # colleague has none yet), but only sees accounts of their tenant elsewhere.
            kwargs["queryset"] = User.objects.filter(is_active=True, is_superuser=False)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
