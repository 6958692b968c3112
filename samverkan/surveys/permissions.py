"""Who may do what with surveys. Reading goes through ``Survey.objects.visible_to``."""

from samverkan.organisations.models import Membership
from samverkan.organisations.permissions import membership_districts

UPLOAD_CAPABILITIES = ("manage_surveys", "edit_plans")


def can_manage_survey(user, survey) -> bool:
    """Load waves: a coordinator of the survey's tenant whose membership reaches the whole
    tenant under the one district rule (a city-wide survey covers every district; a local
    police area's or district administration's member reaches only its coverage).
    Capability ``manage_surveys``, or ``edit_plans`` which coordinators already hold."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    memberships = [
        m
        for m in Membership.objects.active()
        .filter(user=user, organisation__tenant_id=survey.tenant_id)
        .select_related("role", "organisation")
        if any(m.role.grants(c) for c in UPLOAD_CAPABILITIES)
    ]
    # The one district rule (ADR 0096): only a membership reaching the whole tenant
    # (None), not one limited to listed districts or to its organisation's coverage.
    reach = membership_districts(memberships)
    return any(reach[m.pk] is None for m in memberships)
