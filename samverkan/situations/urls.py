from django.urls import path

from . import views

urlpatterns = [
    path("", views.area_list, name="situations-areas"),
]
