from django.conf import settings
from django.http import HttpRequest

from .navigation import nav_entries, nav_sections


def site(request: HttpRequest) -> dict:
    """Tenant name for the header and the main menu (for logged-in users).

    ``nav_sections``: the menu's sections with the entries this user may open (see
    navigation.py); ``nav_entries``: the same entries as one flat list. One query reads
    the user's memberships in force; it gives both the tenant (the first by name, as
    ``Tenant.objects.for_user``) and the capabilities the menu needs.
    """
    from samverkan.organisations.models import Tenant
    from samverkan.organisations.permissions import active_memberships

    cached = getattr(request, "_sv_site", None)  # pages that render several templates
    if cached is not None:
        return cached
    tenant = None
    entries: list[dict] = []
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        memberships = list(active_memberships(user))
        tenants = sorted({m.organisation.tenant for m in memberships}, key=lambda t: (t.name, t.pk))
        tenant = tenants[0] if tenants else None
        if tenant is None and user.is_superuser:
            tenant = Tenant.objects.for_user(user).first()
        capabilities = {c for m in memberships for c in (m.role.capabilities or [])}
        entries = nav_entries(user, capabilities=capabilities)
    if tenant is None:
        tenant = Tenant.objects.filter(slug=settings.DEFAULT_TENANT_SLUG).first()
    request._sv_site = {
        "tenant": tenant,
        "nav_entries": entries,
        "nav_sections": nav_sections(entries, request.path),
    }
    return request._sv_site
