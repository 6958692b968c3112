from django.urls import path

from . import views

urlpatterns = [
    path("", views.problem_list, name="problems-list"),
    path("new/", views.problem_new, name="problems-new"),
    path("<int:pk>/", views.problem_detail, name="problems-detail"),
    path("<int:pk>/evidence/", views.evidence_new, name="problems-evidence-new"),
    path("<int:pk>/analyses/new/", views.analysis_new, name="problems-analysis-new"),
    path("<int:pk>/trace/", views.problem_trace, name="problems-trace"),
    path("analyses/<int:pk>/causes/new/", views.cause_new, name="problems-cause-new"),
    path("analyses/<int:pk>/chain/new/", views.chain_step_new, name="problems-chain-new"),
]
