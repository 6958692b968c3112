from django.urls import path

from . import views

urlpatterns = [
    path("", views.pledge_list, name="pledges-list"),
    path("new/", views.pledge_new, name="pledges-new"),
    path("<int:pk>/", views.pledge_detail, name="pledges-detail"),
    path("<int:pk>/promises/", views.promise_add, name="pledges-promise-add"),
    path("promises/<int:pk>/", views.promise_detail, name="pledges-promise-detail"),
    path(
        "promises/<int:pk>/activities/",
        views.promise_activities,
        name="pledges-promise-activities",
    ),
    path("promises/<int:pk>/follow-up/", views.follow_up_add, name="pledges-follow-up-add"),
    path("<int:pk>/dialogues/", views.dialogue_add, name="pledges-dialogue-add"),
    path("<int:pk>/next/", views.next_pledge, name="pledges-next"),
    path("<int:pk>/publish/", views.publish_request, name="pledges-publish"),
]
