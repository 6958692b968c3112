"""Two-factor enforcement: roles that require it cannot use the site without it.

Which users must use two-factor login is data (``Role.requires_two_factor`` on any
membership in force, and every staff or superuser account); see
``samverkan.organisations.permissions.requires_two_factor``.
"""

from collections.abc import Callable

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from two_factor.utils import default_device

from samverkan.organisations.permissions import requires_two_factor

# Pages a logged-in but not yet verified user may still reach: the way in and the way
# out, the setup wizard and its QR code, and the language switch.
EXEMPT_URL_NAMES = frozenset(
    {
        "accounts-login",
        "accounts-logout",
        "two_factor:login",
        "two_factor:setup",
        "two_factor:qr",
        "two_factor:setup_complete",
        "set_language",
    }
)


class TwoFactorRequiredMiddleware:
    """Send users who must use two-factor login, but have not in this session, to do so.

    - no device yet: to the setup wizard (``two_factor:setup``), back to the page after;
    - a device, but this session was not verified with it: logged out and sent to the
      login page (the only way a session gets verified is the login wizard);
    - JSON API paths (``/api/``): 403 ``{"error": "two-factor login required"}`` instead.
    Must come after django-otp's ``OTPMiddleware``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.view_name in EXEMPT_URL_NAMES:
            return None
        if not requires_two_factor(user):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse({"error": "two-factor login required"}, status=403)
        if default_device(user) is None:
            return redirect(f"{reverse('two_factor:setup')}?{urlencode({'next': request.path})}")
        logout(request)
        return redirect(f"{reverse('accounts-login')}?{urlencode({'next': request.path})}")
