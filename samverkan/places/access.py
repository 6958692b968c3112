"""Which districts a user may see: the EST and places visibility gates ask here.

Every ``visible_to`` in the est and places apps calls ``district_ids_for_user``. Since the
one district rule landed (docs/decisions/0096) this is a thin adapter over
``organisations.permissions.visible_district_ids``, so EST and places derive districts
from memberships exactly as plans, governance, pledges and communications do: districts
listed on the membership; else a city-level organisation's whole tenant; else the
districts its coverage in force and the agreements it is party to name.
"""

from samverkan.organisations.models import Tenant
from samverkan.organisations.permissions import visible_district_ids


def district_ids_for_user(user, capabilities: tuple[str, ...] = ("view",)) -> set[int]:
    """Ids of the districts ``user`` may see through memberships granting any capability.

    Empty for anonymous users and for users without such memberships. Superusers get
    every district. ``capabilities`` are Role capability codes (see organisations.Role).
    """
    return visible_district_ids(user, tuple(capabilities))


def tenant_ids_for_user(user) -> set[int]:
    """Ids of the tenants where ``user`` has a membership in force."""
    return set(Tenant.objects.for_user(user).values_list("id", flat=True))
