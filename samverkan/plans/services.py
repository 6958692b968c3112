"""Writes that matter for action plans: each locks, checks and appends its history."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext

from samverkan.accounts.models import User
from samverkan.agreements.models import Agreement

from .models import (
    UNFINISHED_STATUSES,
    ActionPlan,
    Activity,
    FollowUp,
    Indicator,
    IndicatorValue,
    Target,
)

ACTIVITY_FIELDS = {
    "title",
    "description",
    "activity_type",
    "owner_party",
    "responsible_organisation",
    "place_note",
    "starts_on",
    "ends_on",
    "expected_effect",
    "expected_effect_note",
    "target",
    "child_rights_note",
    "gender_equality_note",
}
ACTIVITY_M2M = {"priority_areas", "causes", "contributing_organisations", "neighbourhoods"}


class ActivityConflict(Exception):
    """Someone else changed the activity since the caller read it (optimistic locking).

    ``current`` is the activity as stored now (its ``version`` is newer than expected).
    """

    def __init__(self, current: Activity) -> None:
        super().__init__(f"activity {current.pk} is at version {current.version}")
        self.current = current


class FollowUpConflict(Exception):
    """A follow-up entry was recorded since the caller read the activity.

    ``latest`` is the entry recorded in between; the caller's entry was not saved.
    """

    def __init__(self, latest: FollowUp | None) -> None:
        super().__init__(f"latest follow-up is now {latest.pk if latest else None}")
        self.latest = latest


class AlreadyCarriedOver(ValueError):
    """An activity already continues in another plan; ``args[0]`` is its code."""


class FollowUpOutOfOrder(ValueError):
    """The entry is dated before the latest entry; history is appended in date order."""


def create_plan(
    *,
    agreement: Agreement,
    title: str,
    starts_on: date,
    ends_on: date,
    by: User | None,
    previous_plan: ActionPlan | None = None,
    is_demo: bool = False,
) -> ActionPlan:
    return ActionPlan.objects.create(
        agreement=agreement,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        previous_plan=previous_plan,
        is_demo=is_demo,
        created_by=by,
    )


def _next_code(plan: ActionPlan) -> str:
    numbers = [
        int(code[1:])
        for code in plan.activities.values_list("code", flat=True)
        if code[:1] == "A" and code[1:].isdigit()
    ]
    return f"A{max(numbers, default=0) + 1}"


def create_activity(*, plan: ActionPlan, by: User | None, **fields) -> Activity:
    """Add an activity; ``fields`` are Activity fields and the M2M names in ACTIVITY_M2M.

    A blank ``code`` becomes the next free "A<n>" of the plan.
    """
    m2m = {name: fields.pop(name) for name in list(fields) if name in ACTIVITY_M2M}
    unknown = set(fields) - ACTIVITY_FIELDS - {"code", "carried_from"}
    if unknown:
        raise TypeError(f"unknown activity fields: {sorted(unknown)}")
    with transaction.atomic():
        ActionPlan.objects.select_for_update().get(pk=plan.pk)
        if not fields.get("code"):
            fields["code"] = _next_code(plan)
        activity = Activity.objects.create(plan=plan, **fields)
        for name, values in m2m.items():
            getattr(activity, name).set(values)
    return activity


def update_activity(
    *, activity: Activity, expected_version: int, changes: dict, by: User | None
) -> Activity:
    """Apply ``changes`` (field name → new value) if nobody changed the activity meanwhile.

    Raises ActivityConflict when the stored version differs from ``expected_version`` (the
    version the caller's form was built from); nothing is written then. Returns the
    activity with ``version`` increased by one. Unchanged values are not an edit.
    """
    unknown = set(changes) - ACTIVITY_FIELDS - ACTIVITY_M2M
    if unknown:
        raise TypeError(f"unknown activity fields: {sorted(unknown)}")
    with transaction.atomic():
        current = Activity.objects.select_for_update().get(pk=activity.pk)
        if current.version != expected_version:
            raise ActivityConflict(current)
        fields = [name for name in changes if name in ACTIVITY_FIELDS]
        for name in fields:
            setattr(current, name, changes[name])
        current.version += 1
        current.save(update_fields=[*fields, "version", "updated_at"])
        for name in ACTIVITY_M2M & set(changes):
            getattr(current, name).set(changes[name])
    activity.refresh_from_db()
    return activity


def record_follow_up(
    *,
    activity: Activity,
    expected_previous_id: int | None,
    reported_on: date,
    status: str,
    by: User | None,
    progress_percent: int | None = None,
    done_count: int | None = None,
    note: str = "",
) -> FollowUp:
    """Append a follow-up entry, refusing it if another entry was recorded meanwhile.

    ``expected_previous_id``: the id of the latest entry the reporter saw (None if they
    saw none). Raises FollowUpConflict when the latest stored entry is another one, and
    FollowUpOutOfOrder when ``reported_on`` is before the latest entry's date. The
    activity row is locked while checking, so two simultaneous reports queue and the
    second one gets the conflict instead of silently hiding the first.
    """
    with transaction.atomic():
        Activity.objects.select_for_update().get(pk=activity.pk)
        latest = activity.follow_ups.order_by("-pk").first()
        if (latest.pk if latest else None) != expected_previous_id:
            raise FollowUpConflict(latest)
        if latest is not None and reported_on < latest.reported_on:
            raise FollowUpOutOfOrder(latest.reported_on)
        return FollowUp.objects.create(
            activity=activity,
            reported_on=reported_on,
            status=status,
            progress_percent=progress_percent,
            done_count=done_count,
            note=note,
            previous=latest,
            reported_by=by,
        )


def create_target(*, plan: ActionPlan, by: User | None, **fields) -> Target:
    return Target.objects.create(plan=plan, **fields)


def create_indicator(*, activity: Activity, by: User | None, **fields) -> Indicator:
    return Indicator.objects.create(activity=activity, **fields)


def record_indicator_value(
    *,
    indicator: Indicator,
    period_start_on: date,
    period_end_on: date,
    value: Decimal,
    by: User | None,
    source: str = "",
) -> IndicatorValue:
    return IndicatorValue.objects.create(
        indicator=indicator,
        period_start_on=period_start_on,
        period_end_on=period_end_on,
        value=value,
        source=source,
        recorded_by=by,
    )


@dataclass
class CarryOverResult:
    plan: ActionPlan
    carried: list[Activity]
    left: list[Activity]


def carry_over_plan(
    *,
    plan: ActionPlan,
    title: str,
    starts_on: date,
    ends_on: date,
    by: User | None,
    as_of: date | None = None,
) -> CarryOverResult:
    """Create next period's plan from ``plan``, taking its unfinished activities along.

    Unfinished = no follow-up yet, or latest entry on ``as_of`` (default: the plan's last
    day) planned, ongoing or partly done. Each is created anew in the new plan with
    ``carried_from`` pointing at the old one (its history stays there and shows through
    Activity.history()), the new plan's period, the same code, priority
    areas, causes, organisations and places, a copy of its target and indicators, and a
    first follow-up entry that carries the last status and count. Finished activities
    stay behind (``left``). Raises AlreadyCarriedOver (nothing written) if an unfinished
    activity was already carried over to another plan.
    """
    as_of = as_of or plan.ends_on
    with transaction.atomic():
        ActionPlan.objects.select_for_update().get(pk=plan.pk)
        new_plan = create_plan(
            agreement=plan.agreement,
            title=title,
            starts_on=starts_on,
            ends_on=ends_on,
            by=by,
            previous_plan=plan,
            is_demo=plan.is_demo,
        )
        target_copies: dict[int, Target] = {}
        carried: list[Activity] = []
        left: list[Activity] = []
        activities = plan.activities.prefetch_related(
            "priority_areas", "causes", "contributing_organisations", "neighbourhoods"
        ).select_related("target")
        for old in activities:
            latest = old.latest_follow_up(on=as_of)
            if latest is not None and latest.status not in UNFINISHED_STATUSES:
                left.append(old)
                continue
            if Activity.objects.filter(carried_from=old).exists():
                raise AlreadyCarriedOver(old.code)
            target = None
            if old.target_id is not None:
                if old.target_id not in target_copies:
                    t = old.target
                    target_copies[old.target_id] = Target.objects.create(
                        plan=new_plan,
                        description=t.description,
                        comparator=t.comparator,
                        quantity=t.quantity,
                        unit=t.unit,
                        frequency=t.frequency,
                        counted_types=t.counted_types,
                    )
                target = target_copies[old.target_id]
            new = create_activity(
                plan=new_plan,
                by=by,
                code=old.code,
                carried_from=old,
                title=old.title,
                description=old.description,
                activity_type=old.activity_type,
                owner_party=old.owner_party,
                responsible_organisation=old.responsible_organisation,
                place_note=old.place_note,
                starts_on=starts_on,
                ends_on=ends_on,
                expected_effect=old.expected_effect,
                expected_effect_note=old.expected_effect_note,
                target=target,
                child_rights_note=old.child_rights_note,
                gender_equality_note=old.gender_equality_note,
                priority_areas=list(old.priority_areas.all()),
                causes=list(old.causes.all()),
                contributing_organisations=list(old.contributing_organisations.all()),
                neighbourhoods=list(old.neighbourhoods.all()),
            )
            for indicator in old.indicators.all():
                Indicator.objects.create(
                    activity=new,
                    name=indicator.name,
                    kind=indicator.kind,
                    direction=indicator.direction,
                    unit=indicator.unit,
                    source=indicator.source,
                    neighbourhood=indicator.neighbourhood,
                    event_types=indicator.event_types,
                    baseline_value=indicator.baseline_value,
                    baseline_start_on=indicator.baseline_start_on,
                    baseline_end_on=indicator.baseline_end_on,
                )
            FollowUp.objects.create(
                activity=new,
                reported_on=starts_on,
                status=latest.status if latest else "planned",
                progress_percent=latest.progress_percent if latest else None,
                # Counts restart with the new period's target.
                done_count=0 if latest and latest.done_count is not None else None,
                note=gettext("Carried over from %(plan)s (%(code)s).")
                % {"plan": plan.title, "code": old.code},
                reported_by=by,
            )
            carried.append(new)
    return CarryOverResult(plan=new_plan, carried=carried, left=left)
