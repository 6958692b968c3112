from django.contrib import admin

from .models import PoliceEvent


@admin.register(PoliceEvent)
class PoliceEventAdmin(admin.ModelAdmin):
    list_display = ["event_id", "occurred_on", "type", "municipality", "district", "neighbourhood"]
    list_filter = ["type", "municipality", "county_level"]
    search_fields = ["name", "summary", "event_id"]
    readonly_fields = [f.name for f in PoliceEvent._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
