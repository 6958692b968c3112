"""Small predicates over memberships: who may report, edit, import and assess."""

from samverkan.organisations.models import Membership, Organisation
from samverkan.places.access import district_ids_for_user

from .models import Observation


def reporting_organisations(user):
    """Organisations ``user`` may report for: memberships in force granting report_observation."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    ids = [
        m.organisation_id
        for m in Membership.objects.active().filter(user=user).select_related("role")
        if m.role.grants("report_observation")
    ]
    return Organisation.objects.filter(pk__in=ids).order_by("name")


def can_report(user) -> bool:
    """True if a membership in force grants report_observation (one query; the main menu
    asks on every page)."""
    if not user.is_authenticated:
        return False
    memberships = Membership.objects.active().filter(user=user).select_related("role")
    return any(m.role.grants("report_observation") for m in memberships)


def can_coordinate(user, district_id: int | None = None) -> bool:
    """True for edit_plans memberships (in ``district_id`` when given): import, assess."""
    ids = district_ids_for_user(user, ("edit_plans",))
    return bool(ids) if district_id is None else district_id in ids


def can_edit(user, observation: Observation) -> bool:
    """Reporters edit their own reports; coordinators edit any in their districts."""
    return observation.reported_by_id == user.pk or can_coordinate(user, observation.district_id)


def sees_picture(user) -> bool:
    """True if ``user`` is a member of a tenant with districts: the weekly picture and the
    other EST pictures have something to show (the menu's check; the views decide with
    ``district_ids_for_user`` and answer 404 when it is empty).

    One query, cheaper than ``district_ids_for_user``; it differs only for a member of an
    organisation that covers no district, who sees the menu entry and gets 404.
    """
    from samverkan.geography.models import District
    from samverkan.organisations.models import Tenant

    if not user.is_authenticated:
        return False
    return District.objects.filter(municipality__tenants__in=Tenant.objects.for_user(user)).exists()
