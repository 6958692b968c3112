from django.contrib import admin

from .models import IndexDefinition, Indicator, PublishedFigure, Question, Survey, SurveyWave


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["name", "tenant", "kind", "is_synthetic"]
    list_filter = ["tenant", "kind", "is_synthetic"]


@admin.register(SurveyWave)
class SurveyWaveAdmin(admin.ModelAdmin):
    list_display = ["survey", "year", "respondents", "response_rate_percent"]


admin.site.register(Question)
admin.site.register(Indicator)
admin.site.register(IndexDefinition)
admin.site.register(PublishedFigure)
