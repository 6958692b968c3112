from django.urls import path

from . import views

urlpatterns = [
    path("", views.area_list, name="situations-areas"),
    path("<str:kind>/<str:code>/", views.area_detail, name="situations-detail"),
    path("<str:kind>/<str:code>/unplaced/", views.area_unplaced, name="situations-unplaced"),
    path("<str:kind>/<str:code>/situation.json", views.area_json, name="situations-json"),
]
