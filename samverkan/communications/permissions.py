from samverkan.organisations.models import Membership, Organisation, Tenant
from samverkan.organisations.permissions import can_edit_agreement, has_capability
from samverkan.plans.visibility import editing_organisations

# The capabilities that let a member write joint communication (``can_draft``).
DRAFTING = ("edit_plans", "approve_communication")


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
    return any(has_capability(user, capability, tenant=tenant) for capability in DRAFTING)


def can_revise(user, communication) -> bool:
    """May ``user`` write a new version of ``communication``, or publish it? (ADR 0097)

    The parties own a joint communication: a drafting capability (``edit_plans`` or
    ``approve_communication``) held in one of its parties or in an organisation above one
    (the city above its district administrations, the police region above its LPOs:
    ``plans.visibility.editing_organisations``, which adds descendants), and the
    communication must be visible to the user (``visible_to``). A superuser passes. A
    drafter of another district administration or LPO of the tenant does not: a new
    version would reset both parties' approvals. Commenting stays with ``can_draft``.
    """
    if not user.is_authenticated or not sees(user, communication):
        return False
    return can_draft_for(user, communication.parties.all())


def can_draft_for(user, parties) -> bool:
    """Does ``user`` hold a drafting capability in one of ``parties`` or above one?

    The party rule of ADR 0097, for a new communication (the parties chosen) as for a new
    version (the communication's parties). A superuser passes; anonymous users do not.
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    ids = {p.pk for p in parties}
    return any(ids & editing_organisations(user, capability) for capability in DRAFTING)


def can_edit_communication_plan(user, agreement) -> bool:
    """Who may write an agreement's communication plan: whoever may change the agreement
    (``edit_agreements`` for a party to it, or for a city-level organisation)."""
    return can_edit_agreement(user, agreement)
