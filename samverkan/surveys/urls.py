from django.urls import path

from . import views

urlpatterns = [
    path("", views.survey_list, name="surveys-list"),
    path("<int:pk>/", views.survey_detail, name="surveys-detail"),
    path("<int:pk>/waves/new/", views.wave_upload, name="surveys-wave-upload"),
    path("indicators/<int:pk>/", views.indicator_detail, name="surveys-indicator"),
    path("indexes/<int:pk>/", views.index_detail, name="surveys-index"),
]
