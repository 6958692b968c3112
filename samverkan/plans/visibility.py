"""The agreement-based visibility gate shared by plans, problems and reporting.

Plans and problems belong to an agreement; what a user sees follows from it:
``visible_agreements`` is the shared district rule of
``samverkan.organisations.visibility`` (ADR 0085, moved there by ADR 0095): city-wide
agreements for every member of the tenant, local ones by their districts for members
limited to districts. It is re-exported here so existing imports keep working. Editing
rights (``editing_organisations`` and friends) stay here.
"""

from django.db.models import QuerySet

from samverkan.agreements.models import Agreement
from samverkan.organisations.models import Membership, Organisation
from samverkan.organisations.visibility import visible_agreements

__all__ = [
    "can_edit_agreement_work",
    "editable_agreements",
    "editing_organisations",
    "visible_agreements",
]


def editing_organisations(user, capability: str = "edit_plans") -> set[int]:
    """Ids of organisations in which ``user`` holds ``capability``, with their descendants.

    A coordinator at the city (Anna) may edit what a district administration under the
    city is party to; a coordinator at an LPO (Per) what the LPO is party to.
    """
    if not user.is_authenticated:
        return set()
    direct = {
        m.organisation_id
        for m in Membership.objects.active().filter(user=user).select_related("role")
        if m.role.grants(capability)
    }
    result = set(direct)
    frontier = set(direct)
    while frontier:
        children = set(
            Organisation.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
        )
        frontier = children - result
        result |= children
    return result


def can_edit_agreement_work(user, agreement: Agreement) -> bool:
    """Whether ``user`` may edit plans and problems of ``agreement`` (a party's coordinator)."""
    if user.is_authenticated and user.is_superuser:
        return True
    parties = set(agreement.party_links.values_list("organisation_id", flat=True))
    return bool(parties & editing_organisations(user))


def editable_agreements(user) -> QuerySet[Agreement]:
    """Visible agreements whose plans and problems ``user`` may edit."""
    agreements = visible_agreements(user)
    if user.is_authenticated and user.is_superuser:
        return agreements
    return agreements.filter(party_links__organisation__in=editing_organisations(user)).distinct()
