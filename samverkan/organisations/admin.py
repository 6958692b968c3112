from django.contrib import admin

from .models import AdministrativeCoverage, Membership, Organisation, Role, Tenant


@admin.register(Tenant)
class TenantAdmin(admin.ModelAdmin):
    list_display = ["slug", "name"]
    filter_horizontal = ["municipalities"]


class CoverageInline(admin.TabularInline):
    model = AdministrativeCoverage
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "tenant", "parent", "valid_from", "valid_to"]
    list_filter = ["tenant", "kind"]
    search_fields = ["name", "short_name", "code"]
    inlines = [CoverageInline]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "requires_two_factor"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "valid_from", "valid_to"]
    list_filter = ["role", "organisation__tenant"]
    filter_horizontal = ["districts"]
