from django.contrib import admin

from .models import ActionPlan, Activity, FollowUp, Indicator, IndicatorValue, Target


class AppendOnlyAdmin(admin.ModelAdmin):
    """History rows are read-only in the admin too: add through the app, never edit."""

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ActionPlan)
class ActionPlanAdmin(admin.ModelAdmin):
    list_display = ["title", "agreement", "starts_on", "ends_on", "is_demo"]
    list_filter = ["is_demo"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "plan", "owner_party", "starts_on", "ends_on", "version"]
    list_filter = ["owner_party", "activity_type"]
    readonly_fields = ["version", "carried_from"]


admin.site.register(Target)
admin.site.register(Indicator)
admin.site.register(FollowUp, AppendOnlyAdmin)
admin.site.register(IndicatorValue, AppendOnlyAdmin)
