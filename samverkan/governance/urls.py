from django.urls import path

from . import views

urlpatterns = [
    path("groups/", views.group_list, name="governance-groups"),
    path("groups/<int:pk>/", views.group_detail, name="governance-group"),
    path("meetings/<int:pk>/", views.meeting_detail, name="governance-meeting"),
    path("meetings/<int:pk>/minutes/", views.meeting_minutes, name="governance-meeting-minutes"),
    path("meetings/<int:pk>/adjust/", views.meeting_adjust, name="governance-meeting-adjust"),
    path("meetings/<int:pk>/decisions/", views.decision_add, name="governance-decision-add"),
    path("decisions/", views.decision_list, name="governance-decisions"),
    path("decisions/<int:pk>/done/", views.decision_done, name="governance-decision-done"),
    path("calendar/", views.calendar, name="governance-calendar"),
    path("referrals/", views.referral_list, name="governance-referrals"),
    path("referrals/<int:pk>/", views.referral_detail, name="governance-referral"),
    path(
        "referrals/<int:pk>/answer/<int:recipient_pk>/",
        views.statement_add,
        name="governance-statement-add",
    ),
    path("statements/<int:pk>/", views.statement_detail, name="governance-statement"),
]
