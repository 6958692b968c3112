from django.contrib import admin

from .models import (
    Agreement,
    AgreementParty,
    Annex,
    PriorityArea,
    PriorityAreaMapping,
    Signatory,
)


class PartyInline(admin.TabularInline):
    model = AgreementParty
    extra = 0


class SignatoryInline(admin.TabularInline):
    model = Signatory
    extra = 0


class AnnexInline(admin.TabularInline):
    model = Annex
    extra = 0


class PriorityAreaInline(admin.TabularInline):
    model = PriorityArea
    extra = 0
    fields = ["order", "code", "name"]


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "level", "status", "valid_from", "valid_to", "case_number", "tenant"]
    list_filter = ["tenant", "level", "status"]
    search_fields = ["title", "case_number"]
    filter_horizontal = ["districts"]
    inlines = [PartyInline, SignatoryInline, AnnexInline, PriorityAreaInline]


@admin.register(PriorityArea)
class PriorityAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "agreement", "order"]
    list_filter = ["agreement"]
    filter_horizontal = ["frame_areas"]


@admin.register(PriorityAreaMapping)
class PriorityAreaMappingAdmin(admin.ModelAdmin):
    list_display = ["from_area", "to_area"]
