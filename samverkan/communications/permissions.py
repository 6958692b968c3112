from samverkan.organisations.models import Membership, Organisation, Tenant


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
    if not user.is_authenticated:
        return False
    return any(
        m.role.grants("edit_plans") or m.role.grants("approve_communication")
        for m in Membership.objects.active()
        .filter(user=user, organisation__tenant=tenant)
        .select_related("role")
    )
