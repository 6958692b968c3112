from django.conf import settings
from django.http import HttpRequest

from .navigation import nav_entries


def site(request: HttpRequest) -> dict:
    """Tenant name for the header and the main-menu entries (for logged-in users)."""
    from samverkan.organisations.models import Tenant

    tenant = None
    user = getattr(request, "user", None)
    authenticated = user is not None and user.is_authenticated
    if authenticated:
        tenant = Tenant.objects.for_user(user).first()
    if tenant is None:
        tenant = Tenant.objects.filter(slug=settings.DEFAULT_TENANT_SLUG).first()
    return {"tenant": tenant, "nav_entries": nav_entries() if authenticated else []}
