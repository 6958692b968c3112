"""Who may see and do what: the access model as data, read by small predicates.

Everything here reads memberships in force today (``Membership.objects.active()``) and
the capability codes of their roles (``Role.capabilities``); no role name appears in code.
Capabilities in use (see docs/security.md for the table):

- ``view``: read the tenant's non-public material within one's districts;
- ``report_observation``: report EST observations in one's districts;
- ``edit_plans``, ``edit_agreements``: change plans / agreements;
- ``administer``: the tenant's admin pages (organisations, memberships, users);
- ``audit``: read and export the tenant's audit log.

Visibility helpers (``visible_tenants``, ``visible_districts``) are what every app's
``QuerySet.visible_to(user)`` builds on. Which districts a membership reaches is decided
once, in ``membership_districts`` (listed districts; else a city-level organisation's
whole tenant; else its coverage in force and its agreements' districts); the district
rule of ``visibility.py`` reads the same (ADR 0096). A superuser (platform operator)
passes every check; nobody else ever sees another tenant's rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from samverkan.geography.models import District

from .models import (
    AdministrativeCoverage,
    Membership,
    MembershipQuerySet,
    OrganisationKind,
    Tenant,
    TenantQuerySet,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from samverkan.accounts.models import User

# Organisations that act for the whole municipality: their members see every district
# of the tenant's municipalities (unless their membership lists districts).
CITY_LEVEL_KINDS = (
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.POLICE_REGION,
    OrganisationKind.DEPARTMENT,
)


def active_memberships(user: User | AnonymousUser) -> MembershipQuerySet:
    """The user's memberships in force today, with role and organisation loaded."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.active()
        .filter(user=user, organisation__tenant__isnull=False)
        .select_related("role", "organisation", "organisation__tenant")
    )


def requires_two_factor(user: User | AnonymousUser) -> bool:
    """True for staff, superusers and anyone holding a role with ``requires_two_factor``."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return active_memberships(user).filter(role__requires_two_factor=True).exists()


def visible_tenants(user: User | AnonymousUser) -> TenantQuerySet:
    """Tenants where the user holds a membership in force (all for a superuser)."""
    return Tenant.objects.for_user(user)


def tenants_with(user: User | AnonymousUser, capability: str) -> TenantQuerySet:
    """Tenants where one of the user's memberships in force grants ``capability``."""
    if not user.is_authenticated:
        return Tenant.objects.none()
    if user.is_superuser:
        return Tenant.objects.all()
    ids = {m.organisation.tenant_id for m in active_memberships(user) if m.role.grants(capability)}
    return Tenant.objects.filter(pk__in=ids)


def membership_districts(memberships: Iterable[Membership]) -> dict[int, frozenset[int] | None]:
    """The districts each membership reaches today: **the one district rule** (issue #8).

    Returns membership id → district ids, or ``None`` for "the whole tenant":

    - districts listed on the membership: exactly those (a limit set by an administrator),
      kept inside the tenant's municipalities;
    - else a city-level organisation (municipality, police region, department): ``None``,
      every district of the tenant, and material of no district or of any district;
    - else (local police area, district administration, partner): the districts its
      administrative coverage in force names plus those of the tenant's agreements it is
      party to, inside the tenant's municipalities (possibly none).

    ``visible_district_ids``/``visible_districts``, the ``can_*`` predicates with a
    district, and ``visibility.district_scope`` (agreements, plans, problems, reports,
    governance, pledges, communications; ADR 0096) read districts from here. At most
    two queries, whatever the number of memberships (listed districts; coverage in force
    united with agreement districts); the memberships need ``organisation`` loaded
    (``select_related``) to avoid one more each.
    """
    from samverkan.agreements.models import AgreementParty

    memberships = list(memberships)
    reach: dict[int, set[int] | None] = {m.pk: set() for m in memberships}
    tenant_of = {m.pk: m.organisation.tenant_id for m in memberships}
    listed: dict[int, set[int]] = {}  # a membership listing districts, even none inside
    for membership_id, district_id, tenant_id in Membership.districts.through.objects.filter(
        membership_id__in=reach
    ).values_list("membership_id", "district_id", "district__municipality__tenants"):
        inside = listed.setdefault(membership_id, set())
        if tenant_id == tenant_of[membership_id]:
            inside.add(district_id)
    # Per organisation: a membership without listed districts reaches what its
    # organisation reaches.
    by_organisation: dict[int, set[int]] = {}
    for membership in memberships:
        if membership.pk in listed:
            reach[membership.pk] = listed[membership.pk]
        elif membership.organisation.kind in CITY_LEVEL_KINDS:
            reach[membership.pk] = None
        else:
            by_organisation.setdefault(membership.organisation_id, set())
    if by_organisation:
        covered = AdministrativeCoverage.objects.filter(
            _in_force_q(),
            organisation_id__in=by_organisation,
            district__municipality__tenants=F("organisation__tenant"),
        ).values_list("organisation_id", "district_id")
        by_agreement = AgreementParty.objects.filter(
            organisation_id__in=by_organisation,
            agreement__tenant=F("organisation__tenant"),
            agreement__districts__municipality__tenants=F("organisation__tenant"),
        ).values_list("organisation_id", "agreement__districts")
        for organisation_id, district_id in covered.union(by_agreement):
            by_organisation[organisation_id].add(district_id)
        for membership in memberships:
            if membership.organisation_id in by_organisation and membership.pk not in listed:
                reach[membership.pk] = by_organisation[membership.organisation_id]
    return {pk: None if ids is None else frozenset(ids) for pk, ids in reach.items()}


def _membership_district_ids(membership: Membership) -> set[int]:
    """District ids one membership reaches today (``membership_districts``; the whole
    tenant spelled out as every district of the tenant's municipalities)."""
    ids = membership_districts([membership])[membership.pk]
    if ids is not None:
        return set(ids)
    return set(
        District.objects.filter(municipality__tenants=membership.organisation.tenant_id)
        .values_list("pk", flat=True)
        .distinct()
    )


def _in_force_q() -> Q:
    day = timezone.localdate()
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def visible_district_ids(
    user: User | AnonymousUser, capability: str | tuple[str, ...] = "view"
) -> set[int]:
    """Ids of the districts where the user holds ``capability`` today (see visible_districts).

    ``capability``: one code, or a tuple of codes of which a membership must grant any.
    """
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return set(District.objects.values_list("pk", flat=True))
    capabilities = (capability,) if isinstance(capability, str) else capability
    memberships = [
        m for m in active_memberships(user) if any(m.role.grants(c) for c in capabilities)
    ]
    ids: set[int] = set()
    whole: set[int] = set()  # tenants reached as a whole
    reach = membership_districts(memberships)
    for membership in memberships:
        if reach[membership.pk] is None:
            whole.add(membership.organisation.tenant_id)
        else:
            ids |= reach[membership.pk]
    if whole:
        ids |= set(
            District.objects.filter(municipality__tenants__in=whole).values_list("pk", flat=True)
        )
    return ids


def visible_districts(user: User | AnonymousUser, capability: str = "view") -> QuerySet:
    """Districts the user may see (or, with ``capability``, act in) today.

    Per membership (``membership_districts``): the districts listed on it; else a
    city-level member the whole municipality; else a police area's or district
    administration's member the districts its coverage in force and its agreements name.
    Anonymous: none; superuser: all.
    """
    return District.objects.filter(pk__in=visible_district_ids(user, capability))


def has_capability(
    user: User | AnonymousUser,
    capability: str,
    *,
    tenant: Tenant | None = None,
    district: District | None = None,
) -> bool:
    """True if a membership in force grants ``capability`` (in ``tenant``, for ``district``)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    for membership in active_memberships(user):
        if not membership.role.grants(capability):
            continue
        if tenant is not None and membership.organisation.tenant_id != tenant.pk:
            continue
        if district is not None and district.pk not in _membership_district_ids(membership):
            continue
        return True
    return False


def can_view(user: User | AnonymousUser, *, tenant: Tenant, district: District | None = None):
    """May the user read the tenant's (district's) non-public material?"""
    return has_capability(user, "view", tenant=tenant, district=district)


def can_report_observation(user: User | AnonymousUser, *, district: District) -> bool:
    """May the user report an EST observation in ``district``?"""
    return has_capability(user, "report_observation", district=district)


def can_edit_plans(
    user: User | AnonymousUser, *, tenant: Tenant, district: District | None = None
) -> bool:
    """May the user change action plans of ``tenant`` (for ``district``)?"""
    return has_capability(user, "edit_plans", tenant=tenant, district=district)


def can_edit_agreement(user: User | AnonymousUser, agreement) -> bool:
    """May the user change ``agreement`` (an agreements.Agreement)?

    Needs ``edit_agreements`` in the agreement's tenant, and to work for a party to it or
    for a city-level organisation (city hall and the police region keep the frame).
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    party_ids = set(agreement.party_links.values_list("organisation_id", flat=True))
    for membership in active_memberships(user):
        if membership.organisation.tenant_id != agreement.tenant_id:
            continue
        if not membership.role.grants("edit_agreements"):
            continue
        if membership.organisation_id in party_ids:
            return True
        if membership.organisation.kind in CITY_LEVEL_KINDS:
            return True
    return False


def can_administer(user: User | AnonymousUser, *, tenant: Tenant | None = None) -> bool:
    """May the user use the admin pages of ``tenant`` (of any tenant, when None)?"""
    return has_capability(user, "administer", tenant=tenant)


def can_audit(user: User | AnonymousUser, *, tenant: Tenant | None = None) -> bool:
    """May the user read and export the audit log of ``tenant`` (of any, when None)?"""
    return has_capability(user, "audit", tenant=tenant)
