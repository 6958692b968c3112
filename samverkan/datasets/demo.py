"""Demo users: one per role, in realistic organisations of the Stockholm tenant.

Clearly demo: usernames start with ``demo-``, names say "(demo)", e-mail addresses are
under example.invalid, and all share DEMO_PASSWORD. ``create_demo_users`` is the one
place demo accounts are made, so that login features (two-factor) can extend it.
"""

from django.db import transaction

from samverkan.accounts.models import User
from samverkan.datasets.base import ImportResult
from samverkan.geography.models import District
from samverkan.organisations.models import Membership, Organisation, Role

DEMO_PASSWORD = "samverkan-demo"

# username, first name, last name, organisation, role code, district codes it is limited to
DEMO_USERS = [
    (
        "demo-coordinator",
        "Demo",
        "Trygghetssamordnare (demo)",
        "Stockholms stad",
        "coordinator",
        [],
    ),
    (
        "demo-reader",
        "Demo",
        "Läsare (demo)",
        "Skärholmens stadsdelsförvaltning",
        "reader",
        ["80124"],
    ),
    (
        "demo-reporter",
        "Demo",
        "Rapportör (demo)",
        "Järva stadsdelsförvaltning",
        "reporter",
        ["80125"],
    ),
    (
        "demo-group-member",
        "Demo",
        "Beredningsgrupp (demo)",
        "Polisregion Stockholm",
        "group_member",
        [],
    ),
    # Approvers of joint communication, one per party of the demo publications.
    (
        "demo-approver-city",
        "Demo",
        "Godkänner för staden (demo)",
        "Stockholms stad",
        "group_member",
        [],
    ),
    (
        "demo-approver-district",
        "Demo",
        "Godkänner för stadsdelsförvaltningen (demo)",
        "Hägersten-Älvsjö stadsdelsförvaltning",
        "group_member",
        [],
    ),
    (
        "demo-approver-lpo",
        "Demo",
        "Godkänner för lokalpolisområdet (demo)",
        "LPO Skärholmen",
        "group_member",
        [],
    ),
    ("demo-administrator", "Demo", "Administratör (demo)", "Stockholms stad", "administrator", []),
    ("demo-auditor", "Demo", "Granskare (demo)", "Stockholms stad", "auditor", []),
]


def create_demo_users(tenant) -> ImportResult:
    """Create (or leave as they are) the demo users and their memberships in ``tenant``."""
    result = ImportResult(kind="demo-users", path="samverkan/datasets/demo.py")
    with transaction.atomic():
        for username, first, last, organisation_name, role_code, district_codes in DEMO_USERS:
            organisation = Organisation.objects.get(tenant=tenant, name=organisation_name)
            role = Role.objects.get(code=role_code)
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(
                    username,
                    f"{username}@example.invalid",
                    DEMO_PASSWORD,
                    first_name=first,
                    last_name=last,
                )
                result.new += 1
            else:
                result.unchanged += 1
            # A tenant administrator works in the admin site (docs/security.md): staff,
            # never superuser; TenantScopedAdmin shows them their own tenant only.
            if role_code == "administrator" and not user.is_staff:
                user.is_staff = True
                user.save(update_fields=["is_staff"])
            membership, created = Membership.objects.get_or_create(
                user=user, organisation=organisation, role=role
            )
            districts = set(District.objects.filter(code__in=district_codes))
            if created or set(membership.districts.all()) != districts:
                membership.districts.set(districts)
                result.changed += 0 if created else 1
    return result


def login_info() -> list[tuple[str, str, str, str]]:
    """(username, role, organisation, limited to) for each demo user that exists."""
    rows = []
    for username, _first, _last, organisation, role, districts in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            limited = ", ".join(
                District.objects.filter(code__in=districts).values_list("name", flat=True)
            )
            rows.append((username, role, organisation, limited))
    return rows
