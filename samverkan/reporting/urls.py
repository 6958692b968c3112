from django.urls import path

from . import views

urlpatterns = [
    path("", views.report_list, name="reporting-reports"),
    path("<int:pk>/", views.report_detail, name="reporting-report"),
    path("<int:pk>/submit/", views.report_submit, name="reporting-report-submit"),
    path("<int:pk>/correct/", views.report_correct, name="reporting-report-correct"),
    path("<int:pk>/export/", views.report_export, name="reporting-report-export"),
    path("overview/", views.overview, name="reporting-overview"),
    path("compilations/", views.compilation_list, name="reporting-compilations"),
    path("compilations/<int:pk>/", views.compilation_detail, name="reporting-compilation"),
    path(
        "compilations/<int:pk>/decide/",
        views.compilation_decide,
        name="reporting-compilation-decide",
    ),
    path(
        "compilations/<int:pk>/next-year/",
        views.compilation_next_year,
        name="reporting-compilation-next-year",
    ),
    path(
        "compilations/<int:pk>/export/",
        views.compilation_export,
        name="reporting-compilation-export",
    ),
    path("exports/<int:pk>/", views.export_status, name="reporting-export"),
    path("exports/<int:pk>/status.json", views.export_status_json, name="reporting-export-json"),
    path("exports/<int:pk>/download/", views.export_download, name="reporting-export-download"),
]
