from django.contrib import admin

from .models import ReportedCrime


@admin.register(ReportedCrime)
class ReportedCrimeAdmin(admin.ModelAdmin):
    list_display = ["municipality", "year", "category", "count", "per_100k"]
    list_filter = ["category", "year", "municipality"]
