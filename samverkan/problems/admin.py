from django.contrib import admin

from .models import Cause, CauseAnalysis, EventChainStep, Evidence, Problem


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0


class CauseInline(admin.TabularInline):
    model = Cause
    extra = 0


class ChainStepInline(admin.TabularInline):
    model = EventChainStep
    extra = 0


@admin.register(Problem)
class ProblemAdmin(admin.ModelAdmin):
    list_display = ["title", "priority_area", "district", "period_start_on", "period_end_on"]
    inlines = [EvidenceInline]


@admin.register(CauseAnalysis)
class CauseAnalysisAdmin(admin.ModelAdmin):
    list_display = ["problem", "analysed_on"]
    inlines = [CauseInline, ChainStepInline]
