"""Login (password, then a TOTP or backup code), logout, log out everywhere, security page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from two_factor.forms import AuthenticationTokenForm, BackupTokenForm
from two_factor.utils import default_device
from two_factor.views import LoginView as TwoFactorLoginView

from samverkan.organisations.permissions import requires_two_factor

from .services import log_out_everywhere


class PlainAuthenticationForm(AuthenticationForm):
    """The password step with unprefixed field names (``username``, ``password``), so the
    accessible login page (templates/registration/login.html) and password managers see
    an ordinary login form."""

    def add_prefix(self, field_name: str) -> str:
        return field_name


class LoginView(TwoFactorLoginView):
    """django-two-factor-auth's login wizard: password, then a code if the user has a
    device. Users without a device whose role requires one are sent to set it up by
    TwoFactorRequiredMiddleware right after.

    The password step is the project's login page (registration/login.html) and posts
    plain ``username``/``password``; the wizard's step marker is added when missing.
    """

    form_list = (
        (TwoFactorLoginView.AUTH_STEP, PlainAuthenticationForm),
        (TwoFactorLoginView.TOKEN_STEP, AuthenticationTokenForm),
        (TwoFactorLoginView.BACKUP_STEP, BackupTokenForm),
    )
    step_field = "login_view-current_step"

    def post(self, *args, **kwargs):
        if self.step_field not in self.request.POST and "username" in self.request.POST:
            data = self.request.POST.copy()
            data[self.step_field] = self.AUTH_STEP
            self.request.POST = data
        return super().post(*args, **kwargs)

    def get_template_names(self) -> list[str]:
        if self.steps.current == self.AUTH_STEP:
            return ["registration/login.html"]
        return ["two_factor/core/login.html"]

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form, **kwargs)
        context.setdefault("next", self.get_redirect_url())
        return context


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
