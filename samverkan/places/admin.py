from django.contrib import admin

from .models import Place, SafetyWalk, SafetyWalkPoint, SafetyWalkPointUpdate, VulnerableArea


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "district", "neighbourhood", "tenant", "is_demo"]
    list_filter = ["tenant", "kind", "district", "is_demo"]
    search_fields = ["name"]


@admin.register(VulnerableArea)
class VulnerableAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "tier", "town", "police_area_name", "region", "list_year"]
    list_filter = ["list_year", "tier", "region"]
    search_fields = ["name", "town"]


class PointInline(admin.TabularInline):
    model = SafetyWalkPoint
    extra = 0
    readonly_fields = ["status"]


@admin.register(SafetyWalk)
class SafetyWalkAdmin(admin.ModelAdmin):
    list_display = ["title", "walked_on", "district", "tenant"]
    inlines = [PointInline]


@admin.register(SafetyWalkPointUpdate)
class SafetyWalkPointUpdateAdmin(admin.ModelAdmin):
    list_display = ["point", "from_status", "to_status", "changed_by", "changed_at"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False
