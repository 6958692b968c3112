from django.urls import path

from . import views

urlpatterns = [
    path("", views.default_tenant, name="public-root"),
    path("<slug:slug>/", views.index, name="public-index"),
    path("<slug:slug>/<int:pk>/", views.item, name="public-item"),
    path("<slug:slug>/accessibility/", views.accessibility_statement, name="public-accessibility"),
    path("<slug:slug>/feed.json", views.feed_json, name="public-feed-json"),
    path("<slug:slug>/feed.csv", views.feed_csv, name="public-feed-csv"),
    path("<slug:slug>/feed.atom", views.AtomFeed(), name="public-feed-atom"),
]
