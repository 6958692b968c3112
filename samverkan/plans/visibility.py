"""The agreement-based visibility gate shared by plans and problems.

Plans and problems belong to an agreement; what a user sees follows from it: agreements
of the tenants where the user has a membership in force (Agreement.objects.visible_to),
narrowed by district when **every** membership of the user is limited to districts (Olle
and Sara in the test cast): then a local agreement is visible only when it covers one of
those districts, or covers no district at all. City-wide agreements stay visible.
Replace the district rule with the security app's helper once it lands on main.
"""

from django.db.models import Q, QuerySet

from samverkan.agreements.models import Agreement, AgreementLevel
from samverkan.organisations.models import Membership, Organisation


def visible_agreements(user) -> QuerySet[Agreement]:
    """Agreements ``user`` may see: missing and forbidden are the same (an empty result)."""
    agreements = Agreement.objects.visible_to(user)
    if not user.is_authenticated or user.is_superuser:
        return agreements
    memberships = list(Membership.objects.active().filter(user=user).prefetch_related("districts"))
    district_ids: set[int] = set()
    for membership in memberships:
        ids = {d.pk for d in membership.districts.all()}
        if not ids:
            return agreements
        district_ids |= ids
    return agreements.filter(
        Q(level=AgreementLevel.CITY) | Q(districts__isnull=True) | Q(districts__in=district_ids)
    ).distinct()


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
