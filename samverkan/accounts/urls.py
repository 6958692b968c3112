"""Account routes. The two-factor wizard's own pages keep django-two-factor-auth's names
(namespace ``two_factor``) because its views reverse them."""

from django.contrib.auth import views as auth_views
from django.urls import path
from two_factor.views import (
    BackupTokensView,
    QRGeneratorView,
    SetupCompleteView,
    SetupView,
)

from . import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="accounts-login"),
    path("logout/", auth_views.LogoutView.as_view(), name="accounts-logout"),
    path("logout-everywhere/", views.logout_everywhere, name="accounts-logout-everywhere"),
    path("security/", views.security, name="accounts-security"),
]

two_factor_patterns = (
    [
        path("login/", views.LoginView.as_view(), name="login"),
        path("setup/", SetupView.as_view(), name="setup"),
        path("qrcode/", QRGeneratorView.as_view(), name="qr"),
        path("setup/complete/", SetupCompleteView.as_view(), name="setup_complete"),
        path("backup/tokens/", BackupTokensView.as_view(), name="backup_tokens"),
    ],
    "two_factor",
)
