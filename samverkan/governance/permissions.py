"""Who may change governance records. Reading is the tenant gate (``visible_to``)."""

from samverkan.organisations.models import Membership, Organisation, Tenant
from samverkan.organisations.permissions import has_capability


def can_manage_meetings(user, tenant: Tenant) -> bool:
    """Coordinators (capability ``edit_plans``) keep groups, meetings and decisions."""
    return has_capability(user, "edit_plans", tenant=tenant)


def can_manage_referrals(user, tenant: Tenant) -> bool:
    """Capability ``edit_agreements``: send referrals, record the revised agreement."""
    return has_capability(user, "edit_agreements", tenant=tenant)


def can_answer_for(user, organisation: Organisation) -> bool:
    """A member of the recipient organisation with ``edit_agreements`` records its statement."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(
        m.role.grants("edit_agreements")
        for m in Membership.objects.active()
        .filter(user=user, organisation=organisation)
        .select_related("role")
    )
