from django.urls import path

from . import views

urlpatterns = [
    path("", views.communication_list, name="communications-list"),
    path("new/", views.press_text_new, name="communications-new"),
    path("summary/new/", views.summary_new, name="communications-summary-new"),
    path("<int:pk>/", views.communication_detail, name="communications-detail"),
    path("<int:pk>/revise/", views.revise, name="communications-revise"),
    path("<int:pk>/approve/", views.approve, name="communications-approve"),
    path("<int:pk>/publish/", views.publish, name="communications-publish"),
    path("<int:pk>/comment/", views.comment, name="communications-comment"),
    path("plans/", views.plan_list, name="communications-plans"),
    path("plans/<int:pk>/", views.plan_detail, name="communications-plan-detail"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="communications-plan-edit"),
    path("plans/new/<int:agreement_pk>/", views.plan_new, name="communications-plan-new"),
]
