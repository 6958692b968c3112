"""Which districts a user may see: the one rule behind the EST and places visibility gates.

Until the security work lands helpers in samverkan.organisations, this is the single
place that turns memberships into districts (see docs/decisions/0071-est-visibility.md).
Every ``visible_to`` in the est and places apps calls ``district_ids_for_user``; nothing
else derives districts from memberships.

For each membership in force today whose role grants one of the asked capabilities:

- a membership limited to districts (``Membership.districts``) gives exactly those;
- otherwise the organisation gives: all districts of the tenant's municipalities when it
  is a municipality or a police region; the districts it covers (AdministrativeCoverage
  in force today); the districts of the local agreements it is party to
  (``Agreement.districts``); and all the tenant's districts for a city-wide agreement it
  is party to *if* it is a police organisation (the region signs the city frame).
"""

from django.db.models import Q
from django.utils import timezone

from samverkan.agreements.models import Agreement, AgreementLevel
from samverkan.geography.models import District
from samverkan.organisations.models import (
    AdministrativeCoverage,
    Membership,
    OrganisationKind,
    Tenant,
)

WHOLE_TENANT_KINDS = (OrganisationKind.MUNICIPALITY, OrganisationKind.POLICE_REGION)


def _tenant_district_ids(tenant_id: int) -> set[int]:
    return set(
        District.objects.filter(municipality__tenants__id=tenant_id).values_list("id", flat=True)
    )


def district_ids_for_user(user, capabilities: tuple[str, ...] = ("view",)) -> set[int]:
    """Ids of the districts ``user`` may see through memberships granting any capability.

    Empty for anonymous users and for users without such memberships. Superusers get
    every district. ``capabilities`` are Role capability codes (see organisations.Role).
    """
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return set(District.objects.values_list("id", flat=True))
    today = timezone.localdate()
    ids: set[int] = set()
    memberships = (
        Membership.objects.active()
        .filter(user=user)
        .select_related("organisation", "role")
        .prefetch_related("districts")
    )
    for membership in memberships:
        if not any(membership.role.grants(c) for c in capabilities):
            continue
        limited = [d.id for d in membership.districts.all()]
        if limited:
            ids.update(limited)
            continue
        org = membership.organisation
        if org.kind in WHOLE_TENANT_KINDS:
            ids.update(_tenant_district_ids(org.tenant_id))
            continue
        coverages = AdministrativeCoverage.objects.filter(organisation=org).filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=today),
            Q(valid_to__isnull=True) | Q(valid_to__gte=today),
        )
        ids.update(coverages.values_list("district_id", flat=True))
        agreements = Agreement.objects.filter(party_links__organisation=org)
        ids.update(
            agreements.filter(level=AgreementLevel.LOCAL).values_list("districts", flat=True)
        )
        if org.is_police and agreements.filter(level=AgreementLevel.CITY).exists():
            ids.update(_tenant_district_ids(org.tenant_id))
    ids.discard(None)
    return ids


def tenant_ids_for_user(user) -> set[int]:
    """Ids of the tenants where ``user`` has a membership in force."""
    return set(Tenant.objects.for_user(user).values_list("id", flat=True))
