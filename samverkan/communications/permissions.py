from samverkan.organisations.models import Membership, Organisation, Tenant
from samverkan.organisations.permissions import can_edit_agreement, has_capability


def can_approve_for(user, organisation: Organisation) -> bool:
    """True when ``user`` may approve joint communication on behalf of ``organisation``.

    Requires a membership in force in that very organisation whose role grants
    ``approve_communication``. A user of one party can never approve for another party.
    """
    if not user.is_authenticated:
        return False
    return any(
        m.role.grants("approve_communication")
        for m in Membership.objects.active()
        .filter(user=user, organisation=organisation)
        .select_related("role")
    )


def can_draft(user, tenant: Tenant) -> bool:
    """Coordinators (``edit_plans``) and approvers write drafts and comments."""
    return has_capability(user, "edit_plans", tenant=tenant) or has_capability(
        user, "approve_communication", tenant=tenant
    )


def can_edit_communication_plan(user, agreement) -> bool:
    """Who may write an agreement's communication plan: whoever may change the agreement
    (``edit_agreements`` for a party to it, or for a city-level organisation)."""
    return can_edit_agreement(user, agreement)
