from samverkan.organisations.models import Membership, Organisation, Tenant
from samverkan.organisations.permissions import can_edit_agreement, has_capability


def sees(user, obj) -> bool:
    """True when ``obj`` (a model instance with a ``visible_to`` manager) is visible to ``user``."""
    return type(obj)._default_manager.visible_to(user).filter(pk=obj.pk).exists()


def can_approve_for(user, organisation: Organisation, *, communication=None) -> bool:
    """True when ``user`` may approve joint communication on behalf of ``organisation``.

    Requires a membership in force in that very organisation whose role grants
    ``approve_communication``. A user of one party can never approve for another party.
    With ``communication``, the user must also see it (``visible_to``, ADR 0095).
    """
    if not user.is_authenticated:
        return False
    if communication is not None and not sees(user, communication):
        return False
    return any(
        m.role.grants("approve_communication")
        for m in Membership.objects.active()
        .filter(user=user, organisation=organisation)
        .select_related("role")
    )


def can_draft(user, tenant: Tenant, *, about=None) -> bool:
    """Coordinators (``edit_plans``) and approvers write drafts and comments.

    ``about``: the object acted on (a communication, a pledge); the user must also see it
    (its ``visible_to``), so a right in the tenant never reaches what the district rule
    hides (ADR 0095).
    """
    if about is not None and not sees(user, about):
        return False
    return has_capability(user, "edit_plans", tenant=tenant) or has_capability(
        user, "approve_communication", tenant=tenant
    )


def can_edit_communication_plan(user, agreement) -> bool:
    """Who may write an agreement's communication plan: whoever may change the agreement
    (``edit_agreements`` for a party to it, or for a city-level organisation)."""
    return can_edit_agreement(user, agreement)
