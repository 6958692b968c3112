from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from samverkan.organisations.admin import TenantScopedAdmin
from samverkan.organisations.permissions import tenants_with

from .models import User


@admin.register(User)
class UserAdmin(TenantScopedAdmin, DjangoUserAdmin):
    """Users: a tenant administrator sees the accounts that hold a membership in their
    tenant, plus accounts with no membership at all (new colleagues being set up); they
    can never make anyone staff-superuser or hand out Django permissions."""

    tenant_path = "memberships__organisation__tenant"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        qs = super(TenantScopedAdmin, self).get_queryset(request)
        if request.user.is_superuser:
            return qs
        tenants = tenants_with(request.user, "administer")
        return qs.filter(
            Q(memberships__organisation__tenant__in=tenants) | Q(memberships__isnull=True),
            is_superuser=False,
        ).distinct()

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "groups", "user_permissions", "last_login", "date_joined"]
        return fields
