from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, first in AUTHENTICATION_BACKENDS.

    Every web login passes the request (Django's AuthenticationForm does), and is checked.
    ``authenticate()`` without a request — the test client's ``login()``, a management
    command — has no client to lock out, so it is passed on to the password backend
    instead of raising as axes does. A new login path (an API token exchange, SSO) must
    pass the request.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
