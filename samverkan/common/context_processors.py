from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    """Tenant name for the header and the navigation entries the user may follow."""
    from samverkan.organisations.models import Tenant

    tenant = None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        tenant = Tenant.objects.for_user(user).first()
    if tenant is None:
        tenant = Tenant.objects.filter(slug=settings.DEFAULT_TENANT_SLUG).first()
    return {"tenant": tenant}
