from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from samverkan.common import views as common_views

urlpatterns = [
    path("", common_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="accounts-login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="accounts-logout"),
    path("agreements/", include("samverkan.agreements.urls")),
    path("situation/", include("samverkan.situations.urls")),
    path("governance/", include("samverkan.governance.urls")),
    path("pledges/", include("samverkan.pledges.urls")),
    path("communication/", include("samverkan.communications.urls")),
    path("public/", include("samverkan.public.urls")),
    path("problems/", include("samverkan.problems.urls")),
    path("plans/", include("samverkan.plans.urls")),
    path("reporting/", include("samverkan.reporting.urls")),
    path("surveys/", include("samverkan.surveys.urls")),
    path("est/", include("samverkan.est.urls")),
    path("places/", include("samverkan.places.urls")),
    path("admin/", admin.site.urls),
]
