from django.urls import path

from . import views

urlpatterns = [
    path("", views.agreement_list, name="agreements-list"),
    path("coverage/", views.coverage, name="agreements-coverage"),
    path("<int:pk>/", views.agreement_detail, name="agreements-detail"),
]
