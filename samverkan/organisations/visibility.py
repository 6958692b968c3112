"""The district rule for non-public material, shared by every app (issue #8, ADR 0095, 0096).

Each membership in force reaches a set of districts, read from
``permissions.membership_districts`` (the one place that rule is written): the districts
listed on it; else, for a city-level organisation (municipality, police region,
department), the whole tenant; else, for a police area, district administration or
partner, the districts its administrative coverage in force and the agreements it is
party to name. A member with one membership reaching the whole tenant (Anna at city hall,
Ulla, Adam) is not limited there and sees all of the tenant's material. Every other
member is *district-limited* there: of the tenant's district-bound material they see only
what concerns one of the districts their memberships reach (Olle and Rut: Rinkeby-Kista,
listed; Per at LPO Järva: Rinkeby-Kista, by coverage; Sara: Södermalm), plus what
concerns no district at all (tenant-wide material). The rule is per tenant: a limit in
one tenant says nothing about another. Anonymous users see nothing here (public pages
read publications), a superuser (platform operator) everything.

Plans and problems have had a district rule since ADR 0085; 0095 moved it here so
governance, pledges and communications apply the same one, and 0096 made it read the
districts each membership reaches instead of only listed ones:

- ``district_scope(user)``: who is limited where, as data (``DistrictScope``);
- ``district_scope_q(user, model=…, districts=…, tenant=…)``: a ``Q`` for a model whose
  scope is a set of districts (empty set = tenant-wide);
- ``visible_agreements(user)``: agreements the user sees (city-wide ones always, local
  ones by their districts) — the gate for everything whose scope is an agreement.

Querysets combine these in their ``visible_to(user)``; missing and forbidden both look
missing (404).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Model, Q, QuerySet

from .models import Membership
from .permissions import membership_districts

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from samverkan.accounts.models import User
    from samverkan.agreements.models import Agreement

NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class DistrictScope:
    """Where a user's view of district-bound material is limited.

    ``everything``: a superuser (no limit anywhere). ``open_tenants``: ids of tenants where
    one of the user's memberships reaches the whole tenant. ``limited``: tenant id → ids
    of the districts the user's memberships there reach (listed, or by coverage and
    agreements; possibly empty: tenant-wide material only; only tenants not in
    ``open_tenants``). A tenant in neither: the user is no member there (the tenant gate
    of each model already hides it).
    """

    everything: bool = False
    open_tenants: frozenset[int] = frozenset()
    limited: dict[int, frozenset[int]] = field(default_factory=dict)

    def is_limited(self, tenant_id: int) -> bool:
        """True when the user sees only listed districts' material in ``tenant_id``."""
        return not self.everything and tenant_id in self.limited

    def district_ids(self, tenant_id: int) -> frozenset[int] | None:
        """The districts the user is limited to in ``tenant_id``; None = not limited."""
        return self.limited.get(tenant_id) if self.is_limited(tenant_id) else None


def district_scope(user: User | AnonymousUser) -> DistrictScope:
    """The user's ``DistrictScope`` from their memberships in force today.

    Source: ``Membership.objects.active()`` (organisations with a tenant), each read by
    ``permissions.membership_districts``: a membership listing districts, or of a police
    area, district administration or partner, reaches a set of districts; one of a
    city-level organisation without listed districts reaches the whole tenant and lifts
    the limit there. No membership: an empty scope (sees nothing). Called once or more
    per request: three queries at most, whatever the number of memberships.
    """
    if not user.is_authenticated:
        return DistrictScope()
    if user.is_superuser:
        return DistrictScope(everything=True)
    open_tenants: set[int] = set()
    limited: dict[int, set[int]] = {}
    memberships = list(
        Membership.objects.active()
        .filter(user=user, organisation__tenant__isnull=False)
        .select_related("organisation")
    )
    reach = membership_districts(memberships)
    for membership in memberships:
        tenant_id = membership.organisation.tenant_id
        if reach[membership.pk] is None:
            open_tenants.add(tenant_id)
        else:
            limited.setdefault(tenant_id, set()).update(reach[membership.pk])
    return DistrictScope(
        open_tenants=frozenset(open_tenants),
        limited={t: frozenset(ids) for t, ids in limited.items() if t not in open_tenants},
    )


def district_scope_q(
    user: User | AnonymousUser,
    *,
    model: type[Model],
    districts: str = "districts",
    tenant: str = "tenant",
    scope: DistrictScope | None = None,
) -> Q:
    """A ``Q`` on ``model`` keeping the rows the district rule lets ``user`` see.

    ``districts``: the lookup path from ``model`` to its many-to-many set of districts
    (``"districts"``, ``"agreement__districts"``); a row whose set is empty concerns no
    district and is tenant-wide. ``tenant``: the lookup path to its tenant. Kept: rows of
    tenants where the user is not limited, and rows of limited tenants whose districts are
    empty or meet the districts the user reaches. The district test runs in a subquery on primary
    keys, so the result has no duplicate rows. Anonymous: nothing; superuser: everything.
    The tenant gate is implied (rows of tenants the user is no member of are not kept).
    """
    scope = scope or district_scope(user)
    if scope.everything:
        return Q()
    q = Q(**{f"{tenant}__in": scope.open_tenants}) if scope.open_tenants else NOTHING
    for tenant_id, ids in scope.limited.items():
        concerns_theirs = model._default_manager.filter(
            Q(**{f"{districts}__isnull": True}) | Q(**{f"{districts}__in": ids})
        ).values("pk")
        q |= Q(**{tenant: tenant_id}) & Q(pk__in=concerns_theirs)
    return q


def visible_agreements(user: User | AnonymousUser) -> QuerySet[Agreement]:
    """Agreements ``user`` may see: the tenant gate, then the district rule.

    City-wide agreements are visible to every member of their tenant; a local agreement
    to members not district-limited there, and to limited members when it covers one of
    their districts or covers none. Missing and forbidden are the same (not in the result).
    """
    from samverkan.agreements.models import Agreement, AgreementLevel

    agreements = Agreement.objects.visible_to(user)
    if not user.is_authenticated or user.is_superuser:
        return agreements
    return agreements.filter(Q(level=AgreementLevel.CITY) | district_scope_q(user, model=Agreement))
