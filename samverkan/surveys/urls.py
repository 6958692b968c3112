from django.urls import path

from . import views

urlpatterns = [
    path("", views.survey_list, name="surveys-list"),
    path("<int:pk>/", views.survey_detail, name="surveys-detail"),
    path("<int:pk>/waves/new/", views.wave_upload, name="surveys-wave-upload"),
    path("indicators/<int:pk>/", views.indicator_detail, name="surveys-indicator"),
    path("indicators/<int:pk>/export.csv", views.indicator_export, name="surveys-indicator-csv"),
    path("indexes/<int:pk>/", views.index_detail, name="surveys-index"),
    path("indexes/<int:pk>/export.csv", views.index_export, name="surveys-index-csv"),
]
