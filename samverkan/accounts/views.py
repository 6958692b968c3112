"""Login (password, then a TOTP or backup code), logout, log out everywhere, security page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from two_factor.utils import default_device
from two_factor.views import LoginView as TwoFactorLoginView

from samverkan.organisations.permissions import requires_two_factor

from .services import log_out_everywhere


class LoginView(TwoFactorLoginView):
    """django-two-factor-auth's login wizard: password, then a code if the user has a
    device. Users without a device whose role requires one are sent to set it up by
    TwoFactorRequiredMiddleware right after."""

    template_name = "two_factor/core/login.html"


@login_required
def security(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/security.html",
        {
            "device": default_device(request.user),
            "required": requires_two_factor(request.user),
            "idle_minutes": settings.SESSION_COOKIE_AGE // 60,
        },
    )


@require_POST
@login_required
def logout_everywhere(request: HttpRequest) -> HttpResponse:
    """End every session of the user (this one included) and go to the start page."""
    log_out_everywhere(user=request.user)
    logout(request)
    messages.success(request, _("You have been logged out on every device."))
    return redirect("home")
