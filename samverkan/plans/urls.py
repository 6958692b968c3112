from django.urls import path

from . import views

urlpatterns = [
    path("", views.plan_list, name="plans-list"),
    path("new/", views.plan_new, name="plans-new"),
    path("<int:pk>/", views.plan_detail, name="plans-detail"),
    path("<int:pk>/targets/new/", views.target_new, name="plans-target-new"),
    path("<int:pk>/activities/new/", views.activity_new, name="plans-activity-new"),
    path(
        "<int:pk>/export.xlsx", views.plan_export, {"file_format": "xlsx"}, name="plans-export-xlsx"
    ),
    path("<int:pk>/export.csv", views.plan_export, {"file_format": "csv"}, name="plans-export-csv"),
    path("<int:pk>/import/", views.plan_import, name="plans-import"),
    path("<int:pk>/carry-over/", views.plan_carry_over, name="plans-carry-over"),
    path("activities/<int:pk>/", views.activity_detail, name="plans-activity"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="plans-activity-edit"),
    path("activities/<int:pk>/follow-up/", views.follow_up_new, name="plans-follow-up"),
    path("activities/<int:pk>/indicators/new/", views.indicator_new, name="plans-indicator-new"),
    path("activities/<int:pk>/before-after/", views.before_after, name="plans-before-after"),
    path("indicators/<int:pk>/values/new/", views.indicator_value_new, name="plans-value-new"),
    path("areas/<int:pk>/trace/", views.area_trace, name="plans-area-trace"),
]
