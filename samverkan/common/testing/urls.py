"""A test-only URLconf: the real site, a page with one chart and one map, and a view
that fails (to see the 500 page).

Use with ``@override_settings(ROOT_URLCONF="samverkan.common.testing.urls")``.
"""

from django.urls import include, path

from . import views

urlpatterns = [
    path("__test__/widgets/", views.widgets, name="testing-widgets"),
    path("__test__/error/", views.error, name="testing-error"),
    path("", include("samverkan.urls")),
]
