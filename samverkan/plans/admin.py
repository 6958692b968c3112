from django.contrib import admin

from samverkan.common.admin import ReadOnlyAdmin

from .models import ActionPlan, Activity, FollowUp, Indicator, IndicatorValue, Target


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
admin.site.register(FollowUp, ReadOnlyAdmin)
admin.site.register(IndicatorValue, ReadOnlyAdmin)
