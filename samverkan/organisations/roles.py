"""The default roles: a starting point every tenant shares; change them as data."""

from django.db import transaction

from .models import Role

# code → (name, capabilities, requires_two_factor)
DEFAULT_ROLES: dict[str, tuple[str, list[str], bool]] = {
    "reader": ("Reader", ["view"], True),
    "reporter": ("Reporter", ["view", "report_observation"], False),
    "group-member": ("Group member", ["view"], True),
    "coordinator": (
        "Coordinator",
        ["view", "report_observation", "edit_plans", "edit_agreements"],
        True,
    ),
    "administrator": ("Administrator", ["view", "administer"], True),
    "auditor": ("Auditor", ["view", "audit"], True),
}


def ensure_default_roles() -> list[Role]:
    """Create the default roles that are missing; existing roles are left as they are."""
    with transaction.atomic():
        return [
            Role.objects.get_or_create(
                code=code,
                defaults={"name": name, "capabilities": caps, "requires_two_factor": two_factor},
            )[0]
            for code, (name, caps, two_factor) in DEFAULT_ROLES.items()
        ]
