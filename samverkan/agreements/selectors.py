from dataclasses import dataclass, field

from django.db import models

from .models import Agreement, AgreementLevel, PriorityArea


@dataclass
class CoverageRow:
    """One local agreement and the frame areas it does not address.

    ``uncovered``: city-wide PriorityArea rows of the parent agreement that none of the
    local agreement's own areas links to (through PriorityArea.frame_areas).
    """

    agreement: Agreement
    frame: Agreement | None
    covered: list[PriorityArea] = field(default_factory=list)
    uncovered: list[PriorityArea] = field(default_factory=list)

    @property
    def is_complete(self) -> bool:
        return self.frame is not None and not self.uncovered


def coverage_report(agreements) -> list[CoverageRow]:
    """Check every local agreement in ``agreements`` against its city-wide frame.

    ``agreements`` is an Agreement queryset already passed through ``visible_to``. A local
    agreement without a frame is listed with ``frame=None`` (nothing can be checked).
    """
    rows: list[CoverageRow] = []
    local = (
        agreements.filter(level=AgreementLevel.LOCAL)
        .select_related("parent")
        .prefetch_related("priority_areas__frame_areas", "parent__priority_areas")
        .order_by("title")
    )
    for agreement in local:
        frame = agreement.parent
        row = CoverageRow(agreement=agreement, frame=frame)
        if frame is not None:
            linked = {
                fa.pk for area in agreement.priority_areas.all() for fa in area.frame_areas.all()
            }
            for area in frame.priority_areas.all():
                (row.covered if area.pk in linked else row.uncovered).append(area)
        rows.append(row)
    return rows


@dataclass
class ActivityCoverageRow:
    """One city-wide agreement and its areas that no local action plan has an activity for.

    An activity counts for a city-wide area when it is tagged with that area itself or
    with a local area whose ``frame_areas`` include it, in an action plan of a local
    agreement under this frame. ``has_local_plans`` is False when no local agreement
    under the frame has an action plan yet (then nothing is judged).
    """

    frame: Agreement
    has_local_plans: bool
    with_activity: list[PriorityArea] = field(default_factory=list)
    without_activity: list[PriorityArea] = field(default_factory=list)


def activity_coverage_report(agreements) -> list[ActivityCoverageRow]:
    """Check every city-wide agreement in ``agreements`` for areas without local activity.

    ``agreements`` is an Agreement queryset already passed through ``visible_to``. Empty
    when the plans app is not installed.
    """
    from django.apps import apps

    if not apps.is_installed("samverkan.plans"):
        return []
    activity_model = apps.get_model("plans", "Activity")
    rows: list[ActivityCoverageRow] = []
    for frame in agreements.filter(level=AgreementLevel.CITY).order_by("title"):
        local_activities = activity_model.objects.filter(
            plan__agreement__parent=frame, plan__agreement__level=AgreementLevel.LOCAL
        )
        row = ActivityCoverageRow(
            frame=frame,
            has_local_plans=frame.local_agreements.filter(action_plans__isnull=False).exists(),
        )
        for area in frame.priority_areas.order_by("order", "name"):
            covered = local_activities.filter(
                models.Q(priority_areas=area) | models.Q(priority_areas__frame_areas=area)
            ).exists()
            (row.with_activity if covered else row.without_activity).append(area)
        rows.append(row)
    return rows
