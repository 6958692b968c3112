from django.contrib import admin

from .models import District, Municipality, Neighbourhood


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "county_name", "population", "population_year"]
    search_fields = ["name", "code"]
    exclude = ["boundary"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "municipality", "population", "population_year"]
    list_filter = ["municipality"]
    search_fields = ["name", "code"]
    exclude = ["boundary"]


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "district"]
    list_filter = ["district"]
    search_fields = ["name"]
    exclude = ["boundary"]
