from django.urls import path

from . import views

urlpatterns = [
    path("report/", views.report, name="est-report"),
    path("mine/", views.mine, name="est-mine"),
    path("observations/<int:pk>/", views.observation_detail, name="est-observation"),
    path("observations/<int:pk>/edit/", views.observation_edit, name="est-observation-edit"),
    path("import/", views.import_csv, name="est-import"),
    path("weekly/", views.weekly, name="est-weekly"),
    path("ranking/", views.ranking_view, name="est-ranking"),
    path("hotspots/", views.hotspots, name="est-hotspots"),
    path("yearly/", views.yearly, name="est-yearly"),
]
