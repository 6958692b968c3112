"""Read side of pledges: a promise's outcome from its own follow-up and its linked activities.

The rule (docs/decisions/0089-promise-follow-up-from-activities.md):

- A linked activity's ``FollowUp.done_count`` is cumulative from the activity's start, so
  what it did **inside the pledge period** is its count in force at the period's end minus
  its count in force the day before the period starts (0 when nothing was reported by
  then). "In force" = the latest entry with a count dated on or before that day; a later
  status-only entry does not cancel a count.
- An activity counts *weekends* when its target's unit is weekends, otherwise *times*
  (occurrences). The activities' counts are added up only when every counting activity
  has the same unit; otherwise ``from_activities`` is None and each count stands alone.
- The promise's own follow-up counts (``PromiseFollowUp.outcome_count``) are reports of
  what was done, added up as before (all of them: a year's report may be dated after
  it). ``total`` = own + from activities. A count is to be recorded once: on the
  activity when a plan activity carries the promise out, on the promise otherwise.
- The target "at least N per day/week/month/year/period" is evaluated with the plans'
  target arithmetic (``plans.targets``, ADR 0081) over the pledge period: whole-period
  requirement and the requirement from the period's start to ``on``.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.utils.translation import gettext as _

from samverkan.plans import targets as target_math
from samverkan.plans.models import Activity, FollowUp, TargetUnit

from .models import CitizenPledge, Promise


@dataclass
class ActivityOutcome:
    """One linked activity's standing for a promise.

    ``entry``: the latest follow-up entry dated within the period's end (status, date), or
    None. ``count``: occurrences (or weekends, see ``unit``) inside the pledge period; None
    when the activity reports no count. ``unit``: a plans
    ``TargetUnit`` value.
    """

    activity: Activity
    entry: FollowUp | None
    count: int | None
    unit: str


@dataclass
class PromiseOutcome:
    """A promise's outcome over its pledge period (see the module docstring for the rule).

    ``on``: the day ``required_so_far`` refers to.

    Counts are whole numbers; ``required_*`` are the smallest whole counts that meet the
    "at least" target (None without a target). Higher is better for every count here.
    """

    promise: Promise
    on: date
    own: int | None
    activities: list[ActivityOutcome] = field(default_factory=list)
    from_activities: int | None = None
    units_differ: bool = False
    unit: str = TargetUnit.OCCURRENCES
    required_total: int | None = None
    required_so_far: int | None = None

    @property
    def total(self) -> int | None:
        """Own reports plus the activities' counts; None when neither has a count."""
        if self.own is None and self.from_activities is None:
            return None
        return (self.own or 0) + (self.from_activities or 0)

    @property
    def met_so_far(self) -> bool | None:
        """Whether the total meets what the target requires up to ``on``; None without one."""
        if self.required_so_far is None:
            return None
        return (self.total or 0) >= self.required_so_far

    @property
    def short_so_far(self) -> int | None:
        """How many more the target requires up to ``on`` (0 when met); None without one."""
        if self.required_so_far is None:
            return None
        return max(self.required_so_far - (self.total or 0), 0)

    @property
    def unit_label(self) -> str:
        return str(TargetUnit(self.unit).label)


def linkable_activities(user, pledge: CitizenPledge) -> QuerySet[Activity]:
    """Activities ``user`` may link to promises of ``pledge``: the gate for forms and services.

    Visible to the user (``Activity.objects.visible_to``, the plans' gate), of a plan in the
    pledge's tenant, and running at some time during the pledge period. Ordered by plan
    (newest first) and code, with the plan selected.
    """
    return (
        Activity.objects.visible_to(user)
        .filter(
            plan__agreement__tenant=pledge.tenant,
            starts_on__lte=pledge.valid_to,
            ends_on__gte=pledge.valid_from,
        )
        .select_related("plan")
        .order_by("-plan__starts_on", "plan__title", "plan_id", "code")
    )


def _count_in_force(entries: list[FollowUp], day: date) -> int | None:
    """The latest count dated on or before ``day`` in ``entries`` (ordered by date, pk)."""
    count = None
    for entry in entries:
        if entry.reported_on > day:
            break
        if entry.done_count is not None:
            count = entry.done_count
    return count


def activity_outcome(activity: Activity, start: date, end: date) -> ActivityOutcome:
    """What ``activity`` did between ``start`` and ``end`` (inclusive), from its follow-up.

    Uses ``activity.follow_ups.all()`` (prefetch it) and ``activity.target``.
    """
    entries = sorted(activity.follow_ups.all(), key=lambda e: (e.reported_on, e.pk))
    in_force = [e for e in entries if e.reported_on <= end]
    at_end = _count_in_force(entries, end)
    before = _count_in_force(entries, start - timedelta(days=1))
    count = None if at_end is None else max(at_end - (before or 0), 0)
    unit = activity.target.unit if activity.target_id else TargetUnit.OCCURRENCES
    return ActivityOutcome(
        activity=activity, entry=in_force[-1] if in_force else None, count=count, unit=unit
    )


def prefetch_outcome_data(promises: list[Promise]) -> None:
    """Load what ``promise_outcome`` reads for all ``promises`` at once (five queries for a
    whole pledge instead of three per promise); relations already prefetched are kept."""
    prefetch_related_objects(
        promises,
        "pledge",
        "follow_ups",
        Prefetch(
            "activities",
            queryset=Activity.objects.select_related("plan", "target").prefetch_related(
                "follow_ups"
            ),
        ),
    )


def promise_outcome(promise: Promise, on: date | None = None) -> PromiseOutcome:
    """The outcome of ``promise`` over its pledge period, and the target's demand by ``on``.

    Counts take everything reported for the period: the activities' counts inside the
    pledge period, and all of the promise's own reports. ``on`` (default: the pledge's
    last day) only sets ``required_so_far`` (the target from the period's start to
    ``on``). Reads all linked activities, whoever may see them: the outcome is the
    promise's, and is what gets published.
    """
    prefetch_outcome_data([promise])  # a no-op for promises that come prefetched
    pledge: CitizenPledge = promise.pledge
    on = pledge.valid_to if on is None else on
    until = min(on, pledge.valid_to)
    reported = [f.outcome_count for f in promise.follow_ups.all() if f.outcome_count is not None]
    own = sum(reported) if reported else None  # as SUM(): None when nothing was counted
    outcomes = [
        activity_outcome(a, pledge.valid_from, pledge.valid_to) for a in promise.activities.all()
    ]
    counting = [o for o in outcomes if o.count is not None]
    units = {o.unit for o in counting}
    result = PromiseOutcome(promise=promise, on=on, own=own, activities=outcomes)
    if len(units) == 1:
        result.unit = units.pop()
        result.from_activities = sum(o.count for o in counting)
    elif len(units) > 1:
        result.units_differ = True
    if promise.target_count and promise.target_unit:
        spec = target_math.TargetSpec(
            comparator=target_math.AT_LEAST,
            quantity=promise.target_count,
            frequency=promise.target_unit,
            period_start=pledge.valid_from,
            period_end=pledge.valid_to,
            unit=result.unit,
        )
        result.required_total = target_math.required_whole(spec)
        result.required_so_far = target_math.required_whole(spec, pledge.valid_from, until)
    return result


def outcome_payload(outcome: PromiseOutcome) -> dict:
    """The published shape of an outcome: counts, unit and the activities' standing.

    {"as_of": "YYYY-MM-DD", "own": int|None, "from_activities": int|None, "total":
    int|None, "unit": "occurrences"|"weekends", "unit_label", "units_differ": bool,
    "required_total": int|None, "required_so_far": int|None, "met_so_far": bool|None,
    "activities": [{"code", "title", "plan", "status", "status_label", "reported_on",
    "count", "unit"}]}. No personal data: no reporters, no free-text notes.
    """
    return {
        "as_of": outcome.on.isoformat(),
        "own": outcome.own,
        "from_activities": outcome.from_activities,
        "total": outcome.total,
        "unit": outcome.unit,
        "unit_label": outcome.unit_label,
        "units_differ": outcome.units_differ,
        "required_total": outcome.required_total,
        "required_so_far": outcome.required_so_far,
        "met_so_far": outcome.met_so_far,
        "activities": [
            {
                "code": o.activity.code,
                "title": o.activity.title,
                "plan": o.activity.plan.title,
                "status": o.entry.status if o.entry else "",
                "status_label": str(o.entry.get_status_display()) if o.entry else _("no report"),
                "reported_on": o.entry.reported_on.isoformat() if o.entry else None,
                "count": o.count,
                "unit": o.unit,
            }
            for o in outcome.activities
        ],
    }
