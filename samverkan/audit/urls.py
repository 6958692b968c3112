from django.urls import path

from . import views

urlpatterns = [
    path("", views.entry_list, name="audit-list"),
    path("export.csv", views.export_csv, name="audit-export-csv"),
    path("export.xlsx", views.export_xlsx, name="audit-export-xlsx"),
]
