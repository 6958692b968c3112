from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from samverkan.accounts.urls import two_factor_patterns
from samverkan.common import views as common_views
from samverkan.public import views as public_views

urlpatterns = [
    path("", common_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("samverkan.accounts.urls")),
    path("accounts/two-factor/", include(two_factor_patterns)),
    path("agreements/", include("samverkan.agreements.urls")),
    path("situation/", include("samverkan.situations.urls")),
    path("governance/", include("samverkan.governance.urls")),
    path("pledges/", include("samverkan.pledges.urls")),
    path("communication/", include("samverkan.communications.urls")),
    path("public/", include("samverkan.public.urls")),
    path("accessibility/", public_views.accessibility_default, name="accessibility"),
    path("problems/", include("samverkan.problems.urls")),
    path("plans/", include("samverkan.plans.urls")),
    path("reporting/", include("samverkan.reporting.urls")),
    path("surveys/", include("samverkan.surveys.urls")),
    path("est/", include("samverkan.est.urls")),
    path("places/", include("samverkan.places.urls")),
    path("audit/", include("samverkan.audit.urls")),
    # The admin has no login of its own: everybody logs in with two factors first.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="accounts-login", query_string=True),
        name="admin-login-redirect",
    ),
    path("admin/", admin.site.urls),
]
