"""Predicates for places and safety walks."""

from samverkan.places.access import district_ids_for_user


def can_manage_walks(user, district_id: int | None = None) -> bool:
    """Coordinators (edit_plans) create walks and update points in their districts."""
    ids = district_ids_for_user(user, ("edit_plans",))
    return bool(ids) if district_id is None else district_id in ids
