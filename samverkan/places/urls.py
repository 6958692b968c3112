from django.urls import path

from . import views

urlpatterns = [
    path("", views.place_list, name="places-list"),
    path("<int:pk>/", views.place_detail, name="places-detail"),
    path("vulnerable-areas/", views.vulnerable_areas, name="places-vulnerable-areas"),
    path("walks/", views.walk_list, name="places-walks"),
    path("walks/<int:pk>/", views.walk_detail, name="places-walk"),
    path(
        "walks/<int:pk>/points/<int:point_pk>/status/",
        views.point_status,
        name="places-point-status",
    ),
    path("walks/<int:pk>/protocol.<str:fmt>", views.walk_protocol, name="places-walk-protocol"),
]
