"""Who may do what with surveys. Reading goes through ``Survey.objects.visible_to``."""

from samverkan.organisations.models import Membership

UPLOAD_CAPABILITIES = ("manage_surveys", "edit_plans")


def can_manage_survey(user, survey) -> bool:
    """Load waves: a coordinator of the survey's tenant whose membership is not limited to
    some districts (a city-wide survey covers every district). Capability
    ``manage_surveys``, or ``edit_plans`` which coordinators already hold."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    memberships = (
        Membership.objects.active()
        .filter(user=user, organisation__tenant_id=survey.tenant_id)
        .select_related("role")
        .prefetch_related("districts")
    )
    return any(
        any(m.role.grants(c) for c in UPLOAD_CAPABILITIES) and not m.districts.all()
        for m in memberships
    )
