from django.urls import path

from . import views

urlpatterns = [
    path("", views.communication_list, name="communications-list"),
    path("new/", views.press_text_new, name="communications-new"),
    path("<int:pk>/", views.communication_detail, name="communications-detail"),
    path("<int:pk>/revise/", views.revise, name="communications-revise"),
    path("<int:pk>/approve/", views.approve, name="communications-approve"),
    path("<int:pk>/publish/", views.publish, name="communications-publish"),
    path("<int:pk>/comment/", views.comment, name="communications-comment"),
]
