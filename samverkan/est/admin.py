from django.contrib import admin

from .models import AbilityAssessment, Observation, ObservationCategory, RatingLevel, RatingScale


@admin.register(ObservationCategory)
class ObservationCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "tenant", "order", "requires_text", "is_active"]
    list_filter = ["tenant", "is_active"]


class RatingLevelInline(admin.TabularInline):
    model = RatingLevel
    extra = 0


@admin.register(RatingScale)
class RatingScaleAdmin(admin.ModelAdmin):
    """Scales are versioned: a published version is read-only; publish a new one instead."""

    list_display = ["name", "version", "tenant", "valid_from"]
    inlines = [RatingLevelInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = [
        "observed_on",
        "category",
        "district",
        "neighbourhood",
        "rating",
        "status",
        "is_demo",
    ]
    list_filter = ["tenant", "status", "is_demo", "source", "category"]
    readonly_fields = ["scale", "removed_identifiers", "reported_by", "source", "external_id"]
    date_hierarchy = "observed_on"


@admin.register(AbilityAssessment)
class AbilityAssessmentAdmin(admin.ModelAdmin):
    list_display = ["district", "neighbourhood", "period_start_on", "period_end_on", "ability"]
