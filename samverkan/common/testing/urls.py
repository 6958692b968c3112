"""A test-only URLconf: the real site plus a page with one chart and one map.

Use with ``@override_settings(ROOT_URLCONF="samverkan.common.testing.urls")``.
"""

from django.urls import include, path

from . import views

urlpatterns = [
    path("__test__/widgets/", views.widgets, name="testing-widgets"),
    path("", include("samverkan.urls")),
]
